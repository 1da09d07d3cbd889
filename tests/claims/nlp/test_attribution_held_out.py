"""The articles the tagger never trains on: one split, by article, shared by training and tuning."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from claims.nlp.attribution.training import corpus_to_docbins, held_out_names

ANN = "T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\nT3\tContent 15 40\tthe bridge would open soon\n"
TEXT = "The mayor said the bridge would open soon."


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "articles").mkdir()
    (tmp_path / "attributions").mkdir()
    for number in range(20):
        (tmp_path / "articles" / f"story{number:02}.txt").write_text(f"{TEXT} Story{number:02}", encoding="utf-8")
        (tmp_path / "attributions" / f"story{number:02}.ann").write_text(ANN, encoding="utf-8")
    # An annotation file without its article is no article of the corpus.
    (tmp_path / "attributions" / "orphan.ann").write_text(ANN, encoding="utf-8")
    return tmp_path


def test_a_tenth_of_the_articles_is_held_out_the_same_way_every_time(corpus):
    names = held_out_names(corpus)
    assert len(names) == 2
    assert names == held_out_names(corpus)
    assert "orphan" not in names


def test_another_seed_holds_out_other_articles(corpus):
    assert held_out_names(corpus, seed=14) != held_out_names(corpus)


def test_training_never_sees_the_held_out_articles(corpus):
    nlp = spacy.blank("en")
    train, held_out = corpus_to_docbins(nlp, corpus, held_out_share=0.1)
    held_out_texts = {doc[-1].text.lower() for doc in held_out.get_docs(nlp.vocab)}
    assert held_out_texts == set(held_out_names(corpus))
    assert not held_out_texts & {doc[-1].text.lower() for doc in train.get_docs(nlp.vocab)}
    assert len(train) == 18
