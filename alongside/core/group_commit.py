"""Group commit: many writers' items stored in one transaction, each told only after it commits.

A chat server receives many small writes at once (a message from each of hundreds of people).
Committing each one in its own transaction, one after another in the one database thread,
caps a process at a few hundred writes a second. `GroupCommit` queues the items that arrive
while a write is in progress and stores all of them with the next call of `write_many` (one
transaction), then resolves each writer's future with its own result. A lone item is written at
once; under load the batches grow by themselves, so latency stays low at every rate.

`write_many` runs in the database thread (`core.database.database_call`) and returns one result per
item, in order: a value, or an exception for that item alone (a bad item never fails the
others). If the call raises, every item of that batch is retried on its own, so one poison item
cannot fail its neighbours.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from alongside.core.database import busy, database_call

T = TypeVar("T")
R = TypeVar("R")

log = logging.getLogger(__name__)


@dataclass
class _Queue(Generic[T, R]):
    waiting: list[tuple[T, asyncio.Future[R]]] = field(default_factory=list)
    task: asyncio.Task[None] | None = None


class GroupCommit(Generic[T, R]):
    def __init__(self, write_many: Callable[[list[T]], Sequence[R | BaseException]], *, limit: int = 200):
        self.write_many = write_many
        self._in_thread = database_call(write_many)
        self.limit = limit
        # One queue per event loop (a server has one; tests start a new loop per test).
        self._queues: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Queue[T, R]] = (
            weakref.WeakKeyDictionary()
        )

    async def submit(self, item: T) -> R:
        """Stores `item` with whatever else is waiting; returns its result once committed (or
        raises its own error)."""
        loop = asyncio.get_running_loop()
        queue = self._queues.get(loop)
        if queue is None:
            queue = self._queues[loop] = _Queue()
        future: asyncio.Future[R] = loop.create_future()
        queue.waiting.append((item, future))
        if queue.task is None:
            queue.task = loop.create_task(self._drain(queue))
        # Shielded: a writer that goes away (its connection closed) must not cancel the
        # others' batch; its item is still stored, and its device sends it again (same id).
        return await asyncio.shield(future)

    async def _drain(self, queue: _Queue[T, R]) -> None:
        try:
            while queue.waiting:  # (again: more may arrive while the connection closes)
                async with busy():  # one database connection for the whole run of batches
                    await self._drain_batches(queue)
        finally:
            queue.task = None
            _fail([future for _, future in queue.waiting])
            queue.waiting.clear()

    async def _drain_batches(self, queue: _Queue[T, R]) -> None:
        while queue.waiting:
            batch = queue.waiting[: self.limit]
            del queue.waiting[: self.limit]
            try:
                results = await self._write([item for item, _ in batch])
            except Exception:
                log.exception("A batch of %d writes could not be finished", len(batch))
                _fail([future for _, future in batch])
                continue
            except BaseException:  # cancelled: the server is stopping
                _fail([future for _, future in batch])
                raise
            for (_, future), result in zip(batch, results, strict=True):
                if future.done():
                    continue
                if isinstance(result, BaseException):
                    future.set_exception(result)
                else:
                    future.set_result(result)

    async def _write(self, items: list[T]) -> Sequence[R | BaseException]:
        try:
            results = await self._in_thread(items)
        except Exception as exc:
            if len(items) == 1:
                return [exc]
            log.warning("A batch of %d writes failed (%s); writing each on its own", len(items), exc)
            results = []
            for item in items:
                try:
                    results.extend(await self._in_thread([item]))
                except Exception as single:
                    results.append(single)
            return results
        if len(results) != len(items):
            raise RuntimeError(f"write_many returned {len(results)} results for {len(items)} items")
        return results


def _fail(futures: list[asyncio.Future[R]]) -> None:
    """Nobody is left waiting for ever: a batch the queue could not finish (the server is
    stopping) fails, and its writers' devices send again."""
    for future in futures:
        if not future.done():
            future.set_exception(RuntimeError("The message could not be stored; please send it again."))


def per_organization(
    items: Sequence[T], organization_of: Callable[[T], int], write: Callable[[list[T]], Sequence[R]]
) -> list[R]:
    """`write` for each organization's items within that organization's scope (a server's
    queue may hold several organizations' items at once), the results back in the items' order."""
    from django_scopes import scope

    results: list[R | None] = [None] * len(items)
    by_organization: dict[int, list[int]] = {}
    for index, item in enumerate(items):
        by_organization.setdefault(organization_of(item), []).append(index)
    for organization_id, indexes in by_organization.items():
        with scope(organization=organization_id):
            written = write([items[index] for index in indexes])
        for index, result in zip(indexes, written, strict=True):
            results[index] = result
    return [result for result in results if result is not None]


def each(func: Callable[[T], R]) -> Callable[[list[T]], list[R]]:
    """A `write_many` that runs `func` on each item in turn: one database call for many reads
    (the checks of connections that arrive together) instead of one each. If one raises, the
    queue runs each item of that batch on its own."""

    def run(items: list[T]) -> list[R]:
        return [func(item) for item in items]

    return run
