"""Contents that the parse would cut short: a reported clause continued by a second clause the
parser hangs on the reporting verb, a colon's list, quoted coordinated clauses."""

from __future__ import annotations


def _by_cue(claims, lemma):
    return [c for c in claims if c.cue_lemma == lemma]


def test_a_relative_clause_hung_on_the_reporting_verb_stays_in_the_report(extract):
    text = "The treasurer said she wants to repeal two rules in the code that decide how fines are paid."
    [claim] = _by_cue(extract(text), "say")
    assert claim.content == "she wants to repeal two rules in the code that decide how fines are paid"


def test_a_list_after_a_colon_is_part_of_the_report(extract):
    text = (
        "The economist notes that the town is at an odd moment where three things happen at once: "
        "rents are rising, wages are flat and builders are idle."
    )
    [claim] = _by_cue(extract(text), "note")
    assert claim.content.endswith("rents are rising, wages are flat and builders are idle")
    assert claim.content.startswith("the town is at an odd moment")


def test_a_quoted_clause_coordinated_with_the_report_is_the_speakers(extract):
    text = "The coach claimed that the league is “a closed shop” but “nobody dares to say so.”"
    [claim] = _by_cue(extract(text), "claim")
    assert claim.content.endswith("“nobody dares to say so")


def test_an_unquoted_clause_with_its_own_subject_stays_the_writers(extract):
    text = "The coach claimed that the league is a closed shop, but the owners rejected the charge."
    [claim] = _by_cue(extract(text), "claim")
    assert claim.content == "the league is a closed shop"


def test_a_second_report_after_the_clause_is_not_joined(extract):
    text = "The agency said it was adding inspectors for the port The ministry said it would help as well."
    claims = _by_cue(extract(text), "say")
    assert claims[0].content == "it was adding inspectors for the port"


def test_a_that_clause_of_an_unlisted_verb_keeps_its_coordinated_modal_clause(extract):
    text = (
        "A lawyer for the firm underscored that his client was ready to testify behind closed doors, "
        "but would not be part of a public show."
    )
    [claim] = _by_cue(extract(text), "underscore")
    assert (
        claim.content == "his client was ready to testify behind closed doors, but would not be part of a public show"
    )


def test_a_predicate_whose_subject_the_parser_coordinated_into_the_clause_stays_in_the_report(extract):
    text = (
        "Moreno said Lopez has enormous respect for the navy and his harbor comment was instead an "
        "expression of frustration with the strategy the city has taken."
    )
    [claim] = _by_cue(extract(text), "say")
    assert claim.content.endswith(
        "his harbor comment was instead an expression of frustration with the strategy the city has taken"
    )


def test_a_subject_the_parser_took_for_the_verbs_object_opens_the_report(extract):
    text = (
        "The city has said single parents and retirees - renters, owners and lodgers - would qualify "
        "for the rebate under the new housing plan."
    )
    [claim] = _by_cue(extract(text), "say")
    assert claim.content.startswith("single parents and retirees - renters, owners and lodgers - would qualify")


def test_a_finite_clause_whose_subject_was_taken_for_an_object_is_still_reported(extract):
    [claim] = _by_cue(extract("The airline was explaining the delays amounted to 2 percent of the flights."), "explain")
    assert claim.content == "the delays amounted to 2 percent of the flights"


def test_a_subjectless_predicate_after_a_relative_clause_stays_unreported(extract):
    assert extract("Everything the mayor says is a lie.") == []
