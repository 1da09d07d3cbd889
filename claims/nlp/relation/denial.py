"""Whether a conflict rests on its denial: what linking asks of a conflict the model found in news.

The model calls a pair a conflict when the two say nearly the same thing and one side has a
negation or a refuting word near the words they share. In news, above linking's similarity floor,
that is mostly wrong: a long claim with a "not" somewhere in it ("Clinton was not truthful about
[…] the emails") set against any claim about those emails, or two claims that deny the same thing
in other words ("made up the story" / "fabricated the story"). A real contradiction differs *by*
its denial: take the denying words out and the two say the same ("Clinton is not qualified to be
president" against "Clinton is qualified to be president").

So the denying side is embedded twice, as its words with and without the negations and refuting
words (``stance_words.tsv``), beside the other side's words, and the conflict stands only when taking them out closes at least
``min_share`` of the distance (1 - cosine) between it and the other side: the denial is a good
part of what separates them. A share, not a plain gain in cosine, because a statement and its
exact negation are already close ("have collapsed" / "have not collapsed": 0.97, and the whole
remaining 0.03 is the "not"). Both forms are written the same way (lower case words, no
punctuation), so the difference measures the denial alone. A denial outside the words (a cue's,
"denied that [the talks had collapsed]", or a negation extraction stored for the content, "have
no evidence to suggest that […]": `features.negated_outside_content`) is not checked. A conflict
that fails becomes *unrelated*: the two share a topic and a "not", not a statement.

Django-free; the caller passes the encoder (``embed``: texts → unit vectors).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np

from ..types import RelationType
from .facts import UNRELATED, ClaimFacts, Judgement
from .features import negated_outside_content
from .signals import text_signals

DENYING_CLASSES = ("negation", "refute")
# Both forms are cut to the same first words, short enough that the encoder's own trimming of a
# claim (about 50 words) never cuts one form and not the other.
FORM_WORDS = 40
Embed = Callable[[list[str]], np.ndarray]


def without_denial(text: str) -> tuple[str, str] | None:
    """The text's first words, and the same without its negations and refuting words; None if
    those words deny nothing."""
    signals = text_signals(text)
    words = signals.tokens[:FORM_WORDS]
    denying = {i for name in DENYING_CLASSES for i in signals.positions[name] if i < FORM_WORDS}
    if not denying:
        return None
    kept = [token for i, token in enumerate(words) if i not in denying]
    return " ".join(words), " ".join(kept)


def conflicts_resting_on_denial(
    pairs: Sequence[tuple[ClaimFacts, ClaimFacts]],
    judgements: Sequence[Judgement],
    *,
    embed: Embed,
    min_share: float,
) -> list[Judgement]:
    """``judgements`` with each conflict in words that does not rest on its denial made unrelated."""
    checked = [
        i
        for i, ((a, b), judgement) in enumerate(zip(pairs, judgements, strict=True))
        if judgement.label == RelationType.CONFLICT and negated_outside_content(a) == negated_outside_content(b)
    ]
    result = list(judgements)
    for i in checked:
        share = _denial_share(*pairs[i], embed)
        if share < min_share:
            before = judgements[i]
            reason = (
                f"Alike (similarity {before.similarity:.2f}) and one side denies something, but not what the "
                f"other says (its denial makes {max(share, 0.0):.0%} of the difference) → unrelated"
            )
            result[i] = replace(before, label=UNRELATED, score=1.0 - before.score, reason=reason)
    return result


def agreements_denied(
    pairs: Sequence[tuple[ClaimFacts, ClaimFacts]],
    judgements: Sequence[Judgement],
    *,
    embed: Embed,
    min_share: float,
) -> list[Judgement]:
    """``judgements`` with each agreement (or same claim) that one side denies in its words made a
    conflict, where the denial makes at least ``min_share`` of the distance between the sides.

    The other half of the same test: the model reads negations near shared words, and misses one
    worded apart ("he had never suggested [a database]" / "he would certainly implement [a
    database]"). Only pairs where exactly one side has denying words are asked; a denial outside
    the words (a cue's, or a stored negation) is read by the model already."""
    checked = [
        i
        for i, ((a, b), judgement) in enumerate(zip(pairs, judgements, strict=True))
        if judgement.label in {RelationType.AGREE, RelationType.SAME_CLAIM}
        and not (negated_outside_content(a) or negated_outside_content(b))
        and (without_denial(a.text) is None) != (without_denial(b.text) is None)
    ]
    result = list(judgements)
    for i in checked:
        share = _denial_share(*pairs[i], embed)
        if share >= min_share:
            before = judgements[i]
            reason = (
                f"Alike (similarity {before.similarity:.2f}), and one side denies what the other says (its denial "
                f"makes {share:.0%} of the difference) → conflict"
            )
            result[i] = replace(before, label=RelationType.CONFLICT, reason=reason)
    return result


def _denial_share(a: ClaimFacts, b: ClaimFacts, embed: Embed) -> float:
    """The larger share of the distance between the sides that either side's denying words make."""
    return max(_share(a.text, b.text, embed), _share(b.text, a.text, embed))


def _share(denying: str, other: str, embed: Embed) -> float:
    """The share of the distance between ``denying`` and ``other`` that the denying words make:
    how much of it goes when they are taken out (-1: there are none; below 0: it grows).

    The three texts are embedded in one call: an int8 encoder scales each batch as a whole, so
    vectors made in other batches (the stored ones) would add noise of the size being measured."""
    forms = without_denial(denying)
    if forms is None:
        return -1.0
    with_words, without = forms
    other_vector, with_vector, without_vector = embed([" ".join(other.split()[:FORM_WORDS]), with_words, without])
    close_with = float(np.dot(with_vector, other_vector))
    close_without = float(np.dot(without_vector, other_vector))
    return (close_without - close_with) / max(1.0 - close_with, 1e-6)
