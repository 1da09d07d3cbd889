"""Writes for the pipeline: ingest jobs, the stages of items and articles, feeds, queueing.

Re-exported here so callers import from ``pipeline.services``. Inside, each module imports only
the ones above it in this list (no circle): ``payloads``, ``working`` (which units a live
process holds), ``broker``, ``jobs``, ``queue`` (the
only one that queues tasks), ``feeds``, ``articles`` (stages of a stored article, and running
them again), ``items`` (stages of an item), ``runner`` (a job in this process).
"""

from .articles import (
    ReextractSummary,
    article_extract,
    article_failed,
    article_link,
    article_relink,
    article_retry,
    articles_outdated,
    articles_reextract,
    articles_relink,
    extract_texts,
)
from .broker import BrokerUnavailable, broker_check
from .feeds import feed_create, feed_poll, feeds_poll
from .items import (
    ingest_item_extract,
    ingest_item_failed,
    ingest_item_fetch,
    ingest_item_parse,
    ingest_item_retry,
)
from .jobs import (
    JobSummary,
    ingest_job_counts,
    ingest_job_create,
    ingest_job_create_for_urls,
    ingest_job_finish,
    ingest_job_summary,
    max_article_bytes,
    url_source,
)
from .queue import (
    article_continue,
    articles_reextract_enqueue,
    ingest_item_continue,
    ingest_job_dispatch,
    ingest_job_enqueue,
    ingest_jobs_resume,
)
from .runner import ingest_job_run

__all__ = [
    "BrokerUnavailable",
    "JobSummary",
    "ReextractSummary",
    "article_continue",
    "article_extract",
    "article_failed",
    "article_link",
    "article_relink",
    "article_retry",
    "articles_outdated",
    "articles_reextract",
    "articles_reextract_enqueue",
    "articles_relink",
    "broker_check",
    "extract_texts",
    "feed_create",
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
    "url_source",
]
