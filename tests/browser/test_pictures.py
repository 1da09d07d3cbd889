"""The pictures in a real browser: each draws its data as SVG and gives the same numbers as text."""

import datetime

import pytest
from django.urls import reverse

from claims.models import Claim, PropositionMember, Speaker
from claims.selectors import agreement_matrix
from tests.browser.conftest import sign_in
from tests.claims.views.conftest import make_story
from tests.factories import ArticleFactory, ClaimFactory, PropositionFactory, PropositionMemberFactory, SpeakerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SUPPORTS, REFUTES = PropositionMember.Side.SUPPORTS, PropositionMember.Side.REFUTES
# Claims per day over ten days (a gap on the 5th): drawn one bar a day.
PER_DAY = {
    datetime.date(2015, 10, 1) + datetime.timedelta(days=i): n for i, n in enumerate([3, 1, 4, 1, 0, 5, 2, 6, 1, 2])
}


def _table(page, selector: str) -> list[list[str]]:
    page.locator(f"{selector} details.as-table summary").click()
    return [row.locator("th, td").all_inner_texts() for row in page.locator(f"{selector} details tbody tr").all()]


def test_the_claims_histogram_draws_a_bar_a_day_and_a_bar_filters_the_results(page, live_server, superuser):
    for day, n in PER_DAY.items():
        ClaimFactory.create_batch(n, claim_date=day)
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/claims/")
    bars = page.locator(".histogram svg rect.bar")
    assert bars.count() == len(PER_DAY)
    assert [
        int(v) for v in page.locator(".histogram rect.bar").evaluate_all("els => els.map(e => e.dataset.count)")
    ] == [Claim.objects.filter(claim_date=day).count() for day in PER_DAY]
    # The same numbers as text: a table, and each bar's accessible name.
    rows = _table(page, ".histogram")
    assert [(label, int(n)) for label, n in rows] == [(f"{d.day} Oct 2015", n) for d, n in PER_DAY.items()]
    assert page.get_by_role("link", name="6 Oct 2015: 5 claims").count() == 1

    page.get_by_role("link", name="8 Oct 2015: 6 claims").click()
    page.wait_for_url(lambda url: "date_from=2015-10-08" in url and "date_to=2015-10-08" in url)
    assert page.get_by_role("heading", name="6 claims").is_visible()


def test_the_matrix_is_a_heatmap_with_a_key_and_keeps_its_numbers(page, live_server, superuser):
    make_story(2)
    sign_in(page, live_server)
    page.goto(live_server.url + reverse("claims:matrix"))
    # A cell per pair with links, either side of the diagonal (a speaker with themself once).
    pairs = agreement_matrix(by="speaker", limit=100)
    assert page.locator("table.matrix td.heat").count() == sum(1 if p["a"] == p["b"] else 2 for p in pairs)
    # The pair with the most conflicts beyond its agreements (the story's two camps) is the red end.
    pair = max((p for p in pairs if p["a"] != p["b"]), key=lambda p: p["conflict"] - p["agree"])
    assert pair["conflict"] > pair["agree"]
    a, b = (Speaker.objects.get(pk=pk).name for pk in (pair["a"], pair["b"]))
    name = f"{a} and {b}: {pair['agree']} agreements, {pair['conflict']} conflicts"
    cell = page.get_by_role("link", name=name).first
    assert cell.inner_text().split() == [f"✓{pair['agree']}", f"✗{pair['conflict']}"]
    colour = cell.locator("xpath=..").evaluate("td => getComputedStyle(td).backgroundColor")
    red, green, _ = (int(part) for part in colour[colour.index("(") + 1 : -1].split(",")[:3])
    assert red > green  # more conflict than agreement: towards the red end
    assert page.locator(".heat-legend svg rect.key-swatch").count() == 6


def test_the_dispute_timeline_puts_sides_apart_and_marks_a_change_of_side(page, live_server, superuser):
    dispute = PropositionFactory(label="The bridge was closed")
    vance, okoro = SpeakerFactory(name="Maria Vance"), SpeakerFactory(name="Ade Okoro")
    story = [(vance, SUPPORTS, 1), (okoro, REFUTES, 1), (okoro, REFUTES, 2), (vance, REFUTES, 4), (vance, REFUTES, 4)]
    for speaker, side, day in story:
        claim = ClaimFactory(speaker=speaker, claim_date=datetime.date(2015, 10, day), article=ArticleFactory())
        PropositionMemberFactory(proposition=dispute, claim=claim, side=side)
    sign_in(page, live_server)
    page.goto(live_server.url + dispute.get_absolute_url())
    picture = ".timeline-picture"
    counts = lambda side: page.locator(f"{picture} rect.{side}").evaluate_all("els => els.map(e => +e.dataset.count)")  # noqa: E731
    assert counts("supports") == [1] and counts("refutes") == [1, 1, 2]
    assert page.locator(f"{picture} .change-marker").count() == 1
    assert page.get_by_role("link", name="Maria Vance changed from supports to refutes on 4 Oct 2015").count() == 1
    rows = _table(page, picture)
    members = PropositionMember.objects.filter(proposition=dispute)
    for label, yes, no in rows:
        day = datetime.datetime.strptime(label, "%d %b %Y").date()
        assert int(yes) == members.filter(side=SUPPORTS, claim__claim_date=day).count()
        assert int(no) == members.filter(side=REFUTES, claim__claim_date=day).count()
    assert len(rows) == 4  # 1 to 4 October, the 3rd empty

    page.get_by_role("link", name="Maria Vance", exact=True).first.click()
    section = page.locator("section[aria-labelledby=positions-h]")
    section.wait_for()
    assert "supports on 1 Oct 2015" in section.inner_text() and "refutes on 4 Oct 2015" in section.inner_text()
    section.locator("a.after").click()
    page.wait_for_url(lambda url: "/claims/" in url and url.rstrip("/").split("/")[-1].isdigit())
