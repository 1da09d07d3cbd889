"""The figures a text states: numbers, percentages, amounts, counts and years, as values.

Two claims that state different figures ("Clinton leads 46-42" and "Trump leads 47-42", a tax rise
of 3 percent and one of 7) are not the same statement, however alike their words and embeddings.
The model reads words and one similarity, so it cannot see this; the figure guard in
``RelationModel`` does. Number and scale words are data (``claims/nlp/lexicon/figure_words.tsv``); this module
only says how they are read. Cheap string work, once per text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicons import LEXICON_DIR, LexiconError, read_entries

FIGURE_CLASSES = ("count", "scale")
# Digits with thousands separators and decimals ("1,500", "4.9"), then any letters that stick to
# them ("2nd", "1990s", "5bn"); or a word.
_TOKEN = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?[a-z]*|[a-z]+")
_DIGITS = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
# An ordinal ranks or names ("the 2nd debate", "the 14th Amendment"); it measures nothing.
_ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")

Figure = tuple[float, str]  # (value, as written)


@lru_cache(maxsize=1)
def load_figure_words() -> dict[str, dict[str, float]]:
    """Class ("count" or "scale") -> word -> value, from ``lexicon/figure_words.tsv``."""
    found: dict[str, dict[str, float]] = {name: {} for name in FIGURE_CLASSES}
    for word, entry in read_entries([LEXICON_DIR / "figure_words.tsv"]).items():
        if entry.word_class not in found:
            raise LexiconError(f"{entry.where}: class {entry.word_class!r}, expected one of {FIGURE_CLASSES}")
        found[entry.word_class][word] = float(entry.note)
    return found


def figures(text: str) -> tuple[Figure, ...]:
    """The figures stated in ``text``, in order, each once: (value, words as written).

    A scale word multiplies the figure before it ("$1.5 billion": 1.5e9); "47%" and "47 percent"
    are both 47; a range or score ("46-42") is two figures; ordinals are not figures.
    """
    words = load_figure_words()
    tokens = _TOKEN.findall(text.lower().replace("’", "'"))
    found: dict[float, str] = {}
    for i, token in enumerate(tokens):
        value = _value(token, words)
        if value is None:
            continue
        written = token
        scale = words["scale"].get(tokens[i + 1]) if i + 1 < len(tokens) else None
        if scale is not None:
            value, written = value * scale, f"{token} {tokens[i + 1]}"
        found.setdefault(round(value, 6), written)
    return tuple(found.items())


def different_figures(a: tuple[Figure, ...], b: tuple[Figure, ...]) -> bool:
    """Both texts state figures and each states one the other does not.

    One text stating more figures than the other ("46-42" against "46-42, a 4-point lead") is
    not a difference: it says more, not something else.
    """
    values_a, values_b = {value for value, _ in a}, {value for value, _ in b}
    return bool(values_a and values_b) and not (values_a <= values_b or values_b <= values_a)


def written(found: tuple[Figure, ...]) -> str:
    """The figures as a reader saw them: "46, 42"."""
    return ", ".join(text for _, text in found)


def _value(token: str, words: dict[str, dict[str, float]]) -> float | None:
    if not token[0].isdigit():
        return words["count"].get(token)
    digits = _DIGITS.match(token)
    suffix = token[digits.end() :] if digits else ""
    if digits is None or suffix in _ORDINAL_SUFFIXES:
        return None
    value = float(digits.group().replace(",", ""))
    return value * words["scale"][suffix] if suffix in words["scale"] else value
