"""manage.py reextract: run the current extractor again over stored articles."""

import sys
import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.models import Article
from claims.nlp.types import EXTRACTOR_VERSION
from pipeline.services import articles_outdated, articles_reextract


class Command(BaseCommand):
    help = (
        "Re-extract claims: machine claims are refreshed (ids kept where the same span is found "
        "again); verified, edited and rejected claims, curator relations and dispute decisions are "
        "kept. Run with --outdated after EXTRACTOR_VERSION changes."
    )

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--article", type=int, action="append", metavar="ID", help="An article id (repeatable).")
        which.add_argument("--all", action="store_true", help="Every article.")
        which.add_argument(
            "--outdated", action="store_true", help=f"Articles not extracted by version {EXTRACTOR_VERSION}."
        )

    def handle(self, *args, article: list[int] | None, all: bool, outdated: bool, **options) -> str:
        articles = Article.objects.all() if all else articles_outdated() if outdated else Article.objects
        if article:
            articles = articles.filter(pk__in=article)
            missing = set(article) - set(articles.values_list("pk", flat=True))
            if missing:
                raise CommandError(f"No article with id {', '.join(map(str, sorted(missing)))}.")
        ids = list(articles.order_by("pk").values_list("pk", flat=True))
        started = time.perf_counter()
        # A bar only for a person watching work happen: none for nothing to do, none into a log file
        # (and on the raw stream: the command's styled stderr paints each redraw as a new red line).
        quiet = options["verbosity"] < 1 or not ids or not sys.stderr.isatty()
        with tqdm(total=len(ids), unit="article", disable=quiet, file=sys.stderr) as bar:
            summary = articles_reextract(article_ids=ids, on_progress=bar.update)
        seconds = time.perf_counter() - started
        for article_id, reason in summary.failures:
            self.stderr.write(f"article {article_id}: {reason}")
        return (
            f"Re-extracted {summary.articles} of {len(ids)} articles with extractor {EXTRACTOR_VERSION}: "
            f"{summary.claims} machine claims now; {len(summary.failures)} failed; "
            f"{seconds:.1f} s ({summary.articles / seconds if seconds else 0:.1f} articles/s)."
        )
