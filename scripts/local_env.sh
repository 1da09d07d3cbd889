#!/usr/bin/env bash
# First `make run` on a machine: write a .env with a fresh secret key and demo password.
# The file stays on this machine (it is git-ignored); delete it to start over.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f .env ] && exit 0
secret=$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(50))')
password=$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(12))')
umask 077
cat > .env <<ENV
DJANGO_SECRET_KEY=$secret
DJANGO_DEBUG=false
CLAIMTRACK_DEMO_PASSWORD=$password
ENV
echo "Wrote .env with a new secret key and the demo user's password."
