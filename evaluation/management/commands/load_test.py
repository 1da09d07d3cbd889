"""manage.py load_test: signed-in clients against the production serve command on loopback.

Starts ``gunicorn -c gunicorn.conf.py`` (what `make serve` runs) on a free loopback port with
production settings over this process's database, signs in one analyst per client (throw-away
users, deleted afterwards), and has each client request the main pages and API endpoints at random
for the given time. Prints requests, errors, latency percentiles and the peak number of database
connections the server held (bounded by gunicorn's workers × threads).
"""

from __future__ import annotations

import secrets
import threading
import time

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from articles.models import Article
from claims.models import Claim, Proposition, Speaker
from claims.services.roles import user_set_role
from evaluation.loadtest import Tally, drive, free_port, gunicorn_server, signed_in_session

USER_PREFIX = "load-test-"


class Command(BaseCommand):
    help = "Drive signed-in clients against gunicorn on loopback and print requests, errors and p50/p95/p99."

    def add_arguments(self, parser):
        parser.add_argument("--clients", type=int, default=50)
        parser.add_argument("--seconds", type=float, default=60)
        parser.add_argument("--seeds", default="fixtures/seeds", help="Ingested first when the database has no claims.")

    def handle(self, *args, clients: int, seconds: float, seeds: str, **options) -> str:
        if not Claim.objects.exists():
            call_command("ingest", seeds, stdout=self.stdout)
        if not Claim.objects.exists():
            raise CommandError("No claims to browse: ingest articles first.")
        password = secrets.token_urlsafe(16)
        users = [_analyst(f"{USER_PREFIX}{n}", password) for n in range(clients)]
        try:
            return self._run(users, password, seconds)
        finally:
            get_user_model().objects.filter(username__startswith=USER_PREFIX).delete()

    def _run(self, users: list, password: str, seconds: float) -> str:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        paths = _paths()
        tally = Tally()
        # Connections other processes already hold (a worker, another test's server) are not the server's.
        before = _other_connections()
        with gunicorn_server(port):
            sessions = [signed_in_session(base, user.username, password) for user in users]
            until = time.monotonic() + seconds
            threads = [
                threading.Thread(target=drive, args=(session, base, paths, until, tally, n), daemon=True)
                for n, session in enumerate(sessions)
            ]
            for thread in threads:
                thread.start()
            peak = max(_watch_connections(threads) - before, 0)
        summary = tally.summary(seconds)
        self.stdout.write(f"{len(users)} signed-in clients, {len(paths)} pages and API endpoints, gunicorn on {base}")
        for error, count in sorted(tally.errors.items(), key=lambda item: -item[1]):
            self.stdout.write(f"  {count} x {error}")
        self.stdout.write(f"Peak database connections from the server: {peak}")
        return summary


def _analyst(username: str, password: str):
    user, _ = user_set_role(username=username, role="analyst", password=password)
    # Hashed as production hashes it: the server runs production settings, which may not accept
    # the fast hasher that test settings (this command's, under `make load-test`) use.
    hasher = PBKDF2PasswordHasher()
    user.password = hasher.encode(password, hasher.salt())
    user.save(update_fields=["password"])
    return user


def _other_connections() -> int:
    """How many connections other processes hold on this database."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


def _watch_connections(threads: list[threading.Thread]) -> int:
    """Wait for the clients, sampling how many connections other processes hold on this database."""
    peak = 0
    while any(thread.is_alive() for thread in threads):
        peak = max(peak, _other_connections())
        time.sleep(0.5)
    return peak


def _paths() -> list[str]:
    """The main pages and API endpoints, on real rows (the busiest speaker, the latest claim)."""
    claim = Claim.objects.order_by("-id").first()
    speaker = Speaker.objects.order_by("-id").first()
    article = Article.objects.order_by("-id").first()
    dispute = Proposition.objects.order_by("-id").first()
    pages = ["/", "/claims/", "/claims/?q=said", "/matrix/", claim.get_absolute_url(), article.get_absolute_url()]
    pages += [speaker.get_absolute_url()] if speaker else []
    pages += [dispute.get_absolute_url()] if dispute else []
    api = ["/api/v1/claims/", "/api/v1/claims/?q=said", "/api/v1/speakers/", "/api/v1/matrix/",
           f"/api/v1/claims/{claim.pk}/", f"/api/v1/claims/{claim.pk}/agreeing/", "/api/v1/articles/"]  # fmt: skip
    return pages + api
