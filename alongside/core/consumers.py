from __future__ import annotations

import zoneinfo
from typing import Any

from channels.consumer import get_handler_name
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.utils import timezone

from alongside.core.access import Access
from alongside.core.database import database_call, websocket_user
from alongside.core.notifications import user_group
from alongside.core.timezones import zone_for


class DirectDispatch:
    """For consumers whose database work all goes through `core.database.database_call` (which
    closes stale connections itself): handle each message without Channels' extra
    hop into the shared database thread first (`aclose_old_connections` in `dispatch`). That
    hop made every frame and every group event wait behind any database write in progress,
    and capped fan-out at a few thousand deliveries a second (bench/bench_websockets.py).

    Every frame is handled in the connected person's time zone (`reader_zone`, set once they
    are known): whatever is rendered or dated in a handler, and in the database calls it makes,
    reads as on that person's pages. Times in frames stay ISO 8601 with their offset."""

    reader_zone: zoneinfo.ZoneInfo | None = None

    async def dispatch(self, message: dict[str, Any]) -> None:
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        with timezone.override(self.reader_zone):
            await handler(message)


class NotificationConsumer(DirectDispatch, AsyncJsonWebsocketConsumer):
    """Live in-app notifications for the signed-in person (new alerts, replies, reminders).

    Only the person's own group is joined, so nobody receives anyone else's notifications.
    Anonymous connections are refused with close code 4401.
    """

    access = Access(signed_in=True)

    async def connect(self) -> None:
        user = await websocket_user(self.scope)
        if not user.is_authenticated:
            await self.close(code=4401)
            return
        self.reader_zone = await _zone_of_user(user)
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


async def _zone_of_user(user: Any) -> zoneinfo.ZoneInfo:
    """The person's zone; their organization's is read (one database call) only when they have
    none of their own."""
    if user.timezone:
        return zone_for(user, look_up=False)
    return await database_call(zone_for)(user)
