"""The acknowledgement timer survives the worker dying between the alert and the deadline."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone
from django_scopes import scope

from alongside.accounts.models import Organization
from alongside.safety.detector import screen
from alongside.safety.escalation import services
from alongside.safety.escalation.models import Alert, EscalationSettings, Incident
from conftest import Persona

URGENT = "I have a plan to end my life tonight"


def worker_env() -> dict[str, str]:
    database = connection.settings_dict
    env = {**os.environ, "ALONGSIDE_TESTING": "1", "DJANGO_SETTINGS_MODULE": "config.settings"}
    if connection.vendor == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{database['NAME']}"
    else:
        env["DATABASE_URL"] = (
            f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
        )
    return env


def start_worker() -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "alongside", "worker", "--interval", "0.2"],
        cwd=Path(settings.BASE_DIR),
        env=worker_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )


@pytest.mark.django_db(transaction=True)
def test_escalation_happens_even_if_the_worker_is_killed_before_the_deadline(
    harbor: Organization, alex: Persona, pat: Persona, morgan: Persona
) -> None:
    with scope(organization=harbor):
        EscalationSettings.objects.create(organization=harbor, acknowledge_within_minutes=1)
    first = start_worker()
    try:
        with scope(organization=harbor):
            incident = services.respond_to_screening(
                participant=alex.membership, screening=screen(URGENT), text=URGENT, source="checkin"
            )
            assert incident is not None
            # Bring the deadline close so the test does not wait a minute; the stored job keeps it.
            deadline = timezone.now() + timedelta(seconds=4)
            Incident.objects.filter(pk=incident.pk).update(next_escalation_at=deadline)
            from django_tasks_db.models import DBTaskResult

            DBTaskResult.objects.filter(task_path__endswith="escalation_check").update(run_after=deadline)
        time.sleep(1)
        os.killpg(first.pid, signal.SIGKILL)  # the worker dies between the alert and the deadline
        first.wait(timeout=10)
        with scope(organization=harbor):
            assert "pat" in set(Alert.objects.values_list("recipient__user__username", flat=True))
            incident.refresh_from_db()
            assert incident.escalation_step == 1
        second = start_worker()  # a fresh process after the crash, as a supervisor would restart
        try:
            waited = 0.0
            while waited < 30:
                with scope(organization=harbor):
                    incident.refresh_from_db()
                if incident.escalation_step >= 2:
                    break
                time.sleep(0.25)
                waited += 0.25
        finally:
            os.killpg(second.pid, signal.SIGKILL)
            second.wait(timeout=10)
    finally:
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGKILL)
    with scope(organization=harbor):
        incident.refresh_from_db()
        assert incident.escalation_step == 2, "the timer was lost with the worker"
        assert incident.next_escalation_at is not None
        escalated = incident.events.get(kind="escalated")
        assert "morgan" in set(Alert.objects.values_list("recipient__user__username", flat=True))
    # The new worker ran the stored timer as soon as it was up: late by its start-up, not more.
    assert escalated.at - deadline < timedelta(seconds=10)
