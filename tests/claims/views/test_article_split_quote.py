"""A split quote on the article page: its parts are the claim's link, its attribution is not."""

import pytest

from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db


def test_the_attribution_between_a_split_quotes_parts_is_not_linked(analyst_client):
    body = "“The pier is closed,” said the harbor master on Sunday. “Boats must anchor outside.”"
    start, end = 1, body.index("outside.") + len("outside.")
    claim = ClaimFactory(
        article=ArticleFactory(body=body),
        content_start=start,
        content_end=end,
        content="The pier is closed \u2026 Boats must anchor outside.",
    )
    html = analyst_client.get(claim.article.get_absolute_url()).content.decode()
    link = f'href="{claim.get_absolute_url()}"'
    assert html.count(link) == 2
    assert f'id="claim-{claim.pk}"' in html
    assert ">The pier is closed</a>" in html and ">Boats must anchor outside.</a>" in html
    between = html.split(">The pier is closed</a>", 1)[1].split("<a ", 1)[0]
    assert "said the harbor master on Sunday" in between
