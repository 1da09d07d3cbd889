"""Site-wide pages in a real browser: facets' "More", error pages in the layout, the API docs link,
and ReDoc loading nothing from another site."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import sign_in
from tests.factories import ArticleFactory, ClaimFactory, SpeakerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fifteen_speakers() -> list:
    """Fifteen speakers with 15, 14, … 1 claims: twelve shown, three behind "More"."""
    article = ArticleFactory()
    speakers = [SpeakerFactory(name=f"Speaker {chr(65 + i)}") for i in range(15)]
    for rank, speaker in enumerate(speakers):
        for _ in range(15 - rank):
            ClaimFactory(article=article, speaker=speaker)
    return speakers


def test_more_reveals_the_speakers_past_the_first_twelve(page, live_server, superuser):
    speakers = _fifteen_speakers()
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/claims/")
    speaker_facet = page.locator("fieldset.facet", has=page.locator("legend", has_text="Speaker"))
    assert not speaker_facet.get_by_label("Speaker O 1").is_visible()
    speaker_facet.locator("summary", has_text="More (3)").click()
    speaker_facet.get_by_label("Speaker O 1").check()
    page.wait_for_url(lambda url: f"speaker={speakers[-1].pk}" in url)
    page.get_by_role("heading", name="1 claim").wait_for()
    # The selection sits behind "More": that part stays open so the choice is visible.
    assert (
        page.locator("fieldset.facet", has=page.locator("legend", has_text="Speaker"))
        .get_by_label("Speaker O 1")
        .is_checked()
    )


def test_more_works_without_javascript(browser, live_server, superuser):
    speakers = _fifteen_speakers()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in(page, live_server)
        page.goto(f"{live_server.url}/claims/")
        page.locator("summary", has_text="More (3)").click()
        page.get_by_label("Speaker N 2").check()
        page.get_by_role("button", name="Search", exact=True).click()
        page.wait_for_url(lambda url: f"speaker={speakers[-2].pk}" in url)
        assert page.get_by_role("heading", name="2 claims").is_visible()
    finally:
        context.close()


def test_a_missing_page_is_shown_in_the_site_layout(page, live_server, superuser):
    sign_in(page, live_server)
    response = page.goto(f"{live_server.url}/claims/999999/")
    assert response.status == 404
    assert page.get_by_role("heading", name="Page not found").is_visible()
    assert page.get_by_role("navigation", name="Main").get_by_role("link", name="Claims").is_visible()


def test_the_navigation_links_to_the_api_docs(page, live_server, superuser):
    sign_in(page, live_server)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.get_by_role("navigation", name="Main").get_by_role("link", name="API docs").click()
    page.wait_for_url(f"{live_server.url}/api/docs/")
    page.get_by_text("ClaimTrack API").first.wait_for()
    page.wait_for_timeout(1000)
    ours = urlsplit(live_server.url).netloc
    assert [url for url in requested if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != ours] == []


def test_redoc_loads_nothing_from_another_site(page, live_server, superuser):
    sign_in(page, live_server)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    response = page.goto(f"{live_server.url}/api/redoc/")
    page.get_by_text("ClaimTrack API").first.wait_for()
    page.wait_for_timeout(1000)  # ReDoc renders its side menu (and the Redocly logo) after the schema
    assert "default-src 'self'" in response.headers["content-security-policy"]
    ours = urlsplit(live_server.url).netloc
    assert [
        url for url in requested if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != ours
    ] == []
    assert any(url.endswith("/img/redoc-logo.svg") for url in requested)  # the logo, from this site
