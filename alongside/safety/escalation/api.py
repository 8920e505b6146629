"""Crisis alerts over the API, for responders' own apps: open and recent incidents, one
incident with its timeline, acknowledging, and who is on call. Peer supporters see the
incidents of the people they walk with and any they were alerted to; supervisors and admins
see all of their organization's."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema

from alongside.accounts.models import Membership
from alongside.api.access import api_access
from alongside.api.problems import problem
from alongside.core.access import Access
from alongside.core.audit import audit_record, audit_record_many
from alongside.core.roles import Role
from alongside.safety.escalation import selectors, services
from alongside.safety.escalation.models import Incident

router = Router(tags=["crisis"])
ROUTER_PREFIX = "/crisis"
RESPONDERS = Access(roles=frozenset({Role.PEER, Role.SUPERVISOR, Role.ADMIN}))


class EventOut(Schema):
    kind: str
    at: datetime
    actor: str | None
    detail: str


class IncidentOut(Schema):
    id: int
    participant_id: int
    participant_name: str
    level: str
    status: str
    source: str
    categories: list[str]
    created_at: datetime
    acknowledged_at: datetime | None
    acknowledged_by: str | None
    participant_safe_at: datetime | None
    false_alarm: bool


class IncidentDetailOut(IncidentOut):
    excerpt: str
    reasons: list[str]
    timeline: list[EventOut]


class ShiftOut(Schema):
    member_id: int
    name: str
    starts_at: datetime
    ends_at: datetime
    tier: int


def _me(request: HttpRequest) -> Membership:
    return request.membership  # type: ignore[attr-defined,no-any-return]


def _out(incident: Incident) -> dict[str, Any]:
    return {
        "id": incident.pk,
        "participant_id": incident.participant_id,
        "participant_name": incident.participant.user.shown_name,
        "level": incident.level,
        "status": incident.status,
        "source": incident.source,
        "categories": list(incident.categories),
        "created_at": incident.created_at,
        "acknowledged_at": incident.acknowledged_at,
        "acknowledged_by": incident.acknowledged_by.user.shown_name if incident.acknowledged_by else None,
        "participant_safe_at": incident.participant_safe_at,
        "false_alarm": incident.false_alarm,
    }


@router.get("/incidents", response=list[IncidentOut])
@api_access(RESPONDERS)
def crisis_incidents(request: HttpRequest) -> Any:
    """Incidents the caller may see, newest first (at most 200), without what was written."""
    me = _me(request)
    rows = list(selectors.incidents_visible_to(me)[:200])
    if rows:
        audit_record_many(
            action="incident.list",
            actor=me.user,
            organization=me.organization,
            subjects=[i.participant for i in rows],
        )
    return [_out(i) for i in rows]


@router.get("/incidents/{incident_id}", response=IncidentDetailOut)
@api_access(RESPONDERS)
def crisis_incident(request: HttpRequest, incident_id: int) -> Any:
    """One incident with what was written and its timeline. Audited."""
    me = _me(request)
    incident = selectors.incident_for(me, incident_id)
    audit_record(
        action="incident.view",
        actor=me.user,
        organization=me.organization,
        subject=incident.participant,
        obj=incident,
    )
    events = incident.events.select_related("actor__user")
    return {
        **_out(incident),
        "excerpt": incident.excerpt,
        "reasons": incident.reason_list,
        "timeline": [
            {
                "kind": e.kind,
                "at": e.at,
                "actor": e.actor.user.shown_name if e.actor else None,
                "detail": "" if e.kind == "detected" else e.detail,
            }
            for e in events
        ],
    }


@router.post("/incidents/{incident_id}/acknowledge", response=IncidentOut)
@api_access(RESPONDERS)
def crisis_incident_acknowledge(request: HttpRequest, incident_id: int) -> Any:
    """Take the incident: the alert ladder stops. 409 when someone already did."""
    me = _me(request)
    incident = selectors.incident_for(me, incident_id)
    try:
        incident = services.incident_acknowledge(incident=incident, actor=me)
    except ValidationError as exc:
        return problem(request, 409, " ".join(exc.messages))
    return _out(selectors.incident_for(me, incident.pk))


@router.get("/on-call", response=list[ShiftOut])
@api_access(RESPONDERS)
def crisis_on_call(request: HttpRequest) -> Any:
    """Who is on call right now, first tier first."""
    return [
        {
            "member_id": s.member_id,
            "name": s.member.user.shown_name,
            "starts_at": s.starts_at,
            "ends_at": s.ends_at,
            "tier": s.tier,
        }
        for s in selectors.on_call_at(timezone.now())
    ]
