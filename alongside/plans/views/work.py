"""The participant's work goals, job search tracker, and documents and skills checklist."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alongside.plans import selectors
from alongside.plans.forms import (
    JobApplicationForm,
    ReadinessItemForm,
    ReadinessStatusForm,
)
from alongside.plans.services import (
    job_application_create,
    job_application_update,
    readiness_item_add,
    readiness_item_remove,
    readiness_item_set_status,
    readiness_items_add_usual,
)
from alongside.plans.views.common import (
    add_errors,
    checklist_groups,
    form_page,
    membership_of,
    participant_only,
    saved,
    screening_locale,
)


@participant_only
def plan_work(request: HttpRequest) -> HttpResponse:
    me = membership_of(request)
    page = selectors.work_page(participant=me)
    return render(
        request,
        "plans/work.html",
        {
            "page": page,
            "application_form": JobApplicationForm(work_goals=[card.goal for card in page.work_goals]),
            "item_form": ReadinessItemForm(prefix="item"),
            "checklist_groups": checklist_groups(page.readiness_items),
        },
    )


def _application_form_page(
    request: HttpRequest, form: JobApplicationForm, title: str, submit: str
) -> HttpResponse:
    return form_page(
        request,
        form=form,
        title=title,
        submit=submit,
        back=reverse("plan_work") + "#applications",
        back_label=_("Back to work and job search"),
    )


@participant_only
@require_POST
def plan_application_add(request: HttpRequest) -> HttpResponse:
    me = membership_of(request)
    form = JobApplicationForm(request.POST, work_goals=selectors.work_goals_of(me))
    if form.is_valid():
        data = {**form.cleaned_data, "goal": form.chosen_goal()}
        try:
            application = job_application_create(participant=me, locale=screening_locale(), **data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            return saved(
                request,
                application,
                _("Application added. Good luck!"),
                reverse("plan_work") + "#applications",
            )
    return _application_form_page(request, form, _("Add a job application"), _("Add application"))


@participant_only
@require_http_methods(["GET", "POST"])
def plan_application_edit(request: HttpRequest, application_id: int) -> HttpResponse:
    me = membership_of(request)
    application = selectors.own_job_application(participant=me, application_id=application_id)
    initial = {
        "employer": application.employer,
        "role": application.role,
        "status": application.status,
        "applied_on": application.applied_on,
        "next_action": application.next_action,
        "next_action_on": application.next_action_on,
        "goal": application.goal_id,
    }
    form = JobApplicationForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        work_goals=selectors.work_goals_of(me),
    )
    if request.method == "POST" and form.is_valid():
        data = {**form.cleaned_data, "goal": form.chosen_goal()}
        try:
            application = job_application_update(
                participant=me, application=application, locale=screening_locale(), **data
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            return saved(
                request, application, _("Application updated."), reverse("plan_work") + "#applications"
            )
    return _application_form_page(request, form, _("Update a job application"), _("Save application"))


def _checklist() -> str:
    return reverse("plan_work") + "#checklist"


@participant_only
@require_POST
def plan_checklist_add(request: HttpRequest) -> HttpResponse:
    me = membership_of(request)
    form = ReadinessItemForm(request.POST, prefix="item")
    if form.is_valid():
        try:
            item = readiness_item_add(participant=me, locale=screening_locale(), **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            return saved(request, item, _("Added to your checklist."), _checklist())
    return form_page(
        request,
        form=form,
        title=_("Add a document or skill"),
        submit=_("Add"),
        back=_checklist(),
        back_label=_("Back to work and job search"),
    )


@participant_only
@require_POST
def plan_checklist_usual(request: HttpRequest) -> HttpResponse:
    added = readiness_items_add_usual(participant=membership_of(request))
    if added:
        messages.success(request, _("Added the usual documents. Mark the ones you already have."))
    else:
        messages.info(request, _("Your checklist already has the usual documents."))
    return redirect(_checklist())


@participant_only
@require_POST
def plan_checklist_status(request: HttpRequest, item_id: int) -> HttpResponse:
    me = membership_of(request)
    item = selectors.own_readiness_item(participant=me, item_id=item_id)
    form = ReadinessStatusForm(request.POST)
    if not form.is_valid():
        return form_page(request, form=form, title=item.name, submit=_("Save"), back=_checklist())
    readiness_item_set_status(participant=me, item=item, status=form.cleaned_data["status"])
    messages.success(request, _("Checklist updated."))
    return redirect(_checklist())


@participant_only
@require_POST
def plan_checklist_remove(request: HttpRequest, item_id: int) -> HttpResponse:
    me = membership_of(request)
    item = selectors.own_readiness_item(participant=me, item_id=item_id)
    readiness_item_remove(participant=me, item=item)
    messages.success(request, _("Removed from your checklist."))
    return redirect(_checklist())
