"""The article page: escaped text with every claim marked, coloured by speaker; failures shown."""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.claims.views.conftest import make_story
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db


def test_a_script_inside_an_article_shows_as_text(analyst_client):
    article = ArticleFactory(body='Officials said <script>alert("owned")</script> and <img src=x onerror=alert(1)>.')
    ClaimFactory(article=article, content_start=15, content_end=46, content='<script>alert("owned")</script>')
    html = analyst_client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_every_claim_is_a_link_with_speaker_and_cue_on_hover(analyst_client):
    story = make_story(1)
    article = story["article"]
    html = analyst_client.get(article.get_absolute_url()).content.decode()
    for claim in story["claims"]:
        assert f'id="claim-{claim.pk}"' in html
        assert f'href="{claim.get_absolute_url()}"' in html
        assert f'data-tip="{claim.speaker.name} — {claim.cue}"' in html
    # One colour per speaker, listed in the legend
    colours = {f"spk-{story['russia'].pk % 12}", f"spk-{story['usa'].pk % 12}"}
    assert all(colour in html for colour in colours)


def test_a_failed_article_shows_its_reason(analyst_client):
    article = ArticleFactory(status=Article.Status.FAILED, failure_reason="extraction timed out after 300 s")
    html = analyst_client.get(article.get_absolute_url()).content.decode()
    assert "Processing failed" in html and "extraction timed out after 300 s" in html
    assert reverse("pipeline:article_retry", args=[article.pk]) not in html  # analysts cannot retry


def test_an_unknown_article_is_a_404(analyst_client):
    assert analyst_client.get(reverse("claims:article_detail", args=[999999])).status_code == 404


def test_the_page_makes_the_same_number_of_queries_for_more_claims(analyst_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for size in (2, 40):
        article = ArticleFactory(body="word " * 400)
        for index in range(size):
            ClaimFactory(article=article, content_start=index * 5, content_end=index * 5 + 4, content="word")
        with CaptureQueriesContext(connection) as captured:
            assert analyst_client.get(article.get_absolute_url()).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]
