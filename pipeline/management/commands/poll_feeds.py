"""manage.py poll_feeds: read every active feed now and ingest its new entries."""

from __future__ import annotations

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from pipeline.models import Feed


class Command(BaseCommand):
    help = "Poll every active feed (or the given ones) now, ingesting new entries with a progress bar."

    def add_arguments(self, parser):
        parser.add_argument("feed_ids", nargs="*", type=int, help="Feed ids (default: every active feed).")
        parser.add_argument("--no-progress", action="store_true", help="Do not draw a progress bar.")

    def handle(self, *args, feed_ids: list[int], no_progress: bool, **options) -> str:
        feeds = Feed.objects.filter(pk__in=feed_ids) if feed_ids else Feed.objects.filter(active=True)
        urls = list(feeds.order_by("id").values_list("url", flat=True))
        if not urls:
            raise CommandError("No feeds to poll: add one with `manage.py add_feed URL`.")
        # The ingest command recognises feeds by their content and records their entries.
        return call_command("ingest", *urls, no_progress=no_progress, stdout=self.stdout, stderr=self.stderr)
