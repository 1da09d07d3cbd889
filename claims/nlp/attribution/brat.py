"""Reads brat standoff attribution files (PolNeAR's form) into labelled character spans.

Django-free. A ``T`` line reads ``T3<TAB>Content 120 211;220 230<TAB>text``: a label and one or more
character ranges (a discontinuous span lists its fragments separated by ``;``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# brat label -> tagger label; the "Attribution" trigger duplicates the cue and is skipped.
TAGGER_LABELS = {"Source": "SOURCE", "Cue": "CUE", "Content": "CONTENT"}
_TEXT_BOUND = re.compile(r"^T\d+\t(?P<kind>\w+) (?P<ranges>\d+ \d+(?:;\d+ \d+)*)\t", re.MULTILINE)


@dataclass(frozen=True)
class CharSpan:
    start: int
    end: int
    label: str


def read_spans(ann_text: str) -> Iterator[CharSpan]:
    """Yield one CharSpan per fragment of every Source/Cue/Content text-bound annotation."""
    # A span's quoted text may run over several lines, so only lines that open a T record count.
    for match in _TEXT_BOUND.finditer(ann_text):
        label = TAGGER_LABELS.get(match["kind"])
        if label is None:
            continue
        for fragment in match["ranges"].split(";"):
            start, end = fragment.split()
            yield CharSpan(int(start), int(end), label)


def read_corpus(root: Path) -> Iterator[tuple[str, str, list[CharSpan]]]:
    """Yield (name, article text, spans) for every ``attributions/*.ann`` beside ``articles/*.txt``."""
    for ann in sorted((root / "attributions").glob("*.ann")):
        article = root / "articles" / (ann.stem + ".txt")
        if not article.exists():
            continue
        text = article.read_text(encoding="utf-8")
        yield ann.stem, text, list(read_spans(ann.read_text(encoding="utf-8")))
