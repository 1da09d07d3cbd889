"""Shared fixtures: real PostgreSQL (pytest-django), the real spaCy model, signed-in users."""

from __future__ import annotations

import pytest
from django.conf import settings

from claims.nlp.loader import get_nlp


@pytest.fixture(scope="session")
def nlp():
    return get_nlp(settings.SPACY_MODEL)


def migrated_rows_ensure() -> None:
    """Put back the rows migrations store (role groups, data-version slots) if a flush took them.

    A transactional test (browser, worker) empties every table when it ends; with --reuse-db the
    next run would start without them, and curators would have no permissions.
    """
    from django.db import connection

    from claims.services.roles import roles_ensure

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
