from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from alongside.accounts.models import Invitation, Membership, Organization, Programme, User
from alongside.core.roles import Role
from alongside.core.timezones import known_zones, zone_label

TIMEZONE_CHOICES = [(name, zone_label(name)) for name in sorted(known_zones())]
INVITATION_SESSION_KEY = "pending_invitation_token"


class TimeZoneField(forms.ChoiceField):
    """A person's own time zone, chosen from every zone this server knows. With `unset_label`
    it may be left unset (the first choice), and the organization's zone then applies. With
    `from_device` the page fills in the device's own zone (`alongside.js`, from the browser's
    `Intl` zone) while nothing is chosen; the person sees it and may change it. Without
    JavaScript it stays as the server rendered it."""

    default_error_messages = {
        "invalid_choice": _("“%(value)s” is not a time zone we know. Choose yours from the list."),
    }

    def __init__(self, *, unset_label: Any = None, from_device: bool = False, **kwargs: Any) -> None:
        choices = ([("", unset_label)] if unset_label is not None else []) + TIMEZONE_CHOICES
        super().__init__(choices=choices, required=unset_label is None, **kwargs)
        if from_device:
            self.widget.attrs["data-device-zone"] = "fill"


class SignupDetailsForm(forms.Form):
    """Extra sign-up fields (allauth's ACCOUNT_SIGNUP_FORM_CLASS): a display name, which may be
    a pseudonym, and the organization to join when there is no invitation."""

    display_name = forms.CharField(
        label=_("Name others will see"),
        max_length=80,
        required=False,
        help_text=_("Your first name, a nickname or a pseudonym. You can change it later."),
    )
    organization = forms.ModelChoiceField(
        label=_("Organization"),
        queryset=Organization.objects.filter(is_active=True, self_signup=True),
        required=False,
        empty_label=None,
        help_text=_("The organization you are joining. Staff join by invitation link instead."),
    )
    timezone = TimeZoneField(
        label=_("Your time zone"),
        unset_label=_("The organization's time zone"),
        from_device=True,
        help_text=_("Times are shown in this zone. You can change it later under My account."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.is_bound:  # shown again with an error: keep what the person sent
            self.fields["timezone"].widget.attrs.pop("data-device-zone", None)

    def signup(self, request: HttpRequest, user: User) -> None:
        from alongside.accounts.services import InvitationError, invitation_accept, membership_create

        user.display_name = self.cleaned_data.get("display_name", "").strip()
        user.language = getattr(request, "LANGUAGE_CODE", "") or ""
        user.timezone = self.cleaned_data.get("timezone", "")
        user.save(update_fields=["display_name", "language", "timezone"])
        token = request.session.pop(INVITATION_SESSION_KEY, None)
        if token:
            try:
                invitation_accept(raw_token=token, user=user)
            except InvitationError as exc:
                messages.error(request, exc.messages[0])
            return
        organization = self.cleaned_data.get("organization")
        if organization is not None:
            membership_create(organization=organization, user=user, role=Role.PARTICIPANT)


class PreferencesForm(forms.Form):
    display_name = forms.CharField(label=_("Name others will see"), max_length=80, required=False)
    timezone = TimeZoneField(label=_("Time zone"), unset_label=_("The organization's time zone"))
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)

    def __init__(self, *args: Any, organization_zone: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if organization_zone:
            field = self.fields["timezone"]
            assert isinstance(field, forms.ChoiceField)
            field.choices = [
                ("", _("The organization's time zone (%(zone)s)") % {"zone": zone_label(organization_zone)}),
                *TIMEZONE_CHOICES,
            ]


class OrganizationSettingsForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    timezone = forms.ChoiceField(label=_("Time zone"), choices=TIMEZONE_CHOICES)
    country = forms.CharField(
        label=_("Country"), min_length=2, max_length=2, help_text=_("Two-letter code, e.g. US, CA, GB, AU.")
    )
    default_language = forms.ChoiceField(label=_("Default language"), choices=settings.LANGUAGES)
    self_signup = forms.BooleanField(
        label=_("Anyone may sign up as a participant without an invitation"), required=False
    )
    deletion_grace_days = forms.IntegerField(
        label=_("Days before a participant's deletion request is carried out"),
        min_value=0,
        max_value=365,
        help_text=_("They can cancel during this time. 0 erases at once."),
    )
    mfa_required_roles = forms.MultipleChoiceField(
        label=_("Roles that must use two-factor authentication"),
        choices=Role.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean_country(self) -> str:
        country = self.cleaned_data["country"].strip().upper()
        if not country.isalpha():
            raise forms.ValidationError(_("Use a two-letter country code, e.g. US."))
        return country


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    programme: forms.ModelChoiceField[Programme] = forms.ModelChoiceField(
        label=_("Programme"), queryset=Programme.objects.none(), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = Programme.objects.filter(is_active=True)  # type: ignore[attr-defined]

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if Membership.objects.filter(user__email__iexact=email).exists():
            raise forms.ValidationError(_("Someone with this email is already a member."))
        if Invitation.objects.filter(email=email, accepted_at__isnull=True, revoked_at__isnull=True).exists():
            raise forms.ValidationError(
                _("An invitation to this email is already waiting. Withdraw it first.")
            )
        return email


class MembershipForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    programme: forms.ModelChoiceField[Programme] = forms.ModelChoiceField(
        label=_("Programme"), queryset=Programme.objects.none(), required=False
    )
    is_active = forms.BooleanField(label=_("Active"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = Programme.objects.all()  # type: ignore[attr-defined]


class ProgrammeForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
