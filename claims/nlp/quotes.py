"""Direct-quote spans found on characters, before and independently of parsing.

Quotes are scanned on the whole (scrubbed) article so that a quotation running over several
paragraphs is one span, even though the parser sees one paragraph at a time.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Double quote marks only: single curly quotes are mostly apostrophes or nested quotes.
# NYT-style '' and LaTeX-style `` are pairs of single marks used as double ones.
_MARK = re.compile(r"''|``|[\"\u201c\u201d\u201e\u00ab\u00bb]")
_OPENING_GLYPHS = {"\u201c", "\u201e", "\u00ab", "``"}
_CLOSING_GLYPHS = {"\u201d", "\u00bb", "''"}
_BEFORE_OPENER = set(" \t\n([{\u2014\u2013-/:;")
_AFTER_CLOSER = set(" \t\n)]}.,;:!?\u2014\u2013-")
_TRIM_INNER = " \t\n,;:\u2014\u2013-"


@dataclass
class Quote:
    """A quotation: ``start``/``end`` include the marks, ``inner_*`` is the quoted text."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool = True

    def contains(self, pos: int) -> bool:
        return self.inner_start <= pos < self.inner_end

    def word_count(self, text: str) -> int:
        return len(text[self.inner_start : self.inner_end].split())


def find_quotes(text: str, paragraph_spans: Iterable[tuple[int, int]]) -> list[Quote]:
    """All quotations in ``text``, merging a quote left open at a paragraph's end with the
    quote that opens the next paragraph (the newspaper convention for long quotations)."""
    quotes: list[Quote] = []
    carry: Quote | None = None
    for start, end in paragraph_spans:
        found = _scan_paragraph(text, start, end)
        if carry is not None:
            if found and found[0].start == start:
                found[0] = _join(carry, found[0], text)
            else:
                quotes.append(carry)
            carry = None
        if found and not found[-1].closed:
            carry = found.pop()
        quotes.extend(found)
    if carry is not None:
        quotes.append(carry)
    return quotes


def _scan_paragraph(text: str, start: int, end: int) -> list[Quote]:
    found: list[Quote] = []
    depth, open_at = 0, -1
    for match in _MARK.finditer(text, start, end):
        role = _role(text, match.start(), match.end(), start, end, inside=depth > 0)
        if role == "open":
            if depth == 0:
                open_at = match.start()
            depth += 1
        elif role == "close" and depth > 0:
            depth -= 1
            if depth == 0:
                found.append(_make(text, open_at, match.end(), closed=True))
    if depth > 0:
        found.append(_make(text, open_at, end, closed=False))
    return found


def _role(text: str, at: int, stop: int, par_start: int, par_end: int, *, inside: bool) -> str:
    """Decide whether a mark opens or closes, from its neighbours first and its glyph second:
    writers mix straight and curly marks, and sometimes mismatch them."""
    before = text[at - 1] if at > par_start else " "
    after = text[stop] if stop < par_end else " "
    opens = before in _BEFORE_OPENER and not after.isspace()
    closes = not before.isspace() and (after in _AFTER_CLOSER or after in "\"\u201d'\u2019")
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    glyph = text[at:stop]
    if glyph in _OPENING_GLYPHS:
        return "open"
    if glyph in _CLOSING_GLYPHS:
        return "close"
    return "close" if inside else "open"


def _make(text: str, start: int, end: int, *, closed: bool) -> Quote:
    mark = _MARK.match(text, start)
    inner_start = mark.end() if mark else start
    inner_end = end
    if closed:
        inner_end = max(inner_start, _last_mark_start(text, start, end))
    inner_start, inner_end = _trim(text, inner_start, inner_end)
    return Quote(start, end, inner_start, inner_end, closed)


def _last_mark_start(text: str, start: int, end: int) -> int:
    last = start
    for match in _MARK.finditer(text, start, end):
        last = match.start()
    return last


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM_INNER:
        start += 1
    while end > start and text[end - 1] in _TRIM_INNER:
        end -= 1
    return start, end


def _join(first: Quote, second: Quote, text: str) -> Quote:
    return Quote(first.start, second.end, first.inner_start, second.inner_end, second.closed)


class QuoteIndex:
    """Quotes of one article, looked up by character position in O(log n)."""

    def __init__(self, quotes: Sequence[Quote]) -> None:
        self.quotes = list(quotes)
        self._starts = [q.inner_start for q in self.quotes]

    def at(self, pos: int) -> Quote | None:
        """The quote whose inner text contains character ``pos``, if any."""
        i = bisect_right(self._starts, pos) - 1
        if i >= 0 and self.quotes[i].contains(pos):
            return self.quotes[i]
        return None

    def between(self, start: int, end: int) -> list[Quote]:
        """Quotes whose marks lie (at least partly) inside ``[start, end)``."""
        i = max(0, bisect_right(self._starts, start) - 1)
        out = []
        for quote in self.quotes[i:]:
            if quote.start >= end:
                break
            if quote.end > start:
                out.append(quote)
        return out


# "WALLACE: …", "“PENCE: …": a transcript turn opens its paragraph with a speaker's name in
# capitals and a colon (optionally inside the quote mark that opens a quoted transcript).
_TURN_LABEL = re.compile(r"([\"\u201c]?)([A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]+){0,2}):[ \t]+(?=\S)")
_STAGE_DIRECTION = re.compile(r"[\"\u201c]?\s*[(\[][^)\]]*[)\]]\W*$")  # "(CROSSTALK.)", "[LAUGHTER]"
_TURN_MARKS = ' \t\n"\u201c\u201d'


@dataclass
class Turn:
    """One speaker's turn in an interview transcript: the label's and the words' characters,
    and the starts of the paragraphs it covers (the first one holds the label)."""

    label_start: int
    label_end: int
    start: int
    end: int
    paragraphs: tuple[int, ...]


def find_turns(text: str, paragraph_spans: Sequence[tuple[int, int]]) -> list[Turn]:
    """Transcript turns of an article. A transcript alternates between speakers, so only labels
    that open two paragraphs or more count, and only when two such labels take turns: one
    repeated "RELATED:" or "UPDATE:" line is page furniture, not an interview."""
    labels = [_TURN_LABEL.match(text, start, end) for start, end in paragraph_spans]
    counts = Counter(m.group(2) for m in labels if m)
    speakers = {label for label, n in counts.items() if n >= 2}
    if len(speakers) < 2:
        return []
    turns: list[Turn] = []
    last = max(i for i, m in enumerate(labels) if m and m.group(2) in speakers)
    for i, match in enumerate(labels):
        if match is None or match.group(2) not in speakers:
            continue
        covered = [i]
        # A quoted transcript reopens the quote mark on each paragraph of the same turn; after
        # the last turn, quoted paragraphs may be anything (a sign-off, the next story).
        while (
            match.group(1)
            and covered[-1] + 1 < last
            and _continues_turn(text, paragraph_spans, labels, covered[-1] + 1)
        ):
            covered.append(covered[-1] + 1)
        start, end = _strip_marks(text, match.end(), paragraph_spans[covered[-1]][1])
        turns.append(Turn(match.start(2), match.end(2), start, end, tuple(paragraph_spans[j][0] for j in covered)))
    return turns


def _continues_turn(
    text: str, spans: Sequence[tuple[int, int]], labels: Sequence[re.Match[str] | None], i: int
) -> bool:
    if i >= len(spans) or labels[i] is not None:
        return False
    start, end = spans[i]
    return text[start] in '"\u201c' and not _STAGE_DIRECTION.match(text, start, end)


def _strip_marks(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TURN_MARKS:
        start += 1
    while end > start and text[end - 1] in _TURN_MARKS:
        end -= 1
    return start, end
