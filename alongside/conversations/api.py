"""Conversations over the API, for the two people in them: the conversation list, messages
after a sequence number (catch-up), sending with a client id (idempotent; 201 when stored, 200
when it already was), receipts, and session notes with the participant's comment."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from ninja import Router, Schema

from alongside.accounts.models import Membership
from alongside.api.access import api_access
from alongside.api.problems import problem
from alongside.conversations import selectors, services
from alongside.conversations.models import Message, SessionNote
from alongside.core.access import Access
from alongside.core.audit import audit_record
from alongside.core.roles import Role

router = Router(tags=["conversations"])
ROUTER_PREFIX = "/conversations"
TALKERS = Access(roles=frozenset({Role.PARTICIPANT, Role.PEER}))


class ConversationOut(Schema):
    id: int
    other_id: int
    other_name: str
    writable: bool
    paused: bool
    last_seq: int
    unread: int


class MessageOut(Schema):
    id: int
    seq: int
    client_id: str
    sender_id: int
    body: str
    created_at: datetime
    screening: str


class MessageIn(Schema):
    client_id: str
    body: str


class ReceiptIn(Schema):
    read: int = 0
    delivered: int = 0


class NoteOut(Schema):
    id: int
    author: str
    happened_on: date
    duration_minutes: int
    contact_type: str
    life_areas: list[str]
    agreed: str
    follow_up: str
    follow_up_due: date | None
    participant_comment: str


class CommentIn(Schema):
    comment: str


def _me(request: HttpRequest) -> Membership:
    return request.membership  # type: ignore[attr-defined,no-any-return]


def _message(m: Message) -> dict[str, Any]:
    return {
        "id": m.pk,
        "seq": m.seq,
        "client_id": m.client_id,
        "sender_id": m.sender_id,
        "body": m.body,
        "created_at": m.created_at,
        "screening": m.screening_level,
    }


def _note(n: SessionNote) -> dict[str, Any]:
    return {
        "id": n.pk,
        "author": n.author.user.shown_name,
        "happened_on": n.happened_on,
        "duration_minutes": n.duration_minutes,
        "contact_type": n.contact_type,
        "life_areas": list(n.life_areas),
        "agreed": n.agreed,
        "follow_up": n.follow_up,
        "follow_up_due": n.follow_up_due,
        "participant_comment": n.participant_comment,
    }


@router.get("", response=list[ConversationOut])
@api_access(TALKERS)
def conversations_list(request: HttpRequest) -> Any:
    """The caller's conversations, the current one first."""
    me = _me(request)
    rows = selectors.conversations_for(me)
    unread = selectors.unread_by_conversation(me, rows)
    return [
        {
            "id": c.pk,
            "other_id": selectors.other_person(c, me).pk,
            "other_name": selectors.other_person(c, me).user.shown_name,
            "writable": services.may_write(c, me),
            "paused": c.paused_at is not None,
            "last_seq": c.last_seq,
            "unread": unread.get(c.pk, 0),
        }
        for c in rows
    ]


@router.get("/{conversation_id}/messages", response=list[MessageOut])
@api_access(TALKERS)
def conversation_messages(
    request: HttpRequest, conversation_id: int, after: int = 0, limit: int = 200
) -> Any:
    """Messages with a sequence number above `after`, in order (at most `limit`, up to 500)."""
    me = _me(request)
    access = selectors.conversation_access(me, conversation_id)
    if me.pk != access.conversation.participant_id:
        audit_record(
            action="conversation.view",
            actor=me.user,
            organization=me.organization,
            subject=access.conversation.participant,
            obj=access.conversation,
            reason="api",
        )
    return [
        _message(m)
        for m in selectors.messages_after(access.conversation, max(0, after), limit=min(max(1, limit), 500))
    ]


@router.post("/{conversation_id}/messages", response={200: MessageOut, 201: MessageOut})
@api_access(TALKERS)
def conversation_send(request: HttpRequest, conversation_id: int, body: MessageIn) -> Any:
    """Send a message. Stored and committed before the answer; the same `client_id` again
    returns the stored message with 200 and stores nothing. 422 on bad input; 403 read-only."""
    me = _me(request)
    access = selectors.conversation_access(me, conversation_id)
    try:
        sent = services.message_send(
            conversation=access.conversation,
            sender=me,
            client_id=body.client_id,
            body=body.body,
            locale=me.preferred_language,
        )
    except ValidationError as exc:
        return problem(request, 422, " ".join(exc.messages))
    except PermissionDenied:
        return problem(request, 403, "This conversation is read-only.")
    return (201 if sent.created else 200), _message(sent.message)


@router.post("/{conversation_id}/receipts", response={204: None})
@api_access(TALKERS)
def conversation_receipts(request: HttpRequest, conversation_id: int, body: ReceiptIn) -> Any:
    """How far the caller has received and read (never moves back)."""
    me = _me(request)
    access = selectors.conversation_access(me, conversation_id)
    services.receipts_mark(
        conversation=access.conversation, member=me, read=body.read, delivered=body.delivered
    )
    return 204, None


@router.get("/{conversation_id}/notes", response=list[NoteOut])
@api_access(TALKERS)
def conversation_notes(request: HttpRequest, conversation_id: int) -> Any:
    """Session notes of the conversation. Audited."""
    me = _me(request)
    access = selectors.conversation_access(me, conversation_id)
    notes = selectors.notes_of(access)
    for note in notes:
        audit_record(
            action="session_note.read",
            actor=me.user,
            organization=me.organization,
            subject=access.conversation.participant,
            obj=note,
        )
    return [_note(n) for n in notes]


@router.put("/notes/{note_id}/comment", response=NoteOut)
@api_access(Access(roles=frozenset({Role.PARTICIPANT})))
def session_note_comment(request: HttpRequest, note_id: int, body: CommentIn) -> Any:
    """The participant's own comment on a note about them."""
    me = _me(request)
    note = selectors.note_for(me, note_id)
    try:
        note = services.session_note_comment(
            note=note, participant=me, comment=body.comment, locale=me.preferred_language
        )
    except ValidationError as exc:
        return problem(request, 422, " ".join(exc.messages))
    except PermissionDenied as exc:
        raise Http404 from exc
    return _note(note)
