"""Race database writers against each other: threads, each with its own connection and transaction.

Use in a transactional test (``@pytest.mark.django_db(transaction=True)``): the threads' rows
must be committed for the others to see them, as they would be between two Celery workers.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from django.db import connection, transaction

TIMEOUT_SECONDS = 30.0


def race(*steps: Callable[[], Any], in_order: bool = False) -> list[Any]:
    """Run every step at once, each in a thread and a transaction of its own; return their results.

    A step commits only once every other step has finished its work or is waiting for a row
    lock (an insert held up by another transaction's uncommitted row with the same key). So
    each step reads the database before any other step's writes are committed: what two
    workers do when they meet the same new speaker or claim pair at the same moment, every
    time rather than by luck. With ``in_order``, a step starts only once the one before it has
    done its work (uncommitted) or waits for a lock: the interleaving is then always the same.
    An exception in a step is raised here, after all threads end.
    """
    count = len(steps)
    start = threading.Barrier(count)
    finished = [threading.Event() for _ in steps]
    pids: list[int | None] = [None] * count
    results: list[Any] = [None] * count
    errors: list[BaseException | None] = [None] * count

    def run(index: int, step: Callable[[], Any]) -> None:
        try:
            pids[index] = _backend_pid()
            start.wait(TIMEOUT_SECONDS)
            if in_order and index:
                _wait_for(index - 1, finished=finished, pids=pids)
            with transaction.atomic():
                results[index] = step()
                finished[index].set()
                _wait_for_others(index, finished, pids)
        except BaseException as exc:  # reported to the test below
            errors[index] = exc
        finally:
            finished[index].set()
            connection.close()  # this thread's own connection

    threads = [threading.Thread(target=run, args=(i, step)) for i, step in enumerate(steps)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT_SECONDS * 2)
    for error in errors:
        if error is not None:
            raise error
    return results


def _backend_pid() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def _wait_for_others(index: int, finished: list[threading.Event], pids: list[int | None]) -> None:
    _wait_for(*[i for i in range(len(pids)) if i != index], finished=finished, pids=pids)


def _wait_for(*others: int, finished: list[threading.Event], pids: list[int | None]) -> None:
    deadline = time.monotonic() + TIMEOUT_SECONDS
    while not all(finished[i].is_set() or _waits_for_a_lock(pids[i]) for i in others):
        if time.monotonic() > deadline:
            raise TimeoutError("the other writers neither finished nor waited for a lock")
        time.sleep(0.02)


def _waits_for_a_lock(pid: int | None) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT EXISTS (SELECT 1 FROM pg_locks WHERE pid = %s AND NOT granted)", [pid])
        return cursor.fetchone()[0]
