"""Every admin page of our models answers for every role: a page, a refusal, never a crash."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.urls import NoReverseMatch, reverse

from claims.models import QuoteFlag, SpeakerMerge
from pipeline.models import Feed, FeedEntry, IngestItem, IngestJob
from tests.factories import PropositionMemberFactory, RelationFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

OUR_APPS = {"articles", "claims", "pipeline"}


@pytest.fixture
def one_of_everything(curator_admin):
    relation = RelationFactory()
    PropositionMemberFactory(claim=relation.claim_a)
    speaker = relation.claim_a.speaker
    speaker.aliases.create(name="Alias Name", normalized_name="alias name")
    SpeakerMerge.objects.create(merged_name="Old", merged_speaker_id=999, into=speaker, snapshot={"aliases": []})
    job = IngestJob.objects.create(description="x", total=1)
    IngestItem.objects.create(job=job, name="a.txt", outcome="created", article=relation.claim_a.article)
    feed = Feed.objects.create(url="https://example.org/feed.xml", outlet=relation.claim_a.article.outlet)
    FeedEntry.objects.create(feed=feed, entry_id="e1", article=relation.claim_a.article)
    SpeakerFactory()
    low, high = sorted((relation.claim_a, relation.claim_b), key=lambda c: c.pk)
    QuoteFlag.objects.create(kind=QuoteFlag.Kind.DRIFT, claim_a=low, claim_b=high, changed_words=2, summary="x → y")


def _pages():
    for model in admin.site._registry:
        if model._meta.app_label not in OUR_APPS:
            continue
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        yield reverse(f"{prefix}_changelist")
        yield reverse(f"{prefix}_add")
        row = model.objects.first()
        for name in ("change", "history", "delete"):
            yield reverse(f"{prefix}_{name}", args=[row.pk])
        try:
            version = row.history.earliest().history_id
            yield reverse(f"{prefix}_simple_history", args=[row.pk, version])
        except (AttributeError, NoReverseMatch):
            pass


@pytest.mark.parametrize("role", ["analyst_admin", "curator_admin"])
def test_every_admin_page_answers_without_an_error(request, role, one_of_everything):
    client = request.getfixturevalue(role)

    answers = {url: client.get(url).status_code for url in _pages()}

    assert answers and set(answers.values()) <= {200, 403}, {u: s for u, s in answers.items() if s not in (200, 403)}
    assert answers[reverse("admin:claims_claim_changelist")] == 200
