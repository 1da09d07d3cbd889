"""The one reader of the word lists in ``claims/nlp/lexicon/*.tsv``.

Each file is one lexicon: a line is ``word<TAB>class[<TAB>note]``; ``#`` starts a comment line.
A word may stand in a lexicon once, with one class: a word listed twice (in one file, or in two
files read as one lexicon) is refused with both places named, so no dict order decides silently.
Code says how a list is used; the file says what is in it. Django-free.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .types import CueClass

LEXICON_DIR = Path(__file__).with_name("lexicon")


class LexiconError(ValueError):
    """A lexicon file that cannot be read as one word, one class."""


@dataclass(frozen=True)
class Entry:
    word: str
    word_class: str
    note: str
    where: str  # "file.tsv:12", for error messages


def read_entries(paths: Iterable[Path]) -> dict[str, Entry]:
    """Entries of the given files, read as one lexicon; a word listed twice is refused."""
    entries: dict[str, Entry] = {}
    for path in paths:
        for entry in _file_entries(path):
            earlier = entries.get(entry.word)
            if earlier is not None:
                raise LexiconError(
                    f"{entry.word!r} is listed twice: as {earlier.word_class!r} at {earlier.where} "
                    f"and as {entry.word_class!r} at {entry.where}"
                )
            entries[entry.word] = entry
    return entries


def _file_entries(path: Path) -> Iterable[Entry]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        word, sep, rest = line.partition("\t")
        word_class, _, note = rest.partition("\t")
        if not sep or not word.strip() or not word_class.strip():
            raise LexiconError(f"{path.name}:{number}: expected word<TAB>class[<TAB>note], got {line!r}")
        yield Entry(word.strip().lower(), word_class.strip(), note.strip(), f"{path.name}:{number}")


@cache
def lexicon(name: str) -> dict[str, str]:
    """``lexicon/<name>.tsv`` as word -> class."""
    return {word: entry.word_class for word, entry in read_entries([LEXICON_DIR / f"{name}.tsv"]).items()}


def words(name: str, *classes: str) -> frozenset[str]:
    """The words of lexicon ``name``, only those of ``classes`` when given."""
    return frozenset(word for word, word_class in lexicon(name).items() if not classes or word_class in classes)


@cache
def cue_classes(name: str) -> dict[str, CueClass]:
    """A cue lexicon as word -> CueClass; an unknown class fails loudly."""
    return {word: CueClass(word_class) for word, word_class in lexicon(name).items()}


def lexicon_names() -> list[str]:
    return sorted(path.stem for path in LEXICON_DIR.glob("*.tsv"))
