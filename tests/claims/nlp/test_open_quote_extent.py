"""A content that the parse ends inside a quotation it opened runs to the quotation's close."""

from __future__ import annotations

from claims.nlp.types import ClaimType


def test_a_quotation_opened_in_the_content_runs_to_its_close(extract):
    text = (
        'He called the region a "success story in an era when so often we see countries going the opposite direction."'
    )
    [claim] = [c for c in extract(text) if c.cue_lemma == "call"]
    assert claim.content.endswith("we see countries going the opposite direction")


def test_a_closed_quotation_leaves_the_content_as_parsed(extract):
    text = 'The mayor called the vote "a disgrace" in an interview on Monday.'
    [claim] = [c for c in extract(text) if c.cue_lemma == "call"]
    assert claim.content == 'the vote "a disgrace"'


def test_a_quotation_opened_in_the_content_runs_on_to_its_close_sentences_later(extract):
    text = (
        "The Gazette said that its editors had “reviewed the complaints with care and found the reports fair. "
        "We stand by our reporters.”"
    )
    [claim] = [c for c in extract(text) if c.cue_lemma == "say"]
    assert claim.content.endswith("We stand by our reporters")


def test_two_apostrophes_open_a_quotation_as_a_curly_mark_does(extract):
    text = "The Gazette said that its editors had ''reviewed the complaints with care. We stand by our reporters.''"
    [claim] = [c for c in extract(text) if c.cue_lemma == "say"]
    assert claim.content.endswith("We stand by our reporters")


def test_a_quotation_in_the_content_does_not_run_into_the_next_paragraph(extract):
    text = "The Gazette said that its editors had “reviewed the complaints with care\n\nWe stand by our reporters.”"
    [claim] = [c for c in extract(text) if c.cue_lemma == "say"]
    assert "We stand" not in claim.content


def test_a_straight_mark_that_closes_a_quotation_leaves_nothing_open(extract):
    text = '"We teach nothing of the kind" at the weekly meetings, the imam said. Later he said: "It is wrong."'
    claims = extract(text)
    assert not any("Later he said" in c.content for c in claims)


def test_a_quotation_a_nested_speaker_opens_is_left_to_that_speaker(extract):
    text = 'The blogger reported that she had a video of the dinner, in which Adelson said: "Trump is a businessman. I am a businessman."'
    claims = extract(text)
    [quote] = [c for c in claims if c.claim_type == ClaimType.DIRECT]
    assert quote.speaker.mention == "Adelson"
    assert quote.content == "Trump is a businessman. I am a businessman."
