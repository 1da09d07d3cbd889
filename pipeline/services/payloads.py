"""What an ingest item carries from one stage to the next, as JSON (``IngestItem.payload``)."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from articles.ingest.types import RawArticle

_RAW_FIELDS = {f.name for f in dataclasses.fields(RawArticle)}
# Keys that travel with an item through every stage (feed bookkeeping, hints from the feed).
CARRIED_KEYS = ("feed_id", "feed_entry_id", "hints", "source_kind")


def payload_for_raw(raw: RawArticle, **extra: object) -> dict:
    data = dataclasses.asdict(raw)
    data["published_at"] = raw.published_at.isoformat() if raw.published_at else None
    return {**data, **extra}


def raw_article_from_payload(payload: dict) -> RawArticle:
    data = {k: v for k, v in payload.items() if k in _RAW_FIELDS}
    data["published_at"] = datetime.fromisoformat(data["published_at"]) if data.get("published_at") else None
    return RawArticle(**data)


def carried(payload: dict) -> dict:
    return {k: payload[k] for k in CARRIED_KEYS if k in payload}
