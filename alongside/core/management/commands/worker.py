from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from alongside.core.audit_anchor import audit_checkpoint_at_shutdown


class Command(BaseCommand):
    help = "Run the background task worker (jobs are stored in the database and survive restarts)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--max-tasks", type=int, default=None, help="Stop after running this many tasks.")
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between polls when idle.")

    def handle(self, *args: Any, **options: Any) -> None:
        worker_args = ["--queue-name", "*", "--interval", str(options["interval"]), "--no-startup-delay"]
        if options["max_tasks"] is not None:
            worker_args += ["--max-tasks", str(options["max_tasks"])]
        try:
            call_command("db_worker", *worker_args)
        finally:
            audit_checkpoint_at_shutdown("worker")
