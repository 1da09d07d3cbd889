"""Which units of work a live process is working on right now: a PostgreSQL session lock per unit.

A stage task holds an advisory lock on its item or article while it runs. The lock belongs to the
database session, so it goes when the task ends and also when its worker dies (``kill -9`` closes
the connection). Work that waits without a lock and without progress was lost with a worker, and
``queue.ingest_jobs_resume`` queues it again; work under a lock is running and is left alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import DatabaseError, connection

# The first of the two advisory-lock keys, one per kind of unit (any two numbers no one else uses).
UNIT_KINDS = {"item": 71_001, "article": 71_002}


@contextmanager
def unit_claimed(kind: str, unit_id: int) -> Iterator[bool]:
    """True inside when this process now works on the unit; False when another one already does."""
    key = [UNIT_KINDS[kind], unit_id]
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s::int)", key)
        mine = cursor.fetchone()[0]
    try:
        yield mine
    finally:
        if mine and connection.connection is not None:  # a closed connection let go of it already
            _unlock(key)


def _unlock(key: list[int]) -> None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s, %s::int)", key)
    except DatabaseError:  # inside a failed transaction: the lock goes with the session instead
        pass


def not_worked_on_sql(kind: str, id_column: str, *, negate: bool = True) -> tuple[str, list[int]]:
    """A WHERE condition (for ``QuerySet.extra``) true for the rows no live session holds the lock of.

    With ``negate=False``: true for the rows some live session works on.
    """
    sql = (
        ("NOT " if negate else "")
        + "EXISTS (SELECT 1 FROM pg_locks AS held WHERE held.locktype = 'advisory' AND held.granted"
        " AND held.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
        f" AND held.classid = %s::oid AND held.objid::bigint = {id_column} AND held.objsubid = 2)"
    )
    return sql, [UNIT_KINDS[kind]]
