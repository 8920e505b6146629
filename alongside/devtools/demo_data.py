"""The demo organization, Harbor Peer Collective: fictional people, realistic activity.

`seed_demo()` is idempotent: people, matches and check-ins that exist are left as they are.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from alongside.accounts.models import Membership, Organization, Programme, User
from alongside.checkins import demo as checkins_demo
from alongside.checkins.models import CheckIn
from alongside.conversations import demo as conversations_demo
from alongside.core.roles import Role
from alongside.core.timezones import today_in, zone_of
from alongside.groups import demo as groups_demo
from alongside.matching import demo as matching_demo
from alongside.matching.models import PeerMatch
from alongside.participants import demo as participants_demo
from alongside.participants.services import experience_areas_ensure_defaults
from alongside.plans import demo as plans_demo
from alongside.safety import demo as safety_demo
from alongside.safety.escalation import demo as escalation_demo

DEMO_PASSWORD = "alongside-demo"  # noqa: S105 (documented demo password, demo data only)
HARBOR = "harbor"
EASTSIDE = "eastside"


@dataclass(frozen=True)
class DemoPerson:
    username: str
    display_name: str
    role: str
    organization: str = HARBOR
    email: str = ""
    language: str = "en"


DEMO_PEOPLE = [
    DemoPerson("alex", "Alex", Role.PARTICIPANT),
    DemoPerson("jordan", "Jordan", Role.PARTICIPANT),
    DemoPerson("pat", "Pat Moreno", Role.PEER),
    DemoPerson("riley", "Riley Chen", Role.PEER),
    DemoPerson("sam", "Sam Okafor", Role.SUPERVISOR),
    DemoPerson("casey", "Dr. Casey Lindqvist", Role.CLINICIAN),
    DemoPerson("morgan", "Morgan Ellis", Role.ADMIN),
    DemoPerson("dana", "Dana Whitfield", Role.PEER),
    DemoPerson("luis", "Luis Herrera", Role.PEER, language="es"),
    # Participants who have not been matched yet: the supervisor's queue.
    DemoPerson("bea", "Bea", Role.PARTICIPANT),
    DemoPerson("marcus", "Marcus T.", Role.PARTICIPANT),
    DemoPerson("noor", "Noor", Role.PARTICIPANT),
    DemoPerson("quinn", "Quinn (they/them)", Role.PARTICIPANT),
    DemoPerson("rosa", "Rosa M.", Role.PARTICIPANT, language="es"),
    DemoPerson("tomas", "Tomás", Role.PARTICIPANT, language="es"),
    DemoPerson("kay", "Kay", Role.PARTICIPANT),
    DemoPerson("devon", "Devon R.", Role.PARTICIPANT),
    DemoPerson("elena", "Elena", Role.PARTICIPANT, language="es"),
    DemoPerson("frankie", "Frankie", Role.PARTICIPANT),
    DemoPerson("gabe", "Gabe", Role.PARTICIPANT),
    DemoPerson("hana", "Hana S.", Role.PARTICIPANT),
    DemoPerson("ivan", "Ivan", Role.PARTICIPANT),
    DemoPerson("jess", "Jess", Role.PARTICIPANT),
    DemoPerson("kofi", "Kofi A.", Role.PARTICIPANT),
    DemoPerson("lena", "Lena", Role.PARTICIPANT),
    # A second organization, so the organization switcher has something to switch to.
    DemoPerson("taylor", "Taylor Brooks", Role.PEER, organization=EASTSIDE),
    DemoPerson("robin", "Robin", Role.PARTICIPANT, organization=EASTSIDE),
]

# Morgan also administers the second organization.
EXTRA_MEMBERSHIPS = [("morgan", EASTSIDE, Role.ADMIN)]

# Reasons are stored as the matching engine's reason codes and put into words in each reader's
# language (see alongside.matching.engine.render_reasons); slot 7 is Tuesday evening.
MATCHES: list[tuple[str, str, list[list[object]]]] = [
    ("alex", "pat", [["experiences", ["opioids", "parenting"], ["opioids"]], ["times", [7], 0, True]]),
    ("jordan", "riley", [["experiences", ["anxiety", "grief"], []], ["formats", ["chat"]]]),
    ("robin", "taylor", [["experiences", ["alcohol"], []]]),
]

ALEX_NOTES = [
    "Went to the Tuesday meeting. Pat was right, it helps to just show up.",
    "Rough night, cravings after the call with my brother. Called Pat instead of using.",
    "Took the kids to the park. Felt like a normal dad for an hour.",
    "Work shift was long. Tired but okay.",
    "Slept badly. Still here, still trying.",
    "Job interview went better than I expected!",
    "",
]


def _organizations() -> dict[str, Organization]:
    harbor, _ = Organization.objects.get_or_create(
        slug=HARBOR,
        defaults={
            "name": "Harbor Peer Collective",
            "timezone": "America/New_York",
            "country": "US",
            "self_signup": True,
        },
    )
    eastside, _ = Organization.objects.get_or_create(
        slug=EASTSIDE,
        defaults={
            "name": "Eastside Recovery Community Centre",
            "timezone": "America/Chicago",
            "country": "US",
        },
    )
    for organization, names in (
        (harbor, ["Community peer support", "Hospital discharge bridge", "Re-entry support"]),
        (eastside, ["Recovery café"]),
    ):
        with scope(organization=organization):
            for name in names:
                Programme.objects.get_or_create(organization=organization, name=name)
    return {HARBOR: harbor, EASTSIDE: eastside}


def _people(orgs: dict[str, Organization], rng: random.Random) -> dict[str, User]:
    password_hash = make_password(DEMO_PASSWORD)
    users = {}
    now = timezone.now()
    for person in DEMO_PEOPLE:
        user, _created = User.objects.get_or_create(
            username=person.username,
            defaults={
                "display_name": person.display_name,
                "email": person.email or f"{person.username}@demo.alongside.invalid",
                "password": password_hash,
                "timezone": orgs[person.organization].timezone,
                "language": person.language,
            },
        )
        users[person.username] = user
        with scopes_disabled():
            Membership.objects.get_or_create(
                user=user,
                organization=orgs[person.organization],
                # Staff and matched participants joined months ago; the queue has waited days.
                defaults={
                    "role": person.role,
                    "joined_at": now
                    - timedelta(days=rng.randint(1, 21) if person.role == Role.PARTICIPANT else 300),
                },
            )
    for username, org_slug, role in EXTRA_MEMBERSHIPS:
        with scopes_disabled():
            Membership.objects.get_or_create(
                user=users[username], organization=orgs[org_slug], defaults={"role": role}
            )
    return users


def _matches(orgs: dict[str, Organization], users: dict[str, User]) -> None:
    with scopes_disabled():
        for participant_name, peer_name, reasons in MATCHES:
            participant = Membership.objects.get(user=users[participant_name])
            if participant.joined_at > timezone.now() - timedelta(days=80):
                Membership.objects.filter(pk=participant.pk).update(
                    joined_at=timezone.now() - timedelta(days=90)
                )
            peer = Membership.objects.get(user=users[peer_name], organization=participant.organization)
            if not PeerMatch.objects.filter(participant=participant).exists():
                PeerMatch.objects.create(
                    organization=participant.organization,
                    participant=participant,
                    peer=peer,
                    reasons=reasons,
                    started_at=timezone.now() - timedelta(days=75),
                )


def _checkins(users: dict[str, User], username: str, days: int, rng: random.Random, notes: list[str]) -> None:
    user = users[username]
    with scopes_disabled():
        participant = Membership.objects.get(user=user, role=Role.PARTICIPANT)
        if CheckIn.objects.filter(participant=participant).exists():
            return
    tz = zone_of(participant)
    today = today_in(tz)
    mood = 3
    rows = []
    for offset in range(days, 0, -1):
        day = today - timedelta(days=offset)
        if rng.random() < 0.12:  # a missed day now and then
            continue
        # A bounded walk pulled back towards "okay to good": real weeks have ups and downs.
        drift = 1 if mood < 3 else -1 if mood > 4 else 0
        mood = max(1, min(5, mood + rng.choice([-1, 0, 0, 1, drift, drift])))
        at = datetime.combine(day, time(20, rng.randint(0, 59)), tzinfo=tz)
        rows.append(
            CheckIn(
                organization_id=participant.organization_id,
                participant=participant,
                day=day,
                mood=mood,
                wants_to_talk=mood <= 2 and rng.random() < 0.5,
                note=rng.choice(notes),
                created_at=at,
                updated_at=at,
            )
        )
    with scopes_disabled():
        CheckIn.objects.bulk_create(rows)


@transaction.atomic
def seed_demo(seed: int = 7) -> dict[str, int]:
    """Creates (or completes) the demo organizations, people, matches and check-ins."""
    rng = random.Random(seed)
    orgs = _organizations()
    for organization in orgs.values():
        experience_areas_ensure_defaults(organization=organization)
    users = _people(orgs, rng)
    _matches(orgs, users)
    _checkins(users, "alex", 60, rng, ALEX_NOTES)
    _checkins(
        users,
        "jordan",
        45,
        rng,
        ["Breathing exercise helped.", "Anxious about Monday.", "", "Good talk with Riley."],
    )
    participants_demo.seed_demo(users=users, rng=rng)
    matching_demo.seed_demo(users=users, rng=rng)
    checkins_demo.seed_demo(users=users, rng=rng)
    plans_demo.seed_demo(users=users, rng=rng)
    groups_demo.seed_demo(users=users, rng=rng)
    safety_demo.seed_demo(users=users, rng=rng)
    escalation_demo.seed_demo(users=users, rng=rng)
    conversations_demo.seed_demo(users=users, rng=rng)
    with scopes_disabled():
        return {
            "organizations": Organization.objects.count(),
            "people": User.objects.count(),
            "checkins": CheckIn.objects.count(),
        }
