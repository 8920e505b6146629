from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from alongside.core.audit_anchor import audit_checkpoint_at_shutdown
from alongside.core.scheduler import run_due_jobs, run_forever


class Command(BaseCommand):
    help = "Run the scheduler that enqueues periodic jobs for the worker."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="Enqueue what is due now and exit.")
        parser.add_argument("--tick", type=float, default=settings.SCHEDULER_TICK_SECONDS)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["once"]:
            enqueued = run_due_jobs()
            self.stdout.write("enqueued: " + (", ".join(enqueued) or "nothing due"))
            return
        try:
            run_forever(options["tick"])
        finally:
            audit_checkpoint_at_shutdown("scheduler")
