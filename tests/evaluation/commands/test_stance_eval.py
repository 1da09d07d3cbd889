"""manage.py stance_eval on a small CSV of our own: predictions written, scores printed, bad files refused."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

ROWS = [
    ("Russian jets bombed a hospital in Aleppo", "Russian jets bomb Aleppo hospital", "for"),
    ("Russian jets bombed a hospital in Aleppo", "Moscow denies bombing hospital in Aleppo", "against"),
    ("Russian jets bombed a hospital in Aleppo", "Russian jets reportedly hit a hospital in Aleppo", "observing"),
    ("A shark swam through a flooded street", "Shark swimming down flooded street is a hoax", "against"),
    ("A shark swam through a flooded street", "Did a shark really swim down a flooded street?", "observing"),
]


def write_csv(path, rows, header=("claimHeadline", "articleHeadline", "articleHeadlineStance", "articleId")):
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for index, row in enumerate(rows):
            writer.writerow([*row, f"a{index}"][: len(header)])


def test_it_writes_predictions_next_to_the_input_columns_and_prints_scores(tmp_path):
    source, out = tmp_path / "stance.csv", tmp_path / "pred.csv"
    write_csv(source, ROWS)
    stdout = io.StringIO()

    call_command("stance_eval", str(source), out=str(out), stdout=stdout)

    with out.open(encoding="utf-8") as handle:
        written = list(csv.DictReader(handle))
    assert [r["articleId"] for r in written] == [f"a{i}" for i in range(len(ROWS))]
    predicted = [r["predictedStance"] for r in written]
    assert predicted == [label for _, _, label in ROWS]
    report = stdout.getvalue()
    assert "accuracy 1.0000" in report
    assert "against   P=1.000 R=1.000 F1=1.000" in report
    assert "keyword baseline accuracy" in report


def test_it_predicts_without_a_gold_column(tmp_path):
    source, out = tmp_path / "stance.csv", tmp_path / "pred.csv"
    write_csv(source, [row[:2] for row in ROWS[:2]], header=("claimHeadline", "articleHeadline"))
    stdout = io.StringIO()

    call_command("stance_eval", str(source), out=str(out), stdout=stdout)

    assert "predictions only" in stdout.getvalue()
    with out.open(encoding="utf-8") as handle:
        assert [r["predictedStance"] for r in csv.DictReader(handle)] == ["for", "against"]


def test_a_file_without_the_headline_columns_is_refused_clearly(tmp_path):
    source = tmp_path / "other.csv"
    source.write_text("title,body\nx,y\n", encoding="utf-8")

    with pytest.raises(CommandError, match="lacks the column\\(s\\) claimHeadline, articleHeadline"):
        call_command("stance_eval", str(source), out=str(tmp_path / "pred.csv"))


def test_a_missing_file_is_refused_clearly(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("stance_eval", str(tmp_path / "nope.csv"), out=str(tmp_path / "pred.csv"))
