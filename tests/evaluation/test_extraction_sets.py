"""Evaluation sets: a set restricted to some articles reads and scores only those."""

from __future__ import annotations

import json
from pathlib import Path

from evaluation.extraction import EvalSet, eval_sets


def _gold_line(article: str, content: str) -> str:
    return json.dumps({"article": article, "speaker_any": ["mayor"], "content": content, "optional": False})


def test_a_restricted_set_keeps_the_gold_of_its_articles_only(tmp_path: Path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        "\n".join([_gold_line("a.txt", "the bridge is safe"), _gold_line("b.txt", "the ferry is late")]) + "\n",
        encoding="utf-8",
    )
    restricted = EvalSet("part", tmp_path / "articles", gold, frozenset({"b.txt"}))
    assert [g["content"] for g in restricted.gold_claims()] == ["the ferry is late"]
    assert restricted.article_paths() == [tmp_path / "articles" / "b.txt"]


def test_an_unrestricted_set_reads_its_whole_folder(tmp_path: Path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(_gold_line("a.txt", "the bridge is safe") + "\n", encoding="utf-8")
    whole = EvalSet("all", tmp_path / "articles", gold)
    assert len(whole.gold_claims()) == 1
    assert whole.article_paths() == [tmp_path / "articles"]


def test_the_held_out_set_is_the_training_articles_the_tagger_never_trained_on(tmp_path: Path, settings):
    from claims.nlp.attribution.training import held_out_names

    train = tmp_path / "polnear_train"
    (train / "articles").mkdir(parents=True)
    (train / "attributions").mkdir()
    for number in range(30):
        (train / "articles" / f"story{number:02}.txt").write_text("The mayor said so.", encoding="utf-8")
        (train / "attributions" / f"story{number:02}.ann").write_text("", encoding="utf-8")
    settings.CLAIMTRACK_EVAL_DIR = str(tmp_path)
    held_out = eval_sets()["polnear-heldout"]
    assert held_out.only == {f"{name}.txt" for name in held_out_names(train)}
    assert len(held_out.only) == 3
    assert held_out.gold == train / "gold.jsonl"


def test_the_same_claim_reported_again_is_scored_as_an_agreement():
    from evaluation.extraction import as_scored_relation, load_scorer

    gold = [
        {"article": "a.txt", "speaker_any": ["mayor"], "content": content, "proposition": "P1", "stance": "support"}
        for content in ("the bridge is safe for traffic", "the bridge is safe for all traffic")
    ]
    claims = [
        {"id": n, "article_id": 1, "speaker": {"name": "Mayor Ruth Bell"}, "content": g["content"], "type": "indirect"}
        for n, g in enumerate(gold, start=1)
    ]
    relation = {"a": 1, "b": 2, "type": "same_claim"}
    export = {"articles": [{"id": 1, "source_file": "a.txt"}], "claims": claims}
    score = load_scorer().score

    assert score({**export, "relations": [relation]}, gold)["relations"]["agree"]["tp"] == 0
    scored = score({**export, "relations": [as_scored_relation(relation)]}, gold)["relations"]["agree"]
    assert (scored["tp"], scored["predicted"], scored["gold"]) == (1, 1, 1)
