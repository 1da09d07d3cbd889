"""Alerts by e-mail (locmem backend): at once after the link stage, or once a day in a digest."""

from __future__ import annotations

import pytest

from tests.factories import ArticleFactory, ClaimFactory, SpeakerFactory, UserFactory
from watches.models import Alert, AlertPreference, Watch
from watches.services import alert_preference_set, alerts_email_digest, alerts_for_new_claims, watch_create
from watches.tasks import alerts_email_digest as alerts_email_digest_task

pytestmark = pytest.mark.django_db


def _user_watching(email_mode: str):  # type: ignore[no-untyped-def]
    user = UserFactory(email="analyst@example.org")
    alert_preference_set(user=user, email=email_mode)
    speaker = SpeakerFactory()
    watch_create(user=user, kind=Watch.Kind.SPEAKER, speaker=speaker)
    return user, speaker


def _new_claims(speaker, count: int = 1) -> list[int]:  # type: ignore[no-untyped-def]
    ids = []
    for n in range(count):
        article = ArticleFactory(body=f"Talks number {n} will resume next week.")
        ids.append(ClaimFactory(article=article, speaker=speaker, content_end=len(article.body)).pk)
    return ids


def test_immediate_users_get_one_mail_when_the_link_stage_commits(mailoutbox, django_capture_on_commit_callbacks):
    _user, speaker = _user_watching(AlertPreference.Email.IMMEDIATE)

    with django_capture_on_commit_callbacks(execute=True):
        alerts_for_new_claims(claim_ids=_new_claims(speaker, 2))

    [mail] = mailoutbox
    assert mail.to == ["analyst@example.org"]
    assert mail.subject == "ClaimTrack: 2 new alerts"
    assert "Talks number 1 will resume" in mail.body and "Talks number 0 will resume" in mail.body
    assert not Alert.objects.filter(emailed_at__isnull=True).exists()


def test_nothing_is_mailed_before_the_commit_or_to_users_without_email(mailoutbox, django_capture_on_commit_callbacks):
    _user, speaker = _user_watching(AlertPreference.Email.OFF)

    with django_capture_on_commit_callbacks(execute=True):
        alerts_for_new_claims(claim_ids=_new_claims(speaker))

    assert mailoutbox == []


def test_the_daily_digest_sends_each_alert_once(mailoutbox, django_capture_on_commit_callbacks):
    _user, speaker = _user_watching(AlertPreference.Email.DIGEST)
    with django_capture_on_commit_callbacks(execute=True):
        alerts_for_new_claims(claim_ids=_new_claims(speaker, 3))
    assert mailoutbox == []  # digest users get nothing at once

    alerts_email_digest_task.delay()
    alerts_email_digest()

    [mail] = mailoutbox
    assert mail.subject == "ClaimTrack: 3 new alerts"
    assert mail.body.count("Talks number") == 3
