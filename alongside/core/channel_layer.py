"""The in-process channel layer used when Alongside runs as one process (no Redis).

Channels' stock `InMemoryChannelLayer` scans every channel and every group membership on each
receive and on each group send to expire old messages, so the cost of one delivery grows with the
number of open WebSockets (2,000 connections saturate near 1,000 deliveries a second). This layer
keeps the same interface and semantics (capacity and `ChannelFull`, message expiry, group expiry,
`flush`, process-local `!` channel names) while doing per operation only the work that concerns
the channels involved:

- a channel is a small record holding a buffer of `(expires_at, message)` and the receivers
  waiting on it, created when first used and dropped once it holds neither;
- `group_send` visits only the group's members;
- expiry is lazy: the head of a buffer is checked when it is touched, and a sweep that visits only
  the channels holding buffered messages runs at most every `sweep_interval` seconds; group
  memberships past `group_expiry` are dropped when their group is sent to, and by a slower sweep.

Several event loops share one instance in one process (the ASGI server's loop, and the loops that
`async_to_sync` starts in worker threads), so the state is guarded by a lock that is never held
across an `await`, each receive waits on a future of its own loop, and a sender on another loop
or thread wakes it with `call_soon_threadsafe`. A receiver woken but cancelled before it took the
message passes the wake on, so no buffered message is left behind while someone is waiting.
"""

from __future__ import annotations

import asyncio
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable
from copy import deepcopy
from typing import Any

from channels.exceptions import ChannelFull
from channels.layers import BaseChannelLayer


def copy_message(value: Any) -> Any:
    """A deep copy of a message, fast for the JSON-like values channel messages nearly always
    are; anything else goes through `copy.deepcopy`. Each receiver gets its own copy, as it would
    from a layer that serializes."""
    kind = type(value)
    if kind is dict:
        return {key: copy_message(item) for key, item in value.items()}
    if kind is str or kind is int or kind is float or kind is bool or value is None or kind is bytes:
        return value
    if kind is list:
        return [copy_message(item) for item in value]
    return deepcopy(value)


class _Channel:
    """One channel's buffered messages and the receivers waiting for it."""

    __slots__ = ("buffer", "capacity", "waiters")

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.buffer: deque[tuple[float, dict[str, Any]]] | None = None
        self.waiters: list[asyncio.Future[None]] = []


class InProcessChannelLayer(BaseChannelLayer):  # type: ignore[misc]
    """A channel layer for one process whose cost per delivery does not depend on how many
    channels or groups exist. Configure it like `InMemoryChannelLayer` (`expiry`,
    `group_expiry`, `capacity`, `channel_capacity`)."""

    extensions = ["groups", "flush"]

    def __init__(
        self,
        expiry: float = 60,
        group_expiry: float = 86400,
        capacity: int = 100,
        channel_capacity: dict[Any, int] | None = None,
        sweep_interval: float | None = None,
        clock: Callable[[], float] = time.monotonic,
        **kwargs: Any,
    ) -> None:
        super().__init__(expiry=expiry, capacity=capacity, channel_capacity=channel_capacity, **kwargs)
        self.channel_capacity = self.compile_capacities(channel_capacity or {})
        self.group_expiry = group_expiry
        self.clock = clock
        # Buffered messages are looked at again at least this often, so an unread channel's
        # expired messages (and its group memberships) go within about expiry + sweep_interval.
        self.sweep_interval = sweep_interval if sweep_interval is not None else min(expiry, 10) / 2
        self.group_sweep_interval = min(group_expiry, 600) / 2
        self.channels: dict[str, _Channel] = {}
        self.groups: dict[str, dict[str, float]] = {}
        self._memberships: dict[str, set[str]] = {}  # channel -> the groups it is in
        self._backlog: dict[str, None] = {}  # channels holding buffered messages (an ordered set)
        self._lock = threading.Lock()
        now = clock()
        self._next_sweep = now + self.sweep_interval
        self._next_group_sweep = now + self.group_sweep_interval
        # How many channel records the layer has looked at; tests use it to check that the work
        # of a delivery does not grow with the number of channels.
        self.visits = 0

    # Channel layer API

    async def send(self, channel: str, message: dict[str, Any]) -> None:
        """Put a message on a channel; raises ChannelFull when it already holds `capacity`."""
        assert isinstance(message, dict), "message is not a dict"
        self.require_valid_channel_name(channel)
        assert "__asgi_channel__" not in message
        copied = copy_message(message)
        with self._lock:
            now = self.clock()
            delivered = self._deliver(channel, copied, now)
            self._maybe_sweep(now)
        if not delivered:
            raise ChannelFull(channel)

    async def receive(self, channel: str) -> dict[str, Any]:
        """The first unexpired message on the channel, waiting for one if there is none. If more
        than one coroutine waits on the same channel, each message goes to one of them."""
        self.require_valid_channel_name(channel)
        loop = asyncio.get_running_loop()
        record: _Channel | None = None
        while True:
            with self._lock:
                now = self.clock()
                if record is None or not record.buffer:
                    record = self.channels.get(channel)
                    if record is None:
                        record = self.channels[channel] = _Channel(self.get_capacity(channel))
                self.visits += 1
                message = self._take(channel, record, now)
                if message is not None:
                    self._maybe_sweep(now)
                    return message
                current = self.channels.get(channel)
                if current is None:
                    self.channels[channel] = record
                elif current is not record:
                    continue  # the record was replaced (flushed away meanwhile): wait on the new one
                waiter: asyncio.Future[None] = loop.create_future()
                record.waiters.append(waiter)
            try:
                await waiter
            except BaseException:
                self._abandon(channel, record, waiter)
                raise

    async def new_channel(self, prefix: str = "specific.") -> str:
        """A new process-local channel name for a consumer in this process."""
        return f"{prefix}.inprocess!{uuid.uuid4().hex}"

    # Flush extension

    async def flush(self) -> None:
        """Drop every buffered message and every group. Receivers that are waiting keep waiting
        and get the next message sent to their channel."""
        with self._lock:
            for name, record in list(self.channels.items()):
                record.buffer = None
                if not record.waiters:
                    del self.channels[name]
            self._backlog.clear()
            self.groups.clear()
            self._memberships.clear()

    async def close(self) -> None:
        """Nothing to release: the layer holds no connections."""

    # Groups extension

    async def group_add(self, group: str, channel: str) -> None:
        """Add a channel to a group (again, which renews its membership)."""
        self.require_valid_group_name(group)
        self.require_valid_channel_name(channel)
        with self._lock:
            now = self.clock()
            self.groups.setdefault(group, {})[channel] = now
            self._memberships.setdefault(channel, set()).add(group)
            self._maybe_sweep(now)

    async def group_discard(self, group: str, channel: str) -> None:
        """Remove a channel from a group; nothing happens if it was not in it."""
        self.require_valid_channel_name(channel)
        self.require_valid_group_name(group)
        with self._lock:
            self._leave(group, channel)

    async def group_send(self, group: str, message: dict[str, Any]) -> None:
        """Send a message to every channel in the group; members that are full miss it (as with
        every Channels layer), members whose membership expired are dropped from the group."""
        assert isinstance(message, dict), "Message is not a dict"
        self.require_valid_group_name(group)
        with self._lock:
            now = self.clock()
            members = self.groups.get(group)
            if members:
                joined_before = now - self.group_expiry
                expired = []
                for channel, joined in tuple(members.items()):
                    if joined < joined_before:
                        expired.append(channel)
                    else:
                        self._deliver(channel, copy_message(message), now)
                for channel in expired:
                    self._leave(group, channel)
            self._maybe_sweep(now)

    # Internals; every one of them runs with the lock held.

    def _deliver(self, channel: str, message: dict[str, Any], now: float) -> bool:
        """Buffer the message and wake one waiting receiver; False if the channel is full."""
        record = self.channels.get(channel)
        if record is None:
            record = self.channels[channel] = _Channel(self.get_capacity(channel))
        self.visits += 1
        buffer = record.buffer
        if buffer is None:
            buffer = record.buffer = deque()
            self._backlog[channel] = None
        elif buffer and buffer[0][0] <= now:
            self._drop_expired(channel, record, now)
            buffer = record.buffer
            if buffer is None:
                buffer = record.buffer = deque()
                self._backlog[channel] = None
        if len(buffer) >= record.capacity:
            return False
        buffer.append((now + self.expiry, message))
        if record.waiters:
            self._wake_one(channel, record)
        return True

    def _take(self, channel: str, record: _Channel, now: float) -> dict[str, Any] | None:
        """Pop the first unexpired message, forgetting the record once it is empty and unused."""
        buffer = record.buffer
        if buffer and buffer[0][0] <= now:
            self._drop_expired(channel, record, now)
            buffer = record.buffer
        if not buffer:
            return None
        _, message = buffer.popleft()
        if not buffer:
            self._emptied(channel, record)
            if not record.waiters:
                self._forget(channel, record)
        elif record.waiters:
            # Another receiver waits on this channel and messages remain: let it have one.
            self._wake_one(channel, record)
        return message

    def _drop_expired(self, channel: str, record: _Channel, now: float) -> None:
        """Drop expired messages at the head of the buffer. As in Channels' layers, a channel that
        let a message expire is presumed gone and leaves all its groups."""
        buffer = record.buffer
        if not buffer:
            return
        dropped = False
        while buffer and buffer[0][0] <= now:
            buffer.popleft()
            dropped = True
        if not buffer:
            self._emptied(channel, record)
        if dropped:
            for group in list(self._memberships.get(channel, ())):
                self._leave(group, channel)

    def _emptied(self, channel: str, record: _Channel) -> None:
        record.buffer = None
        if self.channels.get(channel) is record:
            self._backlog.pop(channel, None)

    def _forget(self, channel: str, record: _Channel) -> None:
        if self.channels.get(channel) is record:
            del self.channels[channel]

    def _leave(self, group: str, channel: str) -> None:
        members = self.groups.get(group)
        if members is not None:
            members.pop(channel, None)
            if not members:
                del self.groups[group]
        groups = self._memberships.get(channel)
        if groups is not None:
            groups.discard(group)
            if not groups:
                del self._memberships[channel]

    def _wake_one(self, channel: str, record: _Channel) -> None:
        """Wake the first receiver that is still waiting, on its own event loop."""
        try:
            running: asyncio.AbstractEventLoop | None = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        while record.waiters:
            waiter = record.waiters.pop(0)
            if waiter.done():
                continue
            loop = waiter.get_loop()
            if loop is running:
                waiter.set_result(None)
                return
            try:
                loop.call_soon_threadsafe(self._wake_on_own_loop, channel, record, waiter)
            except RuntimeError:  # that loop is closed: its receiver is gone
                continue
            return

    def _wake_on_own_loop(self, channel: str, record: _Channel, waiter: asyncio.Future[None]) -> None:
        if not waiter.done():
            waiter.set_result(None)
            return
        # Cancelled between the send and now: the wake goes to the next receiver, if any.
        with self._lock:
            if record.buffer:
                self._wake_one(channel, record)

    def _abandon(self, channel: str, record: _Channel, waiter: asyncio.Future[None]) -> None:
        """A receive was cancelled (or failed) while waiting."""
        with self._lock:
            if waiter in record.waiters:
                record.waiters.remove(waiter)
            elif waiter.done() and not waiter.cancelled() and record.buffer:
                # It had been woken for a message it will not take.
                self._wake_one(channel, record)
            if not record.buffer and not record.waiters:
                self._forget(channel, record)

    def _maybe_sweep(self, now: float) -> None:
        if now >= self._next_sweep:
            self._next_sweep = now + self.sweep_interval
            for channel in list(self._backlog):
                record = self.channels.get(channel)
                self.visits += 1
                if record is None or not record.buffer:
                    self._backlog.pop(channel, None)
                    continue
                if record.buffer[0][0] <= now:
                    self._drop_expired(channel, record, now)
                    if not record.buffer and not record.waiters:
                        self._forget(channel, record)
        if now >= self._next_group_sweep:
            self._next_group_sweep = now + self.group_sweep_interval
            joined_before = now - self.group_expiry
            for group, members in list(self.groups.items()):
                for channel, joined in list(members.items()):
                    if joined < joined_before:
                        self._leave(group, channel)
