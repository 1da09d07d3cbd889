"""Speakers written as relative words, possessives and titles resolve to who they stand for."""

from __future__ import annotations

from claims.nlp.speakers import SpeakerRegistry


def test_a_quantified_relative_speaks_for_the_noun_its_clause_hangs_on(extract):
    claims = extract("The mayor thanked the firefighters, most of whom said the blaze was the worst in years.")
    claim = next(c for c in claims if c.content.startswith("the blaze"))
    assert claim.speaker.mention == "most of whom"
    assert claim.speaker.name == "firefighters"
    assert "most" not in claim.speaker.aliases


def test_a_possessive_pronoun_resolves_to_the_person_before_it(extract):
    first, second = extract(
        "Judge Karen Holt said the appeal had merit. Lawyers pointed to her claim that the contract was void."
    )
    assert second.speaker.mention == "her"
    assert second.speaker.name == first.speaker.name == "Karen Holt"


def test_his_speaks_like_he(extract):
    first, second = extract(
        "Colonel Amir Haddad said the road was open. His claim that no mines remained was disputed."
    )
    assert second.speaker.mention == "His"
    assert second.speaker.name == first.speaker.name == "Amir Haddad"


def test_a_title_abbreviated_before_the_name_resolves_a_later_description(extract):
    first, second = extract(
        "Sen. Ruth Alder said the bill would pass.\n\nThe senator added that the vote would come on Friday."
    )
    assert second.speaker.mention == "The senator"
    assert second.speaker.name == first.speaker.name == "Ruth Alder"


def test_an_unresolved_relative_word_is_never_the_antecedent_of_they(nlp):
    doc = nlp("Which of them spoke first is unclear. They said the vote was close.")
    registry = SpeakerRegistry()
    registry.observe(doc)
    registry.resolve(doc[0], 0)

    they = registry.resolve(next(t for t in doc if t.text == "They"), 0)

    assert they.mention == "They"
    assert they.entry.name == "They"  # left unresolved, not "Which"
