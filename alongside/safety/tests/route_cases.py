"""Authorization cases for the safety app's routes (collected by tests/authz.py)."""

from __future__ import annotations

from typing import Any

from django_scopes import scope

from alongside.accounts.models import Membership
from alongside.safety.models import CrisisLine, Entry, SafetyPlanVersion
from alongside.safety.services import (
    safety_plan_link_create,
    safety_plan_share_with_peer,
    safety_plan_suggest,
    safety_plan_update,
)
from conftest import Persona
from tests.authz import ApiCase, RouteCase

ALEX = ("alex",)
PAT = ("pat",)
MORGAN = ("morgan",)


def _harbor(personas: dict[str, Persona]) -> Any:
    return personas["alex"].organization


def _alex(personas: dict[str, Persona]) -> Membership:
    membership = personas["alex"].membership
    assert membership is not None
    return membership


def alex_plan(personas: dict[str, Persona]) -> None:
    """alex has a plan (two versions) shared with pat."""
    alex = _alex(personas)
    with scope(organization=_harbor(personas)):
        if not SafetyPlanVersion.objects.filter(plan__participant=alex).exists():
            safety_plan_update(participant=alex, sections={"warning_signs": [Entry("Not sleeping")]})
            safety_plan_update(participant=alex, sections={"coping_strategies": [Entry("A walk")]})
        safety_plan_share_with_peer(participant=alex)


def participant_kwargs(personas: dict[str, Persona]) -> dict[str, Any]:
    alex_plan(personas)
    return {"participant_id": personas["alex"].membership.pk}  # type: ignore[union-attr]


def version_kwargs(personas: dict[str, Persona]) -> dict[str, Any]:
    alex_plan(personas)
    return {"number": 1}


def share_kwargs(personas: dict[str, Persona]) -> dict[str, Any]:
    alex = _alex(personas)
    alex_plan(personas)
    with scope(organization=_harbor(personas)):
        share = safety_plan_share_with_peer(participant=alex)
    return {"share_id": share.pk}


def suggestion_kwargs(personas: dict[str, Persona]) -> dict[str, Any]:
    alex_plan(personas)
    with scope(organization=_harbor(personas)):
        suggestion = safety_plan_suggest(
            peer=personas["pat"].membership,  # type: ignore[arg-type]
            participant=personas["alex"].membership,  # type: ignore[arg-type]
            section="coping_strategies",
            text="Call me",
        )
    return {"suggestion_id": suggestion.pk}


def link_kwargs(personas: dict[str, Persona]) -> dict[str, Any]:
    with scope(organization=_harbor(personas)):
        link, _raw = safety_plan_link_create(
            participant=personas["alex"].membership,  # type: ignore[arg-type]
            label="My sister",
            days=7,
        )
    return {"link_id": link.pk}


def token_kwargs(personas: dict[str, Persona]) -> dict[str, Any]:
    with scope(organization=_harbor(personas)):
        _link, raw = safety_plan_link_create(
            participant=personas["alex"].membership,  # type: ignore[arg-type]
            label="My sister",
            days=7,
        )
    return {"token": raw}


def line_kwargs(personas: dict[str, Persona]) -> dict[str, Any]:
    with scope(organization=_harbor(personas)):
        line = CrisisLine.objects.filter(organization=_harbor(personas)).first()
    assert line is not None
    return {"line_id": line.pk}


ROUTES: dict[str, RouteCase] = {
    # The participant's own plan.
    "safety_plan": RouteCase(allowed=ALEX),
    "safety_plan_print": RouteCase(allowed=ALEX),
    "safety_plan_section": RouteCase(kwargs=lambda p: {"section": "warning_signs"}, allowed=ALEX),
    "safety_plan_history": RouteCase(allowed=ALEX),
    "safety_plan_version": RouteCase(kwargs=version_kwargs, allowed=ALEX),
    "safety_plan_restore_version": RouteCase(kwargs=version_kwargs, method="post", allowed=ALEX, ok=(302,)),
    "safety_plan_suggestion_decide": RouteCase(
        kwargs=suggestion_kwargs, method="post", data={"decision": "dismiss"}, allowed=ALEX, ok=(302,)
    ),
    "safety_plan_sharing": RouteCase(allowed=ALEX),
    "safety_plan_share_peer": RouteCase(method="post", allowed=ALEX, ok=(302,)),
    "safety_plan_share_stop": RouteCase(kwargs=share_kwargs, method="post", allowed=ALEX, ok=(302,)),
    "safety_plan_link_new": RouteCase(
        method="post", data={"label": "My sister", "days": "7"}, allowed=ALEX, ok=(200,)
    ),
    "safety_plan_link_revoke": RouteCase(kwargs=link_kwargs, method="post", allowed=ALEX, ok=(302,)),
    # The secret in the URL is the permission.
    "safety_plan_shared_link": RouteCase(kwargs=token_kwargs, capability_link=True),
    # The peer supporter alex shares with.
    "safety_plans_shared": RouteCase(allowed=PAT),
    "safety_plan_participant": RouteCase(kwargs=participant_kwargs, allowed=PAT),
    "safety_plan_suggest": RouteCase(
        kwargs=participant_kwargs,
        method="post",
        data={"section": "people_to_ask", "text": "Your cousin Lee"},
        allowed=PAT,
        ok=(302,),
    ),
    # Organization admins.
    "crisis_line_list": RouteCase(allowed=MORGAN),
    "crisis_lines_defaults": RouteCase(method="post", allowed=MORGAN, ok=(302,)),
    "crisis_line_edit": RouteCase(kwargs=line_kwargs, allowed=MORGAN),
    "crisis_line_remove": RouteCase(kwargs=line_kwargs, method="post", allowed=MORGAN, ok=(302,)),
}

API = "/api/v1/safety"
EMPTY_PLAN = {
    "warning_signs": [{"text": "Not sleeping"}],
    "coping_strategies": [],
    "distractions": [],
    "people_to_ask": [],
    "professionals": [],
    "safe_environment": [],
    "reasons_for_living": [],
}

API_ROUTES: dict[str, ApiCase] = {
    "safety_plan_get": ApiCase("get", f"{API}/plan", allowed=ALEX),
    "safety_plan_put": ApiCase("put", f"{API}/plan", EMPTY_PLAN, allowed=ALEX),
    "crisis_lines_get": ApiCase("get", f"{API}/crisis-lines"),
}
