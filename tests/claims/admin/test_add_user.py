"""manage.py add_user / add_curator / add_analyst: people with one role, ready for the admin."""

from __future__ import annotations

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def _roles(user) -> list[str]:
    return list(user.groups.values_list("name", flat=True))


def test_add_curator_creates_a_staff_curator_with_the_password_from_the_environment(monkeypatch):
    monkeypatch.setenv("NEW_PW", "correct horse battery staple")

    message = call_command("add_curator", "maria", "--password-from-env", "NEW_PW")

    user = authenticate(username="maria", password="correct horse battery staple")
    assert user is not None and user.is_staff and not user.is_superuser
    assert _roles(user) == ["curator"]
    assert user.has_perm("claims.change_claim") and not user.has_perm("auth.change_user")
    assert message.startswith("Created curator 'maria'")


def test_add_user_changes_the_role_of_an_existing_user_and_keeps_their_password(monkeypatch):
    monkeypatch.setenv("NEW_PW", "correct horse battery staple")
    call_command("add_analyst", "maria", "--password-from-env", "NEW_PW")

    call_command("add_user", "maria", "--role", "admin")

    user = authenticate(username="maria", password="correct horse battery staple")
    assert _roles(user) == ["admin"]
    assert user.has_perm("auth.change_user")


def test_an_analyst_can_read_but_not_change(monkeypatch):
    monkeypatch.setenv("NEW_PW", "correct horse battery staple")

    call_command("add_analyst", "ana", "--password-from-env", "NEW_PW")

    user = authenticate(username="ana", password="correct horse battery staple")
    assert user.has_perm("claims.view_claim") and not user.has_perm("claims.change_claim")


def test_a_new_user_without_a_password_is_refused():
    with pytest.raises(CommandError, match="needs a password"):
        call_command("add_curator", "maria")


def test_a_weak_password_is_refused_with_the_reason(monkeypatch):
    monkeypatch.setenv("NEW_PW", "12345678")

    with pytest.raises(CommandError, match="too common"):
        call_command("add_curator", "maria", "--password-from-env", "NEW_PW")


def test_a_missing_environment_variable_is_named():
    with pytest.raises(CommandError, match="NOT_SET_ANYWHERE is not set"):
        call_command("add_curator", "maria", "--password-from-env", "NOT_SET_ANYWHERE")


def test_an_unknown_role_is_refused():
    with pytest.raises(CommandError, match="invalid choice"):
        call_command("add_user", "maria", "--role", "owner")
