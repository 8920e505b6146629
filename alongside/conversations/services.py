"""Writes for conversations: sending (idempotent, stored and committed before it is
acknowledged), receipts, pausing, reporting, break-glass access and session notes.

Real-time events go to the conversation's channel-layer group only after the transaction
commits, so nobody ever sees a message that was not stored.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from alongside.accounts.models import Membership
from alongside.conversations.models import (
    BreakGlassAccess,
    ContactType,
    Conversation,
    Message,
    MessageReport,
    ReadState,
    SessionNote,
)
from alongside.core.audit import audit_record
from alongside.core.notifications import group_send, notification_send
from alongside.core.roles import OVERSIGHT_ROLES, Role
from alongside.core.timezones import as_reader
from alongside.matching.models import PeerMatch
from alongside.safety.screening import screen_text

MAX_MESSAGE = 4000
CLIENT_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
BREAK_GLASS_FOR = timedelta(hours=1)


@dataclass(frozen=True)
class Sent:
    message: Message
    created: bool


def conversation_for_match(match: PeerMatch) -> Conversation:
    """The conversation of a match, created the first time it is needed."""
    conversation, created = Conversation.objects.get_or_create(
        match=match,
        defaults={
            "organization_id": match.organization_id,
            "participant_id": match.participant_id,
            "peer_id": match.peer_id,
            "created_at": match.started_at,
        },
    )
    if created:  # both people's receipts, so that sending only ever updates them
        ReadState.objects.bulk_create(
            [
                ReadState(
                    organization_id=match.organization_id, conversation=conversation, member_id=member_id
                )
                for member_id in (match.participant_id, match.peer_id)
            ],
            ignore_conflicts=True,
        )
    return conversation


def member_access(
    conversation: Conversation, member: Membership, *, match_status: str | None = None
) -> str | None:
    """ "write" or "read" for the conversation's own two people (the participant keeps a past
    conversation to read; the peer has it only while the match is active), else None.
    `match_status` when the caller read it with the conversation, instead of loading the match."""
    status = match_status if match_status is not None else conversation.match.status
    active = status == PeerMatch.Status.ACTIVE
    if member.pk == conversation.participant_id:
        return "write" if active else "read"
    if member.pk == conversation.peer_id and active:
        return "write"
    return None


def may_write(conversation: Conversation, member: Membership, *, match_status: str | None = None) -> bool:
    """Only the conversation's two people, active members, while the match is active."""
    return member.is_active and member_access(conversation, member, match_status=match_status) == "write"


def message_payload(message: Message, sender_name: str) -> dict[str, Any]:
    return {
        "id": message.pk,
        "seq": message.seq,
        "client_id": message.client_id,
        "sender_id": message.sender_id,
        "sender_name": sender_name,
        "body": message.body,
        "created_at": message.created_at.isoformat(),
        "screening": message.screening_level,
    }


def chat_event(payload: dict[str, Any], *, from_channel: str = "") -> dict[str, Any]:
    """The channel-layer event for a new message, its frame encoded once for every connection
    (except `from_channel`, the sender's own, whose acknowledgement carries the message)."""
    return {
        "type": "chat.message",
        "text": json.dumps({"type": "message", "message": payload}),
        "from_channel": from_channel,
    }


def clean_message(client_id: str, body: str, *, limit: int) -> tuple[str, str]:
    """A message's client id and text as they will be stored, or ValidationError: the id the
    sender's device chose (letters, digits, - and _, up to 64) and non-empty text of at most
    `limit` characters. Shared by conversations and group rooms."""
    client_id = (client_id or "").strip()
    if not CLIENT_ID.match(client_id):
        raise ValidationError(_("This message has no valid id. Please reload the page and send it again."))
    text = (body or "").strip()
    if not text:
        raise ValidationError(_("Write a message before sending."))
    if len(text) > limit:
        raise ValidationError(
            _("A message can be up to %(max)s characters; this one has %(count)s.")
            % {"max": limit, "count": len(text)}
        )
    return client_id, text


@dataclass(frozen=True)
class Outgoing:
    """One message to store: who sends it, where, with the id their device chose."""

    conversation_id: int
    sender: Membership
    client_id: str
    body: str
    locale: str = "en"


def messages_send(items: Sequence[Outgoing]) -> list[Sent | ValidationError | PermissionDenied]:
    """Stores many messages in one transaction and commits them (a group commit: a server
    stores what arrived while its previous write ran, see core.group_commit). One result per
    item, in order: `Sent`, or the error for that item alone, which stores nothing for it.

    Per item, exactly the rules of `message_send`: the same (sender, client id) again returns
    the stored message (created False); only the conversation's two people while the match is
    active, and not while it is paused; a participant's words are screened before the commit,
    the level stored with the message, and concern or urgency goes to crisis escalation. The
    conversations are locked (in id order) for the whole transaction, so sequence numbers have
    no gaps and no duplicates even with several server processes."""
    results: list[Sent | ValidationError | PermissionDenied | None] = [None] * len(items)
    cleaned: dict[int, tuple[str, str]] = {}
    for index, item in enumerate(items):
        try:
            cleaned[index] = clean_message(item.client_id, item.body, limit=MAX_MESSAGE)
        except ValidationError as exc:
            results[index] = exc
    if cleaned:
        with transaction.atomic():
            _store_many(items, cleaned, results)
    return [result for result in results if result is not None]


def _store_many(
    items: Sequence[Outgoing],
    cleaned: dict[int, tuple[str, str]],
    results: list[Sent | ValidationError | PermissionDenied | None],
) -> None:
    ids = sorted({items[index].conversation_id for index in cleaned})
    locked = {
        conversation.pk: conversation
        for conversation in Conversation.objects.select_for_update()
        .annotate(match_status=F("match__status"))
        .filter(pk__in=ids)
        .order_by("pk")
    }
    stored: dict[tuple[int, int, str], Message] = {
        (m.conversation_id, m.sender_id, m.client_id): m
        for m in Message.objects.filter(
            conversation_id__in=ids, client_id__in={client_id for client_id, _text in cleaned.values()}
        ).order_by()
    }
    new: list[tuple[Outgoing, Message, Any]] = []
    now = timezone.now()
    for index, (client_id, text) in cleaned.items():
        item = items[index]
        key = (item.conversation_id, item.sender.pk, client_id)
        if key in stored:
            results[index] = Sent(stored[key], False)
            continue
        conversation = locked.get(item.conversation_id)
        if conversation is None or not may_write(
            conversation,
            item.sender,
            match_status=conversation.match_status,  # type: ignore[attr-defined]
        ):
            results[index] = PermissionDenied()
            continue
        if conversation.paused_at is not None:
            results[index] = ValidationError(
                _("This conversation is paused. For urgent help, use Get help now at the top of the page.")
            )
            continue
        screening = screen_text(text, locale=item.locale)
        conversation.last_seq += 1
        conversation.last_message_at = now
        message = Message(
            organization_id=conversation.organization_id,
            conversation=conversation,
            seq=conversation.last_seq,
            client_id=client_id,
            sender=item.sender,
            body=text,
            screening_level=screening.level,
            created_at=now,
        )
        stored[key] = message
        new.append((item, message, screening))
        results[index] = Sent(message, True)
    if not new:
        return
    _insert([message for _item, message, _screening in new])
    touched = {message.conversation_id: message.conversation for _item, message, _screening in new}
    last_own: dict[tuple[int, int], tuple[Conversation, Membership, int]] = {}
    for item, message, _screening in new:
        last_own[(message.conversation_id, item.sender.pk)] = (message.conversation, item.sender, message.seq)
    _record_sent(list(touched.values()), list(last_own.values()))
    for item, message, screening in new:
        if item.sender.role == Role.PARTICIPANT:
            from alongside.safety.escalation.services import respond_to_screening

            respond_to_screening(
                participant=item.sender,
                screening=screening,
                text=message.body,
                source="chat",
                source_id=message.pk,
            )


def _insert(messages: list[Message]) -> None:
    """What `Message.objects.bulk_create` does, as one INSERT ... RETURNING built directly: for a
    batch of short chat messages the ORM's statement compiler cost more than storing them
    (bench/bench_websockets.py). Each value still goes through its field's own preparation
    (`get_db_prep_save`: the text is encrypted there), and the new ids are matched back by
    (conversation, seq), which is unique, not by the order rows come back in."""
    fields = [field for field in Message._meta.concrete_fields if not field.primary_key]
    row = "(" + ", ".join(["%s"] * len(fields)) + ")"
    quote = connection.ops.quote_name
    columns = ", ".join(quote(str(field.column)) for field in fields)
    sql = (
        f"INSERT INTO {quote(Message._meta.db_table)} ({columns}) "  # noqa: S608
        f"VALUES {', '.join([row] * len(messages))} "
        f"RETURNING {quote(str(Message._meta.pk.column))}, {quote('conversation_id')}, {quote('seq')}"
    )
    params = [
        field.get_db_prep_save(field.pre_save(m, True), connection) for m in messages for field in fields
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        ids = {(conversation_id, seq): pk for pk, conversation_id, seq in cursor.fetchall()}
    for message in messages:
        message.pk = ids[(message.conversation_id, message.seq)]
        message._state.adding = False
        message._state.db = connection.alias


def _record_sent(
    conversations: list[Conversation], senders: list[tuple[Conversation, Membership, int]]
) -> None:
    """After a batch: each conversation's last number and time, and each sender's receipts
    moved up to their own last message (they have read it). Two statements run for many rows
    (the ORM's bulk_update builds a CASE per row, which costs more than the messages)."""
    # Only the models' own table names are formatted in; every value is a parameter.
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {Conversation._meta.db_table} SET last_seq = %s, last_message_at = %s WHERE id = %s",  # noqa: S608
            [
                (c.last_seq, connection.ops.adapt_datetimefield_value(c.last_message_at), c.pk)
                for c in conversations
            ],
        )
    _move_receipts([(c.pk, sender.pk, c.organization_id, seq, seq) for c, sender, seq in senders])


def _move_receipts(rows: list[tuple[int, int, int, int, int]]) -> None:
    """Moves receipts forward, never back: (conversation id, member id, organization id, read,
    delivered) per row, one statement for all of them; a row that does not exist yet is made."""
    if not rows:
        return
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {ReadState._meta.db_table} SET "  # noqa: S608 (the model's own table name)
            "read_seq = CASE WHEN read_seq < %s THEN %s ELSE read_seq END, "
            "delivered_seq = CASE WHEN delivered_seq < %s THEN %s ELSE delivered_seq END "
            "WHERE conversation_id = %s AND member_id = %s",
            [(read, read, delivered, delivered, c, m) for c, m, _org, read, delivered in rows],
        )
        updated = cursor.rowcount
    if updated == len(rows):
        return
    have = set(
        ReadState.objects.filter(
            conversation_id__in={c for c, *_rest in rows}, member_id__in={m for _c, m, *_rest in rows}
        ).values_list("conversation_id", "member_id")
    )
    ReadState.objects.bulk_create(
        [
            ReadState(
                organization_id=org, conversation_id=c, member_id=m, read_seq=read, delivered_seq=delivered
            )
            for c, m, org, read, delivered in rows
            if (c, m) not in have
        ],
        ignore_conflicts=True,
    )


def message_send(
    *,
    conversation: Conversation,
    sender: Membership,
    client_id: str,
    body: str,
    locale: str = "en",
    broadcast: bool = True,
) -> Sent:
    """Stores one message and commits it; the caller acknowledges only after this returns.

    The same `client_id` again returns the stored message (created False) and stores nothing.
    A participant's words pass the crisis screening before the write returns; the level is
    stored with the message and urgent or concerning words go to crisis escalation. With
    `broadcast`, the message goes to the conversation's open connections after commit (the
    WebSocket consumer sends it itself)."""
    (result,) = messages_send([Outgoing(conversation.pk, sender, client_id, body, locale)])
    if isinstance(result, Exception):
        raise result
    if broadcast and result.created:
        payload = message_payload(result.message, sender.user.shown_name)
        group = conversation.group_name
        transaction.on_commit(lambda: group_send(group, chat_event(payload)))
    return result


@dataclass(frozen=True)
class Receipt:
    """How far one person has received (`delivered`) and read a conversation."""

    conversation_id: int
    member: Membership
    read: int = 0
    delivered: int = 0


def receipts_mark_many(items: Sequence[Receipt]) -> list[dict[str, Any] | PermissionDenied]:
    """Records many receipts in one transaction (a server's receipts queue). One result per
    item: the event that tells the conversation's connections, or PermissionDenied for someone
    who is not one of its two people. Receipts never move back, and never past the last message."""
    with transaction.atomic():
        known = {
            pk: (last_seq, participant_id, peer_id, organization_id)
            for pk, last_seq, participant_id, peer_id, organization_id in Conversation.objects.filter(
                pk__in={item.conversation_id for item in items}
            ).values_list("pk", "last_seq", "participant_id", "peer_id", "organization_id")
        }
        results: list[dict[str, Any] | PermissionDenied] = []
        moves: dict[tuple[int, int], tuple[int, int, int]] = {}
        for item in items:
            row = known.get(item.conversation_id)
            if row is None or item.member.pk not in (row[1], row[2]):
                results.append(PermissionDenied())
                continue
            last_seq, organization_id = row[0], row[3]
            read = max(0, min(item.read, last_seq))
            delivered = min(max(item.delivered, read), last_seq)
            key = (item.conversation_id, item.member.pk)
            _org, was_read, was_delivered = moves.get(key, (organization_id, 0, 0))
            moves[key] = (organization_id, max(was_read, read), max(was_delivered, delivered))
            results.append(
                {"type": "chat.receipt", "member_id": item.member.pk, "read": read, "delivered": delivered}
            )
        _move_receipts([(c, m, org, read, delivered) for (c, m), (org, read, delivered) in moves.items()])
    return results


def receipts_mark(
    *,
    conversation: Conversation,
    member: Membership,
    read: int = 0,
    delivered: int = 0,
    broadcast: bool = True,
) -> None:
    """Records how far `member` has received and read the conversation, and tells the other
    person's open connections."""
    (result,) = receipts_mark_many([Receipt(conversation.pk, member, read, delivered)])
    if isinstance(result, Exception):
        raise result
    if broadcast:
        group = conversation.group_name
        transaction.on_commit(lambda: group_send(group, result))


@transaction.atomic
def conversation_pause(*, conversation: Conversation, peer: Membership, pause: bool) -> Conversation:
    """The peer supporter pauses the conversation (for example while away) or opens it again.
    The participant sees the pause and the way to get help now."""
    if peer.pk != conversation.peer_id or not may_write(conversation, peer):
        raise PermissionDenied
    conversation.paused_at = timezone.now() if pause else None
    conversation.paused_by = peer if pause else None
    conversation.save(update_fields=["paused_at", "paused_by"])
    audit_record(
        action="conversation.pause" if pause else "conversation.resume",
        actor=peer.user,
        organization=peer.organization,
        subject=conversation.participant,
        obj=conversation,
    )
    event = {"type": "chat.paused", "paused": pause}
    transaction.on_commit(lambda: group_send(conversation.group_name, event))
    return conversation


@transaction.atomic
def message_report(*, message: Message, reporter: Membership, reason: str = "") -> MessageReport:
    """Either person reports a message; it goes to the supervisors' moderation queue."""
    conversation = message.conversation
    if reporter.pk not in (conversation.participant_id, conversation.peer_id):
        raise PermissionDenied
    if message.sender_id == reporter.pk:
        raise ValidationError(_("You can report messages from the other person, not your own."))
    if message.reports.filter(reporter=reporter, status=MessageReport.Status.OPEN).exists():
        raise ValidationError(_("You already reported this message. A supervisor will look at it."))
    report = MessageReport.objects.create(
        organization_id=message.organization_id,
        message=message,
        reporter=reporter,
        reason=reason.strip()[:2000],
    )
    audit_record(
        action="message.report",
        actor=reporter.user,
        organization=reporter.organization,
        subject=conversation.participant,
        obj=report,
    )
    for supervisor in Membership.objects.filter(role__in=OVERSIGHT_ROLES, is_active=True).select_related(
        "user"
    ):
        with as_reader(supervisor):
            notification_send(
                user=supervisor.user,
                organization=reporter.organization,
                kind="conversation.report",
                title=_("A message was reported for review"),
                url=reverse("conversation_reports"),
            )
    return report


@transaction.atomic
def report_resolve(*, report: MessageReport, actor: Membership, resolution: str) -> MessageReport:
    if actor.role not in OVERSIGHT_ROLES:
        raise PermissionDenied
    if report.status != MessageReport.Status.OPEN:
        raise ValidationError(_("This report was already resolved."))
    if not resolution.strip():
        raise ValidationError(_("Say what you did about it."))
    report.status = MessageReport.Status.RESOLVED
    report.resolved_at = timezone.now()
    report.resolved_by = actor
    report.resolution = resolution.strip()[:2000]
    report.save(update_fields=["status", "resolved_at", "resolved_by", "resolution"])
    audit_record(
        action="message.report_resolve",
        actor=actor.user,
        organization=actor.organization,
        subject=report.message.conversation.participant,
        obj=report,
    )
    return report


@transaction.atomic
def break_glass_open(*, conversation: Conversation, supervisor: Membership, reason: str) -> BreakGlassAccess:
    """A supervisor reads a conversation they are not part of, for one hour, with a reason that
    is audited and shown to both people."""
    if supervisor.role not in OVERSIGHT_ROLES:
        raise PermissionDenied
    reason = reason.strip()
    if len(reason) < 10:
        raise ValidationError(_("Say why you need to read this conversation (at least a sentence)."))
    now = timezone.now()
    access = BreakGlassAccess.objects.create(
        organization_id=conversation.organization_id,
        conversation=conversation,
        member=supervisor,
        reason=reason[:2000],
        opened_at=now,
        expires_at=now + BREAK_GLASS_FOR,
    )
    audit_record(
        action="conversation.break_glass",
        actor=supervisor.user,
        organization=supervisor.organization,
        subject=conversation.participant,
        obj=conversation,
        reason=reason[:200],
    )
    return access


# Session notes ------------------------------------------------------------------------------------


def _clean_note(
    *,
    today: date,
    happened_on: date,
    duration_minutes: int,
    contact_type: str,
    life_areas: list[str],
    agreed: str,
    follow_up: str,
    follow_up_due: date | None,
) -> None:
    from alongside.plans.models import LifeArea

    problems: dict[str, list[str]] = {}
    if happened_on > today:
        problems.setdefault("happened_on", []).append(_("A session note is for a contact that has happened."))
    if happened_on < today - timedelta(days=90):
        problems.setdefault("happened_on", []).append(
            _("Notes can be written up to 90 days after the contact.")
        )
    if not 1 <= duration_minutes <= 600:
        problems.setdefault("duration_minutes", []).append(_("Give the length in minutes, from 1 to 600."))
    if contact_type not in ContactType.values:
        problems.setdefault("contact_type", []).append(_("Choose how you met."))
    unknown = [a for a in life_areas if a not in LifeArea.values]
    if unknown:
        problems.setdefault("life_areas", []).append(_("Unknown life area: %(name)s") % {"name": unknown[0]})
    if len(agreed) > 4000 or len(follow_up) > 2000:
        problems.setdefault("agreed", []).append(_("Please keep the note shorter."))
    if follow_up.strip() and follow_up_due is None:
        problems.setdefault("follow_up_due", []).append(_("Give a due date for the follow-up."))
    if follow_up_due is not None and follow_up_due < today:
        problems.setdefault("follow_up_due", []).append(_("A follow-up can't be due in the past."))
    if problems:
        raise ValidationError(problems)


@transaction.atomic
def session_note_create(
    *,
    conversation: Conversation,
    author: Membership,
    happened_on: date,
    duration_minutes: int,
    contact_type: str,
    life_areas: list[str] | None = None,
    goal_ids: list[int] | None = None,
    agreed: str = "",
    follow_up: str = "",
    follow_up_due: date | None = None,
) -> SessionNote:
    """The peer supporter records a contact with the participant. The participant is told and
    can read it and comment; a follow-up lands on both people's lists. Encrypted and audited."""
    if author.pk != conversation.peer_id or not may_write(conversation, author):
        raise PermissionDenied
    life_areas = list(dict.fromkeys(life_areas or []))
    from alongside.core.timezones import today_of

    _clean_note(
        today=today_of(author),  # the peer's own date, in their time zone
        happened_on=happened_on,
        duration_minutes=duration_minutes,
        contact_type=contact_type,
        life_areas=life_areas,
        agreed=agreed,
        follow_up=follow_up,
        follow_up_due=follow_up_due,
    )
    from alongside.plans.models import Goal

    goals = list(Goal.objects.filter(plan__participant_id=conversation.participant_id, pk__in=goal_ids or []))
    if len(goals) != len(set(goal_ids or [])):
        raise ValidationError({"goals": [_("Choose goals from the participant's own plan.")]})
    note = SessionNote.objects.create(
        organization_id=conversation.organization_id,
        conversation=conversation,
        author=author,
        happened_on=happened_on,
        duration_minutes=duration_minutes,
        contact_type=contact_type,
        life_areas=life_areas,
        agreed=agreed.strip(),
        follow_up=follow_up.strip(),
        follow_up_due=follow_up_due if follow_up.strip() else None,
    )
    note.goals.set(goals)
    audit_record(
        action="session_note.create",
        actor=author.user,
        organization=author.organization,
        subject=conversation.participant,
        obj=note,
    )
    participant = conversation.participant
    with as_reader(participant):
        notification_send(
            user=participant.user,
            organization=participant.organization,
            kind="session_note.new",
            title=_("%(name)s wrote a note about your session. You can read it and add your comment.")
            % {"name": author.user.shown_name},
            url=reverse("session_note_detail", args=[note.pk]),
        )
    return note


@transaction.atomic
def session_note_comment(
    *, note: SessionNote, participant: Membership, comment: str, locale: str = "en"
) -> SessionNote:
    """The participant adds (or changes) their own comment on a note about them. Screened."""
    if participant.pk != note.conversation.participant_id:
        raise PermissionDenied
    comment = comment.strip()
    if not comment:
        raise ValidationError(_("Write your comment before saving it."))
    if len(comment) > 2000:
        raise ValidationError(_("A comment can be up to %(max)s characters.") % {"max": 2000})
    screening = screen_text(comment, locale=locale)
    note.participant_comment = comment
    note.participant_commented_at = timezone.now()
    note.save(update_fields=["participant_comment", "participant_commented_at"])
    audit_record(
        action="session_note.comment",
        actor=participant.user,
        organization=participant.organization,
        subject=participant,
        obj=note,
    )
    from alongside.safety.escalation.services import respond_to_screening

    respond_to_screening(
        participant=participant, screening=screening, text=comment, source="other", source_id=note.pk
    )
    peer = note.author
    with as_reader(peer):
        notification_send(
            user=peer.user,
            organization=peer.organization,
            kind="session_note.comment",
            title=_("%(name)s commented on a session note") % {"name": participant.user.shown_name},
            url=reverse("session_note_detail", args=[note.pk]),
        )
    return note


@transaction.atomic
def follow_up_done(*, note: SessionNote, member: Membership) -> SessionNote:
    """Either person ticks off the follow-up."""
    if member.pk not in (note.conversation.participant_id, note.author_id):
        raise PermissionDenied
    if note.follow_up_done_at is None:
        note.follow_up_done_at = timezone.now()
        note.save(update_fields=["follow_up_done_at"])
        audit_record(
            action="session_note.follow_up_done",
            actor=member.user,
            organization=member.organization,
            subject=note.conversation.participant,
            obj=note,
        )
    return note
