"""Lists as CSV, claims as schema.org JSON-LD."""

import csv
import io


def test_claims_as_csv_have_one_row_per_claim(analyst_api, world):
    response = analyst_api.get(f"/api/v1/claims/?format=csv&speaker={world.kirby.pk}")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert sorted(row["content"] for row in rows) == [
        "Civilians died in the strikes on Talbiseh.",
        "No ISIS positions were hit by the Russian strikes.",
    ]
    assert {row["speaker"] for row in rows} == {"John Kirby"}
    assert {row["outlet"] for row in rows} == {"CNN", "The Hill"}


def test_csv_is_also_chosen_by_the_accept_header(analyst_api, world):
    response = analyst_api.get("/api/v1/speakers/", HTTP_ACCEPT="text/csv")
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.decode().splitlines()[0].startswith("id,url,name,")


def test_csv_cells_cannot_start_a_spreadsheet_formula(analyst_api, world):
    world.otto.name = "=HYPERLINK(\"http://evil\")"
    world.otto.save()
    rows = list(csv.DictReader(io.StringIO(analyst_api.get("/api/v1/speakers/?format=csv").content.decode())))
    assert "'=HYPERLINK(\"http://evil\")" in {row["name"] for row in rows}


def test_a_claim_as_json_ld_is_a_schema_org_claim(analyst_api, world):
    claim = world.claims["no_isis"]
    response = analyst_api.get(f"/api/v1/claims/{claim.pk}/?format=jsonld")
    assert response["Content-Type"].startswith("application/ld+json")
    doc = response.json()
    assert doc["@context"] == "https://schema.org"
    assert doc["@type"] == "Claim"
    assert doc["text"] == claim.content
    assert doc["author"] == {"@type": "Person", "name": "John Kirby", "jobTitle": "State Department spokesman",
                             "affiliation": {"@type": "Organization", "name": "United States"}}  # fmt: skip
    assert doc["appearance"]["@type"] == "NewsArticle"
    assert doc["appearance"]["headline"] == "Strikes in Syria"
    assert doc["appearance"]["publisher"] == {"@type": "Organization", "name": "CNN"}
    assert doc["datePublished"] == "2015-09-30"
    assert doc["@id"].endswith(f"/api/v1/claims/{claim.pk}/")


def test_a_page_of_claims_as_json_ld_is_an_item_list(analyst_api, world):
    doc = analyst_api.get("/api/v1/claims/?format=jsonld&page_size=2", HTTP_ACCEPT="application/ld+json").json()
    assert doc["@type"] == "ItemList"
    assert [item["@type"] for item in doc["itemListElement"]] == ["Claim", "Claim"]


def test_an_error_asked_for_as_csv_or_json_ld_comes_as_json(analyst_api, world):
    for fmt in ("csv", "jsonld"):
        response = analyst_api.get(f"/api/v1/claims/?format={fmt}&type=rumour")
        assert response.status_code == 400
        assert response["Content-Type"] == "application/json"
        assert "type" in response.json()["extra"]["fields"]
