"""Training the relation model from labelled pairs (and, for headline stance, labelled headlines).

Pairs carry a `group` (the story they belong to); cross-validation splits by it, and the per-text
*against* head learns from it too: inside a group, agree pairs put two texts on one side and
conflict pairs on opposite sides, so each story's texts fall into two sides, and the side that
uses more refuting words is the one that denies the story. No per-text label is needed.

Deterministic: fixed fold order, liblinear-free lbfgs solver, no random state anywhere.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..types import HeadlineStance, RelationType
from .facts import UNRELATED, ClaimFacts
from .features import pair_features, side_features, text_feature_names, text_features
from .model import PAIR_FEATURE_NAMES, LinearHead, RelationModel
from .negatives import other_story_negatives
from .signals import TextSignals, text_signals

THRESHOLDS_FILE = Path(__file__).with_name("data") / "relation_thresholds.json"
LABELS = (RelationType.AGREE.value, RelationType.CONFLICT.value, UNRELATED)
FOR, AGAINST, OBSERVING = HeadlineStance.FOR, HeadlineStance.AGAINST, HeadlineStance.OBSERVING
# Inverse regularisation strengths: text heads see ~300 sparse word features, pair heads ~30 dense ones.
TEXT_C, PAIR_C = 0.3, 1.0
INNER_FOLDS = 5

Embedder = Callable[[Sequence[str]], dict[str, np.ndarray]]


@dataclass(frozen=True)
class PairRow:
    text_a: str
    text_b: str
    label: str  # agree / conflict / unrelated (same_claim is trained as agree)
    group: str


@dataclass(frozen=True)
class StanceRow:
    claim: str
    headline: str
    stance: str  # for / against / observing
    group: str


def train_relation_model(
    rows: Iterable[PairRow | tuple[str, str, str, str]],
    *,
    curated: Iterable[PairRow | tuple[str, str, str, str]] = (),
    stance_rows: Sequence[StanceRow] = (),
    negatives: Iterable[PairRow] = (),
    other_story_negatives_per_text: int = 0,
    embed: Embedder,
    description: dict[str, Any] | None = None,
) -> RelationModel:
    """A model fitted on the pairs (plus curator pairs, plus claim-vs-headline stance rows).

    `embed` maps texts to unit vectors (e.g. `EmbeddingCache(embed_texts)`); curator rows outweigh
    none of the others and need no group (each is its own). Hard negatives (`negatives.py`): the
    given `negatives` (unrelated news pairs), and each story's texts paired with their
    `other_story_negatives_per_text` nearest texts of the other stories in `rows`.
    """
    stories = _as_pairs(rows) + _stance_pairs(stance_rows)
    hard = other_story_negatives(stories, embed, other_story_negatives_per_text) + _as_pairs(negatives)
    pairs = stories + _as_pairs(curated, default_group="curated") + hard
    if not any(p.label != UNRELATED for p in pairs) or not any(p.label == UNRELATED for p in pairs):
        raise ValueError("Training needs related (agree/conflict) and unrelated pairs.")
    texts = sorted({t for p in pairs for t in (p.text_a, p.text_b)} | {s.headline for s in stance_rows})
    vectors = embed(texts)
    signals = {text: text_signals(text) for text in texts}
    features = {text: text_features(signals[text]) for text in texts}
    against_head, oof_against = _fit_against(pairs, features)
    rows_x = _pair_matrix(pairs, vectors, signals, against_head, oof_against, features)
    labels = np.array([p.label for p in pairs])
    related = labels != UNRELATED
    conflict = labels == RelationType.CONFLICT
    groups = np.array([p.group for p in pairs])
    return RelationModel(
        against_head=against_head,
        related_head=_fit_head(rows_x, related, PAIR_FEATURE_NAMES, PAIR_C),
        conflict_head=_fit_head(rows_x[related], conflict[related], PAIR_FEATURE_NAMES, PAIR_C),
        report_head=_fit_report(stance_rows, features),
        thresholds={
            "related": 0.5,
            "conflict": _conflict_threshold(rows_x[related], conflict[related], groups[related]),
            "report": 0.5,
            **load_thresholds(),
        },
        training=_describe(pairs, stance_rows, description),
    )


def load_thresholds(path: Path = THRESHOLDS_FILE) -> dict[str, float]:
    """Thresholds chosen by evaluation, kept as data (see the file's own note on how)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {name: float(value) for name, value in data.items() if not name.startswith("_")}


class EmbeddingCache:
    """Embeds each distinct text once per run, in memory (never on disk)."""

    def __init__(self, embed_texts: Callable[[list[str]], np.ndarray]) -> None:
        self._embed_texts = embed_texts
        self._vectors: dict[str, np.ndarray] = {}

    def __call__(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        missing = sorted({t for t in texts if t not in self._vectors})
        if missing:
            self._vectors.update(zip(missing, self._embed_texts(missing), strict=True))
        return {t: self._vectors[t] for t in texts}


def facts_for(texts: Sequence[str], embed: Embedder) -> dict[str, ClaimFacts]:
    """Bare facts (text and embedding only), as for headlines that have no extraction."""
    vectors = embed(texts)
    return {t: _facts(t, vectors) for t in texts}


def group_folds(groups: Sequence[str], folds: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """GroupKFold splits: every group wholly in one test fold."""
    from sklearn.model_selection import GroupKFold

    groups = np.asarray(groups)
    folds = min(folds, len(set(groups.tolist())))
    if folds < 2:
        raise ValueError("Cross-validation needs at least two groups.")
    return list(GroupKFold(n_splits=folds).split(np.zeros(len(groups)), groups=groups))


def _as_pairs(rows: Iterable[PairRow | tuple[str, str, str, str]], default_group: str = "") -> list[PairRow]:
    pairs = []
    for index, row in enumerate(rows):
        pair = row if isinstance(row, PairRow) else PairRow(*row)
        label = RelationType.AGREE.value if pair.label == RelationType.SAME_CLAIM else pair.label
        if label not in LABELS:
            raise ValueError(f"Unknown relation label {pair.label!r} (expected one of {', '.join(LABELS)}).")
        group = pair.group or f"{default_group}:{index}"
        pairs.append(PairRow(pair.text_a, pair.text_b, label, group))
    return pairs


def _stance_pairs(stance_rows: Sequence[StanceRow]) -> list[PairRow]:
    """A claim and a headline about it agree unless the headline is against it."""
    conflict, agree = RelationType.CONFLICT.value, RelationType.AGREE.value
    return [
        PairRow(s.claim, s.headline, conflict if s.stance == AGAINST else agree, s.group)
        for s in stance_rows
        if s.claim.strip().lower() != s.headline.strip().lower()
    ]


def _facts(text: str, vectors: dict[str, np.ndarray]) -> ClaimFacts:
    return ClaimFacts(text=text, embedding=vectors[text])


def _pair_matrix(
    pairs: Sequence[PairRow],
    vectors: dict[str, np.ndarray],
    signals: dict[str, TextSignals],
    against_head: LinearHead,
    oof_against: dict[tuple[str, str], float],
    features: dict[str, np.ndarray],
) -> np.ndarray:
    """Pair rows whose denial probabilities come from heads that never saw the text's story."""
    fitted = dict(zip(features, against_head.probability(np.vstack(list(features.values()))), strict=True))

    def side(text: str, group: str) -> float:
        return oof_against.get((group, text), fitted[text])

    hand = np.vstack(
        [pair_features(_facts(p.text_a, vectors), _facts(p.text_b, vectors), signals[p.text_a], signals[p.text_b]) for p in pairs]
    )
    against_a = np.array([side(p.text_a, p.group) for p in pairs])
    against_b = np.array([side(p.text_b, p.group) for p in pairs])
    return np.hstack([hand, side_features(hand, against_a, against_b)])


def side_labels(pairs: Sequence[PairRow], features: dict[str, np.ndarray]) -> dict[tuple[str, str], int]:
    """(group, text) -> 1 when the text is on its story's denying side, by two-colouring the related pairs."""
    edges: dict[tuple[str, str], list[tuple[tuple[str, str], bool]]] = defaultdict(list)
    for p in pairs:
        if p.label != UNRELATED:
            flip = p.label == RelationType.CONFLICT
            edges[(p.group, p.text_a)].append(((p.group, p.text_b), flip))
            edges[(p.group, p.text_b)].append(((p.group, p.text_a), flip))
    refute_at = text_feature_names().index("has_refute")
    colour: dict[tuple[str, str], int] = {}
    for start in sorted(edges):
        if start not in colour:
            component = _colour_component(start, edges, colour)
            _orient(component, colour, lambda node: features[node[1]][refute_at])
    return colour


def _colour_component(start, edges, colour) -> list:
    colour[start] = 0
    component, stack = [start], [start]
    while stack:
        node = stack.pop()
        for other, flip in edges[node]:
            if other not in colour:  # a pair that contradicts the colouring so far is outvoted, not fatal
                colour[other] = colour[node] ^ int(flip)
                component.append(other)
                stack.append(other)
    return component


def _orient(component, colour, refutes: Callable[[Any], float]) -> None:
    """Make 1 the denying side: the one using more refuting words (the smaller one on a tie)."""
    sides = [[n for n in component if colour[n] == c] for c in (0, 1)]
    if not sides[1]:
        return  # everyone agrees: nobody denies
    score = [np.mean([refutes(n) for n in side]) - 1e-6 * len(side) for side in sides]
    if score[0] > score[1]:
        for node in component:
            colour[node] ^= 1


def _fit_against(
    pairs: Sequence[PairRow], features: dict[str, np.ndarray]
) -> tuple[LinearHead, dict[tuple[str, str], float]]:
    """The per-text denial head, and each training text's probability from a head that did not see its group."""
    colour = side_labels(pairs, features)
    keys = sorted(colour)
    x = np.vstack([features[text] for _, text in keys]) if keys else np.zeros((0, len(text_feature_names())))
    y = np.array([colour[k] for k in keys], dtype=bool)
    names = text_feature_names()
    oof: dict[tuple[str, str], float] = {}
    groups = [group for group, _ in keys]
    if len(set(groups)) >= 2:
        for train, test in group_folds(groups, INNER_FOLDS):
            head = _fit_head(x[train], y[train], names, TEXT_C)
            oof.update(zip([keys[i] for i in test], head.probability(x[test]), strict=True))
    return _fit_head(x, y, names, TEXT_C), oof


def _conflict_threshold(x: np.ndarray, conflict: np.ndarray, groups: np.ndarray) -> float:
    """The conflict cut-off with the best conflict F1 on the training pairs' own groups, held out in turn.

    Conflicts are the rarer class, so the even-odds cut-off of 0.5 misses many; the cut-off is
    learned like the weights, from data the fold under test never contributes to.
    """
    if len(set(groups.tolist())) < INNER_FOLDS or len(set(conflict.tolist())) < 2:
        return 0.5
    held_out = np.zeros(len(conflict))
    for train, test in group_folds(groups.tolist(), INNER_FOLDS):
        held_out[test] = _fit_head(x[train], conflict[train], PAIR_FEATURE_NAMES, PAIR_C).probability(x[test])
    candidates = np.round(np.arange(0.15, 0.61, 0.05), 2)
    return float(max(candidates, key=lambda cut: _f1(conflict, held_out >= cut)))


def _f1(gold: np.ndarray, predicted: np.ndarray) -> float:
    tp = float(np.sum(gold & predicted))
    return 2 * tp / (np.sum(gold) + np.sum(predicted)) if tp else 0.0


def _fit_report(stance_rows: Sequence[StanceRow], features: dict[str, np.ndarray]) -> LinearHead | None:
    """The per-text report head: a headline that only reports its story (observing) against one stating it."""
    rows = [s for s in stance_rows if s.stance in (FOR, OBSERVING)]
    if not rows:
        return None
    x = np.vstack([features[s.headline] for s in rows])
    return _fit_head(x, np.array([s.stance == OBSERVING for s in rows]), text_feature_names(), TEXT_C)


def _fit_head(x: np.ndarray, y: np.ndarray, names: Sequence[str], c: float, balanced: bool = False) -> LinearHead:
    """A standardised logistic regression; a constant head when the data has only one class."""
    mean = x.mean(axis=0) if len(x) else np.zeros(len(names))
    scale = x.std(axis=0) if len(x) else np.ones(len(names))
    scale = np.where(scale > 1e-9, scale, 1.0)
    if len(set(y.tolist())) < 2:
        rate = float(np.clip(y.mean() if len(y) else 0.5, 0.01, 0.99))
        return LinearHead(tuple(names), mean, scale, np.zeros(len(names)), float(np.log(rate / (1 - rate))))
    from sklearn.linear_model import LogisticRegression

    weights = "balanced" if balanced else None
    fitted = LogisticRegression(C=c, max_iter=5000, class_weight=weights).fit((x - mean) / scale, y)
    return LinearHead(tuple(names), mean, scale, fitted.coef_[0].copy(), float(fitted.intercept_[0]))


def _describe(pairs: Sequence[PairRow], stance_rows: Sequence[StanceRow], extra: dict[str, Any] | None) -> dict:
    counts: dict[str, int] = defaultdict(int)
    for p in pairs:
        counts[p.label] += 1
    return {
        "pairs": len(pairs),
        "pair_labels": dict(sorted(counts.items())),
        "groups": len({p.group for p in pairs}),
        "stance_rows": len(stance_rows),
        **(extra or {}),
    }
