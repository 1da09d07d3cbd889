"""Ingest in a real browser: paste an article, watch the job, open what it found (real spaCy, eager Celery)."""

import pytest

from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ARTICLE = (
    "Moscow (Wire) — Russian warplanes struck targets near Homs on Wednesday.\n\n"
    '"We are hitting only terrorists," Kremlin spokesman Dmitry Peskov said. '
    "U.S. Defense Secretary Ash Carter said the strikes hit areas with no ISIS presence. "
    "<script>document.title='owned'</script>"
)


def test_a_pasted_article_is_ingested_and_its_claims_shown(page, live_server, superuser):
    sign_in(page, live_server)
    page.get_by_role("link", name="Ingest", exact=True).click()
    page.get_by_label("Or paste an article").fill(ARTICLE)
    page.get_by_label("Title (for pasted text)").fill("Strikes near Homs")
    page.get_by_role("button", name="Ingest").click()
    page.get_by_text("Done", exact=True).wait_for()
    assert "1 new, 0 duplicate, 0 failed" in page.inner_text("#job-progress")

    page.get_by_role("link", name="Strikes near Homs").click()
    page.get_by_role("heading", name="Strikes near Homs").wait_for()
    marks = page.locator("a.claim-mark")
    assert marks.count() >= 2
    assert "<script>document.title='owned'</script>" in page.inner_text(".article-body")
    assert page.title() != "owned"
    marks.first.hover()
    assert " — " in marks.first.get_attribute("data-tip")
