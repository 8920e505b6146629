"""The scheduler: enqueues each periodic job when it falls due.

Due times live in the database. Claiming a run is a compare-and-set on `next_run_at`, so two
schedulers (or one restarted mid-tick) never enqueue the same run twice, and a restarted
scheduler picks up where the last one stopped.
"""

from __future__ import annotations

import logging
import signal
import threading
from datetime import datetime

from django.db import close_old_connections
from django.utils import timezone
from django.utils.module_loading import import_string

from alongside.core.jobs import PeriodicJob, periodic_jobs
from alongside.core.models import ScheduledJobState

logger = logging.getLogger("alongside.scheduler")


def claim_due_run(job: PeriodicJob, now: datetime) -> bool:
    state, _created = ScheduledJobState.objects.get_or_create(name=job.name, defaults={"next_run_at": now})
    if state.next_run_at > now:
        return False
    claimed = ScheduledJobState.objects.filter(name=job.name, next_run_at=state.next_run_at).update(
        next_run_at=now + job.every, last_enqueued_at=now
    )
    return claimed == 1


def run_due_jobs(now: datetime | None = None) -> list[str]:
    """Enqueue every job that is due. Returns the names enqueued."""
    now = now or timezone.now()
    enqueued = []
    for job in periodic_jobs():
        if claim_due_run(job, now):
            import_string(job.task_path).enqueue()
            enqueued.append(job.name)
            logger.info("enqueued %s", job.name)
    return enqueued


def run_forever(tick_seconds: float, stop: threading.Event | None = None) -> None:
    stop = stop or threading.Event()

    def request_stop(signum: int, frame: object) -> None:
        stop.set()

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    logger.info("scheduler started, checking every %ss", tick_seconds)
    while not stop.is_set():
        close_old_connections()
        try:
            run_due_jobs()
        except Exception:
            logger.exception("scheduler tick failed; trying again next tick")
        stop.wait(tick_seconds)
    logger.info("scheduler stopped")
