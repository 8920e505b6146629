"""Web push against a real push endpoint on loopback: the payload arrives encrypted for the
browser's keys, signed with our VAPID key, and a subscription the service calls gone is dropped."""

from __future__ import annotations

import base64
import json
import os
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer

import http_ece
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from py_vapid import Vapid

from alongside.core.models import Notification, PushSubscription
from alongside.core.notifications import notification_send
from alongside.core.webpush import send_web_push


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class PushService(BaseHTTPRequestHandler):
    received: list[tuple[str, dict[str, str], bytes]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        PushService.received.append((self.path, {k.lower(): v for k, v in self.headers.items()}, body))
        self.send_response(410 if self.path.endswith("/gone") else 201)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def push_service() -> Iterator[str]:
    PushService.received = []
    server = HTTPServer(("127.0.0.1", 0), PushService)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture
def vapid_key(settings) -> Vapid:
    vapid = Vapid()
    vapid.generate_keys()
    settings.WEBPUSH_VAPID_PRIVATE_KEY = vapid.private_pem().decode()
    return vapid


@pytest.fixture
def browser_keys() -> tuple[ec.EllipticCurvePrivateKey, bytes]:
    return ec.generate_private_key(ec.SECP256R1()), os.urandom(16)


def subscribe(client, endpoint: str, private_key: ec.EllipticCurvePrivateKey, auth: bytes):
    public = private_key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return client.post(
        "/notifications/push/subscribe/",
        data=json.dumps({"endpoint": endpoint, "keys": {"p256dh": b64(public), "auth": b64(auth)}}),
        content_type="application/json",
    )


def test_a_notification_reaches_the_device_encrypted_and_signed(
    alex, push_service, vapid_key, browser_keys, django_capture_on_commit_callbacks
) -> None:
    private_key, auth = browser_keys
    assert subscribe(alex.client(), push_service + "/device/1", private_key, auth).status_code == 201
    with django_capture_on_commit_callbacks(execute=True):
        notification = notification_send(user=alex.user, kind="reminder", title="Time to check in", url="/")
    # The test task backend is the database one: run the queued job as the worker would.
    assert send_web_push.call(notification.pk) == 1
    path, headers, body = PushService.received[-1]
    assert path == "/device/1"
    assert headers["content-encoding"] == "aes128gcm"
    assert headers["authorization"].startswith("vapid t=")
    assert b"Time to check in" not in body  # encrypted on the wire
    payload = json.loads(
        http_ece.decrypt(body, private_key=private_key, auth_secret=auth, version="aes128gcm")
    )
    assert payload == {"title": "Time to check in", "body": "", "url": "/"}


def test_a_subscription_the_service_says_is_gone_is_dropped(
    alex, push_service, vapid_key, browser_keys
) -> None:
    private_key, auth = browser_keys
    subscribe(alex.client(), push_service + "/gone", private_key, auth)
    notification = Notification.objects.create(user=alex.user, kind="reminder", title="Hello")
    assert send_web_push.call(notification.pk) == 0
    assert not PushSubscription.objects.exists()


def test_bad_subscriptions_are_refused_and_nothing_stored(alex) -> None:
    response = alex.client().post(
        "/notifications/push/subscribe/", data="{}", content_type="application/json"
    )
    assert response.status_code == 400
    assert not PushSubscription.objects.exists()


def test_a_person_can_only_remove_their_own_subscription(alex, jordan, browser_keys) -> None:
    private_key, auth = browser_keys
    subscribe(jordan.client(), "https://push.example/jordan", private_key, auth)
    alex.client().post(
        "/notifications/push/unsubscribe/",
        data=json.dumps({"endpoint": "https://push.example/jordan"}),
        content_type="application/json",
    )
    assert PushSubscription.objects.filter(user=jordan.user).exists()


def test_the_service_worker_is_served_from_the_root(client, db) -> None:
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert "showNotification" in response.content.decode()
