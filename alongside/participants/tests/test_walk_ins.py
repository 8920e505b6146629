"""Walk-ins: staff register someone in person, and an emailed link hands the account over."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from alongside.accounts.models import Membership, User
from alongside.core.models import AuditEvent
from alongside.core.roles import Role
from alongside.core.timezones import zone_of
from alongside.participants.models import ParticipantHandover, ParticipantProfile
from alongside.participants.services import (
    HandoverError,
    handover_accept,
    handover_send,
    participant_register,
)
from alongside.participants.services.walk_in import handover_digest
from conftest import PASSWORD

NEW_PASSWORD = "river-stones-and-tea"


@pytest.fixture
def walk_in(pat, harbor):
    """Sol, registered in person by pat, with an email address."""
    with scope(organization=harbor):
        return participant_register(
            actor=pat.membership, display_name="Sol", email="Sol@Example.org", language="es"
        )


def welcome_url(token: str) -> str:
    return f"/participants/welcome/{token}/"


def test_registering_a_walk_in_creates_a_participant_with_no_usable_password(walk_in, pat, harbor) -> None:
    participant = walk_in.participant
    user = participant.user
    assert (participant.role, participant.organization) == (Role.PARTICIPANT, harbor)
    assert not user.has_usable_password()
    assert (user.display_name, user.email, user.language) == ("Sol", "sol@example.org", "es")
    # No zone of their own until they choose one: they read times in the organization's.
    assert user.timezone == "" and zone_of(participant).key == "America/New_York"
    with scope(organization=harbor):
        assert ParticipantProfile.objects.get(participant=participant).registered_by == pat.user
        assert AuditEvent.objects.filter(action="participant.register", subject=participant).exists()
        assert ParticipantHandover.objects.get(participant=participant).email == "sol@example.org"


def test_the_handover_link_is_emailed_and_only_its_hash_is_kept(
    pat, harbor, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True), scope(organization=harbor):
        registration = participant_register(
            actor=pat.membership, display_name="Sol", email="sol@example.org", language="en"
        )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["sol@example.org"]
    link = re.search(r"/participants/welcome/(\S+)/", mail.outbox[0].body)
    assert link is not None and link.group(1) == registration.raw_token
    with scopes_disabled():
        row = ParticipantHandover.objects.get()
    assert row.token_hash == handover_digest(link.group(1))
    assert link.group(1) not in row.token_hash


def test_the_walk_in_chooses_a_login_for_the_same_account_and_is_signed_in(client, walk_in, harbor) -> None:
    page = client.get(welcome_url(walk_in.raw_token))
    assert page.status_code == 200
    assert "Welcome, Sol" in page.content.decode()
    response = client.post(
        welcome_url(walk_in.raw_token),
        {"username": "sol", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response["Location"] == "/participants/intake/"
    user = User.objects.get(pk=walk_in.participant.user_id)
    assert user.username == "sol"
    assert user.check_password(NEW_PASSWORD)
    assert EmailAddress.objects.get(user=user).verified
    with scopes_disabled():
        # The same membership, with the profile staff started: no second membership.
        assert list(Membership.objects.filter(user=user)) == [walk_in.participant]
        assert AuditEvent.objects.filter(action="handover.accept", subject=walk_in.participant).exists()
    assert client.get("/").status_code == 200  # signed in


def test_a_handover_link_works_once(client, walk_in) -> None:
    handover_accept(raw_token=walk_in.raw_token, username="sol", password=NEW_PASSWORD)
    with pytest.raises(HandoverError, match="already been used"):
        handover_accept(raw_token=walk_in.raw_token, username="sol2", password=NEW_PASSWORD)
    response = client.get(welcome_url(walk_in.raw_token))
    assert response.status_code == 410
    assert "already been used" in response.content.decode()


def test_an_expired_handover_link_is_refused_and_changes_nothing(client, walk_in) -> None:
    with scopes_disabled():
        ParticipantHandover.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.post(
        welcome_url(walk_in.raw_token),
        {"username": "sol", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 410
    assert "expired" in response.content.decode()
    assert not User.objects.get(pk=walk_in.participant.user_id).has_usable_password()


def test_a_wrong_token_is_refused(client, walk_in) -> None:
    response = client.get(welcome_url("not-the-token"))
    assert response.status_code == 410
    assert "not valid" in response.content.decode()
    with pytest.raises(HandoverError):
        handover_accept(raw_token=walk_in.raw_token + "x", username="sol", password=NEW_PASSWORD)


def test_a_new_link_replaces_the_old_one(walk_in, pat, harbor) -> None:
    with scope(organization=harbor):
        _handover, newer = handover_send(
            actor=pat.user, participant=walk_in.participant, email="sol@example.org"
        )
    with pytest.raises(HandoverError, match="newer link"):
        handover_accept(raw_token=walk_in.raw_token, username="sol", password=NEW_PASSWORD)
    assert handover_accept(raw_token=newer, username="sol", password=NEW_PASSWORD).username == "sol"


def test_a_weak_password_or_a_taken_username_is_explained_and_the_link_still_works(
    client, walk_in, alex
) -> None:
    response = client.post(
        welcome_url(walk_in.raw_token), {"username": "Alex", "password1": "12345", "password2": "12345"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "This username is taken" in page
    assert "too short" in page
    user = User.objects.get(pk=walk_in.participant.user_id)
    assert user.username.startswith("walk-in-") and not user.has_usable_password()
    assert client.get(welcome_url(walk_in.raw_token)).status_code == 200


def test_mismatched_passwords_are_explained(client, walk_in) -> None:
    response = client.post(
        welcome_url(walk_in.raw_token),
        {"username": "sol", "password1": NEW_PASSWORD, "password2": "something-else"},
    )
    assert response.status_code == 400
    assert "don&#x27;t match" in response.content.decode()


def test_someone_signed_in_as_another_person_is_told_to_log_out_first(walk_in, alex) -> None:
    response = alex.client().post(
        welcome_url(walk_in.raw_token),
        {"username": "sol", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert "signed in as someone else" in response.content.decode()
    assert not User.objects.get(pk=walk_in.participant.user_id).has_usable_password()


def test_without_an_email_there_is_no_link_until_staff_send_one(pat, harbor) -> None:
    with scope(organization=harbor):
        registration = participant_register(actor=pat.membership, display_name="Ana", language="en")
        assert registration.handover is None
        assert not ParticipantHandover.objects.exists()
    response = pat.client().post(
        f"/participants/{registration.participant.pk}/handover/", {"email": "ana@example.org"}
    )
    assert response["Location"] == "/participants/register/"
    with scope(organization=harbor):
        assert ParticipantHandover.objects.get().email == "ana@example.org"
    assert User.objects.get(pk=registration.participant.user_id).email == "ana@example.org"


def test_an_email_someone_already_uses_is_refused_and_nobody_is_created(pat, alex, harbor) -> None:
    users_before = User.objects.count()
    with scope(organization=harbor), pytest.raises(ValidationError) as refused:
        participant_register(
            actor=pat.membership, display_name="Twin", email="ALEX@example.org", language="en"
        )
    assert "email" in refused.value.message_dict
    assert User.objects.count() == users_before


def test_registration_needs_a_name_and_a_known_language(pat, harbor) -> None:
    with scope(organization=harbor), pytest.raises(ValidationError) as refused:
        participant_register(actor=pat.membership, display_name="   ", language="xx")
    assert set(refused.value.message_dict) == {"display_name", "language"}


def test_participants_and_clinicians_cannot_register_anyone(alex, casey, harbor) -> None:
    for person in (alex, casey):
        with scope(organization=harbor), pytest.raises(ValidationError):
            participant_register(actor=person.membership, display_name="X", language="en")
    assert casey.client().get("/participants/register/").status_code == 403


def test_someone_with_their_own_login_is_not_sent_a_link(alex, sam, harbor) -> None:
    with scope(organization=harbor), pytest.raises(ValidationError, match="already has their own login"):
        handover_send(actor=sam.user, participant=alex.membership, email="alex2@example.org")


def test_the_register_page_registers_and_starts_intake_together(pat, harbor) -> None:
    client = pat.client()
    response = client.post(
        "/participants/register/",
        {"display_name": "Sol", "email": "", "language": "en", "start_intake": "on"},
    )
    with scope(organization=harbor):
        participant = Membership.objects.get(user__display_name="Sol")
    assert response["Location"] == f"/participants/{participant.pk}/intake/"
    page = client.get("/participants/register/").content.decode()
    assert "Sol" in page
    assert "No login yet." in page
    with scope(organization=harbor):
        assert AuditEvent.objects.filter(action="participant.list", subject=participant).exists()


def test_the_register_page_explains_bad_input_and_creates_nothing(pat, alex) -> None:
    users_before = User.objects.count()
    response = pat.client().post(
        "/participants/register/", {"display_name": "", "email": "alex@example.org", "language": "en"}
    )
    assert response.status_code == 400
    assert "Nobody was registered yet" in response.content.decode()
    assert User.objects.count() == users_before


def test_a_walk_in_of_another_organization_cannot_be_sent_a_link(walk_in, outsider) -> None:
    response = outsider.client().post(
        f"/participants/{walk_in.participant.pk}/handover/", {"email": "x@example.org"}
    )
    assert response.status_code == 404


def test_a_peer_cannot_send_a_link_for_someone_they_did_not_register_or_support(walk_in, riley) -> None:
    response = riley.client().post(
        f"/participants/{walk_in.participant.pk}/handover/", {"email": "x@example.org"}
    )
    assert response.status_code == 404


def test_the_login_chosen_works_on_the_login_page(client, walk_in) -> None:
    handover_accept(raw_token=walk_in.raw_token, username="sol", password=PASSWORD)
    response = client.post("/accounts/login/", {"login": "sol", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/").status_code == 200
