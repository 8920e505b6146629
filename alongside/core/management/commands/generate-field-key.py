from __future__ import annotations

import secrets
from typing import Any

from django.core.management.base import BaseCommand

from alongside.core.crypto import generate_key


class Command(BaseCommand):
    help = "Print a new field-encryption key entry ('id:key') to put first in FIELD_ENCRYPTION_KEYS."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"k{secrets.token_hex(3)}:{generate_key()}")
