from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from alongside.core.audit import audit_verify


class Command(BaseCommand):
    help = "Recompute the audit log's hash chains and report any event that was altered or removed."

    def handle(self, *args: Any, **options: Any) -> None:
        checked, problems = audit_verify()
        for problem in problems:
            self.stderr.write(
                f"{problem.chain} #{problem.sequence}"
                + (f" (event {problem.event_id})" if problem.event_id else "")
                + f": {problem.problem}"
            )
        if problems:
            raise CommandError(
                f"Audit log tampering detected: {len(problems)} problem(s) in {checked} events."
            )
        self.stdout.write(f"Audit log intact: {checked} events verified.")
