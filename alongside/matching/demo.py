"""The matching part of the demo: matching profiles for Harbor's four peer supporters.

Idempotent: an existing profile is left as the peer last saved it. alex and jordan keep their
matches; the 16 participants seeded by participants.demo wait for sam to run matching.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from django.utils import timezone
from django_scopes import scope, scopes_disabled

from alongside.accounts.models import Membership, User
from alongside.core.roles import Role
from alongside.matching.models import MatchingSettings, PeerProfile
from alongside.participants.models import ExperienceArea

HARBOR = "harbor"
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")


@dataclass(frozen=True)
class DemoPeer:
    languages: tuple[str, ...]
    gender: str
    age_band: str
    experiences: tuple[str, ...]
    formats: tuple[str, ...]
    availability: tuple[str, ...]
    capacity: int = 12


def _slots(days: tuple[str, ...], *parts: str) -> tuple[str, ...]:
    return tuple(f"{day}-{part}" for day in days for part in parts)


DEMO_PEERS: dict[str, DemoPeer] = {
    "pat": DemoPeer(
        languages=("en",),
        gender="woman",
        age_band="35-44",
        experiences=("opioids", "parenting", "depression", "alcohol"),
        formats=("chat", "phone", "in_person"),
        availability=(*_slots(("tue",), "evening", "afternoon"), "thu-evening", "mon-morning", "wed-morning"),
        capacity=10,
    ),
    "riley": DemoPeer(
        languages=("en",),
        gender="nonbinary",
        age_band="25-34",
        experiences=("anxiety", "grief", "lgbtq", "self_harm", "eating"),
        formats=("chat", "video"),
        availability=(*_slots(WEEKDAYS, "evening"), "sat-night", "sun-night"),
        capacity=8,
    ),
    "dana": DemoPeer(
        languages=("en",),
        gender="woman",
        age_band="55-64",
        experiences=("alcohol", "trauma", "grief", "chronic_pain", "homelessness"),
        formats=("phone", "in_person", "video"),
        availability=_slots(WEEKDAYS, "morning", "afternoon"),
    ),
    "luis": DemoPeer(
        languages=("es", "en"),
        gender="man",
        age_band="45-54",
        experiences=("alcohol", "veteran", "incarceration", "stimulants", "depression"),
        formats=("phone", "in_person", "chat"),
        availability=(
            *_slots(("sat", "sun"), "morning"),
            *_slots(WEEKDAYS, "afternoon"),
            "tue-evening",
            "thu-evening",
        ),
    ),
}


def seed_demo(*, users: dict[str, User], rng: random.Random) -> None:
    """Gives Harbor's peer supporters a matching profile (skipping ones that exist) and the
    organization its default matching settings. `rng` is unused: the profiles are fixed so
    that the demo's matching is the same every time."""
    del rng
    for username, demo in DEMO_PEERS.items():
        user = users.get(username)
        if user is None:
            continue
        membership = _membership(user)
        if membership is None:
            continue
        with scope(organization=membership.organization):
            MatchingSettings.objects.get_or_create(organization=membership.organization)
            if PeerProfile.objects.filter(peer=membership).exists():
                continue
            profile = PeerProfile.objects.create(
                organization=membership.organization,
                peer=membership,
                capacity=demo.capacity,
                languages=list(demo.languages),
                gender=demo.gender,
                age_band=demo.age_band,
                meeting_formats=list(demo.formats),
                availability=list(demo.availability),
                updated_at=timezone.now(),
            )
            profile.experiences.set(ExperienceArea.objects.filter(slug__in=demo.experiences))


def _membership(user: User) -> Membership | None:
    with scopes_disabled():
        return (
            Membership.objects.filter(user=user, organization__slug=HARBOR, role=Role.PEER)
            .select_related("organization")
            .first()
        )
