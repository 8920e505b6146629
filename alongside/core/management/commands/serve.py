from __future__ import annotations

from typing import Any

import uvicorn
from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from alongside.core import heap
from alongside.core.audit_anchor import audit_checkpoint_at_shutdown


def uvicorn_forwarded_allow_ips() -> list[str]:
    """What uvicorn may take X-Forwarded-For/-Proto from: the trusted proxies, or nobody."""
    return list(settings.TRUSTED_PROXIES) if settings.BEHIND_PROXY else []


class Command(BaseCommand):
    help = "Serve HTTP and WebSocket (ASGI, uvicorn). Run `worker` and `scheduler` beside it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument(
            "--workers", type=int, default=1, help="ASGI worker processes (needs REDIS_URL when >1)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["workers"] > 1 and not settings.REDIS_URL:
            self.stderr.write("Several workers share real-time messages through Redis: set REDIS_URL.")
            raise SystemExit(2)
        target: Any = "config.asgi:application"
        if options["workers"] == 1:
            from config.asgi import application

            heap.settle()  # garbage-collector pauses of 50-450 ms under load without it
            target = application
        try:
            uvicorn.run(
                target,
                host=options["host"],
                port=options["port"],
                workers=options["workers"],
                # Forwarded headers only from the proxies in TRUSTED_PROXIES (the same list the
                # application uses), never from whoever connects.
                proxy_headers=settings.BEHIND_PROXY,
                forwarded_allow_ips=uvicorn_forwarded_allow_ips(),
                log_level="info",
                lifespan="off",
            )
        finally:
            audit_checkpoint_at_shutdown("serve")
