"""Authorization cases for every recovery plan route and API operation (see tests/authz.py).

Object routes create alex's record in Harbor's scope and name it in the URL, so the central
test proves that the outsider, and every wrong role, cannot reach it.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone
from django_scopes import scope

from alongside.plans.models import (
    Decision,
    Goal,
    JobApplication,
    LifeArea,
    ReadinessItem,
    RecoveryPlan,
    Step,
    WellnessEntry,
)
from conftest import Persona
from tests.authz import ApiCase, RouteCase

NEXT_WEEK = (timezone.localdate() + timedelta(days=7)).isoformat()
ALEX = ("alex",)
PAT = ("pat",)


def _plan(personas: dict[str, Persona]) -> RecoveryPlan:
    alex = personas["alex"].membership
    assert alex is not None
    plan, _created = RecoveryPlan.objects.get_or_create(
        participant=alex, defaults={"organization_id": alex.organization_id}
    )
    return plan


def alex_goal(personas: dict[str, Persona], decision: str = Decision.ACCEPTED) -> Goal:
    with scope(organization=personas["alex"].organization):
        plan = _plan(personas)
        return Goal.objects.create(
            organization_id=plan.organization_id,
            plan=plan,
            life_area=LifeArea.EMPLOYMENT,
            title="Find steady work",
            decision=decision,
            suggested_by=None if decision == Decision.ACCEPTED else personas["pat"].membership,
        )


def alex_step(personas: dict[str, Persona], decision: str = Decision.ACCEPTED) -> Step:
    goal = alex_goal(personas)
    with scope(organization=personas["alex"].organization):
        return Step.objects.create(
            organization_id=goal.organization_id, goal=goal, title="Update my resume", decision=decision
        )


def _created(personas: dict[str, Persona], model: Any, **fields: Any) -> Any:
    with scope(organization=personas["alex"].organization):
        plan = _plan(personas)
        return model.objects.create(organization_id=plan.organization_id, plan=plan, **fields)


def goal_kwargs(personas: dict[str, Persona]) -> dict[str, Any]:
    return {"goal_id": alex_goal(personas).pk}


def suggested_goal_kwargs(personas: dict[str, Persona]) -> dict[str, Any]:
    return {"goal_id": alex_goal(personas, Decision.SUGGESTED).pk}


def step_kwargs(personas: dict[str, Persona]) -> dict[str, Any]:
    return {"step_id": alex_step(personas).pk}


def suggested_step_kwargs(personas: dict[str, Persona]) -> dict[str, Any]:
    return {"step_id": alex_step(personas, Decision.SUGGESTED).pk}


def entry_kwargs(personas: dict[str, Persona]) -> dict[str, Any]:
    return {"entry_id": _created(personas, WellnessEntry, section="toolbox", text="A walk by the water").pk}


def application_kwargs(personas: dict[str, Persona]) -> dict[str, Any]:
    return {"application_id": _created(personas, JobApplication, employer="Harbor Foods", role="Driver").pk}


def item_kwargs(personas: dict[str, Persona]) -> dict[str, Any]:
    return {"item_id": _created(personas, ReadinessItem, kind="document", name="ID").pk}


def participant_kwargs(personas: dict[str, Persona]) -> dict[str, Any]:
    return {"participant_id": personas["alex"].membership.pk}  # type: ignore[union-attr]


def participant_goal_kwargs(personas: dict[str, Persona]) -> dict[str, Any]:
    return {**participant_kwargs(personas), **goal_kwargs(personas)}


ROUTES: dict[str, RouteCase] = {
    # The participant's own plan.
    "plan_home": RouteCase(allowed=ALEX),
    "plan_goal_create": RouteCase(allowed=ALEX),
    "plan_goal_edit": RouteCase(kwargs=goal_kwargs, allowed=ALEX),
    "plan_goal_progress": RouteCase(
        kwargs=goal_kwargs, method="post", data={"status": "in_progress"}, allowed=ALEX, ok=(302,)
    ),
    "plan_goal_decide": RouteCase(
        kwargs=suggested_goal_kwargs, method="post", data={"decision": "accept"}, allowed=ALEX, ok=(302,)
    ),
    "plan_step_create": RouteCase(
        kwargs=goal_kwargs, method="post", data={"title": "Call the job centre"}, allowed=ALEX, ok=(302,)
    ),
    "plan_step_edit": RouteCase(kwargs=step_kwargs, allowed=ALEX),
    "plan_step_progress": RouteCase(
        kwargs=step_kwargs, method="post", data={"status": "done"}, allowed=ALEX, ok=(302,)
    ),
    "plan_step_decide": RouteCase(
        kwargs=suggested_step_kwargs, method="post", data={"decision": "decline"}, allowed=ALEX, ok=(302,)
    ),
    "plan_review": RouteCase(method="post", data={"next_review_on": NEXT_WEEK}, allowed=ALEX, ok=(302,)),
    "plan_sharing": RouteCase(
        method="post", data={"sections": "toolbox", "toolbox": "on"}, allowed=ALEX, ok=(302,)
    ),
    "plan_wellness": RouteCase(allowed=ALEX),
    "plan_wellness_add": RouteCase(
        method="post", data={"section": "toolbox", "text": "A walk by the water"}, allowed=ALEX, ok=(302,)
    ),
    "plan_wellness_edit": RouteCase(kwargs=entry_kwargs, allowed=ALEX),
    "plan_wellness_remove": RouteCase(kwargs=entry_kwargs, allowed=ALEX),
    "plan_work": RouteCase(allowed=ALEX),
    "plan_application_add": RouteCase(
        method="post",
        data={"employer": "Harbor Foods", "role": "Delivery driver", "status": "applied"},
        allowed=ALEX,
        ok=(302,),
    ),
    "plan_application_edit": RouteCase(kwargs=application_kwargs, allowed=ALEX),
    "plan_checklist_add": RouteCase(
        method="post",
        data={"item-kind": "document", "item-name": "Resume", "item-status": "need"},
        allowed=ALEX,
        ok=(302,),
    ),
    "plan_checklist_usual": RouteCase(method="post", allowed=ALEX, ok=(302,)),
    "plan_checklist_status": RouteCase(
        kwargs=item_kwargs, method="post", data={"status": "have"}, allowed=ALEX, ok=(302,)
    ),
    "plan_checklist_remove": RouteCase(kwargs=item_kwargs, method="post", allowed=ALEX, ok=(302,)),
    # The peer supporter's side; supervisors and admins may read.
    "plan_participant": RouteCase(kwargs=participant_kwargs, allowed=("pat", "sam", "morgan")),
    "plan_peer_note": RouteCase(
        kwargs=participant_kwargs, method="post", data={"body": "Proud of you."}, allowed=PAT, ok=(302,)
    ),
    "plan_goal_suggest": RouteCase(kwargs=participant_kwargs, allowed=PAT),
    "plan_step_suggest": RouteCase(
        kwargs=participant_goal_kwargs,
        method="post",
        data={"title": "Ask about the forklift course"},
        allowed=PAT,
        ok=(302,),
    ),
    "plan_review_peer": RouteCase(
        kwargs=participant_kwargs, method="post", data={"next_review_on": NEXT_WEEK}, allowed=PAT, ok=(302,)
    ),
}

API = "/api/v1/plans"

API_ROUTES: dict[str, ApiCase] = {
    "plan_get": ApiCase("get", f"{API}/plan", allowed=ALEX),
    "goals_list": ApiCase("get", f"{API}/goals", allowed=ALEX),
    "goal_post": ApiCase(
        "post", f"{API}/goals", {"life_area": "health", "title": "Sleep better"}, allowed=ALEX, ok=(201,)
    ),
    "goal_patch": ApiCase(
        "patch", lambda p: f"{API}/goals/{alex_goal(p).pk}", {"status": "in_progress"}, allowed=ALEX
    ),
    "step_post": ApiCase(
        "post",
        lambda p: f"{API}/goals/{alex_goal(p).pk}/steps",
        {"title": "One step"},
        allowed=ALEX,
        ok=(201,),
    ),
    "step_patch": ApiCase(
        "patch", lambda p: f"{API}/steps/{alex_step(p).pk}", {"status": "done"}, allowed=ALEX
    ),
    "job_applications_list": ApiCase("get", f"{API}/job-applications", allowed=ALEX),
    "job_application_post": ApiCase(
        "post",
        f"{API}/job-applications",
        {"employer": "Harbor Foods", "role": "Driver"},
        allowed=ALEX,
        ok=(201,),
    ),
    "job_application_patch": ApiCase(
        "patch",
        lambda p: f"{API}/job-applications/{application_kwargs(p)['application_id']}",
        {"status": "interview"},
        allowed=ALEX,
    ),
}
