"""A claim, its agreeing and conflicting claims, and unknown ids."""

import pytest

from tests.factories import ArticleFactory, ClaimFactory, claim_at


def test_the_detail_has_the_sentence_offsets_and_links(analyst_api, world):
    claim = world.claims["no_isis"]
    body = analyst_api.get(f"/api/v1/claims/{claim.pk}/").json()
    assert body["sentence"] == "No ISIS positions were hit by the Russian strikes."
    assert body["content_start"] == claim.article.body.index("No ISIS")
    assert body["agreeing"].endswith(f"/api/v1/claims/{claim.pk}/agreeing/")
    assert body["conflicting"].endswith(f"/api/v1/claims/{claim.pk}/conflicting/")


def test_agreeing_claims_are_the_other_side_of_agree_relations(analyst_api, world):
    rows = analyst_api.get(f"/api/v1/claims/{world.claims['struck'].pk}/agreeing/").json()["results"]
    assert [row["claim"]["id"] for row in rows] == [world.claims["again"].pk]
    assert rows[0]["relation"]["id"] == world.agree.pk
    assert rows[0]["relation"]["score"] == 0.9


def test_conflicting_claims_are_listed_from_either_end(analyst_api, world):
    from_struck = analyst_api.get(f"/api/v1/claims/{world.claims['struck'].pk}/conflicting/").json()["results"]
    from_denial = analyst_api.get(f"/api/v1/claims/{world.claims['no_isis'].pk}/conflicting/").json()["results"]
    assert [row["claim"]["id"] for row in from_struck] == [world.claims["no_isis"].pk]
    assert [row["claim"]["id"] for row in from_denial][0] == world.claims["struck"].pk


def test_relations_a_curator_rejected_are_not_shown_as_conflicts(analyst_api, world):
    rows = analyst_api.get(f"/api/v1/claims/{world.claims['avoided'].pk}/conflicting/").json()["results"]
    assert rows == []


def test_unknown_ids_are_json_404s(analyst_api, world):
    for url in ["/api/v1/claims/999999/", "/api/v1/claims/999999/agreeing/", "/api/v1/speakers/999999/claims/",
                "/api/v1/disputes/999999/sides/", "/api/v1/articles/999999/", "/api/v1/ingest/jobs/999999/",
                "/api/v1/claims/abc/", "/api/v1/claims/99999999999999999999/"]:  # fmt: skip
        response = analyst_api.get(url)
        assert response.status_code == 404, url
        assert response.json()["message"], url


@pytest.mark.parametrize("links", ["agreeing", "conflicting"])
def test_every_linked_claim_comes_with_its_stored_relations_id_and_url(analyst_api, world, links):
    rows = [
        row
        for claim in world.claims.values()
        for row in analyst_api.get(f"/api/v1/claims/{claim.pk}/{links}/").json()["results"]
    ]
    assert rows
    for row in rows:
        relation = row["relation"]
        assert relation["id"] is not None and relation["url"].endswith(f"/api/v1/relations/{relation['id']}/")
        assert analyst_api.get(relation["url"]).status_code == 200


def test_a_claim_on_the_other_side_of_its_dispute_is_not_conflicting_without_a_stored_relation(analyst_api, world):
    rows = analyst_api.get(f"/api/v1/claims/{world.claims['again'].pk}/conflicting/").json()["results"]
    assert rows == []  # membership implies no link: only stored relations are listed
    agreeing = analyst_api.get(f"/api/v1/claims/{world.claims['again'].pk}/agreeing/").json()["results"]
    assert [row["relation"]["id"] for row in agreeing] == [world.agree.pk]


@pytest.mark.parametrize("links", ["agreeing", "conflicting"])
@pytest.mark.parametrize("size", ["0", "501", "ten", "-3"])
def test_a_page_size_out_of_range_is_a_400_as_on_every_other_list(analyst_api, world, links, size):
    response = analyst_api.get(f"/api/v1/claims/{world.claims['struck'].pk}/{links}/?page_size={size}")

    assert response.status_code == 400
    assert response.json()["message"] == "Invalid input."
    assert "page_size" in response.json()["extra"]["fields"]


def test_a_page_size_in_range_is_honoured_with_numbered_pages(analyst_api, many_claims):
    hub = many_claims[0]  # linked to the 29 other claims
    url = f"/api/v1/claims/{hub.pk}/agreeing/?page_size=4"

    first = analyst_api.get(url).json()
    pages = -(-first["count"] // 4)
    last = analyst_api.get(f"{url}&page={pages}").json()
    everything = analyst_api.get(f"/api/v1/claims/{hub.pk}/agreeing/?page_size=500").json()

    assert first["count"] > 8 and len(first["results"]) == 4 and first["next"].endswith("page=2&page_size=4")
    assert len(last["results"]) == first["count"] - 4 * (pages - 1) and last["next"] is None
    assert len(everything["results"]) == first["count"]



@pytest.mark.django_db
def test_a_claim_gives_the_side_its_cue_takes_on_the_thing_it_names(analyst_api):
    article = ArticleFactory(body="The union backed a ban on imported steel from the northern mills.")
    position = claim_at(
        article, "a ban on imported steel from the northern mills", cue="backed", cue_lemma="back",
        names_thing=True, states_clause=False,
    )  # fmt: skip
    statement = ClaimFactory(article=article)

    assert analyst_api.get(f"/api/v1/claims/{position.pk}/").json()["position"] == "for"
    assert analyst_api.get(f"/api/v1/claims/{statement.pk}/").json()["position"] is None
