"""The demo: sam can run matching for Harbor's waiting participants and approve it."""

from __future__ import annotations

import pytest
from django_scopes import scope, scopes_disabled

from alongside.accounts.models import Membership, User
from alongside.devtools.demo_data import seed_demo
from alongside.matching import demo, selectors, services
from alongside.matching.models import PeerMatch, PeerProfile

pytestmark = pytest.mark.django_db


def test_sam_matches_the_waiting_participants_and_alex_and_jordan_keep_their_peers() -> None:
    seed_demo()
    users = {u.username: u for u in User.objects.all()}
    demo.seed_demo(users=users, rng=None)  # type: ignore[arg-type]
    demo.seed_demo(users=users, rng=None)  # type: ignore[arg-type]  # idempotent
    with scopes_disabled():
        sam = Membership.objects.select_related("organization").get(user__username="sam")
    with scope(organization=sam.organization):
        assert PeerProfile.objects.count() == 4
        before = set(
            PeerMatch.objects.filter(status="active").values_list(
                "participant__user__username", "peer__user__username"
            )
        )
        waiting = selectors.waiting_participants()
        assert len(waiting) == 16
        run = services.match_run_start(actor=sam)
        assert run.proposals.count() >= 12
        luis = run.proposals.filter(peer__user__username="luis").values_list(
            "participant__user__username", flat=True
        )
        assert "tomas" in set(luis)
        services.match_run_approve(actor=sam, run=run)
        after = set(
            PeerMatch.objects.filter(status="active").values_list(
                "participant__user__username", "peer__user__username"
            )
        )
        assert after == before
        assert {("alex", "pat"), ("jordan", "riley")} <= after
