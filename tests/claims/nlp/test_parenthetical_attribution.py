"""An attribution set off by commas inside the clause it reports ("A, she said, B"): the
claim is the clause on both sides, without the attribution between them."""

from __future__ import annotations

from claims.nlp.types import CONTENT_JOINER, ClaimType


def _said(claims, cue):
    return [c for c in claims if c.cue == cue]


def test_the_content_is_the_clause_on_both_sides_of_the_attribution(extract):
    text = "To keep the ferry running, the harbor master said, the town will need a second boat by May."
    [claim] = _said(extract(text), "said")
    assert claim.speaker.name == "harbor master"
    assert claim.content == f"To keep the ferry running{CONTENT_JOINER}the town will need a second boat by May"
    assert claim.claim_type == ClaimType.INDIRECT


def test_the_attribution_may_follow_the_subject_of_the_reported_clause(extract):
    text = "The new bridge, Okafor said, would cost twice as much as the tunnel."
    [claim] = _said(extract(text), "said")
    assert claim.speaker.name == "Okafor"
    assert claim.content == f"The new bridge{CONTENT_JOINER}would cost twice as much as the tunnel"


def test_a_subordinate_clause_after_the_attribution_is_still_reported(extract):
    text = "The mill was the largest employer in the valley, Lindqvist recalled, until it closed in 1987."
    # "recalled" is a speech verb like "said"; the clause after it is part of what was recalled.
    [claim] = _said(extract(text), "recalled")
    assert claim.content.endswith("until it closed in 1987")
    assert claim.content.startswith("The mill was the largest employer")


def test_its_offsets_span_both_parts_and_the_attribution(extract):
    text = "Even if the vote fails, Varga said, the council will try again next spring."
    [claim] = _said(extract(text), "said")
    run = text[claim.content_start : claim.content_end]
    assert run == "Even if the vote fails, Varga said, the council will try again next spring"


def test_a_quotation_split_by_its_attribution_stays_a_direct_quote(extract):
    text = "“We rebuilt the pier twice,” Okafor said, “and the storms took it both times.”"
    claims = extract(text)
    assert [c.claim_type for c in claims] == [ClaimType.DIRECT]


def test_an_attribution_with_a_report_of_its_own_after_it_is_not_a_parenthetical(extract):
    text = "The dam is safe, the engineer said, adding that the spillway needs repairs."
    claims = extract(text)
    [said] = _said(claims, "said")
    assert said.content == "The dam is safe"
    assert "spillway" not in said.content


def test_a_clause_coordinated_after_the_attribution_is_reported_too(extract):
    text = "Two of the pumps have failed, the engineer said on Monday, and the other three are too old to repair."
    [claim] = _said(extract(text), "said")
    assert claim.content == f"Two of the pumps have failed{CONTENT_JOINER}and the other three are too old to repair"


def test_the_speakers_next_act_after_the_attribution_is_not_reported(extract):
    text = "Two of the pumps have failed, the engineer said on Monday, and he left the hearing."
    [claim] = _said(extract(text), "said")
    assert claim.content == "Two of the pumps have failed"


def test_an_including_phrase_after_the_attribution_goes_on_with_the_report(extract):
    text = "The budget leaves out the harbor, council members say, including the pier that flooded in March."
    [claim] = _said(extract(text), "say")
    assert claim.content.endswith("including the pier that flooded in March")


def test_an_inverted_attribution_inside_the_clause_names_the_speaker_after_the_verb(extract):
    # The parser takes "The new bridge" for the subject of "said" and the mayor for the subject
    # of "will open"; the mayor speaks, the bridge is what she speaks of.
    [claim] = _said(extract("The new bridge, said Mayor Ortiz, will open in June."), "said")
    assert claim.speaker.name == "Ortiz"
    assert claim.content == f"The new bridge{CONTENT_JOINER}will open in June"


def test_an_inverted_attribution_parsed_as_an_aside_names_the_speaker_after_the_verb(extract):
    [claim] = _said(extract("The plan, says the mayor, will cost too much."), "says")
    assert claim.speaker.mention == "the mayor"
    assert claim.content == f"The plan{CONTENT_JOINER}will cost too much"


def test_an_inverted_attribution_keeps_the_speakers_relative_clause_out_of_the_content(extract):
    text = "And the toll, said Varga, who chairs the board, will stay where it is."
    [claim] = _said(extract(text), "said")
    assert claim.speaker.mention == "Varga, who chairs the board"
    assert claim.content.endswith("will stay where it is")
    assert "chairs" not in claim.content


def test_the_inverted_shape_is_read_whatever_the_statistical_parser_does():
    from spacy.tokens import Doc

    from claims.nlp.extent import inverted_parenthetical
    from claims.nlp.loader import get_nlp

    doc = Doc(
        get_nlp().vocab,
        words=["The", "cuts", ",", "said", "the", "nurse", ",", "would", "hurt", "patients"],
        heads=[1, 3, 3, 3, 5, 8, 5, 8, 3, 8],
        deps=["det", "nsubj", "punct", "ROOT", "det", "nsubj", "punct", "aux", "ccomp", "dobj"],
        tags=["DT", "NNS", ",", "VBD", "DT", "NN", ",", "MD", "VB", "NNS"],
        pos=["DET", "NOUN", "PUNCT", "VERB", "DET", "NOUN", "PUNCT", "AUX", "VERB", "NOUN"],
    )
    speaker, content, gap = inverted_parenthetical(doc[3])
    assert speaker.text == "nurse"
    assert (content, gap) == ((0, 10), (2, 7))


def test_an_attribution_set_off_before_an_auxiliary_reports_the_clause_round_it(extract):
    # The parser hangs "say" on "is", the auxiliary of "doomed".
    [claim] = extract("The plan, officials say, is doomed to fail within a year.")
    assert claim.speaker.mention == "officials"
    assert claim.content == "The plan … is doomed to fail within a year"
