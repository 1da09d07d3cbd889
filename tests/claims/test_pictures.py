"""claims.pictures: time bins and bar geometry for the server-drawn charts (no database)."""

import datetime

import pytest

from claims.pictures import (
    DAY,
    HISTOGRAM_HEIGHT,
    MONTH,
    WEEK,
    bin_start,
    bins_between,
    heat_colour,
    histogram_bars,
    side_bars,
    time_unit,
)

D = datetime.date


def test_the_unit_follows_the_span():
    assert time_unit(D(2015, 10, 1), D(2015, 10, 20)) == DAY
    assert time_unit(D(2015, 10, 1), D(2016, 1, 20)) == WEEK
    assert time_unit(D(2015, 1, 1), D(2016, 12, 31)) == MONTH


def test_weeks_start_on_monday_as_in_postgresql_and_months_on_the_first():
    assert bin_start(D(2015, 10, 4), WEEK) == D(2015, 9, 28)
    assert bin_start(D(2015, 10, 4), MONTH) == D(2015, 10, 1)


def test_bins_cover_the_span_with_empty_bins_between():
    assert bins_between(D(2015, 11, 15), D(2016, 2, 3), MONTH) == [
        D(2015, 11, 1),
        D(2015, 12, 1),
        D(2016, 1, 1),
        D(2016, 2, 1),
    ]
    bars = histogram_bars({D(2015, 10, 1): 4, D(2015, 10, 3): 2}, DAY)
    assert [b.count for b in bars] == [4, 0, 2]
    assert bars[0].height == HISTOGRAM_HEIGHT and bars[0].y == 0 and bars[2].height == HISTOGRAM_HEIGHT / 2
    assert bars[2].end == D(2015, 10, 3)


def test_the_timeline_puts_each_side_on_one_scale():
    unit, bins = side_bars([D(2015, 10, 1)] * 3, [D(2015, 10, 2)])
    assert unit == DAY
    assert [(b["supports"], b["refutes"]) for b in bins] == [(3, 0), (0, 1)]
    assert bins[0]["up"] == pytest.approx(3 * bins[1]["down"], abs=0.05)


def test_heat_runs_from_red_conflict_to_green_agreement_and_darkens_with_links():
    assert heat_colour(0, 0, 10) == "transparent"
    assert heat_colour(0, 10, 10).startswith("hsl(4 ") and heat_colour(10, 0, 10).startswith("hsl(140 ")
    assert heat_colour(1, 0, 10) != heat_colour(10, 0, 10)
