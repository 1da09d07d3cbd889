"""Speakers written as relative words, possessives and titles resolve to who they stand for."""

from __future__ import annotations

from claims.nlp.speakers import SpeakerRegistry


def test_a_quantified_relative_speaks_for_the_noun_its_clause_hangs_on(extract):
    claims = extract("The mayor thanked the firefighters, most of whom said the blaze was the worst in years.")
    claim = next(c for c in claims if c.content.startswith("the blaze"))
    assert claim.speaker.mention == "most of whom"
    assert claim.speaker.name == "firefighters"
    assert "most" not in claim.speaker.aliases


def test_a_relative_clause_hung_on_a_place_speaks_for_the_people_the_phrase_describes(extract):
    claims = extract("Tourists complained about volunteers from the village, who said the path was safe.")
    claim = next(c for c in claims if c.content == "the path was safe")
    assert claim.speaker.mention == "who"
    assert claim.speaker.name == "volunteers"


def test_a_relative_clause_hung_on_a_thing_speaks_for_the_person_who_has_it(extract):
    (claim,) = extract(
        "The visit was a test for the man with a famously difficult relationship with the mayor who said"
        " the budget was doomed."
    )
    assert claim.speaker.name == "man"


def test_a_relative_clause_after_a_coordination_speaks_for_the_nearest_conjunct_that_can(extract):
    claims = extract("The plan drew criticism from rising fuel costs and local unions, who said the fares were too low.")
    claim = next(c for c in claims if c.content == "the fares were too low")
    assert claim.speaker.mention == "who"
    assert claim.speaker.name == "local unions"


def test_a_relative_clause_on_a_first_conjunct_that_cannot_speak_moves_to_the_one_that_can(extract):
    claims = extract("The governor blamed unpaid bills and the firefighters, who said the station was understaffed.")
    claim = next(c for c in claims if c.content == "the station was understaffed")
    assert claim.speaker.name == "firefighters"


def test_a_relative_clause_on_a_conjunct_that_speaks_stays_with_it(extract):
    # Which of two speakers the clause is about the parse cannot tell: the parser's choice stands.
    claims = extract("The senator thanked the volunteers and the firefighters, who said the fire was under control.")
    claim = next(c for c in claims if c.content == "the fire was under control")
    assert claim.speaker.name == "volunteers"


def test_a_relative_clause_on_a_noun_that_speaks_stays_with_it(extract):
    (claim,) = extract("The report by the panel, which said the dam was safe, was released on Monday.")
    assert claim.speaker.name == "panel"


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


def test_a_pronoun_inside_a_clause_stands_for_the_person_that_clause_is_about(extract):
    # The latest speaker is Ortiz, but "his pledge" sits in a clause whose subject is Brandt.
    claims = extract(
        "Mayor Lena Ortiz said the pier would close. "
        "Paul Brandt did not back away from his pledge to rebuild the pier."
    )
    pledge = next(c for c in claims if c.cue == "pledge")
    assert pledge.speaker.mention == "his"
    assert pledge.speaker.name == "Paul Brandt"


def test_a_pronoun_in_a_when_clause_stands_for_the_main_clauses_subject(extract):
    claims = extract(
        "Mayor Lena Ortiz said the pier would close. "
        "Paul Brandt drew boos when he told the council that the pier was safe."
    )
    told = next(c for c in claims if c.cue == "told")
    assert told.speaker.name == "Paul Brandt"


def test_another_person_between_them_or_a_quotation_leaves_the_pronoun_to_the_usual_rule(nlp):
    from claims.nlp.speakers import _clause_subject

    doc = nlp("Paul Brandt has pointed to Ana Reyes's record and her support for the bill.")
    assert _clause_subject(next(t for t in doc if t.lower_ == "her")) is None
    doc = nlp('Paul Brandt said: "He never read the bill."')
    assert _clause_subject(next(t for t in doc if t.text == "He")) is None
    doc = nlp("Paul Brandt said he had read the bill twice.")
    assert _clause_subject(next(t for t in doc if t.text == "he")).text == "Brandt"
