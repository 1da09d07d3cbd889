"""Measuring the relation model: labelling pair and stance files, grouped cross-validation, scores.

Every figure from cross-validation comes from models that never saw the test fold's groups.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from claims.nlp.relation.emergent import pairs_from_stance_rows
from claims.nlp.relation.model import RelationModel
from claims.nlp.relation.negatives import HardNegatives
from claims.nlp.relation.stance import headline_stances
from claims.nlp.relation.training import (
    LABELS,
    Embedder,
    PairRow,
    StanceRow,
    facts_for,
    group_folds,
    train_relation_model,
)
from claims.nlp.types import RelationType

NO_HARD_NEGATIVES = HardNegatives()
# For finding the same-claim threshold: the share of pairs above it that must be gold agree.
SAME_CLAIM_PURITY = 0.95


def label_pairs(model: RelationModel, pairs: Sequence[PairRow], embed: Embedder) -> list[str]:
    """The model's label for each pair (same_claim counted as agree when scoring against agree/conflict/unrelated)."""
    facts = facts_for(sorted({t for p in pairs for t in (p.text_a, p.text_b)}), embed)
    return [j.label for j in model.judge_many([(facts[p.text_a], facts[p.text_b]) for p in pairs])]


def cross_validate_pairs(
    pairs: Sequence[PairRow], folds: int, embed: Embedder, negatives: HardNegatives = NO_HARD_NEGATIVES
) -> list[str]:
    """Each pair labelled by a model trained on the other folds' groups (plus hard negatives built
    from those groups only, and news negatives from another corpus)."""
    predicted = [""] * len(pairs)
    for train, test in group_folds([p.group for p in pairs], folds):
        model = train_relation_model([pairs[i] for i in train], embed=embed, **negatives.training_arguments())
        for i, label in zip(test, label_pairs(model, [pairs[i] for i in test], embed), strict=True):
            predicted[i] = label
    return predicted


def cross_validate_stance(
    rows: Sequence[StanceRow],
    folds: int,
    embed: Embedder,
    pairs_script: Path,
    negatives: HardNegatives = NO_HARD_NEGATIVES,
) -> list[str]:
    """Each headline's stance from a model trained on the other folds' claims (their pairs and stance rows)."""
    predicted = [""] * len(rows)
    for train, test in group_folds([r.group for r in rows], folds):
        seen = [rows[i] for i in train]
        model = train_relation_model(
            pairs_from_stance_rows(seen, pairs_script), stance_rows=seen, embed=embed, **negatives.training_arguments()
        )
        stances = headline_stances(model, [(rows[i].claim, rows[i].headline) for i in test], embed=embed)
        for i, stance in zip(test, stances, strict=True):
            predicted[i] = stance
    return predicted


def as_three_way(labels: Sequence[str]) -> list[str]:
    """The same claim again is an agreement, for scoring against agree / conflict / unrelated gold."""
    return [RelationType.AGREE.value if label == RelationType.SAME_CLAIM else label for label in labels]


def score_table(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str] = LABELS) -> tuple[str, float]:
    """Per-class precision / recall / F1 lines and the macro-F1 over `labels`."""
    lines, f1s = [], []
    for label in labels:
        p, r, f1 = class_prf(gold, predicted, label)
        f1s.append(f1)
        lines.append(f"  {label:10s} P={p:.3f} R={r:.3f} F1={f1:.3f} (gold {sum(g == label for g in gold)})")
    macro = float(np.mean(f1s))
    lines.append(f"  macro-F1 {macro:.3f}")
    return "\n".join(lines), macro


def class_prf(gold: Sequence[str], predicted: Sequence[str], label: str) -> tuple[float, float, float]:
    tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
    n_pred, n_gold = sum(p == label for p in predicted), sum(g == label for g in gold)
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def accuracy(gold: Sequence[str], predicted: Sequence[str]) -> float:
    return sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold) if gold else 0.0


def same_claim_threshold(pairs: Sequence[PairRow], embed: Embedder) -> float | None:
    """The lowest similarity above which at least SAME_CLAIM_PURITY of the pairs are gold agreements
    (and at least 20 pairs remain): near-identical statements that never conflict."""
    facts = facts_for(sorted({t for p in pairs for t in (p.text_a, p.text_b)}), embed)
    sims = np.array([float(np.dot(facts[p.text_a].embedding, facts[p.text_b].embedding)) for p in pairs])
    agree = np.array([p.label == RelationType.AGREE for p in pairs])
    order = np.argsort(-sims)
    purity = np.cumsum(agree[order]) / np.arange(1, len(order) + 1)
    ok = [k for k in range(19, len(order)) if purity[k] >= SAME_CLAIM_PURITY]
    if not ok:
        return None
    return round(float(sims[order[max(ok)]]), 2)
