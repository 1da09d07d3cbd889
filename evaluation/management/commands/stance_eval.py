"""manage.py stance_eval FILE.csv [--out PRED.csv] [--cv 5]: headline stance (for / against / observing) towards claims.

Reads an Emergent-format CSV (claimHeadline, articleHeadline and, for scoring, articleHeadlineStance and
claimId). By default each headline is labelled by the shipped relation model (conflict → against; agree →
for, or observing when its report head says the headline only reports the story). ``--cv N`` instead
trains a fresh model per fold, grouped by claimId, from the other folds' pairs and headlines. Prints
accuracy and per-class F1 next to the keyword baseline.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Sequence
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from claims.nlp.meaning import embed_texts
from claims.nlp.relation import EmbeddingCache, RelationModel, StanceRow
from claims.nlp.relation.negatives import HardNegatives
from claims.nlp.relation.stance import STANCES, headline_stances
from claims.nlp.stance import keyword_stance
from evaluation.relation import accuracy, class_prf, cross_validate_stance

REQUIRED = ("claimHeadline", "articleHeadline")
GOLD = "articleHeadlineStance"


class Command(BaseCommand):
    help = "Label headline stance towards claims (Emergent CSV format), write predictions, print scores."

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV with claimHeadline, articleHeadline (and articleHeadlineStance).")
        parser.add_argument("--out", help="Where to write the CSV with predictedStance added.")
        parser.add_argument("--cv", type=int, default=0, help="Cross-validation grouped by claimId, this many folds.")
        parser.add_argument("--news-gold", help="With --cv: news claims for hard negatives (as train_relation_model).")

    def handle(self, *args, file: str, out=None, cv: int = 0, news_gold=None, **options) -> str:
        fields, rows = read_rows(Path(file))
        started = time.monotonic()
        pairs = [(row["claimHeadline"] or "", row["articleHeadline"] or "") for row in rows]
        gold = [(row.get(GOLD) or "").strip().lower() for row in rows]
        scored = all(label in STANCES for label in gold)
        embed = EmbeddingCache(embed_texts)
        if cv:
            if not scored:
                raise CommandError(f"--cv needs a {GOLD} column with for/against/observing in every row.")
            predicted, how = self._cross_validate(rows, pairs, gold, cv, embed, news_gold)
        else:
            predicted, how = headline_stances(RelationModel.load(), pairs, embed=embed), "shipped relation model"
        took = time.monotonic() - started
        if out:
            write_rows(Path(out), fields, rows, predicted)
        self.stdout.write(f"data {Path(file).name}: {len(rows)} headlines; {how}")
        if scored:
            self.stdout.write(score_report(gold, predicted, [keyword_stance(h) for _, h in pairs]))
        else:
            self.stdout.write(f"No {GOLD} column with for/against/observing in every row: predictions only.")
        return f"Labelled {len(rows)} headlines in {took:.1f} s" + (f"; wrote {out}." if out else ".")

    def _cross_validate(self, rows, pairs, gold, cv: int, embed, news_gold) -> tuple[list[str], str]:
        stance_rows = [
            StanceRow(claim, headline, label, row.get("claimId") or claim)
            for row, (claim, headline), label in zip(rows, pairs, gold, strict=True)
        ]
        script = Path(settings.CLAIMTRACK_EVAL_DIR) / "emergent_pairs.py"
        groups = len({r.group for r in stance_rows})
        try:
            negatives = HardNegatives.build(news_gold, embed)
        except (OSError, KeyError, ValueError) as exc:
            raise CommandError(f"Cannot read the news claims for hard negatives: {exc}") from exc
        predicted = cross_validate_stance(stance_rows, cv, embed, script, negatives)
        return predicted, f"{cv}-fold CV grouped by claimId ({groups} claims)"


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
