"""manage.py relation_eval on a small pairs file of our own: shipped model by default, grouped CV with --cv."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.claims.nlp.test_relation_training import story_pairs


def write_pairs(path, pairs) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["pair_id", "group", "textA", "textB", "relation"])
        writer.writerows((i, p.group, p.text_a, p.text_b, p.label) for i, p in enumerate(pairs, 1))


def test_it_labels_the_file_with_the_shipped_model_and_prints_per_class_scores(tmp_path):
    source, out = tmp_path / "pairs.csv", tmp_path / "pred.csv"
    write_pairs(source, story_pairs())
    stdout = io.StringIO()

    call_command("relation_eval", str(source), out=str(out), stdout=stdout)

    report = stdout.getvalue()
    assert "model shipped" in report
    for label in ("agree", "conflict", "unrelated"):
        assert f"  {label:10s} P=" in report
    assert "macro-F1" in report
    with out.open(encoding="utf-8") as handle:
        written = list(csv.DictReader(handle))
    assert len(written) == len(story_pairs())
    assert {row["predictedRelation"] for row in written} <= {"agree", "conflict", "same_claim", "unrelated"}


def test_it_cross_validates_grouped_by_story(tmp_path):
    source = tmp_path / "pairs.csv"
    write_pairs(source, story_pairs())
    stdout = io.StringIO()

    call_command("relation_eval", str(source), cv=2, stdout=stdout)

    assert "2-fold cross-validation grouped by 'group' (6 groups)" in stdout.getvalue()
    assert "macro-F1" in stdout.getvalue()


def test_a_file_without_the_pair_columns_is_refused_clearly(tmp_path):
    source = tmp_path / "other.csv"
    source.write_text("title,body\nx,y\n", encoding="utf-8")

    with pytest.raises(CommandError, match="textA, textB and relation"):
        call_command("relation_eval", str(source))
