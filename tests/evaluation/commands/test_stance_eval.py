"""manage.py stance_eval on a small CSV of our own: predictions written, scores beside the keyword baseline, grouped CV."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

ROWS = [
    ("The old bridge will reopen in May", "Old bridge to reopen in May", "for", "c1"),
    ("The old bridge will reopen in May", "Council denies bridge will reopen in May", "against", "c1"),
    ("The old bridge will reopen in May", "Old bridge reportedly set to reopen in May", "observing", "c1"),
    ("A seal swam up the canal", "Seal swimming up the canal is a hoax", "against", "c2"),
    ("A seal swam up the canal", "Seal spotted swimming up the canal", "for", "c2"),
    ("A seal swam up the canal", "Did a seal really swim up the canal?", "observing", "c2"),
    ("The mayor resigned on Friday", "Mayor resigns", "for", "c3"),
    ("The mayor resigned on Friday", "Mayor says she will not resign", "against", "c3"),
    ("The mayor resigned on Friday", "Mayor has resigned, sources say", "observing", "c3"),
    ("The factory will close next year", "Factory to close next year", "for", "c4"),
    ("The factory will close next year", "Rumours of factory closure are false", "against", "c4"),
    ("The factory will close next year", "Factory may close next year, union claims", "observing", "c4"),
]
HEADER = ("claimHeadline", "articleHeadline", "articleHeadlineStance", "claimId")


def write_csv(path, rows, header=HEADER):
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([*header, "articleId"])
        for index, row in enumerate(rows):
            writer.writerow([*row[: len(header)], f"a{index}"])


def test_it_writes_predictions_next_to_the_input_columns_and_prints_scores_beside_the_baseline(tmp_path):
    source, out = tmp_path / "stance.csv", tmp_path / "pred.csv"
    write_csv(source, ROWS)
    stdout = io.StringIO()

    call_command("stance_eval", str(source), out=str(out), stdout=stdout)

    with out.open(encoding="utf-8") as handle:
        written = list(csv.DictReader(handle))
    assert [r["articleId"] for r in written] == [f"a{i}" for i in range(len(ROWS))]
    assert {r["predictedStance"] for r in written} <= {"for", "against", "observing"}
    report = stdout.getvalue()
    assert "shipped relation model" in report
    assert "accuracy" in report and "keyword baseline accuracy" in report


def test_the_shipped_model_reads_plain_denials_as_against(tmp_path):
    source, out = tmp_path / "stance.csv", tmp_path / "pred.csv"
    write_csv(source, [row for row in ROWS if row[2] == "against"])

    call_command("stance_eval", str(source), out=str(out), stdout=io.StringIO())

    with out.open(encoding="utf-8") as handle:
        assert [r["predictedStance"] for r in csv.DictReader(handle)] == ["against"] * 4


def test_it_cross_validates_grouped_by_claim(tmp_path):
    source = tmp_path / "stance.csv"
    write_csv(source, ROWS)
    stdout = io.StringIO()

    call_command("stance_eval", str(source), cv=2, stdout=stdout)

    assert "2-fold CV grouped by claimId (4 claims)" in stdout.getvalue()
    assert "keyword baseline accuracy" in stdout.getvalue()


def test_it_predicts_without_a_gold_column(tmp_path):
    source, out = tmp_path / "stance.csv", tmp_path / "pred.csv"
    write_csv(source, [row[:2] for row in ROWS[:2]], header=("claimHeadline", "articleHeadline"))
    stdout = io.StringIO()

    call_command("stance_eval", str(source), out=str(out), stdout=stdout)

    assert "predictions only" in stdout.getvalue()
    with out.open(encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == 2


def test_a_file_without_the_headline_columns_is_refused_clearly(tmp_path):
    source = tmp_path / "other.csv"
    source.write_text("title,body\nx,y\n", encoding="utf-8")

    with pytest.raises(CommandError, match="lacks the column\\(s\\) claimHeadline, articleHeadline"):
        call_command("stance_eval", str(source), out=str(tmp_path / "pred.csv"))


def test_a_missing_file_is_refused_clearly(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("stance_eval", str(tmp_path / "nope.csv"), out=str(tmp_path / "pred.csv"))
