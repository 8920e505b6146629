from __future__ import annotations

import zoneinfo
from typing import Any

from channels.consumer import get_handler_name
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.utils import timezone

from alongside.core.access import Access
from alongside.core.database import database_call, scope_user
from alongside.core.notifications import user_group
from alongside.core.timezones import server_zone, zone_for


class DirectDispatch:
    """For consumers whose database work all goes through `core.database.database_call` (which
    closes stale connections itself): handle each message without Channels' extra
    hop into the shared database thread first (`aclose_old_connections` in `dispatch`). That
    hop made every frame and every group event wait behind any database write in progress,
    and capped fan-out at a few thousand deliveries a second (bench/bench_websockets.py).

    Once the connected person is known, `read_in(zone)` makes their zone the active one for
    every frame the connection handles from then on: whatever a handler renders or dates, and
    the database calls it makes, read as on that person's pages. (Channels handles all of a
    connection's frames in that connection's own task, so activating it once there is enough,
    and costs nothing per frame.) Times in frames stay ISO 8601 with their offset."""

    reader_zone: zoneinfo.ZoneInfo | None = None

    def read_in(self, zone: zoneinfo.ZoneInfo) -> None:
        self.reader_zone = zone
        timezone.activate(zone)

    async def dispatch(self, message: dict[str, Any]) -> None:
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)


class NotificationConsumer(DirectDispatch, AsyncJsonWebsocketConsumer):
    """Live in-app notifications for the signed-in person (new alerts, replies, reminders).

    Only the person's own group is joined, so nobody receives anyone else's notifications.
    Anonymous connections are refused with close code 4401.
    """

    access = Access(signed_in=True)

    async def connect(self) -> None:
        user, zone = await _signed_in_with_zone(self.scope)
        if not user.is_authenticated:
            await self.close(code=4401)
            return
        self.read_in(zone)
        self.group = user_group(user.pk)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        if hasattr(self, "group"):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        if isinstance(content, dict) and content.get("type") == "ping":
            await self.send_json({"type": "pong"})

    async def notify(self, event: dict[str, Any]) -> None:
        await self.send_json({"type": "notification", "payload": event.get("payload", {})})


def _person_and_zone(scope: dict[str, Any]) -> tuple[Any, zoneinfo.ZoneInfo]:
    user = scope_user(scope)
    return user, zone_for(user) if user.is_authenticated else server_zone()


async def _signed_in_with_zone(scope: dict[str, Any]) -> tuple[Any, zoneinfo.ZoneInfo]:
    """Who signed in and the zone they read in, in one database call (the organization's zone
    is read only for someone with none of their own)."""
    user = scope.get("user")
    if user is not None and (not user.is_authenticated or user.timezone):
        return user, zone_for(user, look_up=False)
    return await database_call(_person_and_zone)(scope)
