"""The time zone a person or a record reads times in."""

from __future__ import annotations

import zoneinfo
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alongside.accounts.models import Membership


def zone_named(name: str | None) -> zoneinfo.ZoneInfo:
    """The zone called `name`; UTC when it is empty or unknown."""
    try:
        return zoneinfo.ZoneInfo(name or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def zone_of(person: Membership) -> zoneinfo.ZoneInfo:
    """The time zone a person reads times in: their own, else their organization's."""
    return zone_named(person.user.timezone or person.organization.timezone)
