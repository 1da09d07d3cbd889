"""People and their role: analyst (reads), curator (corrects), admin (also manages users).

The roles are groups made by ``claims/migrations/0002_roles.py``; a person has exactly one.
"""

from __future__ import annotations

import importlib

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser, Group, Permission
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from common.exceptions import ApplicationError

ROLES = ("analyst", "curator", "admin")
# Permissions of models added after migration 0002_roles, granted by later data migrations
# (0012: quote flags); repeated here so ``roles_ensure`` rebuilds the same groups.
LATER_GRANTS = {
    "analyst": ["view_quoteflag"],
    "curator": ["view_quoteflag", "change_quoteflag"],
    "admin": ["view_quoteflag", "change_quoteflag"],
}


@transaction.atomic
def user_set_role(*, username: str, role: str, password: str | None = None) -> tuple[AbstractUser, bool]:
    """Create the user or change their role (and password, if given); return (user, created).

    Every role is staff, so the admin site opens for them: analysts see it read-only.
    """
    if role not in ROLES:
        raise ApplicationError(f"Unknown role {role!r}: use one of {', '.join(ROLES)}.")
    group = Group.objects.filter(name=role).first()
    if group is None:
        raise ApplicationError(f"The {role!r} group is missing: run `manage.py migrate` first.")
    user, created = get_user_model().objects.get_or_create(username=username)
    if created and not password:
        raise ApplicationError("A new user needs a password.")
    if password:
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise ApplicationError(" ".join(exc.messages)) from exc
        user.set_password(password)
    user.is_staff = True
    user.save()
    user.groups.remove(*Group.objects.filter(name__in=ROLES).exclude(pk=group.pk))
    user.groups.add(group)
    return user, created


def roles_ensure() -> None:
    """Create the role groups with the permissions migration 0002_roles gives them, if missing.

    For a database whose groups were emptied after migrating (a transactional test's flush);
    the permission lists are the migration's own, so the two cannot drift apart.
    """
    spec = importlib.import_module("claims.migrations.0002_roles")

    def perms(source: dict, actions: list[str]) -> list[Permission]:
        # By model, not by the app the migration names: ingest jobs and feeds have moved from
        # articles to pipeline since (their content types with them); no two of our models share a name.
        models = {model for models in source.values() for model in models}
        codenames = {codename for _, codename in spec._codenames(source, actions)}
        return list(Permission.objects.filter(content_type__model__in=models, codename__in=codenames))

    read = perms(spec.READ_MODELS, ["view"])
    curate = read + perms(spec.CURATOR_CHANGES, ["add", "change", "delete"])
    admin = curate + perms(spec.ADMIN_MODELS, ["view", "add", "change", "delete"])
    for name, permissions in (("analyst", read), ("curator", curate), ("admin", admin)):
        group, created = Group.objects.get_or_create(name=name)
        if created or not group.permissions.exists():  # an existing group's own changes stay
            later = Permission.objects.filter(content_type__app_label="claims", codename__in=LATER_GRANTS[name])
            group.permissions.set([*permissions, *later])
