"""Watches in a real browser: the Watch buttons, new alerts in the navigation, the inbox, marking read."""

import pytest

from tests.browser.conftest import sign_in
from tests.factories import ArticleFactory, ClaimFactory, SpeakerFactory
from watches.models import Watch
from watches.services import alerts_for_new_claims

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _claim(speaker, text: str):  # type: ignore[no-untyped-def]
    return ClaimFactory(article=ArticleFactory(body=text), speaker=speaker, content_end=len(text))


def test_watch_a_search_and_a_speaker_then_read_the_alerts(page, live_server, superuser):
    speaker = SpeakerFactory(name="Dana Haddad")
    _claim(speaker, "The ceasefire holds in the north.")
    sign_in(page, live_server)

    page.get_by_role("link", name="Claims", exact=True).click()
    page.get_by_label("Search").first.fill("ceasefire")
    page.get_by_label("Search").first.press("Enter")
    page.wait_for_url(lambda url: "q=ceasefire" in url)
    page.get_by_label("Indirect speech 1").check()
    page.wait_for_url(lambda url: "type=indirect" in url)
    page.get_by_role("button", name="Watch this search").click()
    page.get_by_text("Watching ✓").wait_for()
    search = Watch.objects.get(kind=Watch.Kind.SEARCH)
    assert (search.query, search.claim_type) == ("ceasefire", "indirect")

    page.goto(f"{live_server.url}/speakers/{speaker.pk}/")
    page.get_by_role("button", name="Watch this speaker").click()
    page.get_by_text("Watching ✓").wait_for()
    assert page.locator("#nav-alerts .badge").count() == 0

    # Two new claims are linked: one matches both watches, one the speaker watch only.
    both = _claim(speaker, "The ceasefire is over, she said.")
    other = _claim(speaker, "Markets will reopen on Monday.")
    assert len(alerts_for_new_claims(claim_ids=[both.pk, other.pk])) == 3

    page.reload()
    assert page.locator("#nav-alerts .badge").inner_text() == "3"
    page.locator("#nav-alerts").click()
    page.get_by_role("heading", name="Alerts").wait_for()
    assert page.locator("li.alert.unread").count() == 3
    page.locator("li.alert.unread").first.get_by_role("button", name="Mark read").click()
    page.wait_for_load_state()
    assert page.locator("#nav-alerts .badge").inner_text() == "2"
    page.get_by_role("button", name="Mark all read").click()
    page.get_by_text("2 alerts marked read.").wait_for()
    assert page.locator("#nav-alerts .badge").count() == 0
    assert page.locator("li.alert.unread").count() == 0
