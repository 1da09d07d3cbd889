"""The figure guard: two claims that state different figures are not one statement, however alike
their words; the same figures written two ways are. The shipped model runs on our own sentences."""

from __future__ import annotations

import pytest

from claims.nlp.meaning import embed_texts
from claims.nlp.relation import ClaimFacts, RelationModel
from claims.nlp.relation.figures import different_figures, figures


@pytest.fixture(scope="module")
def model() -> RelationModel:
    return RelationModel.load()


def judge(model: RelationModel, a: str, b: str):
    vector_a, vector_b = embed_texts([a, b])
    return model.judge(ClaimFacts(text=a, embedding=vector_a), ClaimFacts(text=b, embedding=vector_b))


def values(text: str) -> list[float]:
    return [value for value, _ in figures(text)]


def test_two_polls_with_different_scores_do_not_agree_and_the_reason_names_the_figures(model):
    judgement = judge(
        model,
        "A new poll shows Clinton leading Trump 46 percent to 42 percent in Ohio",
        "A new poll shows Trump leading Clinton 47 percent to 42 percent in Ohio",
    )

    assert judgement.label == "unrelated"
    assert "different figures (46, 42 against 47, 42)" in judgement.reason


@pytest.mark.parametrize(
    "a, b",
    [
        (
            "The council will raise the harbour tax by 3 percent next year",
            "The council will raise the harbour tax by 7 percent next year",
        ),
        ("The mayor said the bridge will reopen on March 3", "The bridge will reopen on March 10, the mayor said"),
    ],
)
def test_different_amounts_or_dates_are_not_the_same_claim(model, a, b):
    assert judge(model, a, b).label == "unrelated"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the same amount written two ways
        (
            "The council will spend $1.5 billion on the new hospital",
            "The council is to spend 1.5bn dollars on the new hospital",
        ),
        # one side adds a figure to the other's: it says more, not something else
        (
            "The new hospital will cost the council $1.5 billion",
            "The new hospital will cost the council $1.5 billion, 2 times the first estimate",
        ),
    ],
)
def test_figures_that_do_not_differ_leave_the_agreement_standing(model, a, b):
    assert judge(model, a, b).label in {"same_claim", "agree"}


def test_a_denial_stays_a_conflict_whatever_its_figures(model):
    judgement = judge(
        model,
        "The council will not raise the harbour tax by 7 percent",
        "The council will raise the harbour tax by 3 percent",
    )

    assert judgement.label == "conflict"


def test_it_reads_percentages_amounts_scores_and_number_words_as_values():
    assert values("Clinton leads 46-42") == [46, 42]
    assert values("47% of voters, up from forty percent") == [47, 40]
    assert values("a $1.5 billion plan, 1,500 jobs and three million visitors") == [1.5e9, 1500, 3e6]
    assert values("the student made 72M, not 72 million") == [72e6]


def test_ordinals_and_words_like_one_state_no_figure():
    assert values("the 2nd debate, the 14th Amendment and no one else") == []


def test_figures_differ_only_when_each_side_states_one_the_other_does_not():
    assert different_figures(figures("leads 46-42"), figures("leads 47-42"))
    assert not different_figures(figures("leads 46-42"), figures("leads 46-42, a 4-point lead"))
    assert not different_figures(figures("leads 46-42"), figures("leads in the new poll"))
