"""An analyst in a real browser sees a reworded quotation side by side with the words that changed,
and the dispute page counting independent reports."""

from __future__ import annotations

import pytest

from articles.syndication import article_find_original
from claims.models import Claim, PropositionMember
from claims.services.quote_drift import quote_flags_for_article
from tests.browser.conftest import sign_in
from tests.factories import (
    ArticleFactory,
    OutletFactory,
    PropositionFactory,
    PropositionMemberFactory,
    SpeakerFactory,
    claim_at,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUOTE = "We cannot ask families to drive over a bridge our own engineers no longer trust"
REWORDED = "We cannot ask families to drive across a bridge our own engineers no longer believe"


def _quoted(quote: str, outlet: str) -> Claim:
    article = ArticleFactory(body=f'"{quote}," Helen Okafor said.', outlet=OutletFactory(name=outlet))
    claim = claim_at(article, quote, claim_type=Claim.Type.DIRECT, speaker=SpeakerFactory(name="Helen Okafor"))
    article_find_original(article=article)
    quote_flags_for_article(article=article)
    return claim


def test_the_claim_page_shows_the_reworded_quotation_side_by_side(page, live_server, superuser):
    first = _quoted(QUOTE, "Valley <i>Herald</i>")
    reworded = _quoted(REWORDED, "River Times")
    dispute = PropositionFactory(label="The bridge is unsafe")
    for claim in (first, reworded):
        PropositionMemberFactory(proposition=dispute, claim=claim, side=PropositionMember.Side.SUPPORTS)
    sign_in(page, live_server)

    page.goto(f"{live_server.url}{reworded.get_absolute_url()}")

    flag = page.get_by_test_id("quote-flag")
    flag.get_by_role("heading", name="Reworded").wait_for()
    assert flag.locator(".diff-side.mine del").all_inner_texts() == ["across", "believe"]
    assert flag.locator(".diff-side.theirs ins").all_inner_texts() == ["over", "trust"]
    assert "2 words changed" in flag.inner_text()
    assert "Valley <i>Herald</i>" in flag.locator("thead").inner_text()  # the outlet's name escaped, shown as text

    page.goto(f"{live_server.url}{dispute.get_absolute_url()}")
    reach = page.get_by_test_id("dispute-reach").inner_text()
    assert reach == "2 claims in 2 outlets from 2 independent reports"
