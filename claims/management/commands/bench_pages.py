"""manage.py bench_pages: server time and query count of each main page at the current database size.

Requests go through Django's test client (the whole middleware and template stack, no network),
signed in as a throw-away superuser that is deleted afterwards. Each page is requested once to
warm up, then ``--repeat`` times as it is (``warm``: cached aggregates are reused), then
``--repeat`` times right after a simulated write (``cold``: every cached aggregate is computed
again, as on the first request after an ingest or a curator's change). Medians are printed.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count
from django.test import Client
from django.urls import reverse

from articles.models import Article
from claims.models import Claim, Proposition, Relation, Speaker
from common.benchmarking import header, measure_requests

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
            self.stdout.write(header("page", width=44))
            results = [self._bench(client, label, url, repeat) for label, url in _pages()]
        finally:
            user.delete()
        slow, slow_cold = sum(warm for warm, _ in results), sum(cold for _, cold in results)
        return f"Pages over {BUDGET_MS} ms: {slow} warm, {slow_cold} cold (first request after a write)."

    def _bench(self, client: Client, label: str, url: str, repeat: int) -> tuple[bool, bool]:
        figures = measure_requests(client, url, repeat)
        self.stdout.write(figures.row(label, width=44))
        return figures.warm_ms > BUDGET_MS, figures.cold_ms > BUDGET_MS


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
