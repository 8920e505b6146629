"""The Alongside ASGI application as bench_websockets.py serves it: the project's HTTP and
WebSocket routes, plus consumers that exist only in the benchmark:

- `ws/bench/conversations/<key>/`: the chat protocol over Channels' groups with no storage, no
  screening and no sign-in (ack, then the message to every connection of the conversation),
  which separates what Channels costs from what storing and screening cost;
- `ws/bench/rooms/<key>/`: a group room's fan-out (every message to every member, no
  storage);
- `ws/bench/conversations-direct/<key>/` and `ws/bench/rooms-direct/<key>/`: the same two
  without Channels' thread hop before every handler (see WithoutDispatchHop);
- `ws/bench/conversations-stored-direct/<id>/`: Alongside's own ConversationConsumer (storage,
  screening, sign-in) without that hop.
"""

from __future__ import annotations

import gc
import itertools
import os
import sys
import time
from datetime import UTC, datetime
from typing import Any

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ws_settings")
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.consumer import get_handler_name  # noqa: E402
from channels.generic.websocket import AsyncJsonWebsocketConsumer  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402
from django.urls import path  # noqa: E402

from alongside.conversations.consumers import ConversationConsumer  # noqa: E402
from config.websockets import websocket_urlpatterns  # noqa: E402

sequence = itertools.count(1)


def _log_long_collections() -> None:
    """Write each garbage collection that stops the server for 5 ms or more to its log, which
    the benchmark reads: a full collection of a Django process's heap is a stall of its own."""
    started = [0.0]

    def callback(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            started[0] = time.perf_counter()
        elif (pause := (time.perf_counter() - started[0]) * 1000) >= 5:
            print(
                f"bench-gc generation={info['generation']} pause_ms={pause:.1f}", file=sys.stderr, flush=True
            )

    gc.callbacks.append(callback)


_log_long_collections()


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


class WithoutDispatchHop:
    """Consumers without the thread hop Channels makes before every handler: its `dispatch`
    awaits `aclose_old_connections()`, a `sync_to_async` call into the one thread-sensitive
    executor, for every message a consumer handles (each frame received, each group event).
    These consumers touch no database, and a consumer whose database work all goes through
    `database_sync_to_async` has its connections closed around each of those calls anyway, so
    the hop buys nothing there: these rows measure what it costs."""

    async def dispatch(self, message: dict[str, Any]) -> None:
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)


class DirectChatConsumer(WithoutDispatchHop, ChatWithoutStorageConsumer):
    pass


class DirectFanOutConsumer(WithoutDispatchHop, FanOutConsumer):
    pass


class DirectConversationConsumer(WithoutDispatchHop, ConversationConsumer):
    pass


routes = [
    path("ws/bench/conversations/<str:key>/", ChatWithoutStorageConsumer.as_asgi()),
    path("ws/bench/rooms/<str:key>/", FanOutConsumer.as_asgi()),
    path("ws/bench/rooms-direct/<str:key>/", DirectFanOutConsumer.as_asgi()),
    path("ws/bench/conversations-direct/<str:key>/", DirectChatConsumer.as_asgi()),
    path("ws/bench/conversations-stored-direct/<int:conversation_id>/", DirectConversationConsumer.as_asgi()),
    *websocket_urlpatterns,
]
application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": AllowedHostsOriginValidator(AuthMiddlewareStack(URLRouter(routes))),
    }
)
if os.environ.get("BENCH_GC_FREEZE"):
    # What a server could do once started: move everything loaded so far out of the collector's
    # reach, so that full collections only walk what the connections themselves allocate.
    gc.collect()
    gc.freeze()
