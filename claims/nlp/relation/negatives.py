"""Hard negatives: pairs that look alike but state different things, labelled unrelated for training.

Emergent's own unrelated pairs are easy (two rumours that share a word), so a model trained on them
alone calls almost any two claims on one topic related: in news, a claim's nearest neighbours are
nearly all same-topic claims that say something else. Two sources of harder negatives fix that:

* *other stories' nearest texts*: for each text of a story, the texts of other stories closest to
  it by meaning (Emergent has several rumours about one person or group);
* *news neighbours*: attributed contents of a news corpus (the PolNeAR training compartment), each
  with its nearest contents in other articles. Most such pairs are one topic and different
  statements; a pair above ``max_similarity`` may well state the same thing, so it is left out
  rather than taught as unrelated.

How many of each, and the similarity cap, are data (``data/relation_training.json``).
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .facts import UNRELATED

SETTINGS_FILE = Path(__file__).with_name("data") / "relation_training.json"
NEWS_GROUP_PREFIX = "news:"


@dataclass(frozen=True)
class NegativeSettings:
    per_text: int  # other stories' nearest texts per text
    news_per_claim: int  # nearest contents of other articles per news claim
    news_max_similarity: float
    news_min_words: int
    news_claims: int  # news contents drawn (deterministically) from the corpus

    @classmethod
    def load(cls, path: Path = SETTINGS_FILE) -> NegativeSettings:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(**{name: value for name, value in data.items() if not name.startswith("_")})


@dataclass(frozen=True)
class NewsClaim:
    content: str
    document: str  # claims of one document are never paired with each other


def other_story_negatives(rows: Sequence, embed: Callable, per_text: int) -> list:
    """For each text of a story, its ``per_text`` nearest texts of other stories, as unrelated pairs.

    ``rows`` are PairRows; a story is a row's group, and only texts of related rows count (a
    story's unrelated rows borrow texts of other stories).
    """
    from .training import PairRow

    story_of: dict[str, str] = {}
    for row in rows:
        if row.label != UNRELATED:
            story_of.setdefault(row.text_a, row.group)
            story_of.setdefault(row.text_b, row.group)
    if per_text < 1 or len(set(story_of.values())) < 2:
        return []
    texts = sorted(story_of)
    stories = np.array([story_of[t] for t in texts])
    similarity = _similarities(texts, embed)
    negatives = []
    for i, text in enumerate(texts):
        others = [j for j in np.argsort(-similarity[i], kind="stable") if stories[j] != stories[i]]
        negatives += [PairRow(text, texts[j], UNRELATED, stories[i]) for j in others[:per_text]]
    return negatives


def news_negatives(claims: Sequence[NewsClaim], embed: Callable, settings: NegativeSettings) -> list:
    """Each news claim with its nearest claims of other documents (below the cap), as unrelated pairs."""
    from .training import PairRow

    chosen = _draw(claims, settings)
    if len({c.document for c in chosen}) < 2:
        return []
    texts = [c.content for c in chosen]
    similarity = _similarities(texts, embed)
    negatives = []
    for i, claim in enumerate(chosen):
        taken = 0
        for j in np.argsort(-similarity[i], kind="stable"):
            if taken >= settings.news_per_claim:
                break
            if chosen[j].document == claim.document or similarity[i, j] > settings.news_max_similarity:
                continue
            negatives.append(PairRow(claim.content, texts[j], UNRELATED, NEWS_GROUP_PREFIX + claim.document))
            taken += 1
    return negatives


def read_news_claims(gold_path: Path) -> list[NewsClaim]:
    """Attributed contents of a scorer-format gold file (one JSON object per line: content, article)."""
    claims = []
    with gold_path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                claims.append(NewsClaim(" ".join(str(row["content"]).split()), str(row["article"])))
    return claims


def _draw(claims: Sequence[NewsClaim], settings: NegativeSettings) -> list[NewsClaim]:
    """Distinct contents long enough to state something, a fixed-seed sample of them."""
    seen: dict[str, NewsClaim] = {}
    for claim in claims:
        if len(claim.content.split()) >= settings.news_min_words:
            seen.setdefault(claim.content, claim)
    distinct = [seen[text] for text in sorted(seen)]
    random.Random(7).shuffle(distinct)
    return distinct[: settings.news_claims]


def _similarities(texts: Sequence[str], embed: Callable) -> np.ndarray:
    vectors = embed(list(texts))
    matrix = np.stack([vectors[t] for t in texts]).astype(np.float64)
    return matrix @ matrix.T


@dataclass(frozen=True)
class HardNegatives:
    """What training adds to its pairs: news negatives, and how many other-story texts per text."""

    news: tuple = ()
    per_text: int = 0

    @classmethod
    def build(
        cls, news_gold: str | Path | None, embed: Callable, settings: NegativeSettings | None = None
    ) -> HardNegatives:
        """From the settings file and a news gold file (None or "": other-story negatives only)."""
        settings = settings or NegativeSettings.load()
        news = news_negatives(read_news_claims(Path(news_gold)), embed, settings) if news_gold else []
        return cls(tuple(news), settings.per_text)

    def training_arguments(self) -> dict:
        return {"negatives": self.news, "other_story_negatives_per_text": self.per_text}
