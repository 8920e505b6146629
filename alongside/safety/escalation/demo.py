"""Crisis cover for the demo organization (Harbor): an on-call rota around the clock for the
next eight weeks (Sam first, Dana second, then the admins), and one earlier incident with its
whole timeline, closed, so the incident pages have something to show.

`seed_demo` is idempotent: an organization that already has a rota or incidents is left alone.
"""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from django.utils import timezone
from django_scopes import scope, scopes_disabled

from alongside.accounts.models import Membership
from alongside.core.timezones import today_in, zone_of
from alongside.safety.escalation.models import Debrief, Incident, IncidentEvent, OnCallShift

if TYPE_CHECKING:
    from alongside.accounts.models import User

WEEKS = 9


def seed_demo(*, users: dict[str, User], rng: random.Random) -> None:
    with scopes_disabled():
        sam = Membership.objects.select_related("organization", "user").get(
            user=users["sam"], organization__slug="harbor"
        )
        dana = Membership.objects.get(user=users["dana"], organization=sam.organization)
        riley = Membership.objects.get(user=users["riley"], organization=sam.organization)
        jordan = Membership.objects.get(user=users["jordan"], organization=sam.organization)
    organization = sam.organization
    with scope(organization=organization):
        if not OnCallShift.objects.exists():
            _rota(sam, dana)
        if not Incident.objects.exists():
            _earlier_incident(jordan=jordan, riley=riley)


def _rota(sam: Membership, dana: Membership) -> None:
    """Week-long shifts from Monday 9am to Monday 9am, local time, so someone is always on call."""
    zone = zone_of(sam)
    today = today_in(zone)
    # From the Monday before last, so that early on a Monday someone is still on call.
    monday = today - timedelta(days=today.weekday() + 7)
    rows = []
    for week in range(WEEKS):
        start = datetime.combine(monday + timedelta(weeks=week), time(9), tzinfo=zone)
        end = datetime.combine(monday + timedelta(weeks=week + 1), time(9), tzinfo=zone)
        for member, tier in ((sam, 1), (dana, 2)):
            rows.append(
                OnCallShift(
                    organization=sam.organization,
                    member=member,
                    starts_at=start,
                    ends_at=end,
                    tier=tier,
                    created_by=sam.user,
                )
            )
    OnCallShift.objects.bulk_create(rows)


def _earlier_incident(*, jordan: Membership, riley: Membership) -> None:
    """Two weeks ago Jordan wrote something urgent; Riley answered within minutes."""
    at = timezone.now() - timedelta(days=14, hours=3)
    incident = Incident.objects.create(
        organization=jordan.organization,
        participant=jordan,
        level=Incident.Level.URGENT,
        status=Incident.Status.CLOSED,
        source=Incident.Source.CHECKIN,
        categories=["suicide"],
        excerpt="Everything is too much tonight. I keep thinking everyone would be better off without me.",
        reasons="better off without me",
        created_at=at,
        escalation_step=1,
        acknowledged_at=at + timedelta(minutes=3),
        acknowledged_by=riley,
        participant_safe_at=at + timedelta(minutes=20),
        closed_at=at + timedelta(hours=1),
        closed_by=riley,
        outcome="safe_with_plan",
        outcome_note="Talked for 40 minutes. Jordan went through their safety plan and is staying with a friend tonight.",
        follow_up_on=(at + timedelta(days=1)).date(),
    )
    timeline = [
        (IncidentEvent.Kind.DETECTED, None, 0, "better off without me"),
        (IncidentEvent.Kind.ALERTED, None, 0, ""),
        (IncidentEvent.Kind.SEEN, riley, 2, ""),
        (IncidentEvent.Kind.ACKNOWLEDGED, riley, 3, ""),
        (IncidentEvent.Kind.CONTACTED, riley, 6, "Called Jordan. We talked it through."),
        (IncidentEvent.Kind.SAFE, jordan, 20, ""),
        (IncidentEvent.Kind.FOLLOW_UP, riley, 45, "Check in tomorrow morning"),
        (IncidentEvent.Kind.CLOSED, riley, 60, "safe_with_plan"),
        (IncidentEvent.Kind.DEBRIEF, riley, 60, ""),
    ]
    IncidentEvent.objects.bulk_create(
        [
            IncidentEvent(
                organization=jordan.organization,
                incident=incident,
                kind=kind,
                actor=actor,
                at=at + timedelta(minutes=minutes),
                detail=detail,
                recipients=[riley.pk] if kind == IncidentEvent.Kind.ALERTED else [],
            )
            for kind, actor, minutes, detail in timeline
        ]
    )
    Debrief.objects.create(
        organization=jordan.organization,
        incident=incident,
        member=riley,
        created_at=at + timedelta(hours=1),
        completed_at=at + timedelta(hours=2),
        reflection="It was a lot, and I'm glad Jordan reached out. Talking with Sam the next day helped.",
        support_wanted=True,
    )
