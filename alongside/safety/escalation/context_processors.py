"""What every page needs to know about crisis cover: who is on call now (for the participant's
"Get help now" panel), whether nobody is (a warning for staff), and urgent alerts this person
has not answered yet (a banner on every page until someone acknowledges)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django_scopes import scope

from alongside.core.roles import Role
from alongside.safety.escalation import selectors

RESPONDER_ROLES = (Role.PEER, Role.SUPERVISOR, Role.ADMIN)


def crisis(request: HttpRequest) -> dict[str, Any]:
    member = getattr(request, "membership", None)
    if member is None or member.role == Role.CLINICIAN:
        return {}
    with scope(organization=member.organization):
        shifts = selectors.on_call_at(timezone.now())
        found: dict[str, Any] = {
            "on_call": {"name": shifts[0].member.user.shown_name} if shifts else None,
        }
        if member.role in RESPONDER_ROLES:
            found["nobody_on_call"] = not shifts
            found["crisis_alerts"] = selectors.open_alerts_for(member)
    return found
