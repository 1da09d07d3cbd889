"""The admin names things as the UI does: disputes, not propositions; feed entries, not "entrys"."""

from __future__ import annotations

import pytest
from django.contrib import admin

from claims.models import Proposition, PropositionMember
from pipeline.models import FeedEntry

pytestmark = pytest.mark.django_db


def test_the_models_are_named_as_the_ui_names_them():
    assert str(Proposition._meta.verbose_name_plural) == "disputes"
    assert str(PropositionMember._meta.verbose_name) == "dispute member"
    assert str(FeedEntry._meta.verbose_name_plural) == "feed entries"


def test_the_admin_index_says_disputes_and_feed_entries(superuser_admin):
    html = superuser_admin.get("/admin/").content.decode()
    assert "Disputes" in html and "Feed entries" in html
    assert "Propositions" not in html and "Feed entrys" not in html


@pytest.fixture
def superuser_admin(client, django_user_model):
    user = django_user_model.objects.create_superuser("root", "root@example.org", "pw-for-tests-1")
    client.force_login(user)
    assert Proposition in admin.site._registry
    return client
