"""Shared fixtures: real PostgreSQL (pytest-django), the real spaCy model, signed-in users (pages, admin,
API tokens), and a local news site for fetching."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims.nlp.loader import get_nlp
from claims.services.roles import roles_ensure, user_set_role
from tests.newsserver import NewsServer


@pytest.fixture(scope="session")
def nlp():
    return get_nlp(settings.SPACY_MODEL)


def migrated_rows_ensure() -> None:
    """Put back the rows migrations store (role groups, data-version slots) if a flush took them.

    A transactional test (browser, worker) empties every table when it ends; with --reuse-db the
    next run would start without them, and curators would have no permissions.
    """
    from django.db import connection

    roles_ensure()
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO claims_data_version (slot) SELECT generate_series(0, 63) ON CONFLICT DO NOTHING"
        )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        migrated_rows_ensure()


@pytest.fixture
def analyst(db):
    from tests.factories import UserFactory

    return UserFactory(username="analyst")


@pytest.fixture
def analyst_client(client, analyst):
    client.force_login(analyst)
    return client


@pytest.fixture
def curator(db):
    from tests.factories import CuratorFactory

    return CuratorFactory(username="curator")


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client


# ---- the admin: people made by `user_set_role`, the service behind `manage.py add_user` ---------

ADMIN_PASSWORD = "a-long-test-password-1"


def _admin_client_for(role: str) -> Client:
    user, _ = user_set_role(username=f"admin-test-{role}", role=role, password=ADMIN_PASSWORD)
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def analyst_admin(db) -> Client:
    return _admin_client_for("analyst")


@pytest.fixture
def curator_admin(db) -> Client:
    return _admin_client_for("curator")


@pytest.fixture
def admin_admin(db) -> Client:
    return _admin_client_for("admin")


# ---- the REST API: token-authenticated clients per role ----------------------------------------


def token_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


@pytest.fixture
def anon_api() -> APIClient:
    return APIClient()


@pytest.fixture
def analyst_api(db) -> APIClient:
    from tests.factories import UserFactory

    roles_ensure()  # a transactional test (browser, worker) may have flushed the role groups
    user = UserFactory(username="api-analyst")
    user.groups.add(Group.objects.get(name="analyst"))
    return token_client(user)


@pytest.fixture
def curator_api(curator) -> APIClient:
    return token_client(curator)


# ---- fetching: a local news site ---------------------------------------------------------------


@pytest.fixture(scope="session")
def news_site():
    with NewsServer() as server:
        yield server


@pytest.fixture
def allow_loopback(settings):
    """The local news site is on 127.0.0.1, which fetching refuses unless told otherwise."""
    settings.CLAIMTRACK_ALLOW_PRIVATE_URLS = True
    settings.CLAIMTRACK_FETCH_READ_TIMEOUT = 1.0
