"""Infer outlet, title and publication date from an article's text when no metadata came with it."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from dateutil import parser as date_parser

from .outlets import lookup_outlet, outlet_names_pattern
from .types import RawArticle

_OUTLETS = outlet_names_pattern()
# "Washington CNN —", "MOSCOW (Reuters) -": a place, the outlet, a dash, at the start of a line.
_DATELINE = re.compile(rf"^[A-Z][\w .,'-]{{1,40}}?\s+\(?({_OUTLETS})\)?\s*[—–-]+", re.MULTILINE)
# "Al Jazeera and wire services", "Source: CNN", "CNN's Jane Doe contributed to this report."
_TRAILER = re.compile(rf"^(?:({_OUTLETS}) and wire services|Source: ({_OUTLETS}))\s*$", re.MULTILINE)
_CONTRIBUTED = re.compile(rf"^({_OUTLETS})[’']s [A-Z][\w. -]+ contributed to this report", re.MULTILINE)
_EMAIL_DOMAIN = re.compile(r"\b[\w.+-]+@((?:[\w-]+\.)+[a-z]{2,})\b", re.IGNORECASE)
# An outlet quoting itself: "two officials told CNN". The weakest hint, so it comes last.
_TOLD_OUTLET = re.compile(rf"\btold ({_OUTLETS})\b")
_DATE_LINE = re.compile(r"^(?:Published|Posted|Updated|Date)\s*:?\s*(?:on\s+)?(.{6,60})$", re.MULTILINE | re.IGNORECASE)
_TITLE_STOP = re.compile(r"[.?!:]$|/|Source:|^\W")
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# A wire dateline opening the story: "ROTTERDAM, March 3 (Reuters) -", "LONDON, May 2, 2016 -",
# "MOSCOW (Reuters) -". A place, then a date or an outlet (known, or a wire's initials in brackets), then a dash.
_DATELINE_FULL = re.compile(
    rf"^(?P<place>[A-Z][\w.'-]*(?:[ -][A-Z][\w.'-]*){{0,3}}?)\s*,?\s*"
    rf"(?:(?P<date>{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?)\s*)?"
    rf"(?:(?:\((?P<credit>[A-Z]{{2,5}})\)|\(?(?P<outlet>{_OUTLETS})\)?)\s*)?[—–-]+[ \t]*"
)
# How far into the text a dateline may start: after a headline line or two, never in the story.
_DATELINE_LINES = 3


@dataclass(frozen=True)
class InferredMetadata:
    outlet: str = ""
    outlet_domain: str = ""
    title: str = ""
    published_at: datetime | None = None


@dataclass(frozen=True)
class Dateline:
    place: str
    outlet: str
    published_at: datetime | None
    start: int  # the dateline's span in the text, to cut it out
    end: int


def find_dateline(text: str, *, today: datetime) -> Dateline | None:
    """The dateline opening the story, if any. A date without a year is the latest such date up to ``today``."""
    offset = 0
    for line in text.split("\n")[:_DATELINE_LINES]:
        match = _DATELINE_FULL.match(line)
        credit = match and (match["outlet"] or match["credit"])
        if match and (match["date"] or credit):
            outlet = _known(credit)[0] if credit else ""
            date = _dateline_date(match["date"], today) if match["date"] else None
            return Dateline(match["place"].strip(), outlet, date, offset, offset + match.end())
        offset += len(line) + 1
    return None


def raw_article_without_dateline(raw: RawArticle, *, today: datetime) -> RawArticle:
    """The dateline cut out of the text (so no claim quotes it), kept as place, date and outlet.

    Metadata that came with the article wins over the dateline's.
    """
    dateline = find_dateline(raw.text, today=today)
    if dateline is None:
        return raw
    return dataclasses.replace(
        raw,
        text=raw.text[: dateline.start] + raw.text[dateline.end :],
        place=raw.place or dateline.place[:200],
        outlet=raw.outlet or dateline.outlet,
        published_at=raw.published_at or dateline.published_at,
    )


def _dateline_date(value: str, today: datetime) -> datetime | None:
    try:
        parsed = date_parser.parse(value, default=datetime(today.year, 1, 1))
    except (ValueError, OverflowError):
        return None
    if parsed.date() > today.date() and not re.search(r"\d{4}", value):
        parsed = parsed.replace(year=parsed.year - 1)  # "December 30" read in January
    return parsed.replace(tzinfo=UTC)


def infer_metadata(text: str) -> InferredMetadata:
    outlet, domain = infer_outlet(text)
    return InferredMetadata(outlet=outlet, outlet_domain=domain, title=infer_title(text), published_at=infer_date(text))


def infer_outlet(text: str) -> tuple[str, str]:
    """Return (outlet name, domain), strongest evidence first; ("", "") when the text does not say."""
    for pattern in (_DATELINE, _TRAILER, _CONTRIBUTED):
        match = pattern.search(text)
        if match:
            return _known(next(g for g in match.groups() if g))
    for match in _EMAIL_DOMAIN.finditer(text):
        domain = match.group(1).lower()
        known = lookup_outlet(domain)
        return (known.name, known.domain) if known else ("", domain)
    match = _TOLD_OUTLET.search(text)
    return _known(match.group(1)) if match else ("", "")


def _known(name: str) -> tuple[str, str]:
    known = lookup_outlet(name)
    return (known.name, known.domain) if known else (name, "")


def infer_title(text: str) -> str:
    """The first line that reads like a headline: 4 to 25 words, no closing full stop, not a credit.

    A text without one (a story pasted from its first paragraph) is titled by its opening words,
    so lists show what it is about rather than a file name.
    """
    for line in text.splitlines()[:6]:
        line = line.strip()
        if 4 <= len(line.split()) <= 25 and not _TITLE_STOP.search(line):
            return line
    return _opening_words(text)


# A title made from the opening: its first sentence, or this many words of it and an ellipsis.
_OPENING_TITLE_WORDS = 14
_SENTENCE_END = re.compile(r"(?<=[.?!])[\"”’]?\s")


def _opening_words(text: str) -> str:
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    sentence = _SENTENCE_END.split(first_line, maxsplit=1)[0].strip()
    words = sentence.split()
    if len(words) <= _OPENING_TITLE_WORDS:
        return sentence.rstrip(".")
    return " ".join(words[:_OPENING_TITLE_WORDS]).rstrip(",;:—–-") + "…"


def infer_date(text: str) -> datetime | None:
    """A publication date only from an explicit "Published:/Updated:" line, never from the story."""
    for match in _DATE_LINE.finditer(text):
        try:
            parsed = date_parser.parse(match.group(1), fuzzy=False, default=datetime(1900, 1, 1))
        except (ValueError, OverflowError):
            continue
        if parsed.year > 1900:
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return None
