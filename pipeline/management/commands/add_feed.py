"""manage.py add_feed URL: register an RSS/Atom feed; Celery beat polls it (feeds_poll)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from common.exceptions import ApplicationError
from pipeline.services import feed_create


class Command(BaseCommand):
    help = "Register an RSS or Atom feed to poll on a schedule; each new entry is ingested once."

    def add_arguments(self, parser):
        parser.add_argument("url", help="The feed's http(s) URL.")
        parser.add_argument("--title", default="", help="A name for the feed (default: the feed's own title).")

    def handle(self, *args, url: str, title: str, **options) -> str:
        try:
            feed, created = feed_create(url=url, title=title)
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc
        state = "Added" if created else "Already registered:"
        return f"{state} feed {feed.pk} {feed.url}. `manage.py poll_feeds` reads it now; Celery beat every few minutes."
