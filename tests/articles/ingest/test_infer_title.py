"""A text without a headline line is titled by its opening words, not left to its file name."""

from __future__ import annotations

from pathlib import Path

from articles.ingest.metadata import infer_title

SEEDS = Path(__file__).resolve().parents[3] / "fixtures" / "seeds"


def test_a_headline_line_is_the_title():
    assert infer_title("Obama, Putin meet amid rising tensions\nThe two leaders met on Monday.") == (
        "Obama, Putin meet amid rising tensions"
    )


def test_a_story_without_a_headline_is_titled_by_its_first_words():
    title = infer_title((SEEDS / "000_c5772f237bf2a885.txt").read_text())
    assert title == "Russia continues to position itself to potentially launch airstrikes in Syria — but their…"


def test_a_short_first_sentence_is_the_whole_title():
    assert infer_title("The minister said the talks failed. Then the talks resumed on Friday.") == (
        "The minister said the talks failed"
    )


def test_an_empty_text_has_no_title():
    assert infer_title("") == ""
