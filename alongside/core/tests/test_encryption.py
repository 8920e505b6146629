from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection
from django_scopes import scope

from alongside.checkins.models import CheckIn
from alongside.core.crypto import derive_development_key, keyring, parse_keys

SECRET = "I relapsed on Saturday and told nobody"


def stored_note(checkin_id: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT note FROM checkins_checkin WHERE id = %s", [checkin_id])
        return cursor.fetchone()[0]


@pytest.fixture
def checkin(alex):
    with scope(organization=alex.organization):
        return CheckIn.objects.create(
            organization=alex.organization, participant=alex.membership, day="2026-11-20", mood=2, note=SECRET
        )


def test_the_database_never_holds_the_plaintext(checkin) -> None:
    raw = stored_note(checkin.pk)
    assert SECRET not in raw
    assert "relapsed" not in raw
    assert raw.startswith(f"enc1:{keyring().current_id}:")


def test_reading_it_back_gives_the_plaintext(checkin, alex) -> None:
    with scope(organization=alex.organization):
        assert CheckIn.objects.get(pk=checkin.pk).note == SECRET


def test_rotate_keys_re_encrypts_under_the_new_key_and_old_rows_still_read(checkin, alex, settings) -> None:
    # Under tests the key is derived from the secret key; list it explicitly as the old key.
    old_spec = settings.FIELD_ENCRYPTION_KEYS or f"dev:{derive_development_key(settings.SECRET_KEY)}"
    new_key = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = f"k2:{new_key},{old_spec}"
    with scope(organization=alex.organization):
        assert CheckIn.objects.get(pk=checkin.pk).note == SECRET  # the old key still decrypts
    call_command("rotate-keys")
    assert stored_note(checkin.pk).startswith("enc1:k2:")
    settings.FIELD_ENCRYPTION_KEYS = f"k2:{new_key}"  # the old key can now be retired
    with scope(organization=alex.organization):
        assert CheckIn.objects.get(pk=checkin.pk).note == SECRET


def test_a_tampered_ciphertext_is_refused(checkin, alex) -> None:
    raw = stored_note(checkin.pk)
    forged = raw[:-6] + ("A" if raw[-6] != "A" else "B") + raw[-5:]
    with connection.cursor() as cursor:
        cursor.execute("UPDATE checkins_checkin SET note = %s WHERE id = %s", [forged, checkin.pk])
    with scope(organization=alex.organization), pytest.raises(ValueError, match="integrity"):
        CheckIn.objects.get(pk=checkin.pk)


@pytest.mark.parametrize(
    "spec, problem",
    [
        ("nokey", "id:key"),
        ("k1:not-a-key", "32-byte"),
        ("k1:{key},k1:{key}", "twice"),
        (",", "names no key"),
    ],
)
def test_bad_key_settings_are_explained(spec: str, problem: str) -> None:
    key = Fernet.generate_key().decode()
    with pytest.raises(ImproperlyConfigured, match=problem):
        parse_keys(spec.format(key=key))
