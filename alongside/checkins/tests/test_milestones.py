"""The recovery counter, milestones and setbacks."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django_scopes import scope, scopes_disabled

from alongside.checkins.milestones import (
    add_months,
    counter_of,
    duration_between,
    milestones_until,
    recovery_counter_for,
    recovery_history_for,
    recovery_period_start,
    recovery_setback_record,
    recovery_sharing_set,
    shared_recovery_counter,
)
from alongside.checkins.models import RecoveryPeriod
from alongside.core.models import AuditEvent
from alongside.core.timezones import today_of

# Pure date arithmetic ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "start, months, expected",
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 2, 29), 48, date(2028, 2, 29)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2026, 3, 15), -5, date(2025, 10, 15)),
    ],
)
def test_adding_months_lands_on_the_same_day_or_the_months_last(start, months, expected) -> None:
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    "start, end, expected",
    [
        (date(2026, 3, 1), date(2026, 3, 1), (0, 0, 0, 0)),
        (date(2026, 3, 1), date(2026, 3, 15), (0, 0, 14, 14)),
        (date(2026, 3, 7), date(2026, 3, 9), (0, 0, 2, 2)),  # across the spring-forward night
        (date(2026, 1, 15), date(2027, 3, 20), (1, 2, 5, 429)),
        (date(2024, 2, 29), date(2025, 2, 28), (1, 0, 0, 365)),
        (date(2023, 3, 1), date(2024, 3, 1), (1, 0, 0, 366)),  # a leap year in between
    ],
)
def test_durations_count_calendar_days_months_and_years(start, end, expected) -> None:
    duration = duration_between(start, end)
    assert (duration.years, duration.months, duration.days, duration.total_days) == expected


def test_a_duration_reads_naturally() -> None:
    assert str(duration_between(date(2026, 1, 15), date(2027, 3, 20))) == "1 year, 2 months and 5 days"
    assert str(duration_between(date(2026, 1, 15), date(2026, 1, 16))) == "1 day"
    assert str(duration_between(date(2026, 1, 15), date(2026, 1, 15))) == "0 days"


def test_milestones_come_at_1_7_30_60_90_days_6_months_and_every_year() -> None:
    start = date(2024, 2, 29)
    found = milestones_until(start, date(2027, 3, 1))
    assert [(m.key, m.reached_on) for m in found] == [
        ("day-1", date(2024, 3, 1)),
        ("day-7", date(2024, 3, 7)),
        ("day-30", date(2024, 3, 30)),
        ("day-60", date(2024, 4, 29)),
        ("day-90", date(2024, 5, 29)),
        ("month-6", date(2024, 8, 29)),
        ("year-1", date(2025, 2, 28)),
        ("year-2", date(2026, 2, 28)),
        ("year-3", date(2027, 2, 28)),
        ("year-4", date(2028, 2, 29)),
    ]
    assert [m.label for m in found][:6] == ["1 day", "7 days", "30 days", "60 days", "90 days", "6 months"]


def test_the_counter_celebrates_a_milestone_on_its_day() -> None:
    period = RecoveryPeriod(started_on=date(2026, 1, 1))
    on_the_day = counter_of(period, date(2026, 1, 31))
    assert on_the_day.milestone_today is not None
    assert on_the_day.milestone_today.key == "day-30"
    assert "30 days" in on_the_day.celebration
    assert on_the_day.next is not None and on_the_day.next.key == "day-60"
    assert on_the_day.days_to_next == 30
    the_day_after = counter_of(period, date(2026, 2, 1))
    assert the_day_after.celebration == ""
    assert [m.key for m in the_day_after.reached] == ["day-1", "day-7", "day-30"]


def test_day_one_has_no_milestone_yet_and_the_first_is_tomorrow() -> None:
    counter = counter_of(RecoveryPeriod(started_on=date(2026, 5, 1)), date(2026, 5, 1))
    assert counter.days == 0
    assert counter.reached == []
    assert counter.next is not None and counter.days_to_next == 1


# Services ---------------------------------------------------------------------------------------


@pytest.fixture
def in_alex_org(alex):
    with scope(organization=alex.organization):
        yield alex


def test_the_first_recovery_date_starts_a_period(in_alex_org) -> None:
    alex = in_alex_org
    start = today_of(alex.membership) - timedelta(days=10)
    period = recovery_period_start(participant=alex.membership, started_on=start, actor=alex.user)
    assert period.is_open and period.started_on == start
    counter = recovery_counter_for(alex.membership)
    assert counter is not None and counter.days == 10
    with scopes_disabled():
        assert AuditEvent.objects.filter(action="recovery.start", subject=alex.membership).count() == 1


def test_the_same_date_again_changes_nothing(in_alex_org) -> None:
    alex = in_alex_org
    start = today_of(alex.membership) - timedelta(days=3)
    first = recovery_period_start(participant=alex.membership, started_on=start, actor=alex.user)
    again = recovery_period_start(participant=alex.membership, started_on=start, actor=alex.user)
    assert first.pk == again.pk
    assert RecoveryPeriod.objects.count() == 1


def test_a_different_date_ends_the_open_period_and_starts_anew(in_alex_org) -> None:
    alex = in_alex_org
    today = today_of(alex.membership)
    first = recovery_period_start(
        participant=alex.membership, started_on=today - timedelta(days=30), actor=alex.user
    )
    second = recovery_period_start(
        participant=alex.membership, started_on=today - timedelta(days=40), actor=alex.user
    )
    first.refresh_from_db()
    assert first.end_reason == RecoveryPeriod.EndReason.DATE_CHANGED
    assert first.ended_on is not None
    assert second.is_open and second.started_on == today - timedelta(days=40)
    assert RecoveryPeriod.objects.filter(ended_on__isnull=True).count() == 1


def test_a_future_recovery_date_is_refused(in_alex_org) -> None:
    alex = in_alex_org
    with pytest.raises(ValidationError, match="can't be in the future"):
        recovery_period_start(
            participant=alex.membership,
            started_on=today_of(alex.membership) + timedelta(days=1),
            actor=alex.user,
        )
    assert not RecoveryPeriod.objects.exists()


def test_only_participants_have_a_counter(pat) -> None:
    with scope(organization=pat.organization), pytest.raises(ValidationError):
        recovery_period_start(participant=pat.membership, started_on=date(2026, 1, 1), actor=pat.user)


def test_a_setback_restarts_the_counter_and_keeps_the_history(in_alex_org) -> None:
    alex = in_alex_org
    now = datetime(2026, 11, 23, 15, tzinfo=UTC)
    recovery_period_start(participant=alex.membership, started_on=date(2026, 6, 1), actor=alex.user)
    result = recovery_setback_record(
        participant=alex.membership, actor=alex.user, note="Rough weekend. Called Pat after.", now=now
    )
    assert result.previous.ended_on == date(2026, 11, 23)
    assert result.previous.end_reason == RecoveryPeriod.EndReason.SETBACK
    assert result.current.started_on == date(2026, 11, 23) and result.current.is_open
    history = recovery_history_for(alex.membership, today=date(2026, 11, 23))
    assert history.counter is not None and history.counter.days == 0
    assert len(history.past) == 1 and history.setbacks == 1
    assert history.past[0].duration.total_days == 175
    assert [m.key for m in history.past[0].milestones][-1] == "day-90"
    assert history.total_days == 175
    with scopes_disabled():
        assert AuditEvent.objects.filter(action="recovery.setback").count() == 1


def test_the_setback_note_is_encrypted_and_screened(in_alex_org) -> None:
    alex = in_alex_org
    recovery_period_start(participant=alex.membership, started_on=date(2026, 6, 1), actor=alex.user)
    result = recovery_setback_record(participant=alex.membership, actor=alex.user, note="private words")
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT end_note FROM checkins_recoveryperiod WHERE id = %s", [result.previous.pk])
        stored = cursor.fetchone()[0]
    assert stored.startswith("enc1:") and "private words" not in stored
    assert result.screening_level == "none"
    result.previous.refresh_from_db()
    assert result.previous.end_note == "private words"


def test_a_setback_can_restart_from_a_chosen_earlier_day(in_alex_org) -> None:
    alex = in_alex_org
    now = datetime(2026, 11, 23, 15, tzinfo=UTC)
    recovery_period_start(participant=alex.membership, started_on=date(2026, 6, 1), actor=alex.user)
    result = recovery_setback_record(
        participant=alex.membership, actor=alex.user, restart_on=date(2026, 11, 20), now=now
    )
    assert result.current.started_on == date(2026, 11, 20)
    counter = recovery_counter_for(alex.membership, today=date(2026, 11, 23))
    assert counter is not None and counter.days == 3


@pytest.mark.parametrize(
    "restart_on, message",
    [(date(2026, 11, 24), "can't be in the future"), (date(2026, 5, 31), "can't be before your current")],
)
def test_a_setback_restart_date_outside_the_period_is_refused(in_alex_org, restart_on, message) -> None:
    alex = in_alex_org
    recovery_period_start(participant=alex.membership, started_on=date(2026, 6, 1), actor=alex.user)
    with pytest.raises(ValidationError, match=message):
        recovery_setback_record(
            participant=alex.membership,
            actor=alex.user,
            restart_on=restart_on,
            now=datetime(2026, 11, 23, 15, tzinfo=UTC),
        )
    assert RecoveryPeriod.objects.get().is_open


def test_a_setback_without_a_recovery_date_says_so(in_alex_org) -> None:
    alex = in_alex_org
    with pytest.raises(ValidationError, match="haven't set a recovery date"):
        recovery_setback_record(participant=alex.membership, actor=alex.user)


def test_nobody_else_can_record_a_setback_for_a_participant(in_alex_org, pat) -> None:
    alex = in_alex_org
    recovery_period_start(participant=alex.membership, started_on=date(2026, 6, 1), actor=alex.user)
    with pytest.raises(ValidationError, match="Only the participant"):
        recovery_setback_record(participant=alex.membership, actor=pat.user)
    assert RecoveryPeriod.objects.get().is_open


def test_counters_across_several_setbacks_add_up(in_alex_org) -> None:
    alex = in_alex_org
    recovery_period_start(participant=alex.membership, started_on=date(2025, 1, 1), actor=alex.user)
    recovery_setback_record(
        participant=alex.membership, actor=alex.user, now=datetime(2025, 3, 2, 12, tzinfo=UTC)
    )  # 60 days
    recovery_setback_record(
        participant=alex.membership, actor=alex.user, now=datetime(2025, 3, 9, 12, tzinfo=UTC)
    )  # 7 days
    history = recovery_history_for(alex.membership, today=date(2026, 3, 9))
    assert [p.duration.total_days for p in history.past] == [7, 60]
    assert history.counter is not None and history.counter.duration.years == 1
    assert history.total_days == 7 + 60 + 365
    assert history.setbacks == 2


def test_a_recovery_date_before_the_last_setback_is_refused(in_alex_org) -> None:
    alex = in_alex_org
    recovery_period_start(participant=alex.membership, started_on=date(2025, 1, 1), actor=alex.user)
    recovery_setback_record(
        participant=alex.membership, actor=alex.user, now=datetime(2025, 3, 2, 12, tzinfo=UTC)
    )
    with pytest.raises(ValidationError, match="before your last setback"):
        recovery_period_start(participant=alex.membership, started_on=date(2025, 2, 1), actor=alex.user)


# Sharing ------------------------------------------------------------------------------------------


def test_the_peer_sees_the_counter_only_once_the_participant_shares_it(alex, pat) -> None:
    with scope(organization=alex.organization):
        recovery_period_start(participant=alex.membership, started_on=date(2026, 1, 1), actor=alex.user)
        assert shared_recovery_counter(viewer=pat.membership, participant=alex.membership) is None
        recovery_sharing_set(participant=alex.membership, actor=alex.user, share=True)
        counter = shared_recovery_counter(viewer=pat.membership, participant=alex.membership)
        assert counter is not None and counter.started_on == date(2026, 1, 1)
        recovery_sharing_set(participant=alex.membership, actor=alex.user, share=False)
        assert shared_recovery_counter(viewer=pat.membership, participant=alex.membership) is None
    with scopes_disabled():
        assert AuditEvent.objects.filter(action="recovery.counter.read").count() == 1
        assert AuditEvent.objects.filter(action="recovery.sharing").count() == 2


def test_sharing_is_with_the_peer_only(alex, pat, riley, sam) -> None:
    with scope(organization=alex.organization):
        recovery_period_start(participant=alex.membership, started_on=date(2026, 1, 1), actor=alex.user)
        recovery_sharing_set(participant=alex.membership, actor=alex.user, share=True)
        assert shared_recovery_counter(viewer=riley.membership, participant=alex.membership) is None
        assert shared_recovery_counter(viewer=sam.membership, participant=alex.membership) is None


def test_only_the_participant_chooses_to_share(alex, pat) -> None:
    with scope(organization=alex.organization), pytest.raises(ValidationError):
        recovery_sharing_set(participant=alex.membership, actor=pat.user, share=True)
