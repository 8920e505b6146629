"""Group rooms: real-time group chat for an online group's meetings.

Members may enter and write only during a meeting (from a few minutes before it starts until
it ends); facilitators always. Members show their name or a pseudonym they chose. Facilitators
mute, remove and delete; every moderation step is audited. Messages are screened like every
other place a participant writes, and stored (committed) before anyone is told.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alongside.accounts.models import Membership
from alongside.conversations.services import clean_message
from alongside.core.audit import audit_record
from alongside.core.notifications import group_send
from alongside.core.roles import Role
from alongside.groups.models import GroupFormat, GroupMember, RoomMessage, RoomMute, SupportGroup
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


def current_meeting(group: SupportGroup, now: datetime) -> tuple[Meeting | None, Meeting | None]:
    """(the meeting whose room is open now, the next one) for an online group."""
    series = list(series_queryset().filter(group=group))
    meetings = meetings_between(series, now - timedelta(days=1), now + timedelta(days=60))
    current = next((m for m in meetings if m.start - OPENS_BEFORE <= now < m.end), None)
    upcoming = next((m for m in meetings if m.start - OPENS_BEFORE > now), None)
    return current, upcoming


def room_access(viewer: Membership, group_id: int, *, now: datetime | None = None) -> RoomAccess:
    """How `viewer` may use the room of an online group. PermissionDenied for anyone who is
    neither a facilitator nor a current member (and for groups that do not meet online)."""
    now = now or timezone.now()
    group = SupportGroup.objects.filter(pk=group_id, is_active=True).first()
    if group is None or group.format != GroupFormat.ONLINE:
        raise PermissionDenied
    facilitator = group.facilitators.filter(pk=viewer.pk).exists()
    member = GroupMember.objects.filter(group=group, member=viewer, status=GroupMember.Status.ACTIVE).first()
    if not facilitator and member is None:
        raise PermissionDenied
    meeting, upcoming = current_meeting(group, now)
    mute = (
        RoomMute.objects.filter(group=group, member=viewer, lifted_at__isnull=True, until__gt=now)
        .order_by("-until")
        .first()
    )
    return RoomAccess(group, facilitator, member, meeting, upcoming, mute.until if mute else None)


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
    client_id, text = clean_message(client_id, body, limit=MAX_MESSAGE)
    with transaction.atomic():
        access = room_access(viewer, group_id, now=now)
        existing = RoomMessage.objects.filter(group=access.group, sender=viewer, client_id=client_id).first()
        if existing is not None:
            return Posted(existing, False)
        if not access.may_enter:
            raise ValidationError(_("The room opens shortly before the meeting starts."))
        if access.muted_until is not None:
            raise ValidationError(_("A facilitator has paused your messages in this room for now."))
        screening = screen_text(text, locale=locale)
        message = RoomMessage.objects.create(
            organization_id=access.group.organization_id,
            group=access.group,
            meeting_start=access.meeting_start,
            client_id=client_id,
            sender=viewer,
            shown_as=shown_name(access, viewer),
            body=text,
            screening_level=screening.level,
        )
        if viewer.role == Role.PARTICIPANT:
            from alongside.safety.escalation.services import respond_to_screening

            respond_to_screening(
                participant=viewer, screening=screening, text=text, source="group", source_id=message.pk
            )
        if broadcast_after:
            event = {"type": "room.message", "message": payload(message)}
            transaction.on_commit(lambda: broadcast(access.group.pk, event))
    return Posted(message, True)


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
