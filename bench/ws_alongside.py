"""The Alongside ASGI application as bench_websockets.py serves it: the project's own HTTP and
WebSocket routes and middleware, exactly as `alongside serve` runs them (including its
`heap.settle()` once loaded), plus two consumers that exist only in the benchmark, to separate
what Channels costs from what Alongside's own work (sign-in, access, storing, screening) costs:

- `ws/bench/conversations/<key>/`: the chat protocol over Channels' groups with no storage, no
  screening and no sign-in (ack, then the message to every connection of the conversation);
- `ws/bench/rooms/<key>/`: a room's fan-out (every message to every member, no storage).

Both handle messages as the product's consumers do (`DirectDispatch`: no thread hop first).
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

from channels.generic.websocket import AsyncJsonWebsocketConsumer  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from django.urls import path  # noqa: E402

from alongside.core import heap  # noqa: E402
from alongside.core.consumers import DirectDispatch  # noqa: E402
from alongside.core.database import websocket_stack  # noqa: E402
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


class ChatWithoutStorageConsumer(DirectDispatch, AsyncJsonWebsocketConsumer):
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


routes = [
    path("ws/bench/conversations/<str:key>/", ChatWithoutStorageConsumer.as_asgi()),
    path("ws/bench/rooms/<str:key>/", FanOutConsumer.as_asgi()),
    *websocket_urlpatterns,
]
application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": websocket_stack(URLRouter(routes)),
    }
)
# As `alongside serve` does once the application is loaded.
heap.settle()
