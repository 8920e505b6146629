"""Support groups in a real browser on a small phone screen: a participant finds a Thursday
group with the meeting finder, joins it by accepting its guidelines, says he's coming and
downloads the meeting to his calendar."""

from __future__ import annotations

from datetime import time
from pathlib import Path
from typing import Any

import icalendar
import pytest
from django_scopes import scope

from alongside.groups.tests.factories import a_group, a_series, next_meeting, next_weekday
from conftest import PASSWORD
from tests.e2e.conftest import assert_accessible


def sign_in(page: Any, base: str, username: str) -> None:
    page.goto(base + "/accounts/login/")
    page.locator("#id_login").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(base + "/")


@pytest.fixture
def two_groups(harbor: Any, pat: Any, riley: Any) -> Any:
    with scope(organization=harbor):
        thursday = a_group(harbor, facilitators=[pat.membership], name="Thursday evening circle")
        series = a_series(thursday, first_day=next_weekday(3), start_time=time(19), duration_minutes=90)
        monday = a_group(
            harbor,
            facilitators=[riley.membership],
            name="Monday lunchtime check-in",
            format="online",
            address="",
        )
        a_series(monday, first_day=next_weekday(0), start_time=time(12))
        return thursday, next_meeting(series)


@pytest.mark.django_db(transaction=True)
def test_a_participant_finds_a_thursday_group_says_he_is_coming_and_adds_it_to_his_calendar(
    live_server: Any, page: Any, alex: Any, two_groups: Any
) -> None:
    from playwright.sync_api import expect

    alex.user.timezone = "America/New_York"
    alex.user.save()
    _group, meeting = two_groups
    base = live_server.url
    sign_in(page, base, "alex")
    page.get_by_role("link", name="Groups").click()
    expect(page.get_by_role("heading", name="Support groups", exact=True)).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Day", exact=True).select_option("thu")
    page.get_by_role("button", name="Find groups").click()
    expect(page.get_by_text("1 group found")).to_be_visible()
    card = page.locator("li.group-card", has_text="Thursday evening circle")
    expect(card).to_contain_text("Every Thursday at 7:00 PM")
    expect(card.locator(".group-next")).to_contain_text("Thursday")
    expect(page.get_by_text("Monday lunchtime check-in")).to_have_count(0)
    assert_accessible(page)

    card.get_by_role("link", name="Thursday evening circle").click()
    expect(page.get_by_role("heading", name="Thursday evening circle", exact=True)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Join this group").click()
    expect(page.get_by_text("What is said here stays here.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("I have read the group guidelines and I accept them").check()
    page.get_by_role("button", name="Join the group").click()
    expect(page.get_by_text("Welcome to Thursday evening circle.")).to_be_visible()

    page.get_by_role("button", name="I'm coming").first.click()
    expect(page.get_by_text("You're going. See you there!")).to_be_visible()
    expect(page.get_by_role("heading", name="Thursday evening circle", exact=True)).to_be_visible()
    assert_accessible(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add to my calendar (.ics)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    calendar = icalendar.Calendar.from_ical(Path(download.path()).read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Thursday evening circle"
    assert event.decoded("dtstart") == meeting.start
    assert event["DTSTART"].params["TZID"] == "America/New_York"
    assert str(event["LOCATION"]) == "41 Wharf Street"


@pytest.mark.django_db(transaction=True)
def test_a_facilitator_invites_someone_takes_attendance_and_cancels_a_meeting(
    live_server: Any, page: Any, harbor: Any, alex: Any, pat: Any, riley: Any
) -> None:
    import zoneinfo
    from datetime import timedelta

    from django.utils import timezone
    from playwright.sync_api import expect

    from alongside.groups.services import rsvp_set
    from alongside.groups.tests.factories import join

    with scope(organization=harbor):
        group = a_group(harbor, facilitators=[pat.membership], name="Thursday evening circle")
        weekly = a_series(group, first_day=next_weekday(3), start_time=time(19))
        begun = (timezone.now() - timedelta(minutes=30)).astimezone(zoneinfo.ZoneInfo(group.timezone))
        begun = begun.replace(second=0, microsecond=0)
        extra = a_series(
            group, title="Extra session", first_day=begun.date(), start_time=begun.time(), frequency="once"
        )
        join(group, alex.membership)
        coming = next_meeting(weekly)
        rsvp_set(member=alex.membership, meeting=coming)
        started = next_meeting(extra, after=begun)
    base = live_server.url
    sign_in(page, base, "pat")
    page.get_by_role("link", name="Groups").click()
    page.get_by_role("link", name="Thursday evening circle").first.click()
    page.get_by_role("link", name="Manage the group").click()
    expect(page.get_by_role("heading", name="Manage Thursday evening circle")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Person to invite").select_option(label="Riley (Peer supporter)")
    page.get_by_role("button", name="Invite", exact=True).click()
    expect(page.get_by_text("Riley is invited.")).to_be_visible()

    page.goto(f"{base}/groups/meetings/{started.series.pk}/{started.key}/")
    expect(page.get_by_role("heading", name="Extra session")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Alex").check()
    page.get_by_role("button", name="Save attendance").click()
    expect(page.get_by_text("Attendance is saved.")).to_be_visible()

    page.goto(f"{base}/groups/meetings/{coming.series.pk}/{coming.key}/")
    expect(page.get_by_role("heading", name="1 person coming")).to_be_visible()
    assert_accessible(page)
    page.get_by_text("Cancel this meeting").click()
    page.get_by_label("A note for the people coming (optional)").fill("The hall is closed.")
    page.get_by_role("button", name="Cancel the meeting and tell everyone").click()
    expect(
        page.get_by_text("The meeting is cancelled. Everyone who was coming has been told.")
    ).to_be_visible()
    expect(page.get_by_text("This meeting is cancelled. The hall is closed.")).to_be_visible()
    assert_accessible(page)
