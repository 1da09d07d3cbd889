"""manage.py train_extractor: brat standoff -> DocBin -> spacy train -> a loadable tagger, scored on a dev corpus."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
import spacy
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from claims.nlp.attribution.brat import read_corpus

CORPUS = Path(settings.BASE_DIR) / "fixtures" / "attribution"


def test_it_reads_the_standoff_spans_of_our_own_articles():
    articles = list(read_corpus(CORPUS))
    assert len(articles) == 4
    name, text, spans = next(a for a in articles if a[0] == "farm")
    assert [(text[s.start : s.end], s.label) for s in spans] == [
        ("Local farmers", "SOURCE"),
        ("fear", "CUE"),
        ("the dry summer will halve the wheat harvest", "CONTENT"),
    ]


def test_it_trains_a_tiny_tagger_and_reports_dev_scores(tmp_path: Path):
    out = StringIO()
    summary = call_command(
        "train_extractor",
        "--train",
        str(CORPUS),
        "--dev",
        str(CORPUS),
        "--out",
        str(tmp_path / "tagger"),
        "--max-steps",
        "6",
        "--eval-frequency",
        "3",
        stdout=out,
    )
    assert "Tagger saved" in summary
    tagger = spacy.load(tmp_path / "tagger")
    assert tagger.pipe_names == ["tok2vec", "ner"]
    assert set(tagger.get_pipe("ner").labels) == {"SOURCE", "CUE", "CONTENT"}
    assert "ALL: p=" in out.getvalue()


def test_it_fine_tunes_an_encoder_tagger_into_the_folder_given(tmp_path: Path):
    out = StringIO()
    summary = call_command(
        "train_extractor",
        "--kind",
        "encoder",
        "--train",
        str(CORPUS),
        "--dev",
        str(CORPUS),
        "--out",
        str(tmp_path / "encoder"),
        "--epochs",
        "1",
        stdout=out,
    )
    assert "Tagger saved" in summary
    assert {p.name for p in (tmp_path / "encoder").iterdir()} == {"tagger.json", "weights.safetensors"}
    assert "CONTENT: p=" in out.getvalue()


def test_an_encoder_tagger_never_overwrites_the_shipped_model():
    with pytest.raises(CommandError, match="--out"):
        call_command("train_extractor", "--kind", "encoder", "--train", str(CORPUS))
