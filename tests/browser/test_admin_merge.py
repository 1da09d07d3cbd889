"""A curator in a real browser: merge two speakers through the confirmation page, find their
claims with the speaker box, and see the claim highlighted (and escaped) in its source."""

from __future__ import annotations

import pytest

from claims.models import Speaker, SpeakerMerge
from claims.services.roles import roles_ensure, user_set_role
from tests.factories import ArticleFactory, ClaimFactory, SpeakerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-browser-password-1"
BODY = 'Bob Otto said <img src=x onerror="alert(1)"> was a typo in the ministry statement.'


def _sign_in_to_admin(tab, live_server) -> None:
    roles_ensure()
    user_set_role(username="cura", role="curator", password=PASSWORD)
    tab.goto(f"{live_server.url}/admin/login/?next=/admin/")
    tab.get_by_label("Username").fill("cura")
    tab.get_by_label("Password").fill(PASSWORD)
    tab.get_by_role("button", name="Log in").click()
    tab.get_by_role("heading", name="Curate claims, speakers, relations and disputes").wait_for()


def test_a_curator_merges_speakers_and_finds_their_claims(page, live_server):
    bob, robert = SpeakerFactory(name="Bob Otto"), SpeakerFactory(name="Robert Otto")
    start = BODY.index("<img")
    claim = ClaimFactory(
        speaker=bob, article=ArticleFactory(body=BODY), content_start=start, content_end=BODY.index(" in the")
    )
    ClaimFactory(speaker=robert)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    _sign_in_to_admin(page, live_server)

    page.goto(f"{live_server.url}/admin/claims/speaker/")
    for name in ("Bob Otto", "Robert Otto"):
        page.get_by_role("row", name=name).locator("input.action-select").check()
    page.locator("select[name=action]").select_option("merge_selected")
    page.get_by_role("button", name="Go").click()
    page.get_by_label("Keep Robert Otto").check()
    page.get_by_role("button", name="Merge").click()
    page.get_by_text("Merged 1 speaker(s) into").wait_for()
    assert list(Speaker.objects.values_list("name", flat=True)) == ["Robert Otto"]
    assert SpeakerMerge.objects.get().merged_name == "Bob Otto"

    page.goto(f"{live_server.url}/admin/claims/claim/")
    page.get_by_label("speaker").fill("Bob")
    page.get_by_label("speaker").press("Enter")
    page.wait_for_url(lambda url: "speaker_name=Bob" in url)
    assert page.locator("#result_list tbody tr").count() == 2

    page.goto(f"{live_server.url}/admin/claims/claim/{claim.pk}/change/")
    assert page.locator(".claim-source mark").inner_text() == claim.content
    assert dialogs == []  # the article's markup was shown as text, never run
