"""The participant's wellness toolbox, triggers and early warning signs, and what they share."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alongside.plans import selectors
from alongside.plans.forms import (
    SharingForm,
    WellnessEntryForm,
)
from alongside.plans.services import (
    plan_sharing_update,
    wellness_entry_add,
    wellness_entry_remove,
    wellness_entry_update,
)
from alongside.plans.views.common import (
    add_errors,
    form_page,
    membership_of,
    participant_only,
    saved,
    screening_locale,
)


def _wellness_anchor(section: str) -> str:
    return reverse("plan_wellness") + f"#section-{section}"


@participant_only
def plan_wellness(request: HttpRequest) -> HttpResponse:
    page = selectors.wellness_page(participant=membership_of(request))
    return render(request, "plans/wellness.html", {"page": page})


@participant_only
@require_POST
def plan_wellness_add(request: HttpRequest) -> HttpResponse:
    me = membership_of(request)
    form = WellnessEntryForm(request.POST)
    if form.is_valid():
        try:
            entry = wellness_entry_add(participant=me, locale=screening_locale(), **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            return saved(request, entry, _("Saved in your own words."), _wellness_anchor(entry.section))
    return form_page(
        request,
        form=form,
        title=_("Add to your wellness plan"),
        submit=_("Save"),
        back=reverse("plan_wellness"),
        back_label=_("Back to my wellness toolbox"),
    )


@participant_only
@require_http_methods(["GET", "POST"])
def plan_wellness_edit(request: HttpRequest, entry_id: int) -> HttpResponse:
    me = membership_of(request)
    entry = selectors.own_wellness_entry(participant=me, entry_id=entry_id)
    form = WellnessEntryForm(
        request.POST if request.method == "POST" else None,
        initial={"section": entry.section, "text": entry.text, "response": entry.response},
    )
    form.fields["section"].widget = forms.HiddenInput()
    if request.method == "POST" and form.is_valid():
        try:
            entry = wellness_entry_update(
                participant=me,
                entry=entry,
                text=form.cleaned_data["text"],
                response=form.cleaned_data["response"],
                locale=screening_locale(),
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            return saved(request, entry, _("Saved."), _wellness_anchor(entry.section))
    return form_page(
        request,
        form=form,
        title=entry.get_section_display(),
        submit=_("Save"),
        back=_wellness_anchor(entry.section),
        back_label=_("Back to my wellness toolbox"),
    )


@participant_only
@require_http_methods(["GET", "POST"])
def plan_wellness_remove(request: HttpRequest, entry_id: int) -> HttpResponse:
    """Asks first, then removes one line of the wellness plan."""
    me = membership_of(request)
    entry = selectors.own_wellness_entry(participant=me, entry_id=entry_id)
    if request.method == "POST":
        section = entry.section
        wellness_entry_remove(participant=me, entry=entry)
        messages.success(request, _("Removed."))
        return redirect(_wellness_anchor(section))
    return render(request, "plans/wellness_remove.html", {"entry": entry})


@participant_only
@require_POST
def plan_sharing(request: HttpRequest) -> HttpResponse:
    """The participant chooses what their peer supporter may see, section by section."""
    me = membership_of(request)
    form = SharingForm(request.POST)
    if not form.is_valid():
        return form_page(
            request,
            form=form,
            title=_("What your peer supporter sees"),
            submit=_("Save"),
            back=reverse("plan_home"),
        )
    plan_sharing_update(participant=me, sections=form.changes())
    messages.success(request, _("Your sharing choices are saved."))
    if form.cleaned_data["sections"] == ["work"]:
        return redirect(reverse("plan_work") + "#sharing")
    return redirect(reverse("plan_wellness") + "#sharing")
