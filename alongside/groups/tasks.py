from __future__ import annotations

from django_tasks import task

from alongside.groups.services import meeting_reminders_send


@task()
def send_meeting_reminders() -> int:
    """Every ten minutes: reminders for meetings starting within two hours, each sent once."""
    return meeting_reminders_send()
