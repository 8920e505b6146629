"""The web shell: security headers, no third-party assets, translations, websockets."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.testing.websocket import WebsocketCommunicator
from django.conf import settings

from alongside.core.notifications import notify_user
from config.asgi import application

LOCALE = Path(settings.BASE_DIR) / "alongside" / "locale" / "es" / "LC_MESSAGES"


def test_pages_carry_a_content_security_policy_and_security_headers(client, db) -> None:
    response = client.get("/accounts/login/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_personal_pages_are_not_cached(alex) -> None:
    assert alex.client().get("/")["Cache-Control"] == "no-store"


@pytest.mark.parametrize("path", ["/accounts/login/", "/accounts/signup/", "/help/"])
def test_no_asset_is_loaded_from_another_host(client, db, path: str) -> None:
    html = client.get(path).content.decode()
    # What the browser fetches by itself: scripts, images, frames and <link>ed files. A link the
    # person may choose to follow (a crisis line's web chat) is not an asset.
    external = re.findall(r'\bsrc="(https?://[^"]+)"', html) + re.findall(
        r'<link\b[^>]*\bhref="(https?://[^"]+)"', html
    )
    assert external == []


@pytest.mark.parametrize(
    "path", ["alongside/css/alongside.css", "alongside/js/alongside.js", "alongside/vendor/htmx.min.js"]
)
def test_our_static_files_are_served(client, db, path: str) -> None:
    response = client.get(f"/static/{path}")
    assert response.status_code == 200


def test_htmx_is_served_from_our_own_static_files(client, db) -> None:
    assert 'src="/static/alongside/vendor/htmx.min.js"' in client.get("/accounts/login/").content.decode()
    assert (Path(settings.BASE_DIR) / "alongside/static/alongside/vendor/htmx.min.js").stat().st_size > 10_000


def test_the_spanish_catalogue_is_complete_and_compiled() -> None:
    catalogue = polib.pofile(str(LOCALE / "django.po"))
    assert catalogue.percent_translated() == 100, [e.msgid for e in catalogue.untranslated_entries()][:10]
    assert not catalogue.fuzzy_entries()
    compiled = polib.mofile(str(LOCALE / "django.mo"))
    assert {e.msgid for e in compiled} >= {e.msgid for e in catalogue if not e.obsolete}


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs GNU gettext (run.py test installs it)")
def test_every_string_in_the_code_has_a_spanish_translation(tmp_path) -> None:
    """Extract the messages afresh, in a copy of the source, and look for untranslated ones."""
    root = Path(settings.BASE_DIR)
    copy = tmp_path / "src"
    ignore = shutil.ignore_patterns("__pycache__", "tests", "migrations", "*.mo")
    shutil.copytree(root / "alongside", copy / "alongside", ignore=ignore)
    shutil.copytree(root / "config", copy / "config", ignore=ignore)
    env = {**os.environ, "ALONGSIDE_TESTING": "1", "DATA_DIR": str(tmp_path / "var"), "PYTHONPATH": str(copy)}
    subprocess.run(
        [sys.executable, "-m", "alongside", "makemessages", "-l", "es", "--no-obsolete"],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
    )
    catalogue = polib.pofile(str(copy / "alongside/locale/es/LC_MESSAGES/django.po"))
    untranslated = [e.msgid for e in catalogue.untranslated_entries()] + [
        e.msgid for e in catalogue.fuzzy_entries()
    ]
    assert not untranslated, f"translate these (makemessages -l es): {untranslated[:15]}"


def connect(user=None, origin: bytes = b"http://localhost") -> WebsocketCommunicator:
    communicator = WebsocketCommunicator(application, "/ws/notifications/", headers=[(b"origin", origin)])
    if user is not None:
        communicator.scope["user"] = user
    return communicator


@pytest.mark.django_db(transaction=True)
def test_notifications_reach_only_the_signed_in_person(alex, jordan) -> None:
    async def scenario() -> None:
        mine, theirs = connect(alex.user), connect(jordan.user)
        assert (await mine.connect())[0]
        assert (await theirs.connect())[0]
        await sync_to_async(notify_user)(alex.user.pk, {"text": "Pat replied"})
        assert await mine.receive_json_from(timeout=2) == {
            "type": "notification",
            "payload": {"text": "Pat replied"},
        }
        assert await theirs.receive_nothing(timeout=0.2)
        await mine.disconnect()
        await theirs.disconnect()

    async_to_sync(scenario)()


def test_anonymous_websocket_connections_are_refused() -> None:
    async def scenario() -> tuple[bool, int | None]:
        return await connect().connect()

    assert async_to_sync(scenario)() == (False, 4401)


def test_websockets_from_another_site_are_refused(alex) -> None:
    async def scenario() -> bool:
        connected, _code = await connect(alex.user, origin=b"https://evil.example").connect()
        return connected

    assert async_to_sync(scenario)() is False
