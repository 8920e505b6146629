from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from alongside.core.navigation import navigation_for


def membership(request: HttpRequest) -> dict[str, Any]:
    active = getattr(request, "membership", None)
    return {
        "membership": active,
        "memberships": getattr(request, "memberships", []),
        "organization": getattr(request, "organization", None),
        "nav_items": navigation_for(request, active),
    }
