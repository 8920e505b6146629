from __future__ import annotations

import os
import signal
import subprocess
import sys
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from alongside.core.audit_anchor import anchor_read, audit_epoch_start
from alongside.devtools.demo_data import DEMO_PASSWORD, seed_demo

DEMO_LOGINS = [
    ("alex", "participant, matched with pat"),
    ("jordan", "participant, matched with riley"),
    ("pat", "peer supporter"),
    ("riley", "peer supporter"),
    ("sam", "supervisor"),
    ("casey", "clinician"),
    ("morgan", "organization admin (two organizations)"),
]


class Command(BaseCommand):
    help = "Migrate, seed the demo organization (idempotent) and serve everything in the foreground."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--no-serve", action="store_true", help="Prepare and seed, then exit.")

    def handle(self, *args: Any, **options: Any) -> None:
        settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=0)
        call_command("createcachetable", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        counts = seed_demo()
        if not anchor_read().epochs:  # a demo data directory from before audit checkpoints
            audit_epoch_start(reason="the demo's first audit checkpoints")
        self.stdout.write(
            f"Demo data ready: {counts['organizations']} organizations, {counts['people']} people, "
            f"{counts['checkins']} check-ins."
        )
        if options["no_serve"]:
            return
        url = f"http://{'localhost' if options['host'] in {'127.0.0.1', '0.0.0.0'} else options['host']}:{options['port']}/"  # noqa: S104
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Alongside is running at {url}"))
        self.stdout.write(f"Log in with any of these (password: {DEMO_PASSWORD}):")
        for username, what in DEMO_LOGINS:
            self.stdout.write(f"  {username:<8} {what}")
        self.stdout.write("Press Ctrl+C to stop.\n")
        self.stdout.flush()
        helpers = [
            subprocess.Popen([sys.executable, "-m", "alongside", name], env=os.environ.copy())  # noqa: S603
            for name in ("worker", "scheduler")
        ]
        try:
            call_command("serve", host=options["host"], port=options["port"])
        finally:
            for process in helpers:
                process.send_signal(signal.SIGTERM)
            for process in helpers:
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
