from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from alongside.devtools.synthetic import seed_synthetic


class Command(BaseCommand):
    help = "Create a synthetic organization at scale (for benchmarks): people, matches and check-ins."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--participants", type=int, default=1000)
        parser.add_argument("--peers", type=int, default=50)
        parser.add_argument("--days", type=int, default=90)
        parser.add_argument("--slug", default="synthetic", help="Short name of the organization to create.")
        parser.add_argument("--seed", type=int, default=1, help="Random seed, for repeatable data.")

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        try:
            counts = seed_synthetic(
                slug=options["slug"],
                participants=options["participants"],
                peers=options["peers"],
                days=options["days"],
                seed=options["seed"],
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Seeded {options['slug']}: {counts.participants} participants, {counts.peers} peers, "
            f"{counts.matches} matches, {counts.checkins} check-ins in {time.perf_counter() - started:.1f}s"
        )
