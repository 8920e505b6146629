from __future__ import annotations

from datetime import datetime

from django_tasks import task

from alongside.checkins.services import reminders_send_due


@task()
def send_checkin_reminders(now: str | None = None) -> int:
    """Periodic (every 5 minutes): sends the check-in reminders due now. `now` (ISO 8601 with
    an offset) is for replaying a run; the scheduler passes nothing."""
    moment = datetime.fromisoformat(now) if now else None
    if moment is not None and moment.tzinfo is None:
        raise ValueError("`now` needs a UTC offset, e.g. 2026-11-23T20:00:00+00:00")
    return reminders_send_due(now=moment)
