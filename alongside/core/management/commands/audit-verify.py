from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from alongside.core.audit import audit_verify
from alongside.core.audit_anchor import anchor_read, checkpoint_path


class Command(BaseCommand):
    help = (
        "Recompute the audit log's hash chains, compare them with the signed checkpoints, and "
        "report any event that was altered or removed."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        checked, problems = audit_verify()
        for problem in problems:
            self.stderr.write(
                f"{problem.chain} #{problem.sequence}"
                + (f" (event {problem.event_id})" if problem.event_id else "")
                + f": {problem.problem}"
            )
        state = anchor_read()
        for epoch in state.epochs:
            self.stdout.write(f"Checkpoint epoch {epoch['epoch']} since {epoch['at']}: {epoch['reason']}")
        if problems:
            raise CommandError(
                f"Audit log tampering detected: {len(problems)} problem(s) in {checked} events."
            )
        anchored = (
            f"; {len(state.latest)} chain(s) match their checkpoints"
            if state.epochs
            else (f"; no checkpoints yet in {checkpoint_path()}")
        )
        self.stdout.write(f"Audit log intact: {checked} events verified{anchored}.")
