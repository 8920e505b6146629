"""A message acknowledged to the sender survives the server process being killed right after
the acknowledgement: the ack is sent only once the message is committed."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django_scopes import scope, scopes_disabled

from alongside.conversations.models import Message
from alongside.conversations.services import conversation_for_match
from alongside.matching.models import PeerMatch
from conftest import PASSWORD, Persona


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def server_env() -> dict[str, str]:
    database = connection.settings_dict
    env = {**os.environ, "ALONGSIDE_TESTING": "1", "DJANGO_SETTINGS_MODULE": "config.settings"}
    if connection.vendor == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{database['NAME']}"
    else:
        env["DATABASE_URL"] = (
            f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
        )
    return env


@pytest.mark.django_db(transaction=True)
def test_an_acknowledged_message_survives_killing_the_server_right_after(alex: Persona, pat: Persona) -> None:
    import websockets

    with scope(organization=alex.organization):
        conversation = conversation_for_match(PeerMatch.objects.get(participant=alex.membership))
    browser = Client()
    assert browser.login(username="alex", password=PASSWORD)
    session = browser.cookies[settings.SESSION_COOKIE_NAME].value
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "alongside", "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=Path(settings.BASE_DIR),
        env=server_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.1)

        async def send_and_kill() -> dict:
            async with websockets.connect(
                f"ws://127.0.0.1:{port}/ws/conversations/{conversation.pk}/",
                additional_headers={
                    "Cookie": f"{settings.SESSION_COOKIE_NAME}={session}",
                    "Origin": f"http://127.0.0.1:{port}",
                },
            ) as ws:
                await ws.send(
                    json.dumps({"type": "send", "client_id": "crash-1", "body": "Please keep this"})
                )
                while True:
                    reply = json.loads(await asyncio.wait_for(ws.recv(), timeout=10))
                    if reply["type"] == "ack":
                        # The instant the sender is told, the server dies without any cleanup.
                        os.killpg(server.pid, signal.SIGKILL)
                        return reply

        ack = asyncio.run(send_and_kill())
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=10)
    with scopes_disabled():
        stored = Message.objects.get(pk=ack["id"])
    assert stored.body == "Please keep this" and stored.client_id == "crash-1" and stored.seq == ack["seq"]
