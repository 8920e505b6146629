"""Field encryption for sensitive free text, with rotatable keys.

Keys come from settings.FIELD_ENCRYPTION_KEYS as "id:key,id:key": the first one encrypts,
every one listed decrypts. A stored value reads "enc1:<key id>:<Fernet token>", so
`alongside rotate-keys` can find the rows still under an old key without decrypting them.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from functools import cache

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

PREFIX = "enc1"


@dataclass(frozen=True)
class Keyring:
    current_id: str
    fernets: dict[str, Fernet]

    def encrypt(self, plaintext: str) -> str:
        token = self.fernets[self.current_id].encrypt(plaintext.encode("utf-8")).decode("ascii")
        return f"{PREFIX}:{self.current_id}:{token}"

    def decrypt(self, stored: str) -> str:
        _prefix, key_id, token = split_stored(stored)
        fernet = self.fernets.get(key_id)
        if fernet is None:
            raise ImproperlyConfigured(f"No field-encryption key with id {key_id!r} is configured.")
        try:
            return fernet.decrypt(token.encode("ascii")).decode("utf-8")
        except InvalidToken as exc:
            raise ValueError(f"Encrypted value under key {key_id!r} failed its integrity check.") from exc

    @property
    def current_prefix(self) -> str:
        return f"{PREFIX}:{self.current_id}:"


def split_stored(stored: str) -> tuple[str, str, str]:
    parts = stored.split(":", 2)
    if len(parts) != 3 or parts[0] != PREFIX:
        raise ValueError("Not an encrypted value.")
    return parts[0], parts[1], parts[2]


def is_encrypted(stored: str) -> bool:
    return stored.startswith(PREFIX + ":")


def derive_development_key(secret: str) -> str:
    """A stable key for DEBUG and test runs, derived from the secret key."""
    digest = hashlib.sha256(("alongside-field-key:" + secret).encode()).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii")


def parse_keys(spec: str) -> Keyring:
    fernets: dict[str, Fernet] = {}
    order: list[str] = []
    for item in spec.split(","):
        item = item.strip()
        if not item:
            continue
        key_id, sep, key = item.partition(":")
        if not sep or not key_id or not key_id.isalnum():
            raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS entries read 'id:key' with an alphanumeric id.")
        if key_id in fernets:
            raise ImproperlyConfigured(f"Field-encryption key id {key_id!r} is listed twice.")
        try:
            fernets[key_id] = Fernet(key.encode("ascii"))
        except ValueError as exc:
            raise ImproperlyConfigured(
                f"Field-encryption key {key_id!r} is not a 32-byte url-safe base64 key."
            ) from exc
        order.append(key_id)
    if not order:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS names no key.")
    return Keyring(current_id=order[0], fernets=fernets)


@cache
def keyring_for(spec: str, secret: str) -> Keyring:
    return parse_keys(spec or f"dev:{derive_development_key(secret)}")


def keyring() -> Keyring:
    return keyring_for(settings.FIELD_ENCRYPTION_KEYS, settings.SECRET_KEY)


def generate_key() -> str:
    return Fernet.generate_key().decode("ascii")


def secret_digest(raw_secret: str) -> str:
    """What is stored for a secret link or token (invitations, account handovers, API tokens):
    its SHA-256. The secrets are long and random, so a fast hash is enough, and a lookup by
    digest finds the row without ever keeping the secret."""
    return hashlib.sha256(raw_secret.encode("utf-8")).hexdigest()
