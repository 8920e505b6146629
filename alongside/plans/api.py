"""The recovery plan API: the participant's own plan, goals, steps and job applications.

Participants only, and only their own records: another person's id is 404 and changes
nothing. Input that breaks a rule (an empty or over-long title, a target date in the past)
is a 422 problem detail naming each field, and nothing is saved.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from alongside.accounts.models import Membership
from alongside.api.access import api_access
from alongside.api.problems import problem
from alongside.core.access import Access
from alongside.core.roles import Role
from alongside.plans import selectors
from alongside.plans.models import (
    ApplicationStatus,
    Decision,
    Goal,
    JobApplication,
    LifeArea,
    Progress,
    RecoveryPlan,
    Step,
)
from alongside.plans.selectors import GoalCard
from alongside.plans.services import (
    goal_create,
    goal_decide,
    goal_set_progress,
    goal_update,
    job_application_create,
    job_application_update,
    step_create,
    step_decide,
    step_set_progress,
    step_update,
)

router = Router(tags=["plans"])
ROUTER_PREFIX = "/plans"
PARTICIPANT = Access(roles=frozenset({Role.PARTICIPANT}))


class StepOut(Schema):
    id: int
    goal_id: int
    title: str
    who_helps: str
    target_date: date | None
    status: Progress
    decision: Decision
    suggested_by: str | None
    crisis_help_suggested: bool


class GoalOut(Schema):
    id: int
    life_area: LifeArea
    title: str
    why: str
    who_helps: str
    target_date: date | None
    status: Progress
    decision: Decision
    suggested_by: str | None
    crisis_help_suggested: bool
    steps: list[StepOut]
    steps_done: int
    steps_total: int
    progress: str


class SharingOut(Schema):
    toolbox: bool
    triggers: bool
    warning_signs: bool
    work: bool


class PlanOut(Schema):
    participant_id: int
    next_review_on: date | None
    shared_with_peer: SharingOut
    goals: list[GoalOut]


class GoalIn(Schema):
    life_area: LifeArea
    title: str
    why: str = ""
    who_helps: str = ""
    target_date: date | None = None


class GoalPatch(Schema):
    """Only the fields sent change. `decision` answers a goal the peer supporter suggested."""

    life_area: LifeArea | None = None
    title: str | None = None
    why: str | None = None
    who_helps: str | None = None
    target_date: date | None = None
    status: Progress | None = None
    decision: Literal["accepted", "declined"] | None = None


class StepIn(Schema):
    title: str
    who_helps: str = ""
    target_date: date | None = None


class StepPatch(Schema):
    title: str | None = None
    who_helps: str | None = None
    target_date: date | None = None
    status: Progress | None = None
    decision: Literal["accepted", "declined"] | None = None


class JobApplicationOut(Schema):
    id: int
    employer: str
    role: str
    status: ApplicationStatus
    applied_on: date | None
    next_action: str
    next_action_on: date | None
    goal_id: int | None


class JobApplicationIn(Schema):
    employer: str
    role: str
    status: ApplicationStatus = ApplicationStatus.APPLIED
    applied_on: date | None = None
    next_action: str = ""
    next_action_on: date | None = None
    goal_id: int | None = None


class JobApplicationPatch(Schema):
    employer: str | None = None
    role: str | None = None
    status: ApplicationStatus | None = None
    applied_on: date | None = None
    next_action: str | None = None
    next_action_on: date | None = None
    goal_id: int | None = None


# Helpers -------------------------------------------------------------------------------------


def _me(request: HttpRequest) -> Membership:
    return request.membership  # type: ignore[attr-defined,no-any-return]


def _locale() -> str:
    return (get_language() or "en")[:2]


# Where a field is, written as django-ninja writes it for a malformed value (the operations'
# JSON parameter is named `body`), so a client reads one format for every 422.
BODY = "body.body"
FIELD_NAMES = {"goal": "goal_id"}


def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """A service's refusal as a 422 problem detail, one entry per field."""
    if hasattr(exc, "error_dict"):
        errors = [
            {
                "location": f"{BODY}.{FIELD_NAMES.get(name, name)}" if name != "__all__" else BODY,
                "message": message,
            }
            for name, messages in exc.message_dict.items()
            for message in messages
        ]
    else:
        errors = [{"location": BODY, "message": message} for message in exc.messages]
    return problem(
        request, 422, " ".join(error["message"] for error in errors), kind="invalid-input", errors=errors
    )


def _step_out(step: Step) -> dict[str, Any]:
    return {
        "id": step.pk,
        "goal_id": step.goal_id,
        "title": step.title,
        "who_helps": step.who_helps,
        "target_date": step.target_date,
        "status": step.status,
        "decision": step.decision,
        "suggested_by": step.suggested_by.user.shown_name if step.suggested_by else None,
        "crisis_help_suggested": step.screening_level == "urgent",
    }


def _goal_out(card: GoalCard) -> dict[str, Any]:
    goal = card.goal
    return {
        "id": goal.pk,
        "life_area": goal.life_area,
        "title": goal.title,
        "why": goal.why,
        "who_helps": goal.who_helps,
        "target_date": goal.target_date,
        "status": goal.status,
        "decision": goal.decision,
        "suggested_by": goal.suggested_by.user.shown_name if goal.suggested_by else None,
        "crisis_help_suggested": goal.screening_level == "urgent",
        "steps": [_step_out(step) for step in [*card.steps, *card.suggested_steps, *card.declined_steps]],
        "steps_done": card.steps_done,
        "steps_total": card.steps_counted,
        "progress": ngettext(
            "%(done)s of %(total)s step done", "%(done)s of %(total)s steps done", card.steps_counted
        )
        % {"done": card.steps_done, "total": card.steps_counted},
    }


def _application_out(application: JobApplication) -> dict[str, Any]:
    return {
        "id": application.pk,
        "employer": application.employer,
        "role": application.role,
        "status": application.status,
        "applied_on": application.applied_on,
        "next_action": application.next_action,
        "next_action_on": application.next_action_on,
        "goal_id": application.goal_id,
    }


def _sharing(plan: RecoveryPlan | None) -> dict[str, bool]:
    return {
        section: plan is not None and plan.shares(section)
        for section in ("toolbox", "triggers", "warning_signs", "work")
    }


def _work_goal(me: Membership, goal_id: int | None) -> Goal | None:
    """The participant's goal a job application links to; the service checks it is a work
    goal. Someone else's goal id is answered like any goal that is not a work goal."""
    if goal_id is None:
        return None
    goal = Goal.objects.filter(pk=goal_id, plan__participant=me).first()
    if goal is None:
        raise ValidationError({"goal": [_("Choose one of your work goals.")]})
    return goal


# The plan and its goals ----------------------------------------------------------------------


@router.get("/plan", response=PlanOut)
@api_access(PARTICIPANT)
def plan_get(request: HttpRequest) -> Any:
    """The participant's own plan: review date, what they share with their peer supporter, and
    every goal (in the plan, suggested, or declined) with its steps and progress."""
    me = _me(request)
    page = selectors.plan_page(viewer=me, participant=me)
    cards = [
        *page.cards,
        *(selectors.GoalCard(goal=goal) for goal in page.suggested_goals),
        *(selectors.GoalCard(goal=goal) for goal in page.declined_goals),
    ]
    return {
        "participant_id": me.pk,
        "next_review_on": page.next_review_on,
        "shared_with_peer": _sharing(page.plan),
        "goals": [_goal_out(card) for card in cards],
    }


@router.get("/goals", response=list[GoalOut])
@api_access(PARTICIPANT)
def goals_list(request: HttpRequest) -> Any:
    """Every goal of the participant's, oldest first, with its steps."""
    return [_goal_out(card) for card in selectors.goals_of(_me(request))]


@router.post("/goals", response={201: GoalOut})
@api_access(PARTICIPANT)
def goal_post(request: HttpRequest, body: GoalIn) -> Any:
    """Add a goal of the participant's own. The title is required (up to 200 characters); a
    target date cannot be in the past."""
    me = _me(request)
    try:
        goal = goal_create(participant=me, locale=_locale(), **body.model_dump())
    except ValidationError as exc:
        return _invalid(request, exc)
    return Status(201, _goal_out(selectors.own_goal_card(participant=me, goal_id=goal.pk)))


@router.patch("/goals/{goal_id}", response=GoalOut)
@api_access(PARTICIPANT)
def goal_patch(request: HttpRequest, goal_id: int, body: GoalPatch) -> Any:
    """Change a goal: its progress (`status`), its words and dates, or accept or decline it
    when the peer supporter suggested it. All or nothing."""
    me = _me(request)
    goal = selectors.own_goal(participant=me, goal_id=goal_id)
    sent = body.model_fields_set
    try:
        with transaction.atomic():
            if "decision" in sent and body.decision is not None:
                goal = goal_decide(participant=me, goal=goal, accept=body.decision == "accepted")
            edits = sent & {"life_area", "title", "why", "who_helps", "target_date"}
            if edits:
                goal = goal_update(
                    participant=me,
                    goal=goal,
                    life_area=body.life_area if "life_area" in sent else goal.life_area,  # type: ignore[arg-type]
                    title=body.title if "title" in sent else goal.title,  # type: ignore[arg-type]
                    why=body.why if "why" in sent else goal.why,  # type: ignore[arg-type]
                    who_helps=body.who_helps if "who_helps" in sent else goal.who_helps,  # type: ignore[arg-type]
                    target_date=body.target_date if "target_date" in sent else goal.target_date,
                    status=body.status if "status" in sent and body.status else goal.status,
                    locale=_locale(),
                )
            elif "status" in sent and body.status is not None:
                goal = goal_set_progress(participant=me, goal=goal, status=body.status)
    except ValidationError as exc:
        return _invalid(request, exc)
    return _goal_out(selectors.own_goal_card(participant=me, goal_id=goal.pk))


# Steps ---------------------------------------------------------------------------------------


@router.post("/goals/{goal_id}/steps", response={201: StepOut})
@api_access(PARTICIPANT)
def step_post(request: HttpRequest, goal_id: int, body: StepIn) -> Any:
    """Add a step to one of the participant's goals."""
    me = _me(request)
    goal = selectors.own_goal(participant=me, goal_id=goal_id)
    try:
        step = step_create(participant=me, goal=goal, locale=_locale(), **body.model_dump())
    except ValidationError as exc:
        return _invalid(request, exc)
    return Status(201, _step_out(step))


@router.patch("/steps/{step_id}", response=StepOut)
@api_access(PARTICIPANT)
def step_patch(request: HttpRequest, step_id: int, body: StepPatch) -> Any:
    """Change a step: its progress, its words and date, or accept or decline a suggested one."""
    me = _me(request)
    step = selectors.own_step(participant=me, step_id=step_id)
    sent = body.model_fields_set
    try:
        with transaction.atomic():
            if "decision" in sent and body.decision is not None:
                step = step_decide(participant=me, step=step, accept=body.decision == "accepted")
            edits = sent & {"title", "who_helps", "target_date"}
            if edits:
                step = step_update(
                    participant=me,
                    step=step,
                    title=body.title if "title" in sent else step.title,  # type: ignore[arg-type]
                    who_helps=body.who_helps if "who_helps" in sent else step.who_helps,  # type: ignore[arg-type]
                    target_date=body.target_date if "target_date" in sent else step.target_date,
                    status=body.status if "status" in sent and body.status else step.status,
                    locale=_locale(),
                )
            elif "status" in sent and body.status is not None:
                step = step_set_progress(participant=me, step=step, status=body.status)
    except ValidationError as exc:
        return _invalid(request, exc)
    return _step_out(step)


# Job applications ----------------------------------------------------------------------------


@router.get("/job-applications", response=list[JobApplicationOut])
@api_access(PARTICIPANT)
def job_applications_list(request: HttpRequest) -> Any:
    """The participant's job search tracker, newest first."""
    return [_application_out(application) for application in selectors.job_applications_of(_me(request))]


@router.post("/job-applications", response={201: JobApplicationOut})
@api_access(PARTICIPANT)
def job_application_post(request: HttpRequest, body: JobApplicationIn) -> Any:
    """Add a job application. Employer and job are required; the date applied cannot be in the
    future; `goal_id`, if given, must be one of the participant's work goals."""
    me = _me(request)
    data = body.model_dump(exclude={"goal_id"})
    try:
        goal = _work_goal(me, body.goal_id)
        application = job_application_create(participant=me, goal=goal, locale=_locale(), **data)
    except ValidationError as exc:
        return _invalid(request, exc)
    return Status(201, _application_out(application))


@router.patch("/job-applications/{application_id}", response=JobApplicationOut)
@api_access(PARTICIPANT)
def job_application_patch(request: HttpRequest, application_id: int, body: JobApplicationPatch) -> Any:
    """Update a job application: status, dates, next step. Only the fields sent change."""
    me = _me(request)
    application = selectors.own_job_application(participant=me, application_id=application_id)
    sent = body.model_fields_set
    current = _application_out(application)
    values = {
        name: getattr(body, name) if name in sent else current[name]
        for name in ("employer", "role", "status", "applied_on", "next_action", "next_action_on")
    }
    try:
        goal = _work_goal(me, body.goal_id) if "goal_id" in sent else application.goal
        application = job_application_update(
            participant=me, application=application, goal=goal, locale=_locale(), **values
        )
    except ValidationError as exc:
        return _invalid(request, exc)
    return _application_out(application)
