"""Extraction records whether a content states something: a verb heading a clause, or a predicate a
verb like "called" or "described ... as" gives it. A noun phrase only names a topic."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "sentence, content",
    [
        ("Officials said Clinton was leading 47 percent to 43 percent in the state.", "Clinton was leading"),
        ("The union vowed to close the port for the rest of the month.", "to close the port"),
        ("The mayor described the flood relief effort as a disgrace to the whole city.", "as a disgrace"),
        ("The mayor called the flood relief effort a disgrace to the whole city.", "a disgrace"),
    ],
)
def test_a_content_with_a_clause_or_a_predicate_states_something(extract, sentence, content):
    [claim] = extract(sentence)

    assert content in claim.content
    assert claim.states_clause


@pytest.mark.parametrize(
    "sentence, content",
    [
        (
            "The senator criticized her years as secretary of State at a rally on Monday.",
            "her years as secretary of State",
        ),
        ("Senator Ann Bell criticized the harbour authority's handling of the flood relief money.", "handling of"),
        ("The mayor praised the rescue teams for pulling dozens of people from the water.", "the rescue teams"),
    ],
)
def test_a_noun_phrase_names_a_topic_and_states_nothing(extract, sentence, content):
    [claim] = extract(sentence)

    assert content in claim.content
    assert not claim.states_clause


@pytest.mark.parametrize(
    "sentence, content",
    [
        ("The senator criticized the governor's plan to close three rural hospitals.", "the governor's plan to close"),
        ("The union condemned the company's decision to cut night shifts at the plant.", "decision to cut night shifts"),
    ],
)
def test_a_noun_phrase_holding_a_clause_still_only_names_a_topic(extract, sentence, content):
    # The clause inside ("to close three rural hospitals") belongs to the noun: what the speaker
    # says of the plan is in the cue, so the words alone state nothing to agree with.
    [claim] = extract(sentence)

    assert content in claim.content
    assert not claim.states_clause


@pytest.mark.parametrize(
    "sentence, content",
    [
        ("The mayor said the plan to close the port would cost hundreds of jobs.", "would cost hundreds of jobs"),
        ("The senator has called the governor unfit for office.", "the governor unfit for office"),
    ],
)
def test_a_statement_about_a_plan_or_a_predicate_given_to_a_noun_still_states_something(extract, sentence, content):
    [claim] = extract(sentence)

    assert content in claim.content
    assert claim.states_clause


def test_an_open_question_states_nothing(extract):
    [claim] = extract("The senator questioned whether the governor was eligible to run again.")

    assert "the governor was eligible" in claim.content
    assert not claim.states_clause


def test_a_noun_phrase_headed_by_a_common_noun_names_a_thing_a_speaker_can_take_a_side_on(extract):
    [claim] = extract("Senator Ann Bell criticized the governor's plan to close three rural hospitals.")

    assert claim.names_thing and not claim.states_clause


@pytest.mark.parametrize(
    "sentence",
    [
        "Mayor Tom Reed praised Governor Mary Lee of the northern province for her work.",  # a person
        "Senator Ann Bell said the governor's plan would close three rural hospitals.",  # a statement
    ],
)
def test_a_name_or_a_statement_is_no_thing_to_take_a_side_on(extract, sentence):
    [claim] = extract(sentence)

    assert not claim.names_thing


def test_a_negated_cue_negates_a_position_whose_content_has_no_clause(extract):
    [negated] = extract("Mayor Tom Reed did not endorse the governor's plan to close three rural hospitals.")
    [asserted] = extract("Mayor Tom Reed endorsed the governor's plan to close three rural hospitals.")

    assert negated.polarity == "negated"
    assert asserted.polarity == "asserted"



@pytest.mark.parametrize(
    "words, states",
    [
        ("Do you think the port will close before the winter?", False),
        ("Will it close? Who knows?", False),
        ("The port will close in the winter. Who could have stopped it?", True),
    ],
)
def test_words_that_only_ask_state_nothing_but_a_statement_ending_in_a_question_still_does(words, states):
    from claims.nlp.loader import get_nlp
    from claims.nlp.normal import states_clause

    assert states_clause(get_nlp()(words)[:]) is states


def test_a_noun_with_a_clause_saying_what_it_holds_states_that_clause(extract):
    # "claims that …" carries a proposition; "the report that was released …" only names a report.
    [rejected] = extract("The union rejected claims that the hospitals were unsafe.")
    [criticized] = extract("The senator criticized the report that was released on Friday by the agency.")

    assert rejected.states_clause and not rejected.names_thing
    assert criticized.names_thing and not criticized.states_clause


def test_a_denial_cue_negates_a_position_and_its_own_negation_undoes_that(extract):
    [rejected] = extract("The union rejected the governor's plan to close three rural hospitals.")
    [not_rejected] = extract("The union did not reject the governor's plan to close three rural hospitals.")

    assert rejected.polarity == "negated"
    assert not_rejected.polarity == "asserted"
