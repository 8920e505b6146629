"""The token exchange asks for the second factor wherever the web sign-in does."""

from __future__ import annotations

import json

from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value, yield_hotp_counters_from_time
from django.test import Client

from alongside.api.models import PersonalAccessToken
from alongside.core.models import Notification
from alongside.core.roles import Role
from conftest import PASSWORD

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def exchange(username: str = "alex", password: str = PASSWORD, **extra: str):
    return Client().post(
        "/api/v1/auth/token",
        data=json.dumps({"username": username, "password": password, **extra}),
        content_type="application/json",
        REMOTE_ADDR="203.0.113.9",
    )


def current_code() -> str:
    counter = next(iter(yield_hotp_counters_from_time()))
    return format_hotp_value(hotp_value(SECRET, counter))


def with_totp(user) -> None:
    TOTP.activate(user, SECRET)
    RecoveryCodes.activate(user)


def test_a_person_with_two_factor_on_gets_no_token_for_the_password_alone(alex) -> None:
    with_totp(alex.user)
    response = exchange()
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["type"].endswith("mfa-required")
    assert "code" in response.json()["detail"]
    assert not PersonalAccessToken.objects.exists()


def test_the_current_code_gets_a_token(alex) -> None:
    with_totp(alex.user)
    response = exchange(code=current_code())
    assert response.status_code == 200
    assert response.json()["token"].startswith("alo_")


def test_a_wrong_code_is_refused_with_its_own_detail(alex) -> None:
    with_totp(alex.user)
    missing = exchange().json()["detail"]
    wrong = exchange(code="000000" if current_code() != "000000" else "111111")
    assert wrong.status_code == 401
    assert wrong.json()["type"].endswith("mfa-required")
    assert wrong.json()["detail"] != missing
    assert "not right" in wrong.json()["detail"]


def test_a_code_cannot_be_used_twice(alex) -> None:
    with_totp(alex.user)
    code = current_code()
    assert exchange(code=code).status_code == 200
    again = exchange(code=code)
    assert again.status_code == 401
    assert again.json()["type"].endswith("mfa-required")


def test_a_recovery_code_works_once(alex) -> None:
    with_totp(alex.user)
    recovery = Authenticator.objects.get(user=alex.user, type=Authenticator.Type.RECOVERY_CODES)
    code = recovery.wrap().get_unused_codes()[0]
    assert exchange(code=code).status_code == 200
    assert exchange(code=code).status_code == 401


def test_wrong_codes_are_rate_limited_like_passwords(alex) -> None:
    with_totp(alex.user)
    wrong = "000000" if current_code() != "000000" else "111111"
    statuses = [exchange(code=wrong).status_code for _ in range(6)]
    assert statuses[:5] == [401] * 5
    assert statuses[5] == 429


def test_an_organization_that_requires_two_factor_for_the_role_is_obeyed(pat, harbor) -> None:
    harbor.mfa_required_roles = [Role.PEER]
    harbor.save()
    response = exchange("pat")
    assert response.status_code == 401
    assert response.json()["type"].endswith("mfa-required")
    assert "requires two-factor" in response.json()["detail"]


def test_without_two_factor_the_password_is_enough(alex) -> None:
    assert exchange().status_code == 200


def test_a_token_held_before_two_factor_was_turned_on_keeps_working(alex) -> None:
    token = exchange().json()["token"]
    with_totp(alex.user)
    assert Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200


def test_the_person_is_told_a_token_was_created_and_from_where(
    alex, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        exchange(name="Kitchen tablet")
    notice = Notification.objects.get(user=alex.user, kind="security.token_created")
    assert "Kitchen tablet" in notice.body
    assert "203.0.113.9" in notice.body
    assert "alo_" not in notice.body
    assert [m.to for m in mailoutbox] == [["alex@example.org"]]
    assert "If it was not you" in mailoutbox[0].body


def test_the_openapi_document_shows_the_optional_code(client, db) -> None:
    schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]["TokenRequest"]
    assert "code" in schema["properties"]
    assert "code" not in schema.get("required", [])
