"""Celery tasks for claims (queue nlp): article-level extraction and linking stages."""

from __future__ import annotations

from celery import Task, shared_task

from articles.tasks import RETRY_OPTIONS, failure_reason


class ArticleStageTask(Task):
    """A stage of one stored article; when it keeps failing, the article is failed with the reason."""

    def on_failure(self, exc, task_id, args, kwargs, einfo) -> None:
        from articles.services import article_failed

        article_failed(article_id=args[0], reason=failure_reason(exc))


@shared_task(base=ArticleStageTask, **RETRY_OPTIONS)
def claims_extract_for_article(article_id: int) -> None:
    from articles.models import Article
    from articles.services import article_continue, article_extract

    for article in Article.objects.filter(pk=article_id):
        article_continue(article=article_extract(article=article))


# Two articles linked at once write overlapping relations and memberships without conflict (the
# writes are upserts, see claims.services.linking): an IntegrityError here is a bug, not a race to retry.
@shared_task(base=ArticleStageTask, **RETRY_OPTIONS)
def claims_link_for_article(article_id: int) -> None:
    from articles.models import Article
    from articles.services import article_link

    for article in Article.objects.filter(pk=article_id):
        article_link(article=article)


@shared_task(base=ArticleStageTask, **RETRY_OPTIONS)
def claims_reextract_for_article(article_id: int) -> None:
    """Re-extraction asked for by a curator (admin action); human decisions survive it."""
    from articles.models import Article
    from claims.services.reextract import article_reextract

    for article in Article.objects.filter(pk=article_id):
        article_reextract(article=article)
