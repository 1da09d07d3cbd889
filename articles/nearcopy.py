"""Near-duplicate texts, without Django: boilerplate stripped, word shingles, MinHash and LSH bands.

A syndicated copy (a wire story in two outlets, or an updated version of a story) shares most
of its sentences with the original but not its page furniture: datelines, share buttons,
copyright lines. So lines matching ``data/boilerplate_lines.txt`` are dropped, the rest is cut
into overlapping 5-word shingles, and two texts are compared by how much of the smaller one's
shingles the other contains. MinHash signatures cut into bands find the candidates: two texts
whose shingle sets overlap share at least one band with high probability, and an index over
the bands finds those without comparing every pair.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from datasketch import MinHash

BOILERPLATE_FILE = Path(__file__).parent / "data" / "boilerplate_lines.txt"
SHINGLE_WORDS = 5
# Fixed so that signatures stored in the database stay comparable across processes and releases.
MINHASH_SEED = 20151001
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@lru_cache(maxsize=1)
def boilerplate_patterns() -> tuple[re.Pattern[str], ...]:
    lines = BOILERPLATE_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(re.compile(line, re.IGNORECASE) for line in lines if line.strip() and not line.startswith("#"))


def strip_boilerplate(text: str) -> str:
    """The text without the lines that are page furniture (each line judged whole)."""
    patterns = boilerplate_patterns()
    kept = [line for line in text.splitlines() if not any(p.fullmatch(line.strip()) for p in patterns)]
    return "\n".join(kept)


def words(text: str) -> list[str]:
    """Lower-cased words; punctuation, quote marks and dashes are not words."""
    return [w.replace("’", "'") for w in _WORD.findall(text.lower())]


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """The overlapping ``size``-word runs of a text after its boilerplate is stripped."""
    tokens = words(strip_boilerplate(text))
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def containment(a: set[str], b: set[str]) -> float:
    """The share of the smaller set found in the other: 1.0 when one text repeats all of the other."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


@dataclass(frozen=True)
class Fingerprint:
    shingle_count: int
    bands: list[int]  # one signed 64-bit value a band, the band's number mixed in


def fingerprint(text: str, *, num_perm: int, bands: int) -> Fingerprint:
    """MinHash of the text's shingles cut into ``bands`` bands of ``num_perm // bands`` values each."""
    return fingerprint_of(shingles(text), num_perm=num_perm, bands=bands)


def fingerprint_of(found: set[str], *, num_perm: int, bands: int) -> Fingerprint:
    signature = minhash(found, num_perm=num_perm).hashvalues
    return Fingerprint(shingle_count=len(found), bands=band_keys(signature, bands=bands) if found else [])


def minhash(items: Iterable[str], *, num_perm: int) -> MinHash:
    sketch = MinHash(num_perm=num_perm, seed=MINHASH_SEED)
    sketch.update_batch([item.encode("utf-8") for item in items])
    return sketch


def band_keys(signature: np.ndarray, *, bands: int) -> list[int]:
    rows = len(signature) // bands
    return [_band_key(index, signature[index * rows : (index + 1) * rows]) for index in range(bands)]


def _band_key(index: int, values: np.ndarray) -> int:
    # The band's number is part of the key: equal values in different bands are no match.
    digest = hashlib.blake2b(index.to_bytes(2, "big") + values.astype(">u8").tobytes(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)
