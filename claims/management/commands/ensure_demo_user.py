"""manage.py ensure_demo_user: the local demo account that `make run` prints."""

import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create or update the 'demo' superuser with the password in CLAIMTRACK_DEMO_PASSWORD."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="demo")

    def handle(self, *args, username: str, **options) -> str:
        password = os.environ.get("CLAIMTRACK_DEMO_PASSWORD", "")
        if len(password) < 10:
            raise CommandError("Set CLAIMTRACK_DEMO_PASSWORD (10 characters or more) first.")
        user, _ = get_user_model().objects.get_or_create(username=username)
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        return f"Sign in at http://127.0.0.1:8000/ as {username!r} with password {password!r} (from .env)."
