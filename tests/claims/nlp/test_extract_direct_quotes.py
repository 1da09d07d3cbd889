"""Direct quotations: where the attribution sits, split and continued quotes, quote marks."""

from __future__ import annotations

from claims.nlp.types import ClaimType


def _direct(claims):
    return [c for c in claims if c.claim_type == ClaimType.DIRECT]


def test_it_attributes_a_quote_to_the_speaker_after_it(extract):
    [claim] = _direct(extract("“The bridge will reopen in May,” said Mayor Linda Harper."))
    assert claim.content == "The bridge will reopen in May"
    assert claim.speaker.name == "Linda Harper"
    assert claim.speaker.role == "Mayor"


def test_it_attributes_a_quote_to_the_speaker_before_it(extract):
    [claim] = _direct(extract('Linda Harper told reporters, "The bridge will reopen in May."'))
    assert claim.content.startswith("The bridge will reopen")
    assert claim.speaker.name == "Linda Harper"
    assert claim.cue_lemma == "tell"


def test_it_attributes_a_split_quote_to_the_speaker_after_it(extract):
    text = "“The repairs are finished,” Harper said. “Traffic can return next week.”"
    [claim] = _direct(extract(text))
    assert claim.speaker.name == "Harper"
    assert claim.content.startswith("The repairs are finished")
    assert claim.content.endswith("Traffic can return next week.")


def test_it_continues_a_quote_left_open_at_a_paragraph_end(extract):
    text = (
        "“The first phase is done,” Linda Harper said. “We tested every cable.\n\n"
        "“The second phase starts in June and ends in August.”"
    )
    claims = _direct(extract(text))
    assert len(claims) == 1
    assert "second phase starts in June" in claims[0].content
    assert "august" in claims[0].terms  # terms of the continuation paragraph count too


def test_it_takes_the_attribution_from_the_sentence_after_the_quote(extract):
    [claim] = _direct(extract("The council met on Monday. “We will not raise fares this year.” Harper said."))
    assert claim.content.startswith("We will not raise fares")
    assert claim.speaker.name == "Harper"


def test_it_takes_the_attribution_from_a_colon_in_the_previous_paragraph(extract):
    text = "Linda Harper, the mayor, spoke on Monday:\n\n“The budget is gone and we must borrow.”"
    [claim] = _direct(extract(text))
    assert claim.speaker.name == "Linda Harper"
    assert claim.content.startswith("The budget is gone")


def test_it_keeps_a_nested_quote_inside_the_outer_quote(extract):
    text = "“When he told me ‘the money is gone,’ I did not believe him,” said Linda Harper."
    [claim] = _direct(extract(text))
    assert "‘the money is gone,’" in claim.content
    assert claim.speaker.name == "Linda Harper"


def test_it_reads_straight_quote_marks_like_curly_ones(extract):
    straight = _direct(extract('"The pool will close for repairs," said Tom Baker, the parks director.'))
    curly = _direct(extract("“The pool will close for repairs,” said Tom Baker, the parks director."))
    assert [c.content for c in straight] == [c.content for c in curly] == ["The pool will close for repairs"]
    assert straight[0].speaker.role == "parks director"


def test_it_does_not_treat_a_short_scare_quote_as_a_claim(extract):
    claims = extract("The plan was described as a “pause” in the effort.")
    assert _direct(claims) == []
