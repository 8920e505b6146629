"""Group rooms: real-time group chat for an online group's meetings.

Members may enter and write only during a meeting (from a few minutes before it starts until
it ends); facilitators always. Members show their name or a pseudonym they chose. Facilitators
mute, remove and delete; every moderation step is audited. Messages are screened like every
other place a participant writes, and stored (committed) before anyone is told.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.translation import gettext as _

from alongside.accounts.models import Membership
from alongside.conversations.services import clean_message
from alongside.core.audit import audit_record
from alongside.core.database import one
from alongside.core.notifications import group_send
from alongside.core.roles import Role
from alongside.groups.models import (
    GroupFormat,
    GroupMember,
    MeetingSeries,
    OccurrenceChange,
    RoomMessage,
    RoomMute,
    SupportGroup,
)
from alongside.groups.schedules import Meeting, meetings_between, series_queryset
from alongside.safety.screening import screen_text

OPENS_BEFORE = timedelta(minutes=10)
MAX_MESSAGE = 2000
PAGE = 100


def room_group(group_id: int) -> str:
    return f"room.{group_id}"


@dataclass(frozen=True)
class RoomAccess:
    group: SupportGroup
    facilitator: bool
    member: GroupMember | None
    meeting: Meeting | None  # the meeting going on now (or about to start)
    next_meeting: Meeting | None
    muted_until: datetime | None

    @property
    def may_enter(self) -> bool:
        return self.facilitator or (self.member is not None and self.meeting is not None)

    @property
    def may_write(self) -> bool:
        return self.may_enter and self.muted_until is None

    @property
    def meeting_start(self) -> datetime | None:
        return self.meeting.original_start if self.meeting is not None else None


def open_now(meetings: list[Meeting], now: datetime) -> Meeting | None:
    """The meeting whose room is open at `now` (from a few minutes before it starts to its end)."""
    return next((m for m in meetings if m.start - OPENS_BEFORE <= now < m.end), None)


def current_meeting(group: SupportGroup, now: datetime) -> tuple[Meeting | None, Meeting | None]:
    """(the meeting whose room is open now, the next one) for an online group."""
    series = list(series_queryset().filter(group=group))
    meetings = meetings_between(series, now - timedelta(days=1), now + timedelta(days=60))
    upcoming = next((m for m in meetings if m.start - OPENS_BEFORE > now), None)
    return open_now(meetings, now), upcoming


def _online_group(group_id: int) -> tuple[SupportGroup, frozenset[int]] | None:
    """An active online group and its facilitators' membership ids (None for any other group)."""
    group = SupportGroup.objects.filter(pk=group_id, is_active=True).first()
    if group is None or group.format != GroupFormat.ONLINE:
        return None
    return group, frozenset(group.facilitators.values_list("pk", flat=True))


@dataclass(frozen=True)
class _Schedule:
    """What every message and connection of a room checks and nobody changes often: the group,
    its facilitators, and its meetings from a day before to a day after it was read."""

    group: SupportGroup
    facilitators: frozenset[int]
    meetings: list[Meeting]
    start: datetime
    end: datetime
    read_at: float


# Kept for a few seconds per process, and dropped at once when this process saves the group,
# its facilitators, its series or their changes (signals below). Another server process sees
# such a change within SCHEDULE_FRESH seconds.
_schedules: dict[int, _Schedule] = {}
SCHEDULE_FRESH = 10.0


def _schedule(group_id: int, now: datetime) -> _Schedule | None:
    cached = _schedules.get(group_id)
    if (
        cached is not None
        and time.monotonic() - cached.read_at < SCHEDULE_FRESH
        and cached.start <= now - timedelta(days=1)
        and now + OPENS_BEFORE + timedelta(minutes=1) <= cached.end
    ):
        return cached
    found = _online_group(group_id)
    if found is None:
        _schedules.pop(group_id, None)
        return None
    group, facilitators = found
    start, end = now - timedelta(days=2), now + timedelta(days=1)
    schedule = _Schedule(
        group=group,
        facilitators=facilitators,
        meetings=meetings_between(list(series_queryset().filter(group=group)), start, end),
        start=start,
        end=end,
        read_at=time.monotonic(),
    )
    _schedules[group_id] = schedule
    return schedule


def forget_schedule(group_id: int) -> None:
    _schedules.pop(group_id, None)


def room_accesses(
    wanted: dict[int, set[int]], *, now: datetime, upcoming: bool = True
) -> dict[tuple[int, int], RoomAccess]:
    """How each viewer may use each room: `wanted` maps group ids to membership ids; the answer
    has an entry, by (group id, membership id), for each who is a facilitator or a current member
    of an online group (no entry: no access). Three queries whatever the number of groups and
    viewers, so a room's write queue checks everyone who wrote at once. Without `upcoming`
    (every message and connection) the schedules come from the short-lived cache above and
    `next_meeting` is None."""
    rooms: dict[int, tuple[SupportGroup, frozenset[int], Meeting | None, Meeting | None]] = {}
    for group_id in wanted:
        if upcoming:
            if (found := _online_group(group_id)) is not None:
                rooms[group_id] = (*found, *current_meeting(found[0], now))
        elif (schedule := _schedule(group_id, now)) is not None:
            rooms[group_id] = (schedule.group, schedule.facilitators, open_now(schedule.meetings, now), None)
    if not rooms:
        return {}
    everyone = set().union(*(wanted[group_id] for group_id in rooms))
    members = {
        (row.group_id, row.member_id): row
        for row in GroupMember.objects.filter(
            group_id__in=rooms, member_id__in=everyone, status=GroupMember.Status.ACTIVE
        ).order_by()
    }
    allowed = {
        (group_id, pk)
        for group_id, (_group, facilitators, _m, _l) in rooms.items()
        for pk in wanted[group_id]
        if pk in facilitators or (group_id, pk) in members
    }
    muted: dict[tuple[int, int], datetime] = {}
    for group_id, member_id, until in RoomMute.objects.filter(
        group_id__in=rooms, member_id__in=everyone, lifted_at__isnull=True, until__gt=now
    ).values_list("group_id", "member_id", "until"):
        key = (group_id, member_id)
        muted[key] = max(until, muted.get(key, until))  # the latest one wins
    accesses = {}
    for group_id, pk in allowed:
        group, facilitators, meeting, later = rooms[group_id]
        accesses[(group_id, pk)] = RoomAccess(
            group, pk in facilitators, members.get((group_id, pk)), meeting, later, muted.get((group_id, pk))
        )
    return accesses


def room_entry(user_id: int, group_id: int, *, now: datetime | None = None) -> Membership | None:
    """The membership with which this user may enter the room now (a facilitator at any time, a
    current member during the meeting window), or None. What every connection checks, so it
    takes one query in the common case, with the schedule from the cache above."""
    now = now or timezone.now()
    schedule = _schedule(group_id, now)
    if schedule is None:
        return None
    meeting = open_now(schedule.meetings, now)
    row = one(
        GroupMember.objects.filter(
            group_id=group_id,
            member__user_id=user_id,
            member__is_active=True,
            status=GroupMember.Status.ACTIVE,
        ).select_related("member__organization")
    )
    if row is not None:
        me: Membership | None = row.member
    elif schedule.facilitators:
        me = one(
            Membership.objects.filter(
                user_id=user_id, is_active=True, pk__in=schedule.facilitators
            ).select_related("organization")
        )
    else:
        me = None
    if me is None:
        return None
    access = RoomAccess(schedule.group, me.pk in schedule.facilitators, row, meeting, None, None)
    return me if access.may_enter else None


def room_access(
    viewer: Membership, group_id: int, *, now: datetime | None = None, upcoming: bool = True
) -> RoomAccess:
    """How `viewer` may use the room of an online group. PermissionDenied for anyone who is
    neither a facilitator nor a current member (and for groups that do not meet online).
    `upcoming=False` skips looking for the next meeting (`next_meeting` is then None)."""
    access = room_accesses({group_id: {viewer.pk}}, now=now or timezone.now(), upcoming=upcoming).get(
        (group_id, viewer.pk)
    )
    if access is None:
        raise PermissionDenied
    return access


def shown_name(access: RoomAccess, viewer: Membership) -> str:
    if access.member is not None and access.member.room_name:
        return access.member.room_name
    return viewer.user.shown_name


def messages_of(access: RoomAccess, *, after: int = 0, limit: int = PAGE) -> list[RoomMessage]:
    """The current meeting's messages (the last meeting's, for a facilitator between meetings)."""
    rows = RoomMessage.objects.filter(group=access.group, pk__gt=after)
    if access.meeting is not None:
        rows = rows.filter(meeting_start=access.meeting_start)
    else:
        last = (
            RoomMessage.objects.filter(group=access.group)
            .order_by("-pk")
            .values_list("meeting_start", flat=True)
            .first()
        )
        rows = rows.filter(meeting_start=last)
    found = list(rows.order_by("-pk")[:limit])
    found.reverse()
    return found


def payload(message: RoomMessage) -> dict[str, Any]:
    return {
        "id": message.pk,
        "seq": message.pk,
        "client_id": message.client_id,
        "sender_id": message.sender_id,
        "sender_name": message.shown_as,
        "body": "" if message.deleted_at else message.body,
        "deleted": message.deleted_at is not None,
        "created_at": message.created_at.isoformat(),
        "screening": message.screening_level,
    }


def broadcast(group_id: int, event: dict[str, Any]) -> None:
    group_send(room_group(group_id), event)


@dataclass(frozen=True)
class Posted:
    message: RoomMessage
    created: bool


@dataclass(frozen=True)
class RoomPost:
    """One message for a room: who writes it, where, with the id their device chose."""

    viewer: Membership
    group_id: int
    client_id: str
    body: str
    locale: str = "en"


def room_event(message: RoomMessage) -> dict[str, Any]:
    """The channel-layer event for a new message, its frame encoded once for the whole room."""
    return {"type": "room.message", "text": json.dumps({"type": "message", "message": payload(message)})}


def room_posts(
    items: Sequence[RoomPost], *, now: datetime | None = None
) -> list[Posted | ValidationError | PermissionDenied]:
    """Stores many room messages in one transaction and commits them (what a server's write
    queue does with the messages that arrived together). One result per item, in order: Posted,
    or that item's own error, which stores nothing for it. Per item the rules are those of
    `room_post`: once per client id; only while the room is open to the writer and they are not
    muted; screened before the commit, and a participant's concerning words raise an incident."""
    now = now or timezone.now()
    results: list[Posted | ValidationError | PermissionDenied | None] = [None] * len(items)
    cleaned: dict[int, tuple[str, str]] = {}
    for index, item in enumerate(items):
        try:
            cleaned[index] = clean_message(item.client_id, item.body, limit=MAX_MESSAGE)
        except ValidationError as exc:
            results[index] = exc
    if cleaned:
        with transaction.atomic():
            new = _check_and_build(items, cleaned, results, now)
            RoomMessage.objects.bulk_create([message for _item, message, _screening in new])
            for item, message, screening in new:
                if item.viewer.role == Role.PARTICIPANT:
                    from alongside.safety.escalation.services import respond_to_screening

                    respond_to_screening(
                        participant=item.viewer,
                        screening=screening,
                        text=message.body,
                        source="group",
                        source_id=message.pk,
                    )
    return [result for result in results if result is not None]


def _check_and_build(
    items: Sequence[RoomPost],
    cleaned: dict[int, tuple[str, str]],
    results: list[Posted | ValidationError | PermissionDenied | None],
    now: datetime,
) -> list[tuple[RoomPost, RoomMessage, Any]]:
    wanted: dict[int, set[int]] = {}
    for index in cleaned:
        wanted.setdefault(items[index].group_id, set()).add(items[index].viewer.pk)
    accesses = room_accesses(wanted, now=now, upcoming=False)
    stored = {
        (m.group_id, m.sender_id, m.client_id): m
        for m in RoomMessage.objects.filter(
            group_id__in=wanted, client_id__in={client_id for client_id, _text in cleaned.values()}
        )
    }
    new = []
    for index, (client_id, text) in cleaned.items():
        item = items[index]
        access = accesses.get((item.group_id, item.viewer.pk))
        key = (item.group_id, item.viewer.pk, client_id)
        if access is None:
            results[index] = PermissionDenied()
        elif key in stored:
            results[index] = Posted(stored[key], False)
        elif not access.may_enter:
            results[index] = ValidationError(_("The room opens shortly before the meeting starts."))
        elif access.muted_until is not None:
            results[index] = ValidationError(
                _("A facilitator has paused your messages in this room for now.")
            )
        else:
            screening = screen_text(text, locale=item.locale)
            message = RoomMessage(
                organization_id=access.group.organization_id,
                group=access.group,
                meeting_start=access.meeting_start,
                client_id=client_id,
                sender=item.viewer,
                shown_as=shown_name(access, item.viewer),
                body=text,
                screening_level=screening.level,
            )
            stored[key] = message
            new.append((item, message, screening))
            results[index] = Posted(message, True)
    return new


def room_post(
    *,
    viewer: Membership,
    group_id: int,
    client_id: str,
    body: str,
    locale: str = "en",
    broadcast_after: bool = True,
    now: datetime | None = None,
) -> Posted:
    """Stores one room message (once per client id) and commits it. Only while the room is
    open to the writer and they are not muted. Screened before the write returns."""
    (result,) = room_posts([RoomPost(viewer, group_id, client_id, body, locale)], now=now)
    if isinstance(result, Exception):
        raise result
    if broadcast_after and result.created:
        event = room_event(result.message)
        transaction.on_commit(lambda: broadcast(group_id, event))
    return result


def _facilitating(viewer: Membership, group_id: int) -> RoomAccess:
    access = room_access(viewer, group_id)
    if not access.facilitator:
        raise PermissionDenied
    return access


@transaction.atomic
def room_delete(*, viewer: Membership, group_id: int, message_id: int) -> RoomMessage:
    """A facilitator removes a message's words (the row stays: who wrote, who removed, when)."""
    access = _facilitating(viewer, group_id)
    message = RoomMessage.objects.select_for_update().filter(group=access.group, pk=message_id).first()
    if message is None:
        raise ValidationError(_("That message is not in this room."))
    if message.deleted_at is None:
        message.deleted_at = timezone.now()
        message.deleted_by = viewer
        message.body = ""
        message.save(update_fields=["deleted_at", "deleted_by", "body"])
        audit_record(
            action="room.delete_message",
            actor=viewer.user,
            organization=viewer.organization,
            subject=message.sender,
            obj=message,
        )
        event = {"type": "room.deleted", "id": message.pk}
        transaction.on_commit(lambda: broadcast(access.group.pk, event))
    return message


@transaction.atomic
def room_mute(*, viewer: Membership, group_id: int, member_id: int, minutes: int) -> RoomMute | None:
    """A facilitator mutes someone for `minutes` (0 lifts it)."""
    access = _facilitating(viewer, group_id)
    target = GroupMember.objects.filter(
        group=access.group, member_id=member_id, status=GroupMember.Status.ACTIVE
    ).first()
    if target is None:
        raise ValidationError(_("That person is not a member of this group."))
    if not 0 <= minutes <= 24 * 60:
        raise ValidationError(_("Mute for up to a day (1440 minutes), or 0 to lift it."))
    now = timezone.now()
    RoomMute.objects.filter(group=access.group, member_id=member_id, lifted_at__isnull=True).update(
        lifted_at=now
    )
    mute = None
    if minutes:
        mute = RoomMute.objects.create(
            organization_id=access.group.organization_id,
            group=access.group,
            member_id=member_id,
            muted_by=viewer,
            until=now + timedelta(minutes=minutes),
        )
    audit_record(
        action="room.mute" if minutes else "room.unmute",
        actor=viewer.user,
        organization=viewer.organization,
        subject=target.member,
        obj=access.group,
        reason=f"{minutes} min" if minutes else "",
    )
    event = {"type": "room.muted", "member_id": member_id, "muted": bool(minutes)}
    transaction.on_commit(lambda: broadcast(access.group.pk, event))
    return mute


def room_remove(*, viewer: Membership, group_id: int, member_id: int) -> None:
    """A facilitator removes someone from the group (the group's own removal, audited there);
    their open room connections are closed."""
    from alongside.groups.services.groups import group_member_remove

    access = _facilitating(viewer, group_id)
    row = GroupMember.objects.filter(
        group=access.group, member_id=member_id, status=GroupMember.Status.ACTIVE
    ).first()
    if row is None:
        raise ValidationError(_("That person is not a member of this group."))
    with transaction.atomic():
        group_member_remove(actor=viewer, group=access.group, row=row)
        event = {"type": "room.removed", "member_id": member_id}
        transaction.on_commit(lambda: broadcast(access.group.pk, event))


@transaction.atomic
def room_name_set(*, viewer: Membership, group_id: int, name: str) -> GroupMember:
    """A member chooses the name others see in the room (empty: their own)."""
    access = room_access(viewer, group_id)
    if access.member is None:
        raise PermissionDenied
    name = " ".join(name.split())
    if len(name) > 40:
        raise ValidationError(_("A room name can be up to 40 characters."))
    access.member.room_name = name
    access.member.save(update_fields=["room_name"])
    return access.member


def _forget_on_change(sender: Any, instance: Any, **kwargs: Any) -> None:
    group_id = instance.pk if isinstance(instance, SupportGroup) else getattr(instance, "group_id", None)
    if group_id is None and isinstance(instance, OccurrenceChange):
        group_id = (
            MeetingSeries.objects.filter(pk=instance.series_id).values_list("group_id", flat=True).first()
        )
    if group_id is not None:
        forget_schedule(group_id)


def _forget_on_facilitators(sender: Any, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, SupportGroup):
        forget_schedule(instance.pk)
    else:  # changed from the membership's side: any of the groups
        _schedules.clear()


for _model in (SupportGroup, MeetingSeries, OccurrenceChange):
    post_save.connect(_forget_on_change, sender=_model, dispatch_uid=f"rooms-schedule-{_model.__name__}")
    post_delete.connect(
        _forget_on_change, sender=_model, dispatch_uid=f"rooms-schedule-del-{_model.__name__}"
    )
m2m_changed.connect(
    _forget_on_facilitators,
    sender=SupportGroup.facilitators.through,
    dispatch_uid="rooms-schedule-facilitators",
)
