"""Template context for the pictures (histogram, heatmap, dispute timeline, position changes).

Kept apart from ``claims.views`` so that each view adds its picture in a line; the partials
``templates/claims/_histogram.html``, ``_heatmap_legend.html``, ``_dispute_timeline.html`` and
``_position_changes.html`` draw what these return.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import QueryDict

from claims.models import Claim, PropositionMember
from claims.pictures import (
    CHART_WIDTH,
    HISTOGRAM_HEIGHT,
    TIMELINE_HALF,
    UNIT_LABEL,
    bin_centre,
    heat_colour,
    heat_legend,
    histogram_bars,
    side_bars,
)
from claims.selectors.histogram import claims_over_time
from claims.selectors.positions import PositionChange, position_change_rows

# Position changes a page lists (the newest); the count says how many there are in all.
CHANGES_SHOWN = 20


def histogram_context(*, queryset: QuerySet[Claim], facets: dict, params: QueryDict) -> dict:
    """``{"unit", "bars", "total", "width", "height", "base_query"}``: the result's claims over time.

    ``base_query`` is the page's query without dates and page, for the bars' links that filter
    the result to a bar's period.
    """
    unit, counts = claims_over_time(queryset=queryset, facets=facets)
    rest = params.copy()
    for key in ("date_from", "date_to", "page"):
        rest.pop(key, None)
    bars = histogram_bars(counts, unit)
    return {
        "unit": UNIT_LABEL[unit], "bars": bars, "total": sum(b.count for b in bars), "width": CHART_WIDTH,
        "height": HISTOGRAM_HEIGHT, "peak": max((b.count for b in bars), default=0), "base_query": rest.urlencode(),
    }  # fmt: skip


def heat_cells(rows: list, peak: int) -> list:
    """The matrix rows with each cell's heatmap colour: ``(row, [(column, cell, colour)])``."""
    return [
        (row, [(col, cell, heat_colour(cell["agree"], cell["conflict"], peak) if cell else "") for col, cell in cells])
        for row, cells in rows
    ]


def heat_legend_context(peak: int) -> dict:
    return {"swatches": heat_legend(peak), "peak": peak}


def dispute_timeline_context(*, members: list[PropositionMember], changes: list[PositionChange]) -> dict:
    """The dispute's claims per period on each side, with a marker where a speaker changed side.

    ``{"unit", "bins", "undated", "markers", "changes", "change_total", "width", "half"}``;
    ``bins`` as ``claims.pictures.side_bars``, ``changes`` as ``position_change_rows``.
    """

    def days(side: str) -> list:
        return [m.claim.claim_date for m in members if m.side == side and m.claim.claim_date]

    unit, bins = side_bars(days(PropositionMember.Side.SUPPORTS), days(PropositionMember.Side.REFUTES))
    shown = position_change_rows(changes[-CHANGES_SHOWN:])
    markers = []
    for row in shown:
        x = bin_centre(bins, row["change"].after.day)
        if x is not None:
            markers.append({**row, "x": x})
    return {
        "unit": UNIT_LABEL[unit], "bins": bins, "undated": sum(1 for m in members if not m.claim.claim_date),
        "markers": markers, "changes": shown, "change_total": len(changes), "width": CHART_WIDTH,
        "half": TIMELINE_HALF,
    }  # fmt: skip


def speaker_changes_context(changes: list[PositionChange]) -> dict:
    """The newest ``CHANGES_SHOWN`` of a speaker's position changes, newest first, and how many in all."""
    return {"changes": position_change_rows(changes[-CHANGES_SHOWN:])[::-1], "change_total": len(changes)}
