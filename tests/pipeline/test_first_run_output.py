"""What a first eager run prints: no Kombu host warning, no empty progress bars."""

from __future__ import annotations

import logging
from io import StringIO

import pytest
from django.core.management import call_command
from kombu import Connection

from claimtrack.settings import base


@pytest.mark.skipif(not base.CELERY_TASK_ALWAYS_EAGER, reason="CELERY_BROKER_URL is set: no eager broker")
def test_the_eager_broker_url_names_a_host(caplog):
    caplog.set_level(logging.WARNING, logger="kombu")

    Connection(base.CELERY_BROKER_URL).info()

    assert base.CELERY_BROKER_URL.startswith("memory://")
    assert not [r for r in caplog.records if "No hostname was supplied" in r.getMessage()]


@pytest.mark.django_db
def test_reextract_with_nothing_to_do_draws_no_progress_bar():
    err = StringIO()
    out = call_command("reextract", "--outdated", stdout=StringIO(), stderr=err)
    assert err.getvalue() == "" and out.startswith("Re-extracted 0 of 0 articles")
