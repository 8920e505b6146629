from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import redirect

from alongside.accounts.models import Membership
from alongside.safety.escalation import selectors


def crisis_redirect(participant: Membership) -> HttpResponse:
    """After a write whose words were urgent: the help screen for the incident it raised (the
    general help page if, for any reason, there is none)."""
    incident = selectors.latest_urgent_for(participant)
    if incident is None:
        return redirect("crisis_help")
    return redirect("crisis_now", incident_id=incident.pk)
