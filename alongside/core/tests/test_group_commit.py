"""The write queue: what arrives while a write runs is written together with the next one, each
writer gets its own result, and a bad item fails only itself."""

from __future__ import annotations

import asyncio
import threading

import pytest
from asgiref.sync import async_to_sync

from alongside.core.group_commit import GroupCommit


class Recorder:
    def __init__(self, poison: str = "", slow: float = 0.0) -> None:
        self.batches: list[list[str]] = []
        self.poison = poison
        self.slow = slow
        self.release = threading.Event()

    def __call__(self, items: list[str]) -> list[str | BaseException]:
        self.batches.append(list(items))
        if self.slow:
            self.release.wait(self.slow)
        if self.poison in items and len(items) > 1:
            raise RuntimeError("the whole batch failed")
        return [ValueError(item) if item == self.poison else item.upper() for item in items]


def test_a_lone_item_is_written_at_once_and_a_crowd_in_a_few_batches() -> None:
    writer = Recorder(slow=0.05)
    queue: GroupCommit[str, str] = GroupCommit(writer, limit=50)

    async def scenario() -> tuple[str, list[str]]:
        alone = await queue.submit("first")
        crowd = await asyncio.gather(*(queue.submit(f"m{i}") for i in range(120)))
        return alone, list(crowd)

    alone, crowd = async_to_sync(scenario)()
    assert alone == "FIRST"
    assert crowd == [f"M{i}" for i in range(120)]
    assert writer.batches[0] == ["first"]
    sizes = [len(batch) for batch in writer.batches[1:]]
    assert sum(sizes) == 120 and max(sizes) <= 50 and len(sizes) <= 4


def test_a_bad_item_fails_alone_even_when_it_breaks_its_batch() -> None:
    writer = Recorder(poison="m3", slow=0.02)
    queue: GroupCommit[str, str] = GroupCommit(writer)

    async def scenario() -> list[str | BaseException]:
        await queue.submit("warm")  # the next ones queue up behind a write in progress
        return list(await asyncio.gather(*(queue.submit(f"m{i}") for i in range(6)), return_exceptions=True))

    results = async_to_sync(scenario)()
    assert [r for i, r in enumerate(results) if i != 3] == ["M0", "M1", "M2", "M4", "M5"]
    assert isinstance(results[3], ValueError)


def test_a_writer_that_goes_away_does_not_cancel_the_others() -> None:
    writer = Recorder(slow=0.1)
    queue: GroupCommit[str, str] = GroupCommit(writer)

    async def scenario() -> tuple[str, list[list[str]]]:
        leaving = asyncio.ensure_future(queue.submit("leaving"))
        staying = asyncio.ensure_future(queue.submit("staying"))
        await asyncio.sleep(0.01)
        leaving.cancel()
        return await staying, writer.batches

    staying, batches = async_to_sync(scenario)()
    assert staying == "STAYING"
    assert ["leaving"] in batches or any("leaving" in batch for batch in batches)  # still written


@pytest.mark.parametrize("returned", [[], ["A", "B", "C"]])
def test_a_writer_that_returns_the_wrong_number_of_results_fails_loudly(returned: list[str]) -> None:
    queue: GroupCommit[str, str] = GroupCommit(lambda items: returned)

    async def scenario() -> None:
        await asyncio.gather(queue.submit("a"), queue.submit("b"))

    with pytest.raises(RuntimeError):
        async_to_sync(scenario)()
