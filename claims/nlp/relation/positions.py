"""Two positions on one thing: the side each claim's cue takes, compared.

"The senator criticized [the governor's plan to close the hospitals]" states nothing in its
content: a noun phrase names the thing, and the claim is the speaker's position on it, carried by
the cue. The relation model reads contents, so it cannot judge such a pair; this rule does. Two
positions whose things are one (their contents close in meaning: they are each other's linking
candidates) agree when both cues take the same side and conflict when they take opposite sides.
Which side a cue takes is data (``claims/nlp/lexicon/position_verbs.tsv``).
"""

from __future__ import annotations

from functools import cache

import numpy as np

from ..lexicons import LexiconError, lexicon
from ..types import RelationType
from .facts import ClaimFacts, Judgement

FOR, AGAINST = "for", "against"
SIDES = (FOR, AGAINST)


def position_side(cue_lemma: str, *, negated: bool) -> str | None:
    """The side a cue takes on the thing its content names, or None when it takes none.

    A negated cue ("did not endorse the plan") says what the speaker did not do, not which side
    they are on: no side.
    """
    if negated:
        return None
    return _sides().get(cue_lemma.lower())


def judge_positions(a: ClaimFacts, b: ClaimFacts) -> Judgement:
    """The relation of two positions on one thing (both ``a.position`` and ``b.position`` set)."""
    similarity = float(np.dot(a.embedding, b.embedding))
    same_side = a.position == b.position
    sides = f"{_side_words(a)} and {_side_words(b)}"
    if same_side and a.speaker is not None and a.speaker == b.speaker:
        label, why = RelationType.SAME_CLAIM, f"the same speaker is {a.position} it again"
    elif same_side:
        label, why = RelationType.AGREE, f"both are {a.position} it"
    else:
        label, why = RelationType.CONFLICT, "one is for it, the other against"
    reason = f"Positions on one thing (similarity {similarity:.2f}): {sides}; {why} → {label}"
    return Judgement(
        label, similarity, reason, similarity=similarity, p_related=similarity, p_conflict=float(not same_side)
    )


def _side_words(facts: ClaimFacts) -> str:
    return f"'{facts.cue}' ({facts.position})" if facts.cue else str(facts.position)


@cache
def _sides() -> dict[str, str]:
    """Cue lemma -> side, checked once when first read (linking asks for every candidate pair)."""
    sides = lexicon("position_verbs")
    wrong = {word: side for word, side in sides.items() if side not in SIDES}
    if wrong:
        raise LexiconError(f"position_verbs.tsv: sides must be one of {SIDES}, got {wrong}")
    return sides
