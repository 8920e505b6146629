from __future__ import annotations

from typing import Any

from channels.generic.websocket import AsyncJsonWebsocketConsumer

from alongside.core.access import Access
from alongside.core.notifications import user_group


class NotificationConsumer(AsyncJsonWebsocketConsumer):
    """Live in-app notifications for the signed-in person (new alerts, replies, reminders).

    Only the person's own group is joined, so nobody receives anyone else's notifications.
    Anonymous connections are refused with close code 4401.
    """

    access = Access(signed_in=True)

    async def connect(self) -> None:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=4401)
            return
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
