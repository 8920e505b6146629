from __future__ import annotations

import json
from datetime import timedelta

from django.core import mail
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from alongside.accounts.models import DeletionRequest, Membership, User
from alongside.accounts.my_data import deletions_carry_out
from alongside.checkins.models import CheckIn
from alongside.core.audit import audit_verify
from alongside.core.models import AuditEvent
from conftest import PASSWORD


def add_checkin(alex, note: str = "a private note") -> CheckIn:
    with scope(organization=alex.organization):
        return CheckIn.objects.create(
            organization=alex.organization,
            participant=alex.membership,
            day=timezone.localdate(),
            mood=4,
            note=note,
        )


def test_the_download_holds_my_records_decrypted_and_no_secrets(alex, pat) -> None:
    add_checkin(alex)
    pat.client().get(f"/participants/{alex.membership.pk}/")  # someone looks at alex's records
    response = alex.client().get("/me/data/download.json")
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"]["username"] == "alex"
    records = data["organizations"][0]["records"]
    assert any(row.get("journal note") == "a private note" for row in records["Check ins"])
    assert any(
        row["who"] == "pat" and row["what"] == "participant.view" for row in data["who_accessed_my_data"]
    )
    text = response.content.decode()
    assert "password" not in text and "md5$" not in text and "enc1:" not in text


def test_the_download_is_audited(alex) -> None:
    alex.client().get("/me/data/summary/")
    with scopes_disabled():
        assert AuditEvent.objects.filter(action="personal_data.export", subject=alex.membership).exists()


def test_someone_else_s_records_never_appear_in_my_download(alex, jordan) -> None:
    add_checkin(jordan, note="jordan only")
    assert "jordan only" not in alex.client().get("/me/data/download.json").content.decode()


def test_a_wrong_password_deletes_nothing(alex) -> None:
    alex.client().post("/me/data/delete/", {"password": "nope", "confirm": "yes"})
    assert not DeletionRequest.objects.exists()


def test_deletion_waits_for_the_grace_period_and_can_be_cancelled(alex) -> None:
    client = alex.client()
    client.post("/me/data/delete/", {"password": PASSWORD, "confirm": "yes"})
    request = DeletionRequest.objects.get()
    assert request.erase_after > timezone.now() + timedelta(days=13)
    assert deletions_carry_out() == 0
    client.post("/me/data/delete/cancel/")
    request.refresh_from_db()
    assert request.cancelled_at is not None
    assert deletions_carry_out(timezone.now() + timedelta(days=30)) == 0
    assert User.objects.filter(username="alex").exists()


def test_erasure_removes_the_account_and_records_but_keeps_the_audit_trail(
    alex, pat, django_capture_on_commit_callbacks
) -> None:
    add_checkin(alex)
    pat.client().get(f"/participants/{alex.membership.pk}/")
    alex.client().post("/me/data/delete/", {"password": PASSWORD, "confirm": "yes"})
    with django_capture_on_commit_callbacks(execute=True):
        assert deletions_carry_out(timezone.now() + timedelta(days=15)) == 1
    assert not User.objects.filter(username="alex").exists()
    with scopes_disabled():
        assert not CheckIn.objects.exists()
        assert not Membership.objects.filter(pk=alex.membership.pk).exists()
        assert AuditEvent.objects.filter(action="participant.view").exists()
        assert AuditEvent.objects.filter(action="account.erase").exists()
    assert audit_verify()[1] == []
    assert mail.outbox[-1].to == ["alex@example.org"]
    assert DeletionRequest.objects.get().email == ""


def test_an_organization_without_a_grace_period_erases_at_once(
    alex, harbor, django_capture_on_commit_callbacks
) -> None:
    harbor.deletion_grace_days = 0
    harbor.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = alex.client().post("/me/data/delete/", {"password": PASSWORD, "confirm": "yes"})
    assert response.status_code == 302
    assert not User.objects.filter(username="alex").exists()


def test_staff_cannot_delete_themselves_from_under_their_participants(pat) -> None:
    pat.client().post("/me/data/delete/", {"password": PASSWORD, "confirm": "yes"})
    assert not DeletionRequest.objects.exists()


def test_the_api_gives_the_same_export(alex) -> None:
    add_checkin(alex, note="via the api")
    data = alex.client().get("/api/v1/me/data").json()
    assert data["format"] == "alongside-personal-data"
    assert "via the api" in json.dumps(data)
