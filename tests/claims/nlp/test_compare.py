"""classify_pair and friends on sentences of our own, parsed by the real spaCy model (no database)."""

from __future__ import annotations

import pytest

from claims.nlp import compare, normal
from claims.nlp.compare import AGREE, CONFLICT, SAME_CLAIM, ClaimForm


@pytest.fixture
def form(nlp):
    def build(text: str, *, speaker: str = "", article: str = "1", polarity: str | None = None) -> ClaimForm:
        span = nlp(text)[:]
        return compare.claim_form(
            text=text,
            terms=normal.terms(span),
            entities=normal.entities(span),
            polarity=polarity or normal.polarity(span, "assert"),
            speaker=speaker,
            article=article,
        )

    return build


def test_it_marks_conflict_when_one_side_negates_the_same_strikes(form):
    a = form("Russian jets struck Islamic State targets near Raqqa", speaker="moscow")
    b = form("Russian jets did not strike ISIL targets near Raqqa", speaker="pentagon")

    verdict = compare.classify_pair(a, b)

    assert verdict.type == CONFLICT
    assert verdict.explanation.startswith("opposite polarity on: ")
    assert "ISIS" in verdict.explanation and "strike" in verdict.explanation


def test_it_reads_an_excluded_target_as_a_denial(form):
    russian = form("Russian warplanes are targeting ISIS in Syria", speaker="kremlin")
    american = form("They are targeting the Syrian opposition, definitely not ISIL", speaker="us official")

    assert compare.stance(american, ("isis",)) == -1
    assert compare.classify_pair(russian, american).type == CONFLICT


def test_it_marks_agreement_between_different_speakers_saying_the_same_thing(form):
    a = form("Russian bombers hit ISIS positions around Palmyra", speaker="observatory")
    b = form("Russian airstrikes struck ISIL positions near Palmyra", speaker="kremlin")

    verdict = compare.classify_pair(a, b)

    assert verdict.type == AGREE
    assert verdict.explanation.startswith("both assert: ")


def test_it_finds_two_denials_agree(form):
    otto = form("Those were not anti-ISIS strikes", speaker="otto")
    warren = form("We don't believe that they struck ISIL targets", speaker="warren")

    verdict = compare.classify_pair(otto, warren)

    assert verdict.type == AGREE
    assert verdict.explanation.startswith("both deny: ")


def test_it_calls_the_same_words_of_one_speaker_in_two_articles_the_same_claim(form):
    text = "The coalition will keep striking ISIS supply lines in eastern Syria"
    first, second = form(text, speaker="7", article="1"), form(text, speaker="7", article="2")

    verdict = compare.classify_pair(first, second)

    assert verdict.type == SAME_CLAIM
    assert "same words" in verdict.explanation


def test_it_leaves_unrelated_claims_alone(form):
    watch = form("Apple will sell a gold edition of its watch for 10,000 dollars")
    strikes = form("Russian jets struck Islamic State targets near Raqqa")

    assert compare.classify_pair(watch, strikes) is None


def test_a_shared_country_and_verb_are_not_a_shared_subject(form):
    timing = form("Russia could begin airstrikes at any time")
    weapons = form("Russia did not move more weapons into Syria over the weekend")

    assert compare.classify_pair(timing, weapons) is None


@pytest.mark.parametrize(
    "reply, words",
    [
        ("that was untrue", "that was untrue"),
        ("I'm not taking that at face value, because we look at the munitions", "not taking that at face value"),
        ("This is simply false", "This is simply false"),
    ],
)
def test_a_reply_that_points_back_denies_the_claim_before_it(form, reply, words):
    before = form("Russian officials insisted they hit ISIS targets in Idlib")

    verdict = compare.reply_verdict(form(reply), before)

    assert verdict.type == CONFLICT
    assert verdict.explanation == f"denies the claim just before it: '{words}'"


def test_a_that_clause_is_not_a_reply(form):
    assert compare.refers_back(form("We don't believe that they struck ISIL targets")) is None


def test_cancelling_negations_assert(form):
    claim = form("there is no reason they could not begin", polarity="negated")

    assert compare.stance(claim) == 1


def test_content_that_reports_someone_else_takes_no_side(form):
    claim = form("The Russians were very clear publicly that they were going to strike ISIL")

    assert compare.reports_other(claim)
    assert compare.dispute_fit(claim, ["isis", "strike"], ["isis"]) is None


def test_a_claim_fits_a_dispute_on_the_side_of_its_stance(form):
    keys, anchors = ["isis", "strike", "target"], ["isis"]

    assert compare.dispute_fit(form("Russian jets hit ISIS targets in Hama"), keys, anchors)[1] == "supports"
    assert compare.dispute_fit(form("Russia is not striking ISIS targets"), keys, anchors)[1] == "refutes"


def test_strikes_on_a_rival_party_conflict_with_strikes_on_isis(form):
    rebels = form("Russian airstrikes in Hama hit locations of a CIA-trained rebel group", speaker="observatory")
    isis = form("Russian jets hit ISIS targets in Hama", speaker="kremlin")

    verdict = compare.classify_pair(rebels, isis)

    assert verdict.type == CONFLICT
    assert verdict.explanation.endswith("(Rebel vs ISIS)")


def test_strikes_on_a_rival_party_agree_with_a_denial_about_isis(form):
    rebels = form("The strikes are aimed at rebel groups opposing the regime", speaker="us officials")
    denial = form("Russia is not striking ISIS targets in Syria", speaker="pentagon")

    assert compare.classify_pair(rebels, denial).type == AGREE


@pytest.mark.parametrize(
    "text",
    [
        "Rebels attacked government positions near Hama",  # the rebels act; nobody strikes them
        "The operation will be aimed at recapturing territory that Assad lost to rebels",  # another clause
    ],
)
def test_a_rival_party_that_is_not_the_object_of_the_action_is_no_rival(form, text):
    isis = form("Russian jets hit ISIS targets in Hama", speaker="kremlin")

    assert compare.rival_parties(form(text), isis, ("strike", "target", "hama")) is None


def test_a_rival_party_refutes_a_dispute_about_isis(form):
    claim = form("Indiscriminate military operations against the Syrian opposition")

    assert compare.dispute_fit(claim, ["isis", "target", "strike", "syria"], ["isis", "syria"])[1] == "refutes"


def test_an_observer_neither_agrees_nor_conflicts(form):
    observer = form("The Russians were very clear publicly that they were going to strike ISIL", speaker="warren")
    denial = form("We don't believe that they struck ISIL targets", speaker="warren2")

    assert compare.classify_pair(observer, denial) is None
