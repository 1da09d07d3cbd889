"""manage.py eval_syndication: it measures on a rolled-back transaction and reports copies found."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import Article

pytestmark = pytest.mark.django_db

POLNEAR = Path(settings.CLAIMTRACK_EVAL_DIR) / "polnear_dev" / "articles"


@pytest.mark.skipif(not POLNEAR.is_dir(), reason="the shared evaluation data is not on this machine")
def test_it_finds_the_seed_pair_and_the_made_copies_and_keeps_nothing():
    out = io.StringIO()

    summary = call_command("eval_syndication", originals=8, copies=3, stdout=out)

    assert summary.startswith("seeds: 1/1 copy pair found, 0 false joins")
    assert "copies found            3/3" in out.getvalue()
    assert not Article.objects.exists()


def test_it_says_where_the_evaluation_data_is_missing(tmp_path):
    with pytest.raises(CommandError, match="No PolNeAR dev articles"):
        call_command("eval_syndication", polnear=str(tmp_path / "nowhere"))
