"""Support groups and meetings over the API (/api/v1/groups/...).

The same rules as the pages: groups of the caller's organization only; invite-only groups
only for their members, invited people, facilitators, supervisors and admins; anything else is
a 404. A meeting is named by its schedule and its original start in UTC (`20250306T000000Z`),
which stays the same when the meeting is moved. Times are ISO 8601 with their offset: in the
caller's own time zone, except `original_start`, which is in UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Router, Schema

from alongside.accounts.models import Membership
from alongside.api.access import api_access
from alongside.core.access import Access
from alongside.core.roles import Role
from alongside.core.timezones import zone_of
from alongside.groups import selectors, services
from alongside.groups.models import GroupAccess, GroupFormat, SupportGroup

router = Router(tags=["groups"])
ROUTER_PREFIX = "/groups"
BROWSERS = Access(roles=frozenset({Role.PARTICIPANT, Role.PEER, Role.SUPERVISOR, Role.ADMIN}))
JOINERS = Access(roles=frozenset({Role.PARTICIPANT, Role.PEER}))


class MeetingOut(Schema):
    group_id: int
    group_name: str
    series_id: int
    key: str
    original_start: datetime
    start: datetime
    end: datetime
    moved: bool
    cancelled: bool
    going: int
    capacity: int
    places_left: int
    my_answer: Literal["going", "waitlisted", "cancelled"] | None
    calendar_file: str


class GroupOut(Schema):
    id: int
    name: str
    description: str
    topics: list[str]
    format: GroupFormat
    language: str
    capacity: int
    access: GroupAccess
    facilitators: list[str]
    schedules: list[str]
    relation: Literal["member", "facilitator", "invited"] | None
    next_meeting: MeetingOut | None


class GroupDetailOut(GroupOut):
    address: str
    joining_details: str | None
    guidelines: str
    guidelines_version: int
    guidelines_accepted_version: int | None
    meetings: list[MeetingOut]


def _me(request: HttpRequest) -> Membership:
    return request.membership  # type: ignore[attr-defined,no-any-return]


def _meeting_out(viewer: Membership, line: selectors.MeetingLine) -> dict[str, Any]:
    from alongside.groups.services.common import meeting_url

    zone = zone_of(viewer)
    meeting = line.meeting
    return {
        "group_id": meeting.group.pk,
        "group_name": meeting.group.name,
        "series_id": meeting.series.pk,
        "key": meeting.key,
        "original_start": meeting.original_start.astimezone(UTC),
        "start": meeting.start.astimezone(zone),
        "end": meeting.end.astimezone(zone),
        "moved": meeting.moved,
        "cancelled": meeting.cancelled,
        "going": line.going,
        "capacity": line.capacity,
        "places_left": line.places_left,
        "my_answer": line.status or None,
        "calendar_file": meeting_url(meeting) + "calendar.ics",
    }


def _group_out(viewer: Membership, card: selectors.GroupCard) -> dict[str, Any]:
    group = card.group
    return {
        "id": group.pk,
        "name": group.name,
        "description": group.description,
        "topics": [topic.label for topic in group.topics.all()],
        "format": group.format,
        "language": group.language,
        "capacity": group.capacity,
        "access": group.access,
        "facilitators": [person.user.shown_name for person in group.facilitators.all()],
        "schedules": card.schedules,
        "relation": card.relation or None,
        "next_meeting": _meeting_out(viewer, card.next_line) if card.next_line else None,
    }


@router.get("", response=list[GroupOut])
@api_access(BROWSERS)
def groups_list(
    request: HttpRequest,
    topic: str = "",
    format: Literal["", "online", "in_person", "phone"] = "",
    language: str = "",
    day: Literal["", "mon", "tue", "wed", "thu", "fri", "sat", "sun"] = "",
    time: Literal["", "morning", "afternoon", "evening", "night"] = "",
) -> Any:
    """The meeting finder: groups the caller may see that are meeting, filtered by topic (slug),
    format, language, and the day and time of day of a coming meeting in the caller's time
    zone; each with the next such meeting."""
    me = _me(request)
    page = selectors.finder_page(
        viewer=me,
        filters=selectors.FinderFilters(topic=topic, format=format, language=language, day=day, time=time),
    )
    return [_group_out(me, card) for card in page.results]


@router.get("/meetings/upcoming", response=list[MeetingOut])
@api_access(BROWSERS)
def group_meetings_upcoming(request: HttpRequest, days: int = 30) -> Any:
    """The caller's coming meetings (groups they belong to or facilitate) in the next `days`
    days (1 to 90), with their answer to each."""
    me = _me(request)
    lines = selectors.my_upcoming(viewer=me, days=max(1, min(days, 90)))
    return [_meeting_out(me, line) for line in lines]


@router.get("/{group_id}", response=GroupDetailOut)
@api_access(BROWSERS)
def group_get(request: HttpRequest, group_id: int) -> Any:
    """One group, its guidelines and its coming meetings. How to join a meeting (a dial-in
    number, a door code) is only given to members and those who manage the group."""
    me = _me(request)
    group: SupportGroup = selectors.group_for(viewer=me, group_id=group_id)
    page = selectors.group_page(viewer=me, group=group)
    relation = (
        "facilitator"
        if page.facilitator
        else "member"
        if page.is_member
        else "invited"
        if page.invitation
        else ""
    )
    card = selectors.GroupCard(
        group=group,
        schedules=page.schedules,
        next_line=page.meetings[0] if page.meetings else None,
        relation=relation,
    )
    return {
        **_group_out(me, card),
        "address": group.address,
        "joining_details": group.joining_details if page.sees_joining_details else None,
        "guidelines": group.guidelines,
        "guidelines_version": group.guidelines_version,
        "guidelines_accepted_version": page.row.guidelines_version if page.is_member and page.row else None,
        "meetings": [_meeting_out(me, line) for line in page.meetings],
    }


def _answered(request: HttpRequest, series_id: int, key: str) -> dict[str, Any]:
    me = _me(request)
    meeting = selectors.meeting_for(viewer=me, series_id=series_id, key=key)
    return _meeting_out(me, selectors.meeting_line(viewer=me, meeting=meeting))


@router.post("/meetings/{series_id}/{key}/rsvp", response=MeetingOut)
@api_access(JOINERS)
def group_rsvp_post(request: HttpRequest, series_id: int, key: str) -> Any:
    """Say you're coming. `my_answer` is "going", or "waitlisted" when the meeting is full (a
    place that opens goes to the first in line, who is notified). Answering twice changes
    nothing. 400 when you are not a member, have not accepted new guidelines, or the meeting
    is cancelled or over."""
    me = _me(request)
    meeting = selectors.meeting_for(viewer=me, series_id=series_id, key=key)
    services.rsvp_set(member=me, meeting=meeting)
    return _answered(request, series_id, key)


@router.delete("/meetings/{series_id}/{key}/rsvp", response=MeetingOut)
@api_access(JOINERS)
def group_rsvp_delete(request: HttpRequest, series_id: int, key: str) -> Any:
    """You're not coming after all; your place goes to the first on the waiting list. 400 if
    you had not answered."""
    me = _me(request)
    meeting = selectors.meeting_for(viewer=me, series_id=series_id, key=key)
    services.rsvp_cancel(member=me, meeting=meeting)
    return _answered(request, series_id, key)
