from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alongside.accounts.models import Membership
from alongside.core.roles import Role
from alongside.safety.escalation.models import Debrief, IncidentEvent

OUTCOME_CHOICES = [
    ("safe_with_plan", _("Safe for now, with a plan")),
    ("connected_to_care", _("Connected with care or treatment")),
    ("emergency_services", _("Emergency services were called")),
    ("no_contact", _("Could not reach them; handed on")),
    ("false_alarm", _("False alarm: not a crisis")),
    ("other", _("Other")),
]


class RecordForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What happened"),
        choices=[
            (IncidentEvent.Kind.CONTACTED, _("I made contact")),
            (IncidentEvent.Kind.NOTE, _("A note")),
            (IncidentEvent.Kind.FOLLOW_UP, _("A follow-up is planned")),
        ],
    )
    detail = forms.CharField(
        label=_("Details"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )
    follow_up_on = forms.DateField(
        label=_("Follow-up date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(label=_("How it ended"), choices=OUTCOME_CHOICES, widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Note"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class MemberChoiceField(forms.ModelChoiceField[Membership]):
    def label_from_instance(self, obj: Membership) -> str:
        return f"{obj.user.shown_name} ({obj.get_role_display()})"


class ShiftForm(forms.Form):
    member: forms.ModelChoiceField[Membership] = MemberChoiceField(
        label=_("Who"), queryset=Membership.objects.none()
    )
    day = forms.DateField(label=_("Starting on"), widget=forms.DateInput(attrs={"type": "date"}))
    start = forms.TimeField(label=_("From"), widget=forms.TimeInput(attrs={"type": "time"}))
    hours = forms.IntegerField(label=_("For how many hours"), min_value=1, max_value=168, initial=12)
    tier = forms.IntegerField(
        label=_("Order"),
        min_value=1,
        max_value=9,
        initial=1,
        help_text=_("1 is alerted first; 2 if nobody answers in time; and so on."),
    )
    repeat_weeks = forms.IntegerField(
        label=_("Repeat the same hours each week for"),
        min_value=0,
        max_value=52,
        initial=0,
        help_text=_("Number of further weeks (0 for once)."),
    )

    def __init__(self, *args: Any, zone: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.zone = zone
        field = self.fields["member"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = (
            Membership.objects.filter(role__in=[Role.PEER, Role.SUPERVISOR, Role.ADMIN], is_active=True)
            .select_related("user")
            .order_by("user__display_name", "user__username")
        )
        if not self.is_bound:
            self.fields["day"].initial = timezone.localdate()

    def window(self) -> tuple[datetime, datetime]:
        """Start and end as aware datetimes in the organization's time zone (shown on the page)."""
        data = self.cleaned_data
        start = datetime.combine(data["day"], data["start"] or time(0), tzinfo=self.zone)
        return start, start + timedelta(hours=data["hours"])


class EscalationSettingsForm(forms.Form):
    acknowledge_within_minutes = forms.IntegerField(
        label=_("Minutes to acknowledge an urgent alert"),
        min_value=1,
        max_value=60,
        help_text=_(
            "If nobody acknowledges in time, the alert goes to the next person on call, then to the admins."
        ),
    )


class DebriefForm(forms.ModelForm):
    class Meta:
        model = Debrief
        fields = ["reflection", "support_wanted"]
        widgets = {"reflection": forms.Textarea(attrs={"rows": 5})}
