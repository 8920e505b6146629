"""Who may see which participants. Every read of participant data starts here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from alongside.accounts.models import Membership
from alongside.checkins.models import CheckIn
from alongside.core.audit import audit_record, audit_record_many
from alongside.core.roles import Role
from alongside.matching.models import PeerMatch


def participants_visible_to(viewer: Membership) -> QuerySet[Membership]:
    """The participants `viewer` may see in their organization.

    A participant sees only themselves; a peer supporter sees their active caseload;
    supervisors and admins see every participant; clinicians see nobody until a participant
    consents to share (consent arrives with clinical integration).
    """
    participants = Membership.objects.filter(role=Role.PARTICIPANT).select_related("user", "programme")
    if viewer.role == Role.PARTICIPANT:
        return participants.filter(pk=viewer.pk)
    if viewer.role == Role.PEER:
        return participants.filter(
            peer_matches__peer=viewer, peer_matches__status=PeerMatch.Status.ACTIVE, is_active=True
        )
    if viewer.role in (Role.SUPERVISOR, Role.ADMIN):
        return participants
    return participants.none()


def participant_for(*, viewer: Membership, participant_id: int, reason: str = "") -> Membership:
    """One participant the viewer may see, or 404 (the same answer whether the participant does
    not exist or is not theirs to see). Audited as participant.view."""
    participant = participants_visible_to(viewer).filter(pk=participant_id).first()
    if participant is None:
        raise Http404
    if viewer.pk != participant.pk:
        audit_record(
            action="participant.view",
            actor=viewer.user,
            organization=viewer.organization,
            subject=participant,
            reason=reason,
        )
    return participant


@dataclass
class CaseloadEntry:
    participant: Membership
    last_checkin: CheckIn | None
    reasons: list[str] = field(default_factory=list)

    @property
    def needs_attention(self) -> bool:
        return bool(self.reasons)


def caseload_of(peer: Membership, today: date | None = None) -> list[CaseloadEntry]:
    """The peer's caseload with who needs attention and why, most urgent first.

    Two queries whatever the caseload size. Reasons: no check-in for three days or more, asked
    to talk, a very low mood, or crisis language in a recent note.
    """
    from django.utils.translation import gettext as _

    today = today or timezone.localdate()
    participants = list(participants_visible_to(peer).order_by("user__display_name", "user__username"))
    recent = CheckIn.objects.filter(
        participant__in=participants, day__gte=today - timedelta(days=7)
    ).order_by("participant_id", "-day")
    latest: dict[int, CheckIn] = {}
    flagged: dict[int, str] = {}
    for checkin in recent.defer("note"):
        latest.setdefault(checkin.participant_id, checkin)
        if checkin.screening_level in ("concern", "urgent") and checkin.participant_id not in flagged:
            flagged[checkin.participant_id] = checkin.screening_level
    entries = []
    for participant in participants:
        last = latest.get(participant.pk)
        reasons = []
        if flagged.get(participant.pk) == "urgent":
            reasons.append(_("Crisis language in a recent check-in"))
        elif flagged.get(participant.pk) == "concern":
            reasons.append(_("Signs of distress in a recent check-in"))
        if last is None or (today - last.day).days >= 3:
            reasons.append(_("No check-in for three days or more"))
        if last is not None and last.wants_to_talk and (today - last.day).days <= 1:
            reasons.append(_("Asked to talk"))
        if last is not None and last.mood == 1 and (today - last.day).days <= 1:
            reasons.append(_("Feeling very low"))
        entries.append(CaseloadEntry(participant=participant, last_checkin=last, reasons=reasons))
    entries.sort(key=lambda entry: (not entry.needs_attention, -len(entry.reasons)))
    audit_record_many(
        action="caseload.view", actor=peer.user, organization=peer.organization, subjects=participants
    )
    return entries
