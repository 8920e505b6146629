from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from alongside.accounts.models import Membership, Organization, User
from alongside.checkins.models import CheckIn
from alongside.devtools.demo_data import DEMO_PASSWORD, seed_demo
from alongside.matching.models import PeerMatch

HOME_HEADINGS = {
    "alex": "Hi, Alex",
    "jordan": "Hi, Jordan",
    "pat": "My caseload",
    "riley": "My caseload",
    "sam": "Harbor Peer Collective",
    "casey": "Care team",
    "morgan": "Harbor Peer Collective settings",
}


@pytest.fixture
def demo(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return seed_demo()


def test_every_demo_account_logs_in_and_sees_its_real_home_page(demo) -> None:
    for username, heading in HOME_HEADINGS.items():
        client = Client()
        assert client.login(username=username, password=DEMO_PASSWORD), username
        page = client.get("/").content.decode()
        assert heading in page, username


def test_seeding_twice_changes_nothing(demo) -> None:
    with scopes_disabled():
        before = (
            User.objects.count(),
            Membership.objects.count(),
            CheckIn.objects.count(),
            PeerMatch.objects.count(),
        )
        seed_demo()
        after = (
            User.objects.count(),
            Membership.objects.count(),
            CheckIn.objects.count(),
            PeerMatch.objects.count(),
        )
    assert before == after


def test_the_demo_has_what_a_newcomer_clicks_through(demo) -> None:
    with scopes_disabled():
        harbor = Organization.objects.get(slug="harbor")
        alex = Membership.objects.get(user__username="alex")
        assert harbor.name == "Harbor Peer Collective"
        assert PeerMatch.objects.get(participant=alex).peer.user.username == "pat"
        assert CheckIn.objects.filter(participant=alex).count() >= 45
        waiting = Membership.objects.filter(
            organization=harbor, role="participant", peer_matches__isnull=True
        )
        assert waiting.count() >= 15
        assert Membership.objects.filter(user__username="morgan").count() == 2
    with scope(organization=harbor):
        from alongside.safety.escalation.models import Incident
        from alongside.safety.escalation.selectors import on_call_at

        # Writing urgent words as alex alerts pat and the on-call supervisor at any hour.
        assert [s.member.user.username for s in on_call_at(timezone.now())] == ["sam", "dana"]
        assert [s.member.user.username for s in on_call_at(timezone.now() + timedelta(days=40))] == [
            "sam",
            "dana",
        ]
        assert Incident.objects.filter(participant__user__username="jordan", status="closed").exists()
        from alongside.conversations.models import Conversation

        # alex and pat are mid-conversation, with a session note and a follow-up due.
        conversation = Conversation.objects.get(
            participant__user__username="alex", peer__user__username="pat"
        )
        assert (
            conversation.messages.count() >= 5
            and conversation.notes.filter(follow_up_due__isnull=False).exists()
        )


def test_seed_makes_a_synthetic_organization(db) -> None:
    call_command("seed", "--participants", "40", "--peers", "4", "--days", "10", "--slug", "load")
    with scopes_disabled():
        organization = Organization.objects.get(slug="load")
        assert Membership.objects.filter(organization=organization, role="participant").count() == 40
        assert Membership.objects.filter(organization=organization, role="peer").count() == 4
        assert CheckIn.objects.filter(organization=organization).exists()
        assert PeerMatch.objects.filter(organization=organization).count() <= 40


def test_seed_refuses_an_existing_organization(db) -> None:
    call_command("seed", "--participants", "1", "--peers", "1", "--days", "1", "--slug", "load")
    with pytest.raises(CommandError, match="already exists"):
        call_command("seed", "--participants", "1", "--peers", "1", "--days", "1", "--slug", "load")
