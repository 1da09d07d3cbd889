"""manage.py link_claims: (re)link claims into relations and disputes, keeping curator decisions.

``--all`` also moves an existing database to linking by meaning: claims without an embedding
are embedded first, then every article is linked again. ``--all --reembed`` embeds every claim
again first, for a database whose vectors an earlier encoder or precision made.

The pipeline's link stage, run again on extracted or linked articles (``pipeline.services.article_relink``).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from articles.models import Article
from claims.services.embedding import claims_embed_all_again, claims_embed_all_missing
from claims.services.linking import LINKABLE
from common.exceptions import ApplicationError
from pipeline.services import article_relink, articles_relink


class Command(BaseCommand):
    help = "Link claims (agree / conflict / same claim, disputes with sides) for one article or all of them."

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--article", type=int, help="Id of the article to link.")
        which.add_argument("--all", action="store_true", help="Every extracted article, oldest first.")
        parser.add_argument(
            "--reembed", action="store_true",
            help="With --all: embed every claim again first (after EMBEDDING_MODEL or CLAIMTRACK_EMBED_PRECISION changed).",
        )

    def handle(self, *args, article: int | None, all: bool, reembed: bool = False, **options) -> str:
        if reembed and not all:
            raise CommandError("--reembed goes with --all: one article's claims re-embedded alone would sit in another space.")
        embedded = 0
        if all:
            # Every claim embedded first, so each article finds its neighbours among all the others.
            embedded = claims_embed_all_again() if reembed else claims_embed_all_missing()
            summary = articles_relink(articles=Article.objects.filter(status__in=LINKABLE).order_by("id"))
        else:
            found = Article.objects.filter(pk=article).first()
            if found is None:
                raise CommandError(f"No article with id {article}.")
            try:
                summary = article_relink(article=found)
            except ApplicationError as exc:
                raise CommandError(exc.message) from exc
        return (
            f"Embedded {embedded} claims. Linked {summary.claims} claims: {summary.relations} relations, "
            f"{summary.disputes_created} new disputes, {summary.memberships} dispute memberships."
        )
