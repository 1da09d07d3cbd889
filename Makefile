# ClaimTrack: `make run` serves the app with the seed articles; `make test` runs every test.
SHELL := /bin/bash
PY := .venv/bin/python
# DATABASE_URL wins; otherwise the machine's PostgreSQL when it offers pgvector, else an embedded
# PostgreSQL 18 with pgvector (claimtrack/localdb.py).
DB_URL = $${DATABASE_URL:-$$($(PY) -m claimtrack.localdb url)}
# Tests get their own database name so they never touch the app's data.
TEST_DB_URL = $${DATABASE_URL:-$$($(PY) -m claimtrack.localdb url claimtrack_tests)}

# A fresh test database each run, so a changed migration can never leave a stale schema behind;
# `make test PYTEST_ARGS=` reuses the last one for speed.
PYTEST_ARGS ?= --create-db

.PHONY: run serve load-test test setup-run setup-test lint eval eval-linking eval-linking-news eval-encoder eval-syndication bench-pages bench-api bench-ingest bench-alerts screenshots stop-db

run: setup-run
	@scripts/local_env.sh "$(DB_URL)"
	@set -a; source .env; set +a; \
	$(PY) manage.py migrate --no-input -v0 && \
	$(PY) manage.py collectstatic --no-input -v0 && \
	$(PY) manage.py ingest fixtures/seeds && \
	$(PY) manage.py reextract --outdated && \
	$(PY) manage.py ensure_demo_user && \
	echo "ClaimTrack on http://127.0.0.1:8000/  (Ctrl-C stops it)" && \
	$(PY) manage.py runserver 127.0.0.1:8000

# The production way: gunicorn with bounded workers and threads (gunicorn.conf.py), so the number of
# database connections is bounded too. Same data preparation as `make run`; see docs/deploy.md.
serve: setup-run
	@scripts/local_env.sh "$(DB_URL)"
	@set -a; source .env; set +a; \
	$(PY) manage.py migrate --no-input -v0 && \
	$(PY) manage.py collectstatic --no-input -v0 && \
	$(PY) manage.py ingest fixtures/seeds && \
	$(PY) manage.py reextract --outdated && \
	$(PY) manage.py ensure_demo_user && \
	echo "ClaimTrack (gunicorn) on http://$${GUNICORN_BIND:-127.0.0.1:8000}/  (Ctrl-C stops it)" && \
	exec .venv/bin/gunicorn -c gunicorn.conf.py

# 50 signed-in clients for 60 s against `gunicorn -c gunicorn.conf.py` on loopback (scratch database).
load-test: setup-test
	@$(EVAL_MANAGE) load_test --clients 50 --seconds 60 --settings=claimtrack.settings.test

test: setup-test
	@export DATABASE_URL=$(TEST_DB_URL); \
	$(PY) manage.py makemigrations --check --dry-run --settings=claimtrack.settings.test >/dev/null || \
	  { echo "Model changes without a migration: run makemigrations"; exit 1; }; \
	$(PY) -m pytest $(PYTEST_ARGS)

setup-run:
	@scripts/bootstrap.sh run

setup-test:
	@scripts/bootstrap.sh test

# Benchmarks run on a scratch database (name ends in _eval) that they empty first.
EVAL_DB_URL = $${EVAL_DATABASE_URL:-$$($(PY) -m claimtrack.localdb url claimtrack_eval)}
EVAL_MANAGE = export DATABASE_URL=$(EVAL_DB_URL); $(PY) manage.py migrate -v0 --settings=claimtrack.settings.test && $(PY) manage.py

eval: setup-test
	@$(EVAL_MANAGE) eval_extraction --reset --settings=claimtrack.settings.test

# Linking: seed pair scores (and where pairs are lost), cost against extraction, relinking at
# 1,000 vs 100,000 stored claims, worker memory.
eval-linking: setup-test
	@$(EVAL_MANAGE) eval_linking --settings=claimtrack.settings.test

# Linking on news nobody tuned on (PolNeAR dev): relations per claim, largest disputes, 50 to read.
eval-linking-news: setup-test
	@$(EVAL_MANAGE) eval_linking --news --settings=claimtrack.settings.test

# The claim encoder's backends on 3,000 real claims: ONNX vs torch vectors, time, memory; int8 tried.
eval-encoder: setup-test
	@$(EVAL_MANAGE) eval_encoder --int8 --settings=claimtrack.settings.test

# Syndicated copies: the seed CNN pair, and PolNeAR dev articles plus re-dressed copies (nothing kept).
eval-syndication: setup-test
	@$(EVAL_MANAGE) eval_syndication --settings=claimtrack.settings.test

# Web UI: page times at 100,000 synthetic claims (scratch database), and the README screenshots.
bench-pages: setup-test
	@$(EVAL_MANAGE) make_synthetic_claims --claims 100000 --clear --seed 7 --settings=claimtrack.settings.test && \
	$(PY) manage.py bench_pages --settings=claimtrack.settings.test

# REST API: list endpoint times at 100,000 synthetic claims (scratch database).
bench-api: setup-test
	@$(EVAL_MANAGE) make_synthetic_claims --claims 100000 --clear --seed 7 --settings=claimtrack.settings.test && \
	$(PY) manage.py bench_api --settings=claimtrack.settings.test

# Ingest throughput with one and two real worker processes (needs Redis).
bench-ingest: setup-test
	@$(EVAL_MANAGE) bench_ingest --workers 1,2 --settings=claimtrack.settings.test

# Alerts: the link stage's time with and without alert matching (scratch database).
bench-alerts: setup-test
	@$(EVAL_MANAGE) bench_alerts --settings=claimtrack.settings.test

screenshots: setup-test
	@export DATABASE_URL=$(TEST_DB_URL) CLAIMTRACK_SCREENSHOTS=docs/screenshots; \
	$(PY) -m pytest tests/browser/test_screenshots.py -q

lint:
	$(PY) -m ruff check .

stop-db:
	$(PY) -m claimtrack.localdb stop
