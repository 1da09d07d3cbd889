"""GET /api/v1/claims/: filters, full-text search, ordering, cursor pages, and clear 400s."""

import pytest

from tests.claims.apis.conftest import ids


def test_it_lists_claims_newest_first_with_speaker_article_and_dispute(analyst_api, world):
    response = analyst_api.get("/api/v1/claims/")
    rows = response.json()["results"]
    assert [row["id"] for row in rows] == sorted((c.pk for c in world.claims.values()), reverse=True)
    struck = next(row for row in rows if row["id"] == world.claims["struck"].pk)
    assert struck["speaker"]["name"] == "Vladimir Putin"
    assert struck["article"]["outlet"]["name"] == "CNN"
    assert struck["dispute"] == {"id": world.dispute.pk, "side": "supports"}
    assert struck["url"].endswith(f"/api/v1/claims/{struck['id']}/")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("affiliation=russia", ["struck", "avoided", "support"]),
        ("type=according_to", ["again"]),
        ("polarity=negated", ["no_isis"]),
        ("cue_class=deny", ["no_isis"]),
        ("cue_class=report", ["civilians"]),
        ("review_status=verified", ["support"]),
        ("date_from=2015-10-01", ["again"]),
        ("date_to=2015-09-30&type=direct", ["struck"]),
        ("side=refutes", ["no_isis"]),
        ("q=Talbiseh", ["civilians"]),
        ("q=strikes civilian", ["avoided", "civilians"]),  # stemmed: civilian = civilians
        ('q="ISIS targets" -Thursday', ["struck"]),
        ("q=Kirby", ["no_isis", "civilians"]),
    ],
)
def test_each_filter_narrows_the_list(analyst_api, world, query, expected):
    got = ids(analyst_api.get(f"/api/v1/claims/?{query}"))
    assert sorted(got) == sorted(world.claims[key].pk for key in expected)


def test_filters_by_speaker_outlet_article_and_dispute_ids(analyst_api, world):
    claims = world.claims
    assert sorted(ids(analyst_api.get(f"/api/v1/claims/?speaker={world.kirby.pk}"))) == sorted([claims["no_isis"].pk, claims["civilians"].pk])
    outlet = claims["again"].article.outlet_id
    assert sorted(ids(analyst_api.get(f"/api/v1/claims/?outlet={outlet}"))) == sorted([claims["again"].pk, claims["civilians"].pk])
    assert ids(analyst_api.get(f"/api/v1/claims/?article={claims['again'].article_id}&speaker={world.otto.pk}")) == [claims["again"].pk]
    in_dispute = ids(analyst_api.get(f"/api/v1/claims/?dispute={world.dispute.pk}"))
    assert sorted(in_dispute) == sorted([claims["struck"].pk, claims["again"].pk, claims["no_isis"].pk])


def test_ordering_by_date_puts_undated_claims_last_when_newest_first(analyst_api, world):
    got = ids(analyst_api.get("/api/v1/claims/?ordering=-date"))
    assert got[0] == world.claims["again"].pk
    assert got[-1] == world.claims["civilians"].pk


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("speaker=abc", "speaker"),
        ("speaker=1.5", "speaker"),
        ("outlet=-", "outlet"),
        ("date_from=yesterday", "date_from"),
        ("type=rumour", "type"),
        ("polarity=maybe", "polarity"),
        ("review_status=fine", "review_status"),
        ("ordering=content", "ordering"),
        ("page_size=0", "page_size"),
        ("page_size=501", "page_size"),
        ("page_size=ten", "page_size"),
    ],
)
def test_bad_filter_values_are_a_400_naming_the_parameter(analyst_api, world, query, field):
    response = analyst_api.get(f"/api/v1/claims/?{query}")
    assert response.status_code == 400
    assert response.json()["message"] == "Invalid input."
    assert field in response.json()["extra"]["fields"]


def test_a_bad_cursor_is_a_400_with_a_message(analyst_api, world):
    response = analyst_api.get("/api/v1/claims/?cursor=not-a-cursor")
    assert response.status_code == 400
    assert response.json()["extra"]["fields"]["cursor"] == ["Invalid cursor"]


@pytest.mark.parametrize("ordering", ["-id", "id", "-date", "date", "confidence", "-created_at"])
def test_walking_the_cursor_visits_every_claim_once(analyst_api, many_claims, ordering):
    seen, url = [], f"/api/v1/claims/?page_size=7&ordering={ordering}"
    while url:
        response = analyst_api.get(url)
        seen += ids(response)
        url = response.json()["next"]
        if url:
            assert response["Link"].startswith(f"<{url}>")
    assert sorted(seen) == sorted(c.pk for c in many_claims)


def test_found_by_is_a_field_and_a_filter(analyst_api, world):
    from claims.models import Claim

    found_by_tagger = world.claims["civilians"]
    Claim.objects.filter(pk=found_by_tagger.pk).update(method=Claim.Method.MODEL)
    assert ids(analyst_api.get("/api/v1/claims/?method=model")) == [found_by_tagger.pk]
    rows = {row["id"]: row["method"] for row in analyst_api.get("/api/v1/claims/").json()["results"]}
    assert rows[found_by_tagger.pk] == "model"
    assert set(rows.values()) == {"rules", "model"}
    assert analyst_api.get("/api/v1/claims/?method=oracle").status_code == 400
