"""Authorization cases for every group route and API operation (see tests/authz.py).

Harbor has an open group facilitated by pat, with a weekly schedule and alex as a member, and
an invite-only group; each object route names one of them, so the central test proves that
the outsider and every wrong role cannot reach it. The kwargs functions may run several times
in one test, so they find what they made before.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone
from django_scopes import scope

from alongside.groups.models import GroupInvitation, GroupMember, MeetingSeries, SupportGroup
from alongside.groups.services import calendar_feed_create
from alongside.groups.tests.factories import GUIDELINES, a_series, next_meeting
from conftest import Persona
from tests.authz import ApiCase, RouteCase

BROWSERS = ("alex", "pat", "sam", "morgan")
JOINERS = ("alex", "pat")
MANAGERS = ("pat", "sam", "morgan")
OVERSIGHT = ("sam", "morgan")


def _group(personas: dict[str, Persona], name: str = "Thursday circle", access: str = "open") -> SupportGroup:
    harbor = personas["pat"].organization
    group, created = SupportGroup.objects.get_or_create(
        organization=harbor,
        name=name,
        defaults={
            "format": "in_person",
            "address": "41 Wharf Street",
            "access": access,
            "guidelines": GUIDELINES,
            "timezone": "America/New_York",
        },
    )
    if created:
        group.facilitators.set([personas["pat"].membership])
        GroupMember.objects.create(
            organization=harbor,
            group=group,
            member=personas["alex"].membership,
            guidelines_version=1,
            guidelines_accepted_at=timezone.now(),
        )
        a_series(group)
    return group


def group_kwargs(personas: dict[str, Persona]) -> dict[str, Any]:
    with scope(organization=personas["pat"].organization):
        return {"group_id": _group(personas).pk}


def member_kwargs(personas: dict[str, Persona]) -> dict[str, Any]:
    with scope(organization=personas["pat"].organization):
        group = _group(personas)
        row = GroupMember.objects.get(group=group, member=personas["alex"].membership)
        return {"group_id": group.pk, "member_id": row.pk}


def invitation_kwargs(personas: dict[str, Persona]) -> dict[str, Any]:
    with scope(organization=personas["pat"].organization):
        group = _group(personas, name="Invited circle", access="invite")
        invitation = GroupInvitation.objects.filter(
            group=group, status=GroupInvitation.Status.PENDING
        ).first()
        if invitation is None:
            invitation = GroupInvitation.objects.create(
                organization=group.organization,
                group=group,
                invitee=personas["alex"].membership,
                invited_by=personas["pat"].membership,
            )
        return {"group_id": group.pk, "invitation_id": invitation.pk}


def series_kwargs(personas: dict[str, Persona]) -> dict[str, Any]:
    with scope(organization=personas["pat"].organization):
        return {"series_id": MeetingSeries.objects.get(group=_group(personas)).pk}


def meeting_kwargs(personas: dict[str, Persona]) -> dict[str, Any]:
    with scope(organization=personas["pat"].organization):
        meeting = next_meeting(MeetingSeries.objects.get(group=_group(personas)))
        return {"series_id": meeting.series.pk, "start": meeting.key}


def feed_kwargs(personas: dict[str, Persona]) -> dict[str, Any]:
    with scope(organization=personas["alex"].organization):
        _group(personas)
        _feed, raw = calendar_feed_create(member=personas["alex"].membership)  # type: ignore[arg-type]
        return {"token": raw}


def _meeting_path(personas: dict[str, Persona], suffix: str = "") -> str:
    kwargs = meeting_kwargs(personas)
    return f"/api/v1/groups/meetings/{kwargs['series_id']}/{kwargs['start']}{suffix}"


NEXT_WEEK = (timezone.localdate() + timedelta(days=7)).isoformat()


def live_room(personas: dict[str, Persona]) -> dict[str, Any]:
    """An online group meeting right now: pat and sam facilitate, alex, pat and sam are members."""
    harbor = personas["pat"].organization
    with scope(organization=harbor):
        group, created = SupportGroup.objects.get_or_create(
            organization=harbor,
            name="Online circle",
            defaults={"format": "online", "access": "open", "guidelines": GUIDELINES, "timezone": "UTC"},
        )
        if created:
            group.facilitators.set([personas["pat"].membership, personas["sam"].membership])
            for name in ("alex", "pat", "sam"):
                GroupMember.objects.create(
                    organization=harbor,
                    group=group,
                    member=personas[name].membership,
                    guidelines_version=1,
                    guidelines_accepted_at=timezone.now(),
                )
            started = timezone.now() - timedelta(minutes=5)
            a_series(
                group,
                first_day=started.date(),
                start_time=started.time().replace(second=0, microsecond=0),
                frequency="daily",
                duration_minutes=120,
                timezone="UTC",
            )
    return {"group_id": group.pk}


ROOM_PEOPLE = ("alex", "pat", "sam")

ROUTES: dict[str, RouteCase] = {
    "groups_room": RouteCase(kwargs=live_room, allowed=ROOM_PEOPLE),
    "groups_room_send": RouteCase(
        kwargs=live_room,
        method="post",
        data={"client_id": "rc", "body": "Hello all"},
        allowed=ROOM_PEOPLE,
        ok=(302,),
    ),
    "groups_room_poll": RouteCase(kwargs=live_room, allowed=ROOM_PEOPLE),
    "groups_room_moderate": RouteCase(
        kwargs=live_room,
        method="post",
        data={"action": "unmute", "target": "0"},
        allowed=("pat", "sam"),
        ok=(302,),
    ),
    "groups_room_name": RouteCase(
        kwargs=live_room, method="post", data={"room_name": "Sunny"}, allowed=ROOM_PEOPLE, ok=(302,)
    ),
    "groups_finder": RouteCase(allowed=BROWSERS),
    "groups_create": RouteCase(allowed=OVERSIGHT),
    "groups_detail": RouteCase(kwargs=group_kwargs, allowed=BROWSERS),
    "groups_edit": RouteCase(kwargs=group_kwargs, allowed=OVERSIGHT),
    # alex (a member already) and pat (the facilitator) are sent back to the group page.
    "groups_join": RouteCase(kwargs=group_kwargs, allowed=JOINERS, ok=(200, 302)),
    "groups_leave": RouteCase(kwargs=group_kwargs, method="post", allowed=JOINERS, ok=(302,)),
    "groups_invitation_decline": RouteCase(kwargs=group_kwargs, method="post", allowed=JOINERS, ok=(302,)),
    "groups_manage": RouteCase(kwargs=group_kwargs, allowed=MANAGERS),
    "groups_invite": RouteCase(
        kwargs=group_kwargs, method="post", data={"invitee": "0"}, allowed=MANAGERS, ok=(302,)
    ),
    "groups_invitation_withdraw": RouteCase(
        kwargs=invitation_kwargs, method="post", allowed=MANAGERS, ok=(302,)
    ),
    "groups_member_remove": RouteCase(kwargs=member_kwargs, method="post", allowed=MANAGERS, ok=(302,)),
    "groups_series_create": RouteCase(kwargs=group_kwargs, allowed=MANAGERS),
    "groups_series_stop": RouteCase(
        kwargs=series_kwargs, method="post", data={"last_day": NEXT_WEEK}, allowed=MANAGERS, ok=(302,)
    ),
    "groups_occurrence": RouteCase(kwargs=meeting_kwargs, allowed=BROWSERS),
    "groups_occurrence_ics": RouteCase(kwargs=meeting_kwargs, allowed=BROWSERS),
    "groups_rsvp": RouteCase(kwargs=meeting_kwargs, method="post", allowed=JOINERS, ok=(302,)),
    "groups_rsvp_cancel": RouteCase(kwargs=meeting_kwargs, method="post", allowed=JOINERS, ok=(302,)),
    "groups_attendance_self": RouteCase(
        kwargs=meeting_kwargs, method="post", data={"attended": "yes"}, allowed=JOINERS, ok=(302,)
    ),
    "groups_attendance": RouteCase(
        kwargs=meeting_kwargs, method="post", data={"listed": [], "present": []}, allowed=MANAGERS, ok=(302,)
    ),
    "groups_occurrence_cancel": RouteCase(kwargs=meeting_kwargs, method="post", allowed=MANAGERS, ok=(302,)),
    "groups_occurrence_move": RouteCase(kwargs=meeting_kwargs, allowed=MANAGERS),
    "groups_calendar": RouteCase(allowed=BROWSERS),
    "groups_calendar_revoke": RouteCase(method="post", allowed=BROWSERS, ok=(302,)),
    "groups_feed": RouteCase(kwargs=feed_kwargs, capability_link=True),
}

API = "/api/v1/groups"

API_ROUTES: dict[str, ApiCase] = {
    "groups_list": ApiCase("get", API, allowed=BROWSERS),
    "group_meetings_upcoming": ApiCase("get", f"{API}/meetings/upcoming", allowed=BROWSERS),
    "group_get": ApiCase("get", lambda p: f"{API}/{group_kwargs(p)['group_id']}", allowed=BROWSERS),
    # pat facilitates the group, so pat's answer is refused (400), as is cancelling one never given.
    "group_rsvp_post": ApiCase("post", lambda p: _meeting_path(p, "/rsvp"), allowed=JOINERS, ok=(200, 400)),
    "group_rsvp_delete": ApiCase(
        "delete", lambda p: _meeting_path(p, "/rsvp"), allowed=JOINERS, ok=(200, 400)
    ),
}
