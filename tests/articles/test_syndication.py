"""article_find_original: syndicated copies are found through the band index, different reports stay apart."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command

from articles.models import Article, ArticleFingerprint
from articles.syndication import article_find_original
from tests.articles.texts import BRIDGE_STORY, BRIDGE_STORY_OTHER_REPORT, BRIDGE_STORY_SYNDICATED
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

DAY = datetime.datetime(2026, 3, 13, 20, 0, tzinfo=datetime.UTC)


def article(body: str, *, days: float = 0, dated: bool = True) -> Article:
    return ArticleFactory(body=body, published_at=DAY + datetime.timedelta(days=days) if dated else None)


def test_a_copy_with_changed_boilerplate_is_found_and_points_at_the_original():
    original = article(BRIDGE_STORY)
    copy = article(BRIDGE_STORY_SYNDICATED, days=0.5)
    article_find_original(article=original)

    assert article_find_original(article=copy) == original
    copy.refresh_from_db()
    assert copy.copy_of == original


def test_two_different_reports_of_one_story_are_not_joined():
    first, second = article(BRIDGE_STORY), article(BRIDGE_STORY_OTHER_REPORT, days=0.2)
    article_find_original(article=first)

    assert article_find_original(article=second) is None
    assert not Article.objects.exclude(copy_of=None).exists()


def test_an_older_article_checked_later_becomes_the_original_of_the_group():
    copy = article(BRIDGE_STORY_SYNDICATED, days=1)
    copy_of_copy = article(BRIDGE_STORY_SYNDICATED + "\nMore from Valley Wire: local news", days=2)
    article_find_original(article=copy)
    article_find_original(article=copy_of_copy)
    original = article(BRIDGE_STORY)

    article_find_original(article=original)

    assert set(Article.objects.filter(copy_of=original).values_list("id", flat=True)) == {copy.pk, copy_of_copy.pk}
    original.refresh_from_db()
    assert original.copy_of is None


def test_undated_copies_count_as_later_than_dated_ones():
    undated = article(BRIDGE_STORY_SYNDICATED, dated=False)
    dated = article(BRIDGE_STORY, days=3)
    article_find_original(article=undated)
    article_find_original(article=dated)

    undated.refresh_from_db()
    assert undated.copy_of == dated


def test_an_article_is_checked_once():
    original = article(BRIDGE_STORY)
    article_find_original(article=original)
    article_find_original(article=original)

    assert ArticleFingerprint.objects.filter(article=original).count() == 1


def test_find_copies_checks_the_stored_articles_oldest_first():
    copy = article(BRIDGE_STORY_SYNDICATED, days=1)
    original = article(BRIDGE_STORY)
    other = article(BRIDGE_STORY_OTHER_REPORT, days=0.5)

    out = call_command("find_copies")

    assert out == "3 articles checked; 1 articles are copies of another."
    assert Article.objects.get(pk=copy.pk).copy_of == original
    assert Article.objects.get(pk=other.pk).copy_of is None
