"""Authorization cases for the check-in routes (checkin_today and checkin_history are in
tests/test_route_authorization.py)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django_scopes import scope

from alongside.checkins.milestones import recovery_period_start
from alongside.checkins.models import CheckIn
from alongside.core.timezones import today_of
from conftest import Persona
from tests.authz import ApiCase, RouteCase

PARTICIPANT_ONLY = ("alex",)


def alex_checkin_path(personas: dict[str, Persona]) -> str:
    alex = personas["alex"]
    with scope(organization=alex.organization):
        checkin, _created = CheckIn.objects.get_or_create(
            participant=alex.membership,
            day=today_of(alex.membership),
            defaults={"organization": alex.organization, "mood": 3, "created_at": timezone.now()},
        )
    return f"/api/v1/checkins/{checkin.pk}"


def alex_with_recovery_date(personas: dict[str, Persona]) -> dict[str, Any]:
    alex = personas["alex"]
    assert alex.membership is not None
    with scope(organization=alex.organization):
        recovery_period_start(
            participant=alex.membership, started_on=today_of(alex.membership).replace(day=1), actor=alex.user
        )
    return {}


ROUTES: dict[str, RouteCase] = {
    "checkin_calendar": RouteCase(allowed=PARTICIPANT_ONLY),
    "checkin_trends": RouteCase(allowed=PARTICIPANT_ONLY),
    "checkin_reminders": RouteCase(allowed=PARTICIPANT_ONLY),
    "recovery_overview": RouteCase(allowed=PARTICIPANT_ONLY),
    "recovery_start": RouteCase(
        method="post", data={"started_on": "2026-01-05"}, allowed=PARTICIPANT_ONLY, ok=(302,)
    ),
    "recovery_setback": RouteCase(kwargs=alex_with_recovery_date, allowed=PARTICIPANT_ONLY),
    "recovery_sharing": RouteCase(method="post", data={"share": "on"}, allowed=PARTICIPANT_ONLY, ok=(302,)),
}

API_ROUTES: dict[str, ApiCase] = {
    "checkins_list": ApiCase("get", "/api/v1/checkins/", allowed=PARTICIPANT_ONLY),
    "checkins_save": ApiCase(
        "post", "/api/v1/checkins/", {"mood": 4}, allowed=PARTICIPANT_ONLY, ok=(200, 201)
    ),
    "checkins_trends": ApiCase("get", "/api/v1/checkins/trends?days=7", allowed=PARTICIPANT_ONLY),
    "checkins_get": ApiCase("get", alex_checkin_path, allowed=PARTICIPANT_ONLY),
    "checkins_update": ApiCase("put", alex_checkin_path, {"mood": 2}, allowed=PARTICIPANT_ONLY),
    "recovery_get": ApiCase("get", "/api/v1/checkins/recovery", allowed=PARTICIPANT_ONLY),
    "recovery_setback_create": ApiCase(
        "post", "/api/v1/checkins/recovery/setback", {"note": ""}, allowed=PARTICIPANT_ONLY, ok=(201, 400)
    ),
}
