"""Forms for safety plans and crisis lines. They check the shape of the input; the services
hold the rules, and their errors are shown on these forms."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from alongside.safety.models import CrisisLine, Entry, Section
from alongside.safety.selectors import SectionView
from alongside.safety.services import ENTRIES_MAX, ENTRY_MAX, LABEL_MAX, LINK_DAYS, PHONE_MAX

BLANK_ROWS = 3
TOO_LONG = _("Please keep this to %(limit_value)s characters or fewer (it has %(show_value)s).")


class SectionForm(forms.Form):
    """One part of the plan: a row per line (with a phone number for people and services), plus
    a few blank rows to add more. Blank rows are ignored; clearing a row removes that line."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, section: SectionView, version: int, **kwargs: Any) -> None:
        data: QueryDict | None = args[0] if args else kwargs.get("data")
        super().__init__(*args, **kwargs)
        self.section = section
        self.fields["version"].initial = version
        posted = sum(1 for key in data if key.startswith("text_")) if data is not None else 0
        rows = min(max(len(section.entries) + BLANK_ROWS, posted), ENTRIES_MAX + BLANK_ROWS)
        for index in range(rows):
            entry = section.entries[index] if index < len(section.entries) else Entry(text="")
            self.fields[f"text_{index}"] = forms.CharField(
                label=_("Line %(number)s") % {"number": index + 1},
                required=False,
                initial=entry.text,
                max_length=ENTRY_MAX,
                error_messages={"max_length": TOO_LONG},
                widget=forms.TextInput(attrs={"maxlength": ENTRY_MAX, "autocomplete": "off"}),
            )
            if section.takes_phone:
                self.fields[f"phone_{index}"] = forms.CharField(
                    label=_("Phone for line %(number)s (optional)") % {"number": index + 1},
                    required=False,
                    initial=entry.phone,
                    max_length=PHONE_MAX,
                    error_messages={"max_length": TOO_LONG},
                    widget=forms.TextInput(
                        attrs={"type": "tel", "maxlength": PHONE_MAX, "autocomplete": "off"}
                    ),
                )

    def rows(self) -> list[tuple[forms.BoundField, forms.BoundField | None]]:
        count = sum(1 for name in self.fields if name.startswith("text_"))
        return [
            (self[f"text_{index}"], self[f"phone_{index}"] if self.section.takes_phone else None)
            for index in range(count)
        ]

    def entries(self) -> list[Entry]:
        count = sum(1 for name in self.fields if name.startswith("text_"))
        return [
            Entry(
                text=self.cleaned_data.get(f"text_{index}", ""),
                phone=self.cleaned_data.get(f"phone_{index}", "") if self.section.takes_phone else "",
            )
            for index in range(count)
        ]


class SuggestionForm(forms.Form):
    section = forms.ChoiceField(label=_("Part of the plan"), choices=Section.choices)
    text = forms.CharField(
        label=_("Your suggestion"),
        max_length=ENTRY_MAX,
        error_messages={"required": _("Write your suggestion first."), "max_length": TOO_LONG},
        widget=forms.TextInput(attrs={"maxlength": ENTRY_MAX}),
    )
    phone = forms.CharField(
        label=_("Phone number (optional)"),
        required=False,
        max_length=PHONE_MAX,
        help_text=_("For a person or service to call."),
        widget=forms.TextInput(attrs={"type": "tel", "maxlength": PHONE_MAX}),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Your decision"), choices=[("accept", _("Add to my plan")), ("dismiss", _("No thanks"))]
    )

    @property
    def accepted(self) -> bool:
        return self.cleaned_data["decision"] == "accept"


def link_days_choices() -> list[tuple[int, Any]]:
    labels = {1: _("1 day"), 7: _("1 week"), 30: _("30 days"), 90: _("90 days")}
    return [(days, labels[days]) for days in LINK_DAYS]


class LinkForm(forms.Form):
    label = forms.CharField(
        label=_("Who is it for?"),
        max_length=LABEL_MAX,
        help_text=_("Only you see this, for example “My sister Dana”."),
        error_messages={"required": _("Say who the link is for, so you can recognise it later.")},
    )
    days = forms.TypedChoiceField(
        label=_("The link works for"), choices=link_days_choices, coerce=int, initial=30
    )


class CrisisLineForm(forms.ModelForm):
    chat_url = forms.URLField(
        label=_("Chat or web address"),
        required=False,
        max_length=300,
        assume_scheme="https",
        help_text=_("A web chat or the line's website, starting with https://."),
    )

    class Meta:
        model = CrisisLine
        fields = [
            "name",
            "kind",
            "phone",
            "sms",
            "sms_keyword",
            "chat_url",
            "hours",
            "description",
            "languages",
            "country",
            "position",
            "is_active",
            "checked_on",
        ]
        widgets = {
            "phone": forms.TextInput(attrs={"type": "tel"}),
            "sms": forms.TextInput(attrs={"type": "tel"}),
            "description": forms.Textarea(attrs={"rows": 3}),
            "checked_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "kind": _("Choose “Our organization” for your own warm line or contact: it is shown as yours."),
            "sms_keyword": _("For a line you reach by texting a word, for example HOME."),
            "country": _("Two letters, for example US."),
            "position": _("Lines are shown from the lowest number up."),
            "is_active": _("Untick to hide the line without deleting it."),
        }
