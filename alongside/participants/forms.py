"""Forms for intake (one per step), walk-in registration, account handover and the taxonomy.

Forms parse and give friendly messages; the services check every rule again.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from alongside.accounts.forms import TimeZoneField
from alongside.participants.models import (
    AGE_BANDS,
    GENDERS,
    MEETING_FORMATS,
    SPOKEN_LANGUAGES,
    ExperienceArea,
    ParticipantProfile,
)
from alongside.participants.services.intake import AVAILABILITY_SLOTS, HOPES_MAX, IntakeAnswers


class IntakeStepForm(forms.Form):
    """A wizard step. `answers()` turns the cleaned data into the service's answers."""

    def answers(self) -> IntakeAnswers:
        return {name: self.cleaned_data[name] for name in self.fields}  # type: ignore[return-value]


class ConsentForm(IntakeStepForm):
    consent = forms.BooleanField(
        label=_("I have read how my information is used, and I agree"),
        error_messages={"required": _("Please tick the box to agree, so that we can keep your answers.")},
    )

    def __init__(self, *args: Any, on_behalf_of: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if on_behalf_of:
            self.fields["consent"].label = _(
                "%(name)s has heard how their information is used, and agrees"
            ) % {"name": on_behalf_of}


class AboutForm(IntakeStepForm):
    focus = forms.ChoiceField(
        label=_("What brings you to peer support?"),
        choices=ParticipantProfile.Focus.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    languages = forms.MultipleChoiceField(
        label=_("Which languages would you like to speak with your peer?"),
        choices=[(code, label) for code, label, _own in SPOKEN_LANGUAGES],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    age_band = forms.ChoiceField(
        label=_("Your age"),
        choices=[("", _("Prefer not to say")), *AGE_BANDS],
        required=False,
    )
    gender = forms.ChoiceField(
        label=_("Your gender"),
        choices=[("", _("Prefer not to say")), *GENDERS],
        widget=forms.RadioSelect,
        required=False,
    )


class ExperiencesForm(IntakeStepForm):
    experience_ids = forms.TypedMultipleChoiceField(
        label=_("Which of these have you lived through, or are living with now?"),
        help_text=_("Choose any that fit. You decide how much to share; you can change this later."),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args: Any, areas: list[ExperienceArea], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["experience_ids"].choices = [  # type: ignore[attr-defined]
            (
                area.pk,
                area.display_label
                if area.is_active
                else _("%(area)s (no longer offered)") % {"area": area.display_label},
            )
            for area in areas
        ]


class PeerForm(IntakeStepForm):
    priority_experience_ids = forms.TypedMultipleChoiceField(
        label=_("Which of your experiences matter most for your peer to share?"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    peer_gender = forms.ChoiceField(
        label=_("Would you prefer a peer supporter of a particular gender?"),
        choices=[("", _("No preference")), *GENDERS],
        widget=forms.RadioSelect,
        required=False,
    )
    peer_age_bands = forms.MultipleChoiceField(
        label=_("Would you prefer a peer supporter of a particular age?"),
        help_text=_("Leave all unticked if age doesn't matter to you."),
        choices=AGE_BANDS,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args: Any, experiences: list[ExperienceArea], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["priority_experience_ids"].choices = [  # type: ignore[attr-defined]
            (area.pk, area.display_label) for area in experiences
        ]


class MeetingForm(IntakeStepForm):
    meeting_formats = forms.MultipleChoiceField(
        label=_("How would you like to meet your peer?"),
        choices=MEETING_FORMATS,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    availability = forms.MultipleChoiceField(
        label=_("When are you usually free?"),
        choices=[(slot, slot) for slot in AVAILABILITY_SLOTS],
        required=False,
    )
    timezone = TimeZoneField(
        label=_("Your time zone"),
        help_text=_("The times above are in this time zone."),
    )


class RecoveryForm(IntakeStepForm):
    recovery_start = forms.DateField(
        label=_("When did your recovery start? (optional)"),
        help_text=_(
            "Any date that means something to you: your last use, your first meeting, the day you "
            "asked for help. We count the days with you from there. Leave it empty if you prefer."
        ),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter a date, like 2024-03-15.")},
    )
    tracks_medication = forms.BooleanField(
        label=_("I'd like to keep track of my medication in my daily check-in"),
        required=False,
    )


class HopesForm(IntakeStepForm):
    hopes = forms.CharField(
        label=_("What do you hope for from peer support?"),
        help_text=_(
            "In your own words, as much or as little as you like. It is encrypted, and shared only "
            "with your peer supporter and the coordinators who match you."
        ),
        max_length=HOPES_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


STEP_FORMS: dict[str, type[IntakeStepForm]] = {
    "consent": ConsentForm,
    "about": AboutForm,
    "experiences": ExperiencesForm,
    "peer": PeerForm,
    "meeting": MeetingForm,
    "recovery": RecoveryForm,
    "hopes": HopesForm,
}


class ParticipantRegisterForm(forms.Form):
    display_name = forms.CharField(
        label=_("Name or pseudonym"),
        help_text=_("The name they want others to see. It doesn't have to be their legal name."),
        max_length=80,
    )
    email = forms.EmailField(
        label=_("Email address (optional)"),
        help_text=_(
            "We'll email them a link to choose their own username and password. Without an email, "
            "you can send the link later."
        ),
        required=False,
    )
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    start_intake = forms.BooleanField(
        label=_("Start the intake questions together now"), required=False, initial=True
    )


class HandoverSendForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))


class HandoverAcceptForm(forms.Form):
    username = forms.CharField(
        label=_("Choose a username"),
        help_text=_("You'll use it to log in. Letters, numbers and @ . + - _ only."),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    password1 = forms.CharField(
        label=_("Choose a password"),
        help_text=_("At least 10 characters. A few unrelated words work well."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        strip=False,
    )
    password2 = forms.CharField(
        label=_("Type the password again"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        strip=False,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password1") and data.get("password2") and data["password1"] != data["password2"]:
            self.add_error("password2", _("The two passwords don't match."))
        return data


class ExperienceAreaAddForm(forms.Form):
    label = forms.CharField(label=_("Name of the new area"), max_length=80)


class ExperienceAreaUpdateForm(forms.Form):
    label = forms.CharField(label=_("Name"), max_length=80)
    is_active = forms.BooleanField(label=_("Offered at intake"), required=False)


def add_service_errors(form: forms.Form, exc: ValidationError) -> None:
    """Puts a service's ValidationError on the form: on the field it names, else on the form."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)
