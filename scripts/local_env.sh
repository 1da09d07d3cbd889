#!/usr/bin/env bash
# `make run` on a machine: a .env with a fresh secret key and demo password (first run only), and
# the database this checkout uses (every run), so that `.venv/bin/python manage.py …` typed by
# hand later reaches the same database as `make run`. The file stays on this machine (it is
# git-ignored); delete it to start over.
#   scripts/local_env.sh [DATABASE_URL]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f .env ]; then
  secret=$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(50))')
  password=$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(12))')
  umask 077
  cat > .env <<ENV
DJANGO_SECRET_KEY=$secret
DJANGO_DEBUG=false
CLAIMTRACK_DEMO_PASSWORD=$password
ENV
  echo "Wrote .env with a new secret key and the demo user's password."
fi
# `make run` and `make serve` answer plain HTTP on loopback: turn off the HTTPS-only defaults
# production gets (docs/deploy.md). Added to an older .env too.
for setting in DJANGO_SECURE_SSL_REDIRECT=false DJANGO_SECURE_HSTS_SECONDS=0 \
               DJANGO_SESSION_COOKIE_SECURE=false DJANGO_CSRF_COOKIE_SECURE=false; do
  grep -q "^${setting%%=*}=" .env || echo "$setting" >> .env
done
if [ -n "${1:-}" ]; then
  grep -v '^DATABASE_URL=' .env > .env.new || true
  echo "DATABASE_URL=$1" >> .env.new
  chmod 600 .env.new && mv .env.new .env
fi
