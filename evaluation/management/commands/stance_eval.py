"""manage.py stance_eval FILE.csv --out PRED.csv: headline stance (for / against / observing) towards claims.

Reads an Emergent-format CSV (claimHeadline, articleHeadline and, for scoring, articleHeadlineStance),
labels each article headline with the product's extraction and comparison, writes the input's
columns plus ``predictedStance``, and prints accuracy and per-class F1 next to the keyword baseline.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Sequence
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from claims.nlp.loader import get_nlp
from claims.nlp.stance import STANCES, keyword_stance, stances_for_pairs

REQUIRED = ("claimHeadline", "articleHeadline")
GOLD = "articleHeadlineStance"


class Command(BaseCommand):
    help = "Label headline stance towards claims (Emergent CSV format), write predictions, print scores."

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV with claimHeadline, articleHeadline (and articleHeadlineStance).")
        parser.add_argument("--out", required=True, help="Where to write the CSV with predictedStance added.")

    def handle(self, *args, file: str, out: str, **options) -> str:
        fields, rows = read_rows(Path(file))
        started = time.monotonic()
        pairs = [(row["claimHeadline"] or "", row["articleHeadline"] or "") for row in rows]
        predicted = stances_for_pairs(pairs, nlp=get_nlp(settings.SPACY_MODEL))
        write_rows(Path(out), fields, rows, predicted)
        took = time.monotonic() - started
        gold = [(row.get(GOLD) or "").strip().lower() for row in rows]
        if all(label in STANCES for label in gold):
            self.stdout.write(score_report(gold, predicted, [keyword_stance(h) for _, h in pairs]))
        else:
            self.stdout.write(f"No {GOLD} column with for/against/observing in every row: predictions only.")
        return f"Labelled {len(rows)} headlines in {took:.1f} s; wrote {out}."


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            fields = list(reader.fieldnames or [])
            rows = list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise CommandError(f"Cannot read {path}: {exc}") from exc
    missing = [name for name in REQUIRED if name not in fields]
    if missing:
        raise CommandError(f"{path} lacks the column(s) {', '.join(missing)} (found: {', '.join(fields) or 'none'}).")
    if not rows:
        raise CommandError(f"{path} has no rows.")
    return fields, rows


def write_rows(path: Path, fields: list[str], rows: list[dict[str, str]], predicted: Sequence[str]) -> None:
    try:
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=[*fields, "predictedStance"], extrasaction="ignore")
            writer.writeheader()
            for row, stance in zip(rows, predicted, strict=True):
                writer.writerow({**row, "predictedStance": stance})
    except OSError as exc:
        raise CommandError(f"Cannot write {path}: {exc}") from exc


def score_report(gold: Sequence[str], predicted: Sequence[str], baseline: Sequence[str]) -> str:
    lines = [f"rows {len(gold)}", f"accuracy {accuracy(gold, predicted):.4f}"]
    for label in STANCES:
        p, r, f1 = class_prf(gold, predicted, label)
        lines.append(f"  {label:9s} P={p:.3f} R={r:.3f} F1={f1:.3f} (gold {sum(g == label for g in gold)})")
    lines.append(f"keyword baseline accuracy {accuracy(gold, baseline):.4f}")
    return "\n".join(lines)


def accuracy(gold: Sequence[str], predicted: Sequence[str]) -> float:
    return sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold) if gold else 0.0


def class_prf(gold: Sequence[str], predicted: Sequence[str], label: str) -> tuple[float, float, float]:
    tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
    n_pred, n_gold = sum(p == label for p in predicted), sum(g == label for g in gold)
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
