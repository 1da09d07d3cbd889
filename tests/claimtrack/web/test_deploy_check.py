"""`check --deploy` on production-like settings: secure by default, and clean with the example env."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE_ENV = ROOT / "deploy" / "production.env.example"


def _deploy_check(variables: dict[str, str]) -> subprocess.CompletedProcess:
    """Run `manage.py check --deploy` on the production settings with only ``variables`` set."""
    base = {key: os.environ[key] for key in ("PATH", "HOME") if key in os.environ}
    env = {**base, "DJANGO_ENV_FILE": "/dev/null", "DATABASE_URL": os.environ.get("DATABASE_URL", ""), **variables}
    command = [
        sys.executable,
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        "--settings=claimtrack.settings.base",
    ]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def _example_variables() -> dict[str, str]:
    lines = [line.strip() for line in EXAMPLE_ENV.read_text().splitlines()]
    pairs = dict(line.split("=", 1) for line in lines if line and not line.startswith("#"))
    pairs["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(50)
    pairs["DATABASE_URL"] = os.environ.get("DATABASE_URL", "")
    return pairs


@pytest.mark.parametrize("warning", ["security.W004", "security.W008", "security.W012", "security.W016"])
def test_without_debug_https_settings_are_on_by_default(warning):
    minimal = {
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "claims.example.org",
    }
    result = _deploy_check(minimal)
    assert warning not in result.stdout + result.stderr


def test_the_example_production_environment_passes_the_deploy_check():
    result = _deploy_check(_example_variables())
    assert result.returncode == 0, result.stdout + result.stderr


def test_each_https_setting_can_be_turned_off_for_plain_http():
    plain = {
        "DJANGO_DEBUG": "false", "DJANGO_SECRET_KEY": secrets.token_urlsafe(50), "DJANGO_ALLOWED_HOSTS": "localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "false", "DJANGO_SECURE_HSTS_SECONDS": "0",
        "DJANGO_SESSION_COOKIE_SECURE": "false", "DJANGO_CSRF_COOKIE_SECURE": "false",
    }  # fmt: skip
    result = _deploy_check(plain)
    output = result.stdout + result.stderr
    for warning in ("W004", "W008", "W012", "W016"):
        assert f"security.{warning}" in output


def test_a_malformed_proxy_ssl_header_fails_loudly():
    result = _deploy_check({"DJANGO_SECRET_KEY": "x" * 60, "DJANGO_SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO"})
    assert result.returncode != 0
    assert "DJANGO_SECURE_PROXY_SSL_HEADER" in result.stderr
