"""A pair's signals as numbers: similarity, shared words and entities, and how the two sides differ
in refuting, negating, hedging and reporting.

Every feature is symmetric (the same for (a, b) as for (b, a)), so the verdict never depends on
which claim came first. "xor" features fire when exactly one side has the signal: a denial against
an assertion; "both" features when the two share it.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from ..lexicons import words
from ..types import CueClass
from .facts import ClaimFacts
from .signals import SIGNAL_CLASSES, TextSignals, load_word_lists, matched_entries, stem, text_signals

# How far (in tokens) a negation may stand from a shared word and still be about it.
NEGATION_REACH = 4
_SIDE_SIGNALS = ("refute", "negation", "hedge", "report")

FEATURE_NAMES: tuple[str, ...] = (
    "similarity",
    "similarity_squared",
    "word_overlap",
    "word_jaccard",
    "entity_overlap",
    "entities_known",
    *(f"{name}_{kind}" for name in (*_SIDE_SIGNALS, "question") for kind in ("both", "xor")),
    *(f"{name}_unshared_{kind}" for name in ("refute", "negation") for kind in ("any", "xor")),
    "negated_xor",
    "negation_near_shared_xor",
    "negation_near_shared_any",
    "deny_cue_xor",
    "hedge_cue_xor",
    "same_speaker",
    "same_outlet",
)
# How strongly each side reads as denying its story (the text head's probability), compared.
# The interactions let a linear head weigh a difference more when the two say nearly the same thing.
SIDE_FEATURE_NAMES = (
    "against_difference",
    "against_product",
    "against_max",
    "against_min",
    "similarity_x_against_difference",
    "similarity_x_refute_xor",
    "similarity_x_negation_near_shared_xor",
    "overlap_x_against_difference",
    "similarity_above_half",
    "similarity_above_0_7",
)


def pair_features(a: ClaimFacts, b: ClaimFacts, signals_a: TextSignals, signals_b: TextSignals) -> np.ndarray:
    """The hand-made features of one pair, in the order of FEATURE_NAMES."""
    similarity = float(np.dot(a.embedding, b.embedding))
    shared = signals_a.content_stems & signals_b.content_stems
    smaller = min(len(signals_a.content_stems), len(signals_b.content_stems)) or 1
    union = len(signals_a.content_stems | signals_b.content_stems) or 1
    entity_overlap, entities_known = _entity_overlap(a.entities, b.entities)
    values = [similarity, similarity * similarity, len(shared) / smaller, len(shared) / union]
    values += [entity_overlap, entities_known]
    for name in _SIDE_SIGNALS:
        values += _both_xor(_has(a, signals_a, name), _has(b, signals_b, name))
    values += _both_xor(signals_a.question, signals_b.question)
    for name in ("refute", "negation"):
        unshared_a, unshared_b = _unshared(signals_a, signals_b, name), _unshared(signals_b, signals_a, name)
        if name == "negation":
            unshared_a = _cue_negation_unshared(a, b, unshared_a)
            unshared_b = _cue_negation_unshared(b, a, unshared_b)
        values += [float(unshared_a or unshared_b), float(unshared_a != unshared_b)]
    values.append(float(_negated(a, signals_a) != _negated(b, signals_b)))
    near_a = negated_outside_content(a) or _negation_near(signals_a, shared)
    near_b = negated_outside_content(b) or _negation_near(signals_b, shared)
    values += [float(near_a != near_b), float(near_a or near_b)]
    values.append(float((a.cue_class == CueClass.DENY) != (b.cue_class == CueClass.DENY)))
    values.append(float((a.cue_class == CueClass.HEDGE) != (b.cue_class == CueClass.HEDGE)))
    values.append(_same_key(a.speaker, b.speaker))
    values.append(_same_key(a.outlet, b.outlet))
    return np.asarray(values, dtype=np.float64)


def _has(facts: ClaimFacts, signals: TextSignals, name: str) -> bool:
    """A signal in the words, or in what extraction knows: a deny cue refutes, a hedge cue hedges,
    a negated polarity negates (the training headlines carry no cues, so the cue lends its word's weight).

    Where extraction knows the polarity, a deny cue's denial is in it already ("denied that the
    talks had collapsed" is negated): it is counted there, as a negation of the whole content, and
    not lent again as a refuting word, or it would stand against "the talks have not collapsed",
    which says the same.
    """
    if name == "negation" and facts.negated is not None:
        return facts.negated
    if name == "refute" and facts.negated is not None and facts.cue_class == CueClass.DENY:
        return signals.has(name)
    from_cue = {"refute": CueClass.DENY, "hedge": CueClass.HEDGE}.get(name)
    return signals.has(name) or (from_cue is not None and facts.cue_class == from_cue)


def denied_by_cue(facts: ClaimFacts) -> bool:
    """The speaker denies the content itself ("denied that …", "refused to …"): a negation of the whole."""
    return facts.cue_class == CueClass.DENY and facts.negated is True


def negated_outside_content(facts: ClaimFacts) -> bool:
    """The speaker says the content is not so, and the content's own words do not say it: a cue
    that denies ("denied that [the talks had collapsed]"), or a negation extraction found outside
    the content ("have no evidence to suggest that […]", "expressed doubt that […]"). Read, like a
    cue's denial, as a negation of the whole content.

    Other than a denying cue's, not when the words negate something themselves (the stored
    polarity may be theirs, or theirs turned: their reading stands), nor when the cue is a noun of
    saying under "no": "made no claim that [the permit was paid for]" says nothing was said, as
    "did not say that …" does, not that it is untrue. A noun of doubt denies ("expressed doubt
    that …")."""
    if denied_by_cue(facts):
        return True
    if facts.negated is not True or _said_nothing(facts.cue_lemma):
        return False
    return not _words_deny(facts.text)


@lru_cache(maxsize=4096)
def _words_deny(text: str) -> bool:
    """The text negates or refutes in its own words (asked several times for each pair: cached)."""
    signals = text_signals(text)
    return signals.has("negation") or signals.has("refute")


def speaker_denial(facts: ClaimFacts) -> str:
    """A reason's words for a side negated outside its content: a denying cue denies; otherwise the
    speaker says it is not so (or not shown)."""
    return "one side's speaker denies it" if denied_by_cue(facts) else "one side's speaker says it is not so"


def _said_nothing(cue_lemma: str) -> bool:
    return cue_lemma.lower() in _saying_nouns()


@lru_cache(maxsize=1)
def _saying_nouns() -> frozenset[str]:
    """Cue nouns that name a statement or an attitude ("claim", "statement", "concern"), not a doubt."""
    return (words("cue_nouns") | words("attitude_nouns")) - words("polarity", "doubting_noun")


def _both_xor(has_a: bool, has_b: bool) -> list[float]:
    return [float(has_a and has_b), float(has_a != has_b)]


def _entity_overlap(entities_a: tuple[str, ...], entities_b: tuple[str, ...]) -> tuple[float, float]:
    if not entities_a or not entities_b:
        return 0.0, 0.0
    set_a, set_b = {e.lower() for e in entities_a}, {e.lower() for e in entities_b}
    return len(set_a & set_b) / len(set_a | set_b), 1.0


def _cue_negation_unshared(mine: ClaimFacts, other: ClaimFacts, from_words: bool) -> bool:
    """A denial outside the words is a negation the other side lacks unless the other side is negated too."""
    if negated_outside_content(mine):
        return other.negated is not True
    return from_words


def _unshared(mine: TextSignals, other: TextSignals, word_class: str) -> bool:
    """A word of the class on this side that the other side does not use."""
    return any(mine.tokens[i] not in other.tokens for i in mine.positions[word_class])


def _negated(facts: ClaimFacts, signals: TextSignals) -> bool:
    return facts.negated if facts.negated is not None else signals.has("negation")


def _negation_near(signals: TextSignals, shared: frozenset[str]) -> bool:
    """A negation within reach of a word both sides use: "have not collapsed" against "collapsed"."""
    shared_at = [i for i, token in enumerate(signals.tokens) if stem(token) in shared]
    return any(abs(n - s) <= NEGATION_REACH for n in signals.positions["negation"] for s in shared_at)


def _same_key(key_a: str | None, key_b: str | None) -> float:
    return float(key_a is not None and key_a == key_b)


@lru_cache(maxsize=1)
def text_feature_names() -> tuple[str, ...]:
    """One text's features: each signal word on its own, its class, and where the text's shape
    says someone else is speaking (a "Name: ..." lead, a "... - Source" tail, a question)."""
    lists = load_word_lists()
    words = [f"{name}:{' '.join(entry)}" for name in SIGNAL_CLASSES for entry in sorted(lists[name])]
    return (*words, *(f"has_{name}" for name in SIGNAL_CLASSES), "question", "colon_lead", "source_tail")


def text_features(signals: TextSignals, denied: bool = False) -> np.ndarray:
    """The features of one text, in the order of text_feature_names().

    ``denied``: the text is what a speaker denied ("denied that [the talks had collapsed]"); it
    reads as a headline that says so ("X denies the talks had collapsed"), with a refuting word.
    """
    present = {f"{name}:{' '.join(entry)}" for name in SIGNAL_CLASSES for entry in matched_entries(signals, name)}
    names = text_feature_names()
    values = [float(name in present) for name in names[: -len(SIGNAL_CLASSES) - 3]]
    values += [float(signals.has(name) or denied and name == "refute") for name in SIGNAL_CLASSES]
    values += [float(signals.question), float(signals.colon_lead), float(signals.source_tail)]
    return np.asarray(values, dtype=np.float64)


def side_features(hand: np.ndarray, against_a: np.ndarray, against_b: np.ndarray) -> np.ndarray:
    """The two sides' denial probabilities compared, and crossed with similarity (rows of SIDE_FEATURE_NAMES);
    `hand` holds the pairs' pair_features rows."""
    column = {name: hand[:, i] for i, name in enumerate(FEATURE_NAMES)}
    similarity, difference = column["similarity"], np.abs(against_a - against_b)
    return np.column_stack(
        [
            difference,
            against_a * against_b,
            np.maximum(against_a, against_b),
            np.minimum(against_a, against_b),
            similarity * difference,
            similarity * column["refute_xor"],
            similarity * column["negation_near_shared_xor"],
            column["word_overlap"] * difference,
            similarity > 0.5,
            similarity > 0.7,
        ]
    ).astype(np.float64)
