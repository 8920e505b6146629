from __future__ import annotations

from alongside.accounts.models import Membership
from alongside.matching.models import PeerMatch


def active_match_for(participant: Membership) -> PeerMatch | None:
    """The participant's current peer match, if any (within the active organization scope)."""
    return (
        PeerMatch.objects.filter(participant=participant, status=PeerMatch.Status.ACTIVE)
        .select_related("peer__user")
        .first()
    )
