"""The id of the request being served, for logs and audit events."""

from __future__ import annotations

from contextvars import ContextVar

_request_id: ContextVar[str] = ContextVar("alongside_request_id", default="")
# (address, user agent) of the request being served, for "from where" in security notices.
_client: ContextVar[tuple[str, str] | None] = ContextVar("alongside_client", default=None)


def current_request_id() -> str:
    return _request_id.get()


def set_request_id(value: str) -> object:
    return _request_id.set(value)


def reset_request_id(token: object) -> None:
    _request_id.reset(token)  # type: ignore[arg-type]


def current_client() -> tuple[str, str] | None:
    """The address and user agent of the request being served; None outside a request."""
    return _client.get()


def set_client(address: str, user_agent: str) -> object:
    return _client.set((address, user_agent))


def reset_client(token: object) -> None:
    _client.reset(token)  # type: ignore[arg-type]
