"""The safety plan API: the participant's own plan, and the organization's crisis lines.

The plan is the signed-in participant's own; nobody else reads or writes it here. PUT replaces
every section (send them all, empty lists for empty sections); the version it replaces is kept.
Send the `version` you last read to be told (409) instead of overwriting a change made
elsewhere. Input that breaks a rule is a 422 problem detail naming each section, and nothing
is saved.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language
from ninja import Router, Schema

from alongside.accounts.models import Membership
from alongside.api.access import api_access
from alongside.api.problems import problem
from alongside.core.access import Access
from alongside.core.roles import Role
from alongside.safety import selectors
from alongside.safety.models import CrisisLine, CrisisLineKind, Entry, Section
from alongside.safety.selectors import SafetyPlanPage
from alongside.safety.services import PlanChangedElsewhere, safety_plan_update

router = Router(tags=["safety"])
ROUTER_PREFIX = "/safety"
PARTICIPANT = Access(roles=frozenset({Role.PARTICIPANT}))
MEMBER = Access(roles=frozenset(Role.values))


class EntrySchema(Schema):
    text: str
    phone: str = ""


class CrisisLineOut(Schema):
    name: str
    kind: CrisisLineKind
    phone: str
    sms: str
    sms_keyword: str
    chat_url: str
    hours: str
    description: str
    languages: str


class CrisisLinesOut(Schema):
    country: str
    emergency_number: str
    lines: list[CrisisLineOut]


class SafetyPlanOut(Schema):
    participant_id: int
    version: int
    updated_at: datetime | None
    warning_signs: list[EntrySchema]
    coping_strategies: list[EntrySchema]
    distractions: list[EntrySchema]
    people_to_ask: list[EntrySchema]
    professionals: list[EntrySchema]
    safe_environment: list[EntrySchema]
    reasons_for_living: list[EntrySchema]
    shared_with_peer: bool
    crisis_help_suggested: bool
    crisis: CrisisLinesOut


class SafetyPlanIn(Schema):
    """Every section, in full. `version` is the version you last read (optional)."""

    version: int | None = None
    warning_signs: list[EntrySchema]
    coping_strategies: list[EntrySchema]
    distractions: list[EntrySchema]
    people_to_ask: list[EntrySchema]
    professionals: list[EntrySchema]
    safe_environment: list[EntrySchema]
    reasons_for_living: list[EntrySchema]


def _me(request: HttpRequest) -> Membership:
    return request.membership  # type: ignore[attr-defined,no-any-return]


def _line_out(line: CrisisLine) -> dict[str, Any]:
    return {
        name: getattr(line, name)
        for name in (
            "name",
            "kind",
            "phone",
            "sms",
            "sms_keyword",
            "chat_url",
            "hours",
            "description",
            "languages",
        )
    }


def _crisis_out(crisis: selectors.CrisisHelp) -> dict[str, Any]:
    return {
        "country": crisis.country,
        "emergency_number": crisis.emergency_number,
        "lines": [_line_out(line) for line in crisis.lines],
    }


def _plan_out(page: SafetyPlanPage, *, shared: bool) -> dict[str, Any]:
    plan = page.plan
    out: dict[str, Any] = {
        "participant_id": page.participant.pk,
        "version": plan.version if plan is not None else 0,
        "updated_at": plan.updated_at if plan is not None else None,
        "shared_with_peer": shared,
        "crisis_help_suggested": plan is not None and plan.screening_level == "urgent",
        "crisis": _crisis_out(page.crisis),
    }
    for section in page.sections:
        out[section.key] = [{"text": entry.text, "phone": entry.phone} for entry in section.entries]
    return out


def _own_plan(request: HttpRequest) -> dict[str, Any]:
    me = _me(request)
    page = selectors.own_safety_plan(me)
    return _plan_out(page, shared=selectors.own_sharing(me).peer_share is not None)


def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = [
        {"location": "body.body" + ("" if name == "__all__" else f".{name}"), "message": message}
        for name, messages in exc.message_dict.items()
        for message in messages
    ]
    return problem(
        request, 422, " ".join(error["message"] for error in errors), kind="invalid-input", errors=errors
    )


@router.get("/plan", response=SafetyPlanOut)
@api_access(PARTICIPANT)
def safety_plan_get(request: HttpRequest) -> Any:
    """The participant's own safety plan (version 0 and empty sections before they write one),
    with the crisis lines that belong in step 5."""
    return _own_plan(request)


@router.put("/plan", response=SafetyPlanOut)
@api_access(PARTICIPANT)
def safety_plan_put(request: HttpRequest, body: SafetyPlanIn) -> Any:
    """Replace the participant's own plan. The version it replaces is kept in the history.
    `crisis_help_suggested` is true when what was newly written sounds like a crisis: show the
    crisis lines."""
    sections = {
        section: [Entry(text=entry.text, phone=entry.phone) for entry in getattr(body, section)]
        for section in Section.values
    }
    try:
        safety_plan_update(
            participant=_me(request),
            sections=sections,
            locale=(get_language() or "en")[:2],
            expected_version=body.version,
            change="api",
        )
    except PlanChangedElsewhere as exc:
        return problem(
            request,
            409,
            "The plan changed since the version you sent. Read it again and send your changes on top.",
            kind="conflict",
            current_version=exc.current_version,
        )
    except ValidationError as exc:
        return _invalid(request, exc)
    return _own_plan(request)


@router.get("/crisis-lines", response=CrisisLinesOut)
@api_access(MEMBER)
def crisis_lines_get(request: HttpRequest) -> Any:
    """The crisis lines of the caller's organization, in order, and the emergency number."""
    return _crisis_out(selectors.crisis_help_for(_me(request).organization))
