"""Writes for peer matches. The matching engine (engine/) proposes; these record decisions."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alongside.accounts.models import Membership, User
from alongside.core.audit import audit_record
from alongside.core.roles import Role
from alongside.matching.models import PeerMatch


@transaction.atomic
def match_start(
    *, actor: User | None, participant: Membership, peer: Membership, reasons: list[str] | None = None
) -> PeerMatch:
    """Ends the participant's current match (kept as history) and starts one with `peer`."""
    if participant.role != Role.PARTICIPANT:
        raise ValidationError(_("Only participants are matched with a peer supporter."))
    if peer.role != Role.PEER or not peer.is_active:
        raise ValidationError(_("That person is not an active peer supporter."))
    if participant.organization_id != peer.organization_id:
        raise ValidationError(_("Both people must belong to the same organization."))
    now = timezone.now()
    PeerMatch.objects.filter(participant=participant, status=PeerMatch.Status.ACTIVE).update(
        status=PeerMatch.Status.ENDED, ended_at=now
    )
    match = PeerMatch.objects.create(
        organization_id=participant.organization_id,
        participant=participant,
        peer=peer,
        reasons=reasons or [],
        started_at=now,
    )
    audit_record(
        action="match.start",
        actor=actor,
        organization=participant.organization,
        subject=participant,
        obj=match,
    )
    return match
