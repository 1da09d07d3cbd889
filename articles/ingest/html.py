"""Main text and metadata from an HTML page, with trafilatura doing the boilerplate removal."""

from __future__ import annotations

from datetime import UTC, datetime

import trafilatura

from .text import decode_bytes
from .types import IngestError, RawArticle


def raw_article_from_html(
    data: bytes | str, *, name: str, source_file: str = "", url: str = "", encoding: str | None = None,
    source_kind: str = "",
) -> RawArticle:
    """The page's main text and metadata; `IngestError` when there is no article on the page."""
    html = data if isinstance(data, str) else decode_bytes(data, name=name, encoding=encoding)
    doc = trafilatura.bare_extraction(html, url=url or None, with_metadata=True, include_comments=False, as_dict=False)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text.split()) < 20:
        raise IngestError("no article text found in the HTML page")
    return RawArticle(
        text=text,
        name=name,
        source_kind=source_kind or ("url" if url else "html"),
        source_file=source_file,
        title=(doc.title or "").strip(),
        url=url or (doc.url or ""),
        outlet=(doc.sitename or "").strip(),
        outlet_domain=(doc.hostname or "").strip(),
        author=(doc.author or "").strip()[:300],
        published_at=_date(doc.date),
    )


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    except ValueError:
        return None
