"""The `alongside` console command: Django's manage.py for this project.

`alongside demo` needs no configuration: on first run it creates a secret key and a
field-encryption key under DATA_DIR (default ./var) and uses them from then on.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def use_local_secrets(*, create: bool) -> None:
    """Point SECRET_KEY_FILE and FIELD_ENCRYPTION_KEYS_FILE at DATA_DIR's generated files, unless
    they are configured already. `create` makes them on the first demo run."""
    from cryptography.fernet import Fernet

    data_dir = Path(os.environ.get("DATA_DIR", BASE_DIR / "var"))
    secret_file = data_dir / "secret_key"
    keys_file = data_dir / "field_keys"
    if not create and not secret_file.exists():
        return
    data_dir.mkdir(parents=True, exist_ok=True)
    if not secret_file.exists():
        import secrets

        secret_file.write_text(secrets.token_urlsafe(50))
        secret_file.chmod(0o600)
    if not keys_file.exists():
        keys_file.write_text("demo:" + Fernet.generate_key().decode())
        keys_file.chmod(0o600)
    if not (os.environ.get("SECRET_KEY") or os.environ.get("SECRET_KEY_FILE")):
        os.environ["SECRET_KEY_FILE"] = str(secret_file)
    if not (os.environ.get("FIELD_ENCRYPTION_KEYS") or os.environ.get("FIELD_ENCRYPTION_KEYS_FILE")):
        os.environ["FIELD_ENCRYPTION_KEYS_FILE"] = str(keys_file)


def use_demo_push_key() -> None:
    """A VAPID key for the demo's web push, made once under DATA_DIR."""
    if os.environ.get("WEBPUSH_VAPID_PRIVATE_KEY") or os.environ.get("WEBPUSH_VAPID_PRIVATE_KEY_FILE"):
        return
    from py_vapid import Vapid

    key_file = Path(os.environ.get("DATA_DIR", BASE_DIR / "var")) / "vapid_private.pem"
    if not key_file.exists():
        vapid = Vapid()
        vapid.generate_keys()
        key_file.write_bytes(vapid.private_pem())
        key_file.chmod(0o600)
    os.environ["WEBPUSH_VAPID_PRIVATE_KEY_FILE"] = str(key_file)


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    use_local_secrets(create=command in {"demo", "seed"})
    if command == "demo":
        # The demo serves plain HTTP on localhost; production sits behind TLS.
        os.environ.setdefault("SECURE_HTTPS", "false")
        use_demo_push_key()
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
