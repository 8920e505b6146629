"""Forms for groups and meetings. They check the shape of the input; the services hold the
rules and their errors are shown on these forms."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from alongside.accounts.forms import TIMEZONE_CHOICES
from alongside.accounts.models import Membership
from alongside.groups.models import (
    CAPACITY_MAX,
    LANGUAGE_CHOICES,
    NAME_MAX,
    NOTE_MAX,
    Frequency,
    GroupAccess,
    GroupFormat,
)
from alongside.participants.models import DAY_PARTS, WEEKDAYS, ExperienceArea

TEXT_MAX = 5000
ANY = [("", _("Any"))]


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _time_input() -> forms.TimeInput:
    return forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class PersonChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Membership) -> str:  # type: ignore[override]
        return f"{obj.user.shown_name} ({obj.get_role_display()})"


class GroupForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=NAME_MAX)
    description = forms.CharField(
        label=_("What the group is about"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": TEXT_MAX}),
    )
    topics: forms.ModelMultipleChoiceField[ExperienceArea] = forms.ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=ExperienceArea.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("People can find the group by these."),
    )
    facilitators = PersonChoiceField(
        label=_("Facilitators"),
        queryset=Membership.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Peer supporters or supervisors who run the group's meetings."),
    )
    format = forms.ChoiceField(label=_("How it meets"), choices=GroupFormat.choices, widget=forms.RadioSelect)
    address = forms.CharField(
        label=_("Address (for in-person groups)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": TEXT_MAX}),
    )
    joining_details = forms.CharField(
        label=_("How to join a meeting (optional)"),
        required=False,
        help_text=_("A dial-in number, a room or a door code. Only members and facilitators see it."),
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": TEXT_MAX}),
    )
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGE_CHOICES)
    capacity = forms.IntegerField(
        label=_("Places at each meeting"),
        min_value=1,
        max_value=CAPACITY_MAX,
        help_text=_("When a meeting is full, people who answer later join its waiting list."),
    )
    access = forms.ChoiceField(label=_("Who may join"), choices=GroupAccess.choices, widget=forms.RadioSelect)
    guidelines = forms.CharField(
        label=_("Group guidelines"),
        help_text=_(
            "Members read and accept these before they join. Changing them asks members to accept again."
        ),
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": TEXT_MAX}),
    )
    timezone = forms.ChoiceField(label=_("Time zone"), choices=TIMEZONE_CHOICES)

    def __init__(self, *args: Any, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from alongside.groups.selectors import FACILITATOR_ROLES

        self.fields["topics"].queryset = ExperienceArea.objects.filter(is_active=True)  # type: ignore[attr-defined]
        self.fields["facilitators"].queryset = (  # type: ignore[attr-defined]
            Membership.objects.filter(is_active=True, role__in=FACILITATOR_ROLES)
            .select_related("user")
            .order_by("user__display_name", "user__username")
        )
        if editing:
            self.fields["is_active"] = forms.BooleanField(
                label=_("The group is meeting"),
                required=False,
                help_text=_(
                    "Closing a group hides it and stops its schedules; answers to coming meetings are withdrawn."
                ),
            )


class JoinForm(forms.Form):
    accept = forms.BooleanField(
        label=_("I have read the group guidelines and I accept them"),
        error_messages={"required": _("Please read the guidelines and tick the box to accept them.")},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class InviteForm(forms.Form):
    invitee: forms.ModelChoiceField[Membership] = forms.ModelChoiceField(
        label=_("Person to invite"), queryset=Membership.objects.none()
    )

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["invitee"]
        field.queryset = people  # type: ignore[attr-defined]
        field.label_from_instance = lambda obj: f"{obj.user.shown_name} ({obj.get_role_display()})"  # type: ignore[attr-defined]


class SeriesForm(forms.Form):
    title = forms.CharField(
        label=_("Title (optional)"),
        required=False,
        max_length=NAME_MAX,
        help_text=_("Leave empty to use the group's name."),
    )
    frequency = forms.ChoiceField(label=_("Repeats"), choices=Frequency.choices, widget=forms.RadioSelect)
    first_day = forms.DateField(label=_("First meeting"), widget=_date_input())
    start_time = forms.TimeField(label=_("Starts at"), widget=_time_input())
    duration_minutes = forms.IntegerField(
        label=_("Length in minutes"), min_value=15, max_value=480, initial=60
    )
    until = forms.DateField(
        label=_("Last possible day (optional)"),
        required=False,
        widget=_date_input(),
        help_text=_("Leave empty to keep meeting until the schedule is stopped."),
    )
    timezone = forms.ChoiceField(label=_("Time zone"), choices=TIMEZONE_CHOICES)


class StopSeriesForm(forms.Form):
    last_day = forms.DateField(label=_("Last meeting day"), widget=_date_input())


class MoveForm(forms.Form):
    day = forms.DateField(label=_("New day"), widget=_date_input())
    start_time = forms.TimeField(label=_("New start time"), widget=_time_input())
    duration_minutes = forms.IntegerField(label=_("Length in minutes"), min_value=15, max_value=480)
    note = forms.CharField(
        label=_("A note for the people coming (optional)"),
        required=False,
        max_length=NOTE_MAX,
    )


class CancelForm(forms.Form):
    note = forms.CharField(
        label=_("A note for the people coming (optional)"),
        required=False,
        max_length=NOTE_MAX,
    )


class AttendanceForm(forms.Form):
    """Everyone listed is recorded: ticked as there, the others as not there."""

    listed = forms.TypedMultipleChoiceField(coerce=int, widget=forms.MultipleHiddenInput)
    present = forms.TypedMultipleChoiceField(
        label=_("Who was there"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, people: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["listed"].choices = people  # type: ignore[attr-defined]
        self.fields["present"].choices = people  # type: ignore[attr-defined]


class SelfAttendanceForm(forms.Form):
    attended = forms.TypedChoiceField(
        coerce=lambda value: value == "yes",
        choices=[("yes", _("I was there")), ("no", _("I couldn't make it"))],
    )


class FeedForm(forms.Form):
    discreet = forms.BooleanField(
        label=_("Use plain titles"),
        required=False,
        initial=True,
        help_text=_(
            "Events read “Group meeting” without the group's name, place or details, so people who "
            "see your calendar don't learn more."
        ),
    )


class FinderForm(forms.Form):
    """The meeting finder's filters (a GET form: every choice is optional)."""

    topic = forms.ChoiceField(label=_("Topic"), required=False)
    format = forms.ChoiceField(
        label=_("How it meets"), required=False, choices=ANY + list(GroupFormat.choices)
    )
    language = forms.ChoiceField(label=_("Language"), required=False)
    day = forms.ChoiceField(label=_("Day"), required=False, choices=ANY + list(WEEKDAYS))
    time = forms.ChoiceField(label=_("Time of day"), required=False, choices=ANY + list(DAY_PARTS))

    def __init__(self, *args: Any, topics: list[ExperienceArea], languages: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(LANGUAGE_CHOICES)
        self.fields["topic"].choices = ANY + [(topic.slug, topic.label) for topic in topics]  # type: ignore[attr-defined]
        self.fields["language"].choices = ANY + [(code, labels.get(code, code)) for code in languages]  # type: ignore[attr-defined]
