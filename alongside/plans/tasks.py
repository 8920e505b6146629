from __future__ import annotations

from django_tasks import task

from alongside.plans.services import plan_review_reminders_send


@task()
def send_plan_review_reminders() -> int:
    """Hourly: plan review reminders due now (the day before and on the day, in each person's
    daytime), each sent once."""
    return plan_review_reminders_send()
