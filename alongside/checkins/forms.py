from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from alongside.checkins.models import CheckIn


class CheckInForm(forms.Form):
    mood = forms.TypedChoiceField(
        label=_("How are you feeling today?"),
        choices=CheckIn.MOOD_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    wants_to_talk = forms.BooleanField(label=_("I'd like to talk to my peer supporter"), required=False)
    note = forms.CharField(
        label=_("Anything you want to note? (private, encrypted)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
