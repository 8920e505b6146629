"""The checks behind /healthz: the database, the channel layer and the task worker."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import timedelta

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import connection
from django.utils import timezone

from alongside.core.models import WorkerHeartbeat
from alongside.core.tasks import HEARTBEAT_NAME


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


def check_database() -> Check:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:
        return Check("database", False, type(exc).__name__)
    return Check("database", True, connection.vendor)


async def _channel_round_trip() -> bool:
    layer = get_channel_layer()
    if layer is None:
        return False
    channel = await layer.new_channel("healthz.")
    await layer.send(channel, {"type": "healthz.ping"})
    message = await asyncio.wait_for(layer.receive(channel), timeout=2)
    return message.get("type") == "healthz.ping"


def check_channel_layer() -> Check:
    try:
        ok = async_to_sync(_channel_round_trip)()
    except Exception as exc:
        return Check("channel_layer", False, type(exc).__name__)
    return Check("channel_layer", ok, "round trip" if ok else "no reply")


def check_worker() -> Check:
    allowed_age = timedelta(seconds=settings.WORKER_HEARTBEAT_SECONDS * 3 + 30)
    heartbeat = WorkerHeartbeat.objects.filter(name=HEARTBEAT_NAME).first()
    if heartbeat is None:
        return Check("worker", False, "no heartbeat yet")
    age = timezone.now() - heartbeat.seen_at
    if age > allowed_age:
        return Check("worker", False, f"last heartbeat {int(age.total_seconds())}s ago")
    return Check("worker", True, f"last heartbeat {int(age.total_seconds())}s ago")


def run_checks() -> list[Check]:
    database = check_database()
    checks = [database, check_channel_layer()]
    checks.append(check_worker() if database.ok else Check("worker", False, "database unreachable"))
    return checks
