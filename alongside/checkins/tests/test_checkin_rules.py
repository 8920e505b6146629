"""The rules of a check-in: one per local day, late entries, what is asked of whom."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django_scopes import scope

from alongside.checkins.models import CheckIn
from alongside.checkins.services import checkin_save
from alongside.core.timezones import today_of
from alongside.participants.models import ParticipantProfile
from alongside.participants.services import profile_for


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def set_zone(persona, zone: str) -> None:
    persona.user.timezone = zone
    persona.user.save(update_fields=["timezone"])


def with_focus(persona, focus: str = "substance_use", medication: bool = False) -> None:
    with scope(organization=persona.organization):
        profile = profile_for(persona.membership)
        profile.focus = focus
        profile.tracks_medication = medication
        profile.save()


@pytest.fixture
def harbor_scope(alex):
    with scope(organization=alex.organization):
        yield


def test_it_keeps_one_checkin_per_local_day(alex, harbor_scope) -> None:
    now = at("2026-11-23T15:00")
    checkin_save(participant=alex.membership, mood=2, now=now)
    checkin_save(participant=alex.membership, mood=4, now=now + timedelta(hours=3))
    assert CheckIn.objects.count() == 1
    assert CheckIn.objects.get().mood == 4


def test_the_day_turns_at_the_participants_own_midnight(alex, harbor_scope) -> None:
    set_zone(alex, "Pacific/Auckland")  # UTC+13 in November
    before = checkin_save(participant=alex.membership, mood=3, now=at("2026-11-23T10:59"))
    after = checkin_save(participant=alex.membership, mood=4, now=at("2026-11-23T11:01"))
    assert before.checkin.day == date(2026, 11, 23)
    assert after.checkin.day == date(2026, 11, 24)
    assert after.created


def test_a_participant_west_of_utc_is_still_on_yesterday(alex, harbor_scope) -> None:
    set_zone(alex, "America/Los_Angeles")
    result = checkin_save(participant=alex.membership, mood=3, now=at("2026-11-24T03:00"))
    assert result.checkin.day == date(2026, 11, 23)
    assert not result.checkin.is_late


@pytest.mark.parametrize(
    "moment, expected",
    [
        ("2026-03-08T04:30", date(2026, 3, 7)),  # 23:30 EST, before clocks spring forward
        ("2026-03-08T05:30", date(2026, 3, 8)),  # 00:30 EST
        ("2026-03-09T03:30", date(2026, 3, 8)),  # 23:30 EDT
        ("2026-03-09T04:30", date(2026, 3, 9)),  # 00:30 EDT: a fixed UTC-5 would still say the 8th
        ("2026-11-01T05:30", date(2026, 11, 1)),  # 01:30 EDT, the first of two 01:30s
        ("2026-11-01T06:30", date(2026, 11, 1)),  # 01:30 EST, the second
        ("2026-11-02T04:30", date(2026, 11, 1)),  # 23:30 EST
    ],
)
def test_local_days_follow_daylight_saving_changes(alex, moment, expected) -> None:
    set_zone(alex, "America/New_York")
    assert today_of(alex.membership, at(moment)) == expected


def test_a_new_york_participant_with_no_zone_of_their_own_checks_in_on_their_local_day(
    alex, harbor_scope
) -> None:
    # Never chose a zone: the organization's (New York) applies, not UTC. 9:30 pm on the day the
    # clocks spring forward is already the next day in UTC.
    assert alex.user.timezone == ""
    result = checkin_save(participant=alex.membership, mood=3, now=at("2026-03-09T01:30"))
    assert result.checkin.day == date(2026, 3, 8)
    assert not result.checkin.is_late


def test_a_missed_day_can_be_added_and_is_marked_late(alex, harbor_scope) -> None:
    now = at("2026-11-23T15:00")
    result = checkin_save(participant=alex.membership, mood=3, day=date(2026, 11, 21), now=now)
    assert result.checkin.is_late
    assert result.checkin.entered_at == now
    today = checkin_save(participant=alex.membership, mood=4, now=now)
    assert not today.checkin.is_late


def test_a_checkin_can_be_added_up_to_three_days_back_and_no_further(alex, harbor_scope) -> None:
    now = at("2026-11-23T15:00")
    checkin_save(participant=alex.membership, mood=3, day=date(2026, 11, 20), now=now)
    with pytest.raises(ValidationError, match="up to 3 days back"):
        checkin_save(participant=alex.membership, mood=3, day=date(2026, 11, 19), now=now)
    assert CheckIn.objects.count() == 1


def test_a_checkin_for_the_future_is_refused_and_nothing_saved(alex, harbor_scope) -> None:
    with pytest.raises(ValidationError, match="hasn't happened yet"):
        checkin_save(participant=alex.membership, mood=3, day=date(2026, 11, 24), now=at("2026-11-23T15:00"))
    assert not CheckIn.objects.exists()


def test_tomorrow_in_utc_may_already_be_today_for_the_participant(alex, harbor_scope) -> None:
    set_zone(alex, "Pacific/Kiritimati")  # UTC+14
    result = checkin_save(
        participant=alex.membership, mood=3, day=date(2026, 11, 24), now=at("2026-11-23T12:00")
    )
    assert result.checkin.day == date(2026, 11, 24)
    assert not result.checkin.is_late


def test_a_late_checkin_can_be_corrected_on_the_day_it_was_entered(alex, harbor_scope) -> None:
    now = at("2026-11-23T15:00")
    checkin_save(participant=alex.membership, mood=2, day=date(2026, 11, 22), now=now)
    checkin_save(participant=alex.membership, mood=3, day=date(2026, 11, 22), now=now + timedelta(hours=1))
    assert CheckIn.objects.get().mood == 3


def test_yesterdays_checkin_is_kept_as_it_was(alex, harbor_scope) -> None:
    checkin_save(participant=alex.membership, mood=2, note="as it was", now=at("2026-11-22T15:00"))
    with pytest.raises(ValidationError, match="saved as it was"):
        checkin_save(participant=alex.membership, mood=5, day=date(2026, 11, 22), now=at("2026-11-23T15:00"))
    checkin = CheckIn.objects.get()
    assert (checkin.mood, checkin.note) == (2, "as it was")


def test_sleep_is_asked_of_everyone(alex, harbor_scope) -> None:
    result = checkin_save(participant=alex.membership, mood=3, sleep_quality=2)
    assert result.checkin.sleep_quality == 2


@pytest.mark.parametrize(
    "answers, message",
    [
        ({"mood": 9}, "Mood is a number from 1 to 5"),
        ({"mood": 3, "sleep_quality": 0}, "Sleep is a number"),
        ({"mood": 3, "cravings": 11}, "Cravings are a number from 0"),
        ({"mood": 3, "note": "x" * 5001}, "up to 5,000 characters; this one has 5,001"),
    ],
)
def test_answers_out_of_range_are_refused_with_a_clear_message(alex, harbor_scope, answers, message) -> None:
    with_focus(alex)
    with pytest.raises(ValidationError, match=message):
        checkin_save(participant=alex.membership, **answers)
    assert not CheckIn.objects.exists()


def test_cravings_and_use_are_recorded_when_substance_use_applies(alex, harbor_scope) -> None:
    with_focus(alex, "both")
    result = checkin_save(participant=alex.membership, mood=2, cravings=9, used=False, wants_to_talk=True)
    checkin = result.checkin
    assert (checkin.cravings, checkin.used) == (9, False)
    assert checkin.strong_craving_and_talk
    assert not checkin.reports_use


def test_cravings_are_refused_when_substance_use_does_not_apply(alex, harbor_scope) -> None:
    with_focus(alex, "mental_health")
    with pytest.raises(ValidationError, match="only when substance use"):
        checkin_save(participant=alex.membership, mood=3, cravings=4)
    assert not CheckIn.objects.exists()


def test_medication_is_recorded_only_when_tracked(alex, harbor_scope) -> None:
    with pytest.raises(ValidationError, match="Medication is recorded only"):
        checkin_save(participant=alex.membership, mood=3, took_medication=True)
    with_focus(alex, "mental_health", medication=True)
    assert checkin_save(participant=alex.membership, mood=3, took_medication=True).checkin.took_medication


def test_using_again_stays_on_the_record_as_a_signal(alex, harbor_scope) -> None:
    with_focus(alex)
    checkin = checkin_save(participant=alex.membership, mood=2, used=True).checkin
    checkin.refresh_from_db()
    assert checkin.reports_use


def test_an_answer_left_out_on_an_update_keeps_what_was_saved(alex, harbor_scope) -> None:
    with_focus(alex, medication=True)
    now = at("2026-11-23T15:00")
    checkin_save(
        participant=alex.membership, mood=2, cravings=7, sleep_quality=2, took_medication=True, now=now
    )
    checkin_save(participant=alex.membership, mood=4, now=now + timedelta(hours=2))
    checkin = CheckIn.objects.get()
    assert (checkin.mood, checkin.cravings, checkin.sleep_quality, checkin.took_medication) == (4, 7, 2, True)


def test_a_profile_is_not_created_just_by_checking_in(alex, harbor_scope) -> None:
    checkin_save(participant=alex.membership, mood=3)
    assert not ParticipantProfile.objects.exists()


def test_strong_cravings_with_asking_to_talk_and_using_are_caseload_signals() -> None:
    from alongside.checkins.selectors import checkin_signals

    today = date(2026, 11, 23)
    craving = CheckIn(day=today - timedelta(days=1), mood=2, cravings=9, wants_to_talk=True)
    craving_alone = CheckIn(day=today, mood=2, cravings=10, wants_to_talk=False)
    used = CheckIn(day=today - timedelta(days=6), mood=2, used=True)
    old_use = CheckIn(day=today - timedelta(days=8), mood=2, used=True)
    assert checkin_signals([craving, used], today) == [
        "Strong cravings and asked to talk",
        "Said they used in the last week",
    ]
    assert checkin_signals([craving_alone, old_use], today) == []
