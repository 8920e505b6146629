from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from alongside.core.models import WorkerHeartbeat

HEARTBEAT_NAME = "worker"


@task()
def audit_checkpoint() -> int:
    """Writes signed checkpoints of the audit chains that moved (every minute)."""
    from alongside.core.audit_anchor import audit_checkpoint_write

    return len(audit_checkpoint_write())


@task()
def worker_heartbeat() -> str:
    """Proves a worker is taking jobs: /healthz reads the time this last ran."""
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(name=HEARTBEAT_NAME, defaults={"seen_at": now})
    return now.isoformat()
