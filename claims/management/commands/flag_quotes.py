"""manage.py flag_quotes: flag quotations credited to different speakers or reworded across outlets."""

from django.core.management.base import BaseCommand

from articles.models import Article
from claims.services.quote_drift import quote_flags_all


class Command(BaseCommand):
    help = "Index every article's quotations and flag misattributed or reworded ones (dismissed flags stay)."

    def handle(self, *args, **options) -> str:
        summary = quote_flags_all(articles=Article.objects.only("id").order_by("id"))
        return f"{summary.quotes} quotations indexed; {summary.flags} quote flags."
