"""The Alongside ASGI application as bench_websockets.py serves it: the project's HTTP and
WebSocket routes, plus two consumers that exist only in the benchmark:

- `ws/bench/conversations/<key>/`: the chat protocol over Channels' groups with no storage, no
  screening and no sign-in (ack, then the message to every connection of the conversation),
  which separates what Channels costs from what storing and screening cost;
- `ws/bench/rooms/<key>/`: a group room's fan-out (every message to every member, no
  storage), and `ws/bench/rooms-direct/<key>/`, the same without Channels' per-message thread hop.
"""

from __future__ import annotations

import itertools
import os
from datetime import UTC, datetime
from typing import Any

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ws_settings")
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.generic.websocket import AsyncJsonWebsocketConsumer  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402
from django.urls import path  # noqa: E402

from config.websockets import websocket_urlpatterns  # noqa: E402

sequence = itertools.count(1)


class ChatWithoutStorageConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self) -> None:
        self.group = "bench.chat." + self.scope["url_route"]["kwargs"]["key"]
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        if content.get("type") != "send":
            return
        seq = next(sequence)
        await self.send_json({"type": "ack", "client_id": content.get("client_id"), "id": seq, "seq": seq})
        message = {
            "id": seq,
            "seq": seq,
            "client_id": content.get("client_id"),
            "sender_id": 0,
            "body": content.get("body"),
            "created_at": datetime.now(UTC).isoformat(),
            "screening": "none",
        }
        await self.channel_layer.group_send(self.group, {"type": "chat.message", "message": message})

    async def chat_message(self, event: dict[str, Any]) -> None:
        await self.send_json({"type": "message", "message": event["message"]})


class FanOutConsumer(ChatWithoutStorageConsumer):
    async def connect(self) -> None:
        self.group = "bench.room." + self.scope["url_route"]["kwargs"]["key"]
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        if content.get("type") != "send":
            return
        seq = next(sequence)
        message = {
            "id": seq,
            "seq": seq,
            "client_id": content.get("client_id"),
            "sender_id": 0,
            "body": content.get("body"),
            "created_at": datetime.now(UTC).isoformat(),
            "screening": "none",
        }
        await self.channel_layer.group_send(self.group, {"type": "chat.message", "message": message})


class DirectFanOutConsumer(FanOutConsumer):
    """The same fan-out, without the thread hop Channels makes before every handler
    (`dispatch` awaits `aclose_old_connections()`, a `sync_to_async` call into the one
    thread-sensitive executor, for each message). Forwarding a group event touches no database,
    so the hop buys nothing there: this row measures what it costs."""

    async def dispatch(self, message: dict[str, Any]) -> None:
        if message["type"] == "chat.message":
            await self.chat_message(message)
        else:
            await super().dispatch(message)


routes = [
    path("ws/bench/conversations/<str:key>/", ChatWithoutStorageConsumer.as_asgi()),
    path("ws/bench/rooms/<str:key>/", FanOutConsumer.as_asgi()),
    path("ws/bench/rooms-direct/<str:key>/", DirectFanOutConsumer.as_asgi()),
    *websocket_urlpatterns,
]
if not any("conversations" in str(route.pattern) for route in websocket_urlpatterns):
    # Until config/websockets.py routes it, serve the conversation consumer here.
    from alongside.conversations.consumers import ConversationConsumer

    routes.append(path("ws/conversations/<int:conversation_id>/", ConversationConsumer.as_asgi()))

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": AllowedHostsOriginValidator(AuthMiddlewareStack(URLRouter(routes))),
    }
)
