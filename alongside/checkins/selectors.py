from __future__ import annotations

from django.db.models import QuerySet

from alongside.accounts.models import Membership
from alongside.checkins.models import CheckIn
from alongside.core.audit import audit_record


def checkins_of(*, viewer: Membership, participant: Membership, days: int | None = None) -> QuerySet[CheckIn]:
    """A participant's check-ins, newest first, for someone already allowed to see that
    participant (see participants.selectors). Audited as checkin.read when the viewer is not
    the participant."""
    checkins = CheckIn.objects.filter(participant=participant).order_by("-day")
    if days is not None:
        checkins = checkins[:days]
    if viewer.pk != participant.pk:
        audit_record(
            action="checkin.read",
            actor=viewer.user,
            organization=participant.organization,
            subject=participant,
        )
    return checkins
