"""Forwarded headers are believed only from trusted proxies, by uvicorn and the app alike."""

from __future__ import annotations

import json
from unittest import mock

import pytest
from django.core.management import call_command
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory

from alongside.core.network import TrustedProxyMiddleware, client_address, forwarded_client
from conftest import PASSWORD


@pytest.fixture
def behind_proxy(settings):
    settings.BEHIND_PROXY = True
    settings.TRUSTED_PROXIES = ["127.0.0.1", "::1", "10.0.0.0/8"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    return settings


def seen(peer: str, **headers: str) -> HttpRequest:
    request = RequestFactory().get("/", REMOTE_ADDR=peer, **headers)
    seen_request: list[HttpRequest] = []

    def view(request: HttpRequest) -> HttpResponse:
        seen_request.append(request)
        return HttpResponse()

    TrustedProxyMiddleware(view)(request)
    return seen_request[0]


def test_a_trusted_proxy_gives_the_client_address(behind_proxy) -> None:
    request = seen("127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5", HTTP_X_FORWARDED_PROTO="https")
    assert client_address(request) == "203.0.113.5"
    assert request.is_secure()


def test_a_chain_of_trusted_proxies_is_walked_from_the_right(behind_proxy) -> None:
    request = seen("127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.5, 10.1.2.3")
    # 198.51.100.1 was written by the client itself; the first untrusted hop from the right is real.
    assert client_address(request) == "203.0.113.5"


def test_forwarded_headers_from_anyone_else_are_ignored(behind_proxy) -> None:
    request = seen("198.51.100.9", HTTP_X_FORWARDED_FOR="203.0.113.5", HTTP_X_FORWARDED_PROTO="https")
    assert client_address(request) == "198.51.100.9"
    assert not request.is_secure()
    assert "HTTP_X_FORWARDED_FOR" not in request.META


def test_without_behind_proxy_nobody_is_trusted(settings) -> None:
    settings.BEHIND_PROXY = False
    request = seen("127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert client_address(request) == "127.0.0.1"


def test_a_malformed_forwarded_entry_is_not_believed(behind_proxy) -> None:
    assert forwarded_client("127.0.0.1", "203.0.113.5, not-an-address") == "127.0.0.1"


def test_a_spoofed_forwarded_for_does_not_escape_the_login_throttle(behind_proxy, alex) -> None:
    for n in range(5):
        Client().post(
            "/api/v1/auth/token",
            data=json.dumps({"username": "alex", "password": "wrong"}),
            content_type="application/json",
            REMOTE_ADDR="198.51.100.9",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n + 1}",
        )
    response = Client().post(
        "/api/v1/auth/token",
        data=json.dumps({"username": "alex", "password": PASSWORD}),
        content_type="application/json",
        REMOTE_ADDR="198.51.100.9",
        HTTP_X_FORWARDED_FOR="192.0.2.99",
    )
    assert response.status_code == 429


def test_serve_gives_uvicorn_the_same_trusted_proxies(behind_proxy) -> None:
    with mock.patch("uvicorn.run") as run, mock.patch("alongside.core.heap.settle"):
        call_command("serve", port=8999)
    assert run.call_args.kwargs["proxy_headers"] is True
    assert run.call_args.kwargs["forwarded_allow_ips"] == ["127.0.0.1", "::1", "10.0.0.0/8"]


def test_serve_trusts_no_forwarded_headers_without_a_proxy(settings) -> None:
    settings.BEHIND_PROXY = False
    with mock.patch("uvicorn.run") as run, mock.patch("alongside.core.heap.settle"):
        call_command("serve", port=8999)
    assert run.call_args.kwargs["proxy_headers"] is False
    assert run.call_args.kwargs["forwarded_allow_ips"] == []
