"""Writes for the articles app: storing an article once (de-duplicated by its text), its outlet.

The pipeline (``pipeline.services``) calls these; nothing here knows of claims or of jobs.
"""

from __future__ import annotations

from django.db import IntegrityError, connection, transaction

from articles.ingest.metadata import infer_metadata
from articles.ingest.outlets import lookup_outlet
from articles.ingest.text import content_hash, normalize_text
from articles.ingest.types import IngestError, RawArticle
from articles.models import Article, Outlet


def outlet_get_or_create(*, name: str, domain: str = "") -> Outlet | None:
    """The outlet row for a name or domain, using the canonical name when the outlet is known."""
    known = lookup_outlet(name) if name else None
    known = known or (lookup_outlet(domain) if domain else None)
    if known:
        name, domain, country = known.name, known.domain, known.country
    else:
        name, country = name or domain, ""
    if not name:
        return None
    outlet, _ = Outlet.objects.get_or_create(name=name[:200], defaults={"domain": domain[:200], "country": country})
    return outlet


def article_find_duplicate(*, text: str) -> Article | None:
    return Article.objects.filter(content_hash=content_hash(normalize_text(text))).first()


def article_find_existing(*, raw: RawArticle) -> Article | None:
    """An article already stored with the same text, or fetched from the same URL."""
    by_text = article_find_duplicate(text=raw.text)
    if by_text or not raw.url:
        return by_text
    return Article.objects.filter(url=raw.url[:2000]).order_by("id").first()


def article_lock_url(*, url: str) -> None:
    """Serialise the storing of one URL until the transaction ends (url is not a unique column).

    Two workers fetching the same page a second apart can get slightly different HTML, and so
    different content hashes; this lock makes the second one see the first one's article.
    """
    if url:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 7))", [url[:2000]])


@transaction.atomic
def article_create(*, raw: RawArticle) -> tuple[Article, bool]:
    """Store one article; return (article, created). The same text twice gives the first row back.

    Metadata that came with the article wins; what is missing is inferred from the text, and
    what the text does not tell stays empty.
    """
    body = normalize_text(raw.text)
    if not body:
        raise IngestError("the article has no text")
    digest = content_hash(body)
    existing = Article.objects.filter(content_hash=digest).first()
    if existing:
        return existing, False
    inferred = infer_metadata(body)
    article = Article(
        outlet=outlet_get_or_create(
            name=raw.outlet or inferred.outlet, domain=raw.outlet_domain or inferred.outlet_domain
        ),
        title=(raw.title or inferred.title)[:500],
        author=raw.author[:300],
        url=raw.url[:2000],
        published_at=raw.published_at or inferred.published_at,
        place=raw.place[:200],
        body=body,
        source_file=raw.source_file[:500],
        source_kind=raw.source_kind,
        content_hash=digest,
    )
    article.full_clean(exclude=["content_hash"])
    try:
        with transaction.atomic():  # savepoint: a concurrent insert of the same text is not an error
            article.save()
    except IntegrityError:
        return Article.objects.get(content_hash=digest), False
    return article, True
