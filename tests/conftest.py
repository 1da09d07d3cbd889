"""Shared fixtures: real PostgreSQL (pytest-django), the real spaCy model, signed-in users."""

from __future__ import annotations

import pytest
from django.conf import settings

from claims.nlp.loader import get_nlp


@pytest.fixture(scope="session")
def nlp():
    return get_nlp(settings.SPACY_MODEL)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    # A transactional test (browser, worker) flushes the role groups the migration made; with
    # --reuse-db the next run would start without them, and curators would have no permissions.
    from claims.services.roles import roles_ensure

    with django_db_blocker.unblock():
        roles_ensure()


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
