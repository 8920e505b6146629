"""Synthetic organizations at scale for benchmarks and load tests.

Everything is written with bulk inserts in a few large transactions, so 10,000 participants,
500 peers and 90 days of check-ins take well under two minutes on SQLite.
"""

from __future__ import annotations

import random
import zoneinfo
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django_scopes import scopes_disabled

from alongside.accounts.models import Membership, Organization, User
from alongside.checkins.models import CheckIn
from alongside.core.roles import Role
from alongside.core.timezones import today_in, zone_named
from alongside.matching.models import PeerMatch

FIRST_NAMES = [
    "Alex",
    "Ana",
    "Ben",
    "Bea",
    "Carla",
    "Chris",
    "Dana",
    "Deshawn",
    "Eli",
    "Elena",
    "Farah",
    "Gabe",
    "Grace",
    "Hana",
    "Ian",
    "Imani",
    "Jordan",
    "Jess",
    "Kai",
    "Kofi",
    "Lena",
    "Luis",
    "Maya",
    "Marcus",
    "Nia",
    "Noor",
    "Omar",
    "Pat",
    "Quinn",
    "Rosa",
    "Sam",
    "Sara",
    "Tomás",
    "Tyler",
    "Uma",
    "Val",
    "Wes",
    "Yara",
    "Zoe",
]
NOTES = (
    "Made it to my meeting.",
    "Hard day but I didn't use.",
    "Slept better.",
    "Called my sponsor.",
    "Feeling hopeful.",
    "Cravings in the evening.",
    "Good talk with my peer.",
)
BATCH = 5000


@dataclass(frozen=True)
class SeedCounts:
    participants: int
    peers: int
    matches: int
    checkins: int


def seed_synthetic(*, slug: str, participants: int, peers: int, days: int, seed: int = 1) -> SeedCounts:
    """Creates organization `slug` with the given people, one peer match per participant (as far
    as capacity allows) and `days` days of check-ins with realistic gaps. Refuses an existing slug."""
    if Organization.objects.filter(slug=slug).exists():
        raise ValueError(f"An organization with the short name {slug!r} already exists: pick another --slug.")
    if participants < 0 or peers < 0 or days < 0:
        raise ValueError("Counts must be zero or more.")
    rng = random.Random(seed)
    tz_name = "America/New_York"
    # One hash for everyone: these accounts are for load, and a unique Argon2 hash each would
    # take minutes. The password is unusable.
    unusable = make_password(None)
    with transaction.atomic():
        organization = Organization.objects.create(name=f"Synthetic ({slug})", slug=slug, timezone=tz_name)
        users = [
            User(
                username=f"{slug}-{kind}{i}",
                display_name=f"{rng.choice(FIRST_NAMES)} {chr(65 + i % 26)}.",
                email=f"{slug}-{kind}{i}@synthetic.alongside.invalid",
                password=unusable,
                timezone=tz_name,
            )
            for kind, count in (("peer", peers), ("participant", participants))
            for i in range(count)
        ]
        User.objects.bulk_create(users, batch_size=BATCH)
        created = {
            u.username: u.pk
            for u in User.objects.filter(username__startswith=f"{slug}-").only("id", "username")
        }
        with scopes_disabled():
            memberships = [
                Membership(
                    organization=organization,
                    user_id=created[f"{slug}-{kind}{i}"],
                    role=Role.PEER if kind == "peer" else Role.PARTICIPANT,
                )
                for kind, count in (("peer", peers), ("participant", participants))
                for i in range(count)
            ]
            Membership.objects.bulk_create(memberships, batch_size=BATCH)
            peer_ids = list(
                Membership.objects.filter(organization=organization, role=Role.PEER).values_list(
                    "id", flat=True
                )
            )
            participant_ids = list(
                Membership.objects.filter(organization=organization, role=Role.PARTICIPANT).values_list(
                    "id", flat=True
                )
            )
    matches = _seed_matches(organization, peer_ids, participant_ids, rng)
    checkins = _seed_checkins(organization, participant_ids, days, rng, zone_named(tz_name))
    return SeedCounts(
        participants=len(participant_ids), peers=len(peer_ids), matches=matches, checkins=checkins
    )


def _seed_matches(
    organization: Organization, peer_ids: list[int], participant_ids: list[int], rng: random.Random
) -> int:
    if not peer_ids:
        return 0
    capacity = {peer: rng.randint(8, 30) for peer in peer_ids}
    rows = []
    peers_with_room = list(peer_ids)
    now = timezone.now()
    for participant in participant_ids:
        if not peers_with_room or rng.random() < 0.05:  # some are still waiting
            continue
        peer = rng.choice(peers_with_room)
        capacity[peer] -= 1
        if capacity[peer] == 0:
            peers_with_room.remove(peer)
        rows.append(
            PeerMatch(
                organization=organization,
                participant_id=participant,
                peer_id=peer,
                started_at=now - timedelta(days=rng.randint(1, 200)),
            )
        )
    with scopes_disabled(), transaction.atomic():
        PeerMatch.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


def _seed_checkins(
    organization: Organization,
    participant_ids: list[int],
    days: int,
    rng: random.Random,
    tz: zoneinfo.ZoneInfo,
) -> int:
    today = today_in(tz)
    total = 0
    rows: list[CheckIn] = []
    with scopes_disabled():
        for participant in participant_ids:
            adherence = rng.uniform(0.3, 0.95)
            mood = rng.randint(2, 4)
            for offset in range(days, 0, -1):
                if rng.random() > adherence:
                    continue
                day = today - timedelta(days=offset)
                mood = max(1, min(5, mood + rng.choice((-1, 0, 0, 1))))
                at = datetime.combine(day, time(rng.randint(7, 22), rng.randint(0, 59)), tzinfo=tz)
                rows.append(
                    CheckIn(
                        organization=organization,
                        participant_id=participant,
                        day=day,
                        mood=mood,
                        wants_to_talk=mood == 1 and rng.random() < 0.4,
                        note=rng.choice(NOTES) if rng.random() < 0.1 else "",
                        created_at=at,
                        updated_at=at,
                    )
                )
            if len(rows) >= 50_000:
                total += _flush(rows)
        total += _flush(rows)
    return total


def _flush(rows: list[CheckIn]) -> int:
    count = len(rows)
    with transaction.atomic():
        CheckIn.objects.bulk_create(rows, batch_size=BATCH)
    rows.clear()
    return count
