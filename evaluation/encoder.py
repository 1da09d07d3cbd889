"""Measuring the claim encoder's backends against each other: the same texts, one process.

Used by ``manage.py eval_encoder``. Texts are real claim contents (the evaluation kit's gold claims),
trimmed as the nlp stage trims them; nothing here is tuned on them.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from claims.nlp.relation import ClaimFacts, RelationModel
from claims.services.embedding import embedding_text


def gold_contents(path: Path, limit: int) -> list[str]:
    """Up to ``limit`` distinct claim contents from a scorer gold file, as the nlp stage embeds them."""
    texts: dict[str, None] = {}
    with path.open(encoding="utf-8") as rows:
        for line in rows:
            text = embedding_text(json.loads(line)["content"])
            if text:
                texts[text] = None
            if len(texts) >= limit:
                break
    return list(texts)


def best_of(embed: Callable[[list[str]], np.ndarray], texts: list[str], repeat: int) -> tuple[np.ndarray, float, float]:
    """The vectors, and the fastest wall-clock and CPU seconds of ``repeat`` runs."""
    walls, cpus = [], []
    vectors = np.zeros(0)
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        vectors = embed(texts)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return vectors, min(walls), min(cpus)


def cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (a * b).sum(axis=1)


def neighbour_pairs(vectors: np.ndarray, floor: float, per_claim: int) -> list[tuple[int, int]]:
    """Each text's nearest others at or above ``floor`` (each pair once): pairs linking would judge."""
    similar = vectors @ vectors.T
    np.fill_diagonal(similar, -1)
    pairs = set()
    for i, row in enumerate(similar):
        for j in np.argsort(-row)[:per_claim]:
            if row[j] >= floor:
                pairs.add((min(i, int(j)), max(i, int(j))))
    return sorted(pairs)


def changed_verdicts(
    texts: list[str], reference: np.ndarray, other: np.ndarray, pairs: list[tuple[int, int]]
) -> tuple[int, int]:
    """How many of ``pairs`` the relation model labels differently with ``other``'s vectors, and how
    many it relates (not unrelated) with the reference vectors."""
    model = RelationModel.load()

    def judged(vectors: np.ndarray) -> list[str]:
        facts = [ClaimFacts(text=t, embedding=v) for t, v in zip(texts, vectors, strict=True)]
        return [j.label for j in model.judge_many([(facts[i], facts[j]) for i, j in pairs])]

    before, after = judged(reference), judged(other)
    return sum(a != b for a, b in zip(before, after, strict=True)), sum(a != "unrelated" for a in before)
