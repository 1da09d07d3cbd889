"""Screenshots of the main pages from the seed articles (plus a few synthetic links and disputes).

Always runs as a check that each page renders with its heading. With CLAIMTRACK_SCREENSHOTS set
to a folder (``make screenshots`` uses docs/screenshots) the images are written there for the README.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db.models import Count

from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def seed_data() -> dict:
    """The five seed articles through the real ingest path, then synthetic relations and disputes."""
    from articles.ingest.files import read_sources
    from claims.models import Claim, Proposition, Speaker
    from pipeline.services import ingest_job_create, ingest_job_run

    sources = list(read_sources([Path(settings.BASE_DIR) / "fixtures" / "seeds"], max_bytes=10**7))
    ingest_job_run(job=ingest_job_create(sources=sources, description="seeds"))
    call_command("make_synthetic_claims", claims=300, seed=4, stdout=open(os.devnull, "w"))
    seed_claim = Claim.objects.exclude(article__source_file__startswith="synthetic/").order_by("id")[3]
    return {
        "claim": Claim.objects.annotate(n=Count("relations_as_a")).order_by("-n", "id").first(),
        "seed_claim": seed_claim,
        "article": seed_claim.article,
        "speaker": Speaker.objects.annotate(n=Count("claims")).order_by("-n").first(),
        "dispute": Proposition.objects.annotate(n=Count("members")).order_by("-n").first(),
    }


def test_the_main_pages_render_and_can_be_captured(page, live_server, superuser, tmp_path):
    data = seed_data()
    folder = Path(os.environ.get("CLAIMTRACK_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    sign_in(page, live_server)
    shots = [
        ("home", "/", "ClaimTrack"),
        ("claims", "/claims/?q=russia", "Claims"),
        ("claim", data["seed_claim"].get_absolute_url(), None),
        ("article", data["article"].get_absolute_url(), str(data["article"])),
        ("speaker", data["speaker"].get_absolute_url(), data["speaker"].name),
        ("dispute", data["dispute"].get_absolute_url(), data["dispute"].label),
        ("matrix", "/matrix/", "Who agrees and who conflicts"),
        ("ingest", "/articles/ingest/", "Ingest articles"),
    ]
    for name, path, heading in shots:
        page.goto(live_server.url + path)
        h1 = page.locator("h1").first
        assert h1.is_visible(), name
        if heading:
            assert heading in h1.inner_text(), name
        if name == "matrix":
            page.locator("table.matrix td a").first.click()
            page.locator("#cell-claims h2").wait_for()
        page.screenshot(path=str(folder / f"{name}.png"), full_page=name not in ("article", "matrix", "claims"))
    assert sorted(p.name for p in folder.glob("*.png")) == sorted(f"{name}.png" for name, _, _ in shots)
