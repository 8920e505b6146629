from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from alongside.core.audit_anchor import audit_epoch_start, checkpoint_path


class Command(BaseCommand):
    help = (
        "Start a new audit checkpoint epoch after a legitimate restore from backup (or the first "
        "time on an existing audit log): records when and why, then checkpoints every chain as it "
        "is now. Earlier checkpoints are kept."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--reason",
            required=True,
            help='Why, e.g. "restored the backup of 2026-12-01 after a disk failure".',
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            epoch = audit_epoch_start(reason=options["reason"])
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Audit checkpoint epoch {epoch} started in {checkpoint_path()}.")
