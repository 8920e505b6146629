"""Over WebSocket each connection works in its own person's time zone, and times travel as ISO
8601 with their offset (the page shows them in the reader's zone)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from asgiref.sync import async_to_sync
from channels.testing.websocket import WebsocketCommunicator
from django.utils import timezone
from django_scopes import scope

from alongside.conversations import selectors, services
from alongside.conversations.models import Conversation
from alongside.matching.models import PeerMatch
from config.asgi import application
from conftest import Persona


def connect(user: Any, conversation: Conversation) -> WebsocketCommunicator:
    communicator = WebsocketCommunicator(
        application, f"/ws/conversations/{conversation.pk}/", headers=[(b"origin", b"http://localhost")]
    )
    communicator.scope["user"] = user
    return communicator


@pytest.mark.django_db(transaction=True)
def test_each_connection_handles_its_frames_in_its_own_persons_zone(
    alex: Persona, pat: Persona, monkeypatch
) -> None:
    # alex chose no zone (the organization's, New York); pat lives in London.
    pat.user.timezone = "Europe/London"
    pat.user.save(update_fields=["timezone"])
    with scope(organization=alex.organization):
        chat = services.conversation_for_match(PeerMatch.objects.get(participant=alex.membership))
        services.message_send(conversation=chat, sender=pat.membership, client_id="first", body="Hello Alex")
    seen: list[str] = []
    messages_after = selectors.messages_after

    def recording(*args: Any, **kwargs: Any) -> Any:
        seen.append(timezone.get_current_timezone_name())  # in the database thread, for this frame
        return messages_after(*args, **kwargs)

    monkeypatch.setattr(selectors, "messages_after", recording)

    async def scenario() -> list[dict[str, Any]]:
        frames = []
        for person in (alex, pat):
            socket = connect(person.user, chat)
            assert (await socket.connect())[0]
            await socket.send_json_to({"type": "sync", "after": 0})
            frames.append(await socket.receive_json_from(timeout=3))
            await socket.disconnect()
        return frames

    frames = async_to_sync(scenario)()
    assert seen == ["America/New_York", "Europe/London"]
    for frame in frames:
        sent_at = datetime.fromisoformat(frame["message"]["created_at"])
        assert sent_at.utcoffset() is not None  # ISO 8601 with its offset, for the page to localize
