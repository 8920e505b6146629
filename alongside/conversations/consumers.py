"""The conversation over WebSocket: send (acknowledged only after the message is committed),
catch up after a reconnect, typing, and receipts. Thin: every rule lives in services and
selectors."""

from __future__ import annotations

from typing import Any

from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils.translation import gettext
from django_scopes import scope, scopes_disabled

from alongside.accounts.models import Membership
from alongside.conversations import selectors, services
from alongside.conversations.models import Conversation
from alongside.core.access import Access
from alongside.core.consumers import DirectDispatch
from alongside.core.database import database_call, one, scope_user
from alongside.core.group_commit import GroupCommit, each, per_organization
from alongside.core.roles import Role
from alongside.core.timezones import as_reader, zone_of

CLOSE_DENIED = 4403
CLOSE_SIGNED_OUT = 4401
CATCH_UP_LIMIT = 500


def store_many(items: list[services.Outgoing]) -> list[tuple[services.Sent, dict[str, Any]] | Exception]:
    """What the write queue runs in the database thread: the messages that arrived while the
    previous write ran, stored in one transaction per organization, each with its payload (and,
    for a participant's urgent words, where their help screen is)."""
    return per_organization(items, lambda item: item.sender.organization_id, _store_with_payloads)


def _store_with_payloads(
    items: list[services.Outgoing],
) -> list[tuple[services.Sent, dict[str, Any]] | Exception]:
    from alongside.safety.escalation.selectors import latest_urgent_for

    results: list[tuple[services.Sent, dict[str, Any]] | Exception] = []
    for item, result in zip(items, services.messages_send(items), strict=True):
        if isinstance(result, Exception):
            results.append(result)
            continue
        payload = services.message_payload(result.message, item.sender.user.shown_name)
        if result.message.screening_level == "urgent" and item.sender.role == Role.PARTICIPANT:
            incident = latest_urgent_for(item.sender)
            if incident is not None:
                payload["help_url"] = reverse("crisis_now", args=[incident.pk])
        results.append((result, payload))
    return results


def mark_many(items: list[services.Receipt]) -> list[dict[str, Any] | Exception]:
    """What the receipts queue runs in the database thread: many receipts, one statement."""
    return per_organization(items, lambda item: item.member.organization_id, services.receipts_mark_many)


def open_conversation(item: tuple[dict[str, Any], int]) -> tuple[Conversation, Membership, bool] | int:
    """For a connection (its scope, the conversation id): who signed in, the conversation, and
    their membership as one of its two people; a close code when it is refused."""
    connection_scope, conversation_id = item
    user = scope_user(connection_scope)
    if not user.is_authenticated:
        return CLOSE_SIGNED_OUT
    with scopes_disabled():
        conversation = one(Conversation.objects.filter(pk=conversation_id).select_related("match"))
        if conversation is None:
            return CLOSE_DENIED
        me = one(
            Membership.objects.filter(
                user=user, is_active=True, pk__in=(conversation.participant_id, conversation.peer_id)
            ).select_related("organization")
        )
    if me is None or me.role not in (Role.PARTICIPANT, Role.PEER):
        return CLOSE_DENIED
    me.user = user  # signed in already: not read again
    level = services.member_access(conversation, me)
    if level is None:
        return CLOSE_DENIED
    return conversation, me, level == "write"


# Connections that arrive together are checked in one database call.
OPENS: GroupCommit[tuple[dict[str, Any], int], tuple[Conversation, Membership, bool] | int] = GroupCommit(
    each(open_conversation)
)
# Every message this process receives goes through one queue: stored many to a transaction.
WRITES: GroupCommit[services.Outgoing, tuple[services.Sent, dict[str, Any]]] = GroupCommit(store_many)
# And every delivered / read receipt through another (a browser sends one per message it shows).
RECEIPTS: GroupCommit[services.Receipt, dict[str, Any]] = GroupCommit(mark_many)


class ConversationConsumer(DirectDispatch, AsyncJsonWebsocketConsumer):
    """`ws/conversations/<id>/`: only the participant and their current peer supporter (a
    past conversation is read-only for the participant; anyone else is refused with 4403)."""

    access = Access(roles=frozenset({Role.PARTICIPANT, Role.PEER}))

    async def connect(self) -> None:
        found = await OPENS.submit((self.scope, int(self.scope["url_route"]["kwargs"]["conversation_id"])))
        if isinstance(found, int):
            await self.close(code=found)
            return
        self.conversation, self.me, self.writable = found
        self.read_in(zone_of(self.me))
        self.group = self.conversation.group_name
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        if hasattr(self, "group"):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        if not isinstance(content, dict):
            await self.send_json({"type": "error", "error": "Send a JSON object."})
            return
        kind = content.get("type")
        if kind == "send":
            await self._send_message(content)
        elif kind == "sync":
            await self._catch_up(content.get("after"))
        elif kind == "typing":
            await self.channel_layer.group_send(
                self.group,
                {"type": "chat.typing", "member_id": self.me.pk, "from_channel": self.channel_name},
            )
        elif kind in ("read", "delivered"):
            await self._receipt(kind, content.get("seq"))
        elif kind == "ping":
            await self.send_json({"type": "pong"})
        else:
            await self.send_json({"type": "error", "error": f"Unknown message type: {kind!r}."})

    async def _send_message(self, content: dict[str, Any]) -> None:
        client_id = content.get("client_id")
        outgoing = services.Outgoing(
            self.conversation.pk,
            self.me,
            str(client_id or ""),
            str(content.get("body") or ""),
            self.me.preferred_language,
        )
        try:
            sent, payload = await WRITES.submit(outgoing)
        except ValidationError as exc:
            await self.send_json({"type": "error", "client_id": client_id, "error": " ".join(exc.messages)})
            return
        except PermissionDenied:
            with as_reader(self.me):
                error = gettext("This conversation is read-only now.")
            await self.send_json({"type": "error", "client_id": client_id, "error": error})
            return
        # Stored and committed: only now is the sender told, and the others sent it.
        ack = {
            "type": "ack",
            "client_id": sent.message.client_id,
            "id": sent.message.pk,
            "seq": sent.message.seq,
            "screening": sent.message.screening_level,
            "duplicate": not sent.created,
        }
        if payload.get("help_url"):
            ack["help_url"] = payload.pop("help_url")
        ack["message"] = payload  # this connection's copy: it is not sent the message again
        await self.send_json(ack)
        if sent.created:
            event = services.chat_event(payload, from_channel=self.channel_name)
            await self.channel_layer.group_send(self.group, event)

    async def _catch_up(self, after: Any) -> None:
        try:
            after = max(0, int(after))
        except (TypeError, ValueError):
            await self.send_json({"type": "error", "error": "sync needs a whole number 'after'."})
            return
        messages = await self._since(after)
        for payload in messages:
            await self.send_json({"type": "message", "message": payload})
        last = messages[-1]["seq"] if messages else after
        await self.send_json({"type": "synced", "last": last, "more": len(messages) == CATCH_UP_LIMIT})

    @database_call
    def _since(self, after: int) -> list[dict[str, Any]]:
        with scope(organization=self.conversation.organization_id):
            return [
                services.message_payload(m, m.sender.user.shown_name)
                for m in selectors.messages_after(self.conversation, after, limit=CATCH_UP_LIMIT)
            ]

    async def _receipt(self, kind: str, seq: Any) -> None:
        try:
            seq = max(0, int(seq))
        except (TypeError, ValueError):
            return
        receipt = services.Receipt(
            self.conversation.pk, self.me, read=seq if kind == "read" else 0, delivered=seq
        )
        try:
            event = await RECEIPTS.submit(receipt)
        except PermissionDenied:
            return
        await self.channel_layer.group_send(self.group, event)

    # Events from the group ------------------------------------------------------------------

    async def chat_message(self, event: dict[str, Any]) -> None:
        if event.get("from_channel") != self.channel_name:  # the sender has it in its ack
            await self.send(text_data=event["text"])  # encoded once for every connection

    async def chat_typing(self, event: dict[str, Any]) -> None:
        if event.get("from_channel") != self.channel_name and event.get("member_id") != self.me.pk:
            await self.send_json({"type": "typing", "member_id": event["member_id"]})

    async def chat_receipt(self, event: dict[str, Any]) -> None:
        await self.send_json(
            {
                "type": "receipt",
                "member_id": event["member_id"],
                "read": event["read"],
                "delivered": event["delivered"],
            }
        )

    async def chat_paused(self, event: dict[str, Any]) -> None:
        await self.send_json({"type": "paused", "paused": event["paused"]})
