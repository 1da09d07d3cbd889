"""manage.py find_copies: record which stored articles are syndicated copies of which."""

from django.core.management.base import BaseCommand

from articles.models import Article
from articles.syndication import articles_find_originals


class Command(BaseCommand):
    help = "Check stored articles not yet checked for being near-copies of others (--rebuild: all again)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--rebuild", action="store_true", help="Forget every copy link and check all articles again."
        )

    def handle(self, *args, **options) -> str:
        articles = Article.objects.all() if options["rebuild"] else Article.objects.filter(fingerprint=None)
        summary = articles_find_originals(articles=articles, rebuild=options["rebuild"])
        return f"{summary.checked} articles checked; {summary.copies} articles are copies of another."
