from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from alongside.core.models import Notification
from alongside.core.navigation import navigation_for


def membership(request: HttpRequest) -> dict[str, Any]:
    active = getattr(request, "membership", None)
    user = getattr(request, "user", None)
    unread = 0
    if user is not None and user.is_authenticated:
        unread = Notification.objects.filter(user=user, read_at__isnull=True).count()
    return {
        "unread_notifications": unread,
        "membership": active,
        "memberships": getattr(request, "memberships", []),
        "organization": getattr(request, "organization", None),
        "nav_items": navigation_for(request, active),
    }
