"""Re-encryption of every EncryptedTextField under the current key."""

from __future__ import annotations

from django.apps import apps
from django.db import models, transaction
from django_scopes import scopes_disabled

from alongside.core.crypto import keyring
from alongside.core.fields import EncryptedTextField

BATCH = 500


def encrypted_fields() -> list[tuple[type[models.Model], str]]:
    found = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, EncryptedTextField):
                found.append((model, field.name))
    return found


def rotate_encrypted_fields() -> dict[str, int]:
    """Rows whose ciphertext is under an older key are decrypted and written again. Lookups on
    the field compare ciphertext, so `startswith` finds old rows without decrypting anything."""
    current = keyring().current_prefix
    results: dict[str, int] = {}
    with scopes_disabled():
        for model, field_name in encrypted_fields():
            manager = model._base_manager  # type: ignore[attr-defined]
            stale = (
                manager.exclude(**{f"{field_name}__startswith": current})
                .exclude(**{field_name: ""})
                .exclude(**{f"{field_name}__isnull": True})
            )
            count = 0
            while True:
                batch = list(stale.order_by("pk")[:BATCH])
                if not batch:
                    break
                with transaction.atomic():
                    for row in batch:
                        manager.filter(pk=row.pk).update(**{field_name: getattr(row, field_name)})
                count += len(batch)
            results[f"{model._meta.label}.{field_name}"] = count
    return results
