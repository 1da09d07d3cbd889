"""Sentences that look like attributions to the rules but attribute nothing, next to the real
attributions they must not cost."""

from __future__ import annotations


def _contents(claims) -> list[str]:
    return [c.content for c in claims]


# -- clauses a reporting verb does not report ---------------------------------------------------
def test_a_verb_in_a_though_clause_does_not_attribute_the_main_clause(extract):
    claims = extract("The port stays busy all winter, though critics noted a drop in safety.")
    # What the critics noted is theirs (a stance on the drop); the main clause is the writer's.
    assert all("port stays busy" not in c.content for c in claims)


def test_a_verb_in_an_even_though_clause_does_not_attribute_the_main_clause(extract):
    text = "The mayor cut the library budget this spring, even though the audit disclosed a small surplus."
    assert "The mayor cut the library budget this spring" not in _contents(extract(text))


def test_an_as_clause_still_attributes_the_main_clause(extract):
    [claim] = extract("The bridge will close in May, as the mayor said.")
    assert claim.content == "The bridge will close in May"


def test_the_sentence_before_a_semicolon_is_the_writers(extract):
    [claim] = extract("It was a bad storm; the fishermen's union says it will rebuild the pier.")
    assert claim.content == "it will rebuild the pier"
    assert claim.speaker.mention == "the fishermen's union"


def test_the_main_predicate_after_a_relative_clause_is_not_reported(extract):
    assert extract("Nothing the mayor says is true unless proven otherwise.") == []


def test_the_sentence_before_a_colon_is_the_writers(extract):
    assert extract("We have seen this before: the rebels declared war on the capital.") == []


def test_a_so_that_result_clause_is_no_view(extract):
    assert extract("She got so angry, and started driving so fast, that I had to hold on.") == []


def test_an_inference_verb_does_not_borrow_it_as_a_source(extract):
    text = "The blast was large, although it may take days to determine how deep the crater is."
    assert extract(text) == []


def test_a_document_referred_to_as_it_still_shows(extract):
    claims = extract("The video shows that the guard was asleep. It shows the gate open.")
    assert [(c.speaker.mention, c.content) for c in claims] == [
        ("The video", "the guard was asleep"),
        ("It", "the gate open"),
    ]


# -- stance verbs in a sense that takes no position ---------------------------------------------
def test_questioning_a_person_is_an_interrogation(extract):
    assert extract("Police questioned the bus driver for an hour.") == []
    assert extract("Investigators have been trying to question several of the dock workers.") == []


def test_questioning_a_thing_is_still_a_stance(extract):
    [claim] = extract("The senator questioned the cost of the new bridge.")
    assert claim.content == "the cost of the new bridge"


# -- views nobody in the text holds ------------------------------------------------------------
def test_a_reporting_noun_without_a_holder_is_no_claim(extract):
    assert extract("There were suggestions that the harbor master had retired early.") == []


def test_a_reporting_noun_with_a_holder_is_still_a_claim(extract):
    [claim] = extract("The mayor's claim that the harbor master had quit surprised the council.")
    assert claim.content == "the harbor master had quit"
    assert claim.speaker.mention == "The mayor's"


# -- people named by a common noun --------------------------------------------------------------
def test_a_man_compound_can_hold_a_view(extract):
    [claim] = extract("As one fisherman put it, the river is dying.")
    assert claim.content == "the river is dying"
    assert claim.speaker.mention == "one fisherman"


def test_an_ent_noun_for_people_can_hold_an_intention(extract):
    [claim] = extract("Proponents want to keep the old ferry running.")
    assert claim.content == "to keep the old ferry running"
    [claim] = extract("Several immigrants hope to open a bakery downtown.")
    assert claim.speaker.mention == "Several immigrants"


# -- short intentions ---------------------------------------------------------------------------
def test_a_two_word_refusal_is_a_claim(extract):
    [claim] = extract("The harbor company declined to comment.")
    assert (claim.speaker.mention, claim.content) == ("The harbor company", "to comment")


def test_other_two_word_intentions_and_relative_refusals_are_not(extract):
    assert extract("She plans to run.") == []
    assert extract("These are the suppliers the company refuses to name.") == []


# -- questions about a thing --------------------------------------------------------------------
def test_what_a_poll_asked_about_is_its_claim(extract):
    [claim] = extract("The poll asked about the candidates' plans for the port.")
    assert (claim.speaker.mention, claim.content) == ("The poll", "the candidates' plans for the port")
    assert claim.cue_class == "hedge"


def test_who_was_asked_is_not_the_asker(extract):
    [claim] = extract("Asked about the closure, the mayor said the port would reopen in May.")
    assert claim.content == "the port would reopen in May"


# -- quoted names -------------------------------------------------------------------------------
def test_a_quoted_title_is_not_a_direct_claim(extract):
    text = 'On the latest episode of "The Morning Hour With Ann," the governor said she wanted to speak to farmers.'
    [claim] = extract(text)
    assert (claim.claim_type, claim.content) == ("indirect", "she wanted to speak to farmers")


def test_a_short_capitalised_utterance_is_still_quoted(extract):
    [claim] = extract('"Never Again," she said.')
    assert (claim.claim_type, claim.content) == ("direct", "Never Again")


# -- finding oneself ----------------------------------------------------------------------------
def test_finding_oneself_somewhere_or_finding_it_hard_is_no_finding(extract):
    assert extract("Dock workers often find themselves stuck outside the harbor.") == []
    assert extract("The mayor may find it difficult to repeat his attacks on the council.") == []


def test_a_finding_about_a_thing_is_still_a_claim(extract):
    [claim] = extract("The court found the fee unlawful.")
    assert claim.content == "the fee unlawful"
