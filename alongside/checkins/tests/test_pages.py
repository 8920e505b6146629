"""The participant's check-in pages: the form, history, calendar, trends, reminders, recovery."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django_scopes import scope

from alongside.checkins.milestones import milestone_card_for, recovery_period_start, recovery_sharing_set
from alongside.checkins.models import CheckIn, CheckInPreference, RecoveryPeriod
from alongside.checkins.selectors import trend_card_for
from alongside.core.timezones import today_of
from alongside.participants.services import profile_for


def add_history(persona, days: int, *, start_back: int = 0) -> None:
    today = today_of(persona.membership)
    with scope(organization=persona.organization):
        CheckIn.objects.bulk_create(
            CheckIn(
                organization=persona.organization,
                participant=persona.membership,
                day=today - timedelta(days=start_back + back),
                mood=1 + back % 5,
                sleep_quality=1 + (back + 2) % 5,
                cravings=back % 11,
            )
            for back in range(days)
        )


def substance_use(persona, medication: bool = False) -> None:
    with scope(organization=persona.organization):
        profile = profile_for(persona.membership)
        profile.focus = "substance_use"
        profile.tracks_medication = medication
        profile.save()


def saved(persona) -> list[CheckIn]:
    with scope(organization=persona.organization):
        return list(CheckIn.objects.filter(participant=persona.membership))


# The check-in form --------------------------------------------------------------------------------


def test_the_form_asks_only_what_applies(alex) -> None:
    page = alex.client().get("/checkins/today/").content.decode()
    assert "How did you sleep?" in page
    assert "Cravings" not in page and "Did you use today?" not in page and "medication" not in page
    substance_use(alex, medication=True)
    page = alex.client().get("/checkins/today/").content.decode()
    assert "Cravings right now" in page and "Did you use today?" in page
    assert "Did you take your medication today?" in page


def test_a_full_checkin_is_saved_from_the_form(alex) -> None:
    substance_use(alex, medication=True)
    response = alex.client().post(
        "/checkins/today/",
        {
            "mood": "2",
            "sleep_quality": "3",
            "cravings": "9",
            "used": "no",
            "took_medication": "yes",
            "wants_to_talk": "on",
            "note": "Hard evening.",
        },
    )
    assert response.status_code == 302 and response["Location"] == "/"
    [checkin] = saved(alex)
    assert (checkin.mood, checkin.sleep_quality, checkin.cravings, checkin.used, checkin.took_medication) == (
        2,
        3,
        9,
        False,
        True,
    )
    assert checkin.wants_to_talk and checkin.strong_craving_and_talk


def test_saying_you_used_gets_a_kind_reply(alex) -> None:
    substance_use(alex)
    client = alex.client()
    response = client.post("/checkins/today/", {"mood": "2", "used": "yes"}, follow=True)
    assert "A slip doesn" in response.content.decode()


def test_a_missed_day_can_be_added_from_the_form(alex) -> None:
    yesterday = today_of(alex.membership) - timedelta(days=1)
    client = alex.client()
    page = client.get(f"/checkins/today/?day={yesterday.isoformat()}").content.decode()
    assert f'value="{yesterday.isoformat()}" selected' in page
    response = client.post("/checkins/today/", {"day": yesterday.isoformat(), "mood": "3"})
    assert response.status_code == 302
    [checkin] = saved(alex)
    assert checkin.day == yesterday and checkin.is_late


@pytest.mark.parametrize("back", [-1, 4])
def test_a_day_outside_the_window_is_refused_and_nothing_saved(alex, back) -> None:
    day = today_of(alex.membership) - timedelta(days=back)
    response = alex.client().post("/checkins/today/", {"day": day.isoformat(), "mood": "3"})
    assert response.status_code == 400
    assert "today or up to 3 days back" in response.content.decode()
    assert saved(alex) == []


def test_a_note_over_the_limit_is_refused_with_its_length(alex) -> None:
    response = alex.client().post("/checkins/today/", {"mood": "3", "note": "x" * 5001})
    assert response.status_code == 400
    assert "up to 5000 characters; this one has 5001" in response.content.decode()
    assert saved(alex) == []


def test_cravings_sent_by_someone_they_do_not_apply_to_are_ignored_by_the_form(alex) -> None:
    response = alex.client().post("/checkins/today/", {"mood": "3", "cravings": "8"})
    assert response.status_code == 302
    assert saved(alex)[0].cravings is None


# History, calendar, trends -----------------------------------------------------------------------


def test_the_history_shows_new_answers_and_late_marks(alex) -> None:
    substance_use(alex)
    client = alex.client()
    client.post("/checkins/today/", {"mood": "4", "sleep_quality": "5", "cravings": "2"})
    yesterday = today_of(alex.membership) - timedelta(days=1)
    client.post("/checkins/today/", {"day": yesterday.isoformat(), "mood": "3"})
    page = client.get("/checkins/").content.decode()
    assert "Very well" in page and "added later" in page


def test_the_calendar_shows_each_days_mood_in_words(alex) -> None:
    today = today_of(alex.membership)
    with scope(organization=alex.organization):
        CheckIn.objects.create(organization=alex.organization, participant=alex.membership, day=today, mood=4)
    page = alex.client().get("/checkins/calendar/").content.decode()
    assert '<table class="calendar">' in page
    assert '<th scope="col"><abbr title=' in page
    assert 'aria-current="date"' in page
    assert "Good" in page
    assert "1 check-in this month." in page


def test_the_calendar_offers_to_add_a_recently_missed_day(alex) -> None:
    today = today_of(alex.membership)
    page = alex.client().get("/checkins/calendar/").content.decode()
    assert f"/checkins/today/?day={today.isoformat()}" in page
    if (today - timedelta(days=1)).month == today.month:
        assert f"/checkins/today/?day={(today - timedelta(days=1)).isoformat()}" in page
    if (today - timedelta(days=4)).month == today.month:
        assert f"?day={(today - timedelta(days=4)).isoformat()}" not in page


def test_the_calendar_moves_between_months_but_not_into_the_future(alex) -> None:
    client = alex.client()
    page = client.get("/checkins/calendar/?month=2025-02").content.decode()
    assert "February 2025" in page and "?month=2025-03" in page and "?month=2025-01" in page
    current = client.get("/checkins/calendar/").content.decode()
    next_month = (today_of(alex.membership).replace(day=28) + timedelta(days=5)).strftime("%Y-%m")
    assert f"?month={next_month}" not in current


def test_an_unreadable_month_says_so_and_shows_this_month(alex) -> None:
    response = alex.client().get("/checkins/calendar/?month=banana")
    assert response.status_code == 200
    assert "couldn't read that month" in response.content.decode()


def test_the_trends_page_draws_charts_with_a_table_of_the_same_data(alex) -> None:
    substance_use(alex)
    add_history(alex, 10)
    page = alex.client().get("/checkins/trends/?days=7").content.decode()
    assert page.count('role="img"') == 3  # mood, sleep, cravings
    assert '<title id="mood-title">Your mood over the last 7 days</title>' in page
    assert '<desc id="mood-desc">7 answers; average' in page
    assert '<table id="trend-table">' in page
    assert page.count('<th scope="row">') == 7
    assert "style=" not in page and "<script>" not in page


def test_cravings_are_not_charted_for_someone_they_do_not_apply_to(alex) -> None:
    page = alex.client().get("/checkins/trends/").content.decode()
    assert page.count('role="img"') == 2
    assert "No answers in these days yet" in page


def test_an_unknown_trend_window_falls_back_to_30_days(alex) -> None:
    page = alex.client().get("/checkins/trends/?days=1000").content.decode()
    assert "Your mood over the last 30 days" in page


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url", ["/checkins/", "/checkins/calendar/", "/checkins/trends/?days=90", "/checkins/recovery/"]
)
def test_history_pages_take_the_same_queries_whatever_the_history_length(alex, url) -> None:
    substance_use(alex)
    client = alex.client()
    client.get(url)  # warm up the session and caches
    add_history(alex, 3)
    with scope(organization=alex.organization):
        recovery_period_start(participant=alex.membership, started_on=date(2025, 1, 1), actor=alex.user)
    short = count_queries(client, url)
    add_history(alex, 200, start_back=3)
    with scope(organization=alex.organization):
        for _ in range(5):
            period = RecoveryPeriod.objects.get(participant=alex.membership, ended_on__isnull=True)
            period.ended_on, period.end_reason = period.started_on + timedelta(days=30), "setback"
            period.save()
            RecoveryPeriod.objects.create(
                organization=alex.organization, participant=alex.membership, started_on=period.ended_on
            )
    assert count_queries(client, url) == short


# Home page partials -------------------------------------------------------------------------------


def test_the_milestone_card_takes_one_query_and_shows_the_counter(alex, django_assert_num_queries) -> None:
    today = today_of(alex.membership)
    with scope(organization=alex.organization):
        recovery_period_start(
            participant=alex.membership, started_on=today - timedelta(days=30), actor=alex.user
        )
        with django_assert_num_queries(1):
            context = milestone_card_for(alex.membership, today=today)
    html = render_to_string("checkins/_milestone_card.html", context)
    assert ">30</span> days" in html
    assert "30 days today" in html  # the celebration
    assert "Next milestone: 60 days, in 30 days" in html


def test_the_milestone_card_invites_setting_a_date(alex) -> None:
    with scope(organization=alex.organization):
        html = render_to_string("checkins/_milestone_card.html", milestone_card_for(alex.membership))
    assert "Set my recovery date" in html


def test_the_trend_card_takes_one_query_whatever_the_history(alex, django_assert_num_queries) -> None:
    add_history(alex, 60)
    with scope(organization=alex.organization), django_assert_num_queries(1):
        context = trend_card_for(alex.membership)
    html = render_to_string("checkins/_trend_card.html", context)
    assert 'role="img"' in html and "<polyline" in html
    assert html.count('<th scope="row">') == 7


# Reminders ----------------------------------------------------------------------------------------


def test_the_reminder_page_saves_time_channels_and_quiet_hours(alex) -> None:
    client = alex.client()
    assert 'value="19:00"' in client.get("/checkins/reminders/").content.decode()
    response = client.post(
        "/checkins/reminders/",
        {
            "reminders_on": "on",
            "remind_at": "20:30",
            "remind_in_app": "on",
            "quiet_from": "22:00",
            "quiet_until": "07:00",
        },
    )
    assert response.status_code == 302
    with scope(organization=alex.organization):
        preference = CheckInPreference.objects.get(participant=alex.membership)
    assert (preference.remind_at, preference.quiet_from, preference.quiet_until) == (
        time(20, 30),
        time(22, 0),
        time(7, 0),
    )
    assert 'value="20:30"' in client.get("/checkins/reminders/").content.decode()


def test_a_reminder_inside_quiet_hours_is_explained_and_not_saved(alex) -> None:
    response = alex.client().post(
        "/checkins/reminders/",
        {
            "reminders_on": "on",
            "remind_at": "23:00",
            "remind_in_app": "on",
            "quiet_from": "22:00",
            "quiet_until": "07:00",
        },
    )
    assert response.status_code == 400
    assert "inside your quiet hours" in response.content.decode()
    with scope(organization=alex.organization):
        assert not CheckInPreference.objects.exists()


# Recovery ------------------------------------------------------------------------------------------


def test_a_participant_sets_a_recovery_date_and_sees_the_counter(alex) -> None:
    client = alex.client()
    assert "Start your recovery counter" in client.get("/checkins/recovery/").content.decode()
    start = today_of(alex.membership) - timedelta(days=7)
    response = client.post("/checkins/recovery/start/", {"started_on": start.isoformat()})
    assert response.status_code == 302
    page = client.get("/checkins/recovery/").content.decode()
    assert ">7</span> days" in page and "A full week" in page


def test_a_future_recovery_date_is_explained_and_not_saved(alex) -> None:
    tomorrow = today_of(alex.membership) + timedelta(days=1)
    response = alex.client().post("/checkins/recovery/start/", {"started_on": tomorrow.isoformat()})
    assert response.status_code == 400
    assert "can&#x27;t be in the future" in response.content.decode()
    with scope(organization=alex.organization):
        assert not RecoveryPeriod.objects.exists()


def test_recording_a_setback_restarts_kindly_and_keeps_the_history(alex) -> None:
    client = alex.client()
    start = today_of(alex.membership) - timedelta(days=45)
    client.post("/checkins/recovery/start/", {"started_on": start.isoformat()})
    assert "doesn't erase the days" in client.get("/checkins/recovery/setback/").content.decode()
    response = client.post(
        "/checkins/recovery/setback/", {"restart": "today", "note": "What I learned"}, follow=True
    )
    page = response.content.decode()
    assert "The 45 days before still count" in page
    assert "Earlier periods" in page and "What I learned" in page
    assert "Altogether you have 45 days in recovery" in page


def test_restarting_from_another_day_needs_that_day(alex) -> None:
    client = alex.client()
    client.post("/checkins/recovery/start/", {"started_on": "2025-01-01"})
    response = client.post("/checkins/recovery/setback/", {"restart": "other", "restart_on": ""})
    assert response.status_code == 400
    assert "Choose the day to start counting from" in response.content.decode()
    with scope(organization=alex.organization):
        assert RecoveryPeriod.objects.get().is_open


def test_sharing_the_counter_is_off_until_the_participant_turns_it_on(alex, pat) -> None:
    client = alex.client()
    client.post("/checkins/recovery/start/", {"started_on": "2025-01-01"})
    with scope(organization=alex.organization):
        assert not CheckInPreference.objects.filter(share_counter_with_peer=True).exists()
    client.post("/checkins/recovery/sharing/", {"share": "on"})
    with scope(organization=alex.organization):
        assert CheckInPreference.objects.get().share_counter_with_peer
    client.post("/checkins/recovery/sharing/", {})
    with scope(organization=alex.organization):
        assert not CheckInPreference.objects.get().share_counter_with_peer


def test_the_shared_counter_partial_shows_the_days(alex, pat) -> None:
    from alongside.checkins.milestones import shared_recovery_counter

    with scope(organization=alex.organization):
        recovery_period_start(participant=alex.membership, started_on=date(2025, 1, 1), actor=alex.user)
        recovery_sharing_set(participant=alex.membership, actor=alex.user, share=True)
        counter = shared_recovery_counter(viewer=pat.membership, participant=alex.membership)
    html = render_to_string("checkins/_shared_counter.html", {"shared_counter": counter})
    assert "Shared with you by the participant" in html
    assert render_to_string("checkins/_shared_counter.html", {"shared_counter": None}).strip() == ""
