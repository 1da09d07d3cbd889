"""The values passed in and out of the relation model: what is known of a claim, and a verdict on a pair."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

UNRELATED = "unrelated"


@dataclass(frozen=True)
class ClaimFacts:
    """One side of a pair: the claim's words, its meaning and whatever extraction knows about it."""

    text: str  # the claim's content (or a headline)
    embedding: np.ndarray = field(compare=False)  # unit-length vector from claims.nlp.meaning.embed_texts
    entities: tuple[str, ...] = ()  # named entities in the text, as written
    negated: bool | None = None  # the extractor's polarity when known (None: derive it from the text)
    cue_class: str | None = None  # a claims.nlp.types.CueClass value when known
    # A key naming one speaker: equal keys only for one person or body (two "officials" in two
    # articles are not one). Two agreeing claims of one speaker are one claim reported again.
    speaker: str | None = None
    outlet: str | None = None  # any stable key for the same-outlet signal
    # "for" / "against": the side the cue takes on the thing the content names ("criticized [the
    # plan]"); such a pair is judged by `positions.judge_positions`. None: the content is a statement.
    position: str | None = None
    cue: str = ""  # the cue as written, for reasons in words
    cue_lemma: str = ""  # the cue's lemma ("claim" for "made no claim that …"), when known


@dataclass(frozen=True)
class Judgement:
    """The model's verdict on a pair: a label, its confidence and one readable sentence why."""

    label: str  # "unrelated" or a claims.nlp.types.RelationType value: agree / conflict / same_claim
    score: float  # confidence in `label`, 0..1
    reason: str
    similarity: float = 0.0  # cosine of the two embeddings
    p_related: float = 0.0  # the first decision: related rather than unrelated
    p_conflict: float = 0.0  # the second decision, among related pairs: conflict rather than agree
