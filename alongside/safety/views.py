from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from alongside.core.access import public
from alongside.matching.selectors import active_match_for
from alongside.safety.crisis_lines import lines_for


@public
def crisis_help(request: HttpRequest) -> HttpResponse:
    """Get help now: open to everyone, signed in or not, with the lines for the organization's
    country (or the visitor's choice)."""
    organization = getattr(request, "organization", None)
    country = request.GET.get("country") or (organization.country if organization else "US")
    emergency, lines = lines_for(country[:2])
    membership = getattr(request, "membership", None)
    match = (
        active_match_for(membership) if membership is not None and membership.role == "participant" else None
    )
    return render(
        request,
        "safety/crisis_help.html",
        {"emergency_number": emergency, "lines": lines, "country": country[:2].upper(), "match": match},
    )
