"""Text that must not yield claims: questions, bare headlines, captions, page furniture."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "Did the mayor say the bridge was safe?",
        "Floods hit the valley as rivers rise",
        "Sign up for our newsletter to get the latest news.",
        "Contact the writer at someone@example.com.",
        "Related News",
        "Jane Roe contributed to this report.",
        "Mayor Linda Harper (left) says the bridge is safe at its opening in May. Photo: City Hall",
        # A report inside an indirect question or a condition is asserted by nobody.
        "The senator asked the minister at a hearing whether she thought the council had broken the agreement.",
        "If the mayor says the bridge is safe, nobody will believe her.",
        # Passing on that someone said something, without what: no content to claim.
        "The deputy minister said as much during a call with the ambassadors, according to the spokesman.",
    ],
)
def test_it_finds_no_claim_in(extract, text):
    assert extract(text) == []


def test_it_skips_a_quoted_question(extract):
    assert extract("“Why would anyone close the bridge?” Harper said.") == []


def test_it_still_reads_the_news_around_boilerplate(extract):
    text = "Sign up for our newsletter.\n\nThe mayor said the bridge was safe.\n\nRelated News"
    [claim] = extract(text)
    assert claim.content == "the bridge was safe"


def test_continuing_to_do_something_is_no_report(extract):
    # "continued to interject" says how long Varga went on, not what she said: the quote
    # before it is not hers, and "continued to portray …" reports nothing.
    claims = extract("“Quiet,” he demanded, as Varga continued to interject.")
    assert not [c for c in claims if c.cue == "continued"]
    assert extract("On the same day, Varga continued to portray “reckless” drivers as criminals.") == []


def test_continued_still_frames_a_quote(extract):
    (claim,) = extract("“The pier will reopen in June,” she continued.")
    assert claim.cue == "continued"
