"""An intention's content covers every verb that shares its "to"."""

from __future__ import annotations


def _by_cue(claims, lemma):
    return [c for c in claims if c.cue_lemma == lemma]


def test_bare_verbs_coordinated_with_the_infinitive_are_intended_too(extract):
    text = "The governor wants to widen the coastal road, rebuild the pier and close the old ferry."
    [claim] = _by_cue(extract(text), "want")
    assert claim.content == "to widen the coastal road, rebuild the pier and close the old ferry"


def test_a_then_step_after_the_infinitive_is_part_of_the_plan(extract):
    text = "The investor planned to restore the old mill, then hand over the grounds as a public park."
    [claim] = _by_cue(extract(text), "plan")
    assert claim.content == "to restore the old mill, then hand over the grounds as a public park"


def test_a_verb_with_its_own_auxiliary_is_not_intended(extract):
    text = "The mayor wants to close the old ferry and will decide on the bridge next week."
    [claim] = _by_cue(extract(text), "want")
    assert claim.content == "to close the old ferry"
