"""Reads for conversations, applying who may see what.

The participant sees all their conversations (past ones read-only); the peer supporter sees a
conversation only while their match is active; a supervisor sees one only through an unexpired
break-glass access (or the crisis incident, which quotes the message)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Sum
from django.http import Http404
from django.utils import timezone

from alongside.accounts.models import Membership
from alongside.conversations.models import (
    BreakGlassAccess,
    Conversation,
    Message,
    MessageReport,
    ReadState,
    SessionNote,
)
from alongside.conversations.services import conversation_for_match, member_access
from alongside.core.roles import OVERSIGHT_ROLES, Role
from alongside.matching.models import PeerMatch

PAGE = 50
LOW_DATA_PAGE = 20


@dataclass(frozen=True)
class Access:
    conversation: Conversation
    mode: str  # "write", "read" (a past conversation) or "break_glass"

    @property
    def writable(self) -> bool:
        return self.mode == "write"

    @property
    def me_in_it(self) -> bool:
        return self.mode in ("write", "read")


def conversations_for(member: Membership) -> list[Conversation]:
    """The person's conversations, the current one first. Creates the conversation of an active
    match the first time it is asked for."""
    if member.role == Role.PARTICIPANT:
        active = PeerMatch.objects.filter(participant=member, status=PeerMatch.Status.ACTIVE).first()
        if active is not None:
            conversation_for_match(active)
        rows = Conversation.objects.filter(participant=member)
    elif member.role == Role.PEER:
        missing = list(
            PeerMatch.objects.filter(peer=member, status=PeerMatch.Status.ACTIVE, conversation__isnull=True)
        )
        if missing:  # matches made before conversations existed: one write for all of them
            Conversation.objects.bulk_create(
                [
                    Conversation(
                        organization_id=m.organization_id,
                        match=m,
                        participant_id=m.participant_id,
                        peer_id=m.peer_id,
                        created_at=m.started_at,
                    )
                    for m in missing
                ],
                ignore_conflicts=True,
            )
        rows = Conversation.objects.filter(peer=member, match__status=PeerMatch.Status.ACTIVE)
    else:
        return []
    found = list(rows.select_related("participant__user", "peer__user", "match"))
    found.sort(
        key=lambda c: (
            c.match.status != PeerMatch.Status.ACTIVE,
            -(c.last_message_at or c.created_at).timestamp(),
        )
    )
    return found


def conversation_access(viewer: Membership, conversation_id: int) -> Access:
    """How `viewer` may use the conversation, or 404."""
    conversation = (
        Conversation.objects.select_related("participant__user", "peer__user", "match", "paused_by__user")
        .filter(pk=conversation_id)
        .first()
    )
    if conversation is None or not viewer.is_active:
        raise Http404
    level = member_access(conversation, viewer)
    if level is not None:
        return Access(conversation, level)
    if viewer.role in OVERSIGHT_ROLES and active_break_glass(conversation, viewer) is not None:
        return Access(conversation, "break_glass")
    raise Http404


def active_break_glass(conversation: Conversation, viewer: Membership) -> BreakGlassAccess | None:
    return BreakGlassAccess.objects.filter(
        conversation=conversation, member=viewer, expires_at__gt=timezone.now()
    ).first()


def break_glass_candidate(viewer: Membership, conversation_id: int) -> Conversation:
    """A conversation of the organization a supervisor may open with break-glass."""
    if viewer.role not in OVERSIGHT_ROLES:
        raise Http404
    conversation = (
        Conversation.objects.select_related("participant__user", "peer__user")
        .filter(pk=conversation_id)
        .first()
    )
    if conversation is None:
        raise Http404
    return conversation


def messages_page(
    conversation: Conversation, *, before: int | None = None, limit: int = PAGE
) -> list[Message]:
    """Up to `limit` messages before `before` (the latest when None), oldest first."""
    rows = Message.objects.filter(conversation=conversation)
    if before is not None:
        rows = rows.filter(seq__lt=before)
    found = list(rows.select_related("sender__user").order_by("-seq")[:limit])
    found.reverse()
    return found


def messages_after(conversation: Conversation, after: int, *, limit: int = 500) -> list[Message]:
    return list(
        Message.objects.filter(conversation=conversation, seq__gt=after)
        .select_related("sender__user")
        .order_by("seq")[:limit]
    )


def other_person(conversation: Conversation, me: Membership) -> Membership:
    return conversation.peer if me.pk == conversation.participant_id else conversation.participant


def receipts_of(conversation: Conversation, member_id: int) -> tuple[int, int]:
    """(delivered, read) of one person."""
    state = ReadState.objects.filter(conversation=conversation, member_id=member_id).first()
    return (state.delivered_seq, state.read_seq) if state else (0, 0)


def unread_total(member: Membership) -> int:
    """Messages from others the person has not read, across their current conversations."""
    if member.role == Role.PARTICIPANT:
        rows = Conversation.objects.filter(participant=member, match__status=PeerMatch.Status.ACTIVE)
    elif member.role == Role.PEER:
        rows = Conversation.objects.filter(peer=member, match__status=PeerMatch.Status.ACTIVE)
    else:
        return 0
    last = rows.aggregate(total=Sum("last_seq"))["total"] or 0
    read = (
        ReadState.objects.filter(member=member, conversation__in=rows).aggregate(total=Sum("read_seq"))[
            "total"
        ]
        or 0
    )
    return max(0, last - read)


def unread_by_conversation(member: Membership, conversations: list[Conversation]) -> dict[int, int]:
    states = dict(
        ReadState.objects.filter(member=member, conversation__in=conversations).values_list(
            "conversation_id", "read_seq"
        )
    )
    return {c.pk: max(0, c.last_seq - states.get(c.pk, 0)) for c in conversations}


def message_in(conversation: Conversation, message_id: int) -> Message:
    found = Message.objects.filter(conversation=conversation, pk=message_id).first()
    if found is None:
        raise Http404
    return found


def open_reports() -> list[MessageReport]:
    return list(
        MessageReport.objects.filter(status=MessageReport.Status.OPEN)
        .select_related("message__sender__user", "message__conversation__participant__user", "reporter__user")
        .order_by("created_at")
    )


def report_for(report_id: int) -> MessageReport:
    found = MessageReport.objects.filter(pk=report_id).select_related("message__conversation").first()
    if found is None:
        raise Http404
    return found


# Session notes ------------------------------------------------------------------------------------


def notes_of(access: Access) -> list[SessionNote]:
    return list(
        SessionNote.objects.filter(conversation=access.conversation)
        .select_related("author__user")
        .prefetch_related("goals")
    )


def note_for(viewer: Membership, note_id: int) -> SessionNote:
    """A note the viewer may read: the participant it is about (always), or its author while
    the match is active. Everyone else: 404."""
    note = (
        SessionNote.objects.select_related(
            "author__user",
            "conversation__participant__user",
            "conversation__peer__user",
            "conversation__match",
        )
        .filter(pk=note_id)
        .first()
    )
    if note is None:
        raise Http404
    conversation = note.conversation
    if viewer.pk == conversation.participant_id:
        return note
    if viewer.pk == note.author_id and conversation.match.status == PeerMatch.Status.ACTIVE:
        return note
    raise Http404


def open_follow_ups(member: Membership) -> list[SessionNote]:
    """Follow-ups not done yet on notes about or by this person, soonest first."""
    rows = SessionNote.objects.filter(follow_up_due__isnull=False, follow_up_done_at__isnull=True)
    if member.role == Role.PARTICIPANT:
        rows = rows.filter(conversation__participant=member)
    elif member.role == Role.PEER:
        rows = rows.filter(author=member, conversation__match__status=PeerMatch.Status.ACTIVE)
    else:
        return []
    return list(
        rows.select_related("conversation__participant__user", "author__user").order_by("follow_up_due")
    )


def supervisor_conversations() -> list[Conversation]:
    """For the break-glass list: conversations of active matches, without their content."""
    return list(
        Conversation.objects.filter(match__status=PeerMatch.Status.ACTIVE)
        .select_related("participant__user", "peer__user")
        .order_by("participant__user__display_name")
    )
