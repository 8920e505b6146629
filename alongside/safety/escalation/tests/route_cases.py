"""Authorization cases for the crisis escalation routes (collected by tests/authz.py)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone
from django_scopes import scope

from alongside.safety.detector import screen
from alongside.safety.escalation import services
from alongside.safety.escalation.models import Debrief, OnCallShift
from conftest import Persona
from tests.authz import ApiCase, RouteCase

RESPONDERS = ("pat", "sam", "morgan")
OVERSIGHT = ("sam", "morgan")
URGENT = "I have a plan to end my life tonight"


def an_incident(personas: dict[str, Persona]) -> dict[str, Any]:
    alex = personas["alex"]
    with scope(organization=alex.organization):
        incident = services.respond_to_screening(
            participant=alex.membership, screening=screen(URGENT), text=URGENT, source="checkin"
        )
    assert incident is not None
    return {"incident_id": incident.pk}


def a_shift(personas: dict[str, Persona]) -> dict[str, Any]:
    sam = personas["sam"]
    with scope(organization=sam.organization):
        shift = OnCallShift.objects.create(
            organization=sam.organization,
            member=sam.membership,
            starts_at=timezone.now(),
            ends_at=timezone.now() + timedelta(hours=8),
        )
    return {"shift_id": shift.pk}


def pats_debrief(personas: dict[str, Persona]) -> dict[str, Any]:
    pat = personas["pat"]
    with scope(organization=pat.organization):
        incident_id = an_incident(personas)["incident_id"]
        debrief, _created = Debrief.objects.get_or_create(
            incident_id=incident_id, member=pat.membership, defaults={"organization": pat.organization}
        )
    return {"debrief_id": debrief.pk}


def alex_incident_path(personas: dict[str, Persona]) -> str:
    return f"/api/v1/crisis/incidents/{an_incident(personas)['incident_id']}"


def alex_incident_ack_path(personas: dict[str, Persona]) -> str:
    return alex_incident_path(personas) + "/acknowledge"


ROUTES: dict[str, RouteCase] = {
    "crisis_now": RouteCase(kwargs=an_incident, allowed=("alex",)),
    "crisis_safe": RouteCase(kwargs=an_incident, method="post", allowed=("alex",), ok=(302,)),
    "crisis_talk": RouteCase(
        kwargs=an_incident, method="post", data={"whom": "peer"}, allowed=("alex",), ok=(302,)
    ),
    "incident_list": RouteCase(allowed=RESPONDERS),
    "incident_detail": RouteCase(kwargs=an_incident, allowed=RESPONDERS),
    "incident_acknowledge": RouteCase(kwargs=an_incident, method="post", allowed=RESPONDERS, ok=(302,)),
    "incident_record": RouteCase(
        kwargs=an_incident,
        method="post",
        data={"kind": "note", "detail": "Called"},
        allowed=RESPONDERS,
        ok=(302,),
    ),
    "incident_close": RouteCase(
        kwargs=an_incident, method="post", data={"outcome": "false_alarm"}, allowed=RESPONDERS, ok=(302,)
    ),
    "debrief": RouteCase(kwargs=pats_debrief, allowed=("pat", "sam", "morgan")),
    "on_call": RouteCase(allowed=RESPONDERS),
    "on_call_remove": RouteCase(kwargs=a_shift, method="post", allowed=OVERSIGHT, ok=(302,)),
    "escalation_settings": RouteCase(allowed=("morgan",)),
}

API_ROUTES: dict[str, ApiCase] = {
    "crisis_incidents": ApiCase("get", "/api/v1/crisis/incidents", allowed=RESPONDERS),
    "crisis_incident": ApiCase("get", alex_incident_path, allowed=RESPONDERS),
    # Each responder asks in turn about the same open incident: the first takes it, the others
    # are let in and told it is taken (409).
    "crisis_incident_acknowledge": ApiCase("post", alex_incident_ack_path, allowed=RESPONDERS, ok=(200, 409)),
    "crisis_on_call": ApiCase("get", "/api/v1/crisis/on-call", allowed=RESPONDERS),
}
