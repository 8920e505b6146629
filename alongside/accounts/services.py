"""Writes for organizations, memberships and invitations. Keyword-only and transactional."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_scopes import scope, scopes_disabled

from alongside.accounts.models import Invitation, Membership, Organization, Programme, User
from alongside.core.audit import audit_record
from alongside.core.crypto import secret_digest
from alongside.core.roles import Role

INVITATION_DAYS = 7


token_digest = secret_digest


@transaction.atomic
def organization_create(
    *,
    name: str,
    slug: str,
    timezone_name: str = "UTC",
    country: str = "US",
    default_language: str = "en",
    self_signup: bool = False,
) -> Organization:
    organization = Organization(
        name=name,
        slug=slug,
        timezone=timezone_name,
        country=country.upper(),
        default_language=default_language,
        self_signup=self_signup,
    )
    organization.full_clean()
    organization.save()
    from alongside.participants.services import experience_areas_ensure_defaults

    experience_areas_ensure_defaults(organization=organization)
    from alongside.safety.services import crisis_lines_ensure_defaults

    crisis_lines_ensure_defaults(organization=organization)
    return organization


@transaction.atomic
def organization_update_settings(
    *,
    actor: User,
    organization: Organization,
    name: str,
    timezone_name: str,
    country: str,
    default_language: str,
    self_signup: bool,
    mfa_required_roles: list[str],
    deletion_grace_days: int | None = None,
) -> Organization:
    """Admin-only (checked by the caller's access rule). Audited as a settings change."""
    unknown = set(mfa_required_roles) - set(Role.values)
    if unknown:
        raise ValidationError(_("Unknown role: %(roles)s") % {"roles": ", ".join(sorted(unknown))})
    organization.name = name
    organization.timezone = timezone_name
    organization.country = country.upper()
    organization.default_language = default_language
    organization.self_signup = self_signup
    organization.mfa_required_roles = sorted(mfa_required_roles)
    if deletion_grace_days is not None:
        organization.deletion_grace_days = deletion_grace_days
    organization.full_clean()
    organization.save()
    audit_record(
        action="organization.settings.update", actor=actor, organization=organization, obj=organization
    )
    return organization


@transaction.atomic
def programme_create(*, organization: Organization, name: str, description: str = "") -> Programme:
    with scope(organization=organization):
        programme = Programme(organization=organization, name=name, description=description)
        programme.full_clean()
        programme.save()
    return programme


@transaction.atomic
def membership_create(
    *, organization: Organization, user: User, role: str, programme: Programme | None = None
) -> Membership:
    """Adds a person to an organization. One membership per person and organization."""
    if role not in Role.values:
        raise ValidationError(_("Unknown role."))
    with scopes_disabled():
        if Membership.objects.filter(organization=organization, user=user).exists():
            raise ValidationError(
                _("This person is already a member of %(org)s.") % {"org": organization.name}
            )
    membership = Membership.objects.with_scopes_disabled().create(
        organization=organization, user=user, role=role, programme=programme
    )
    return membership


@transaction.atomic
def membership_change(
    *, actor: User, membership: Membership, role: str, is_active: bool, programme: Programme | None
) -> Membership:
    """An admin changes someone's role, programme or active state. Audited. An admin cannot
    demote or deactivate themselves, so an organization never loses its last admin by accident."""
    if role not in Role.values:
        raise ValidationError(_("Unknown role."))
    if membership.user_id == actor.pk and (role != membership.role or not is_active):
        raise ValidationError(_("You cannot change your own role or deactivate yourself."))
    membership.role = role
    membership.is_active = is_active
    membership.programme = programme
    membership.save(update_fields=["role", "is_active", "programme"])
    audit_record(
        action="membership.update",
        actor=actor,
        organization=membership.organization,
        subject=membership if role == Role.PARTICIPANT else None,
        obj=membership,
        reason=f"role={role} active={is_active}",
    )
    return membership


def invitation_url(raw_token: str) -> str:
    return settings.SITE_URL + reverse("invitation_accept", args=[raw_token])


@transaction.atomic
def invitation_create(
    *,
    organization: Organization,
    invited_by: User,
    email: str,
    role: str,
    programme: Programme | None = None,
    days: int = INVITATION_DAYS,
) -> tuple[Invitation, str]:
    """Creates an invitation and emails its link (after commit). Returns it with the raw token,
    which is never stored."""
    if role not in Role.values:
        raise ValidationError(_("Unknown role."))
    raw_token = secrets.token_urlsafe(32)
    invitation = Invitation(
        organization=organization,
        email=email.strip().lower(),
        role=role,
        programme=programme,
        token_hash=token_digest(raw_token),
        invited_by=invited_by,
        expires_at=timezone.now() + timedelta(days=days),
    )
    invitation.full_clean()
    invitation.save()
    audit_record(
        action="invitation.create", actor=invited_by, organization=organization, obj=invitation, reason=role
    )
    link = invitation_url(raw_token)
    language = organization.default_language

    def send() -> None:
        with translation.override(language):
            body = render_to_string(
                "accounts/email/invitation.txt",
                {"organization": organization, "invitation": invitation, "link": link, "days": days},
            )
            send_mail(
                _("You're invited to join %(org)s on Alongside") % {"org": organization.name},
                body,
                None,
                [invitation.email],
            )

    transaction.on_commit(send)
    return invitation, raw_token


class InvitationError(ValidationError):
    pass


def invitation_lookup(raw_token: str) -> Invitation:
    """The invitation for a raw token, or InvitationError saying plainly why it cannot be used."""
    with scopes_disabled():
        invitation = (
            Invitation.objects.select_related("organization", "programme")
            .filter(token_hash=token_digest(raw_token))
            .first()
        )
    if invitation is None:
        raise InvitationError(_("This invitation link is not valid. Ask for a new one."))
    if invitation.accepted_at:
        raise InvitationError(_("This invitation has already been used."))
    if invitation.revoked_at:
        raise InvitationError(_("This invitation was withdrawn. Ask for a new one."))
    if invitation.expires_at <= timezone.now():
        raise InvitationError(_("This invitation has expired. Ask for a new one."))
    return invitation


@transaction.atomic
def invitation_accept(*, raw_token: str, user: User) -> Membership:
    """Turns a valid invitation into a membership for the signed-in user, whose email must be
    the one the invitation was sent to (a forwarded link does not let someone else in)."""
    invitation = invitation_lookup(raw_token)
    if (user.email or "").strip().lower() != invitation.email:
        raise InvitationError(
            _("This invitation was sent to %(email)s. Sign in with that email address to accept it.")
            % {"email": invitation.email}
        )
    with scopes_disabled():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.accepted_at:
            raise InvitationError(_("This invitation has already been used."))
        existing = Membership.objects.filter(organization=invitation.organization, user=user).first()
    if existing is not None:
        raise InvitationError(
            _("You are already a member of %(org)s.") % {"org": invitation.organization.name}
        )
    membership = membership_create(
        organization=invitation.organization, user=user, role=invitation.role, programme=invitation.programme
    )
    locked.accepted_at = timezone.now()
    locked.accepted_by = user
    locked.save(update_fields=["accepted_at", "accepted_by"])
    audit_record(
        action="invitation.accept",
        actor=user,
        organization=invitation.organization,
        subject=membership if membership.role == Role.PARTICIPANT else None,
        obj=locked,
    )
    return membership


@transaction.atomic
def invitation_revoke(*, actor: User, invitation: Invitation) -> Invitation:
    if invitation.accepted_at:
        raise InvitationError(_("This invitation has already been used."))
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    audit_record(
        action="invitation.revoke", actor=actor, organization=invitation.organization, obj=invitation
    )
    return invitation


@transaction.atomic
def user_update_preferences(*, user: User, display_name: str, timezone_name: str, language: str) -> User:
    user.display_name = display_name.strip()
    user.timezone = timezone_name
    user.language = language
    user.full_clean(exclude=["password", "username", "email"])
    user.save(update_fields=["display_name", "timezone", "language"])
    return user


def invitations_expire_old() -> int:
    """Periodic job: nothing to delete (the hash is useless without the link), but invitations
    long past expiry are dropped to keep the table small."""
    cutoff = timezone.now() - timedelta(days=90)
    with scopes_disabled():
        deleted, _counts = Invitation.objects.filter(accepted_at__isnull=True, expires_at__lt=cutoff).delete()
    return deleted
