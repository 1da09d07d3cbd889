"""manage.py relation_eval PAIRS.csv [--out PRED.csv] [--cv 5]: the relation model on labelled claim pairs.

Default: label every pair with the shipped model. ``--cv N``: N-fold cross-validation grouped by
the ``group`` column, a fresh model trained per fold, so no pair is judged by a model that saw its story.
"""

from __future__ import annotations

import csv
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from claims.nlp.meaning import embed_texts
from claims.nlp.relation import EmbeddingCache, RelationModel
from claims.nlp.relation.emergent import read_pair_rows
from claims.nlp.relation.negatives import HardNegatives
from claims.nlp.relation.training import LABELS, PairRow
from evaluation.relation import as_three_way, cross_validate_pairs, label_pairs, same_claim_threshold, score_table


class Command(BaseCommand):
    help = "Judge labelled claim pairs with the relation model (or grouped CV); print per-class P/R/F1 and macro-F1."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Pairs CSV: textA, textB, relation (agree/conflict/unrelated), group.")
        parser.add_argument("--out", help="Write the input rows plus predictedRelation here.")
        parser.add_argument("--cv", type=int, default=0, help="Grouped cross-validation with this many folds.")
        parser.add_argument("--model", help="A model JSON other than the shipped one (without --cv).")
        parser.add_argument("--news-gold", help="With --cv: news claims for hard negatives (as train_relation_model).")

    def handle(self, *args, file: str, out=None, cv: int = 0, model=None, news_gold=None, **options) -> str:
        path = Path(file)
        try:
            pairs = read_pair_rows(path)
        except (OSError, KeyError, UnicodeDecodeError, csv.Error) as exc:
            raise CommandError(f"Cannot read {path}: {exc}") from exc
        if not pairs:
            raise CommandError(f"{path} has no rows.")
        embed, started = EmbeddingCache(embed_texts), time.monotonic()
        if cv:
            how = f"{cv}-fold cross-validation grouped by 'group' ({len({p.group for p in pairs})} groups)"
            try:
                negatives = HardNegatives.build(news_gold, embed)
            except (OSError, KeyError, ValueError) as exc:
                raise CommandError(f"Cannot read the news claims for hard negatives: {exc}") from exc
            predicted = cross_validate_pairs(pairs, cv, embed, negatives)
        else:
            how = f"model {model or 'shipped'}"
            predicted = label_pairs(RelationModel.load(model), pairs, embed)
        took = time.monotonic() - started
        if out:
            _write(Path(out), pairs, predicted)
        self.stdout.write(self._report(path, pairs, predicted, how, embed))
        return (
            f"Judged {len(pairs)} pairs in {took:.1f} s ({1000 * took / len(pairs):.2f} ms a pair, embedding included)."
        )

    def _report(self, path: Path, pairs: list[PairRow], predicted: list[str], how: str, embed) -> str:
        gold = [p.label for p in pairs]
        lines = [f"data {path.name}: {len(pairs)} pairs; {how}"]
        if all(label in LABELS for label in gold):
            lines.append(score_table(gold, as_three_way(predicted))[0])
            lines.append(f"  (same_claim predicted {predicted.count('same_claim')} times, scored as agree)")
            lines.append(f"suggested same_claim_similarity: {same_claim_threshold(pairs, embed)}")
        else:
            lines.append("No relation column with agree/conflict/unrelated in every row: predictions only.")
        return "\n".join(lines)


def _write(path: Path, pairs: list[PairRow], predicted: list[str]) -> None:
    try:
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["group", "textA", "textB", "relation", "predictedRelation"])
            writer.writerows(
                (p.group, p.text_a, p.text_b, p.label, label) for p, label in zip(pairs, predicted, strict=True)
            )
    except OSError as exc:
        raise CommandError(f"Cannot write {path}: {exc}") from exc
