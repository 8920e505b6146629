"""Plan review reminders: the day before and on the day, to participant and peer, once each."""

from __future__ import annotations

import zoneinfo
from datetime import date, datetime, timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope

from alongside.core.models import Notification
from alongside.plans.models import PlanReviewReminder, RecoveryPlan
from alongside.plans.services import plan_review_reminders_send
from alongside.plans.tasks import send_plan_review_reminders

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")
REVIEW = date(2031, 3, 12)


def at(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=NEW_YORK)


@pytest.fixture
def review_planned(alex, pat, harbor):
    for person in (alex, pat):
        person.user.timezone = "America/New_York"
        person.user.save()
    with scope(organization=harbor):
        return RecoveryPlan.objects.create(
            organization=harbor, participant=alex.membership, next_review_on=REVIEW
        )


def send(now: datetime, django_capture_on_commit_callbacks) -> int:
    with django_capture_on_commit_callbacks(execute=True):
        return plan_review_reminders_send(now=now)


def test_both_are_reminded_the_day_before_once(
    review_planned, alex, pat, django_capture_on_commit_callbacks
) -> None:
    day_before = REVIEW - timedelta(days=1)
    assert send(at(day_before, 9), django_capture_on_commit_callbacks) == 2
    assert send(at(day_before, 10), django_capture_on_commit_callbacks) == 0
    assert sorted(m.to[0] for m in mail.outbox) == ["alex@example.org", "pat@example.org"]
    alex_note = Notification.objects.get(user=alex.user)
    assert alex_note.title == "Your plan review is tomorrow"
    assert "recovery" not in mail.outbox[0].subject.lower()
    assert Notification.objects.get(user=pat.user).title == "Plan review with Alex tomorrow"


def test_and_again_on_the_day(review_planned, django_capture_on_commit_callbacks) -> None:
    send(at(REVIEW - timedelta(days=1), 9), django_capture_on_commit_callbacks)
    assert send(at(REVIEW, 9), django_capture_on_commit_callbacks) == 2
    assert send(at(REVIEW, 15), django_capture_on_commit_callbacks) == 0
    kinds = sorted(PlanReviewReminder.objects.with_scopes_disabled().values_list("kind", flat=True))
    assert kinds == ["day_before", "day_before", "day_of", "day_of"]


def test_nobody_is_woken_at_night(review_planned, django_capture_on_commit_callbacks) -> None:
    assert send(at(REVIEW - timedelta(days=1), 6), django_capture_on_commit_callbacks) == 0
    assert send(at(REVIEW - timedelta(days=1), 22), django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []


def test_reviews_further_away_or_past_send_nothing(
    review_planned, django_capture_on_commit_callbacks
) -> None:
    assert send(at(REVIEW - timedelta(days=2), 9), django_capture_on_commit_callbacks) == 0
    assert send(at(REVIEW + timedelta(days=1), 9), django_capture_on_commit_callbacks) == 0


def test_a_moved_review_is_reminded_again(review_planned, harbor, django_capture_on_commit_callbacks) -> None:
    send(at(REVIEW - timedelta(days=1), 9), django_capture_on_commit_callbacks)
    moved = REVIEW + timedelta(days=7)
    with scope(organization=harbor):
        RecoveryPlan.objects.filter(pk=review_planned.pk).update(next_review_on=moved)
    assert send(at(moved - timedelta(days=1), 9), django_capture_on_commit_callbacks) == 2


def test_without_a_peer_only_the_participant_is_reminded(
    alex, harbor, django_capture_on_commit_callbacks
) -> None:
    alex.user.timezone = "America/New_York"
    alex.user.save()
    with scope(organization=harbor):
        RecoveryPlan.objects.create(organization=harbor, participant=alex.membership, next_review_on=REVIEW)
    assert send(at(REVIEW, 9), django_capture_on_commit_callbacks) == 1
    assert Notification.objects.get().body == "You planned to look at your plan on March 12, 2031."


def test_reminders_arrive_in_each_persons_language(
    review_planned, alex, django_capture_on_commit_callbacks
) -> None:
    alex.user.language = "es"
    alex.user.save()
    send(at(REVIEW, 9), django_capture_on_commit_callbacks)
    assert "12 de marzo de 2031" in Notification.objects.get(user=alex.user).body
    assert "March 12, 2031" in Notification.objects.exclude(user=alex.user).get().body


def test_the_job_takes_the_same_queries_for_many_plans(review_planned, harbor) -> None:
    with CaptureQueriesContext(connection) as queries:
        plan_review_reminders_send(now=at(REVIEW - timedelta(days=3), 9))
    assert len(queries.captured_queries) <= 3


def test_the_task_runs_the_job(db) -> None:
    assert send_plan_review_reminders.call() == 0
