from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alongside.conversations.models import ContactType
from alongside.plans.models import Goal, LifeArea


class SessionNoteForm(forms.Form):
    happened_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    duration_minutes = forms.IntegerField(
        label=_("How long (minutes)"), min_value=1, max_value=600, initial=30
    )
    contact_type = forms.ChoiceField(
        label=_("How you met"), choices=ContactType.choices, widget=forms.RadioSelect
    )
    life_areas = forms.MultipleChoiceField(
        label=_("Life areas you talked about"),
        choices=LifeArea.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    goals: forms.ModelMultipleChoiceField[Goal] = forms.ModelMultipleChoiceField(
        label=_("Goals you worked on"),
        queryset=Goal.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    agreed = forms.CharField(
        label=_("What you agreed together"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Write it with them, in words they would use. They will read it."),
    )
    follow_up = forms.CharField(label=_("Follow-up"), required=False, max_length=2000)
    follow_up_due = forms.DateField(
        label=_("Follow-up due"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, participant: Any = None, today: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["goals"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = Goal.objects.filter(plan__participant=participant).order_by("created_at")
        if not self.is_bound:
            self.fields["happened_on"].initial = today or timezone.localdate()


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=_("Your comment"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with this message? (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class BreakGlassForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do you need to read this conversation?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Both people will see that you opened it, when, and why."),
    )


class ResolveForm(forms.Form):
    resolution = forms.CharField(
        label=_("What you did"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
