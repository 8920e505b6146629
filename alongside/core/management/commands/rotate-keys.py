from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from alongside.core.rotation import rotate_encrypted_fields


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted field with the current key (the first in FIELD_ENCRYPTION_KEYS). "
        "Keep the old key listed until this has finished."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        results = rotate_encrypted_fields()
        total = 0
        for label, count in results.items():
            total += count
            self.stdout.write(f"{label}: {count} re-encrypted")
        self.stdout.write(f"Done: {total} values now under the current key.")
