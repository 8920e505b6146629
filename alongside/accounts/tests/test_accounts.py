from __future__ import annotations

import re
from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.core import mail
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from alongside.accounts.models import Invitation, Membership, User
from alongside.accounts.services import InvitationError, invitation_accept, invitation_create
from alongside.core.roles import Role
from conftest import PASSWORD, make_person


def test_passwords_are_hashed_with_argon2_in_the_real_settings() -> None:
    from config import settings as real_settings

    assert real_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_it_signs_up_a_participant_with_a_pseudonym(client, harbor) -> None:
    response = client.post(
        "/accounts/signup/",
        {
            "username": "river",
            "email": "river@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "display_name": "River",
            "organization": harbor.pk,
        },
    )
    assert response.status_code == 302
    user = User.objects.get(username="river")
    assert user.display_name == "River"
    with scopes_disabled():
        membership = Membership.objects.get(user=user)
    assert (membership.organization, membership.role) == (harbor, Role.PARTICIPANT)
    assert "River" in client.get("/").content.decode()


def test_sign_up_refuses_a_bad_password_and_creates_nothing(client, harbor) -> None:
    response = client.post(
        "/accounts/signup/",
        {
            "username": "river",
            "email": "river@example.org",
            "password1": "123",
            "password2": "123",
            "organization": harbor.pk,
        },
    )
    assert response.status_code == 200
    assert "password" in response.content.decode().lower()
    assert not User.objects.filter(username="river").exists()


def test_logout_needs_a_post_and_ends_the_session(alex) -> None:
    client = alex.client()
    assert client.get("/").status_code == 200
    client.post("/accounts/logout/")
    assert client.get("/").status_code == 302


@pytest.fixture
def invitation(morgan):
    with scope(organization=morgan.organization):
        return invitation_create(
            organization=morgan.organization,
            invited_by=morgan.user,
            email="Newpeer@Example.org",
            role=Role.PEER,
        )


def test_invitation_email_carries_a_working_link(morgan, harbor, django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True), scope(organization=harbor):
        invitation_create(
            organization=harbor, invited_by=morgan.user, email="newpeer@example.org", role=Role.PEER
        )
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/invitations/(\S+)/", mail.outbox[0].body)
    assert link is not None
    newcomer = make_person("newpeer", None, None)
    client = newcomer.client()
    assert client.get(f"/invitations/{link.group(1)}/").status_code == 200
    assert client.post(f"/invitations/{link.group(1)}/").status_code == 302
    with scopes_disabled():
        assert Membership.objects.get(user=newcomer.user).role == Role.PEER


def test_the_token_is_stored_only_as_a_hash(invitation) -> None:
    _row, token = invitation
    with scopes_disabled():
        assert not Invitation.objects.filter(token_hash=token).exists()


def test_an_invitation_works_once(invitation) -> None:
    _row, token = invitation
    first = make_person("newpeer", None, None)
    invitation_accept(raw_token=token, user=first.user)
    with pytest.raises(InvitationError, match="already been used"):
        invitation_accept(raw_token=token, user=first.user)


def test_a_forwarded_invitation_does_not_let_someone_else_in(invitation, outsider) -> None:
    _row, token = invitation
    with pytest.raises(InvitationError, match=r"sent to newpeer@example\.org"):
        invitation_accept(raw_token=token, user=outsider.user)
    with scopes_disabled():
        assert not Membership.objects.filter(user=outsider.user, organization__slug="harbor").exists()


def test_an_expired_invitation_says_so(invitation, client) -> None:
    row, token = invitation
    with scopes_disabled():
        Invitation.objects.filter(pk=row.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.get(f"/invitations/{token}/")
    assert response.status_code == 410
    assert "expired" in response.content.decode()


def test_a_withdrawn_invitation_cannot_be_used(invitation, morgan) -> None:
    row, token = invitation
    response = morgan.client().post(f"/admin/invitations/{row.pk}/revoke/")
    assert response.status_code == 302
    with pytest.raises(InvitationError, match="withdrawn"):
        invitation_accept(raw_token=token, user=make_person("newpeer", None, None).user)


def test_inviting_someone_already_invited_is_refused_clearly(invitation, morgan) -> None:
    response = morgan.client().post("/admin/invitations/", {"email": "newpeer@example.org", "role": "peer"})
    assert response.status_code == 200
    assert "already waiting" in response.content.decode()


def test_signing_up_through_an_invitation_joins_with_its_role(invitation, client) -> None:
    _row, token = invitation
    client.post(f"/invitations/{token}/", {"next": "signup"})
    client.post(
        "/accounts/signup/",
        {"username": "newpeer", "email": "newpeer@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    with scopes_disabled():
        membership = Membership.objects.get(user__username="newpeer")
    assert (membership.organization.slug, membership.role) == ("harbor", Role.PEER)


def test_the_organization_switcher_changes_the_active_organization(morgan, outsider, elsewhere) -> None:
    with scopes_disabled():
        Membership.objects.create(user=morgan.user, organization=elsewhere, role=Role.ADMIN)
    client = morgan.client()
    assert "Harbor Peer Collective" in client.get("/").content.decode()
    client.post("/organizations/switch/", {"organization": elsewhere.pk})
    page = client.get("/").content.decode()
    assert "Elsewhere Recovery" in page
    # Someone cannot switch into an organization they do not belong to.
    outsider_client = outsider.client()
    outsider_client.post("/organizations/switch/", {"organization": morgan.organization.pk})
    assert "Harbor Peer Collective" not in outsider_client.get("/").content.decode()


def test_an_organization_can_require_two_factor_for_a_role(harbor, pat) -> None:
    harbor.mfa_required_roles = [Role.PEER]
    harbor.save()
    client = pat.client()
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/totp/activate")
    Authenticator.objects.create(user=pat.user, type=Authenticator.Type.TOTP, data={"secret": "x"})
    assert client.get("/").status_code == 200


def test_two_factor_is_not_forced_on_other_roles(harbor, alex) -> None:
    harbor.mfa_required_roles = [Role.PEER]
    harbor.save()
    assert alex.client().get("/").status_code == 200


def test_the_language_choice_is_remembered_for_the_person(alex) -> None:
    client = alex.client()
    client.post("/i18n/setlang/", {"language": "es", "next": "/"})
    alex.user.refresh_from_db()
    assert alex.user.language == "es"
    fresh = alex.client()  # another device: no language cookie
    assert 'lang="es"' in fresh.get("/").content.decode()


def test_preferences_refuse_an_unknown_time_zone(alex) -> None:
    response = alex.client().post(
        "/me/preferences/", {"display_name": "A", "timezone": "Mars/Base", "language": "en"}
    )
    assert response.status_code == 200
    assert "“Mars/Base” is not a time zone we know. Choose yours from the list." in response.content.decode()
    alex.user.refresh_from_db()
    assert alex.user.timezone == ""


def test_an_admin_cannot_demote_themselves(morgan) -> None:
    response = morgan.client().post(
        f"/admin/people/{morgan.membership.pk}/", {"role": "peer", "is_active": "on"}
    )
    assert response.status_code == 200
    morgan.membership.refresh_from_db()
    assert morgan.membership.role == Role.ADMIN


def test_an_admin_changes_a_role_and_it_is_audited(morgan, pat) -> None:
    response = morgan.client().post(
        f"/admin/people/{pat.membership.pk}/", {"role": "supervisor", "is_active": "on"}
    )
    assert response.status_code == 302
    pat.membership.refresh_from_db()
    assert pat.membership.role == Role.SUPERVISOR
    from alongside.core.models import AuditEvent

    with scopes_disabled():
        assert AuditEvent.objects.filter(action="membership.update", actor=morgan.user).exists()


def test_settings_production_refuses_to_start_without_a_secret(tmp_path) -> None:
    import os
    import subprocess
    import sys

    env = {
        k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "SECRET_KEY_FILE", "ALONGSIDE_TESTING"}
    }
    env.update({"DEBUG": "false", "ALONGSIDE_TESTING": "0", "DJANGO_SETTINGS_MODULE": "config.settings"})
    completed = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert completed.returncode != 0
    assert "SECRET_KEY" in completed.stderr


def test_password_reset_emails_a_link_that_sets_a_new_password(client, alex) -> None:
    client.post("/accounts/password/reset/", {"email": "alex@example.org"})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+/)", mail.outbox[0].body)
    assert link is not None
    # The emailed link redirects once to a form URL that no longer carries the key.
    form_page = client.get(link.group(1), follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {"password1": "a-brand-new-password", "password2": "a-brand-new-password"},
    )
    alex.user.refresh_from_db()
    assert alex.user.check_password("a-brand-new-password")


def test_signing_up_sends_an_email_verification_link(client, harbor) -> None:
    client.post(
        "/accounts/signup/",
        {
            "username": "river",
            "email": "river@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "organization": harbor.pk,
        },
    )
    assert any("confirm-email" in message.body for message in mail.outbox)
