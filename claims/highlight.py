"""Mark spans of article text as safe HTML, built from character offsets: claims, speakers, cues.

Every slice of the text is escaped on its own and only then wrapped in markup we write, so a
``<script>`` in an article stays text. Nothing here calls ``mark_safe`` on text from an article.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from claims.models import Claim
from claims.nlp.types import CONTENT_JOINER

# Speakers get one of this many colour classes (``spk-0`` … in the stylesheet), by id.
SPEAKER_COLOURS = 12


@dataclass(frozen=True)
class Span:
    """A stretch of text to mark: ``[start, end)`` offsets, a tag, HTML attributes and an optional anchor id."""

    start: int
    end: int
    tag: str = "mark"
    attrs: dict[str, str] = field(default_factory=dict)
    anchor: str = ""


def highlight(text: str, spans: Iterable[Span], *, offset: int = 0) -> SafeString:
    """``text`` (which starts at ``offset`` of the article) with each span wrapped in its tag.

    Overlapping spans are cut into segments; each segment is wrapped by the shortest span that
    covers it, so nesting stays valid HTML whatever the offsets are. Spans reaching outside the
    text are clipped; empty or inverted ones are ignored.
    """
    clipped = [_clip(span, offset, len(text)) for span in spans]
    usable = [span for span in clipped if span is not None]
    cuts = sorted({0, len(text), *(p for s in usable for p in (s.start, s.end))})
    anchors: dict[int, list[str]] = {}
    for span in usable:
        if span.anchor:
            anchors.setdefault(span.start, []).append(span.anchor)
    parts: list[str] = []
    for begin, end in zip(cuts, cuts[1:], strict=False):
        for anchor in anchors.get(begin, ()):
            parts.append(format_html('<span class="anchor" id="{}"></span>', anchor))
        parts.append(_segment(text[begin:end], _innermost(usable, begin, end)))
    return mark_safe("".join(parts))  # every part above went through format_html or conditional_escape


def _clip(span: Span, offset: int, length: int) -> Span | None:
    start, end = max(span.start - offset, 0), min(span.end - offset, length)
    if start >= end:
        return None
    return Span(start, end, span.tag, span.attrs, span.anchor)


def _innermost(spans: Sequence[Span], begin: int, end: int) -> Span | None:
    covering = [s for s in spans if s.start <= begin and end <= s.end]
    return min(covering, key=lambda s: (s.end - s.start, -s.start), default=None)


def _segment(text: str, span: Span | None) -> str:
    if span is None:
        return str(conditional_escape(text))
    attrs = format_html_join("", ' {}="{}"', sorted(span.attrs.items()))
    return format_html("<{}{}>{}</{}>", mark_safe(span.tag), attrs, text, mark_safe(span.tag))


def speaker_colour(speaker_id: int | None) -> str:
    return f"spk-{speaker_id % SPEAKER_COLOURS}" if speaker_id else "spk-none"


def claim_spans(claim: Claim, body: str) -> list[Span]:
    """Content, speaker and cue of one claim as spans over the article body."""
    runs = content_runs(body, claim.content_start, claim.content_end, claim.content)
    spans = [Span(start, end, "mark", {"class": "hl-content"}) for start, end in runs]
    if claim.speaker_start is not None and claim.speaker_end:
        spans.append(Span(claim.speaker_start, claim.speaker_end, "mark", {"class": "hl-speaker"}))
    sentence = body[claim.sentence_start : claim.sentence_end]
    near = claim.speaker_start - claim.sentence_start if claim.speaker_start is not None else None
    avoid = [(start - claim.sentence_start, end - claim.sentence_start) for start, end in runs]
    mention = None
    if claim.speaker_start is not None and claim.speaker_end:
        mention = (claim.speaker_start - claim.sentence_start, claim.speaker_end - claim.sentence_start)
    cue = find_cue(sentence, claim.cue, avoid=avoid, near=near, mention=mention)
    if cue:
        spans.append(Span(cue[0] + claim.sentence_start, cue[1] + claim.sentence_start, "mark", {"class": "hl-cue"}))
    return spans


def article_spans(claims: list[Claim], body: str) -> list[Span]:
    """Each claim's content as a link to the claim, coloured by speaker, with speaker and cue on
    hover; a split quote links each of its parts, not the attribution between them."""
    spans = []
    for claim in claims:
        who = claim.speaker.name if claim.speaker else (claim.speaker_mention or "unattributed")
        tip = f"{who} — {claim.cue}" if claim.cue else who
        colour = speaker_colour(claim.speaker_id)
        attrs = {"class": f"claim-mark {colour}", "href": claim.get_absolute_url(), "data-tip": tip, "title": tip}
        runs = content_runs(body, claim.content_start, claim.content_end, claim.content)
        for n, (start, end) in enumerate(runs):
            spans.append(Span(start, end, "a", attrs, anchor=f"claim-{claim.pk}" if n == 0 else ""))
        if claim.speaker_start is not None and claim.speaker_end:
            spans.append(Span(claim.speaker_start, claim.speaker_end, "mark", {"class": f"speaker-mark {colour}"}))
    return spans


def content_runs(body: str, start: int, end: int, content: str) -> list[tuple[int, int]]:
    """Where a claim's content stands in ``body``: the run ``[start, end)``, or, for a split
    quote whose content joins its parts with an ellipsis, each part inside that run, so the
    attribution between them is not marked as the speaker's words. Content an analyst edited
    into something the body does not hold is shown as the whole run."""
    if body[start:end] == content or CONTENT_JOINER not in content:
        return [(start, end)]
    runs, at = [], start
    for part in content.split(CONTENT_JOINER):
        found = body.find(part, at, end)
        if not part or found == -1:
            return [(start, end)]
        runs.append((found, found + len(part)))
        at = found + len(part)
    return runs


def find_cue(
    sentence: str,
    cue: str,
    *,
    avoid: Sequence[tuple[int, int]],
    near: int | None,
    mention: tuple[int, int] | None = None,
) -> tuple[int, int] | None:
    """Where the cue word stands in the sentence: outside the content and outside the speaker's
    mention, nearest the speaker.

    Claims store the cue's text but not its offsets; ``avoid`` holds the content's runs (one, or
    the parts of a split quote), ``near`` the speaker's start and ``mention`` the speaker's span,
    all relative to the sentence. A long mention can hold the cue word itself ("the aide who said
    last week …, said"), so nearness is measured to the mention's closer edge.
    """
    if not cue:
        return None
    lowered, needle, found = sentence.casefold(), cue.casefold(), []
    skipped = [*avoid, mention] if mention is not None else list(avoid)
    at = lowered.find(needle)
    while at != -1:
        if all(at + len(needle) <= start or at >= end for start, end in skipped):
            found.append(at)
        at = lowered.find(needle, at + 1)
    if not found:
        return None
    best = min(found, key=lambda p: _distance(p, near, mention)) if near is not None else found[0]
    return best, best + len(cue)


def _distance(at: int, near: int, mention: tuple[int, int] | None) -> int:
    if mention is None:
        return abs(at - near)
    return min(abs(at - mention[0]), abs(at - mention[1]))
