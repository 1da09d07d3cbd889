"""The claim page: the claim in its sentence with speaker and cue marked, and its linked claims."""

import pytest
from django.urls import reverse

from claims.models import Relation
from tests.claims.views.conftest import make_story
from tests.factories import ArticleFactory, ClaimFactory, claim_at

pytestmark = pytest.mark.django_db


def test_it_marks_speaker_cue_and_claim_in_the_sentence(analyst_client):
    story = make_story(1)
    claim = story["claims"][1]  # "Warren denied that strikes hit ISIS."
    html = analyst_client.get(claim.get_absolute_url()).context["sentence_html"]
    assert html == (
        '<mark class="hl-speaker">Warren</mark> <mark class="hl-cue">denied</mark> that '
        '<mark class="hl-content">strikes hit ISIS</mark>.'
    )


def test_it_shows_conflicting_claims_with_their_explanation_and_links(analyst_client):
    story = make_story(2)
    claim = story["claims"][0]
    html = analyst_client.get(claim.get_absolute_url()).content.decode()
    conflicting = story["claims"][1]
    assert conflicting.get_absolute_url() in html
    assert "same terms, opposite polarity" in html
    assert f"{claim.article.get_absolute_url()}#claim-{claim.pk}" in html
    assert story["dispute"].label in html


def test_article_text_in_the_claim_page_is_escaped(analyst_client):
    article = ArticleFactory(body='He said <script>alert("x")</script> was fine.\nNext line.')
    claim = ClaimFactory(article=article, content_start=8, content_end=35, content='<script>alert("x")</script>')
    html = analyst_client.get(claim.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_an_unknown_claim_is_a_404(analyst_client):
    assert analyst_client.get(reverse("claims:detail", args=[999999])).status_code == 404


def test_the_page_makes_the_same_number_of_queries_with_more_links(analyst_client, queries_for):
    story = make_story(2)
    _, small = queries_for(analyst_client, story["claims"][2].get_absolute_url())
    big = make_story(30)
    _, large = queries_for(analyst_client, big["claims"][2].get_absolute_url())
    assert small == large


def test_a_dispute_member_without_a_stored_relation_lists_no_linked_claims(analyst_client):
    story = make_story(2)
    Relation.objects.all().delete()
    context = analyst_client.get(story["claims"][0].get_absolute_url()).context
    assert (context["agree"], context["conflict"], context["same"]) == ([], [], [])
    assert context["membership"].proposition == story["dispute"]  # the dispute is shown, it implies no link


@pytest.mark.parametrize(
    ("method", "words"),
    [("rules", "found by rules"), ("model", "found by trained tagger"), ("both", "found by rules and tagger")],
)
def test_the_page_says_what_found_the_claim(analyst_client, method, words):
    claim = ClaimFactory(article=ArticleFactory(body="x" * 200), method=method)
    assert words in analyst_client.get(claim.get_absolute_url()).content.decode()


def test_a_position_on_a_thing_shows_its_side_and_a_statement_shows_none(analyst_client):
    article = ArticleFactory(body="Senator Ann Bell criticized the governor's plan to close three rural hospitals.")
    position = claim_at(
        article, "the governor's plan to close three rural hospitals", cue="criticized", cue_lemma="criticize",
        names_thing=True, states_clause=False,
    )  # fmt: skip
    statement = ClaimFactory()

    assert "<dt>Position</dt><dd>against the thing it names" in analyst_client.get(position.get_absolute_url()).content.decode()
    assert "<dt>Position</dt>" not in analyst_client.get(statement.get_absolute_url()).content.decode()
