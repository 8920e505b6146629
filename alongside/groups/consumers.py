"""The group room over WebSocket (`ws/groups/<id>/room/`): the same send / ack / sync protocol
as conversations. Members during the meeting window, facilitators always; others get 4403."""

from __future__ import annotations

from typing import Any

from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.core.exceptions import PermissionDenied, ValidationError
from django_scopes import scope, scopes_disabled

from alongside.accounts.models import Membership
from alongside.core.access import Access
from alongside.core.consumers import DirectDispatch
from alongside.core.database import database_call, scope_user
from alongside.core.group_commit import GroupCommit, each, per_organization
from alongside.core.roles import Role
from alongside.core.timezones import zone_of
from alongside.groups import rooms

CLOSE_DENIED = 4403
CLOSE_SIGNED_OUT = 4401


def post_many(items: list[rooms.RoomPost]) -> list[rooms.Posted | Exception]:
    """What the room write queue runs in the database thread: the messages that arrived
    together, one transaction per organization."""
    return per_organization(items, lambda item: item.viewer.organization_id, rooms.room_posts)


# Every room message this process receives goes through one queue: stored many to a transaction.
WRITES: GroupCommit[rooms.RoomPost, rooms.Posted] = GroupCommit(post_many)


def enter_room(item: tuple[dict[str, Any], int]) -> Membership | int:
    """For a connection (its scope, the group id): who signed in, and whether they may enter the
    room now; a close code when it is refused."""
    connection_scope, group_id = item
    user = scope_user(connection_scope)
    if not user.is_authenticated:
        return CLOSE_SIGNED_OUT
    with scopes_disabled():
        me = rooms.room_entry(user.pk, group_id)
    if me is None:
        return CLOSE_DENIED
    me.user = user  # signed in already: not read again
    return me


# Connections that arrive together are checked in one database call.
ENTRIES: GroupCommit[tuple[dict[str, Any], int], Membership | int] = GroupCommit(each(enter_room))


class RoomConsumer(DirectDispatch, AsyncJsonWebsocketConsumer):
    access = Access(roles=frozenset({Role.PARTICIPANT, Role.PEER, Role.SUPERVISOR}))

    async def connect(self) -> None:
        self.group_id = int(self.scope["url_route"]["kwargs"]["group_id"])
        found = await ENTRIES.submit((self.scope, self.group_id))
        if isinstance(found, int):
            await self.close(code=found)
            return
        self.me = found
        self.read_in(zone_of(self.me))
        self.room = rooms.room_group(self.group_id)
        await self.channel_layer.group_add(self.room, self.channel_name)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        if hasattr(self, "room"):
            await self.channel_layer.group_discard(self.room, self.channel_name)

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        if not isinstance(content, dict):
            return
        kind = content.get("type")
        if kind == "send":
            client_id = content.get("client_id")
            post = rooms.RoomPost(
                self.me,
                self.group_id,
                str(client_id or ""),
                str(content.get("body") or ""),
                self.me.preferred_language,
            )
            try:
                posted = await WRITES.submit(post)
            except (ValidationError, PermissionDenied) as exc:
                text = " ".join(exc.messages) if isinstance(exc, ValidationError) else "Not allowed."
                await self.send_json({"type": "error", "client_id": client_id, "error": text})
                return
            await self.send_json(
                {
                    "type": "ack",
                    "client_id": posted.message.client_id,
                    "id": posted.message.pk,
                    "seq": posted.message.pk,
                    "screening": posted.message.screening_level,
                    "duplicate": not posted.created,
                }
            )
            if posted.created:
                await self.channel_layer.group_send(self.room, rooms.room_event(posted.message))
        elif kind == "sync":
            try:
                after = max(0, int(content.get("after") or 0))
            except (TypeError, ValueError):
                after = 0
            found = await self._since(after)
            for message in found:
                await self.send_json({"type": "message", "message": message})
            await self.send_json(
                {"type": "synced", "last": found[-1]["id"] if found else after, "more": False}
            )

    @database_call
    def _since(self, after: int) -> list[dict[str, Any]]:
        with scope(organization=self.me.organization_id):
            access = rooms.room_access(self.me, self.group_id, upcoming=False)
            return [rooms.payload(m) for m in rooms.messages_of(access, after=after)]

    async def room_message(self, event: dict[str, Any]) -> None:
        await self.send(text_data=event["text"])  # encoded once for the whole room

    async def room_deleted(self, event: dict[str, Any]) -> None:
        await self.send_json({"type": "deleted", "id": event["id"]})

    async def room_muted(self, event: dict[str, Any]) -> None:
        if event["member_id"] == self.me.pk:
            await self.send_json({"type": "muted", "muted": event["muted"]})

    async def room_removed(self, event: dict[str, Any]) -> None:
        if event["member_id"] == self.me.pk:
            await self.close(code=CLOSE_DENIED)
