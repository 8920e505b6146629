from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from alongside.matching.engine.cli import main


class Command(BaseCommand):
    help = "Match participants with peer supporters from a JSON file (exact optimum, with reasons)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--input", required=True, help="JSON with peers and participants.")
        parser.add_argument("--output", required=True, help="Where to write the assignments (JSON).")

    def handle(self, *args: Any, **options: Any) -> None:
        status = main(["--input", options["input"], "--output", options["output"]])
        if status:
            sys.exit(status)
