"""The word lists in claims/nlp/lexicon/ load as data, one class per word."""

from __future__ import annotations

from pathlib import Path

import pytest

from claims.nlp.lexicons import LEXICON_DIR, LexiconError, cue_classes, lexicon, lexicon_names, read_entries, words
from claims.nlp.types import CueClass


def test_every_lexicon_file_loads_with_one_class_per_word():
    names = lexicon_names()
    assert len(names) >= 20
    for name in names:
        assert lexicon(name), name


def test_it_refuses_a_word_listed_in_two_files_naming_both_places(tmp_path: Path):
    (tmp_path / "a.tsv").write_text("# header\nsay\tassert\n", encoding="utf-8")
    (tmp_path / "b.tsv").write_text("think\thedge\nsay\thedge\n", encoding="utf-8")
    with pytest.raises(LexiconError) as error:
        read_entries([tmp_path / "a.tsv", tmp_path / "b.tsv"])
    assert "a.tsv:2" in str(error.value) and "b.tsv:2" in str(error.value)


def test_it_refuses_a_word_listed_twice_in_one_file(tmp_path: Path):
    (tmp_path / "c.tsv").write_text("predict\tassert\npredict\thedge\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="c.tsv:1.*c.tsv:2"):
        read_entries([tmp_path / "c.tsv"])


def test_it_refuses_a_line_without_a_class(tmp_path: Path):
    (tmp_path / "d.tsv").write_text("say\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="d.tsv:1"):
        read_entries([tmp_path / "d.tsv"])


def test_the_known_clashes_are_resolved_once():
    verbs = cue_classes("cue_verbs")
    assert verbs["predict"] == CueClass.HEDGE
    assert verbs["estimate"] == CueClass.REPORT


def test_the_speaker_nouns_are_one_list_with_classes():
    assert set(lexicon("speaker_nouns").values()) == {"person", "body", "message", "record"}
    assert "spokesman" in words("speaker_nouns", "person")
    assert "poll" in words("speaker_nouns", "record")
    assert not list(LEXICON_DIR.glob("*source_nouns*"))


def test_cue_lexicons_hold_only_known_classes():
    for name in ("cue_verbs", "intent_verbs", "stance_verbs", "cue_nouns", "attitude_nouns", "attitude_adjectives"):
        assert cue_classes(name)
