"""Walk-ins: staff register a participant in person, and hand the account over to them.

A walk-in's account is created with no usable password. When there is an email address, an
emailed one-time link (a ParticipantHandover) lets the person choose a username and password
for that same account, which keeps the membership, profile and intake answers already made.
An organization invitation cannot do this: accepting one creates a new membership.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_scopes import scope, scopes_disabled

from alongside.accounts.models import Membership, User
from alongside.accounts.services import membership_create
from alongside.core.audit import audit_record
from alongside.core.crypto import secret_digest
from alongside.core.roles import Role
from alongside.participants.models import ParticipantHandover, ParticipantProfile

HANDOVER_DAYS = 7
REGISTERING_ROLES = frozenset({Role.PEER, Role.SUPERVISOR, Role.ADMIN})
NAME_MAX = 80


class HandoverError(ValidationError):
    """A handover link that cannot be used, with a plain reason."""


@dataclass(frozen=True)
class Registration:
    participant: Membership
    handover: ParticipantHandover | None
    # The link's secret, returned once for the email (and tests); never stored.
    raw_token: str | None


handover_digest = secret_digest


def handover_url(raw_token: str) -> str:
    return settings.SITE_URL + reverse("participant_handover_accept", args=[raw_token])


def _clean_email(email: str, *, user: User | None = None) -> str:
    email = (email or "").strip().lower()
    if not email:
        return ""
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError({"email": _("Enter an email address like name@example.org.")}) from None
    others = User.objects.filter(email__iexact=email)
    addresses = EmailAddress.objects.filter(email__iexact=email)
    if user is not None:
        others = others.exclude(pk=user.pk)
        addresses = addresses.exclude(user=user)
    if others.exists() or addresses.exists():
        raise ValidationError(
            {
                "email": _(
                    "Someone already has an account with this email. If it is them, ask an organization "
                    "admin to invite them instead."
                )
            }
        )
    return email


def _placeholder_username() -> str:
    # The person chooses their own username when they take the account over.
    while True:
        candidate = f"walk-in-{secrets.token_hex(4)}"
        if not User.objects.filter(username=candidate).exists():
            return candidate


@transaction.atomic
def participant_register(
    *, actor: Membership, display_name: str, email: str = "", language: str
) -> Registration:
    """A peer supporter, supervisor or admin registers a participant in person.

    Creates a login with no usable password and a participant membership in the actor's
    organization, with an empty profile that records who registered them (that person may then
    help with intake until it is finished). With an email address, a handover link is emailed
    after commit. Audited as participant.register (and handover.create).
    """
    if actor.role not in REGISTERING_ROLES or not actor.is_active:
        raise ValidationError(_("Only peer supporters, supervisors and admins register participants."))
    errors: dict[str, list[str]] = {}
    name = " ".join((display_name or "").split())
    if not name:
        errors["display_name"] = [_("Enter a name or a pseudonym, the one they want others to see.")]
    elif len(name) > NAME_MAX:
        errors["display_name"] = [_("Keep the name to %(max)d characters or fewer.") % {"max": NAME_MAX}]
    if language not in dict(settings.LANGUAGES):
        errors["language"] = [_("Choose one of the languages offered.")]
    try:
        clean_email = _clean_email(email)
    except ValidationError as exc:
        errors.update(exc.message_dict)
        clean_email = ""
    if errors:
        raise ValidationError(errors)
    organization = actor.organization
    user = User(
        username=_placeholder_username(),
        email=clean_email,
        display_name=name,
        language=language,  # no time zone of their own yet: the organization's applies
    )
    user.set_unusable_password()
    user.save()
    participant = membership_create(organization=organization, user=user, role=Role.PARTICIPANT)
    with scope(organization=organization):
        ParticipantProfile.objects.create(
            organization=organization, participant=participant, registered_by=actor.user
        )
        audit_record(
            action="participant.register",
            actor=actor.user,
            organization=organization,
            subject=participant,
            obj=participant,
        )
        handover, raw_token = None, None
        if clean_email:
            handover, raw_token = _handover_issue(
                actor=actor.user, participant=participant, email=clean_email
            )
    return Registration(participant=participant, handover=handover, raw_token=raw_token)


def _handover_issue(*, actor: User, participant: Membership, email: str) -> tuple[ParticipantHandover, str]:
    now = timezone.now()
    ParticipantHandover.objects.filter(
        participant=participant, used_at__isnull=True, revoked_at__isnull=True
    ).update(revoked_at=now)
    raw_token = secrets.token_urlsafe(32)
    handover = ParticipantHandover.objects.create(
        organization_id=participant.organization_id,
        participant=participant,
        email=email,
        token_hash=handover_digest(raw_token),
        created_by=actor,
        expires_at=now + timedelta(days=HANDOVER_DAYS),
    )
    audit_record(
        action="handover.create",
        actor=actor,
        organization=participant.organization,
        subject=participant,
        obj=handover,
    )
    link = handover_url(raw_token)
    organization = participant.organization
    language = participant.user.language or organization.default_language
    sender = actor.shown_name

    def send() -> None:
        with translation.override(language):
            body = render_to_string(
                "participants/email/handover.txt",
                {
                    "organization": organization,
                    "name": participant.user.shown_name,
                    "sender": sender,
                    "link": link,
                    "days": HANDOVER_DAYS,
                },
            )
            send_mail(
                _("Your account with %(org)s on Alongside is ready") % {"org": organization.name},
                body,
                None,
                [email],
            )

    transaction.on_commit(send)
    return handover, raw_token


@transaction.atomic
def handover_send(*, actor: User, participant: Membership, email: str) -> tuple[ParticipantHandover, str]:
    """Emails a (new) handover link to a walk-in who has not taken over their account yet, for
    example one registered without an email, or whose link expired. Older links stop working.
    The caller checks that the actor may see this participant. Audited as handover.create."""
    if participant.role != Role.PARTICIPANT or not participant.is_active:
        raise ValidationError(_("Only active participants can be sent a link."))
    user = participant.user
    if user.has_usable_password():
        raise ValidationError(
            _("%(name)s already has their own login. They can reset their password from the login page.")
            % {"name": user.shown_name}
        )
    clean_email = _clean_email(email, user=user)
    if not clean_email:
        raise ValidationError({"email": _("Enter the email address to send the link to.")})
    if user.email != clean_email:
        user.email = clean_email
        user.save(update_fields=["email"])
    return _handover_issue(actor=actor, participant=participant, email=clean_email)


def handover_lookup(raw_token: str) -> ParticipantHandover:
    """The handover for a raw token, or HandoverError saying plainly why it cannot be used."""
    with scopes_disabled():
        handover = (
            ParticipantHandover.objects.select_related("participant__user", "participant__organization")
            .filter(token_hash=handover_digest(raw_token))
            .first()
        )
    if handover is None:
        raise HandoverError(_("This link is not valid. Ask the person who registered you for a new one."))
    if handover.used_at is not None:
        raise HandoverError(
            _("This link has already been used. Log in with the username and password you chose.")
        )
    if handover.revoked_at is not None:
        raise HandoverError(_("A newer link was sent after this one. Please use the newest email."))
    if handover.expires_at <= timezone.now():
        raise HandoverError(_("This link has expired. Ask the person who registered you for a new one."))
    if not handover.participant.is_active or not handover.participant.user.is_active:
        raise HandoverError(
            _("This account is no longer active at %(org)s.")
            % {"org": handover.participant.organization.name}
        )
    return handover


def _clean_username(username: str, user: User) -> str:
    username = (username or "").strip()
    if len(username) < 3:
        raise ValidationError(_("Choose a username of at least 3 characters."))
    field = User._meta.get_field("username")
    for validator in field.validators:
        validator(username)
    if User.objects.filter(username__iexact=username).exclude(pk=user.pk).exists():
        raise ValidationError(_("This username is taken. Please choose another."))
    return username


@transaction.atomic
def handover_accept(*, raw_token: str, username: str, password: str) -> User:
    """The person behind a handover link chooses a username and password for the account staff
    registered for them. The link works once. Their email is marked verified (the link reached
    it). Returns the user, ready to be signed in. Audited as handover.accept."""
    handover = handover_lookup(raw_token)
    with scopes_disabled():
        locked = ParticipantHandover.objects.select_for_update().get(pk=handover.pk)
    if locked.used_at is not None:
        raise HandoverError(
            _("This link has already been used. Log in with the username and password you chose.")
        )
    participant = handover.participant
    user = participant.user
    errors: dict[str, list[str]] = {}
    try:
        clean_username = _clean_username(username, user)
    except ValidationError as exc:
        errors["username"] = exc.messages
        clean_username = user.username
    user.username = clean_username
    try:
        validate_password(password, user)
    except ValidationError as exc:
        errors["password"] = exc.messages
    if errors:
        raise ValidationError(errors)
    user.set_password(password)
    user.email = handover.email
    user.save(update_fields=["username", "password", "email"])
    EmailAddress.objects.filter(user=user).exclude(email__iexact=handover.email).update(primary=False)
    EmailAddress.objects.update_or_create(
        user=user, email=handover.email, defaults={"verified": True, "primary": True}
    )
    locked.used_at = timezone.now()
    locked.save(update_fields=["used_at"])
    audit_record(
        action="handover.accept",
        actor=user,
        organization=participant.organization,
        subject=participant,
        obj=locked,
    )
    return user
