"""Group pages: the finder, a group, joining, answering, the calendar files, managing."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import icalendar
import pytest
import recurring_ical_events
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from alongside.core.models import AuditEvent
from alongside.core.roles import Role
from alongside.groups import services
from alongside.groups.models import Attendance, GroupMember, MeetingRsvp
from alongside.groups.tests.factories import a_group, a_series, join, next_meeting, next_weekday
from alongside.participants.models import ExperienceArea
from conftest import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def thursday(harbor, pat):
    """An open in-person group on Thursdays at 7 pm New York time, alex a member."""
    with scope(organization=harbor):
        group = a_group(
            harbor, facilitators=[pat.membership], name="Thursday circle", joining_details="Door code 4321"
        )
        series = a_series(group, first_day=next_weekday(3), start_time=time(19))
        return group, series


@pytest.fixture
def monday_morning(harbor, riley):
    with scope(organization=harbor):
        group = a_group(
            harbor,
            facilitators=[riley.membership],
            name="Monday morning phone line",
            format="phone",
            address="",
            language="es",
        )
        a_series(group, first_day=next_weekday(0), start_time=time(9))
        return group


def finder(client, **filters) -> str:
    return client.get(reverse("groups_finder"), filters).content.decode()


# The finder -------------------------------------------------------------------------------------


def test_the_finder_filters_by_day_of_week(alex, thursday, monday_morning) -> None:
    alex.user.timezone = "America/New_York"
    alex.user.save()
    client = alex.client()
    page = finder(client, day="thu")
    assert "Thursday circle" in page and "Monday morning phone line" not in page
    page = finder(client, day="mon")
    assert "Thursday circle" not in page and "Monday morning phone line" in page


def test_the_finder_filters_by_time_of_day_format_and_language(alex, thursday, monday_morning) -> None:
    client = alex.client()
    alex.user.timezone = "America/New_York"
    alex.user.save()
    assert "Monday morning phone line" not in finder(client, time="evening")
    assert "Thursday circle" in finder(client, time="evening")
    assert "Thursday circle" not in finder(client, format="phone")
    assert "Monday morning phone line" in finder(client, language="es")
    assert "Thursday circle" not in finder(client, language="es")


def test_the_finder_filters_by_topic(harbor, alex, thursday, monday_morning) -> None:
    with scope(organization=harbor):
        grief = ExperienceArea.objects.get(slug="grief")
        thursday[0].topics.add(grief)
    page = finder(alex.client(), topic="grief")
    assert "Thursday circle" in page and "Monday morning phone line" not in page


def test_the_next_meeting_is_shown_on_the_viewers_own_day_and_clock(alex, thursday) -> None:
    # 7 pm in New York is past midnight in London: the meeting is on Friday there.
    alex.user.timezone = "Europe/London"
    alex.user.save()
    client = alex.client()
    assert "Thursday circle" not in finder(client, day="thu")
    page = finder(client, day="fri")
    assert "Thursday circle" in page and "Friday" in page
    assert "Times are shown in your time zone, Europe/London." in page


def test_without_a_time_zone_of_their_own_a_person_sees_the_organizations(alex, thursday) -> None:
    alex.user.timezone = ""
    alex.user.save()
    page = finder(alex.client(), day="thu")
    assert "Thursday circle" in page and "7:00 PM" in page
    assert "America/New York" in page


def test_an_invite_only_group_is_hidden_from_people_not_invited(harbor, pat, alex, sam) -> None:
    with scope(organization=harbor):
        group = a_group(harbor, facilitators=[pat.membership], name="Closed circle", access="invite")
        a_series(group)
    assert "Closed circle" not in finder(alex.client())
    assert alex.client().get(reverse("groups_detail", args=[group.pk])).status_code == 404
    assert "Closed circle" in finder(sam.client())
    assert "Closed circle" in finder(pat.client())
    with scope(organization=harbor):
        services.group_invite(actor=pat.membership, group=group, invitee=alex.membership)
    page = finder(alex.client())
    assert "Closed circle" in page and "You're invited" in page
    assert alex.client().get(reverse("groups_detail", args=[group.pk])).status_code == 200


def test_a_clinician_does_not_browse_groups(casey, thursday) -> None:
    assert casey.client().get(reverse("groups_finder")).status_code == 403


def test_the_finder_takes_the_same_number_of_queries_for_many_groups(harbor, pat, alex) -> None:
    def make(count: int, start: int) -> None:
        with scope(organization=harbor):
            for number in range(start, start + count):
                group = a_group(harbor, facilitators=[pat.membership], name=f"Group {number}")
                group.topics.add(ExperienceArea.objects.first())
                a_series(group, first_day=next_weekday(number % 7))
                a_series(group, first_day=next_weekday((number + 1) % 7), frequency="biweekly")
                join(group, alex.membership)

    client = alex.client()
    make(2, 2)  # both meet on a Thursday in alex's zone (the organization's, New York)
    client.get(reverse("groups_finder"))
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("groups_finder"), {"day": "thu"}).status_code == 200
    make(6, 4)
    with CaptureQueriesContext(connection) as many:
        assert client.get(reverse("groups_finder"), {"day": "thu"}).status_code == 200
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]


# A group ----------------------------------------------------------------------------------------


def test_joining_needs_the_guidelines_accepted(alex, thursday) -> None:
    group, _series = thursday
    client = alex.client()
    page = client.get(reverse("groups_join", args=[group.pk])).content.decode()
    assert "What is said here stays here." in page
    refused = client.post(reverse("groups_join", args=[group.pk]), {"version": "1"})
    assert refused.status_code == 400
    with scopes_disabled():
        assert not GroupMember.objects.exists()
    client.post(reverse("groups_join", args=[group.pk]), {"version": "1", "accept": "on"})
    with scopes_disabled():
        row = GroupMember.objects.get()
    assert (row.member_id, row.guidelines_version) == (alex.membership.pk, 1)


def test_members_see_how_to_join_but_not_who_else_is_in_the_group(harbor, alex, thursday) -> None:
    group, _series = thursday
    jordan = make_person("jordan", harbor, Role.PARTICIPANT)
    with scope(organization=harbor):
        join(group, alex.membership)
        join(group, jordan.membership)
    page = alex.client().get(reverse("groups_detail", args=[group.pk])).content.decode()
    assert "Door code 4321" in page
    assert "Jordan" not in page
    outsider_page = (
        make_person("kim", harbor, Role.PARTICIPANT).client().get(reverse("groups_detail", args=[group.pk]))
    )
    assert "Door code 4321" not in outsider_page.content.decode()


def test_a_member_says_they_are_coming_from_the_group_page(harbor, alex, thursday) -> None:
    group, series = thursday
    with scope(organization=harbor):
        join(group, alex.membership)
        meeting = next_meeting(series)
    client = alex.client()
    assert "I'm coming" in client.get(reverse("groups_detail", args=[group.pk])).content.decode()
    response = client.post(reverse("groups_rsvp", args=[series.pk, meeting.key]), follow=True)
    assert "You&#x27;re going. See you there!" in response.content.decode()
    with scopes_disabled():
        assert MeetingRsvp.objects.get().status == "going"


def test_a_full_meeting_puts_the_next_person_on_the_waiting_list_with_their_place(
    harbor, alex, thursday
) -> None:
    group, series = thursday
    with scope(organization=harbor):
        group.capacity = 1
        group.save()
        first = make_person("ana", harbor, Role.PARTICIPANT)
        join(group, first.membership)
        join(group, alex.membership)
        meeting = next_meeting(series)
        services.rsvp_set(member=first.membership, meeting=meeting)
    page = (
        alex.client()
        .post(reverse("groups_rsvp", args=[series.pk, meeting.key]), follow=True)
        .content.decode()
    )
    assert "you&#x27;re on the waiting list" in page
    assert "number 1 in line" in page


def test_a_peer_who_does_not_facilitate_cannot_manage(riley, thursday) -> None:
    group, _series = thursday
    assert riley.client().get(reverse("groups_manage", args=[group.pk])).status_code == 403


def test_reading_the_members_of_a_group_is_audited(harbor, pat, alex, thursday) -> None:
    group, _series = thursday
    with scope(organization=harbor):
        join(group, alex.membership)
    page = pat.client().get(reverse("groups_manage", args=[group.pk])).content.decode()
    assert "Alex" in page
    with scopes_disabled():
        event = AuditEvent.objects.get(action="group.roster.read")
    assert (event.subject_id, event.actor_id) == (alex.membership.pk, pat.user.pk)


def test_the_facilitator_takes_attendance_on_the_meeting_page(harbor, pat, alex) -> None:
    with scope(organization=harbor):
        group = a_group(harbor, facilitators=[pat.membership])
        begun = (timezone.now() - timedelta(minutes=30)).astimezone(
            __import__("zoneinfo").ZoneInfo(group.timezone)
        )
        begun = begun.replace(second=0, microsecond=0)
        series = a_series(group, first_day=begun.date(), start_time=begun.time(), frequency="once")
        join(group, alex.membership)
        meeting = next_meeting(series, after=begun)
    client = pat.client()
    url = reverse("groups_occurrence", args=[series.pk, meeting.key])
    assert "Tick everyone who was there" in client.get(url).content.decode()
    pk = alex.membership.pk
    client.post(
        reverse("groups_attendance", args=[series.pk, meeting.key]), {"listed": [pk], "present": [pk]}
    )
    with scopes_disabled():
        record = Attendance.objects.get()
    assert (record.member_id, record.attended, record.source) == (pk, True, "facilitator")


def test_a_supervisor_starts_a_group_from_the_form(harbor, sam, pat) -> None:
    response = sam.client().post(
        reverse("groups_create"),
        {
            "name": "Family and friends",
            "description": "For people who love someone in recovery.",
            "facilitators": [pat.membership.pk],
            "format": "online",
            "language": "en",
            "capacity": "10",
            "access": "open",
            "guidelines": "Listen first.",
            "timezone": "America/New_York",
        },
    )
    assert response.status_code == 302
    with scope(organization=harbor):
        group = pat.membership.facilitated_groups.get()
    assert group.name == "Family and friends"
    assert response["Location"] == reverse("groups_manage", args=[group.pk])


def test_a_facilitator_adds_a_schedule_and_members_see_its_meetings(harbor, pat, alex, thursday) -> None:
    group, _series = thursday
    day = next_weekday(1, after=timezone.localdate() + timedelta(days=7))
    response = pat.client().post(
        reverse("groups_series_create", args=[group.pk]),
        {
            "frequency": "monthly",
            "first_day": day.isoformat(),
            "start_time": "18:30",
            "duration_minutes": "60",
            "timezone": "America/New_York",
        },
    )
    assert response.status_code == 302
    page = alex.client().get(reverse("groups_detail", args=[group.pk])).content.decode()
    assert "Tuesday of every month at 6:30 PM" in page


# Calendar files ---------------------------------------------------------------------------------


def test_one_meeting_downloads_as_a_calendar_file(harbor, alex, thursday) -> None:
    _group, series = thursday
    with scope(organization=harbor):
        meeting = next_meeting(series)
    response = alex.client().get(reverse("groups_occurrence_ics", args=[series.pk, meeting.key]))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    calendar = icalendar.Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == meeting.start
    assert event["DTSTART"].params["TZID"] == "America/New_York"
    assert str(event["SUMMARY"]) == "Thursday circle" and str(event["LOCATION"]) == "41 Wharf Street"
    assert "UID" in event and "DTSTAMP" in event
    assert [tz.tz_name for tz in calendar.timezones] == ["America/New_York"]


def test_the_private_calendar_link_lists_the_meetings_and_marks_the_answered_one(
    harbor, alex, thursday
) -> None:
    group, series = thursday
    with scope(organization=harbor):
        join(group, alex.membership)
        meeting = next_meeting(series)
        services.rsvp_set(member=alex.membership, meeting=meeting)
    client = alex.client()
    page = client.post(reverse("groups_calendar"), {"discreet": "on"}).content.decode()
    url = page.split('id="feed-url" type="text" value="', 1)[1].split('"', 1)[0]
    assert url.startswith("http") and "/groups/calendar/cal_" in url
    path = url.split("://", 1)[1].split("/", 1)[1]
    feed = client.__class__().get("/" + path)  # a calendar app: no session
    assert feed.status_code == 200 and feed["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(feed.content)
    events = list(calendar.walk("VEVENT"))
    assert {str(e["SUMMARY"]) for e in events} == {"Group meeting"}  # plain titles
    assert b"Thursday circle" not in feed.content
    answered = next(e for e in events if "RECURRENCE-ID" in e)
    assert answered.decoded("recurrence-id") == meeting.original_start
    assert str(answered["STATUS"]) == "CONFIRMED"
    found = recurring_ical_events.of(calendar).between(
        meeting.start - timedelta(days=1), meeting.start + timedelta(days=15)
    )
    assert [e.decoded("dtstart") for e in found][:3] == [
        meeting.start + timedelta(days=7 * n) for n in range(3)
    ]


def test_a_revoked_calendar_link_stops_working(harbor, alex, thursday) -> None:
    with scope(organization=harbor):
        _feed, raw = services.calendar_feed_create(member=alex.membership)
    url = reverse("groups_feed", args=[raw])
    assert alex.client().__class__().get(url).status_code == 200
    alex.client().post(reverse("groups_calendar_revoke"))
    assert alex.client().__class__().get(url).status_code == 404
    assert alex.client().__class__().get(reverse("groups_feed", args=["cal_guess"])).status_code == 404


def test_a_meeting_page_shows_the_time_in_the_viewers_zone(harbor, alex, thursday) -> None:
    _group, series = thursday
    alex.user.timezone = "Asia/Tokyo"
    alex.user.save()
    with scope(organization=harbor):
        meeting = next_meeting(series)
    page = alex.client().get(reverse("groups_occurrence", args=[series.pk, meeting.key])).content.decode()
    local = meeting.start.astimezone(__import__("zoneinfo").ZoneInfo("Asia/Tokyo"))
    assert "Asia/Tokyo time" in page
    assert local.strftime("%A") in page
    assert isinstance(local, datetime)
