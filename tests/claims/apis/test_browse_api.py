"""Speakers, articles, outlets, relations, disputes and the agreement/conflict matrix."""

from tests.claims.apis.conftest import ids


def test_speakers_come_with_aliases_and_claim_counts(analyst_api, world):
    world.putin.aliases.create(name="Putin", normalized_name="putin")
    rows = {row["name"]: row for row in analyst_api.get("/api/v1/speakers/").json()["results"]}
    assert rows["Vladimir Putin"]["aliases"] == ["Putin"]
    assert rows["Vladimir Putin"]["claim_count"] == 3
    assert rows["Robert Otto"]["claim_count"] == 1


def test_speakers_are_found_by_alias_affiliation_and_kind(analyst_api, world):
    world.putin.aliases.create(name="the Russian president", normalized_name="russian president")
    assert ids(analyst_api.get("/api/v1/speakers/?q=russian pres")) == [world.putin.pk]
    assert ids(analyst_api.get("/api/v1/speakers/?affiliation=united states")) == [world.kirby.pk]
    assert analyst_api.get("/api/v1/speakers/?kind=alien").status_code == 400


def test_a_speakers_claims_take_the_claim_filters(analyst_api, world):
    url = f"/api/v1/speakers/{world.putin.pk}/claims/"
    assert sorted(ids(analyst_api.get(url))) == sorted(world.claims[k].pk for k in ("struck", "avoided", "support"))
    assert ids(analyst_api.get(url + "?review_status=verified")) == [world.claims["support"].pk]
    assert ids(analyst_api.get(url + "?q=homs")) == [world.claims["struck"].pk]


def test_articles_list_without_body_and_detail_with_it(analyst_api, world):
    article = world.claims["again"].article
    row = next(r for r in analyst_api.get("/api/v1/articles/").json()["results"] if r["id"] == article.pk)
    assert "body" not in row
    assert row["claim_count"] == 2
    detail = analyst_api.get(f"/api/v1/articles/{article.pk}/").json()
    assert detail["body"] == article.body
    assert ids(analyst_api.get(detail["claims"])) == sorted([c.pk for c in article.claims.all()], reverse=True)


def test_articles_filter_by_outlet_and_publication_dates(analyst_api, world):
    hill_article = world.claims["again"].article
    assert ids(analyst_api.get(f"/api/v1/articles/?outlet={hill_article.outlet_id}")) == [hill_article.pk]
    assert ids(analyst_api.get("/api/v1/articles/?published_from=2015-10-01T00:00:00Z")) == [hill_article.pk]
    assert analyst_api.get("/api/v1/articles/?published_to=soon").status_code == 400


def test_a_publication_date_with_an_offset_postgres_cannot_store_is_compared_in_utc(analyst_api, world):
    # -23:48 is a valid ISO 8601 offset but beyond PostgreSQL's ±15:59.
    response = analyst_api.get("/api/v1/articles/", {"published_from": "2015-09-30T08:00:00-23:48"})

    assert response.status_code == 200
    assert ids(response) == [world.claims["again"].article.pk]


def test_outlets_count_their_articles(analyst_api, world):
    rows = {row["name"]: row["article_count"] for row in analyst_api.get("/api/v1/outlets/").json()["results"]}
    assert rows == {"CNN": 1, "The Hill": 1}


def test_relations_filter_by_type_claim_speaker_and_review(analyst_api, world):
    assert sorted(ids(analyst_api.get("/api/v1/relations/?type=conflict"))) == sorted([world.conflict.pk, world.rejected.pk])
    assert ids(analyst_api.get("/api/v1/relations/?type=conflict&review_status=machine")) == [world.conflict.pk]
    assert ids(analyst_api.get(f"/api/v1/relations/?claim={world.claims['again'].pk}")) == [world.agree.pk]
    assert sorted(ids(analyst_api.get(f"/api/v1/relations/?speaker={world.otto.pk}"))) == [world.agree.pk]


def test_a_dispute_lists_its_two_sides(analyst_api, world):
    row = analyst_api.get("/api/v1/disputes/").json()["results"][0]
    assert (row["label"], row["supports"], row["refutes"]) == ("Russian strikes hit ISIS targets", 2, 1)
    sides = analyst_api.get(row["sides"]).json()
    assert [c["id"] for c in sides["supports"]] == [world.claims["struck"].pk, world.claims["again"].pk]
    assert [c["id"] for c in sides["refutes"]] == [world.claims["no_isis"].pk]
    assert sides["refutes"][0]["speaker"]["name"] == "John Kirby"


def test_disputes_filter_by_a_members_speaker(analyst_api, world):
    assert ids(analyst_api.get(f"/api/v1/disputes/?speaker={world.kirby.pk}")) == [world.dispute.pk]
    assert ids(analyst_api.get(f"/api/v1/disputes/?speaker={world.putin.pk + 1000}")) == []


def test_the_matrix_counts_agreement_and_conflict_between_speakers(analyst_api, world):
    body = analyst_api.get("/api/v1/matrix/?by=speaker").json()
    pairs = {(p["a"], p["b"]): (p["agree"], p["conflict"]) for p in body["pairs"]}
    putin, kirby, otto = world.putin.pk, world.kirby.pk, world.otto.pk
    # Otto's claim and Kirby's share no relation: opposite sides of one dispute make no link.
    assert pairs == {
        (min(putin, otto), max(putin, otto)): (1, 0),
        (min(putin, kirby), max(putin, kirby)): (0, 1),
    }
    assert {s["name"] for s in body["speakers"]} == {"Vladimir Putin", "John Kirby", "Robert Otto"}


def test_the_matrix_by_affiliation_leaves_out_speakers_without_one(analyst_api, world):
    body = analyst_api.get("/api/v1/matrix/?by=affiliation").json()
    assert body["pairs"] == [{"a": "Russia", "b": "United States", "agree": 0, "conflict": 1}]


def test_the_matrix_refuses_unknown_groupings(analyst_api, world):
    response = analyst_api.get("/api/v1/matrix/?by=outlet")
    assert response.status_code == 400
    assert "by" in response.json()["extra"]["fields"]
