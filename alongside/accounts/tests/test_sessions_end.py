"""A changed password, a deactivation or a lost last membership ends every API token and every
other session, whatever the path; the session that made the change stays signed in."""

from __future__ import annotations

import json
from unittest import mock

from allauth.account.internal.flows.password_reset import reset_password
from allauth.mfa.base.internal.flows import delete_and_cleanup
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.hashers import make_password
from django.contrib.sessions.backends.db import SessionStore
from django.core.management import call_command
from django.test import Client, RequestFactory
from django_scopes import scope, scopes_disabled

from alongside.accounts.services import membership_change, membership_create
from alongside.api.models import PersonalAccessToken
from alongside.api.services import token_issue
from alongside.core.models import AuditEvent, Notification
from alongside.core.roles import Role
from conftest import PASSWORD

NEW_PASSWORD = "a-brand-new-long-password"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    assert client.get("/me/preferences/").status_code == 200
    return client


def is_signed_in(client: Client) -> bool:
    return client.get("/me/preferences/").status_code == 200


def token_for(user) -> str:
    return token_issue(user=user, name="phone")[1]


def token_works(raw: str) -> bool:
    return Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200


def test_set_password_and_save_ends_tokens_and_sessions(alex) -> None:
    other, raw = signed_in(alex.user), token_for(alex.user)
    alex.user.set_password(NEW_PASSWORD)
    alex.user.save()
    assert not is_signed_in(other)
    assert not token_works(raw)


def test_the_changepassword_command_ends_tokens_and_sessions(alex) -> None:
    other, raw = signed_in(alex.user), token_for(alex.user)
    with mock.patch(
        "django.contrib.auth.management.commands.changepassword.Command._get_pass", return_value=NEW_PASSWORD
    ):
        call_command("changepassword", "alex", stdout=mock.MagicMock())
    assert not is_signed_in(other)
    assert not token_works(raw)
    notice = Notification.objects.get(user=alex.user, kind="security.password_changed")
    assert "on the server itself" in notice.body


def test_changing_the_password_on_the_web_keeps_this_session_and_ends_the_others(alex) -> None:
    here, elsewhere, raw = signed_in(alex.user), signed_in(alex.user), token_for(alex.user)
    response = here.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        REMOTE_ADDR="203.0.113.44",
        HTTP_USER_AGENT="Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0",
    )
    assert response.status_code == 302
    assert is_signed_in(here)
    assert not is_signed_in(elsewhere)
    assert not token_works(raw)
    notice = Notification.objects.get(user=alex.user, kind="security.password_changed")
    assert "Firefox on Windows" in notice.body
    assert "203.0.113.44" in notice.body
    assert NEW_PASSWORD not in notice.body


def test_a_password_reset_ends_tokens_and_sessions(alex) -> None:
    other, raw = signed_in(alex.user), token_for(alex.user)
    reset_password(alex.user, NEW_PASSWORD)
    assert not is_signed_in(other)
    assert not token_works(raw)


def test_a_walk_in_handover_password_counts_too(alex) -> None:
    raw = token_for(alex.user)
    alex.user.set_unusable_password()
    alex.user.save(update_fields=["password"])
    assert not token_works(raw)


def test_upgrading_the_password_hash_at_sign_in_ends_nothing(alex, settings) -> None:
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
    alex.user.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    alex.user.save(update_fields=["password"])
    raw = token_for(alex.user)
    Client().post("/accounts/login/", {"login": "alex", "password": PASSWORD})
    alex.user.refresh_from_db()
    assert alex.user.password.startswith("md5$")  # the hash was upgraded
    assert token_works(raw)
    assert not Notification.objects.filter(user=alex.user, kind="security.password_changed").exists()


def test_deactivating_someone_ends_their_tokens_for_good(alex) -> None:
    raw = token_for(alex.user)
    alex.user.is_active = False
    alex.user.save()
    alex.user.is_active = True
    alex.user.save()
    assert not token_works(raw)
    assert PersonalAccessToken.objects.get().revoked_at is not None


def test_losing_the_last_active_membership_ends_tokens_and_sessions(alex, morgan) -> None:
    other, raw = signed_in(alex.user), token_for(alex.user)
    with scope(organization=alex.organization):
        membership_change(
            actor=morgan.user,
            membership=alex.membership,
            role=Role.PARTICIPANT,
            is_active=False,
            programme=None,
        )
    assert not is_signed_in(other)
    assert not token_works(raw)
    notice = Notification.objects.get(user=alex.user, kind="security.sessions_ended")
    assert "no longer an active member" in notice.body


def test_losing_one_of_two_memberships_ends_nothing(alex, morgan, elsewhere) -> None:
    membership_create(organization=elsewhere, user=alex.user, role=Role.PARTICIPANT)
    other, raw = signed_in(alex.user), token_for(alex.user)
    with scope(organization=alex.organization):
        membership_change(
            actor=morgan.user,
            membership=alex.membership,
            role=Role.PARTICIPANT,
            is_active=False,
            programme=None,
        )
    assert is_signed_in(other)
    assert token_works(raw)


def test_a_deleted_last_membership_ends_tokens(alex) -> None:
    raw = token_for(alex.user)
    with scope(organization=alex.organization):
        alex.membership.delete()
    assert not token_works(raw)


def test_signing_out_everywhere_else_keeps_this_session(
    alex, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    here, elsewhere, raw = signed_in(alex.user), signed_in(alex.user), token_for(alex.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = here.post("/me/security/sessions/end/")
    assert response.status_code == 302
    assert is_signed_in(here)
    assert not is_signed_in(elsewhere)
    assert not token_works(raw)
    assert Notification.objects.filter(user=alex.user, kind="security.sessions_ended").exists()
    assert any("signed out" in m.body for m in mailoutbox)
    with scopes_disabled():
        assert AuditEvent.objects.filter(action="auth.sessions.end", actor=alex.user).exists()


def test_signing_out_everywhere_else_needs_a_post_with_csrf(alex) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alex.user)
    assert client.get("/me/security/sessions/end/").status_code == 405
    assert client.post("/me/security/sessions/end/").status_code == 403


def test_the_tokens_page_lists_only_my_tokens(alex, pat) -> None:
    token_issue(user=alex.user, name="Alex's phone")
    token_issue(user=pat.user, name="Pat's laptop")
    page = signed_in(alex.user).get("/me/security/").content.decode()
    assert "Alex&#x27;s phone" in page
    assert "Pat&#x27;s laptop" not in page
    assert "Never" in page  # not used yet


def test_revoking_a_token_stops_it(alex) -> None:
    token, raw = token_issue(user=alex.user, name="phone")
    response = signed_in(alex.user).post(f"/me/security/tokens/{token.pk}/revoke/")
    assert response.status_code == 302
    assert not token_works(raw)


def test_nobody_can_revoke_someone_elses_token(alex, pat) -> None:
    token, raw = token_issue(user=alex.user, name="phone")
    assert signed_in(pat.user).post(f"/me/security/tokens/{token.pk}/revoke/").status_code == 404
    assert token_works(raw)


def test_last_used_is_written_at_most_once_a_minute(alex, django_assert_num_queries) -> None:
    raw = token_for(alex.user)
    token_works(raw)
    first = PersonalAccessToken.objects.get().last_used_at
    assert first is not None
    token_works(raw)
    assert PersonalAccessToken.objects.get().last_used_at == first


def test_turning_two_factor_off_is_told(alex, mailoutbox, django_capture_on_commit_callbacks) -> None:
    authenticator = TOTP.activate(alex.user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP").instance
    request = RequestFactory().post("/accounts/2fa/totp/deactivate/")
    request.user = alex.user
    request.session = SessionStore()
    with django_capture_on_commit_callbacks(execute=True):
        delete_and_cleanup(request, authenticator)  # what deactivating TOTP does once reauthenticated
    notice = Notification.objects.get(user=alex.user, kind="security.two_factor_off")
    assert "only your password" in notice.body
    assert mailoutbox and mailoutbox[0].to == ["alex@example.org"]


def test_notices_are_written_in_the_persons_language(alex) -> None:
    alex.user.language = "es"
    alex.user.save(update_fields=["language"])
    token_issue(user=alex.user, name="móvil")
    notice = Notification.objects.get(user=alex.user, kind="security.token_created")
    assert notice.title == "Se creó un token de API nuevo para tu cuenta"
    assert "Si no fuiste tú" in notice.body


def test_the_api_exchange_and_web_sessions_agree_after_a_change(alex) -> None:
    raw = (
        Client()
        .post(
            "/api/v1/auth/token",
            data=json.dumps({"username": "alex", "password": PASSWORD}),
            content_type="application/json",
        )
        .json()["token"]
    )
    alex.user.set_password(NEW_PASSWORD)
    alex.user.save()
    assert not token_works(raw)


def test_someone_being_erased_is_not_written_to_about_their_sessions(
    alex, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from alongside.accounts.my_data import deletions_carry_out

    alex.client().post("/me/data/delete/", {"password": PASSWORD, "confirm": "yes"})
    with django_capture_on_commit_callbacks(execute=True):
        deletions_carry_out(timezone.now() + timedelta(days=15))
    assert len(mailoutbox) == 1  # only the confirmation that the account was erased
