"""find_dateline / raw_article_without_dateline: a wire dateline becomes place, date and outlet."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from articles.ingest.metadata import find_dateline, raw_article_without_dateline
from articles.ingest.types import RawArticle

TODAY = datetime(2026, 12, 3, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "place", "outlet", "date", "rest"),
    [
        ("ROTTERDAM, March 3 (Reuters) - The minister said it.", "ROTTERDAM", "Reuters", "2026-03-03", "The minister"),
        ("Quay talks fail\nMOSCOW (Reuters) - Officials said so.", "MOSCOW", "Reuters", None, "Officials"),
        ("LONDON, May 2, 2016 - The union said no.", "LONDON", "", "2016-05-02", "The union"),
        ("NEW YORK, Dec 30 (AP) — Police said so.", "NEW YORK", "Associated Press", "2025-12-30", "Police"),
        ("Washington CNN — U.S. officials said Thursday.", "Washington", "CNN", None, "U.S. officials"),
    ],
)
def test_a_dateline_gives_place_outlet_and_date(text, place, outlet, date, rest):
    dateline = find_dateline(text, today=TODAY)
    assert (dateline.place, dateline.outlet) == (place, outlet)
    assert (dateline.published_at.date().isoformat() if dateline.published_at else None) == date
    assert text[dateline.end :].startswith(rest)


@pytest.mark.parametrize(
    "text",
    [
        "The minister said - and meant - no.",
        "Reuters - a wire.",
        "March 3 (Reuters) - x",
        "Body text\n\n\n\nLONDON (AP) - late",
    ],
)
def test_text_without_a_dateline_at_its_start_has_none(text):
    assert find_dateline(text, today=TODAY) is None


def test_the_dateline_leaves_the_text_and_given_metadata_wins():
    raw = RawArticle(
        text="ROTTERDAM, March 3 (Reuters) - The minister said it.", name="x", source_kind="paste", outlet="Own"
    )
    cut = raw_article_without_dateline(raw, today=TODAY)
    assert (cut.text, cut.place, cut.outlet, cut.published_at.day) == ("The minister said it.", "ROTTERDAM", "Own", 3)


def test_a_headline_with_a_bracket_and_a_dash_is_not_a_dateline():
    assert find_dateline("President Obama (Democrat) - a profile", today=TODAY) is None
