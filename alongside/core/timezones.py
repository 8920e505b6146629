"""The time zone a person reads times in, and their "today": one home for both.

One fallback order everywhere: the person's own zone; else their organization's (the one in use:
the active membership in a request or socket, the membership a service was given, otherwise the
first organization they belong to); else the server's `settings.TIME_ZONE`. A person whose zone
was never set has a blank `User.timezone`, so their organization's zone applies.

Pages show times in the active zone: `ReaderTimeZoneMiddleware` activates the reader's zone for
every request, consumers activate the connected person's for every frame they handle
(`core.consumers.DirectDispatch`), and text composed for someone else (a notification, an email,
a reminder) is composed inside `as_reader(recipient)`. Dates that belong to a person (their
check-in day, "today" on their plan) come from `today_of(person)`, whoever is reading.
"""

from __future__ import annotations

import contextlib
import functools
import zoneinfo
from collections.abc import Iterator
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils import timezone, translation

if TYPE_CHECKING:
    from alongside.accounts.models import Membership, Organization, User


@functools.cache
def known_zones() -> frozenset[str]:
    """Every IANA zone name this machine knows (read once: listing them walks the zone files)."""
    return frozenset(zoneinfo.available_timezones())


def is_known_zone(name: str | None) -> bool:
    return bool(name) and name in known_zones()


def server_zone() -> zoneinfo.ZoneInfo:
    """`settings.TIME_ZONE`, the last fallback (UTC when it is not a zone this machine knows)."""
    return _zone_or_none(settings.TIME_ZONE) or zoneinfo.ZoneInfo("UTC")


def _zone_or_none(name: str | None) -> zoneinfo.ZoneInfo | None:
    if not name:
        return None
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


def zone_named(name: str | None) -> zoneinfo.ZoneInfo:
    """The zone called `name` (a group's, a meeting's, an organization's); the server's when it
    is empty or unknown."""
    return _zone_or_none(name) or server_zone()


def zone_from_names(own: str | None, organization: str | None) -> zoneinfo.ZoneInfo:
    """The same order from plain column values (for reads that fetch rows, not instances)."""
    return _zone_or_none(own) or _zone_or_none(organization) or server_zone()


def zone_for(
    user: User | Any, organization: Organization | None = None, *, look_up: bool = True
) -> zoneinfo.ZoneInfo:
    """The zone `user` reads times in: their own; else `organization`'s (for a user who belongs
    to one, pass it; without it, the first organization they belong to is read, unless the
    caller already knows there is none and says `look_up=False`); else the server's. Works for
    a signed-out visitor (the server's zone) and for a person with no membership."""
    own = _zone_or_none(getattr(user, "timezone", ""))
    if own is not None:
        return own
    if organization is None and look_up and getattr(user, "is_authenticated", False) and user.pk is not None:
        organization = _first_organization(user)
    if organization is not None:
        found = _zone_or_none(organization.timezone)
        if found is not None:
            return found
    return server_zone()


def _first_organization(user: User) -> Organization | None:
    from django_scopes import scopes_disabled

    with scopes_disabled():
        membership = (
            user.memberships.filter(is_active=True, organization__is_active=True)
            .select_related("organization")
            .order_by("joined_at")
            .first()
        )
    return membership.organization if membership is not None else None


def zone_of(person: Membership) -> zoneinfo.ZoneInfo:
    """The zone a member of an organization reads times in: theirs, else that organization's."""
    return zone_for(person.user, person.organization)


def today_of(person: Membership, now: datetime | None = None) -> date:
    """The person's own calendar date now (or at `now`), in their zone, whoever is asking."""
    return today_in(zone_of(person), now)


def today_in(zone: zoneinfo.ZoneInfo, now: datetime | None = None) -> date:
    """The calendar date now (or at `now`) in `zone` (an organization's, a group's)."""
    return (now or timezone.now()).astimezone(zone).date()


def local_time_of(person: Membership, moment: datetime) -> datetime:
    """`moment` on the person's own clock."""
    return moment.astimezone(zone_of(person))


def zone_label(zone: zoneinfo.ZoneInfo | str) -> str:
    """A zone's name as people read it: 'America/New York'."""
    return str(zone).replace("_", " ")


@contextlib.contextmanager
def as_reader(person: Membership) -> Iterator[None]:
    """Compose text for `person` (a notification, an email, a reminder): their language and
    their time zone are active inside the block, whoever's request or task is running."""
    with translation.override(person.preferred_language), timezone.override(zone_of(person)):
        yield


@contextlib.contextmanager
def reading_in(zone: zoneinfo.ZoneInfo) -> Iterator[None]:
    """Times rendered inside the block read in `zone` (for a page read on someone's behalf, such
    as a safety plan opened through its private link)."""
    with timezone.override(zone):
        yield
