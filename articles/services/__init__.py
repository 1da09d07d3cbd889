"""Writes for the articles app: storing articles, ingest jobs and their pipeline stages, feeds.

Re-exported here so callers import from ``articles.services``.
"""

from .articles import (
    article_continue,
    article_create,
    article_extract,
    article_failed,
    article_find_duplicate,
    article_find_existing,
    article_link,
    article_retry,
    outlet_get_or_create,
)
from .broker import BrokerUnavailable, broker_check
from .feeds import feed_create, feed_expand, feed_failed, feed_poll, feeds_poll
from .jobs import (
    JobSummary,
    ingest_job_counts,
    ingest_job_create,
    ingest_job_create_for_urls,
    ingest_job_dispatch,
    ingest_job_enqueue,
    ingest_job_finish,
    ingest_job_run,
    ingest_job_summary,
    ingest_jobs_resume,
    max_article_bytes,
    url_source,
)
from .stages import (
    ingest_item_continue,
    ingest_item_extract,
    ingest_item_failed,
    ingest_item_fetch,
    ingest_item_parse,
    ingest_item_retry,
    payload_for_raw,
    raw_article_from_payload,
)

__all__ = [
    "BrokerUnavailable",
    "JobSummary",
    "article_continue",
    "article_create",
    "article_extract",
    "article_failed",
    "article_find_duplicate",
    "article_find_existing",
    "article_link",
    "article_retry",
    "broker_check",
    "feed_create",
    "feed_expand",
    "feed_failed",
    "feed_poll",
    "feeds_poll",
    "ingest_item_continue",
    "ingest_item_extract",
    "ingest_item_failed",
    "ingest_item_fetch",
    "ingest_item_parse",
    "ingest_item_retry",
    "ingest_job_counts",
    "ingest_job_create",
    "ingest_job_create_for_urls",
    "ingest_job_dispatch",
    "ingest_job_enqueue",
    "ingest_job_finish",
    "ingest_job_run",
    "ingest_job_summary",
    "ingest_jobs_resume",
    "max_article_bytes",
    "outlet_get_or_create",
    "payload_for_raw",
    "raw_article_from_payload",
    "url_source",
]
