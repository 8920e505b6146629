"""Where a request comes from: the one place that decides which forwarded headers to believe.

Behind a reverse proxy (`BEHIND_PROXY=true`), `X-Forwarded-For` and `X-Forwarded-Proto` are
believed only when the connection itself comes from an address in `TRUSTED_PROXIES`; from
anyone else they are dropped, so a client cannot choose the address its login attempts are
counted against or pretend its plain-HTTP request was encrypted. `alongside serve` gives uvicorn
the same list (`forwarded_allow_ips`), so the server and the application agree.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from alongside.core.request_context import reset_client, set_client

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
FORWARDED_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_HOST")


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def trusted_proxy_networks() -> tuple[Network, ...]:
    """The proxies whose forwarded headers are believed (none unless `BEHIND_PROXY` is on)."""
    if not settings.BEHIND_PROXY:
        return ()
    return _networks(tuple(settings.TRUSTED_PROXIES))


def clean_address(value: str) -> str | None:
    """A textual IP address in its canonical form, or None if it is not one."""
    value = value.strip()
    if value.startswith("[") and "]" in value:  # "[2001:db8::1]:443"
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # "203.0.113.5:51234"
        value = value.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def is_trusted_proxy(address: str | None) -> bool:
    if not address:
        return False
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in trusted_proxy_networks())


def forwarded_client(peer: str, forwarded_for: str) -> str:
    """The client behind a chain of trusted proxies: read `X-Forwarded-For` from the right,
    skipping the proxies we trust; the first address that is not one of them is the client.
    (The same walk uvicorn's proxy-header support makes.)"""
    hops = [clean_address(part) for part in forwarded_for.split(",")]
    for hop in reversed(hops):
        if hop is None:
            return peer  # a malformed entry: believe nothing to its left
        if not is_trusted_proxy(hop):
            return hop
    return next((hop for hop in hops if hop), peer)


def client_address(request: HttpRequest) -> str:
    """The address a request comes from, as `TrustedProxyMiddleware` settled it. Used by the
    login throttle and by allauth's rate limits (through the account adapter)."""
    return clean_address(request.META.get("REMOTE_ADDR", "") or "") or "0.0.0.0"  # noqa: S104


class TrustedProxyMiddleware:
    """First in the chain: believe forwarded headers from a trusted proxy, drop them otherwise."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        peer = clean_address(request.META.get("REMOTE_ADDR", "") or "") or ""
        if is_trusted_proxy(peer):
            forwarded_for = request.META.get("HTTP_X_FORWARDED_FOR", "")
            if forwarded_for:
                request.META["REMOTE_ADDR"] = forwarded_client(peer, forwarded_for)
        else:
            for header in FORWARDED_HEADERS:
                request.META.pop(header, None)
        token = set_client(client_address(request), request.META.get("HTTP_USER_AGENT", "")[:300])
        try:
            return self.get_response(request)
        finally:
            reset_client(token)
