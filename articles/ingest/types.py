"""Values passed from the pure ingest helpers to the services that store articles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class RawArticle:
    """An article as read from a source, before it becomes a row. Empty strings mean unknown."""

    text: str
    name: str  # what the user would call this item: file name, "file.jsonl:3", URL
    source_kind: str
    source_file: str = ""
    title: str = ""
    url: str = ""
    outlet: str = ""
    outlet_domain: str = ""
    author: str = ""
    published_at: datetime | None = None
    place: str = ""  # where the story was filed, from its dateline
    notes: str = ""  # what reading changed, for the person who sent it ("removed 1 NUL character(s)")


@dataclass(frozen=True)
class SourceFailure:
    """An item that could not be read, with the reason a user can act on."""

    name: str
    reason: str


class IngestError(Exception):
    """Raised by the pure helpers for one bad item; callers record it and go on."""


@dataclass(frozen=True)
class UrlSource:
    """A web page (or a feed of them) to fetch on a worker; nothing is fetched when it is read."""

    url: str
    name: str = ""  # defaults to the URL itself
    source_kind: str = "url"
