from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.dispatch import Signal
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.timezone import now
from django.utils.translation import gettext_lazy as _

from alongside.core.models import OrganizationScoped
from alongside.core.roles import Role
from alongside.core.timezones import is_known_zone


def validate_timezone(value: str) -> None:
    if value and not is_known_zone(value):
        raise ValidationError(_("%(value)s is not a known time zone."), params={"value": value})


# Sent after a person's password was changed (by any path that calls set_password or
# set_unusable_password and saves) or their account was deactivated. Arguments: user, change
# ("password" or "deactivated"). alongside.accounts.signals ends their tokens and sessions.
credentials_changed = Signal()


class User(AbstractUser):
    """One person's login. What they do in an organization is their Membership there."""

    display_name = models.CharField(
        _("display name"),
        max_length=80,
        blank=True,
        help_text=_("The name others see. A pseudonym is fine."),
    )
    timezone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        default="",
        validators=[validate_timezone],
        help_text=_("Empty: the organization's time zone."),
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, blank=True)
    session_generation = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text=_("Raised to sign the person out of every session at once."),
    )

    _password_replaced = False
    _loaded_is_active: bool | None = None

    def __str__(self) -> str:
        return self.display_name or self.username

    @classmethod
    def from_db(cls, db: str | None, field_names: list[str], values: list[object]) -> User:  # type: ignore[override]
        instance = super().from_db(db, field_names, values)
        if "is_active" in field_names:
            instance._loaded_is_active = bool(values[field_names.index("is_active")])
        return instance

    def set_unusable_password(self) -> None:
        super().set_unusable_password()
        self._password_replaced = True

    def save(self, *args: object, **kwargs: object) -> None:
        """Saves, then announces a changed password or a deactivation (`credentials_changed`).

        A password changed through `set_password` (allauth's change and reset, the
        `changepassword` command, walk-in handover) is known by Django's `_password`; a hash
        upgraded at login (`check_password`) clears it first, so it does not count."""
        update_fields = kwargs.get("update_fields")

        def saves(name: str) -> bool:
            return update_fields is None or name in update_fields  # type: ignore[operator]

        existing = self.pk is not None and not self._state.adding
        password_changed = (
            existing and saves("password") and (self._password is not None or self._password_replaced)  # type: ignore[attr-defined]
        )
        deactivated = (
            existing and saves("is_active") and self._loaded_is_active is True and not self.is_active
        )
        super().save(*args, **kwargs)  # type: ignore[arg-type]
        self._password_replaced = False
        if saves("is_active"):
            self._loaded_is_active = self.is_active
        if password_changed:
            credentials_changed.send(sender=User, user=self, change="password")
        if deactivated:
            credentials_changed.send(sender=User, user=self, change="deactivated")

    def _get_session_auth_hash(self, secret: str | None = None) -> str:
        """Django's hash of the password, which ends every session when the password changes;
        mixed with `session_generation` once that has been raised, so that signing someone out
        everywhere needs no change of password (sessions from before it existed still hold)."""
        if not self.session_generation:
            return super()._get_session_auth_hash(secret=secret)  # type: ignore[misc]
        return salted_hmac(
            "alongside.accounts.User.session_auth_hash",
            f"{self.password}:{self.session_generation}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()

    @property
    def shown_name(self) -> str:
        return self.display_name or self.username


class Organization(models.Model):
    """A peer-run organization, recovery community centre or programme host. The unit of scope."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("short name"), unique=True)
    timezone = models.CharField(_("time zone"), max_length=64, default="UTC", validators=[validate_timezone])
    country = models.CharField(
        _("country"), max_length=2, default="US", help_text=_("ISO 3166 code, e.g. US")
    )
    default_language = models.CharField(
        _("default language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    self_signup = models.BooleanField(
        _("open sign-up"),
        default=False,
        help_text=_("Anyone may sign up as a participant without an invitation."),
    )
    mfa_required_roles = models.JSONField(
        _("roles that must use two-factor authentication"), default=list, blank=True
    )
    deletion_grace_days = models.PositiveSmallIntegerField(
        _("days before a deletion request is carried out"),
        default=14,
        help_text=_("A participant can cancel their deletion request during this time. 0 erases at once."),
    )
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=now)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def requires_mfa_for(self, role: str) -> bool:
        return role in (self.mfa_required_roles or [])


class Programme(OrganizationScoped):
    """A programme inside an organization (e.g. hospital discharge, re-entry, family support)."""

    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["organization", "name"], name="programme_name_unique")]

    def __str__(self) -> str:
        return self.name


class Membership(OrganizationScoped):
    """A person's role in one organization. A participant's records hang off this row."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    programme = models.ForeignKey(
        Programme, null=True, blank=True, on_delete=models.SET_NULL, related_name="memberships"
    )
    is_active = models.BooleanField(_("active"), default=True)
    joined_at = models.DateTimeField(default=now)

    class Meta:
        ordering = ["user__username"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="one_membership_per_organization")
        ]
        indexes = [models.Index(fields=["organization", "role", "is_active"])]

    def __str__(self) -> str:
        return f"{self.user.shown_name} ({self.get_role_display()})"

    _loaded_is_active: bool | None = None

    @classmethod
    def from_db(cls, db: str | None, field_names: list[str], values: list[object]) -> Membership:  # type: ignore[override]
        instance = super().from_db(db, field_names, values)
        if "is_active" in field_names:
            instance._loaded_is_active = bool(values[field_names.index("is_active")])
        return instance

    @property
    def name(self) -> str:
        return self.user.shown_name

    @property
    def preferred_language(self) -> str:
        """The language to write to this person in: their own choice, else the organization's."""
        return self.user.language or self.organization.default_language or "en"


class Invitation(OrganizationScoped):
    """An emailed link that adds someone to an organization with a role. Only its hash is kept."""

    email = models.EmailField(_("email"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    programme = models.ForeignKey(
        Programme, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} → {self.organization_id} ({self.role})"

    @property
    def status(self) -> str:
        if self.accepted_at:
            return "accepted"
        if self.revoked_at:
            return "revoked"
        if self.expires_at <= timezone.now():
            return "expired"
        return "pending"


class DeletionRequest(models.Model):
    """A person's request to erase their account and everything held about them.

    Carried out by the erasure job once `erase_after` has passed (the organization's grace
    period), unless cancelled. The audit trail is kept; the email address is kept here only to
    confirm the erasure, then blanked."""

    user = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="deletion_requests")
    username = models.CharField(max_length=150)
    email = models.EmailField(blank=True)
    requested_at = models.DateTimeField(default=now)
    erase_after = models.DateTimeField()
    cancelled_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"deletion of {self.username} after {self.erase_after:%Y-%m-%d}"

    @property
    def is_pending(self) -> bool:
        return self.cancelled_at is None and self.completed_at is None
