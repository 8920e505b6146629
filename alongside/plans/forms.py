"""Forms for the recovery plan. They check the shape of the input; the services hold the
rules (dates not in the past, whose goal it is, how long free text may be) and their errors
are shown on these forms."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from alongside.plans.models import (
    SHARABLE_SECTIONS,
    TEXT_MAX,
    TITLE_MAX,
    ApplicationStatus,
    Goal,
    LifeArea,
    Progress,
    ReadinessKind,
    ReadinessStatus,
    WellnessSection,
)

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

TOO_LONG = _("Please keep this to %(limit_value)s characters or fewer (it has %(show_value)s).")


def date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def title_field(
    label: StrOrPromise, required_message: StrOrPromise, help_text: StrOrPromise = ""
) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=TITLE_MAX,
        help_text=help_text,
        error_messages={"required": required_message, "max_length": TOO_LONG},
    )


def text_field(
    label: StrOrPromise, help_text: StrOrPromise = "", rows: int = 3, required: bool = False
) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows, "maxlength": TEXT_MAX}),
        error_messages={"required": _("Write a few words first.")},
    )


class GoalForm(forms.Form):
    title = title_field(
        _("Your goal"),
        _("Give your goal a name."),
        _("In your own words, for example “Get back to steady work” or “Sleep better”."),
    )
    life_area = forms.ChoiceField(label=_("Life area"), choices=LifeArea.choices)
    why = text_field(_("Why it matters to you (optional)"))
    who_helps = forms.CharField(
        label=_("Who helps (optional)"),
        required=False,
        help_text=_("People, groups or services on your side."),
        widget=forms.TextInput(attrs={"maxlength": TEXT_MAX}),
    )
    target_date = forms.DateField(label=_("Target date (optional)"), required=False, widget=date_input())


class GoalEditForm(GoalForm):
    status = forms.ChoiceField(label=_("Progress"), choices=Progress.choices)


class GoalSuggestForm(GoalForm):
    """A peer's suggestion: the same fields, worded for the peer."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].label = _("Suggested goal")
        self.fields["why"].label = _("Why you suggest it (optional)")
        self.fields["who_helps"].label = _("Who could help (optional)")


class StepForm(forms.Form):
    title = title_field(_("Step"), _("Describe the step in a few words."))
    target_date = forms.DateField(label=_("Target date (optional)"), required=False, widget=date_input())
    who_helps = forms.CharField(
        label=_("Who helps (optional)"),
        required=False,
        widget=forms.TextInput(attrs={"maxlength": TEXT_MAX}),
    )


class StepEditForm(StepForm):
    status = forms.ChoiceField(label=_("Progress"), choices=Progress.choices)


class ProgressForm(forms.Form):
    status = forms.ChoiceField(label=_("Progress"), choices=Progress.choices)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Your decision"), choices=[("accept", _("Add to my plan")), ("decline", _("No thanks"))]
    )

    @property
    def accepted(self) -> bool:
        return self.cleaned_data["decision"] == "accept"


class ReviewForm(forms.Form):
    next_review_on = forms.DateField(
        label=_("Next plan review"),
        required=False,
        widget=date_input(),
        help_text=_("Leave empty if no review is planned yet."),
    )


class PeerNoteForm(forms.Form):
    body = forms.CharField(
        label=_("Note"),
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": TEXT_MAX}),
        error_messages={"required": _("Write a note first.")},
    )


class WellnessEntryForm(forms.Form):
    section = forms.ChoiceField(label=_("Section"), choices=WellnessSection.choices)
    text = text_field(_("In your words"), rows=2, required=True)
    response = text_field(_("What you'll do (optional)"), rows=2)


class SharingForm(forms.Form):
    """Which sections the peer supporter may see. `sections` lists the ones this form covers,
    so a form showing only some of them leaves the others as they are."""

    sections = forms.CharField(widget=forms.HiddenInput)
    toolbox = forms.BooleanField(label=_("My wellness toolbox"), required=False)
    triggers = forms.BooleanField(label=_("My triggers"), required=False)
    warning_signs = forms.BooleanField(label=_("My early warning signs"), required=False)
    work = forms.BooleanField(label=_("My job search and checklist"), required=False)

    def clean_sections(self) -> list[str]:
        names = [name for name in self.cleaned_data["sections"].split(",") if name]
        if not names or any(name not in SHARABLE_SECTIONS for name in names):
            raise forms.ValidationError(_("Unknown section."))
        return names

    def changes(self) -> dict[str, bool]:
        return {name: self.cleaned_data[name] for name in self.cleaned_data["sections"]}


class JobApplicationForm(forms.Form):
    employer = title_field(_("Employer"), _("Add the employer's name."))
    role = title_field(_("Job"), _("Add the job you applied for."))
    status = forms.ChoiceField(label=_("Status"), choices=ApplicationStatus.choices)
    applied_on = forms.DateField(label=_("Date applied (optional)"), required=False, widget=date_input())
    next_action = forms.CharField(
        label=_("Next step (optional)"),
        required=False,
        help_text=_("For example “Call back on Friday” or “Bring my ID to the interview”."),
        widget=forms.TextInput(attrs={"maxlength": TEXT_MAX}),
    )
    next_action_on = forms.DateField(label=_("Next step by (optional)"), required=False, widget=date_input())
    goal = forms.TypedChoiceField(
        label=_("Work goal (optional)"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args: Any, work_goals: list[Goal], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.work_goals = {goal.pk: goal for goal in work_goals}
        goal_field: forms.TypedChoiceField = self.fields["goal"]  # type: ignore[assignment]
        goal_field.choices = [("", _("No work goal")), *((goal.pk, goal.title) for goal in work_goals)]

    def chosen_goal(self) -> Goal | None:
        goal_id = self.cleaned_data.get("goal")
        return self.work_goals.get(goal_id) if goal_id else None


class ReadinessItemForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ReadinessKind.choices)
    name = title_field(
        _("Document or skill"),
        _("Name the document or skill."),
        _("For example ID, resume or a forklift licence."),
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=ReadinessStatus.choices, initial=ReadinessStatus.NEED
    )


class ReadinessStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ReadinessStatus.choices)
