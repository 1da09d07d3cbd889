"""A soft time limit for work run outside a Celery worker (eager tasks in the CLI or a test)."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from celery.exceptions import SoftTimeLimitExceeded


@contextmanager
def soft_time_limit(seconds: float | None) -> Iterator[None]:
    """Raise `SoftTimeLimitExceeded` inside the block once it has run ``seconds``, as a worker would.

    Only the main thread can take a signal: elsewhere (a threaded development server) the block
    runs without a limit. A block inside another runs under the outer block's limit (one
    process-wide alarm): an eager task that runs the next stage at commit shares its budget.
    """
    main = threading.current_thread() is threading.main_thread()
    if not seconds or not main or signal.getitimer(signal.ITIMER_REAL)[0] > 0:
        yield
        return

    def expire(signum, frame):
        raise SoftTimeLimitExceeded(f"took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
