from __future__ import annotations

from datetime import date, time, timedelta
from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from alongside.checkins.models import CheckIn
from alongside.checkins.services import NOTE_MAX_CHARS, checkin_days_open

if TYPE_CHECKING:
    from alongside.checkins.selectors import Measures

YES_NO = [("yes", _("Yes")), ("no", _("No"))]
CRAVING_CHOICES = [(n, str(n)) for n in range(11)]


def _yes_no(value: str) -> bool:
    return value == "yes"


def _as_yes_no(value: bool | None) -> str | None:
    return None if value is None else "yes" if value else "no"


class CheckInForm(forms.Form):
    """The daily check-in. Mood is the only required answer; the questions about cravings, use
    and medication are included only for participants they apply to."""

    day = forms.TypedChoiceField(
        label=_("Which day is this check-in for?"),
        coerce=date.fromisoformat,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": _("You can check in for today or up to 3 days back.")},
    )
    mood = forms.TypedChoiceField(
        label=_("How are you feeling today?"),
        choices=CheckIn.MOOD_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    sleep_quality = forms.TypedChoiceField(
        label=_("How did you sleep?"),
        choices=CheckIn.SLEEP_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    cravings = forms.TypedChoiceField(
        label=_("Cravings right now, from 0 (none) to 10 (strongest)"),
        choices=CRAVING_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    used = forms.TypedChoiceField(
        label=_("Did you use today?"),
        help_text=_("An honest answer helps your peer supporter support you. No judgement here."),
        choices=YES_NO,
        coerce=_yes_no,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    took_medication = forms.TypedChoiceField(
        label=_("Did you take your medication today?"),
        choices=YES_NO,
        coerce=_yes_no,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    wants_to_talk = forms.BooleanField(label=_("I'd like to talk to my peer supporter"), required=False)
    note = forms.CharField(
        label=_("Anything you want to note? (private, encrypted)"),
        required=False,
        max_length=NOTE_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "max_length": _(
                "A journal note can be up to %(limit_value)s characters; this one has %(show_value)s."
            )
        },
    )

    def __init__(
        self,
        *args: Any,
        measures: Measures | None = None,
        today: date | None = None,
        with_day: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.asks_substance_use = bool(measures and measures.substance_use)
        self.asks_medication = bool(measures and measures.medication)
        if not self.asks_substance_use:
            del self.fields["cravings"]
            del self.fields["used"]
        if not self.asks_medication:
            del self.fields["took_medication"]
        self.with_day = with_day and today is not None
        if self.with_day and today is not None:
            day_field = self.fields["day"]
            assert isinstance(day_field, forms.ChoiceField)
            day_field.choices = [(d.isoformat(), self.day_label(d, today)) for d in checkin_days_open(today)]
        else:
            del self.fields["day"]

    @staticmethod
    def day_label(day: date, today: date) -> str:
        shown = date_format(day, "l j F")
        if day == today:
            return str(_("Today (%(day)s)") % {"day": shown})
        if day == today - timedelta(days=1):
            return str(_("Yesterday (%(day)s)") % {"day": shown})
        return shown

    @staticmethod
    def initial_from(checkin: CheckIn) -> dict[str, Any]:
        return {
            "day": checkin.day.isoformat(),
            "mood": checkin.mood,
            "sleep_quality": checkin.sleep_quality,
            "cravings": checkin.cravings,
            "used": _as_yes_no(checkin.used),
            "took_medication": _as_yes_no(checkin.took_medication),
            "wants_to_talk": checkin.wants_to_talk,
            "note": checkin.note,
        }

    def measures(self) -> dict[str, Any]:
        """The cleaned answers as keyword arguments for checkin_save."""
        data = self.cleaned_data
        return {
            "day": data.get("day"),
            "mood": data["mood"],
            "sleep_quality": data.get("sleep_quality"),
            "cravings": data.get("cravings"),
            "used": data.get("used"),
            "took_medication": data.get("took_medication"),
            "wants_to_talk": data.get("wants_to_talk", False),
            "note": data.get("note", ""),
        }


class ReminderForm(forms.Form):
    reminders_on = forms.BooleanField(label=_("Remind me to check in"), required=False)
    remind_at = forms.TimeField(
        label=_("At what time?"),
        help_text=_("Your own local time. Reminders arrive within a few minutes of it."),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    remind_in_app = forms.BooleanField(label=_("In the app"), required=False)
    remind_by_email = forms.BooleanField(
        label=_("By email"),
        help_text=_("The email only says it's time to check in, nothing about how you're doing."),
        required=False,
    )
    quiet_from = forms.TimeField(
        label=_("From"), required=False, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    quiet_until = forms.TimeField(
        label=_("Until"), required=False, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )

    DEFAULT_INITIAL = {"remind_at": time(19, 0), "remind_in_app": True}


class RecoveryStartForm(forms.Form):
    started_on = forms.DateField(
        label=_("My recovery date"),
        help_text=_("The day you started, or started again. Only you see it unless you choose to share it."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class SetbackForm(forms.Form):
    restart = forms.ChoiceField(
        label=_("Start counting again from"),
        choices=[("today", _("Today")), ("other", _("Another day"))],
        initial="today",
        widget=forms.RadioSelect,
    )
    restart_on = forms.DateField(
        label=_("Which day?"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    note = forms.CharField(
        label=_("A note for yourself (optional, private, encrypted)"),
        help_text=_("Only you can read it. It can help to write down what happened and what you learned."),
        required=False,
        max_length=NOTE_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "max_length": _("A note can be up to %(limit_value)s characters; this one has %(show_value)s.")
        },
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("restart") == "other" and not data.get("restart_on"):
            self.add_error("restart_on", _("Choose the day to start counting from."))
        if data.get("restart") != "other":
            data["restart_on"] = None
        return data


class SharingForm(forms.Form):
    share = forms.BooleanField(label=_("Share my recovery counter with my peer supporter"), required=False)
