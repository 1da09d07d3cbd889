"""A load test against the production serve command: gunicorn (gunicorn.conf.py) on loopback,
driven by signed-in HTTP clients in threads. Used by ``manage.py load_test``."""

from __future__ import annotations

import os
import random
import re
import secrets
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

import requests
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


@dataclass
class Tally:
    """Every request's latency and the failures, shared by the client threads."""

    latencies: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, seconds: float, error: str | None) -> None:
        with self.lock:
            self.latencies.append(seconds)
            if error:
                self.errors[error] = self.errors.get(error, 0) + 1

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0

    def summary(self, seconds: float) -> str:
        errors = sum(self.errors.values())
        p50, p95, p99 = (self.percentile(share) * 1000 for share in (0.50, 0.95, 0.99))
        return (
            f"{len(self.latencies):,} requests in {seconds:.0f} s ({len(self.latencies) / seconds:.1f}/s), "
            f"{errors} errors; latency p50 {p50:.0f} ms, p95 {p95:.0f} ms, p99 {p99:.0f} ms"
        )


def database_url() -> str:
    """The URL of the database this process uses, for the server it starts."""
    db = settings.DATABASES["default"]
    netloc = f"{quote(db['USER'] or '')}:{quote(str(db['PASSWORD'] or ''))}@{db['HOST'] or ''}"
    netloc += f":{db['PORT']}" if db["PORT"] else ""
    options = {key: value for key, value in db.get("OPTIONS", {}).items() if isinstance(value, (str, int))}
    return f"postgres://{netloc}/{quote(db['NAME'])}" + (f"?{urlencode(options)}" if options else "")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_environment(port: int) -> dict[str, str]:
    """Production settings (DEBUG off) served over plain HTTP on loopback, nothing from a .env file."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "claimtrack.settings.base",
        "DJANGO_ENV_FILE": "/dev/null",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url(),
        # Loopback has no TLS: the HTTPS-only defaults would redirect every request.
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_SESSION_COOKIE_SECURE": "false",
        "DJANGO_CSRF_COOKIE_SECURE": "false",
        "DJANGO_SECURE_HSTS_SECONDS": "0",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_ACCESS_LOG": os.devnull,
    }


@contextmanager
def gunicorn_server(port: int, timeout: float = 60) -> Iterator[subprocess.Popen]:
    """``gunicorn -c gunicorn.conf.py`` (the `make serve` command), stopped on exit."""
    gunicorn = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(
        [str(gunicorn), "-c", str(ROOT / "gunicorn.conf.py")],
        cwd=ROOT, env=server_environment(port), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        _wait_until_up(process, port, timeout)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def _wait_until_up(process: subprocess.Popen, port: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited: {process.stderr.read()[-2000:]}")
        try:
            requests.get(f"http://127.0.0.1:{port}/accounts/login/", timeout=2)
            return
        except requests.ConnectionError:
            time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer on port {port} within {timeout:.0f} s")


def signed_in_session(base: str, username: str, password: str) -> requests.Session:
    """A browser-like session: the sign-in form with its CSRF token, then the session cookie."""
    session = requests.Session()
    form = session.get(f"{base}/accounts/login/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    response = session.post(
        f"{base}/accounts/login/", timeout=30, allow_redirects=False,
        data={"username": username, "password": password, "csrfmiddlewaretoken": token},
        headers={"Referer": f"{base}/accounts/login/"},
    )  # fmt: skip
    if response.status_code != 302:
        raise RuntimeError(f"signing in as {username} answered {response.status_code}")
    return session


def drive(session: requests.Session, base: str, paths: list[str], until: float, tally: Tally, seed: int) -> None:
    """Request random paths until ``until`` (time.monotonic()), recording each."""
    chooser = random.Random(seed)
    while time.monotonic() < until:
        path = chooser.choice(paths)
        started = time.monotonic()
        try:
            response = session.get(base + path, timeout=60)
            error = None if response.status_code < 400 else f"{response.status_code} {path.split('?')[0]}"
        except requests.RequestException as exc:
            error = type(exc).__name__
        tally.record(time.monotonic() - started, error)
