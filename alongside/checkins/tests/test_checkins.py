from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django_scopes import scope, scopes_disabled

from alongside.checkins.models import CheckIn
from alongside.checkins.services import checkin_save
from alongside.checkins.streaks import current_streak
from alongside.core.models import AuditEvent
from alongside.core.timezones import today_of


def test_a_participant_checks_in_from_the_home_page(alex) -> None:
    client = alex.client()
    response = client.post("/checkins/today/", {"mood": "4", "note": "Went to my meeting"})
    assert response.status_code == 302
    with scope(organization=alex.organization):
        checkin = CheckIn.objects.get(participant=alex.membership)
    assert (checkin.mood, checkin.note, checkin.day) == (4, "Went to my meeting", today_of(alex.membership))
    assert "You checked in today" in client.get("/").content.decode()


def test_checking_in_again_the_same_day_updates_it(alex) -> None:
    with scope(organization=alex.organization):
        first = checkin_save(participant=alex.membership, mood=2)
        second = checkin_save(participant=alex.membership, mood=4, wants_to_talk=True)
        assert first.created and not second.created
        assert CheckIn.objects.count() == 1
        assert CheckIn.objects.get().mood == 4


def test_a_mood_outside_one_to_five_is_refused_and_nothing_saved(alex) -> None:
    response = alex.client().post("/checkins/today/", {"mood": "9"})
    assert response.status_code == 400
    assert "Your check-in wasn" in response.content.decode()
    with scope(organization=alex.organization):
        assert not CheckIn.objects.exists()
        with pytest.raises(ValidationError):
            checkin_save(participant=alex.membership, mood=0)


def test_only_participants_check_in(pat) -> None:
    with scope(organization=pat.organization), pytest.raises(ValidationError):
        checkin_save(participant=pat.membership, mood=3)


def test_crisis_language_in_a_note_is_screened_and_leads_to_help(alex) -> None:
    response = alex.client().post(
        "/checkins/today/",
        {"mood": "1", "note": "i have the pills in my hand and im going to take them all tonight"},
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/crisis/help/")  # the help screen for the incident it raised
    with scope(organization=alex.organization):
        checkin = CheckIn.objects.get()
    assert checkin.screening_level == "urgent"
    assert checkin.note.startswith("i have the pills")  # saved, not lost


def test_checkins_are_audited(alex) -> None:
    alex.client().post("/checkins/today/", {"mood": "3"})
    with scopes_disabled():
        event = AuditEvent.objects.get(action="checkin.save")
    assert event.subject_id == alex.membership.pk


@pytest.mark.parametrize(
    "days_back, expected",
    [((), 0), ((0,), 1), ((1, 2, 3), 3), ((0, 1, 2, 4), 3), ((2, 3), 0)],
)
def test_streaks_count_consecutive_days(days_back, expected) -> None:
    today = date(2026, 11, 23)
    assert current_streak([today - timedelta(days=d) for d in days_back], today) == expected


def test_history_shows_only_my_own_checkins(alex, jordan) -> None:
    with scope(organization=alex.organization):
        checkin_save(participant=alex.membership, mood=5, note="mine")
        checkin_save(participant=jordan.membership, mood=1, note="jordan's private note")
    page = alex.client().get("/checkins/").content.decode()
    assert "mine" in page
    assert "jordan&#x27;s private note" not in page and "jordan's private note" not in page
