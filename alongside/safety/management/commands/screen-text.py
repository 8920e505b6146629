from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from alongside.safety.detector.cli import main


class Command(BaseCommand):
    help = "Screen each line of standard input for crisis language; one JSON result per line."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--locale", default="en", help="Language of the messages: en or es.")

    def handle(self, *args: Any, **options: Any) -> None:
        status = main(
            ["--locale", options["locale"]], stdin=sys.stdin.buffer, stdout=sys.stdout, stderr=sys.stderr
        )
        if status:
            sys.exit(status)
