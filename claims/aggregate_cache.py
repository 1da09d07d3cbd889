"""Aggregates over the whole knowledge base (facet counts, the matrix, the most contested
disputes, home counts), cached until the data they read changes.

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


def data_version() -> str:
    """The knowledge base's version: changes whenever a write to it commits (or is made by us)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT sum(n), txid_current_if_assigned() FROM claims_data_version")
        total, own_transaction = cursor.fetchone()
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
