"""The in-process channel layer: Channels' own in-memory layer behaviours, safety across event
loops, and a delivery cost that does not grow with the number of channels."""

from __future__ import annotations

import asyncio
import sys
import threading
from typing import Any

import pytest
from asgiref.sync import async_to_sync
from channels.exceptions import ChannelFull
from channels.layers import InMemoryChannelLayer, get_channel_layer

from alongside.core.channel_layer import InProcessChannelLayer


class Clock:
    """A clock the test moves by hand, so expiry is checked without sleeping."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def layer(clock: Clock) -> InProcessChannelLayer:
    return InProcessChannelLayer(capacity=3, expiry=60, group_expiry=86400, clock=clock)


async def still_waiting(task: asyncio.Task[Any], turns: int = 20) -> bool:
    """True if the task has not finished after the loop ran everything ready `turns` times."""
    for _ in range(turns):
        await asyncio.sleep(0)
    return not task.done()


async def test_it_delivers_a_message_sent_to_a_channel(layer) -> None:
    await layer.send("test-channel-1", {"type": "test.message", "text": "Ahoy-hoy!"})
    assert await layer.receive("test-channel-1") == {"type": "test.message", "text": "Ahoy-hoy!"}


async def test_it_delivers_messages_in_the_order_they_were_sent(layer) -> None:
    for n in (1, 2, 3):
        await layer.send("test-channel-3", {"type": f"message.{n}"})
    received = [(await layer.receive("test-channel-3"))["type"] for _ in range(3)]
    assert received == ["message.1", "message.2", "message.3"]


async def test_it_keeps_a_channel_only_while_it_holds_messages(layer) -> None:
    await layer.send("test-channel-1", {"type": "test.message"})
    await layer.send("test-channel-1", {"type": "test.message"})
    await layer.receive("test-channel-1")
    assert "test-channel-1" in layer.channels
    await layer.receive("test-channel-1")
    assert "test-channel-1" not in layer.channels


async def test_a_receiver_waiting_before_the_send_gets_the_message(layer) -> None:
    receiving = asyncio.create_task(layer.receive("test-channel-1"))
    assert await still_waiting(receiving)
    await layer.send("test-channel-1", {"type": "test.message", "text": "Ahoy-hoy!"})
    assert (await receiving)["text"] == "Ahoy-hoy!"
    assert layer.channels == {}


async def test_a_waiting_receiver_still_gets_the_message_if_the_channel_record_is_dropped(layer) -> None:
    receiving = asyncio.create_task(layer.receive("test-channel-1"))
    assert await still_waiting(receiving)
    await layer.send("test-channel-1", {"type": "test.message", "text": "Ahoy-hoy!"})
    del layer.channels["test-channel-1"]
    assert (await receiving)["text"] == "Ahoy-hoy!"


async def test_it_refuses_a_message_once_the_channel_is_at_capacity(layer) -> None:
    for _ in range(3):
        await layer.send("test-channel-1", {"type": "test.message"})
    with pytest.raises(ChannelFull):
        await layer.send("test-channel-1", {"type": "test.message"})


async def test_capacity_can_be_set_per_channel_pattern(clock) -> None:
    layer = InProcessChannelLayer(capacity=100, channel_capacity={"small.*": 1}, clock=clock)
    await layer.send("small.one", {"type": "a"})
    with pytest.raises(ChannelFull):
        await layer.send("small.one", {"type": "b"})
    await layer.send("big.one", {"type": "a"})
    await layer.send("big.one", {"type": "b"})


async def test_it_delivers_on_a_process_local_channel(layer) -> None:
    channel = await layer.new_channel()
    assert "!" in channel
    await layer.send(channel, {"type": "test.message", "text": "Local only please"})
    assert (await layer.receive(channel))["text"] == "Local only please"


async def test_new_channel_names_are_unique_and_valid(layer) -> None:
    names = {await layer.new_channel("websocket.") for _ in range(100)}
    assert len(names) == 100
    for name in names:
        assert layer.require_valid_channel_name(name)


async def test_it_rejects_invalid_names_and_messages(layer) -> None:
    with pytest.raises(TypeError):
        await layer.send("not a valid name", {"type": "a"})
    with pytest.raises(TypeError):
        await layer.group_add("bad group!", "channel")
    with pytest.raises(AssertionError):
        await layer.send("channel", "not a dict")  # type: ignore[arg-type]


async def test_each_receiver_gets_its_own_copy_of_the_message(layer) -> None:
    message = {"type": "chat.message", "message": {"body": "hello", "tags": ["a"]}}
    await layer.group_add("room", "one")
    await layer.group_add("room", "two")
    await layer.group_send("room", message)
    first = await layer.receive("one")
    first["message"]["tags"].append("changed")
    message["message"]["body"] = "changed too"
    assert await layer.receive("two") == {"type": "chat.message", "message": {"body": "hello", "tags": ["a"]}}


async def test_group_send_reaches_members_and_not_those_who_left(layer) -> None:
    for channel in ("test-gr-chan-1", "test-gr-chan-2", "test-gr-chan-3"):
        await layer.group_add("test-group", channel)
    await layer.group_discard("test-group", "test-gr-chan-2")
    await layer.group_send("test-group", {"type": "message.1"})
    assert (await layer.receive("test-gr-chan-1"))["type"] == "message.1"
    assert (await layer.receive("test-gr-chan-3"))["type"] == "message.1"
    assert await still_waiting(asyncio.create_task(layer.receive("test-gr-chan-2")))


async def test_an_empty_group_is_forgotten(layer) -> None:
    await layer.group_add("test-group", "one")
    await layer.group_discard("test-group", "one")
    await layer.group_discard("test-group", "never-joined")
    assert layer.groups == {}


async def test_group_send_skips_members_that_are_full(layer) -> None:
    await layer.group_add("test-group", "test-gr-chan-1")
    await layer.group_add("test-group", "test-gr-chan-2")
    for n in range(5):
        await layer.group_send("test-group", {"type": f"message.{n}"})
    received = [(await layer.receive("test-gr-chan-2"))["type"] for _ in range(3)]
    assert received == ["message.0", "message.1", "message.2"]
    assert len(layer.channels["test-gr-chan-1"].buffer) == 3


async def test_a_message_expires(layer, clock) -> None:
    await layer.send("test-channel-1", {"type": "message.1"})
    assert len(layer.channels) == 1
    clock.now += 61
    receiving = asyncio.create_task(layer.receive("test-channel-1"))
    assert await still_waiting(receiving)
    receiving.cancel()
    with pytest.raises(asyncio.CancelledError):
        await receiving
    assert layer.channels == {}


async def test_an_unread_channel_is_cleaned_up_by_the_periodic_sweep(layer, clock) -> None:
    await layer.send("test-channel-1", {"type": "message.1"})
    clock.now += 61
    await layer.send("test-channel-2", {"type": "message.2"})
    assert (await layer.receive("test-channel-2"))["type"] == "message.2"
    assert layer.channels == {}


async def test_only_the_expired_messages_of_a_channel_are_dropped(layer, clock) -> None:
    for n in (1, 2, 3):
        await layer.send("test-channel-1", {"type": f"message.{n}"})
    assert (await layer.receive("test-channel-1"))["type"] == "message.1"
    clock.now += 61
    await layer.send("test-channel-1", {"type": "message.4"})
    assert (await layer.receive("test-channel-1"))["type"] == "message.4"
    assert layer.channels == {}


async def test_a_channel_that_lets_a_message_expire_leaves_its_groups(layer, clock) -> None:
    await layer.group_add("room", "gone")
    await layer.group_add("room", "here")
    await layer.group_add("other-room", "gone")
    await layer.group_send("room", {"type": "message.1"})
    assert (await layer.receive("here"))["type"] == "message.1"
    clock.now += 61
    await layer.group_send("room", {"type": "message.2"})
    assert layer.groups == {"room": {"here": clock.now - 61}}


async def test_group_membership_expires_after_group_expiry(clock) -> None:
    layer = InProcessChannelLayer(group_expiry=100, clock=clock)
    await layer.group_add("room", "old")
    clock.now += 50
    await layer.group_add("room", "new")
    clock.now += 51
    await layer.group_send("room", {"type": "message.1"})
    assert list(layer.groups["room"]) == ["new"]
    assert "old" not in layer.channels


async def test_rejoining_a_group_renews_the_membership(clock) -> None:
    layer = InProcessChannelLayer(group_expiry=100, clock=clock)
    await layer.group_add("room", "member")
    clock.now += 90
    await layer.group_add("room", "member")
    clock.now += 90
    await layer.group_send("room", {"type": "message.1"})
    assert (await layer.receive("member"))["type"] == "message.1"


async def test_flush_drops_messages_and_groups_but_not_waiting_receivers(layer) -> None:
    await layer.send("test-channel-1", {"type": "message.1"})
    await layer.group_add("room", "test-channel-2")
    receiving = asyncio.create_task(layer.receive("test-channel-3"))
    assert await still_waiting(receiving)
    await layer.flush()
    assert "test-channel-1" not in layer.channels
    assert layer.groups == {}
    await layer.send("test-channel-3", {"type": "after.flush"})
    assert (await receiving)["type"] == "after.flush"
    await layer.close()


async def test_a_cancelled_receiver_passes_the_message_on_to_the_next(layer) -> None:
    first = asyncio.create_task(layer.receive("shared"))
    second = asyncio.create_task(layer.receive("shared"))
    assert await still_waiting(first)
    await layer.send("shared", {"type": "only.one"})
    first.cancel()  # woken for the message, cancelled before it could take it
    assert (await second)["type"] == "only.one"
    with pytest.raises(asyncio.CancelledError):
        await first
    assert layer.channels == {}


def send_from_another_thread(layer: InProcessChannelLayer, channel: str, message: dict) -> None:
    """Send the way a sync thread does through async_to_sync: on an event loop of its own."""
    errors: list[BaseException] = []

    def run() -> None:
        try:
            asyncio.run(layer.send(channel, message))
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert errors == []


async def test_a_send_from_another_thread_wakes_a_receiver_on_this_loop() -> None:
    """The receiver's loop sleeps with nothing else to do; only a thread-safe wake-up gets it the
    message (debug mode makes a non-thread-safe one raise in the sending thread)."""
    asyncio.get_running_loop().set_debug(True)
    layer = InProcessChannelLayer()
    receiving = asyncio.create_task(layer.receive("worker-to-server"))
    assert await still_waiting(receiving)
    send_from_another_thread(layer, "worker-to-server", {"type": "from.worker"})
    message = await asyncio.wait_for(receiving, timeout=10)
    assert message == {"type": "from.worker"}


def test_channels_are_usable_from_successive_event_loops() -> None:
    layer = InProcessChannelLayer()
    one = async_to_sync(layer.new_channel)()
    two = async_to_sync(layer.new_channel)()
    async_to_sync(layer.send)(one, {"type": "test.message.1"})
    async_to_sync(layer.send)(two, {"type": "test.message.2"})
    assert async_to_sync(layer.receive)(two)["type"] == "test.message.2"
    assert async_to_sync(layer.receive)(one)["type"] == "test.message.1"


def test_a_receive_cancelled_on_a_finished_loop_does_not_block_later_ones() -> None:
    layer = InProcessChannelLayer()

    async def give_up() -> None:
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(layer.receive("channel"), timeout=0.01)

    async_to_sync(give_up)()
    async_to_sync(layer.send)("channel", {"type": "later"})
    assert async_to_sync(layer.receive)("channel") == {"type": "later"}


def test_the_project_uses_this_layer_without_redis(settings) -> None:
    if settings.REDIS_URL:
        pytest.skip("REDIS_URL is set: the Redis layer is in use")
    assert isinstance(get_channel_layer(), InProcessChannelLayer)


# Cost per delivery: Python lines executed, counted with a trace function. A layer that looks at
# every channel (as Channels' InMemoryChannelLayer does on each group send) executes more lines
# as channels are added; this one must execute exactly the same number.


def delivery_cost(layer: Any, idle_connections: int) -> int:
    """Lines executed by 20 sends and 20 group sends to a 5-member room, with `idle_connections`
    other connections each waiting on its channel and in a group of its own."""

    async def scenario() -> int:
        waiting = []
        for n in range(idle_connections):
            await layer.group_add(f"notify.user.{n}", f"idle.{n}")
            waiting.append(asyncio.create_task(layer.receive(f"idle.{n}")))
        for n in range(5):
            await layer.group_add("room", f"member.{n}")
        await asyncio.sleep(0)

        async def deliveries() -> None:
            for n in range(20):
                await layer.send("member.0", {"type": "chat.message", "seq": n})
                await layer.group_send("room", {"type": "chat.message", "seq": n})
                for member in range(5):
                    await layer.receive(f"member.{member}")
                await layer.receive("member.0")

        count = 0

        def tracer(frame: Any, event: str, arg: Any) -> Any:
            nonlocal count
            if event == "line":
                count += 1
            return tracer

        previous = sys.gettrace()
        sys.settrace(tracer)
        try:
            await deliveries()
        finally:
            sys.settrace(previous)
        for task in waiting:
            task.cancel()
        await asyncio.gather(*waiting, return_exceptions=True)
        return count

    return asyncio.run(scenario())


def test_delivery_cost_does_not_grow_with_the_number_of_connections(clock) -> None:
    few = delivery_cost(InProcessChannelLayer(clock=clock), idle_connections=10)
    many = delivery_cost(InProcessChannelLayer(clock=clock), idle_connections=2000)
    assert few == many


def test_the_cost_measure_sees_a_layer_that_scans_every_channel() -> None:
    few = delivery_cost(InMemoryChannelLayer(), idle_connections=10)
    many = delivery_cost(InMemoryChannelLayer(), idle_connections=1000)
    assert many > 10 * few


def test_the_periodic_sweep_visits_only_channels_holding_messages(clock) -> None:
    layer = InProcessChannelLayer(expiry=60, clock=clock)

    async def scenario() -> int:
        waiting = [asyncio.create_task(layer.receive(f"idle.{n}")) for n in range(2000)]
        await asyncio.sleep(0)
        await layer.send("unread", {"type": "message"})
        clock.now += 61
        before = layer.visits
        await layer.send("other", {"type": "message"})  # due for a sweep
        visits = layer.visits - before
        for task in waiting:
            task.cancel()
        await asyncio.gather(*waiting, return_exceptions=True)
        return visits

    # The channel sent to, then the sweep: that channel again and the unread one.
    assert asyncio.run(scenario()) == 3
    assert "unread" not in layer.channels
