"""Many texts in one call: results stream out in order at a per-text cost that does not grow
with the number of texts (a 2,000-text call must cost what 2,000 one-text calls cost)."""

from __future__ import annotations

import cProfile
import pstats
from collections.abc import Iterator
from pathlib import Path

from claims.nlp import extract
from claims.nlp.extract import extract_claims_many

_OUR_CODE = str(Path(extract.__file__).parent)

_TEXTS = [
    "The mayor said the bridge would reopen in May.",
    "“We will not raise fares,” said Linda Harper.",
    "",
    "Grain exports will rise, according to the ministry.",
]


def _texts(n: int, read: list[int]) -> Iterator[str]:
    for i in range(n):
        read[0] += 1
        yield f"{_TEXTS[i % len(_TEXTS)]} Item {i}." if _TEXTS[i % len(_TEXTS)] else ""


def _function_calls(nlp, n: int) -> int:
    """Calls of the extractor's own functions to extract ``n`` texts in one call (spaCy's
    parsing is linear and would only dilute the count)."""
    profile = cProfile.Profile()
    profile.enable()
    results = list(extract_claims_many(_texts(n, [0]), nlp=nlp, batch_size=8))
    profile.disable()
    assert len(results) == n
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    return sum(calls for (path, _, _), (_, calls, *_) in stats.items() if _OUR_CODE in path)


def test_the_work_per_text_does_not_grow_with_the_number_of_texts(nlp):
    extract_claims_many(["Warm-up: the mayor said so."], nlp=nlp)
    small, large = _function_calls(nlp, 24), _function_calls(nlp, 192)
    per_text_small, per_text_large = small / 24, large / 192
    # Linear work gives equal per-text counts (up to start-up costs spread thinner); anything
    # that rescans the texts in flight would multiply the count for the larger call.
    assert per_text_large <= per_text_small * 1.1, (per_text_small, per_text_large)


def test_it_reads_only_a_bounded_window_of_texts_ahead_of_its_results(nlp):
    for n in (40, 400):
        read = [0]
        ahead = 0
        for done, _claims in enumerate(extract_claims_many(_texts(n, read), nlp=nlp, batch_size=8)):
            ahead = max(ahead, read[0] - done)
        assert read[0] == n
        # A few batches in the parser's pipeline, whatever the number of texts.
        assert ahead <= 8 * 8, (n, ahead)
