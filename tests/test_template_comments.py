"""Django's {# #} comment ends on its own line; one that runs on is printed on the page."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.factories import ArticleFactory, SpeakerFactory, claim_at

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def test_no_template_starts_a_one_line_comment_it_does_not_close_on_that_line():
    runaway = [
        f"{path.relative_to(TEMPLATES)}:{number}"
        for path in sorted(TEMPLATES.rglob("*.html"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "{#" in line and "#}" not in line[line.index("{#") :]
    ]
    assert runaway == []


@pytest.mark.django_db
def test_the_claim_page_with_its_watch_button_shows_no_template_text(analyst_client):
    article = ArticleFactory(body="The mayor said that the bridge will reopen in May.")
    claim = claim_at(article, "the bridge will reopen in May", speaker=SpeakerFactory(name="Mayor Ana Ruiz"))

    page = analyst_client.get(claim.get_absolute_url()).content.decode()

    assert 'class="watch-button"' in page
    assert "{#" not in page and "#}" not in page
