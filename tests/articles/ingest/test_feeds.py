"""parse_feed: entries of RSS/Atom, and a clear error for what is not a feed."""

from __future__ import annotations

import pytest

from articles.ingest.feeds import parse_feed
from articles.ingest.types import IngestError
from tests.newsserver import rss


def test_it_reads_entries_with_their_ids_links_and_dates():
    feed = parse_feed(
        rss([("g1", "https://example.org/a", "First"), ("g2", "https://example.org/b", "Second")]).encode(), url=""
    )

    assert feed.title == "Local Herald"
    assert [(i.entry_id, i.link, i.title) for i in feed.items] == [
        ("g1", "https://example.org/a", "First"),
        ("g2", "https://example.org/b", "Second"),
    ]
    assert feed.items[0].published_at.isoformat() == "2015-09-30T10:00:00+00:00"


def test_broken_xml_is_reported_with_the_parser_error():
    broken = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Broken &amp feed<item><title>Unclosed'

    with pytest.raises(IngestError, match="not valid RSS or Atom: not well-formed"):
        parse_feed(broken, url="")


def test_a_web_page_is_not_a_feed():
    with pytest.raises(IngestError, match="not valid RSS or Atom"):
        parse_feed(b"<html><body><p>Hello</p></body></html>", url="")
