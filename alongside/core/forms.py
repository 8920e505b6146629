from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from alongside.accounts.models import Membership, User
from alongside.core.roles import Role


class AuditFilterForm(forms.Form):
    action = forms.CharField(label=_("Action starts with"), required=False, max_length=64)
    actor: forms.ModelChoiceField[User] = forms.ModelChoiceField(
        label=_("Who"), queryset=User.objects.none(), required=False
    )
    participant: forms.ModelChoiceField[Membership] = forms.ModelChoiceField(
        label=_("Whose data"), queryset=Membership.objects.none(), required=False
    )
    since = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: Any, organization: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        members = Membership.objects.select_related("user")
        self.fields["actor"].queryset = User.objects.filter(  # type: ignore[attr-defined]
            pk__in=members.values("user_id")
        ).order_by("username")
        self.fields["participant"].queryset = members.filter(role=Role.PARTICIPANT)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            raise forms.ValidationError(_("The start date is after the end date."))
        return data
