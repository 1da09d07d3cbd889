"""Is the task queue reachable? Asked before queueing, so nobody waits on a broker that is down."""

from __future__ import annotations

from kombu.exceptions import OperationalError as KombuOperationalError

from common.exceptions import ApplicationError

# Seconds to wait for the broker before telling the user it is down.
BROKER_CHECK_TIMEOUT = 3.0


class BrokerUnavailable(ApplicationError):
    """The task queue (Redis) does not answer: nothing was queued."""


def broker_check() -> None:
    """Raise `BrokerUnavailable` within a few seconds when the configured broker is unreachable.

    With no broker configured tasks run eagerly in-process, and there is nothing to check.
    """
    from claimtrack.celery import app

    if app.conf.task_always_eager:
        return
    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=BROKER_CHECK_TIMEOUT)
    except (KombuOperationalError, OSError) as exc:
        raise BrokerUnavailable(
            f"The task queue at {_safe_url(app.conf.broker_url)} is not reachable ({exc}). "
            "Start Redis, or unset CELERY_BROKER_URL to ingest in-process.",
            extra={"broker": _safe_url(app.conf.broker_url)},
        ) from exc


def _safe_url(url: str | None) -> str:
    from kombu.utils.url import maybe_sanitize_url

    return maybe_sanitize_url(url or "") or "(none)"
