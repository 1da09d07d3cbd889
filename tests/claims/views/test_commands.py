"""make_synthetic_claims builds consistent data from real sentences; bench_pages prints a figure per page."""

import io

import pytest
from django.core.management import call_command

from articles.models import Article
from claims.models import Claim, Relation

pytestmark = pytest.mark.django_db


def test_synthetic_claims_are_real_slices_of_their_articles_with_links_and_disputes():
    out = io.StringIO()
    call_command("make_synthetic_claims", claims=120, articles=12, seed=3, stdout=out)
    assert "Created 12 articles" in out.getvalue() and "120 claims" in out.getvalue()
    claims = list(Claim.objects.select_related("article", "speaker"))
    assert len(claims) == 120
    for claim in claims:
        body = claim.article.body
        assert body[claim.content_start : claim.content_end] == claim.content
        assert body[claim.speaker_start : claim.speaker_end] == claim.speaker_mention
        assert claim.claim_date == claim.article.published_at.date()
    assert Relation.objects.filter(type=Relation.Type.CONFLICT).exists()
    assert all(a < b for a, b in Relation.objects.values_list("claim_a_id", "claim_b_id"))


def test_clear_removes_only_synthetic_articles_and_keeps_speakers_for_reuse():
    from tests.factories import ArticleFactory

    real = ArticleFactory(body="Officials said the talks would resume next week in Geneva after a pause.")
    call_command("make_synthetic_claims", claims=30, seed=1, stdout=io.StringIO())
    call_command("make_synthetic_claims", claims=30, seed=1, clear=True, stdout=io.StringIO())
    assert Article.objects.filter(source_file__startswith="synthetic/").count() == 3
    assert Article.objects.filter(pk=real.pk).exists()
    assert Claim.objects.count() == 30


def test_bench_pages_prints_time_and_queries_for_each_page():
    call_command("make_synthetic_claims", claims=40, seed=2, stdout=io.StringIO())
    before = (set(Claim.objects.values_list("id", "polarity")), set(Relation.objects.values_list("id", "type")))
    out = io.StringIO()
    call_command("bench_pages", repeat=1, stdout=out)
    # The writes it makes before each cold request are undone.
    assert (set(Claim.objects.values_list("id", "polarity")), set(Relation.objects.values_list("id", "type"))) == before
    lines = out.getvalue().splitlines()
    rows = {line[:44].strip(): line[44:].split() for line in lines[2:-2]}
    assert {
        "home",
        "claims",
        "matrix, speakers",
        "matrix cell, busiest speaker pair",
        "ingest",
        "dispute (most members)",
    } <= set(rows)
    # warm ms, cold ms, cpu ms, queries warm/cold: the same number of queries warm and cold or fewer warm
    for warm, cold, cpu, queries in rows.values():
        assert float(warm) > 0 and float(cold) > 0 and float(cpu) >= 0
        warm_queries, cold_queries = (int(n) for n in queries.split("/"))
        assert 0 < warm_queries <= cold_queries
    assert lines[-2].startswith("The write before each cold request") and " ms over " in lines[-2]
    assert lines[-1].startswith("Pages over 200 ms:")
