"""Every list answers with the same number of queries whatever the page size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

LISTS = [
    "/api/v1/claims/",
    "/api/v1/claims/?format=csv",
    "/api/v1/claims/?format=jsonld",
    "/api/v1/claims/?q=talks&ordering=-date",
    "/api/v1/speakers/",
    "/api/v1/speakers/{speaker}/claims/",
    "/api/v1/articles/",
    "/api/v1/outlets/",
    "/api/v1/relations/",
    "/api/v1/disputes/",
    "/api/v1/claims/{claim}/agreeing/",
    "/api/v1/claims/{claim}/conflicting/",
]


def _queries(client, url: str) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content
    rows = response.json()["results"] if "format=" not in url else None
    return len(captured), len(rows) if rows is not None else -1


@pytest.mark.parametrize("template", LISTS)
def test_queries_do_not_grow_with_the_page_size(analyst_api, many_claims, template):
    url = template.format(speaker=many_claims[0].speaker_id, claim=many_claims[0].pk)
    joiner = "&" if "?" in url else "?"
    small, small_rows = _queries(analyst_api, f"{url}{joiner}page_size=1")
    large, large_rows = _queries(analyst_api, f"{url}{joiner}page_size=20")
    assert small == large
    assert small_rows <= 1 and (large_rows == -1 or large_rows > 1)


def test_a_job_with_more_items_takes_no_more_queries(curator_api, many_claims):
    from pipeline.models import IngestItem, IngestJob

    def job_of(n: int) -> str:
        job = IngestJob.objects.create(state=IngestJob.State.DONE, total=n)
        for claim in many_claims[:n]:
            IngestItem.objects.create(job=job, name=f"item {claim.pk}", outcome=IngestItem.Outcome.CREATED, article=claim.article)
        return f"/api/v1/ingest/jobs/{job.pk}/"

    one, three = job_of(1), job_of(3)
    with CaptureQueriesContext(connection) as small:
        assert len(curator_api.get(one).json()["items"]) == 1
    with CaptureQueriesContext(connection) as large:
        assert len(curator_api.get(three).json()["items"]) == 3
    assert len(small) == len(large)
