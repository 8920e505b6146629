"""Authorization cases for the participants app's routes (collected by tests/authz.py).

participant_list and participant_detail are covered in tests/test_route_authorization.py.
"""

from __future__ import annotations

from typing import Any

from django_scopes import scope

from alongside.participants.models import ExperienceArea
from alongside.participants.services import participant_register
from conftest import Persona
from tests.authz import ApiCase, RouteCase

STAFF_HELPERS = ("pat", "sam", "morgan")


def alex_id(personas: dict[str, Persona]) -> dict[str, Any]:
    return {"participant_id": personas["alex"].membership.pk}  # type: ignore[union-attr]


def alex_step(personas: dict[str, Persona]) -> dict[str, Any]:
    return {**alex_id(personas), "step": "consent"}


def an_area(personas: dict[str, Persona]) -> dict[str, Any]:
    organization = personas["morgan"].organization
    with scope(organization=organization):
        return {"area_id": ExperienceArea.objects.get(slug="grief").pk}


def handover_token(personas: dict[str, Persona]) -> dict[str, Any]:
    sam = personas["sam"]
    with scope(organization=sam.organization):
        registration = participant_register(
            actor=sam.membership,  # type: ignore[arg-type]
            display_name="Walk-in",
            email="walk-in@example.org",
            language="en",
        )
    return {"token": registration.raw_token}


ROUTES: dict[str, RouteCase] = {
    "intake": RouteCase(allowed=("alex",), ok=(302,)),
    "intake_step": RouteCase(kwargs=lambda p: {"step": "consent"}, allowed=("alex",)),
    "intake_for": RouteCase(kwargs=alex_id, allowed=STAFF_HELPERS, ok=(302,)),
    "intake_step_for": RouteCase(kwargs=alex_step, allowed=STAFF_HELPERS),
    "participant_register": RouteCase(allowed=STAFF_HELPERS),
    "participant_handover_send": RouteCase(
        kwargs=alex_id,
        method="post",
        data={"email": "alex.new@example.org"},
        allowed=STAFF_HELPERS,
        ok=(302,),
    ),
    "participant_handover_accept": RouteCase(kwargs=handover_token, capability_link=True),
    "experience_area_list": RouteCase(allowed=("morgan",)),
    "experience_area_update": RouteCase(
        kwargs=an_area,
        method="post",
        data={"label": "Grief and loss", "is_active": "on"},
        allowed=("morgan",),
        ok=(302,),
    ),
    "experience_area_move": RouteCase(
        kwargs=an_area, method="post", data={"direction": "up"}, allowed=("morgan",), ok=(302,)
    ),
}

API_ROUTES: dict[str, ApiCase] = {
    "my_profile": ApiCase("get", "/api/v1/participants/me/profile", allowed=("alex",)),
    "my_profile_replace": ApiCase(
        "put",
        "/api/v1/participants/me/profile",
        {"consent": True, "languages": ["en"], "focus": "both"},
        allowed=("alex",),
    ),
}
