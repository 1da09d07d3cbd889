"""The relation model: three small logistic heads read from a JSON file, judging pairs of claims.

Decisions, in order:
1. *against* (per text): how strongly one text reads as denying its story, from its signal words.
2. *related* (per pair): the two state the same thing, or its denial, rather than different things.
3. *conflict* (per related pair): one side denies what the other asserts.
A related, agreeing pair whose embeddings are nearly identical, or whose two sides have one speaker,
is the same claim reported again.
4. *figures* (a rule, not learned): an agreeing pair (or the same claim) whose two sides state
   different figures is unrelated (`figures.py`).
A fourth head, *report* (per text), tells a headline that only reports a story from one that
states it; headline stance uses it (`claims.nlp.relation.stance`).

Inference is plain numpy over the stored coefficients: the file is the whole model.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..types import RelationType
from .facts import UNRELATED, ClaimFacts, Judgement
from .features import (
    FEATURE_NAMES,
    SIDE_FEATURE_NAMES,
    negated_outside_content,
    pair_features,
    side_features,
    speaker_denial,
    text_feature_names,
    text_features,
)
from .figures import different_figures, written
from .signals import TextSignals, stem, text_signals

MODEL_FILE = Path(__file__).with_name("data") / "relation_model.json"
FORMAT_VERSION = 1
PAIR_FEATURE_NAMES = (*FEATURE_NAMES, *SIDE_FEATURE_NAMES)


@dataclass(frozen=True)
class LinearHead:
    """A standardised logistic regression: P = sigmoid(((x - mean) / scale) . coef + intercept)."""

    names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    def probability(self, rows: np.ndarray) -> np.ndarray:
        logits = ((rows - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-logits))

    def to_json(self) -> dict[str, Any]:
        return {
            "intercept": _round(self.intercept),
            "features": {
                name: {"coef": _round(c), "mean": _round(m), "scale": _round(s)}
                for name, c, m, s in zip(self.names, self.coef, self.mean, self.scale, strict=True)
            },
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], expected_names: Sequence[str]) -> LinearHead:
        names = tuple(data["features"])
        if names != tuple(expected_names):
            raise ValueError("The model's features differ from the code's (word list changed?): retrain the model.")
        column = lambda key: np.array([data["features"][n][key] for n in names], dtype=np.float64)  # noqa: E731
        return cls(names, column("mean"), column("scale"), column("coef"), float(data["intercept"]))


@dataclass
class RelationModel:
    """Judges pairs of claims; built by `train_relation_model`, stored with `save`, read with `load`."""

    against_head: LinearHead
    related_head: LinearHead
    conflict_head: LinearHead
    report_head: LinearHead | None
    thresholds: dict[str, float]
    training: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path | None = None) -> RelationModel:
        """The model in `path` (default: the committed file beside this package), read once per process."""
        return _load_cached(str(Path(path or MODEL_FILE).resolve()))

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_json(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    def judge(self, a: ClaimFacts, b: ClaimFacts) -> Judgement:
        return self.judge_many([(a, b)])[0]

    def judge_many(self, pairs: Sequence[tuple[ClaimFacts, ClaimFacts]]) -> list[Judgement]:
        """One verdict per pair; each distinct text is read once."""
        if not pairs:
            return []
        texts = dict.fromkeys(text for pair in pairs for text in (pair[0].text, pair[1].text))
        signals = {text: text_signals(text) for text in texts}  # each distinct text read once
        sides = list(dict.fromkeys(_side_key(f) for pair in pairs for f in pair))
        against = dict(
            zip(sides, self.against_probability([signals[t] for t, _ in sides], [d for _, d in sides]), strict=True)
        )
        rows = self.pair_rows(pairs, signals, against)
        p_related = self.related_head.probability(rows)
        p_conflict = self.conflict_head.probability(rows)
        return [
            self._verdict(a, b, signals[a.text], signals[b.text], float(r), float(c))
            for (a, b), r, c in zip(pairs, p_related, p_conflict, strict=True)
        ]

    def against_probability(self, signals: Sequence[TextSignals], denied: Sequence[bool] = ()) -> np.ndarray:
        """How strongly each text reads as denying its story (``denied``: a speaker denied the text)."""
        denied = list(denied) or [False] * len(signals)
        return self.against_head.probability(np.vstack([text_features(s, d) for s, d in zip(signals, denied, strict=True)]))

    def report_probability(self, signals: Sequence[TextSignals]) -> np.ndarray:
        """How likely each text only reports its story (someone says it) rather than stating it."""
        if self.report_head is None:
            raise ValueError("This model was trained without stance rows: it has no report head.")
        return self.report_head.probability(np.vstack([text_features(s) for s in signals]))

    @staticmethod
    def pair_rows(
        pairs: Sequence[tuple[ClaimFacts, ClaimFacts]],
        signals: dict[str, TextSignals],
        against: dict[tuple[str, bool], float],
    ) -> np.ndarray:
        """The pair heads' input: the hand features and the two sides' denial probabilities compared
        (``against`` is keyed by `_side_key`)."""
        hand = np.vstack([pair_features(a, b, signals[a.text], signals[b.text]) for a, b in pairs])
        side = side_features(
            hand,
            np.array([against[_side_key(a)] for a, _ in pairs]),
            np.array([against[_side_key(b)] for _, b in pairs]),
        )
        return np.hstack([hand, side])

    def _verdict(
        self, a: ClaimFacts, b: ClaimFacts, signals_a: TextSignals, signals_b: TextSignals, p_rel: float, p_con: float
    ) -> Judgement:
        similarity = float(np.dot(a.embedding, b.embedding))
        probabilities = {"similarity": similarity, "p_related": p_rel, "p_conflict": p_con}
        if p_rel < self.thresholds["related"]:
            reason = f"Different statements (similarity {similarity:.2f}) → unrelated"
            return Judgement(UNRELATED, 1.0 - p_rel, reason, **probabilities)
        if p_con >= self.thresholds["conflict"]:
            why = _why_conflict(a, b, signals_a, signals_b)
            reason = f"Same statement (similarity {similarity:.2f}); {why} → conflict"
            return Judgement(RelationType.CONFLICT, p_rel * p_con, reason, **probabilities)
        if different_figures(signals_a.figures, signals_b.figures):
            # Two polls, two plans, two dates: both may be true, so no conflict; and not one statement.
            figures_a, figures_b = written(signals_a.figures), written(signals_b.figures)
            reason = f"Alike (similarity {similarity:.2f}) but different figures ({figures_a} against {figures_b}) → unrelated"
            return Judgement(UNRELATED, p_rel, reason, **probabilities)
        if a.speaker is not None and a.speaker == b.speaker:
            # One source saying it twice is one claim reported again, not two sources agreeing.
            reason = f"The same speaker says it again (similarity {similarity:.2f}), neither denies the other → same claim"
            return Judgement(RelationType.SAME_CLAIM, p_rel * (1.0 - p_con), reason, **probabilities)
        if similarity >= self.thresholds["same_claim_similarity"]:
            reason = f"Near-identical statements (similarity {similarity:.2f}), neither denies the other → same claim"
            return Judgement(RelationType.SAME_CLAIM, p_rel * (1.0 - p_con), reason, **probabilities)
        reason = f"Same statement (similarity {similarity:.2f}), stated the same way by both → agree"
        return Judgement(RelationType.AGREE, p_rel * (1.0 - p_con), reason, **probabilities)

    def to_json(self) -> dict[str, Any]:
        heads = {"against": self.against_head, "related": self.related_head, "conflict": self.conflict_head}
        if self.report_head is not None:
            heads["report"] = self.report_head
        return {
            "format": FORMAT_VERSION,
            "kind": "claimtrack relation model: logistic heads over pair signals",
            "thresholds": {name: _round(value) for name, value in self.thresholds.items()},
            "training": self.training,
            "heads": {name: head.to_json() for name, head in heads.items()},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RelationModel:
        if data.get("format") != FORMAT_VERSION:
            raise ValueError(f"Unknown relation model format {data.get('format')!r}: retrain the model.")
        heads, text_names = data["heads"], text_feature_names()
        return cls(
            against_head=LinearHead.from_json(heads["against"], text_names),
            related_head=LinearHead.from_json(heads["related"], PAIR_FEATURE_NAMES),
            conflict_head=LinearHead.from_json(heads["conflict"], PAIR_FEATURE_NAMES),
            report_head=LinearHead.from_json(heads["report"], text_names) if "report" in heads else None,
            thresholds={name: float(value) for name, value in data["thresholds"].items()},
            training=data.get("training", {}),
        )


@lru_cache(maxsize=8)
def _load_cached(path: str) -> RelationModel:
    return RelationModel.from_json(json.loads(Path(path).read_text(encoding="utf-8")))


def _why_conflict(a: ClaimFacts, b: ClaimFacts, signals_a: TextSignals, signals_b: TextSignals) -> str:
    """The most telling difference between the sides, in words: a refuting word, a speaker's denial
    (known from the cue or the stored polarity, not the words: "denied that [the talks had
    collapsed]", "have no evidence to suggest that […]"), a negation."""
    for mine, other in ((signals_a, signals_b), (signals_b, signals_a)):
        refuting = [mine.tokens[i] for i in mine.positions["refute"] if mine.tokens[i] not in other.tokens]
        if refuting:
            return f"one side calls it untrue ('{refuting[0]}')"
    if negated_outside_content(a) != negated_outside_content(b):
        return speaker_denial(a if negated_outside_content(a) else b)
    shared = signals_a.content_stems & signals_b.content_stems
    for mine, other in ((signals_a, signals_b), (signals_b, signals_a)):
        if mine.has("negation") and not other.has("negation"):
            word = _negated_word(mine, shared)
            return f"one side negates '{word}'" if word else "one side negates it"
    return "one side reads as a denial"


def _negated_word(signals: TextSignals, shared: frozenset[str]) -> str | None:
    """The shared word a negation bears on: the first one after it ("not [striking] ISIS targets in
    Syria"), else the nearest before it ("the talks, [collapsed] or not")."""
    shared_at = [i for i, token in enumerate(signals.tokens) if stem(token) in shared]
    if not shared_at:
        return None
    negation = signals.positions["negation"][0]
    after = [i for i in shared_at if i > negation]
    return signals.tokens[after[0] if after else shared_at[-1]]


def _round(value: float) -> float:
    return float(f"{float(value):.6g}")


def _side_key(facts: ClaimFacts) -> tuple[str, bool]:
    """One side as the text head reads it: its words, and whether a speaker denied them."""
    return facts.text, negated_outside_content(facts)
