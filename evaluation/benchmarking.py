"""Server-side request timing for the page and API benchmark commands."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.aggregate_cache import data_version_bump


@dataclass(frozen=True)
class RequestFigures:
    """Medians over repeated requests. Warm: cached aggregates in place; cold: right after a write."""

    warm_ms: float
    cold_ms: float
    cpu_ms: float  # this process's CPU time (warm): other load on a shared machine does not inflate it
    queries: str  # "warm/cold"

    def row(self, label: str, width: int = 46) -> str:
        return f"{label:<{width}} {self.warm_ms:>8.1f} {self.cold_ms:>8.1f} {self.cpu_ms:>7.1f} {self.queries:>8}"


def header(first: str, width: int = 46) -> str:
    return f"{first:<{width}} {'warm ms':>8} {'cold ms':>8} {'cpu ms':>7} {'queries':>8}"


def measure_requests(client, url: str, repeat: int, write: Callable[[], None] | None = None) -> RequestFigures:
    """``write`` makes the write that precedes each cold request (default: move the data version only)."""
    client.get(url)  # warm-up: templates, lazy imports, the database's caches, cached aggregates
    warm = [_timed(client, url) for _ in range(max(1, repeat))]
    cold = [_timed(client, url, write=write or data_version_bump) for _ in range(max(1, repeat))]
    return RequestFigures(
        warm_ms=statistics.median(ms for ms, _, _ in warm),
        cold_ms=statistics.median(ms for ms, _, _ in cold),
        cpu_ms=statistics.median(cpu for _, cpu, _ in warm),
        queries=f"{warm[-1][2]}/{cold[-1][2]}",
    )


def _timed(client, url: str, write: Callable[[], None] | None = None) -> tuple[float, float, int]:
    """(wall ms, CPU ms, queries) of one request; ``write`` (untimed) first invalidates cached aggregates."""
    if write is not None:
        write()
    with CaptureQueriesContext(connection) as queries:
        started, cpu_started = time.perf_counter(), time.process_time()
        response = client.get(url)
        elapsed, cpu = (time.perf_counter() - started) * 1000, (time.process_time() - cpu_started) * 1000
    if response.status_code != 200:
        raise CommandError(f"{url} answered {response.status_code}: {response.content[:200]!r}")
    return elapsed, cpu, len(queries)
