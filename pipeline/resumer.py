"""Each worker looks for work a dead worker left behind: when it starts, and then every little while.

The README's one-machine setup runs workers and no ``celery beat``; with this, a worker restarted
after ``kill -9`` picks up the lost items within about ``CLAIMTRACK_STALLED_AFTER`` seconds. The
sweep is safe to run from many workers and from beat at once (``ingest_jobs_resume``).
"""

from __future__ import annotations

import logging
import threading
from datetime import timedelta

from django.conf import settings
from django.db import close_old_connections

logger = logging.getLogger(__name__)
_started = threading.Event()


def resumer_start() -> None:
    """Sweep once now, then every ``CLAIMTRACK_RESUME_EVERY`` seconds in a daemon thread of this process."""
    every = settings.CLAIMTRACK_RESUME_EVERY
    if every <= 0 or _started.is_set():
        return
    _started.set()
    threading.Thread(target=_loop, args=(every,), name="claimtrack-resume", daemon=True).start()


def _loop(every: int) -> None:
    from pipeline.services import ingest_jobs_resume

    stalled_for = timedelta(seconds=settings.CLAIMTRACK_STALLED_AFTER)
    while True:
        try:
            if resumed := ingest_jobs_resume(stalled_for=stalled_for):
                logger.warning("queued again %s stalled item(s)/article(s) that no worker was working on", resumed)
        except Exception:  # the database may be restarting: try again next round
            logger.exception("resuming stalled work failed")
        finally:
            close_old_connections()
        threading.Event().wait(every)
