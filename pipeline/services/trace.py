"""The tracing part of STAGE_LINK: is the article a copy of another, and are its quotations
credited or worded differently elsewhere. Called once per linking of an article, after its
claims are linked, in the same transaction (so a retried link stage repeats it harmlessly)."""

from __future__ import annotations

from dataclasses import dataclass

from articles.models import Article
from articles.syndication import article_find_original
from claims.services.quote_drift import quote_flags_for_article


@dataclass
class TraceSummary:
    copy_of: int | None
    quotes: int
    quote_flags: int


def article_trace(*, article: Article) -> TraceSummary:
    """Check the article for being a syndicated copy (once), then flag its quotations (each time).

    Both run under the advisory lock ``article_find_original`` takes until the link transaction
    commits: two articles quoting each other, linked at once by two workers, still meet.
    """
    original = article_find_original(article=article)
    flags = quote_flags_for_article(article=article)
    return TraceSummary(copy_of=original.pk if original else None, quotes=flags.quotes, quote_flags=flags.flags)
