"""Entries of an RSS or Atom feed, read with feedparser from bytes we fetched ourselves."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from datetime import UTC, datetime

import feedparser

from .types import IngestError

# What feedparser flags about headers and declared encodings, with every entry read right.
_NOT_PROBLEMS = (feedparser.NonXMLContentType, feedparser.CharacterEncodingOverride)


@dataclass(frozen=True)
class FeedItem:
    entry_id: str  # the entry's guid/id, else its link: what makes an entry "seen" for a feed
    link: str
    title: str = ""
    author: str = ""
    published_at: datetime | None = None


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    items: list[FeedItem]
    problem: str = ""  # what was wrong with a feed that still gave entries


def parse_feed(content: bytes, *, url: str) -> ParsedFeed:
    """The feed's title and its entries that link to a page; `IngestError` if it is not a feed."""
    # A file-like object: given a str, feedparser would fetch it as a URL itself, unchecked.
    parsed = feedparser.parse(io.BytesIO(content), response_headers={"content-location": url})
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if isinstance(problem, _NOT_PROBLEMS):
        problem = None
    items = [item for item in map(_item, parsed.entries) if item is not None]
    # feedparser recovers what it can from sloppy feeds: the entries it read are kept and the
    # error is reported with them; only a feed that yields nothing fails (docs/ingest.md).
    if not parsed.get("version") or (problem and not items):
        detail = f": {_describe(problem)}" if problem else ""
        raise IngestError(f"the feed is not valid RSS or Atom{detail}")
    return ParsedFeed(
        title=str(parsed.feed.get("title", "")).strip(),
        items=items,
        problem=f"the feed has errors: {_describe(problem)}" if problem else "",
    )


def _item(entry: feedparser.FeedParserDict) -> FeedItem | None:
    link = str(entry.get("link", "")).strip()
    if not link.startswith(("http://", "https://")):
        return None
    entry_id = str(entry.get("id") or link).strip()
    if len(entry_id) > 2000:
        entry_id = hashlib.sha256(entry_id.encode()).hexdigest()
    return FeedItem(
        entry_id=entry_id,
        link=link,
        title=str(entry.get("title", "")).strip()[:500],
        author=str(entry.get("author", "")).strip()[:300],
        published_at=_date(entry.get("published_parsed") or entry.get("updated_parsed")),
    )


def _describe(problem: BaseException) -> str:
    if hasattr(problem, "getMessage") and hasattr(problem, "getLineNumber"):  # an XML syntax error
        return f"{problem.getMessage()} (line {problem.getLineNumber()})"
    return str(problem)


def _date(value: object) -> datetime | None:
    try:
        return datetime(*value[:6], tzinfo=UTC) if value else None  # type: ignore[index,misc]
    except (TypeError, ValueError):
        return None
