"""One CSV column set for claims: the claims page's download and the API's ?format=csv agree."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from tests.factories import ClaimFactory

# Pinned: changing the columns breaks every spreadsheet and script that reads them.
CLAIM_CSV_HEADER = (
    "id,claim_date,speaker,speaker_mention,affiliation,cue,cue_class,type,polarity,"
    "review_status,content,article_id,article_title,outlet,url"
)

pytestmark = pytest.mark.django_db


def _lines(body: bytes) -> list[str]:
    return body.decode().splitlines()


def test_the_ui_download_has_the_pinned_header(analyst_client):
    response = analyst_client.get(reverse("claims:export_csv"))
    assert _lines(b"".join(response.streaming_content))[0] == CLAIM_CSV_HEADER


@pytest.mark.parametrize("url", ["/api/v1/claims/?format=csv", "/api/v1/claims/?format=csv&q=nothing-matches-this"])
def test_the_api_csv_has_the_same_header_also_when_empty(analyst_client, url):
    ClaimFactory()
    assert _lines(analyst_client.get(url).content)[0] == CLAIM_CSV_HEADER


def test_the_ui_and_api_rows_are_the_same(analyst_client):
    claim = ClaimFactory(speaker=None, speaker_mention="officials")
    ui = list(
        csv.DictReader(
            io.StringIO(b"".join(analyst_client.get(reverse("claims:export_csv")).streaming_content).decode())
        )
    )
    api = list(csv.DictReader(io.StringIO(analyst_client.get("/api/v1/claims/?format=csv").content.decode())))
    assert ui == api
    assert ui[0]["id"] == str(claim.pk) and ui[0]["speaker"] == ""


def test_other_lists_keep_their_columns_when_empty(analyst_client):
    header = _lines(analyst_client.get("/api/v1/speakers/?format=csv&q=nobody").content)[0]
    assert header.startswith("id,url,name,")
