"""Comparing quotations word by word, without Django: shingles for the index, a word diff for the flag.

Two outlets quoting the same words share runs of three words (``quote_shingles``, hashed to
64-bit integers for a GIN-indexed array); ``compare_quotes`` then aligns the two quotations word
by word (difflib). Words added or dropped at either end are a shorter or longer excerpt of the
same quotation, not a change; words replaced, added or dropped inside it are.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass

SHINGLE_WORDS = 3
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Straight and curly double quotes, and the guillemets some outlets use.
_QUOTED = re.compile(r"[\"“”«»]([^\"“”«»]{3,})[\"“”«»]")


def quote_tokens(text: str) -> list[str]:
    """The quotation's words as written, with punctuation and quote marks dropped."""
    return [w.replace("’", "'") for w in _WORD.findall(text)]


def quote_words(text: str) -> list[str]:
    """The quotation's words, lower-cased: what is compared."""
    return [w.lower() for w in quote_tokens(text)]


def quoted_parts(text: str) -> str:
    """The parts of a mixed claim inside quote marks, joined (empty when none are marked)."""
    return " … ".join(part.strip() for part in _QUOTED.findall(text))


def quote_shingles(words: list[str], size: int = SHINGLE_WORDS) -> list[int]:
    """Each run of ``size`` words as a signed 64-bit hash, once (sorted, for a stable array)."""
    runs = {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}
    return sorted(_hash64(run) for run in runs)


def _hash64(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


@dataclass(frozen=True)
class DiffOp:
    tag: str  # "equal", "replace", "insert", "delete" (difflib's), "trim" for an excerpt's ends
    a: str
    b: str


@dataclass(frozen=True)
class QuoteComparison:
    matched_share: float  # the share of the shorter quotation's words found in the other, in order
    changed_words: int  # words replaced, added or dropped inside the overlap
    ops: tuple[DiffOp, ...]

    def summary(self) -> str:
        changes = [f"“{op.a}” → “{op.b}”" if op.a and op.b else (f"−“{op.a}”" if op.a else f"+“{op.b}”")
                   for op in self.ops if op.tag in ("replace", "insert", "delete")]  # fmt: skip
        head = f"{self.changed_words} word{'s' if self.changed_words != 1 else ''} changed"
        return f"{head}: {'; '.join(changes)}" if changes else head


def compare_quotes(a: list[str], b: list[str]) -> QuoteComparison:
    """Align two quotations' words (``quote_tokens``; case is ignored, kept in the ops for display).

    Changes at either end (one quote is an excerpt of the other) are not counted.
    """
    matcher = difflib.SequenceMatcher(a=[w.lower() for w in a], b=[w.lower() for w in b], autojunk=False)
    opcodes = matcher.get_opcodes()
    matched = sum(i2 - i1 for tag, i1, i2, _, _ in opcodes if tag == "equal")
    first, last = _overlap_bounds(opcodes)
    ops, changed = [], 0
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        inside = first <= index <= last
        if tag == "equal":
            pass
        elif inside:
            changed += max(i2 - i1, j2 - j1)
        elif tag == "replace":
            # Both quotations go on past the shared words, differently: as many words changed as
            # the shorter tail has; the longer tail's rest is the excerpt's.
            changed += min(i2 - i1, j2 - j1)
        else:
            tag = "trim"
        ops.append(DiffOp(tag, " ".join(a[i1:i2]), " ".join(b[j1:j2])))
    shorter = min(len(a), len(b)) or 1
    return QuoteComparison(matched_share=matched / shorter, changed_words=changed, ops=tuple(ops))


def _overlap_bounds(opcodes: list[tuple]) -> tuple[int, int]:
    """The first and last opcode index between the first and last equal run (the shared stretch)."""
    equal = [index for index, op in enumerate(opcodes) if op[0] == "equal"]
    return (equal[0], equal[-1]) if equal else (len(opcodes), -1)


def names_may_be_one(a: str, b: str) -> bool:
    """Whether two speaker names could name one speaker ("Obama" and "Barack Obama"): the words
    of one are all among the other's. Such a pair is no misattribution, only two ways to write it."""
    words_a, words_b = set(quote_words(a)), set(quote_words(b))
    return bool(words_a and words_b) and (words_a <= words_b or words_b <= words_a)
