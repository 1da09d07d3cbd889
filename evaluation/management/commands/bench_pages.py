"""manage.py bench_pages: server time and query count of each main page at the current database size.

Requests go through Django's test client (the whole middleware and template stack, no network),
signed in as a throw-away superuser that is deleted afterwards. Each page is requested once to
warm up, then ``--repeat`` times as it is (``warm``: cached aggregates are reused), then
``--repeat`` times each right after a real write (``cold``, the first request after a write): a
curator-like change to one claim and one relation, committed through the same triggers as any
write, which invalidates every cached aggregate and updates the summary tables at its commit.
Medians are printed, and the median time of that write itself (the cost writers pay).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterator
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Count
from django.test import Client
from django.urls import reverse

from articles.models import Article
from claims.models import Claim, Proposition, PropositionMember, Relation, Speaker
from claims.selectors import agreement_matrix
from evaluation.benchmarking import header, measure_requests

BENCH_USER = "bench-pages"
# The target in issue 4: every page under this on the server with 100,000 claims.
BUDGET_MS = 200


class FlipWrite:
    """A small real write: one dispute member's polarity and one relation's type flip, then flip back.

    It changes facet counts, a dispute's groups and the link counts, and commits like a
    curator's change. ``restore`` puts the original values back.
    """

    def __init__(self) -> None:
        member = PropositionMember.objects.filter(claim__relations_as_a__isnull=False).order_by("id").first()
        self.claim = member.claim if member else Claim.objects.order_by("id").first()
        self.relation = self.claim.relations_as_a.order_by("id").first() or Relation.objects.order_by("id").first()
        self.original = (self.claim.polarity, self.relation.type if self.relation else None)
        self.times_ms: list[float] = []

    def __call__(self) -> None:
        started = time.perf_counter()
        with transaction.atomic():
            self._flip()
        self.times_ms.append((time.perf_counter() - started) * 1000)

    def _flip(self) -> None:
        polarities = {Claim.Polarity.ASSERTED: Claim.Polarity.NEGATED, Claim.Polarity.NEGATED: Claim.Polarity.ASSERTED}
        polarity = Claim.objects.values_list("polarity", flat=True).get(pk=self.claim.pk)
        Claim.objects.filter(pk=self.claim.pk).update(polarity=polarities[polarity])
        if self.relation:
            types = {Relation.Type.AGREE: Relation.Type.CONFLICT, Relation.Type.CONFLICT: Relation.Type.AGREE}
            kind = Relation.objects.values_list("type", flat=True).get(pk=self.relation.pk)
            Relation.objects.filter(pk=self.relation.pk).update(type=types.get(kind, kind))

    def restore(self) -> None:
        polarity, kind = self.original
        with transaction.atomic():
            Claim.objects.filter(pk=self.claim.pk).update(polarity=polarity)
            if self.relation:
                Relation.objects.filter(pk=self.relation.pk).update(type=kind)


class Command(BaseCommand):
    help = "Print median server time and query count per main UI page, at the current database size."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=7, help="Timed requests per page (after one warm-up).")
        parser.add_argument("--host", default="localhost", help="Host header; must be in ALLOWED_HOSTS.")

    def handle(self, *args, repeat: int, host: str, **options) -> str:
        if not Claim.objects.exists():
            raise CommandError("No claims: ingest articles or run `manage.py make_synthetic_claims` first.")
        user = get_user_model().objects.create(username=BENCH_USER, is_superuser=True, is_staff=True)
        write = FlipWrite()
        try:
            client = Client(HTTP_HOST=host)
            client.force_login(user)
            self.stdout.write(f"{Claim.objects.count()} claims, {Article.objects.count()} articles in the database")
            # cold: the first request after a real write. cpu ms: this process's own CPU time (warm),
            # which other load on a shared machine does not inflate; the database's time is not in
            # it. queries: warm/cold.
            self.stdout.write(header("page", width=44))
            results = [self._bench(client, label, url, repeat, write) for label, url in _pages()]
        finally:
            write.restore()
            user.delete()
        self.stdout.write(
            f"The write before each cold request (one claim and one relation, committed): median "
            f"{statistics.median(write.times_ms):.1f} ms over {len(write.times_ms)}, summary tables updated at its commit."
        )
        slow, slow_cold = sum(warm for warm, _ in results), sum(cold for _, cold in results)
        return f"Pages over {BUDGET_MS} ms: {slow} warm, {slow_cold} cold (first request after a write)."

    def _bench(self, client: Client, label: str, url: str, repeat: int, write: FlipWrite) -> tuple[bool, bool]:
        figures = measure_requests(client, url, repeat, write=write)
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
    # Filters that keep most claims: the facets are counted over every match.
    yield "claims, broad search 'russia'", f"{claims}?q=russia"
    # The same search ranked on request (it opens newest first): every match's vector is read.
    yield "claims, broad search ranked", f"{claims}?q=russia&order=relevance"
    yield "claims, broad facet polarity=asserted", f"{claims}?polarity=asserted"
    # The histogram counts by day or week (in SQL) when the dates span a month or a season.
    yield "claims, one month (histogram by day)", f"{claims}?date_from=2016-03-01&date_to=2016-03-31"
    yield "claims, a season + search (by week)", f"{claims}?q=russia&date_from=2016-01-01&date_to=2016-06-30"
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
    for by in ("speaker", "affiliation"):
        busiest = agreement_matrix(by=by, limit=1)
        if busiest:
            query = urlencode({"by": by, "a": busiest[0]["a"], "b": busiest[0]["b"]})
            yield f"matrix cell, busiest {by} pair", f"{reverse('claims:matrix_cell')}?{query}"
    yield "ingest", reverse("pipeline:ingest")
