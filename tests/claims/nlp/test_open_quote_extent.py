"""A content that the parse ends inside a quotation it opened runs to the quotation's close."""

from __future__ import annotations


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
