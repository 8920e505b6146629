from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from alongside.accounts.models import Invitation, Membership, Organization
from alongside.checkins.models import CheckIn
from alongside.core.roles import Role
from alongside.core.timezones import today_in, zone_named
from alongside.matching.models import PeerMatch


def open_organizations() -> QuerySet[Organization]:
    """Organizations that let anyone sign up as a participant."""
    return Organization.objects.filter(is_active=True, self_signup=True)


@dataclass(frozen=True)
class PeerLoad:
    peer: Membership
    caseload: int


@dataclass(frozen=True)
class OrganizationOverview:
    counts_by_role: dict[str, int]
    waiting_participants: Sequence[Membership]
    peer_loads: list[PeerLoad]
    checked_in_last_7_days: int
    participants: int
    pending_invitations: int


def organization_overview(organization: Organization) -> OrganizationOverview:
    """Aggregates for the supervisor's and admin's home page: a fixed number of queries."""
    members = Membership.objects.filter(is_active=True)
    counts = {row["role"]: row["n"] for row in members.values("role").annotate(n=Count("id"))}
    active = Q(peer_matches__status=PeerMatch.Status.ACTIVE)
    waiting = list(
        members.filter(role=Role.PARTICIPANT)
        .annotate(active_matches=Count("peer_matches", filter=active))
        .filter(active_matches=0)
        .select_related("user")
        .order_by("joined_at")[:20]
    )
    peers = (
        members.filter(role=Role.PEER)
        .annotate(load=Count("caseload_matches", filter=Q(caseload_matches__status=PeerMatch.Status.ACTIVE)))
        .select_related("user")
        .order_by("-load", "user__username")
    )
    since = today_in(zone_named(organization.timezone)) - timedelta(days=6)
    checked_in = CheckIn.objects.filter(day__gte=since).values("participant_id").distinct().count()
    pending = Invitation.objects.filter(
        accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
    ).count()
    return OrganizationOverview(
        counts_by_role=counts,
        waiting_participants=waiting,
        peer_loads=[PeerLoad(peer=p, caseload=p.load) for p in peers],  # type: ignore[attr-defined]
        checked_in_last_7_days=checked_in,
        participants=counts.get(Role.PARTICIPANT, 0),
        pending_invitations=pending,
    )
