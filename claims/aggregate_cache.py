"""Aggregates over the whole knowledge base (facet counts, the matrix, the most contested
disputes, home counts), cached until the data they read changes.

Most of them are read from summary tables that PostgreSQL keeps exact at every commit
(``claims.selectors.summaries``), so computing one again after a write is cheap; the cache
spares even that on the many requests between writes, and holds the aggregates that still
scan rows (facets of a filtered result, a speaker's months and disputes).

Every statement that writes an article, claim, speaker, relation, dispute or dispute member
moves a counter in PostgreSQL (triggers of migration ``claims.0004_data_version_counter``, so
bulk writes, the admin, raw SQL and every service count alike). A cached value is stored under
that counter's value: the first request after a write computes it again, the others read it.

Why it stays correct: the counter is read *before* the aggregate, in its own snapshot, and it
only moves when a write commits. A write that commits in between makes the stored value fresher
than its key, never staler; the next reader sees a new counter and recomputes. A transaction
that has written itself (tests, a request that writes) also keys by its transaction id, so what
it sees of its own uncommitted rows is never served to anyone else.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import connection

T = TypeVar("T")
# Long enough to outlive quiet periods; a new counter value makes old entries unreachable anyway.
TIMEOUT_SECONDS = 24 * 3600


# The version, and whether this transaction has written. A transaction that has written first
# brings the summary tables up to date with its own writes (other transactions' are folded in as
# they commit), in the same statement: still one query per aggregate read.
_VERSION_SQL = """
    SELECT sum(n), txid_current_if_assigned(),
           CASE WHEN txid_current_if_assigned() IS NOT NULL THEN claims_agg_apply()::text END
    FROM claims_data_version
"""


def data_version() -> str:
    """The knowledge base's version: changes whenever a write to it commits (or is made by us).

    Folding in our own writes takes the summaries' lock until this transaction ends, as the
    commit would for a moment: fine in tests and in a request that writes; a request that only
    reads never takes it.
    """
    with connection.cursor() as cursor:
        cursor.execute(_VERSION_SQL)
        total, own_transaction, _ = cursor.fetchone()
    return f"{total}" if own_transaction is None else f"{total}-t{own_transaction}"


def cached_aggregate(name: str, compute: Callable[[], T], *key_parts: object) -> T:
    """``compute()``, or its result from the cache if nothing was written since it was computed.

    ``key_parts`` tell apart the variants of one aggregate (filters, limits); they are hashed.
    One query (the version) on a hit, one plus ``compute``'s on a miss.
    """
    parts = hashlib.sha256(repr(key_parts).encode()).hexdigest()[:32]
    key = f"claimtrack:{name}:{connection.settings_dict['NAME']}:{data_version()}:{parts}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT_SECONDS)
    return value


def data_version_bump() -> None:
    """Move the version as a write would (benchmarks use it to measure the first request after one)."""
    with connection.cursor() as cursor:
        cursor.execute("UPDATE claims_data_version SET n = n + 1 WHERE slot = 0")
