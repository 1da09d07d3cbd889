"""Admin tests sign in as people made by `user_set_role`, the service behind `manage.py add_user`."""

from __future__ import annotations

import pytest
from django.test import Client

from claims.services.roles import user_set_role

PASSWORD = "a-long-test-password-1"


def _client_for(role: str) -> Client:
    user, _ = user_set_role(username=f"admin-test-{role}", role=role, password=PASSWORD)
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def analyst_admin(db) -> Client:
    return _client_for("analyst")


@pytest.fixture
def curator_admin(db) -> Client:
    return _client_for("curator")


@pytest.fixture
def admin_admin(db) -> Client:
    return _client_for("admin")


def claim_form(claim, **changes) -> dict:
    """The claim change form as a browser would post it back, with ``changes`` applied."""
    data = {
        "content": claim.content,
        "speaker": claim.speaker_id or "",
        "speaker_mention": claim.speaker_mention,
        "claim_type": claim.claim_type,
        "cue_class": claim.cue_class,
        "polarity": claim.polarity,
        "claim_date": claim.claim_date.isoformat() if claim.claim_date else "",
        "review_status": claim.review_status,
    }
    return {**data, **changes}
