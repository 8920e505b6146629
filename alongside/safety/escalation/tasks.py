from __future__ import annotations

from django_tasks import task

from alongside.safety.escalation import services


@task()
def escalation_check(incident_id: int, step: int) -> bool:
    """The acknowledgement timer of one alert step: escalates when nobody answered in time."""
    return services.escalate_if_due(incident_id=incident_id, step=step)


@task()
def escalation_sweep() -> int:
    """Safety net behind the timers: escalates anything overdue whose timer job was lost."""
    return services.escalation_sweep()
