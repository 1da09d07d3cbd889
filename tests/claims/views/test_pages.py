"""Home, speaker, dispute and matrix pages: what they show and a constant number of queries."""

import pytest
from django.urls import reverse

from tests.claims.views.conftest import make_story

pytestmark = pytest.mark.django_db


def test_home_shows_counts_latest_articles_and_the_most_contested_dispute(analyst_client):
    story = make_story(2)
    response = analyst_client.get(reverse("home"))
    html = response.content.decode()
    assert response.context["counts"]["claims"] == 4
    assert response.context["counts"]["conflict"] == 2  # the stored conflicts, one an article (membership adds none)
    assert story["dispute"].label in html
    assert story["article"].get_absolute_url() in html


def test_the_speaker_page_shows_role_aliases_disputes_and_counterparts(analyst_client):
    story = make_story(3)
    speaker = story["russia"]
    speaker.role = "Kremlin spokesman"
    speaker.save()
    speaker.aliases.create(name="Petrov", normalized_name="petrov")
    response = analyst_client.get(speaker.get_absolute_url())
    html = response.content.decode()
    assert "Kremlin spokesman" in html and "Petrov" in html and "Russia" in html
    assert response.context["disputes"][0]["side"] == "supports"
    # Three stored conflicts with Warren, one an article; sharing a dispute adds none.
    assert response.context["counterparts"] == [{"speaker": story["usa"], "agree": 0, "conflict": 3}]
    assert sum(n for _, n, _ in response.context["months"]) == 3


def test_the_dispute_page_puts_each_side_in_its_column_with_a_timeline(analyst_client):
    story = make_story(2)
    response = analyst_client.get(story["dispute"].get_absolute_url())
    assert {m.claim.speaker for m in response.context["supports"]} == {story["russia"]}
    assert {m.claim.speaker for m in response.context["refutes"]} == {story["usa"]}
    assert sum(row["supports"] + row["refutes"] for row in response.context["timeline"]) == 4


def test_the_matrix_counts_agreements_and_conflicts_between_speakers(analyst_client):
    make_story(3)
    response = analyst_client.get(reverse("claims:matrix"))
    labels = [entry["label"] for entry in response.context["axis"]]
    assert set(labels) == {"Ivan Petrov", "John Warren"}
    cells = {(row["label"], col["label"]): cell for row, cols in response.context["rows"] for col, cell in cols}
    assert cells[("Ivan Petrov", "John Warren")]["conflict"] == 3  # the stored conflicts, not the dispute's sides
    assert cells[("Ivan Petrov", "Ivan Petrov")]["agree"] == 2  # the two stored agreements between his claims


def test_the_matrix_switches_to_affiliations_and_a_cell_opens_its_claims(analyst_client):
    story = make_story(2)
    response = analyst_client.get(reverse("claims:matrix"), {"by": "affiliation"})
    assert {entry["label"] for entry in response.context["axis"]} == {"Russia", "United States"}
    cell = analyst_client.get(
        reverse("claims:matrix_cell"),
        {"by": "affiliation", "a": "Russia", "b": "United States"},
        headers={"HX-Request": "true"},
    )
    assert len(cell.context["conflict"]) == 2  # the two stored conflicts (one an article), no implied pairs
    assert "<html" not in cell.content.decode()
    page = analyst_client.get(reverse("claims:matrix_cell"), {"a": story["russia"].pk, "b": story["usa"].pk})
    assert "<html" in page.content.decode() and len(page.context["conflict"]) == 2


def test_a_bad_matrix_cell_is_a_400(analyst_client):
    assert analyst_client.get(reverse("claims:matrix_cell"), {"a": "x", "b": "1"}).status_code == 400
    assert analyst_client.get(reverse("claims:matrix_cell")).status_code == 400


@pytest.mark.parametrize("page", ["home", "speaker", "dispute", "matrix", "affiliations"])
def test_pages_make_the_same_number_of_queries_for_more_data(analyst_client, queries_for, page):
    def url(story):
        return {
            "home": reverse("home"),
            "speaker": story["russia"].get_absolute_url(),
            "dispute": story["dispute"].get_absolute_url(),
            "matrix": reverse("claims:matrix"),
            "affiliations": reverse("claims:matrix") + "?by=affiliation",
        }[page]

    _, small = queries_for(analyst_client, url(make_story(2)))
    _, large = queries_for(analyst_client, url(make_story(25)))
    assert small == large
