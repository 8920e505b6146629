"""The demo groups: what a newcomer clicks through as alex, jordan, pat and riley."""

from __future__ import annotations

import random
from datetime import time, timedelta

import pytest
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from alongside.core.timezones import zone_named
from alongside.groups.demo import seed_demo
from alongside.groups.models import (
    Attendance,
    GroupMember,
    MeetingRsvp,
    MeetingSeries,
    OccurrenceChange,
    SupportGroup,
)
from alongside.groups.schedules import series_queryset, upcoming_meetings

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(alex, pat, jordan, riley, sam):
    users = {person.user.username: person.user for person in (alex, pat, jordan, riley, sam)}
    seed_demo(users=users, rng=random.Random(7))
    return users


def counts() -> tuple[int, ...]:
    with scopes_disabled():
        return tuple(
            model.objects.count()
            for model in (SupportGroup, MeetingSeries, GroupMember, MeetingRsvp, Attendance, OccurrenceChange)
        )


def test_there_are_three_groups_a_daily_one_a_thursday_one_and_a_spanish_one(demo, harbor) -> None:
    with scope(organization=harbor):
        groups = {group.name: group for group in SupportGroup.objects.all()}
        assert len(groups) == 3
        daily = MeetingSeries.objects.get(group__name="Daily check-in circle")
        assert (daily.frequency, daily.start_time, daily.duration_minutes) == ("daily", time(12), 60)
        assert groups["Daily check-in circle"].format == "online"
        thursday = MeetingSeries.objects.get(group__name="Thursday evening recovery circle")
        assert (thursday.frequency, thursday.first_day.weekday(), thursday.start_time) == (
            "weekly",
            3,
            time(19),
        )
        assert "41 Wharf Street" in groups["Thursday evening recovery circle"].address
        spanish = MeetingSeries.objects.get(group__name="Grupo de apoyo en español")
        assert (spanish.frequency, spanish.month_week, spanish.first_day.weekday()) == ("monthly", 2, 1)
        assert groups["Grupo de apoyo en español"].language == "es"


def test_a_daily_meeting_is_always_less_than_a_day_away(demo, harbor) -> None:
    with scope(organization=harbor):
        series = series_queryset().get(group__name="Daily check-in circle")
        (meeting,) = upcoming_meetings([series], after=timezone.now(), per_series=1)
    assert meeting.start - timezone.now() < timedelta(days=1)
    assert meeting.start.astimezone(zone_named("America/New_York")).time() == time(12)


def test_pat_and_riley_facilitate_and_alex_is_going_next_thursday(demo, harbor, alex, pat, riley) -> None:
    with scope(organization=harbor):
        thursday = SupportGroup.objects.get(name="Thursday evening recovery circle")
        assert list(thursday.facilitators.all()) == [pat.membership]
        assert riley.membership in SupportGroup.objects.get(name="Daily check-in circle").facilitators.all()
        assert GroupMember.objects.filter(group=thursday, member=alex.membership, status="active").exists()
        coming = MeetingRsvp.objects.get(
            member=alex.membership, series__group=thursday, starts_at__gt=timezone.now()
        )
        assert coming.status == "going"
        past = Attendance.objects.filter(member=alex.membership).order_by("original_start")
        assert [record.attended for record in past] == [True, False, True]
        assert OccurrenceChange.objects.filter(series__group=thursday, kind="cancelled").exists()


def test_seeding_twice_changes_nothing(demo) -> None:
    before = counts()
    seed_demo(users=demo, rng=random.Random(7))
    assert counts() == before


def test_the_demo_pages_open_for_each_role(demo, alex, pat, sam) -> None:
    page = alex.client().get("/groups/", {"day": "thu"}).content.decode()
    assert "Thursday evening recovery circle" in page
    with scope(organization=alex.organization):
        thursday = SupportGroup.objects.get(name="Thursday evening recovery circle")
        series = MeetingSeries.objects.get(group=thursday)
        answer = MeetingRsvp.objects.get(member=alex.membership, starts_at__gt=timezone.now())
    from alongside.groups.recurrence import occurrence_key

    meeting_url = f"/groups/meetings/{series.pk}/{occurrence_key(answer.original_start)}/"
    assert "You're going" in alex.client().get(meeting_url).content.decode()
    assert pat.client().get(f"/groups/{thursday.pk}/manage/").status_code == 200
    assert sam.client().get("/groups/").status_code == 200


def test_missing_people_are_skipped(db, harbor) -> None:
    seed_demo(users={}, rng=random.Random(1))
    assert counts() == (0, 0, 0, 0, 0, 0)


def test_it_fits_the_real_demo_organization(db, settings) -> None:
    from alongside.devtools.demo_data import seed_demo as seed_organization

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    seed_organization()
    with scopes_disabled():
        spanish = SupportGroup.objects.get(name="Grupo de apoyo en español")
        assert {f.user.username for f in spanish.facilitators.all()} == {"luis"}
        assert set(
            GroupMember.objects.filter(group=spanish).values_list("member__user__username", flat=True)
        ) == {
            "rosa",
            "tomas",
            "elena",
        }
        assert OccurrenceChange.objects.filter(series__group=spanish, kind="moved").exists()
