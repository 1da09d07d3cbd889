"""manage.py add_user USERNAME --role analyst|curator|admin: a signed-in person with one role."""

import getpass
import os
import sys

from django.core.management.base import BaseCommand, CommandError

from claims.services.roles import ROLES, user_set_role
from common.exceptions import ApplicationError


class Command(BaseCommand):
    help = (
        "Create a user with a role (analyst reads, curator corrects, admin also manages users), or "
        "change an existing user's role. The password comes from --password-from-env VAR or a prompt."
    )
    default_role: str | None = None

    def add_arguments(self, parser):
        parser.add_argument("username")
        if self.default_role is None:
            parser.add_argument("--role", required=True, choices=ROLES)
        parser.add_argument(
            "--password-from-env", metavar="VAR", help="Read the password from this environment variable."
        )

    def handle(self, *args, username: str, password_from_env: str | None, **options) -> str:
        role = options.get("role") or self.default_role
        password = self._password(password_from_env)
        try:
            user, created = user_set_role(username=username, role=role, password=password)
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc
        return f"{'Created' if created else 'Updated'} {role} {user.username!r}; they sign in at /admin/ and /."

    def _password(self, variable: str | None) -> str | None:
        if variable:
            value = os.environ.get(variable)
            if not value:
                raise CommandError(f"Environment variable {variable} is not set or empty.")
            return value
        if not sys.stdin.isatty():
            return None  # a new user then fails with a clear message; an existing one keeps theirs
        first = getpass.getpass("Password (empty keeps an existing user's password): ")
        if first and getpass.getpass("Password again: ") != first:
            raise CommandError("The passwords do not match.")
        return first or None
