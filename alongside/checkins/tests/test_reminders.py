"""Check-in reminders: at the chosen local time, never in quiet hours, once a day, never after
checking in; across time zones and daylight saving changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import translation
from django_scopes import scope, scopes_disabled

from alongside.checkins.models import CheckIn, CheckInPreference
from alongside.checkins.services import (
    ReminderPreferenceInput,
    in_quiet_hours,
    reminder_preference_update,
    reminders_send_due,
)
from alongside.checkins.tasks import send_checkin_reminders
from alongside.core.models import Notification


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def remind(
    persona, *, zone: str = "America/New_York", at_time: time = time(20, 0), **choices
) -> CheckInPreference:
    persona.user.timezone = zone
    persona.user.save(update_fields=["timezone"])
    with scope(organization=persona.organization):
        return reminder_preference_update(
            participant=persona.membership,
            actor=persona.user,
            choices=ReminderPreferenceInput(
                reminders_on=True,
                remind_at=at_time,
                remind_in_app=choices.get("in_app", True),
                remind_by_email=choices.get("by_email", False),
                quiet_from=choices.get("quiet_from"),
                quiet_until=choices.get("quiet_until"),
            ),
        )


def reminders_for(persona) -> int:
    return Notification.objects.filter(user=persona.user, kind="checkin_reminder").count()


def test_a_reminder_goes_out_at_the_chosen_local_time(alex) -> None:
    remind(alex)  # 20:00 in New York, UTC-5 in November
    assert reminders_send_due(now=at("2026-11-23T00:59")) == 0
    assert reminders_send_due(now=at("2026-11-23T01:00")) == 1
    notification = Notification.objects.get()
    assert notification.user == alex.user
    assert notification.url == "/checkins/today/"
    assert notification.organization == alex.organization


def test_a_participant_is_reminded_at_most_once_a_day(alex) -> None:
    remind(alex)
    reminders_send_due(now=at("2026-11-23T01:00"))
    assert reminders_send_due(now=at("2026-11-23T01:05")) == 0
    assert reminders_send_due(now=at("2026-11-23T04:55")) == 0
    assert reminders_for(alex) == 1
    # The next local evening is another day.
    assert reminders_send_due(now=at("2026-11-24T01:00")) == 1


def test_no_reminder_once_the_participant_has_checked_in(alex) -> None:
    remind(alex)
    with scope(organization=alex.organization):
        CheckIn.objects.create(
            organization=alex.organization, participant=alex.membership, day=date(2026, 11, 22), mood=4
        )
    assert reminders_send_due(now=at("2026-11-23T01:00")) == 0
    assert reminders_for(alex) == 0


def test_a_checkin_for_another_day_does_not_count(alex) -> None:
    remind(alex)
    with scope(organization=alex.organization):
        CheckIn.objects.create(
            organization=alex.organization, participant=alex.membership, day=date(2026, 11, 21), mood=4
        )
    assert reminders_send_due(now=at("2026-11-23T01:00")) == 1


def test_no_reminder_inside_quiet_hours(alex) -> None:
    remind(alex, at_time=time(21, 30), quiet_from=time(22, 0), quiet_until=time(7, 0))
    # The scheduler was down at 21:30 and came back at 22:10: too late, it is quiet time now.
    assert reminders_send_due(now=at("2026-11-23T03:10")) == 0
    assert reminders_send_due(now=at("2026-11-23T04:59")) == 0  # 23:59
    assert reminders_send_due(now=at("2026-11-23T12:00")) == 0  # 07:00 next day, before 21:30
    assert reminders_for(alex) == 0
    assert reminders_send_due(now=at("2026-11-24T02:30")) == 1  # 21:30 on the next evening


@pytest.mark.parametrize(
    "moment, quiet",
    [
        (time(21, 59), False),
        (time(22, 0), True),
        (time(23, 59), True),
        (time(0, 0), True),
        (time(6, 59), True),
        (time(7, 0), False),
        (time(12, 0), False),
    ],
)
def test_quiet_hours_can_run_past_midnight(moment, quiet) -> None:
    assert in_quiet_hours(moment, time(22, 0), time(7, 0)) is quiet


def test_quiet_hours_within_a_day() -> None:
    assert in_quiet_hours(time(13, 0), time(12, 0), time(14, 0))
    assert not in_quiet_hours(time(14, 0), time(12, 0), time(14, 0))
    assert not in_quiet_hours(time(13, 0), None, None)


def test_each_participant_is_reminded_in_their_own_time_zone(alex, jordan) -> None:
    remind(alex, zone="Pacific/Auckland")  # 20:00 NZDT = 07:00 UTC
    remind(jordan, zone="America/Los_Angeles")  # 20:00 PST = 04:00 UTC
    assert reminders_send_due(now=at("2026-11-23T04:00")) == 1
    assert (reminders_for(alex), reminders_for(jordan)) == (0, 1)
    assert reminders_send_due(now=at("2026-11-23T07:00")) == 1
    assert (reminders_for(alex), reminders_for(jordan)) == (1, 1)


def test_someone_who_never_chose_a_zone_is_reminded_at_their_organizations_local_time(alex) -> None:
    remind(alex, zone="")  # Harbor is in New York: 20:00 EST is 01:00 UTC
    assert reminders_send_due(now=at("2026-11-22T20:00")) == 0  # 20:00 UTC is 15:00 there
    assert reminders_send_due(now=at("2026-11-23T01:00")) == 1


def test_a_reminder_time_skipped_by_spring_forward_comes_an_hour_later_on_the_new_clock(alex) -> None:
    remind(alex, at_time=time(2, 30))  # 02:30 does not exist in New York on 8 March 2026
    assert reminders_send_due(now=at("2026-03-08T07:25")) == 0  # 03:25 EDT
    assert reminders_send_due(now=at("2026-03-08T07:30")) == 1  # 03:30 EDT


def test_a_reminder_time_repeated_by_fall_back_is_sent_once(alex) -> None:
    remind(alex, at_time=time(1, 30))  # 01:30 happens twice in New York on 1 November 2026
    assert reminders_send_due(now=at("2026-11-01T05:30")) == 1  # the first 01:30 (EDT)
    assert reminders_send_due(now=at("2026-11-01T06:30")) == 0  # the second 01:30 (EST)
    assert reminders_for(alex) == 1


def test_after_the_clocks_change_the_reminder_keeps_its_local_time(alex) -> None:
    remind(alex)  # 20:00 in New York: 01:00 UTC in winter, 00:00 UTC in summer time
    assert reminders_send_due(now=at("2026-03-08T23:59")) == 0  # 19:59 EDT
    assert reminders_send_due(now=at("2026-03-09T00:00")) == 1  # 20:00 EDT


def test_an_email_reminder_is_sent_after_commit(alex, django_capture_on_commit_callbacks) -> None:
    remind(alex, by_email=True)
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send_due(now=at("2026-11-23T01:00")) == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["alex@example.org"]
    assert mail.outbox[0].subject == "Time for your check-in"
    assert "/checkins/today/" in mail.outbox[0].body


def test_email_only_leaves_nothing_in_the_app(alex, django_capture_on_commit_callbacks) -> None:
    remind(alex, in_app=False, by_email=True)
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send_due(now=at("2026-11-23T01:00")) == 1
    assert reminders_for(alex) == 0
    assert len(mail.outbox) == 1


def test_reminders_that_are_off_are_not_sent(alex) -> None:
    preference = remind(alex)
    with scopes_disabled():
        CheckInPreference.objects.filter(pk=preference.pk).update(reminders_on=False)
    assert reminders_send_due(now=at("2026-11-23T01:00")) == 0


def test_a_participant_who_left_is_not_reminded(alex) -> None:
    remind(alex)
    with scopes_disabled():
        type(alex.membership).objects.filter(pk=alex.membership.pk).update(is_active=False)
    assert reminders_send_due(now=at("2026-11-23T01:00")) == 0


def test_the_reminder_is_written_in_the_participants_language(alex, monkeypatch) -> None:
    from alongside.checkins import services

    languages = []
    original = services.notification_send

    def spy(**kwargs):
        languages.append(translation.get_language())
        return original(**kwargs)

    monkeypatch.setattr(services, "notification_send", spy)
    alex.user.language = "es"
    alex.user.save(update_fields=["language"])
    remind(alex)
    reminders_send_due(now=at("2026-11-23T01:00"))
    assert languages == ["es"]


def test_the_periodic_task_sends_what_is_due(alex) -> None:
    remind(alex)
    assert send_checkin_reminders.call(now="2026-11-23T01:00:00+00:00") == 1
    with pytest.raises(ValueError, match="UTC offset"):
        send_checkin_reminders.call(now="2026-11-23T01:00:00")


@pytest.mark.parametrize(
    "choices, message",
    [
        ({"remind_at": None}, "Choose the time"),
        ({"remind_in_app": False, "remind_by_email": False}, "at least one way"),
        ({"quiet_from": time(22, 0)}, "both a start and an end"),
        ({"quiet_from": time(22, 0), "quiet_until": time(22, 0)}, "different start and end"),
        (
            {"remind_at": time(23, 0), "quiet_from": time(22, 0), "quiet_until": time(7, 0)},
            "inside your quiet hours",
        ),
    ],
)
def test_reminder_choices_that_cannot_work_are_refused(alex, choices, message) -> None:
    base = {
        "reminders_on": True,
        "remind_at": time(20, 0),
        "remind_in_app": True,
        "remind_by_email": False,
        "quiet_from": None,
        "quiet_until": None,
    }
    with scope(organization=alex.organization):
        with pytest.raises(ValidationError, match=message):
            reminder_preference_update(
                participant=alex.membership,
                actor=alex.user,
                choices=ReminderPreferenceInput(**{**base, **choices}),
            )
        assert not CheckInPreference.objects.exists()


def test_email_reminders_need_an_email_address(alex) -> None:
    alex.user.email = ""
    alex.user.save(update_fields=["email"])
    with scope(organization=alex.organization), pytest.raises(ValidationError, match="Add an email"):
        remind(alex, by_email=True)
