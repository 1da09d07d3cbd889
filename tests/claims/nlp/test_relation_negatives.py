"""Hard negatives for the relation model: look-alike pairs from other stories and other articles,
built with the real encoder from sentences of our own."""

from __future__ import annotations

import json

import pytest

from claims.nlp.meaning import embed_texts
from claims.nlp.relation import EmbeddingCache, PairRow, train_relation_model
from claims.nlp.relation.negatives import (
    NegativeSettings,
    NewsClaim,
    news_negatives,
    other_story_negatives,
    read_news_claims,
)
from tests.claims.nlp.test_relation_training import story_pairs

EMBED = EmbeddingCache(embed_texts)

# Two stories about one harbour: a look-alike of each other's texts, unlike the third story.
HARBOUR_STORIES = [
    PairRow("The harbour bridge will reopen in May", "The harbour bridge opens again in May", "agree", "bridge"),
    PairRow("The harbour ferry was cancelled by the storm", "The storm cancelled the harbour ferry", "agree", "ferry"),
    PairRow("The school banned mobile phones", "Mobile phones were banned by the school", "agree", "school"),
]

NEWS_SETTINGS = NegativeSettings(
    per_text=1, news_per_claim=1, news_max_similarity=0.9, news_min_words=5, news_claims=100
)


def test_each_text_is_paired_with_the_closest_text_of_another_story_as_unrelated():
    negatives = other_story_negatives(HARBOUR_STORIES, EMBED, per_text=1)

    [bridge] = [n for n in negatives if n.text_a == "The harbour bridge will reopen in May"]
    assert "ferry" in bridge.text_b  # the other harbour story, not the school
    assert (bridge.label, bridge.group) == ("unrelated", "bridge")
    assert all(n.group != _story_of(n.text_b) for n in negatives)
    assert len(negatives) == 6  # one per text


def test_a_single_story_gives_no_other_story_negatives():
    assert other_story_negatives(HARBOUR_STORIES[:1], EMBED, per_text=2) == []


def test_news_claims_are_paired_only_across_articles_and_below_the_cap():
    claims = [
        NewsClaim("the governor will sign the budget bill next week", "a.txt"),
        NewsClaim("the governor vetoed the budget bill on Monday night", "a.txt"),
        NewsClaim("the governor plans to sign the state budget next week", "b.txt"),
        NewsClaim("budget", "c.txt"),  # too short to state anything
    ]

    negatives = news_negatives(claims, EMBED, NEWS_SETTINGS)

    documents = {c.content: c.document for c in claims}
    assert negatives and all(documents[n.text_a] != documents[n.text_b] for n in negatives)
    assert all("budget" != n.text_b for n in negatives)
    assert {n.group for n in negatives} <= {"news:a.txt", "news:b.txt"}
    capped = news_negatives(claims, EMBED, NegativeSettings(**{**NEWS_SETTINGS.__dict__, "news_max_similarity": 0.1}))
    assert capped == []  # every pair is more alike than the cap: it may state the same thing


def test_news_claims_are_read_from_a_scorer_gold_file(tmp_path):
    gold = tmp_path / "gold.jsonl"
    rows = [{"content": "the  bridge\nwill reopen", "article": "x.txt"}, {"content": "it rained", "article": "y.txt"}]
    gold.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")

    assert read_news_claims(gold) == [NewsClaim("the bridge will reopen", "x.txt"), NewsClaim("it rained", "y.txt")]


@pytest.mark.parametrize("per_text", [0, 2])
def test_training_adds_other_story_negatives_when_asked(per_text):
    pairs = story_pairs()

    model = train_relation_model(pairs, embed=EMBED, other_story_negatives_per_text=per_text)

    given = sum(p.label == "unrelated" for p in pairs)
    texts = {t for p in pairs if p.label != "unrelated" for t in (p.text_a, p.text_b)}
    assert model.training["pair_labels"]["unrelated"] == given + per_text * len(texts)


def _story_of(text: str) -> str:
    return next(p.group for p in HARBOUR_STORIES if text in (p.text_a, p.text_b))
