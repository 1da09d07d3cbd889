"""The link stage traces each new article: real extraction, a syndicated copy, a quotation credited
to someone else in another outlet, and one reworded."""

from __future__ import annotations

import datetime

import pytest

from articles.ingest.types import RawArticle
from articles.models import Article
from claims.models import Claim, QuoteFlag
from claims.selectors import claims_reach
from pipeline.services import ingest_job_create, ingest_job_run
from tests.articles.texts import BRIDGE_STORY, BRIDGE_STORY_SYNDICATED

pytestmark = pytest.mark.django_db

DAY = datetime.datetime(2026, 3, 10, 9, 0, tzinfo=datetime.UTC)
ENGINEER_VERSION = (
    "Engineers warn over Millbrook bridge\n\n"
    '"We cannot ask families to drive over a bridge our own engineers no longer trust," '
    "chief engineer Tomasz Brandt said on Wednesday.\n\n"
    "The bridge will close to traffic next month while a temporary crossing is built."
)
REWORDED_VERSION = (
    "Mayor explains bridge closure\n\n"
    '"We cannot ask families to drive across a bridge our own engineers no longer believe in," '
    "Mayor Helen Okafor said on Tuesday night.\n\n"
    "Shop owners on the east bank say the detour will cost them customers."
)


def raw(text: str, name: str, outlet: str, days: int) -> RawArticle:
    return RawArticle(text=text, name=name, source_kind="text", source_file=name, outlet=outlet,
                      published_at=DAY + datetime.timedelta(days=days))  # fmt: skip


def test_linking_finds_the_copy_and_flags_the_quotations():
    sources = [
        raw(BRIDGE_STORY, "herald.txt", "Valley Herald", 0),
        raw(BRIDGE_STORY_SYNDICATED, "wire.txt", "Valley Wire", 1),
        raw(ENGINEER_VERSION, "ledger.txt", "Coast Ledger", 1),
        raw(REWORDED_VERSION, "times.txt", "River Times", 2),
    ]

    ingest_job_run(job=ingest_job_create(sources=sources))

    articles = {a.source_file: a for a in Article.objects.all()}
    assert set(a.status for a in articles.values()) == {Article.Status.LINKED}
    assert articles["wire.txt"].copy_of == articles["herald.txt"]
    assert claims_reach(claims=Claim.objects.all())["independent_reports"] == 3
    flagged = {
        (flag.kind, frozenset((flag.claim_a.article.source_file, flag.claim_b.article.source_file)))
        for flag in QuoteFlag.objects.select_related("claim_a__article", "claim_b__article")
    }
    assert (QuoteFlag.Kind.MISATTRIBUTION, frozenset({"herald.txt", "ledger.txt"})) in flagged
    assert (QuoteFlag.Kind.DRIFT, frozenset({"herald.txt", "times.txt"})) in flagged
    assert not any("wire.txt" in pair and "herald.txt" in pair for _, pair in flagged)
