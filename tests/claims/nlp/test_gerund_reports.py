"""A report made "by saying …" or "after telling …": the gerund's speaker is the subject of
the clause it hangs on; after "for" or "of" it is not."""

from __future__ import annotations


def _by_cue(claims, cue):
    return [c for c in claims if c.cue == cue]


def test_a_report_made_by_saying_is_the_clause_subjects(extract):
    text = "The harbor master opened the meeting by saying that the north pier would reopen in June."
    [claim] = _by_cue(extract(text), "saying")
    assert claim.speaker.name == "harbor master"
    assert claim.content == "the north pier would reopen in June"


def test_a_report_made_after_telling_someone_is_the_clause_subjects(extract):
    text = "Okafor left the hearing early after telling reporters that the audit had found no fraud."
    [claim] = _by_cue(extract(text), "telling")
    assert claim.speaker.name == "Okafor"
    assert claim.content == "the audit had found no fraud"


def test_the_subject_of_a_verb_of_blame_does_not_say_what_it_blames_someone_for(extract):
    text = "The union attacked the mayor for saying that the budget was balanced."
    claims = _by_cue(extract(text), "saying")
    assert all(c.speaker is None or c.speaker.name != "union" for c in claims)
