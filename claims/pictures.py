"""Geometry for the server-drawn pictures (SVG in templates): time bins, bars, heatmap colours.

Pure functions of counts and dates, no database: the selectors count (in SQL), these place the
counts on a canvas, the ``templates/claims/_*.html`` partials draw them and repeat the numbers
as text (``<title>``, aria-labels and a "Show as table" table).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

DAY, WEEK, MONTH = "day", "week", "month"
# The finest unit that keeps a span to a readable number of bars (at most about 45 days or 40 weeks).
MAX_DAYS_BY_DAY = 45
MAX_DAYS_BY_WEEK = 280
UNIT_LABEL = {DAY: "day", WEEK: "week", MONTH: "month"}

# Canvas sizes in SVG user units; the SVG scales to its box (viewBox), so these are proportions.
CHART_WIDTH = 720
HISTOGRAM_HEIGHT = 80
TIMELINE_HALF = 70  # bar height above (supports) and below (refutes) the time axis
MAX_BAR_WIDTH = 40  # a few bins should not turn into slabs


def _slot(index: int, count: int) -> tuple[float, float]:
    """(x, width) of bar ``index`` of ``count`` across the canvas, centred in its share."""
    step = CHART_WIDTH / count
    width = min(max(step * 0.85, 1), MAX_BAR_WIDTH)
    return round(index * step + (step - width) / 2, 2), round(width, 2)


def time_unit(first: datetime.date | None, last: datetime.date | None) -> str:
    """Day, week or month bars for dates from ``first`` to ``last``."""
    if first is None or last is None:
        return MONTH
    span = (last - first).days
    return DAY if span <= MAX_DAYS_BY_DAY else WEEK if span <= MAX_DAYS_BY_WEEK else MONTH


def bin_start(day: datetime.date, unit: str) -> datetime.date:
    """The first day of ``day``'s bin: the day, its Monday (as PostgreSQL's date_trunc('week')), its month's 1st."""
    if unit == DAY:
        return day
    if unit == WEEK:
        return day - datetime.timedelta(days=day.weekday())
    return day.replace(day=1)


def next_bin(start: datetime.date, unit: str) -> datetime.date:
    if unit == DAY:
        return start + datetime.timedelta(days=1)
    if unit == WEEK:
        return start + datetime.timedelta(days=7)
    return (start.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def bins_between(first: datetime.date, last: datetime.date, unit: str) -> list[datetime.date]:
    """Every bin start from ``first``'s bin to ``last``'s, empty bins included (a continuous axis)."""
    starts, current = [], bin_start(first, unit)
    while current <= last:
        starts.append(current)
        current = next_bin(current, unit)
    return starts


def bin_label(start: datetime.date, unit: str) -> str:
    if unit == MONTH:
        return start.strftime("%b %Y")
    prefix = "Week of " if unit == WEEK else ""
    return f"{prefix}{start.day} {start.strftime('%b %Y')}"


@dataclass(frozen=True)
class Bar:
    """One bar: its period (``start`` to ``end`` inclusive), count and place on the canvas."""

    start: datetime.date
    end: datetime.date
    label: str
    count: int
    x: float
    y: float  # the bar's top (SVG y grows downwards)
    width: float
    height: float


def histogram_bars(counts: dict[datetime.date, int], unit: str, height: int = HISTOGRAM_HEIGHT) -> list[Bar]:
    """Bars for ``counts`` per bin start, every bin between the first and last shown."""
    if not counts:
        return []
    starts = bins_between(min(counts), max(counts), unit)
    peak = max(counts.values()) or 1
    bars = []
    for i, start in enumerate(starts):
        x, width = _slot(i, len(starts))
        count = counts.get(start, 0)
        bars.append(Bar(start=start, end=next_bin(start, unit) - datetime.timedelta(days=1),
                        label=bin_label(start, unit), count=count, x=x, y=round(height * (1 - count / peak), 2),
                        width=width, height=round(height * count / peak, 2)))  # fmt: skip
    return bars


def bin_counts(days: Iterable[datetime.date], unit: str) -> dict[datetime.date, int]:
    counts: dict[datetime.date, int] = {}
    for day in days:
        start = bin_start(day, unit)
        counts[start] = counts.get(start, 0) + 1
    return counts


def side_bars(supports: Sequence[datetime.date], refutes: Sequence[datetime.date]) -> tuple[str, list[dict]]:
    """The dispute timeline: per bin, a supports bar above the axis and a refutes bar below.

    Returns the unit and ``{"start", "end", "label", "x", "width", "supports", "refutes",
    "up", "down"}`` per bin (``up``/``down`` are bar heights), one peak for both sides.
    """
    dated = [*supports, *refutes]
    if not dated:
        return MONTH, []
    unit = time_unit(min(dated), max(dated))
    ups, downs = bin_counts(supports, unit), bin_counts(refutes, unit)
    starts = bins_between(min(dated), max(dated), unit)
    peak = max([*ups.values(), *downs.values()])
    bins = []
    for i, start in enumerate(starts):
        up, down = ups.get(start, 0), downs.get(start, 0)
        x, width = _slot(i, len(starts))
        bins.append({
            "start": start, "end": next_bin(start, unit) - datetime.timedelta(days=1), "label": bin_label(start, unit),
            "x": x, "width": width, "centre": round(x + width / 2, 2),
            "supports": up, "refutes": down,
            "up": round(TIMELINE_HALF * up / peak, 2), "down": round(TIMELINE_HALF * down / peak, 2),
        })  # fmt: skip
    return unit, bins


def bin_centre(bins: list[dict], day: datetime.date) -> float | None:
    """Where on the timeline ``day`` falls: the centre of its bin."""
    for entry in bins:
        if entry["start"] <= day <= entry["end"]:
            return entry["centre"]
    return None


# Heatmap: hue from the share of agreements (red all conflict, green all agree), lightness from
# how busy the cell is relative to the busiest (square root, so quiet cells still show).
HUE_CONFLICT, HUE_AGREE = 4, 140
LIGHT_QUIET, LIGHT_BUSY = 94, 64


def heat_colour(agree: int, conflict: int, peak: int) -> str:
    """A CSS colour for a matrix cell with ``agree`` and ``conflict`` links (``peak`` = busiest cell)."""
    total = agree + conflict
    if total <= 0:
        return "transparent"
    hue = HUE_CONFLICT + (HUE_AGREE - HUE_CONFLICT) * agree / total
    busy = (total / max(peak, total)) ** 0.5
    light = LIGHT_QUIET - (LIGHT_QUIET - LIGHT_BUSY) * busy
    return f"hsl({hue:.0f} 70% {light:.0f}%)"


def heat_legend(peak: int) -> list[dict]:
    """Legend swatches: all agree / even / all conflict, for a quiet and the busiest cell."""
    quiet = max(1, peak // 10)
    return [
        {
            "label": label,
            "quiet": heat_colour(a * quiet, c * quiet, peak),
            "busy": heat_colour(a * peak, c * peak, peak),
        }
        for label, a, c in (("All agree", 1, 0), ("As many of each", 1, 1), ("All conflict", 0, 1))
    ]
