"""The baseline for bench_websockets.py: a raw ASGI WebSocket relay, no Django, no storage.

Served by the same uvicorn as Alongside, it speaks the same protocol to the same load client:

- `/relay/conversations/<id>/`: on {"type": "send", "client_id", "body"} it answers the sender
  {"type": "ack", ...} and sends {"type": "message", "message": {...}} to every connection on
  that path (sender included), as the conversation consumer does after storing;
- `/relay/rooms/<id>/`: on {"type": "send", ...} it sends {"type": "message", ...} to every
  connection in the room, as a group room's fan-out does.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

Send = Callable[[dict[str, Any]], Awaitable[None]]
Receive = Callable[[], Awaitable[dict[str, Any]]]

rooms: dict[str, list[Send]] = {}
sequence = itertools.count(1)


async def application(scope: dict[str, Any], receive: Receive, send: Send) -> None:
    if scope["type"] == "http":
        await send({"type": "http.response.start", "status": 404, "headers": []})
        await send({"type": "http.response.body", "body": b""})
        return
    if scope["type"] != "websocket":
        return
    path: str = scope["path"]
    acknowledges = path.startswith("/relay/conversations/")
    if not (acknowledges or path.startswith("/relay/rooms/")):
        await send({"type": "websocket.close", "code": 4404})
        return
    event = await receive()
    if event["type"] != "websocket.connect":
        return
    await send({"type": "websocket.accept"})
    members = rooms.setdefault(path, [])
    members.append(send)
    try:
        while True:
            event = await receive()
            if event["type"] == "websocket.disconnect":
                break
            content = json.loads(event.get("text") or event.get("bytes") or "{}")
            if content.get("type") != "send":
                continue
            seq = next(sequence)
            if acknowledges:
                ack = {"type": "ack", "client_id": content.get("client_id"), "id": seq, "seq": seq}
                await send({"type": "websocket.send", "text": json.dumps(ack)})
            message = json.dumps(
                {
                    "type": "message",
                    "message": {
                        "id": seq,
                        "seq": seq,
                        "client_id": content.get("client_id"),
                        "sender_id": 0,
                        "body": content.get("body"),
                        "created_at": datetime.now(UTC).isoformat(),
                        "screening": "none",
                    },
                }
            )
            for member in list(members):
                try:
                    await member({"type": "websocket.send", "text": message})
                except Exception:  # noqa: S112 - that member is closing; the others still get it
                    continue
    finally:
        members.remove(send)
        if not members:
            rooms.pop(path, None)
