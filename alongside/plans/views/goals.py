"""The participant's own plan: goals, steps, suggestions from their peer, the review date."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alongside.core.timezones import today_of
from alongside.plans import selectors
from alongside.plans.forms import (
    DecisionForm,
    GoalEditForm,
    GoalForm,
    ProgressForm,
    ReviewForm,
    StepEditForm,
    StepForm,
)
from alongside.plans.models import Decision, LifeArea, Progress
from alongside.plans.services import (
    goal_create,
    goal_decide,
    goal_set_progress,
    goal_update,
    plan_review_set,
    step_create,
    step_decide,
    step_set_progress,
    step_update,
)
from alongside.plans.views.common import (
    add_errors,
    form_page,
    goal_anchor,
    membership_of,
    participant_only,
    saved,
    screening_locale,
)


@participant_only
def plan_home(request: HttpRequest) -> HttpResponse:
    """The participant's recovery plan: goals and steps by life area, suggestions from their
    peer, notes, and the next review."""
    me = membership_of(request)
    page = selectors.plan_page(viewer=me, participant=me)
    return render(
        request,
        "plans/plan.html",
        {
            "page": page,
            "progress_choices": Progress.choices,
            "today": today_of(me),
            "review_form": ReviewForm(initial={"next_review_on": page.next_review_on}),
        },
    )


@participant_only
@require_http_methods(["GET", "POST"])
def plan_goal_create(request: HttpRequest) -> HttpResponse:
    me = membership_of(request)
    area = request.GET.get("area", "")
    form = GoalForm(
        request.POST if request.method == "POST" else None,
        initial={"life_area": area if area in LifeArea.values else LifeArea.HEALTH},
    )
    if request.method == "POST" and form.is_valid():
        try:
            goal = goal_create(participant=me, locale=screening_locale(), **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            return saved(request, goal, _("Your goal is in your plan."), goal_anchor(goal.pk))
    return form_page(
        request,
        form=form,
        title=_("Add a goal"),
        intro=_("One goal at a time is plenty. Small steps count."),
        submit=_("Add goal"),
        back=reverse("plan_home"),
    )


@participant_only
@require_http_methods(["GET", "POST"])
def plan_goal_edit(request: HttpRequest, goal_id: int) -> HttpResponse:
    me = membership_of(request)
    goal = selectors.own_goal(participant=me, goal_id=goal_id)
    if goal.decision != Decision.ACCEPTED:
        raise Http404
    initial = {
        "title": goal.title,
        "life_area": goal.life_area,
        "why": goal.why,
        "who_helps": goal.who_helps,
        "target_date": goal.target_date,
        "status": goal.status,
    }
    form = GoalEditForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            goal = goal_update(participant=me, goal=goal, locale=screening_locale(), **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            return saved(request, goal, _("Your goal is updated."), goal_anchor(goal.pk))
    return form_page(
        request, form=form, title=_("Change your goal"), submit=_("Save goal"), back=goal_anchor(goal.pk)
    )


@participant_only
@require_POST
def plan_goal_progress(request: HttpRequest, goal_id: int) -> HttpResponse:
    me = membership_of(request)
    goal = selectors.own_goal(participant=me, goal_id=goal_id)
    form = ProgressForm(request.POST)
    if form.is_valid():
        try:
            goal_set_progress(participant=me, goal=goal, status=form.cleaned_data["status"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("Progress saved."))
            return redirect(goal_anchor(goal.pk))
    return form_page(
        request, form=form, title=_("Progress of your goal"), submit=_("Save"), back=goal_anchor(goal.pk)
    )


@participant_only
@require_POST
def plan_goal_decide(request: HttpRequest, goal_id: int) -> HttpResponse:
    """Accept or decline a goal the peer supporter suggested."""
    me = membership_of(request)
    goal = selectors.own_goal(participant=me, goal_id=goal_id)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return form_page(
            request, form=form, title=_("A suggested goal"), submit=_("Save"), back=reverse("plan_home")
        )
    try:
        goal_decide(participant=me, goal=goal, accept=form.accepted)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("plan_home")
    if form.accepted:
        messages.success(request, _("The goal is in your plan now. It's yours to shape."))
        return redirect(goal_anchor(goal.pk))
    messages.success(request, _("Okay, the goal is not in your plan. Your peer supporter will see that."))
    return redirect(reverse("plan_home") + "#suggestions")


@participant_only
@require_POST
def plan_step_create(request: HttpRequest, goal_id: int) -> HttpResponse:
    me = membership_of(request)
    goal = selectors.own_goal(participant=me, goal_id=goal_id)
    form = StepForm(request.POST)
    if form.is_valid():
        try:
            step = step_create(participant=me, goal=goal, locale=screening_locale(), **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            return saved(request, step, _("Step added."), goal_anchor(goal.pk))
    return form_page(
        request,
        form=form,
        title=_("Add a step to “%(goal)s”") % {"goal": goal.title},
        submit=_("Add step"),
        back=goal_anchor(goal.pk),
    )


@participant_only
@require_http_methods(["GET", "POST"])
def plan_step_edit(request: HttpRequest, step_id: int) -> HttpResponse:
    me = membership_of(request)
    step = selectors.own_step(participant=me, step_id=step_id)
    if step.decision != Decision.ACCEPTED:
        raise Http404
    initial = {
        "title": step.title,
        "target_date": step.target_date,
        "who_helps": step.who_helps,
        "status": step.status,
    }
    form = StepEditForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            step = step_update(participant=me, step=step, locale=screening_locale(), **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            return saved(request, step, _("Step updated."), goal_anchor(step.goal_id))
    return form_page(
        request, form=form, title=_("Change a step"), submit=_("Save step"), back=goal_anchor(step.goal_id)
    )


@participant_only
@require_POST
def plan_step_progress(request: HttpRequest, step_id: int) -> HttpResponse:
    me = membership_of(request)
    step = selectors.own_step(participant=me, step_id=step_id)
    form = ProgressForm(request.POST)
    if form.is_valid():
        try:
            step_set_progress(participant=me, step=step, status=form.cleaned_data["status"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            if step.status == Progress.DONE:
                messages.success(request, _("Step done. Well done!"))
            else:
                messages.success(request, _("Progress saved."))
            return redirect(goal_anchor(step.goal_id))
    return form_page(
        request, form=form, title=_("Progress of a step"), submit=_("Save"), back=goal_anchor(step.goal_id)
    )


@participant_only
@require_POST
def plan_step_decide(request: HttpRequest, step_id: int) -> HttpResponse:
    me = membership_of(request)
    step = selectors.own_step(participant=me, step_id=step_id)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return form_page(
            request, form=form, title=_("A suggested step"), submit=_("Save"), back=reverse("plan_home")
        )
    try:
        step_decide(participant=me, step=step, accept=form.accepted)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("plan_home")
    if form.accepted:
        messages.success(request, _("The step is in your plan now."))
    else:
        messages.success(request, _("Okay, the step is not in your plan. Your peer supporter will see that."))
    return redirect(goal_anchor(step.goal_id))


@participant_only
@require_POST
def plan_review(request: HttpRequest) -> HttpResponse:
    """The participant sets (or clears) the date of their next plan review."""
    me = membership_of(request)
    form = ReviewForm(request.POST)
    if form.is_valid():
        try:
            plan_review_set(actor=me, participant=me, review_on=form.cleaned_data["next_review_on"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("Review date saved. You'll get a reminder the day before."))
            return redirect(reverse("plan_home") + "#review")
    return form_page(
        request, form=form, title=_("Next plan review"), submit=_("Save date"), back=reverse("plan_home")
    )
