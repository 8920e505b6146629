"""Reads for crisis escalation. Each runs inside the active organization scope and applies who
may see what: supervisors and admins see every incident; a peer supporter sees the incidents of
the participants they walk with and any they were alerted to; nobody else sees the timeline."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from alongside.accounts.models import Membership
from alongside.core.roles import OVERSIGHT_ROLES, Role
from alongside.matching.models import PeerMatch
from alongside.safety.escalation.models import Alert, Debrief, Incident, OnCallShift

ON_CALL_ROLES = (Role.PEER, Role.SUPERVISOR, Role.ADMIN)


def on_call_at(moment: datetime) -> list[OnCallShift]:
    """Shifts covering `moment` with an active person, first tier first."""
    return list(
        OnCallShift.objects.filter(starts_at__lte=moment, ends_at__gt=moment, member__is_active=True)
        .select_related("member__user", "member__organization")
        .order_by("tier", "starts_at", "pk")
    )


def upcoming_shifts(*, days: int = 14) -> list[OnCallShift]:
    now = timezone.now()
    return list(
        OnCallShift.objects.filter(ends_at__gt=now, starts_at__lt=now + timedelta(days=days))
        .select_related("member__user", "member__organization")
        .order_by("starts_at", "tier", "pk")
    )


def members_with_roles(roles: list[str]) -> list[Membership]:
    return list(
        Membership.objects.filter(role__in=roles, is_active=True)
        .select_related("user", "organization")
        .order_by("pk")
    )


def peer_of(participant: Membership) -> Membership | None:
    match = (
        PeerMatch.objects.filter(participant=participant, status=PeerMatch.Status.ACTIVE)
        .select_related("peer__user", "peer__organization")
        .first()
    )
    return match.peer if match is not None and match.peer.is_active else None


def incidents_visible_to(viewer: Membership) -> QuerySet[Incident]:
    rows = Incident.objects.select_related("participant__user", "acknowledged_by__user")
    if viewer.role in OVERSIGHT_ROLES:
        return rows
    if viewer.role == Role.PEER:
        mine = PeerMatch.objects.filter(peer=viewer, status=PeerMatch.Status.ACTIVE).values("participant_id")
        alerted = Alert.objects.filter(recipient=viewer).values("incident_id")
        return rows.filter(Q(participant_id__in=mine) | Q(pk__in=alerted))
    return rows.none()


def incident_for(viewer: Membership, incident_id: int) -> Incident:
    incident = incidents_visible_to(viewer).filter(pk=incident_id).first()
    if incident is None:
        raise Http404
    return incident


def may_respond(member: Membership, incident: Incident) -> bool:
    if member.organization_id != incident.organization_id or not member.is_active:
        return False
    if member.role in OVERSIGHT_ROLES:
        return True
    return incidents_visible_to(member).filter(pk=incident.pk).exists() or any(
        s.member_id == member.pk for s in on_call_at(timezone.now())
    )


def own_incident(participant: Membership, incident_id: int) -> Incident:
    """The participant's own incident, for their help screen (never the staff timeline)."""
    incident = Incident.objects.filter(participant=participant, pk=incident_id).first()
    if incident is None:
        raise Http404
    return incident


def latest_urgent_for(
    participant: Membership, *, within: timedelta = timedelta(minutes=5)
) -> Incident | None:
    """The participant's urgent incident from the last few minutes: the write that raised it
    shows the help screen for it."""
    return (
        Incident.objects.filter(
            participant=participant,
            level=Incident.Level.URGENT,
            created_at__gte=timezone.now() - timedelta(hours=1),
        )
        .exclude(status=Incident.Status.CLOSED)
        .order_by("-created_at")
        .first()
    )


def open_alerts_for(member: Membership) -> list[Alert]:
    """Urgent incidents this person was alerted to that nobody has acknowledged yet."""
    return list(
        Alert.objects.filter(recipient=member, incident__status=Incident.Status.OPEN)
        .select_related("incident__participant__user")
        .order_by("-sent_at")
    )


def open_incidents_by_participant(participant_ids: list[int], *, days: int = 14) -> dict[int, list[Incident]]:
    """Incidents not closed yet from the last `days`, per participant (for the caseload)."""
    found: dict[int, list[Incident]] = {}
    rows = Incident.objects.filter(
        participant_id__in=participant_ids, created_at__gte=timezone.now() - timedelta(days=days)
    ).exclude(status=Incident.Status.CLOSED)
    for incident in rows.order_by("-created_at").defer("excerpt", "outcome_note"):
        found.setdefault(incident.participant_id, []).append(incident)
    return found


def pending_debriefs(member: Membership) -> list[Debrief]:
    return list(
        Debrief.objects.filter(member=member, completed_at__isnull=True).select_related(
            "incident__participant__user"
        )
    )


def debrief_for(viewer: Membership, debrief_id: int) -> Debrief:
    rows = Debrief.objects.select_related("member__user", "incident__participant__user")
    found = rows.filter(pk=debrief_id).first()
    if found is None or not (found.member_id == viewer.pk or viewer.role in OVERSIGHT_ROLES):
        raise Http404
    return found


def safety_card() -> dict[str, object]:
    """For the supervisor's home: what is open, who is on call now, reports to review."""
    from alongside.conversations.models import MessageReport

    open_rows = Incident.objects.exclude(status=Incident.Status.CLOSED)
    return {
        "urgent_waiting": open_rows.filter(level=Incident.Level.URGENT, status=Incident.Status.OPEN).count(),
        "urgent_handled": open_rows.filter(
            level=Incident.Level.URGENT, status=Incident.Status.ACKNOWLEDGED
        ).count(),
        "concerns": open_rows.filter(level=Incident.Level.CONCERN).count(),
        "on_call": on_call_at(timezone.now()),
        "reports": MessageReport.objects.filter(status=MessageReport.Status.OPEN).count(),
    }
