"""What one text says about itself: its words, and which of them refute, negate, hedge or report.

The word lists are data (``data/stance_words.tsv``); this module only says how they are matched.
Everything here is cheap string work, computed once per text and reused for every pair it is in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .figures import Figure, figures

WORDS_FILE = Path(__file__).with_name("data") / "stance_words.tsv"
WORD_CLASSES = ("refute", "negation", "hedge", "report", "function")
# The classes that count as signals; "function" words only drop out of word overlap.
SIGNAL_CLASSES = ("refute", "negation", "hedge", "report")

_TOKEN = re.compile(r"[a-z0-9]+")
_CONTRACTED_NOT = re.compile(r"n[’']t\b")
_SUFFIXES = ("ing", "ed", "es", "s")
# "Tim Cook: I wear it daily" — a short lead before a colon names who says what follows.
_COLON_LEAD = re.compile(r"^\W*(?:[\w'’.-]+\s+){0,3}[\w'’.-]+\s*:\s+\S")
# "... gigafactory site -CNBC", "... Mojang : WSJ" — a source named at the end.
_SOURCE_TAIL = re.compile(r"(?:\s[-–—|:]\s*)(?:[\w.'’]+\s*){1,2}$")


@lru_cache(maxsize=4)
def load_word_lists(path: Path = WORDS_FILE) -> dict[str, frozenset[tuple[str, ...]]]:
    """Class -> entries (each a tuple of tokens). Fails on an entry listed under two classes."""
    entries: dict[str, set[tuple[str, ...]]] = {name: set() for name in WORD_CLASSES}
    seen: dict[tuple[str, ...], str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        text, _, word_class = line.partition("\t")
        entry = tuple(tokenize(text))
        if word_class not in entries or not entry:
            raise ValueError(f"{path}:{number}: expected 'entry<TAB>class', class one of {WORD_CLASSES}")
        if entry in seen and seen[entry] != word_class:
            raise ValueError(f"{path}:{number}: {text!r} is listed as both {seen[entry]} and {word_class}")
        seen[entry] = word_class
        entries[word_class].add(entry)
    return {name: frozenset(found) for name, found in entries.items()}


def tokenize(text: str) -> list[str]:
    """Lower-case word tokens; a contracted "n't" becomes the word "not"."""
    return _TOKEN.findall(_CONTRACTED_NOT.sub(" not", text.lower().replace("’", "'")))


def stem(token: str) -> str:
    """A crude stem so that "collapsed", "collapses" and "collapse" meet (no parser needed)."""
    for suffix in _SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 4:
            return token[: -len(suffix)]
    return token.rstrip("e") if len(token) > 4 else token


@dataclass(frozen=True)
class TextSignals:
    """One text's words and where its signal words stand (token positions, by class)."""

    tokens: tuple[str, ...]
    content_stems: frozenset[str]
    positions: dict[str, tuple[int, ...]]
    question: bool
    colon_lead: bool = False
    source_tail: bool = False
    figures: tuple[Figure, ...] = ()  # the numbers, amounts and years it states (figures.py)

    def has(self, word_class: str) -> bool:
        return bool(self.positions[word_class])


def text_signals(text: str) -> TextSignals:
    """The signals of one text, matched against the word lists (longest entries first)."""
    lists = load_word_lists()
    tokens = tuple(tokenize(text))
    positions: dict[str, list[int]] = {name: [] for name in WORD_CLASSES}
    for i in range(len(tokens)):
        for name, entry in _entries_starting(tokens[i]):
            if tokens[i : i + len(entry)] == entry:
                positions[name].append(i)
    function_words = {entry[0] for entry in lists["function"]}
    content = frozenset(stem(t) for t in tokens if t not in function_words and not _is_signal(t, lists))
    return TextSignals(
        tokens=tokens,
        content_stems=content,
        positions={name: tuple(sorted(found)) for name, found in positions.items()},
        question="?" in text,
        colon_lead=bool(_COLON_LEAD.search(text)),
        source_tail=bool(_SOURCE_TAIL.search(text.strip())),
        figures=figures(text),
    )


def matched_entries(signals: TextSignals, word_class: str) -> set[tuple[str, ...]]:
    """The entries of one class that occur in the text."""
    return {
        entry
        for name, entry in _all_entries()
        if name == word_class
        for i in signals.positions[word_class]
        if signals.tokens[i : i + len(entry)] == entry
    }


@lru_cache(maxsize=1)
def _all_entries() -> tuple[tuple[str, tuple[str, ...]], ...]:
    lists = load_word_lists()
    return tuple((name, entry) for name in WORD_CLASSES for entry in sorted(lists[name]))


@lru_cache(maxsize=1)
def _by_first_token() -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for name, entry in _all_entries():
        index.setdefault(entry[0], []).append((name, entry))
    return {token: tuple(found) for token, found in index.items()}


def _entries_starting(token: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return _by_first_token().get(token, ())


def _is_signal(token: str, lists: dict[str, frozenset[tuple[str, ...]]]) -> bool:
    return any((token,) in lists[name] for name in SIGNAL_CLASSES)
