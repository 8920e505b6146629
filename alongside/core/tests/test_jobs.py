from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from alongside.core.health import check_worker
from alongside.core.models import ScheduledJobState, WorkerHeartbeat
from alongside.core.scheduler import run_due_jobs
from alongside.core.tasks import worker_heartbeat


def test_the_scheduler_enqueues_each_due_job_once(db) -> None:
    now = timezone.now()
    first = run_due_jobs(now)
    assert "worker-heartbeat" in first
    assert run_due_jobs(now + timedelta(seconds=1)) == []  # not due again yet
    later = now + timedelta(seconds=settings.WORKER_HEARTBEAT_SECONDS + 1)
    assert "worker-heartbeat" in run_due_jobs(later)
    assert DBTaskResult.objects.filter(task_path="alongside.core.tasks.worker_heartbeat").count() == 2


def test_a_run_claimed_by_another_scheduler_is_not_enqueued_again(db) -> None:
    now = timezone.now()
    run_due_jobs(now)
    state = ScheduledJobState.objects.get(name="worker-heartbeat")
    # A second scheduler read the old due time but lost the compare-and-set.
    claimed = ScheduledJobState.objects.filter(name="worker-heartbeat", next_run_at=now).update(
        next_run_at=now
    )
    assert claimed == 0
    assert state.next_run_at > now


def test_health_knows_when_the_worker_is_quiet(db) -> None:
    assert not check_worker().ok
    WorkerHeartbeat.objects.create(name="worker", seen_at=timezone.now())
    assert check_worker().ok
    WorkerHeartbeat.objects.filter(name="worker").update(seen_at=timezone.now() - timedelta(hours=1))
    assert not check_worker().ok


def test_healthz_reports_each_check(client, db) -> None:
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"]["ok"] is True
    assert response.json()["checks"]["channel_layer"]["ok"] is True
    assert response.json()["checks"]["worker"]["ok"] is False
    WorkerHeartbeat.objects.create(name="worker", seen_at=timezone.now())
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


@pytest.mark.django_db(transaction=True)
def test_a_job_enqueued_before_a_restart_runs_after_it() -> None:
    """Enqueue while no worker runs (as if it had just stopped), then start a fresh worker
    process: it finds the stored job and runs it."""
    result = worker_heartbeat.enqueue()
    assert DBTaskResult.objects.get(id=result.id).status == "READY"
    database = connection.settings_dict
    env = {**os.environ, "ALONGSIDE_TESTING": "1", "DJANGO_SETTINGS_MODULE": "config.settings"}
    if connection.vendor == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{database['NAME']}"
    else:
        env["DATABASE_URL"] = (
            f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
        )
    completed = subprocess.run(
        [sys.executable, "-m", "alongside", "worker", "--max-tasks", "1", "--interval", "0.1"],
        cwd=Path(settings.BASE_DIR),
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    assert DBTaskResult.objects.get(id=result.id).status == "SUCCESSFUL"
    assert WorkerHeartbeat.objects.filter(name="worker").exists()
