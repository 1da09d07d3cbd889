"""An analyst in a real browser: sign in, search, filter, open a claim, follow a conflict, the matrix."""

import pytest

from tests.browser.conftest import sign_in
from tests.claims.views.conftest import make_story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sign_in_search_filter_open_a_claim_and_follow_a_conflict(page, live_server, superuser):
    story = make_story(3)
    sign_in(page, live_server)
    assert page.get_by_role("heading", name="Most contested disputes").is_visible()

    page.get_by_role("link", name="Claims", exact=True).click()
    page.get_by_label("Search").first.fill("strikes ISIS")
    page.get_by_label("Search").first.press("Enter")
    page.wait_for_url(lambda url: "q=strikes" in url and "speaker=" not in url)  # empty filters stay out
    assert page.get_by_role("heading", name="6 claims for “strikes ISIS”").is_visible()

    # A facet updates the results in place (htmx) and the query moves into the URL.
    page.get_by_label("Negated 3").check()
    page.get_by_role("heading", name="3 claims for “strikes ISIS”").wait_for()
    assert "polarity=negated" in page.url
    assert page.locator(".claim-line .speaker").all_inner_texts() == ["John Warren"] * 3

    page.locator(".claim-line .content a").first.click()
    page.get_by_role("heading", name="Conflicting claims").wait_for()
    assert page.locator("blockquote mark.hl-cue").inner_text() == "denied"
    page.locator("section[aria-labelledby=conflict-h] .content a").first.click()
    page.get_by_role("heading", name="Ivan Petrov said").wait_for()
    assert story["russia"].name in page.content()


def test_the_matrix_opens_the_claims_behind_a_cell(page, live_server, superuser):
    make_story(2)
    sign_in(page, live_server)
    page.get_by_role("link", name="Matrix").click()
    page.get_by_role("link", name="Ivan Petrov and John Warren: 0 agreements, 2 conflicts").click()
    page.get_by_role("heading", name="Ivan Petrov and John Warren").wait_for()
    # Two articles, one stored conflict in each; sharing the dispute adds no pairs.
    assert page.locator("#cell-claims .pair").count() == 2
    page.get_by_label("Affiliations").check()
    page.wait_for_url(lambda url: "by=affiliation" in url)
    assert page.get_by_role("columnheader", name="United States").is_visible()


def test_the_keyboard_reaches_the_search_box_and_skips_to_content(page, live_server, superuser):
    sign_in(page, live_server)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_pages_fit_a_narrow_screen(page, live_server, superuser):
    story = make_story(2)
    page.set_viewport_size({"width": 360, "height": 740})
    sign_in(page, live_server)
    for path in ["/claims/", story["claims"][0].get_absolute_url(), story["article"].get_absolute_url()]:
        page.goto(live_server.url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, path
