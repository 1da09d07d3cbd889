"""The claims page: full-text search, facets with counts, htmx partials, downloads, bad input."""

import csv
import io
import json

import pytest
from django.urls import reverse

from claims.models import Claim
from tests.claims.views.conftest import make_story
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db
URL = reverse("claims:list")


def test_search_matches_word_stems_and_ranks_the_best_match_first(analyst_client):
    article = ArticleFactory(body="x" * 200)
    ClaimFactory(article=article, content="The minister spoke about the weather and strikes later")
    best = ClaimFactory(article=article, content="Strikes hit the targets; strikes continued, the strike was big")
    ClaimFactory(article=article, content="Nothing to do with it")
    response = analyst_client.get(URL, {"q": "strike"})
    claims = response.context["claims"]
    assert response.context["total"] == 2
    assert claims[0] == best


def test_search_does_not_expand_synonyms(analyst_client):
    ClaimFactory(content="Russian jets hit ISIL targets")
    assert analyst_client.get(URL, {"q": "ISIS"}).context["total"] == 0
    assert analyst_client.get(URL, {"q": "ISIL"}).context["total"] == 1


def test_facets_count_the_whole_result_and_filters_narrow_it(analyst_client):
    story = make_story(3)
    response = analyst_client.get(URL)
    facets = {group["name"]: group for group in response.context["facets"]}
    speakers = {label: count for _, label, count in facets["speaker"]["options"]}
    assert speakers == {"Ivan Petrov": 3, "John Warren": 3}
    assert {label: count for _, label, count in facets["polarity"]["options"]} == {"Asserted": 3, "Negated": 3}
    assert {label: count for _, label, count in facets["affiliation"]["options"]} == {"Russia": 3, "United States": 3}

    narrowed = analyst_client.get(URL, {"speaker": story["usa"].pk, "cue_class": "deny"})
    assert narrowed.context["total"] == 3
    assert {c.speaker_id for c in narrowed.context["claims"]} == {story["usa"].pk}


def test_the_query_lives_in_the_url_and_pages_keep_it(analyst_client):
    make_story(15)  # 30 claims: two pages of 25
    response = analyst_client.get(URL, {"polarity": "asserted", "q": "strikes"})
    assert response.context["total"] == 15
    response = analyst_client.get(URL, {"polarity": "negated"})
    assert response.context["pages"] == 1
    second = analyst_client.get(URL, {"page": 2})
    assert len(second.context["claims"]) == 5
    assert "page=2" in analyst_client.get(URL).content.decode()


def test_an_htmx_request_gets_only_the_results_part(analyst_client):
    make_story(1)
    response = analyst_client.get(URL, {"q": "strikes"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html and 'class="results"' in html


def test_bad_filter_values_are_reported_not_crashed_on(analyst_client):
    make_story(2)
    response = analyst_client.get(URL, {"date_from": "yesterday", "speaker": "abc", "page": "zzz", "polarity": "maybe"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Some filters were not understood" in html
    assert response.context["total"] == 4  # the bad filters are ignored, not turned into "nothing"


def test_search_syntax_errors_do_not_break_the_page(analyst_client):
    ClaimFactory(content="strikes hit targets")
    for text in ['"unclosed', "-", "a & | ! (", "<script>alert(1)</script>"]:
        response = analyst_client.get(URL, {"q": text})
        assert response.status_code == 200
        assert "<script>alert(1)</script>" not in response.content.decode()


def test_the_csv_download_has_the_current_result_only(analyst_client):
    story = make_story(2)
    ClaimFactory(content='=HYPERLINK("http://evil")')
    response = analyst_client.get(reverse("claims:export_csv"), {"speaker": story["usa"].pk})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 2
    assert {row["speaker"] for row in rows} == {"John Warren"}
    everything = b"".join(analyst_client.get(reverse("claims:export_csv")).streaming_content).decode()
    assert "'=HYPERLINK" in everything  # a spreadsheet must not run it


def test_the_json_download_has_the_current_result_in_export_format(analyst_client):
    make_story(2)
    response = analyst_client.get(reverse("claims:export_json"), {"polarity": "negated"})
    data = json.loads(b"".join(response.streaming_content))
    assert len(data["claims"]) == 2
    assert {c["polarity"] for c in data["claims"]} == {Claim.Polarity.NEGATED}
    assert data["claims"][0]["speaker"]["name"] == "John Warren"


def test_the_page_makes_the_same_number_of_queries_for_more_claims(analyst_client, queries_for):
    make_story(2)
    _, small = queries_for(analyst_client, URL + "?q=strikes&polarity=asserted")
    make_story(20)
    _, large = queries_for(analyst_client, URL + "?q=strikes&polarity=asserted")
    assert small == large
    # session, user, savepoint pair, data version, facets, two name look-ups, the page's ids then
    # its rows, the user's and the groups' permissions (for the menu)
    assert large <= 12
