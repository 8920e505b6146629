"""Groups, schedules and members for tests (call inside the organization's scope)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

from alongside.accounts.models import Membership, Organization
from alongside.core.timezones import zone_named
from alongside.groups.models import GroupMember, MeetingSeries, SupportGroup
from alongside.groups.schedules import Meeting, series_queryset, upcoming_meetings

GUIDELINES = "What is said here stays here. Speak from your own experience. Phones on silent."


def a_group(
    organization: Organization,
    *,
    facilitators: list[Membership],
    name: str = "Thursday circle",
    **fields: Any,
) -> SupportGroup:
    values: dict[str, Any] = {
        "format": "in_person",
        "address": "41 Wharf Street",
        "language": "en",
        "capacity": 12,
        "access": "open",
        "guidelines": GUIDELINES,
        "timezone": "America/New_York",
        **fields,
    }
    group = SupportGroup.objects.create(organization=organization, name=name, **values)
    group.facilitators.set(facilitators)
    return group


def next_weekday(weekday: int, zone: str = "America/New_York", *, after: date | None = None) -> date:
    """The next date (after today in `zone`, or after `after`) falling on `weekday` (Monday 0)."""
    start = after or timezone.now().astimezone(zone_named(zone)).date()
    days = (weekday - start.weekday()) % 7 or 7
    return start + timedelta(days=days)


def a_series(
    group: SupportGroup,
    *,
    first_day: date | None = None,
    start_time: time = time(19, 0),
    frequency: str = "weekly",
    duration_minutes: int = 60,
    **fields: Any,
) -> MeetingSeries:
    """A schedule written directly (services refuse a first day in the past; tests need one)."""
    from alongside.groups import recurrence

    first_day = first_day or next_weekday(3, group.timezone)
    return MeetingSeries.objects.create(
        organization=group.organization,
        group=group,
        frequency=frequency,
        first_day=first_day,
        start_time=start_time,
        duration_minutes=duration_minutes,
        month_week=recurrence.month_week_of(first_day) if frequency == "monthly" else 0,
        timezone=fields.pop("timezone", group.timezone),
        **fields,
    )


def join(group: SupportGroup, person: Membership) -> GroupMember:
    now = timezone.now()
    return GroupMember.objects.create(
        organization=group.organization,
        group=group,
        member=person,
        guidelines_version=group.guidelines_version,
        guidelines_accepted_at=now,
    )


def next_meeting(series: MeetingSeries, *, after: datetime | None = None) -> Meeting:
    series = series_queryset().get(pk=series.pk)
    return upcoming_meetings([series], after=after or timezone.now(), per_series=1)[0]


def reload(meeting: Meeting) -> Meeting:
    from alongside.groups.schedules import meeting_at

    found = meeting_at(series_queryset().get(pk=meeting.series.pk), meeting.original_start)
    assert found is not None
    return found
