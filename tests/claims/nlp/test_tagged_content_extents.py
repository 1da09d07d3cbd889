"""Where the rules and the tagger find the same attribution, the tagger's longer content corrects
the rules' extent where the parse cut the content's own phrase short; the report's circumstances
stay out, and a direct quote keeps its quotation marks as its bounds."""

from __future__ import annotations

from claims.nlp.extract import extract_claims
from claims.nlp.types import ClaimType, ExtractionMethod

CUT_AT_APPOSITION = (
    "The watchdog group noted congressional testimony by a former diplomat, the deputy head of the embassy."
)


def test_the_rules_alone_stop_the_content_at_the_apposition(nlp):
    (claim,) = extract_claims(CUT_AT_APPOSITION, nlp=nlp, tagger=None)
    assert claim.content == "congressional testimony by a former diplomat"


def test_the_tagged_content_extends_the_rule_claim(nlp, tagger):
    (claim,) = extract_claims(CUT_AT_APPOSITION, nlp=nlp, tagger=tagger)
    assert claim.method == ExtractionMethod.BOTH
    assert claim.content == "congressional testimony by a former diplomat, the deputy head of the embassy"
    assert CUT_AT_APPOSITION[claim.content_start : claim.content_end] == claim.content
    assert "embassy" in claim.terms  # the claim's terms follow its new extent
    assert claim.speaker is not None and claim.speaker.mention == "The watchdog group"


def test_a_circumstance_of_the_report_stays_out_of_the_content(nlp, tagger):
    # The tagger (trained on PolNeAR) takes "in response to …" in; it qualifies the call, not what is called for.
    (claim,) = extract_claims(
        "Governor Hale called for the suspension of the water contract in response to repeated leaks.",
        nlp=nlp,
        tagger=tagger,
    )
    assert claim.content == "the suspension of the water contract"


def test_a_direct_quote_keeps_the_quotation_marks_as_its_bounds(nlp, tagger):
    (claim,) = extract_claims(
        'The governor wrote: "We will rebuild every school the flood destroyed."', nlp=nlp, tagger=tagger
    )
    assert claim.claim_type == ClaimType.DIRECT
    assert claim.content == "We will rebuild every school the flood destroyed."


def test_a_rule_claim_through_another_cue_keeps_its_extent(nlp, tagger):
    # The tagger reads "called for an end to …"; the rules' claim is what the union "says".
    text = "The union called for an end to overtime cuts that it says are hurting workers at the depot."
    rules = extract_claims(text, nlp=nlp, tagger=None)
    combined = extract_claims(text, nlp=nlp, tagger=tagger)
    assert [c.content for c in combined] == [c.content for c in rules]
