"""On the seed articles, the CNN update and its first version are one report; export and pages say so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from articles.ingest.files import read_sources
from articles.ingest.types import RawArticle
from articles.models import Article
from articles.services import article_create
from claims.models import Claim
from claims.selectors import claims_reach
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db

SEEDS = Path(settings.BASE_DIR) / "fixtures" / "seeds"
FIRST_VERSION, UPDATE = "000_c5772f237bf2a885.txt", "001_101d31c289cc9bfb.txt"


@pytest.fixture
def seeds() -> dict[str, Article]:
    raws = [r for r in read_sources([SEEDS], max_bytes=10**7) if isinstance(r, RawArticle)]
    return {raw.source_file: article_create(raw=raw)[0] for raw in raws}


def test_find_copies_makes_the_cnn_update_a_copy_of_its_first_version_and_nothing_else(seeds):
    call_command("find_copies")

    copies = {
        a.source_file: a.copy_of.source_file for a in Article.objects.exclude(copy_of=None).select_related("copy_of")
    }
    assert copies == {UPDATE: FIRST_VERSION}


def test_claims_in_both_cnn_versions_are_one_independent_report(seeds):
    call_command("find_copies")
    for article in seeds.values():
        ClaimFactory(article=article)

    reach = claims_reach(claims=Claim.objects.all())

    assert reach == {"claims": 5, "outlets": 4, "independent_reports": 4}


def test_export_claims_gives_each_article_the_original_it_copies(seeds, tmp_path):
    call_command("find_copies")
    out = tmp_path / "export.json"

    call_command("export_claims", out=str(out))

    exported = {a["source_file"]: a["copy_of"] for a in json.loads(out.read_text())["articles"]}
    assert exported[UPDATE] == seeds[FIRST_VERSION].pk
    assert [name for name, copy_of in exported.items() if copy_of is not None] == [UPDATE]


def test_the_home_page_counts_independent_reports(seeds, analyst_client):
    call_command("find_copies")
    for article in seeds.values():
        ClaimFactory(article=article)

    page = analyst_client.get("/").content.decode()

    assert "5 claims in 4 outlets from <strong>4</strong> independent reports" in page
