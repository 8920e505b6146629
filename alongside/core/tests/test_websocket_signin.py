"""WebSockets sign in from the session cookie in one database call; a missing, unknown or
outdated session (the password changed since) is anonymous and refused."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync
from channels.testing.websocket import WebsocketCommunicator
from django.conf import settings

from config.asgi import application
from conftest import Persona

pytestmark = pytest.mark.django_db(transaction=True)


def opens(cookie: str | None, path: str = "/ws/notifications/") -> tuple[bool, int | None]:
    headers = [(b"origin", b"http://localhost")]
    if cookie is not None:
        headers.append((b"cookie", f"{settings.SESSION_COOKIE_NAME}={cookie}".encode()))

    async def scenario() -> tuple[bool, int | None]:
        socket = WebsocketCommunicator(application, path, headers=headers)
        connected, code = await socket.connect(timeout=3)
        if connected:
            await socket.send_json_to({"type": "ping"})
            assert await socket.receive_json_from(timeout=3) == {"type": "pong"}
            await socket.disconnect()
        return connected, code

    return async_to_sync(scenario)()


def test_a_signed_in_session_cookie_opens_the_socket(alex: Persona) -> None:
    key = alex.client().cookies[settings.SESSION_COOKIE_NAME].value
    assert opens(key) == (True, None)


@pytest.mark.parametrize("cookie", [None, "", "no-such-session-key-0123456789abc"])
def test_no_session_or_an_unknown_one_is_refused(alex: Persona, cookie: str | None) -> None:
    assert opens(cookie) == (False, 4401)


def test_a_session_from_before_a_password_change_is_refused(alex: Persona) -> None:
    key = alex.client().cookies[settings.SESSION_COOKIE_NAME].value
    alex.user.set_password("a-brand-new-passphrase-2026")
    alex.user.save()
    assert opens(key) == (False, 4401)


def test_a_conversation_signs_in_from_the_cookie_and_checks_who_it_is(
    alex: Persona, pat: Persona, jordan: Persona
) -> None:
    from django_scopes import scope

    from alongside.conversations.services import conversation_for_match
    from alongside.matching.models import PeerMatch

    with scope(organization=alex.organization):
        chat = conversation_for_match(PeerMatch.objects.get(participant=alex.membership))
    path = f"/ws/conversations/{chat.pk}/"
    assert opens(alex.client().cookies[settings.SESSION_COOKIE_NAME].value, path) == (True, None)
    assert opens(pat.client().cookies[settings.SESSION_COOKIE_NAME].value, path) == (True, None)
    assert opens(jordan.client().cookies[settings.SESSION_COOKIE_NAME].value, path) == (False, 4403)
    assert opens(None, path) == (False, 4401)
    stale = alex.client().cookies[settings.SESSION_COOKIE_NAME].value
    alex.user.set_password("a-brand-new-passphrase-2026")
    alex.user.save()
    assert opens(stale, path) == (False, 4401)


def test_connections_arriving_together_are_each_answered_for_themselves(
    alex: Persona, pat: Persona, jordan: Persona
) -> None:
    import asyncio

    from django_scopes import scope

    from alongside.conversations.services import conversation_for_match
    from alongside.matching.models import PeerMatch

    with scope(organization=alex.organization):
        chat = conversation_for_match(PeerMatch.objects.get(participant=alex.membership))
    cookies = [p.client().cookies[settings.SESSION_COOKIE_NAME].value for p in (alex, pat, jordan)]
    cookies += ["", cookies[0], cookies[2]]

    async def one(cookie: str) -> tuple[bool, int | None]:
        headers = [
            (b"origin", b"http://localhost"),
            (b"cookie", f"{settings.SESSION_COOKIE_NAME}={cookie}".encode()),
        ]
        socket = WebsocketCommunicator(application, f"/ws/conversations/{chat.pk}/", headers=headers)
        connected, code = await socket.connect(timeout=5)
        if connected:
            await socket.disconnect()
        return connected, code

    async def scenario() -> list[tuple[bool, int | None]]:
        return list(await asyncio.gather(*(one(cookie) for cookie in cookies)))

    assert async_to_sync(scenario)() == [
        (True, None),
        (True, None),
        (False, 4403),
        (False, 4401),
        (True, None),
        (False, 4403),
    ]
