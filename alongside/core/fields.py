from __future__ import annotations

from typing import Any

from django.db import models

from alongside.core.crypto import keyring


class EncryptedTextField(models.TextField):
    """Free text stored only as ciphertext with its key id.

    Encryption happens on save (get_db_prep_save), decryption on load (from_db_value). Lookups
    compare against the stored ciphertext, so the field is not searchable by content: use it for
    journals, notes, messages and plans, never for something that is filtered on.
    """

    description = "Text encrypted at rest"

    def get_db_prep_save(self, value: Any, connection: Any) -> Any:
        if value is None or value == "":
            return value
        return keyring().encrypt(str(value))

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if value is None or value == "":
            return value
        return keyring().decrypt(value)
