"""The participants part of the demo: finished, varied intakes for Harbor's participants."""

from __future__ import annotations

import random

import pytest
from django_scopes import scope, scopes_disabled

from alongside.accounts.models import Membership, User
from alongside.core.timezones import today_of
from alongside.devtools.demo_data import seed_demo as seed_people
from alongside.participants.demo import DEMO_INTAKES, seed_demo
from alongside.participants.models import ParticipantProfile


@pytest.fixture
def demo(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    seed_people()
    users = {user.username: user for user in User.objects.all()}
    seed_demo(users=users, rng=random.Random(7))
    return users


def test_every_harbor_participant_has_a_finished_intake(demo) -> None:
    with scopes_disabled():
        participants = Membership.objects.filter(organization__slug="harbor", role="participant")
        names = set(participants.values_list("user__username", flat=True))
        finished = set(
            ParticipantProfile.objects.filter(
                participant__in=participants, intake_completed_at__isnull=False, consented_at__isnull=False
            ).values_list("participant__user__username", flat=True)
        )
    assert names <= set(DEMO_INTAKES)
    assert finished == names


def test_alex_shares_opioids_parenting_and_depression_and_started_about_14_months_ago(demo) -> None:
    with scopes_disabled():
        alex = Membership.objects.get(user__username="alex")
    with scope(organization=alex.organization):
        profile = ParticipantProfile.objects.get(participant=alex)
        assert profile.focus == "substance_use"
        assert set(profile.experiences.values_list("slug", flat=True)) == {
            "opioids",
            "parenting",
            "depression",
        }
        assert profile.recovery_start is not None
        days = (today_of(alex) - profile.recovery_start).days
    assert 400 <= days <= 450
    assert "tue-evening" in profile.availability  # what pat and alex share, as the match says


def test_spanish_speakers_can_be_matched_in_spanish(demo) -> None:
    with scopes_disabled():
        languages = {
            p.participant.user.username: p.languages
            for p in ParticipantProfile.objects.select_related("participant__user")
        }
    for name in ("rosa", "tomas", "elena"):
        assert "es" in languages[name]


def test_seeding_again_changes_nothing(demo) -> None:
    with scopes_disabled():
        before = list(
            ParticipantProfile.objects.order_by("pk").values_list("pk", "updated_at", "availability")
        )
    seed_demo(users=demo, rng=random.Random(99))
    with scopes_disabled():
        after = list(
            ParticipantProfile.objects.order_by("pk").values_list("pk", "updated_at", "availability")
        )
    assert before == after
