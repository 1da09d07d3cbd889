"""manage.py bench_pages: server time and query count of each main page at the current database size.

Requests go through Django's test client (the whole middleware and template stack, no network),
signed in as a throw-away superuser that is deleted afterwards. Each page is requested once to
warm up, then ``--repeat`` times as it is (``warm``: cached aggregates are reused), then
``--repeat`` times right after a simulated write (``cold``: every cached aggregate is computed
again, as on the first request after an ingest or a curator's change). Medians are printed.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterator

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article
from claims.aggregate_cache import data_version_bump
from claims.models import Claim, Proposition, Relation, Speaker

BENCH_USER = "bench-pages"
# The target in issue 4: every page under this on the server with 100,000 claims.
BUDGET_MS = 200


class Command(BaseCommand):
    help = "Print median server time and query count per main UI page, at the current database size."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=7, help="Timed requests per page (after one warm-up).")
        parser.add_argument("--host", default="localhost", help="Host header; must be in ALLOWED_HOSTS.")

    def handle(self, *args, repeat: int, host: str, **options) -> str:
        if not Claim.objects.exists():
            raise CommandError("No claims: ingest articles or run `manage.py make_synthetic_claims` first.")
        user = get_user_model().objects.create(username=BENCH_USER, is_superuser=True, is_staff=True)
        try:
            client = Client(HTTP_HOST=host)
            client.force_login(user)
            self.stdout.write(f"{Claim.objects.count()} claims, {Article.objects.count()} articles in the database")
            # cpu ms: this process's own CPU time (warm), which other load on a shared machine does not
            # inflate; the database's time is not in it. queries: warm/cold.
            self.stdout.write(f"{'page':<44} {'warm ms':>8} {'cold ms':>8} {'cpu ms':>7} {'queries':>8}")
            results = [self._bench(client, label, url, repeat) for label, url in _pages()]
        finally:
            user.delete()
        slow, slow_cold = sum(warm for warm, _ in results), sum(cold for _, cold in results)
        return f"Pages over {BUDGET_MS} ms: {slow} warm, {slow_cold} cold (first request after a write)."

    def _bench(self, client: Client, label: str, url: str, repeat: int) -> tuple[bool, bool]:
        client.get(url)  # warm-up: template loading, the database's caches, cached aggregates
        warm = [_timed(client, url) for _ in range(max(1, repeat))]
        cold = [_timed(client, url, after_write=True) for _ in range(max(1, repeat))]
        median = statistics.median(ms for ms, _, _ in warm)
        cold_median = statistics.median(ms for ms, _, _ in cold)
        cpu = statistics.median(cpu for _, cpu, _ in warm)
        queries = f"{warm[-1][2]}/{cold[-1][2]}"
        self.stdout.write(f"{label:<44} {median:>8.1f} {cold_median:>8.1f} {cpu:>7.1f} {queries:>8}")
        return median > BUDGET_MS, cold_median > BUDGET_MS


def _timed(client: Client, url: str, after_write: bool = False) -> tuple[float, float, int]:
    """(wall ms, CPU ms, queries) of one request; ``after_write`` first invalidates cached aggregates."""
    if after_write:
        data_version_bump()
    with CaptureQueriesContext(connection) as queries:
        started, cpu_started = time.perf_counter(), time.process_time()
        response = client.get(url)
        elapsed, cpu = (time.perf_counter() - started) * 1000, (time.process_time() - cpu_started) * 1000
    if response.status_code != 200:
        raise CommandError(f"{url} answered {response.status_code}")
    return elapsed, cpu, len(queries)


def _pages() -> Iterator[tuple[str, str]]:
    """Main pages, each on a busy example: the most quoted speaker, the most linked claim, …"""
    claims = reverse("claims:list")
    yield "home", reverse("home")
    yield "claims", claims
    yield "claims, search 'russian airstrikes'", f"{claims}?q=russian+airstrikes"
    yield "claims, search + 2 facets", f"{claims}?q=syria&polarity=negated&cue_class=deny"
    yield "claims, page 40", f"{claims}?page=40"
    speaker = Speaker.objects.annotate(n=Count("claims")).order_by("-n").first()
    if speaker:
        yield "speaker (most claims)", speaker.get_absolute_url()
        yield "claims, speaker facet", f"{claims}?speaker={speaker.pk}"
    relation = Relation.objects.order_by("id").first()
    claim = relation.claim_a if relation else Claim.objects.order_by("id").first()
    yield "claim (with relations)", claim.get_absolute_url()
    article = Article.objects.annotate(n=Count("claims")).order_by("-n").first()
    yield "article (most claims)", article.get_absolute_url()
    dispute = Proposition.objects.annotate(n=Count("members")).order_by("-n").first()
    if dispute:
        yield "dispute (most members)", dispute.get_absolute_url()
    yield "matrix, speakers", reverse("claims:matrix")
    yield "matrix, affiliations", reverse("claims:matrix") + "?by=affiliation"
    yield "ingest", reverse("articles:ingest")
