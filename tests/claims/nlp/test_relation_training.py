"""Training the relation model on a few dozen pairs of our own: the file it writes loads and judges."""

from __future__ import annotations

import pytest

from claims.nlp.meaning import embed_texts
from claims.nlp.relation import ClaimFacts, EmbeddingCache, Judgement, PairRow, RelationModel, train_relation_model
from claims.nlp.relation.signals import load_word_lists

# Four small stories: each statement, a paraphrase, and a denial; unrelated pairs across stories.
STORIES = {
    "bridge": ("The old bridge will reopen in May", "The old bridge opens again in May", "The old bridge will not reopen in May"),
    "mayor": ("The mayor resigned on Friday", "On Friday the mayor stepped down", "The mayor denied that she had resigned"),
    "factory": ("The factory will close next year", "Next year the factory shuts its doors", "Reports that the factory will close are false"),
    "river": ("The river burst its banks overnight", "Overnight the river flooded its banks", "The river did not burst its banks"),
    "school": ("The school banned mobile phones", "Mobile phones were banned by the school", "The school has not banned mobile phones"),
    "train": ("The night train to the coast was cancelled", "The coastal night train has been cancelled", "The night train was not cancelled"),
}


def story_pairs() -> list[PairRow]:
    rows = []
    for group, (claim, paraphrase, denial) in STORIES.items():
        rows += [PairRow(claim, paraphrase, "agree", group), PairRow(claim, denial, "conflict", group)]
        rows.append(PairRow(paraphrase, denial, "conflict", group))
    groups = list(STORIES)
    for here, there in zip(groups, groups[1:] + groups[:1], strict=False):
        rows += [PairRow(STORIES[here][0], STORIES[there][1], "unrelated", here)]
        rows += [PairRow(STORIES[here][2], STORIES[there][0], "unrelated", here)]
    return rows


def test_a_model_trained_on_our_own_pairs_saves_loads_and_judges(tmp_path):
    pairs = story_pairs()
    assert len(pairs) >= 30
    model = train_relation_model(pairs, embed=EmbeddingCache(embed_texts), description={"data": "test stories"})
    path = tmp_path / "model.json"

    model.save(path)
    loaded = RelationModel.load(path)

    texts = ["The harbour will reopen in June", "The harbour will not reopen in June"]
    a, b = (ClaimFacts(text=t, embedding=v) for t, v in zip(texts, embed_texts(texts), strict=False))
    judgement = loaded.judge(a, b)
    assert isinstance(judgement, Judgement)
    assert judgement.label in {"agree", "conflict", "same_claim", "unrelated"}
    assert loaded.training["data"] == "test stories" and loaded.training["pairs"] == len(pairs)
    # The file keeps six significant digits: the reloaded model judges alike, to rounding.
    again = model.judge(a, b)
    assert (judgement.label, judgement.reason) == (again.label, again.reason)
    assert judgement.score == pytest.approx(again.score, abs=1e-4)


def test_training_is_deterministic(tmp_path):
    embed = EmbeddingCache(embed_texts)
    first, second = tmp_path / "one.json", tmp_path / "two.json"

    train_relation_model(story_pairs(), embed=embed).save(first)
    train_relation_model(story_pairs(), embed=embed).save(second)

    assert first.read_text() == second.read_text()


def test_training_refuses_pairs_without_any_unrelated_ones():
    related_only = [p for p in story_pairs() if p.label != "unrelated"]

    with pytest.raises(ValueError, match="related .* and unrelated pairs"):
        train_relation_model(related_only, embed=EmbeddingCache(embed_texts))


def test_the_word_list_loader_refuses_a_word_listed_in_two_classes(tmp_path):
    path = tmp_path / "words.tsv"
    path.write_text("hoax\trefute\nhoax\thedge\n", encoding="utf-8")

    with pytest.raises(ValueError, match="'hoax' is listed as both refute and hedge"):
        load_word_lists(path)
