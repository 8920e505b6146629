from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from alongside.matching.models import MatchingSettings
from alongside.participants.models import (
    AGE_BANDS,
    GENDERS,
    MEETING_FORMATS,
    SPOKEN_LANGUAGES,
    ExperienceArea,
)
from alongside.participants.services.intake import AVAILABILITY_SLOTS


class PeerProfileForm(forms.Form):
    accepting_new = forms.BooleanField(label=_("I'm open to new participants"), required=False)
    capacity = forms.IntegerField(
        label=_("How many people can you walk alongside at once?"),
        min_value=0,
        max_value=60,
        help_text=_("Between 0 and 60. Your supervisor may also adjust it."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you can offer support in"),
        choices=[
            (code, f"{label} ({own})" if str(label) != own else own) for code, label, own in SPOKEN_LANGUAGES
        ],
        widget=forms.CheckboxSelectMultiple,
    )
    gender = forms.ChoiceField(
        label=_("Your gender"), choices=[("", _("Prefer not to say")), *GENDERS], required=False
    )
    age_band = forms.ChoiceField(
        label=_("Your age"), choices=[("", _("Prefer not to say")), *AGE_BANDS], required=False
    )
    experience_ids = forms.TypedMultipleChoiceField(
        label=_("Lived experience you are willing to share"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    meeting_formats = forms.MultipleChoiceField(
        label=_("Ways you can meet"),
        choices=MEETING_FORMATS,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    availability = forms.MultipleChoiceField(
        label=_("When you are usually free"), choices=[(s, s) for s in AVAILABILITY_SLOTS], required=False
    )

    def __init__(self, *args: Any, areas: list[ExperienceArea], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["experience_ids"].choices = [(a.pk, a.display_label) for a in areas]  # type: ignore[attr-defined]


class CapacityForm(forms.Form):
    capacity = forms.IntegerField(label=_("Capacity"), min_value=0, max_value=60)


class MatchingSettingsForm(forms.ModelForm):
    class Meta:
        model = MatchingSettings
        fields = list(MatchingSettings.WEIGHT_FIELDS)


class ChooseForm(forms.Form):
    peer = forms.IntegerField(widget=forms.HiddenInput)


class ChangePeerForm(forms.Form):
    peer = forms.TypedChoiceField(label=_("Peer supporter"), coerce=int, widget=forms.RadioSelect)

    def __init__(self, *args: Any, choices: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["peer"].choices = choices  # type: ignore[attr-defined]


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Why not? (optional)"),
        help_text=_("Only supervisors see this. The participant is not told your reason."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )


class RematchForm(forms.Form):
    reason = forms.CharField(
        label=_("What would help? (optional)"),
        help_text=_("Only your coordinator and the organization's admins can read this."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        required=False,
    )
    exclude_peer = forms.BooleanField(label=_("Please don't match us again"), required=False, initial=True)
