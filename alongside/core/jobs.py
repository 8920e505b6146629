"""Periodic jobs: what the scheduler enqueues, and how often.

Each entry names a django-tasks task. The scheduler only enqueues; the worker runs them, so a
job survives a restart of either process.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    task_path: str
    every: timedelta


def periodic_jobs() -> list[PeriodicJob]:
    return [
        PeriodicJob(
            "worker-heartbeat",
            "alongside.core.tasks.worker_heartbeat",
            timedelta(seconds=settings.WORKER_HEARTBEAT_SECONDS),
        ),
        # Anchors the audit log outside the database (core.audit_anchor): at least every minute.
        PeriodicJob("audit-checkpoint", "alongside.core.tasks.audit_checkpoint", timedelta(minutes=1)),
        PeriodicJob(
            "expired-invitations", "alongside.accounts.tasks.drop_expired_invitations", timedelta(days=1)
        ),
        PeriodicJob("expired-api-tokens", "alongside.api.tasks.drop_expired_tokens", timedelta(days=1)),
        PeriodicJob("account-deletions", "alongside.accounts.tasks.carry_out_deletions", timedelta(hours=1)),
        PeriodicJob(
            "checkin-reminders", "alongside.checkins.tasks.send_checkin_reminders", timedelta(minutes=5)
        ),
        # Safety net behind each urgent alert's own timer job (see safety.escalation.tasks).
        PeriodicJob(
            "crisis-escalation-sweep",
            "alongside.safety.escalation.tasks.escalation_sweep",
            timedelta(seconds=30),
        ),
        PeriodicJob(
            "plan-review-reminders", "alongside.plans.tasks.send_plan_review_reminders", timedelta(hours=1)
        ),
        PeriodicJob(
            "meeting-reminders", "alongside.groups.tasks.send_meeting_reminders", timedelta(minutes=10)
        ),
    ]
