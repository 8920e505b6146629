"""WebSocket load: connect time, memory per idle connection, delivery latency and sustained rate.

Starts the server with uvicorn in a subprocess on 127.0.0.1 against a temporary SQLite database
(migrated and seeded here through the app's models: one organization, N/2 participants each
matched with their own peer supporter, a Conversation per pair, N/40 online groups of 40 members
whose daily meeting is on now, and a signed-in session per person), connects N clients from this
process with the `websockets` library, and measures:

- connect time for all N signed-in clients (target under 5 s for 2,000), and the server's
  resident memory per idle connection (RSS after connecting minus RSS before, over N);
- (a) `chat`: N/2 one-to-one conversations at 1 message/s per client (2,000 messages/s for 2,000
  clients) on `/ws/conversations/<id>/`, each message stored, screened, acknowledged and
  delivered to the other person; p99 delivery under 50 ms, zero loss (every acknowledged message
  reached the other person, and is in the database);
- (b) `rooms`: N/40 group rooms of 40 members on `/ws/groups/<id>/room/` (each message checked
  against the meeting window, membership and mutes, stored, screened, acknowledged, then sent to
  the whole room), at 5 deliveries/s per client (10,000 deliveries/s for 2,000 clients); p99
  under 50 ms, and every acknowledged message is in the database.

A delivery is a message received by a member other than its sender; latency runs from the time
the message was due to be sent (the load is open-loop, so a slow server cannot slow the load
down and hide its own delay) to its arrival. Each scenario is first run at its target rate, then
the rate is doubled while p99 stays under 50 ms with nothing lost (or halved until it does), and
the last bracket is split once: the highest passing rate is the sustained rate.

The baseline, run in the same invocation with the same client and load, is `ws_relay.py`: a raw
ASGI relay (no Django, no storage) served by the same uvicorn. Alongside runs as `alongside
serve` runs it (`ws_alongside.py`), with its own in-process channel layer (and, with `--stock`,
with Channels' InMemoryChannelLayer for comparison). The primed rows ((a'), (b')) are the same
protocols on Channels consumers without sign-in or storage: what Channels costs on its own.
The server's garbage-collector pauses are counted for every row.

    .venv/bin/python bench/bench_websockets.py            # 2,000 clients, about 15 minutes
    .venv/bin/python bench/bench_websockets.py --quick    # 200 clients, target rates only, ~1 min
    BENCH_PROFILE_SERVER=/tmp/ws.prof .venv/bin/python bench/bench_websockets.py --quick --only rooms
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import math
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
TARGET_P99_MS = 50.0
ROOM_SIZE = 40
BODIES = [
    "Checking in after the meeting. It went better than I expected.",
    "Thanks for yesterday, the walk helped a lot.",
    "Can we move Thursday to the afternoon? I have a job interview in the morning.",
    "Day 30 today. Going to celebrate with my sister.",
    "I slept badly but I'm going to the group tonight anyway.",
]


def percentile(samples: list[float], fraction: float) -> float:
    if not samples:
        return math.nan
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# The server ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ServerKind:
    name: str
    app: str  # module:attribute, importable from bench/
    layer: str = ""  # BENCH_CHANNEL_LAYER for the Alongside server
    env: tuple[tuple[str, str], ...] = ()


RELAY = ServerKind("relay (raw ASGI)", "ws_relay:application")
ALONGSIDE = ServerKind("Alongside", "ws_alongside:application", "inprocess")
ALONGSIDE_STOCK = ServerKind("Alongside, stock InMemoryChannelLayer", "ws_alongside:application", "stock")


class Server:
    def __init__(self, kind: ServerKind, env: dict[str, str]) -> None:
        self.kind = kind
        self.port = free_port()
        self.env = {
            **env,
            "PYTHONPATH": os.pathsep.join([str(ROOT), str(BENCH)]),
            "DJANGO_SETTINGS_MODULE": "ws_settings",
            "BENCH_CHANNEL_LAYER": kind.layer or "inprocess",
            **dict(kind.env),
        }
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        profile = os.environ.get("BENCH_PROFILE_SERVER")  # a path: cProfile the server into it
        command = [
            sys.executable,
            *(["-m", "cProfile", "-o", f"{profile}.{self.port}"] if profile else []),
            "-m",
            "uvicorn",
            self.kind.app,
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--log-level",
            "warning",
            "--no-access-log",
            "--lifespan",
            "off",
            "--backlog",
            "4096",
        ]
        # The server's own log goes to a file; its tracebacks are counted in the results.
        self.log = Path(self.env["DATA_DIR"]) / f"server-{self.port}.log"
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(command, cwd=BENCH, env=self.env, stdout=log, stderr=log)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.kind.name} exited with {self.process.returncode}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), 0.2):
                return
            time.sleep(0.1)
        raise RuntimeError(f"{self.kind.name} did not start")

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # a clean stop (and a written profile)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def tracebacks(self) -> int:
        return self.log.read_text(errors="replace").count("Traceback") if self.log.exists() else 0

    def collector_pauses(self) -> list[float]:
        """The server's garbage-collector pauses of 5 ms or more (ws_alongside.py logs them)."""
        if not self.log.exists():
            return []
        return [
            float(line.rsplit("=", 1)[1])
            for line in self.log.read_text(errors="replace").splitlines()
            if line.startswith("bench-gc ")
        ]


# The population -----------------------------------------------------------------------------


@dataclass
class Person:
    """One client: where it connects, with which cookie, and which room it is in."""

    room: int
    cookie: str = ""
    conversation_id: int = 0
    group_id: int = 0


def seed_pairs(pairs: int) -> list[tuple[Person, Person]]:
    """Participants each matched with their own peer supporter, a Conversation per pair and a
    signed-in session for everyone, written through the app's models and services."""
    from datetime import timedelta

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.hashers import make_password
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.utils import timezone
    from django.utils.crypto import get_random_string
    from django_scopes import scope, scopes_disabled

    from alongside.accounts.models import Membership, Organization, User
    from alongside.conversations.services import conversation_for_match
    from alongside.core.roles import Role
    from alongside.matching.models import PeerMatch

    organization = Organization.objects.create(name="WebSocket bench", slug="ws-bench", timezone="UTC")
    unusable = make_password(None)
    users = User.objects.bulk_create(
        [
            User(username=f"ws-{kind}{i}", display_name=f"{kind} {i}", password=unusable)
            for i in range(pairs)
            for kind in ("participant", "peer")
        ],
        batch_size=500,
    )
    users = list(User.objects.filter(username__startswith="ws-").order_by("pk"))
    by_name = {user.username: user for user in users}
    with scopes_disabled():
        Membership.objects.bulk_create(
            [
                Membership(
                    organization=organization,
                    user=by_name[f"ws-{kind}{i}"],
                    role=Role.PARTICIPANT if kind == "participant" else Role.PEER,
                )
                for i in range(pairs)
                for kind in ("participant", "peer")
            ],
            batch_size=500,
        )
        membership = {
            m.user.username: m
            for m in Membership.objects.filter(organization=organization).select_related("user")
        }
        PeerMatch.objects.bulk_create(
            [
                PeerMatch(
                    organization=organization,
                    participant=membership[f"ws-participant{i}"],
                    peer=membership[f"ws-peer{i}"],
                )
                for i in range(pairs)
            ],
            batch_size=500,
        )
    with scope(organization=organization):
        conversations = {
            match.participant.user.username: conversation_for_match(match)
            for match in PeerMatch.objects.select_related("participant__user")
        }
    backend = settings.AUTHENTICATION_BACKENDS[0]
    expires = timezone.now() + timedelta(days=1)
    store = SessionStore()
    sessions = []
    cookies = {}
    for user in users:
        key = get_random_string(32)
        data = {
            SESSION_KEY: str(user.pk),
            BACKEND_SESSION_KEY: backend,
            HASH_SESSION_KEY: user.get_session_auth_hash(),
        }
        sessions.append(Session(session_key=key, session_data=store.encode(data), expire_date=expires))
        cookies[user.username] = f"{settings.SESSION_COOKIE_NAME}={key}"
    Session.objects.bulk_create(sessions, batch_size=500)
    result = []
    for i in range(pairs):
        conversation = conversations[f"ws-participant{i}"]
        participant = Person(i, cookies[f"ws-participant{i}"], conversation.pk)
        peer = Person(i, cookies[f"ws-peer{i}"], conversation.pk)
        result.append((participant, peer))
    return result


def seed_rooms(people: list[Person]) -> list[Person]:
    """Online groups of ROOM_SIZE members each (everyone seeded above, in order), each with a
    daily meeting that started an hour ago and lasts eight hours, so their rooms are open."""
    from datetime import timedelta

    from django.utils import timezone
    from django_scopes import scopes_disabled

    from alongside.accounts.models import Membership, Organization
    from alongside.groups.models import GroupMember, MeetingSeries, SupportGroup

    organization = Organization.objects.get(slug="ws-bench")
    now = timezone.now()
    start = now - timedelta(hours=1)
    with scopes_disabled():
        # In the order the people were seeded (users were made in that order).
        ordered = list(Membership.objects.filter(organization=organization).order_by("user_id"))
        groups = SupportGroup.objects.bulk_create(
            [
                SupportGroup(
                    organization=organization,
                    name=f"Room {room}",
                    format="online",
                    access="open",
                    capacity=ROOM_SIZE,
                    guidelines="Be kind.",
                    timezone="UTC",
                )
                for room in range(len(people) // ROOM_SIZE)
            ]
        )
        MeetingSeries.objects.bulk_create(
            [
                MeetingSeries(
                    organization=organization,
                    group=group,
                    frequency="daily",
                    first_day=(start - timedelta(days=2)).date(),
                    start_time=start.time().replace(second=0, microsecond=0),
                    duration_minutes=480,
                    timezone="UTC",
                )
                for group in groups
            ]
        )
        GroupMember.objects.bulk_create(
            [
                GroupMember(
                    organization=organization,
                    group=groups[index // ROOM_SIZE],
                    member=membership,
                    guidelines_version=1,
                    guidelines_accepted_at=now,
                )
                for index, membership in enumerate(ordered[: len(groups) * ROOM_SIZE])
            ],
            batch_size=500,
        )
    return [
        Person(room=index // ROOM_SIZE, cookie=person.cookie, group_id=groups[index // ROOM_SIZE].pk)
        for index, person in enumerate(people[: len(groups) * ROOM_SIZE])
    ]


# The load client ----------------------------------------------------------------------------


@dataclass
class Scenario:
    name: str
    label: str
    url: Any  # (server, person) -> path
    per_client_rate: float  # messages (chat) or deliveries (rooms) per second per client
    fan_out: bool
    authenticated: bool = False
    stored: bool = False


@dataclass
class Step:
    rate: float  # target deliveries per second
    sent: int = 0
    acked: int = 0
    delivered: int = 0
    expected: int = 0
    lost: int = 0
    offered_per_s: float = 0.0
    delivered_per_s: float = 0.0
    p50: float = math.nan
    p99: float = math.nan
    ack_p50: float = math.nan
    ack_p99: float = math.nan
    unfinished: int = 0
    errors: int = 0
    stored_missing: int = -1

    @property
    def passed(self) -> bool:
        return (
            self.p99 <= TARGET_P99_MS
            and self.lost == 0
            and self.unfinished == 0
            and self.errors == 0
            and self.offered_per_s >= 0.95 * self.rate
        )


@dataclass
class Load:
    """What the receive loops record while a step runs."""

    sent_at: dict[str, tuple[float, int]] = field(default_factory=dict)  # client_id -> (due, sender)
    acked: dict[str, float] = field(default_factory=dict)
    delivered: dict[str, int] = field(default_factory=dict)
    latencies: list[float] = field(default_factory=list)
    ack_latencies: list[float] = field(default_factory=list)
    last_delivery: float = 0.0
    errors: int = 0


class Clients:
    def __init__(self, scenario: Scenario, server: Server, people: list[Person], compression: bool) -> None:
        self.scenario = scenario
        self.server = server
        self.people = people
        self.compression = compression
        self.sockets: list[Any] = []
        self.readers: list[asyncio.Task[None]] = []
        self.load = Load()
        self.rooms: dict[int, list[int]] = {}
        for index, person in enumerate(people):
            self.rooms.setdefault(person.room, []).append(index)

    async def connect(self) -> float:
        from websockets.asyncio.client import connect

        origin = f"http://127.0.0.1:{self.server.port}"
        gate = asyncio.Semaphore(200)

        async def one(person: Person) -> Any:
            headers = {"Cookie": person.cookie} if self.scenario.authenticated else None
            async with gate:
                return await connect(
                    f"ws://127.0.0.1:{self.server.port}{self.scenario.url(self.server, person)}",
                    origin=origin,  # type: ignore[arg-type]
                    additional_headers=headers,
                    compression="deflate" if self.compression else None,
                    open_timeout=120,
                    ping_interval=None,
                    max_queue=None,
                )

        started = time.perf_counter()
        self.sockets = list(await asyncio.gather(*(one(person) for person in self.people)))
        elapsed = time.perf_counter() - started
        self.readers = [asyncio.create_task(self.read(i, ws)) for i, ws in enumerate(self.sockets)]
        return elapsed

    async def read(self, index: int, ws: Any) -> None:
        load_of = self  # the step's Load is replaced between steps; read it at each message
        with contextlib.suppress(Exception):
            async for raw in ws:
                now = time.perf_counter()
                content = json.loads(raw)
                load = load_of.load
                kind = content.get("type")
                if kind == "message":
                    client_id = content["message"]["client_id"]
                    sent = load.sent_at.get(client_id)
                    if sent is None or sent[1] == index:
                        continue
                    load.delivered[client_id] = load.delivered.get(client_id, 0) + 1
                    load.latencies.append((now - sent[0]) * 1000)
                    load.last_delivery = now
                elif kind == "ack":
                    sent = load.sent_at.get(content["client_id"])
                    if sent is not None:
                        load.acked[content["client_id"]] = now
                        load.ack_latencies.append((now - sent[0]) * 1000)
                elif kind == "error":
                    load.errors += 1

    async def run(self, rate: float, duration: float, drain: float) -> Step:
        """Open-loop load at `rate` deliveries/s for `duration` seconds, then up to `drain`
        seconds for the last deliveries."""
        gc.collect()
        self.load = load = Load()
        step = Step(rate)
        fan = ROOM_SIZE - 1 if self.scenario.fan_out else 1
        sends_per_s = rate / fan
        total = max(1, round(sends_per_s * duration))
        room_ids = list(self.rooms)
        rng = random.Random(7)
        started = time.perf_counter()
        sent = 0
        while sent < total:
            now = time.perf_counter()
            due_count = min(total, int((now - started) * sends_per_s) + 1)
            while sent < due_count:
                due = started + sent / sends_per_s
                room = self.rooms[room_ids[sent % len(room_ids)]]
                sender = (
                    room[(sent // len(room_ids)) % len(room)]
                    if not self.scenario.fan_out
                    else rng.choice(room)
                )
                client_id = uuid.uuid4().hex
                load.sent_at[client_id] = (due, sender)
                text = json.dumps({"type": "send", "client_id": client_id, "body": rng.choice(BODIES)})
                try:
                    await self.sockets[sender].send(text)
                except Exception:
                    load.errors += 1
                sent += 1
            next_due = started + sent / sends_per_s
            await asyncio.sleep(max(0.0, min(0.005, next_due - time.perf_counter())))
        window = time.perf_counter() - started
        step.sent = sent
        step.offered_per_s = sent * fan / window
        step.expected = sent * fan
        deadline = time.perf_counter() + drain
        while time.perf_counter() < deadline:
            if sum(load.delivered.values()) >= step.expected and (
                self.scenario.fan_out or len(load.acked) >= sent
            ):
                break
            await asyncio.sleep(0.05)
        step.delivered = sum(load.delivered.values())
        step.acked = len(load.acked)
        step.errors = load.errors
        if self.scenario.fan_out:
            step.unfinished = step.expected - step.delivered
        else:
            # Lost: acknowledged (stored) but never delivered to the other person. Unfinished:
            # not acknowledged before the drain ended (the client would send it again).
            step.lost = sum(1 for client_id in load.acked if client_id not in load.delivered)
            step.unfinished = (sent - step.acked) + step.lost
        span = (load.last_delivery - started) if load.last_delivery else window
        step.delivered_per_s = step.delivered / max(span, window)
        step.p50 = percentile(load.latencies, 0.5)
        step.p99 = percentile(load.latencies + [math.inf] * (step.expected - step.delivered), 0.99)
        step.ack_p50 = percentile(load.ack_latencies, 0.5)
        step.ack_p99 = percentile(load.ack_latencies, 0.99)
        if self.scenario.stored:
            step.stored_missing = await asyncio.to_thread(
                missing_from_database, list(load.acked), self.scenario.fan_out
            )
        return step

    async def close(self) -> None:
        for ws in self.sockets:
            with contextlib.suppress(Exception):
                await ws.close()
        for reader in self.readers:
            reader.cancel()
        await asyncio.gather(*self.readers, return_exceptions=True)
        self.sockets = []
        self.readers = []


def missing_from_database(client_ids: list[str], rooms: bool) -> int:
    from django.db import close_old_connections
    from django_scopes import scopes_disabled

    from alongside.conversations.models import Message
    from alongside.groups.models import RoomMessage

    close_old_connections()
    model: Any = RoomMessage if rooms else Message
    found = 0
    with scopes_disabled():
        for start in range(0, len(client_ids), 500):
            found += model.objects.filter(client_id__in=client_ids[start : start + 500]).count()
    return len(client_ids) - found


# Running a scenario -------------------------------------------------------------------------


@dataclass
class Outcome:
    server: str
    scenario: str
    family: str  # "a" or "b": which relay row it is compared with
    clients: int
    connect_s: float = math.nan
    kib_per_connection: float = math.nan
    steps: list[Step] = field(default_factory=list)
    server_tracebacks: int = 0
    collector_pauses: list[float] = field(default_factory=list)

    @property
    def at_target(self) -> Step | None:
        return self.steps[0] if self.steps else None

    @property
    def sustained(self) -> float:
        passing = [step.delivered_per_s for step in self.steps if step.passed]
        return max(passing) if passing else 0.0


class ServerSession:
    """A fresh server with all clients connected; replaced after a step that failed, so that a
    backlog left by an overloaded step never slows the next one."""

    def __init__(
        self, kind: ServerKind, scenario: Scenario, people: list[Person], env: dict[str, str], args: Any
    ):
        self.kind, self.scenario, self.people, self.env, self.args = kind, scenario, people, env, args
        self.server: Server | None = None
        self.clients: Clients | None = None

    async def open(self, outcome: Outcome) -> None:
        self.server = Server(self.kind, self.env)
        await asyncio.to_thread(self.server.start)
        # Warm up: a few clients and messages, so imports and first queries are not counted.
        warm = Clients(self.scenario, self.server, self.people[: 2 * ROOM_SIZE], self.args.compression)
        await warm.connect()
        await warm.run(rate=20, duration=0.5, drain=5)
        await warm.close()
        await asyncio.sleep(0.5)
        before = rss_kib(self.server.pid)
        self.clients = Clients(self.scenario, self.server, self.people, self.args.compression)
        connect_s = await self.clients.connect()
        await asyncio.sleep(1.0)
        after = rss_kib(self.server.pid)
        if math.isnan(outcome.connect_s):
            outcome.connect_s = connect_s
            outcome.kib_per_connection = (after - before) / len(self.people)

    async def close(self, outcome: Outcome) -> None:
        if self.clients is not None:
            await self.clients.close()
        if self.server is not None:
            await asyncio.to_thread(self.server.stop)
            outcome.server_tracebacks += self.server.tracebacks()
            outcome.collector_pauses += self.server.collector_pauses()
        self.server = self.clients = None

    async def step(self, rate: float, outcome: Outcome) -> Step:
        if self.clients is None:
            await self.open(outcome)
        assert self.clients is not None
        step = await self.clients.run(rate, self.args.duration, self.args.drain)
        outcome.steps.append(step)
        report_step(outcome, step)
        if not step.passed:
            await self.close(outcome)
        return step


async def measure(
    kind: ServerKind, scenario: Scenario, people: list[Person], env: dict[str, str], args: Any
) -> Outcome:
    outcome = Outcome(kind.name, scenario.label, "b" if scenario.fan_out else "a", len(people))
    session = ServerSession(kind, scenario, people, env, args)
    target = scenario.per_client_rate * len(people)
    try:
        first = await session.step(target, outcome)
        if args.quick:
            return outcome
        passed, failed = (target, None) if first.passed else (None, target)
        rate = target
        while failed is None and rate < target * args.max_factor:
            rate *= 2
            if (await session.step(rate, outcome)).passed:
                passed = rate
            else:
                failed = rate
        while passed is None and rate > target / args.min_factor:
            rate /= 2
            if (await session.step(rate, outcome)).passed:
                passed = rate
            else:
                failed = rate
        if passed is not None and failed is not None:
            await session.step(math.sqrt(passed * failed), outcome)
    finally:
        await session.close(outcome)
    return outcome


def report_step(outcome: Outcome, step: Step) -> None:
    print(
        f"  {outcome.server:40} {outcome.scenario:28} target {step.rate:8.0f}/s  "
        f"delivered {step.delivered_per_s:8.0f}/s  p50 {step.p50:7.1f} ms  p99 {step.p99:8.1f} ms  "
        f"ack p99 {step.ack_p99:7.1f} ms  acked-undelivered {step.lost}  unfinished {step.unfinished}  "
        f"errors {step.errors}"
        + (f"  not stored {step.stored_missing}" if step.stored_missing >= 0 else "")
        + ("  PASS" if step.passed else "  fail"),
        flush=True,
    )


# The layer alone -----------------------------------------------------------------------------


def layer_alone(idle_connections: int, stock: bool) -> float:
    """Microseconds per delivery through a channel layer alone (no server, no sockets): a group
    send to a 40-member room, each member's receive returning, with `idle_connections` other
    channels each waiting on a receive and in a group of their own, as open WebSockets are."""
    from channels.layers import InMemoryChannelLayer

    from alongside.core.channel_layer import InProcessChannelLayer

    layer: Any = InMemoryChannelLayer() if stock else InProcessChannelLayer()
    rounds = 20 if stock and idle_connections > 100 else 300
    message = {
        "type": "chat.message",
        "message": {"id": 1, "seq": 1, "client_id": uuid.uuid4().hex, "body": BODIES[0], "screening": "none"},
    }

    async def scenario() -> float:
        idle = []
        for n in range(idle_connections):
            await layer.group_add(f"notify.user.{n}", f"idle.{n}")
            idle.append(asyncio.create_task(layer.receive(f"idle.{n}")))
        members = [f"member.{n}" for n in range(ROOM_SIZE)]
        for member in members:
            await layer.group_add("room", member)
        received = 0

        async def receive_forever(member: str) -> None:
            nonlocal received
            while True:
                await layer.receive(member)
                received += 1

        receivers = [asyncio.create_task(receive_forever(member)) for member in members]
        await asyncio.sleep(0)
        started = time.perf_counter()
        for done in range(1, rounds + 1):
            await layer.group_send("room", message)
            while received < done * ROOM_SIZE:
                await asyncio.sleep(0)
        elapsed = time.perf_counter() - started
        for task in idle + receivers:
            task.cancel()
        await asyncio.gather(*idle, *receivers, return_exceptions=True)
        return elapsed / (rounds * ROOM_SIZE) * 1e6

    return asyncio.run(scenario())


def print_layer_alone() -> None:
    print("| channel layer alone | 0 other connections | 2,000 other connections |")
    print("|---|---:|---:|")
    for name, stock in (("in-process (Alongside)", False), ("stock InMemoryChannelLayer", True)):
        empty, busy = layer_alone(0, stock), layer_alone(2000, stock)
        print(f"| {name} | {empty:.1f} µs/delivery | {busy:.1f} µs/delivery |", flush=True)
    print()


# Main ---------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="200 clients, target rates only")
    parser.add_argument("--layer-only", action="store_true", help="only the channel layers alone")
    parser.add_argument("--clients", type=int, default=None, help="clients (a multiple of 40)")
    parser.add_argument("--duration", type=float, default=None, help="seconds of load per step")
    parser.add_argument("--drain", type=float, default=None, help="seconds to wait for late deliveries")
    parser.add_argument(
        "--max-factor", type=float, default=8.0, help="how far above the target the ramp goes"
    )
    parser.add_argument("--min-factor", type=float, default=16.0, help="how far below the target it goes")
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated scenario names to run (chat, chat-channels, rooms, rooms-channels)",
    )
    parser.add_argument(
        "--stock", action="store_true", help="also run Alongside on Channels' stock InMemoryChannelLayer"
    )
    parser.add_argument(
        "--compression", action="store_true", help="negotiate permessage-deflate like a browser"
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary database and the servers' logs"
    )
    args = parser.parse_args()
    clients = args.clients or (200 if args.quick else 2000)
    clients -= clients % ROOM_SIZE
    args.duration = args.duration or (2.0 if args.quick else 6.0)
    args.drain = args.drain or (4.0 if args.quick else 5.0)

    workdir = Path(tempfile.mkdtemp(prefix="alongside-bench-websockets-"))
    (workdir / "static").mkdir()
    env = {
        **os.environ,
        "ALONGSIDE_TESTING": "1",
        "DATA_DIR": str(workdir),
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }
    env.pop("REDIS_URL", None)
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    sys.path[:0] = [str(ROOT), str(BENCH)]
    import django

    django.setup()
    from django.core.management import call_command

    try:
        import uvloop

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    except ImportError:
        pass

    print_layer_alone()
    if args.layer_only:
        return 0
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    pairs = seed_pairs(clients // 2)
    print(
        f"seeded {clients // 2} matched pairs with conversations and sessions in {time.perf_counter() - started:.1f} s"
    )
    chat_people = [person for pair in pairs for person in pair]
    room_people = seed_rooms(chat_people)
    print(f"seeded {len(room_people) // ROOM_SIZE} online groups of {ROOM_SIZE} with a meeting on now")

    relay_chat = Scenario(
        "chat", "(a) chat", lambda server, p: f"/relay/conversations/{p.room}/", 1.0, fan_out=False
    )
    stored_chat = Scenario(
        "chat",
        "(a) chat, stored",
        lambda server, p: f"/ws/conversations/{p.conversation_id}/",
        per_client_rate=1.0,
        fan_out=False,
        authenticated=True,
        stored=True,
    )
    channels_chat = Scenario(
        "chat-channels",
        "(a') chat, Channels only",
        lambda server, p: f"/ws/bench/conversations/{p.room}/",
        per_client_rate=1.0,
        fan_out=False,
    )
    relay_rooms = Scenario(
        "rooms", "(b) rooms", lambda server, p: f"/relay/rooms/{p.room}/", 5.0, fan_out=True
    )
    stored_rooms = Scenario(
        "rooms",
        "(b) group rooms, stored",
        lambda server, p: f"/ws/groups/{p.group_id}/room/",
        5.0,
        fan_out=True,
        authenticated=True,
        stored=True,
    )
    channels_rooms = Scenario(
        "rooms-channels",
        "(b') rooms, Channels fan-out only",
        lambda server, p: f"/ws/bench/rooms/{p.room}/",
        5.0,
        fan_out=True,
    )
    full = not args.quick
    plan: list[tuple[ServerKind, Scenario]] = [
        (RELAY, relay_chat),
        (ALONGSIDE, stored_chat),
        *([(ALONGSIDE_STOCK, stored_chat)] if args.stock else []),
        *([(ALONGSIDE, channels_chat)] if full else []),
        (RELAY, relay_rooms),
        (ALONGSIDE, stored_rooms),
        *([(ALONGSIDE_STOCK, stored_rooms)] if args.stock else []),
        *([(ALONGSIDE, channels_rooms)] if full else []),
    ]
    if args.only:
        wanted = set(args.only.split(","))
        plan = [(kind, scenario) for kind, scenario in plan if scenario.name in wanted]

    async def run_all() -> list[Outcome]:
        outcomes = []
        for kind, scenario in plan:
            people = room_people if scenario.fan_out else chat_people
            print(f"{kind.name}: {scenario.label}, {len(people)} clients", flush=True)
            outcomes.append(await measure(kind, scenario, people, env, args))
        return outcomes

    try:
        outcomes = asyncio.run(run_all())
    finally:
        if args.keep:
            print(f"database and server logs kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    print_summary(outcomes, args)
    return 0


def print_summary(outcomes: list[Outcome], args: Any) -> None:
    """One row per server and scenario: the figures at the target rate, then the highest rate
    that met the p99 target with nothing lost, and its ratio to the relay's."""
    print()
    print(
        "| server | scenario | clients | connect s | KiB/conn | target/s | delivered/s | p50 ms | p99 ms "
        "| ack p99 ms | acked, not delivered | not done | sustained/s (p99 < 50 ms) | × relay "
        "| GC pauses ≥ 5 ms (max ms) | server tracebacks |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    relay = {o.family: o.sustained for o in outcomes if o.server == RELAY.name}
    for outcome in outcomes:
        step = outcome.at_target
        if step is None:
            continue
        baseline = relay.get(outcome.family, 0.0)
        ratio = f"{outcome.sustained / baseline:.2f}" if baseline and not args.quick else "-"
        sustained = f"{outcome.sustained:.0f}" if not args.quick else "-"
        print(
            f"| {outcome.server} | {outcome.scenario} | {outcome.clients} | {outcome.connect_s:.2f} "
            f"| {outcome.kib_per_connection:.1f} | {step.rate:.0f} | {step.delivered_per_s:.0f} "
            f"| {step.p50:.1f} | {step.p99:.1f} | {step.ack_p99:.1f} | {step.lost} | {step.unfinished} "
            f"| {sustained} | {ratio} | {len(outcome.collector_pauses)} ({max(outcome.collector_pauses, default=0):.0f}) "
            f"| {outcome.server_tracebacks} |"
        )
    print()
    print(
        "acked, not delivered: acknowledged (so stored) but not received by the other person when the "
        f"step's {args.drain:.0f} s drain ended. not done: that, plus messages not acknowledged by then."
    )


if __name__ == "__main__":
    sys.exit(main())
