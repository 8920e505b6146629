"""Database work from WebSocket consumers: one thread, and a connection kept open while busy.

Channels' `database_sync_to_async` closes the thread's database connection before and after
every call when connections are not kept (`DB_CONN_MAX_AGE=0`, the default, which HTTP under
ASGI needs: each request runs in a thread of its own). For SQLite that is about 1.5 ms of
opening, PRAGMAs and a WAL checkpoint on close around each call, paid once per message and
three or four times per connecting client. `database_call` runs the work in the same one
thread-sensitive thread, but closes the connection only when the last call in flight finishes:
under load the connection is reused from call to call, and when the server goes quiet it is
closed as before (so nothing holds a database connection while idle). A call that fails closes
a connection that is no longer usable at once.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, ParamSpec, TypeVar

from asgiref.sync import sync_to_async
from django.contrib.auth import get_user
from django.contrib.auth.models import AnonymousUser
from django.db import close_old_connections
from django.db.models import Model, QuerySet

P = ParamSpec("P")
R = TypeVar("R")
M = TypeVar("M", bound=Model)


class _InFlight:
    calls = 0  # counted on the event loop's thread only


def _closing_on_error(func: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(func)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except Exception:
            close_old_connections()  # drops a broken connection (and, with max age 0, any)
            raise

    return run


_close = sync_to_async(close_old_connections, thread_sensitive=True)


def database_call(func: Callable[P, R]) -> Callable[P, Awaitable[R]]:
    """`func` in the database thread; the connection stays open while more calls are waiting."""
    in_thread = sync_to_async(_closing_on_error(func), thread_sensitive=True)

    @functools.wraps(func)
    async def call(*args: P.args, **kwargs: P.kwargs) -> R:
        async with busy():
            return await in_thread(*args, **kwargs)

    return call


@contextlib.asynccontextmanager
async def busy() -> AsyncIterator[None]:
    """Keeps the database thread's connection open until the block ends (a write queue holds
    it across its batches), then closes it if nothing else is in flight."""
    _InFlight.calls += 1
    try:
        yield
    finally:
        _InFlight.calls -= 1
        if _InFlight.calls == 0:
            await _close()


def one(queryset: QuerySet[M]) -> M | None:
    """The row of a query that finds at most one, without the ORDER BY that `first()` adds (on
    the paths every connection takes, compiling the ordering cost more than running the query)."""
    rows = list(queryset.order_by()[:1])
    return rows[0] if rows else None


class SessionAuthMiddleware:
    """Puts the WebSocket's session key in the scope. The user is read when the consumer asks:
    `scope_user(scope)` inside the consumer's own database call (the conversation and room
    consumers check access in that same call, so a connection costs one), or
    `await websocket_user(scope)`. Either is AnonymousUser when the session is missing, expired or no
    longer valid for the user (for example after a password change). A scope that already has
    a user (tests give one) keeps it. Wrap it in Channels' CookieMiddleware."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> Any:
        from django.conf import settings

        key = scope.get("cookies", {}).get(settings.SESSION_COOKIE_NAME)
        return await self.inner(dict(scope, session_key=key), receive, send)


def scope_user(scope: dict[str, Any]) -> Any:
    """The signed-in user of a WebSocket's scope (read once, then kept in the scope). In the
    database thread."""
    if "user" not in scope:
        from importlib import import_module
        from types import SimpleNamespace

        from django.conf import settings

        key = scope.get("session_key")
        if not key:
            scope["user"] = AnonymousUser()
        else:
            session = import_module(settings.SESSION_ENGINE).SessionStore(key)
            # Django's own check: the user's backend, and the session hash.
            scope["user"] = get_user(SimpleNamespace(session=session))  # type: ignore[arg-type]
    return scope["user"]


async def websocket_user(scope: dict[str, Any]) -> Any:
    """`scope_user` from async code."""
    if "user" in scope:
        return scope["user"]
    return await database_call(scope_user)(scope)


def websocket_stack(inner: Any) -> Any:
    """What every WebSocket passes before its consumer: the allowed origins, then sign-in."""
    from channels.security.websocket import AllowedHostsOriginValidator
    from channels.sessions import CookieMiddleware

    return AllowedHostsOriginValidator(CookieMiddleware(SessionAuthMiddleware(inner)))
