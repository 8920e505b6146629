"""The participants part of the demo: a finished intake for every participant of Harbor.

Called by the demo seeder after people exist. Idempotent: a profile whose intake is finished is
left as it is. The answers are varied on purpose (languages, experiences, times, ways to meet),
so that matching has real choices to make.

Recovery counters are not started here: the check-in demo seeds the recovery periods, with
their history (alex's setback), which a fresh start from this date would contradict.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING

from django.utils import timezone
from django_scopes import scope, scopes_disabled

from alongside.accounts.models import Membership
from alongside.core.roles import Role
from alongside.core.timezones import today_of
from alongside.participants.models import ExperienceArea
from alongside.participants.services.intake import AVAILABILITY_SLOTS, profile_for
from alongside.participants.steps import CONSENT_VERSION

if TYPE_CHECKING:
    from alongside.accounts.models import User

HARBOR = "harbor"
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")
WEEKEND = ("sat", "sun")


@dataclass(frozen=True)
class DemoIntake:
    focus: str
    experiences: tuple[str, ...]
    priorities: tuple[str, ...]
    languages: tuple[str, ...]
    gender: str
    age_band: str
    formats: tuple[str, ...]
    availability: tuple[str, ...]
    hopes: str
    # Days since recovery started; None: they left it empty.
    recovery_days: int | None = None
    tracks_medication: bool = False
    peer_gender: str = ""
    peer_age_bands: tuple[str, ...] = field(default_factory=tuple)


def _slots(days: tuple[str, ...], *parts: str) -> tuple[str, ...]:
    return tuple(f"{day}-{part}" for day in days for part in parts)


DEMO_INTAKES: dict[str, DemoIntake] = {
    "alex": DemoIntake(
        focus="substance_use",
        experiences=("opioids", "parenting", "depression"),
        priorities=("opioids", "parenting"),
        languages=("en",),
        gender="man",
        age_band="35-44",
        formats=("chat", "phone", "in_person"),
        availability=("tue-evening", "thu-evening", "sat-morning", "sun-afternoon"),
        hopes="Stay clean for my kids. Have someone to call when the cravings hit at night, "
        "someone who actually gets it.",
        recovery_days=426,
        tracks_medication=True,
    ),
    "jordan": DemoIntake(
        focus="mental_health",
        experiences=("anxiety", "grief"),
        priorities=("anxiety", "grief"),
        languages=("en",),
        gender="woman",
        age_band="25-34",
        formats=("chat", "video"),
        availability=("mon-evening", "wed-evening", "fri-afternoon"),
        hopes="Learn to catch a panic attack before it takes over my day, and talk with someone "
        "who lost a parent too.",
        recovery_days=75,
    ),
    "bea": DemoIntake(
        focus="both",
        experiences=("alcohol", "depression", "trauma"),
        priorities=("alcohol", "trauma"),
        languages=("en",),
        gender="woman",
        age_band="45-54",
        formats=("phone", "in_person"),
        availability=_slots(("mon", "wed", "fri"), "morning"),
        hopes="Get through my first sober year. I want a woman who has been there to tell me it gets easier.",
        recovery_days=150,
        peer_gender="woman",
    ),
    "marcus": DemoIntake(
        focus="substance_use",
        experiences=("stimulants", "incarceration"),
        priorities=("incarceration",),
        languages=("en",),
        gender="man",
        age_band="25-34",
        formats=("in_person", "phone"),
        availability=_slots(WEEKDAYS, "afternoon"),
        hopes="Find steady work and stay out. Someone who's been inside and made it on the outside.",
        recovery_days=60,
        peer_gender="man",
    ),
    "noor": DemoIntake(
        focus="mental_health",
        experiences=("anxiety", "eating"),
        priorities=("eating",),
        languages=("en", "ar"),
        gender="woman",
        age_band="18-24",
        formats=("chat", "video"),
        availability=_slots(("mon", "tue", "thu"), "evening"),
        hopes="Eat without counting everything, and have someone close to my age to talk to.",
        peer_gender="woman",
        peer_age_bands=("18-24", "25-34"),
    ),
    "quinn": DemoIntake(
        focus="mental_health",
        experiences=("depression", "lgbtq", "self_harm"),
        priorities=("lgbtq", "self_harm"),
        languages=("en",),
        gender="nonbinary",
        age_band="18-24",
        formats=("chat",),
        availability=(*_slots(WEEKDAYS, "evening"), "sat-night", "sun-night"),
        hopes="Feel less alone. Someone queer who has come out the other side of the bad years.",
        recovery_days=240,
    ),
    "rosa": DemoIntake(
        focus="both",
        experiences=("alcohol", "grief", "parenting"),
        priorities=("grief", "alcohol"),
        languages=("es", "en"),
        gender="woman",
        age_band="55-64",
        formats=("phone", "in_person"),
        availability=_slots(("mon", "tue", "wed", "thu"), "morning"),
        hopes="Quiero acompañar a mis nietos sin volver a beber, y hablar en español con alguien "
        "que entienda el duelo.",
        recovery_days=3 * 365,
        peer_gender="woman",
    ),
    "tomas": DemoIntake(
        focus="substance_use",
        experiences=("alcohol", "veteran"),
        priorities=("veteran",),
        languages=("es",),
        gender="man",
        age_band="45-54",
        formats=("phone", "in_person"),
        availability=(*_slots(WEEKEND, "morning"), "tue-evening", "thu-evening"),
        hopes="Mantenerme sobrio y volver a dormir bien. Me ayudaría alguien que también sirvió en el ejército.",
        recovery_days=270,
    ),
    "kay": DemoIntake(
        focus="mental_health",
        experiences=("bipolar",),
        priorities=("bipolar",),
        languages=("en",),
        gender="woman",
        age_band="35-44",
        formats=("video", "chat"),
        availability=_slots(("tue", "wed", "thu"), "afternoon"),
        hopes="Notice the early signs of a high before it gets out of hand, and keep my routine.",
        tracks_medication=True,
    ),
    "devon": DemoIntake(
        focus="substance_use",
        experiences=("opioids", "chronic_pain"),
        priorities=("chronic_pain", "opioids"),
        languages=("en",),
        gender="man",
        age_band="55-64",
        formats=("phone",),
        availability=_slots(WEEKDAYS, "morning"),
        hopes="Live with the pain without going back to pills. Someone who knows that road.",
        recovery_days=610,
        tracks_medication=True,
    ),
    "elena": DemoIntake(
        focus="mental_health",
        experiences=("anxiety", "trauma", "parenting"),
        priorities=("trauma", "parenting"),
        languages=("es", "en"),
        gender="woman",
        age_band="25-34",
        formats=("video", "chat"),
        availability=(*_slots(("mon", "wed"), "evening"), "sat-afternoon"),
        hopes="Sentirme segura otra vez y ser la mamá que quiero ser para mi hija.",
        peer_gender="woman",
    ),
    "frankie": DemoIntake(
        focus="both",
        experiences=("cannabis", "psychosis"),
        priorities=("psychosis",),
        languages=("en",),
        gender="man",
        age_band="18-24",
        formats=("chat", "in_person"),
        availability=(*_slots(("mon", "wed", "fri"), "afternoon"), "sat-afternoon"),
        hopes="Stay well after the hospital and get back to college. Talk to someone young who's been through it.",
        recovery_days=95,
        tracks_medication=True,
        peer_age_bands=("18-24", "25-34"),
    ),
    "gabe": DemoIntake(
        focus="substance_use",
        experiences=("alcohol", "homelessness"),
        priorities=("homelessness",),
        languages=("en",),
        gender="man",
        age_band="35-44",
        formats=("in_person",),
        availability=_slots(("mon", "tue", "wed", "thu"), "morning"),
        hopes="A place of my own and thirty days in a row.",
        recovery_days=28,
    ),
    "hana": DemoIntake(
        focus="mental_health",
        experiences=("depression", "grief"),
        priorities=("grief",),
        languages=("en", "ko"),
        gender="woman",
        age_band="65+",
        formats=("phone",),
        availability=_slots(("mon", "wed", "fri"), "morning", "afternoon"),
        hopes="Since my husband died the days are long. I would like to talk with someone my age.",
        peer_age_bands=("55-64", "65+"),
    ),
    "ivan": DemoIntake(
        focus="substance_use",
        experiences=("opioids", "incarceration"),
        priorities=("opioids",),
        languages=("en", "ru", "uk"),
        gender="man",
        age_band="25-34",
        formats=("phone", "chat"),
        availability=(*_slots(("tue", "thu", "sat"), "evening"), "fri-night"),
        hopes="Keep going with methadone and not lose my job. Nights are the hardest.",
        recovery_days=180,
        tracks_medication=True,
    ),
    "jess": DemoIntake(
        focus="both",
        experiences=("alcohol", "anxiety", "lgbtq"),
        priorities=("alcohol", "lgbtq"),
        languages=("en",),
        gender="woman",
        age_band="25-34",
        formats=("chat", "video", "in_person"),
        availability=(*_slots(("wed", "fri"), "evening"), *_slots(WEEKEND, "afternoon")),
        hopes="Go out with friends without drinking, and feel okay in my own skin.",
        recovery_days=330,
    ),
    "kofi": DemoIntake(
        focus="mental_health",
        experiences=("depression", "veteran"),
        priorities=("veteran",),
        languages=("en", "fr"),
        gender="man",
        age_band="45-54",
        formats=("in_person", "phone"),
        availability=_slots(("mon", "tue", "thu"), "afternoon"),
        hopes="Talk to another veteran about the heavy days, and get back to coaching my son's team.",
        peer_gender="man",
    ),
    "lena": DemoIntake(
        focus="substance_use",
        experiences=("stimulants", "eating"),
        priorities=("stimulants",),
        languages=("en", "de"),
        gender="woman",
        age_band="35-44",
        formats=("chat",),
        availability=_slots(("mon", "wed", "fri", "sun"), "morning"),
        hopes="Keep my mornings calm and my appetite back. Someone who has quit speed too.",
        recovery_days=120,
    ),
}


def _participant(user: User) -> Membership | None:
    with scopes_disabled():
        return (
            Membership.objects.select_related("organization", "user")
            .filter(user=user, organization__slug=HARBOR, role=Role.PARTICIPANT)
            .first()
        )


def _fill(participant: Membership, intake: DemoIntake, rng: random.Random) -> None:
    profile = profile_for(participant)
    if profile.intake_completed_at is not None:
        return
    areas = {area.slug: area for area in ExperienceArea.objects.filter(organization=participant.organization)}
    # A free slot or two more than they named, as real weeks are rarely that tidy.
    extra = {rng.choice(AVAILABILITY_SLOTS) for _ in range(rng.randint(0, 2))}
    chosen = set(intake.availability) | extra
    today = today_of(participant)
    finished = timezone.now() - timedelta(days=rng.randint(1, 6), hours=rng.randint(0, 12))
    profile.focus = intake.focus
    profile.languages = list(intake.languages)
    profile.gender = intake.gender
    profile.age_band = intake.age_band
    profile.peer_gender = intake.peer_gender
    profile.peer_age_bands = list(intake.peer_age_bands)
    profile.meeting_formats = list(intake.formats)
    profile.availability = [slot for slot in AVAILABILITY_SLOTS if slot in chosen]
    profile.recovery_start = today - timedelta(days=intake.recovery_days) if intake.recovery_days else None
    profile.hopes = intake.hopes
    profile.hopes_screening_level = "none"  # fixed demo text, nothing in it to flag
    profile.tracks_medication = intake.tracks_medication
    profile.consented_at = finished - timedelta(minutes=8)
    profile.consent_version = CONSENT_VERSION
    profile.intake_step = ""
    profile.intake_completed_at = finished
    profile.updated_at = finished
    profile.save()
    profile.experiences.set([areas[slug] for slug in intake.experiences if slug in areas])
    profile.priority_experiences.set([areas[slug] for slug in intake.priorities if slug in areas])


def seed_demo(*, users: dict[str, User], rng: random.Random) -> None:
    """Gives every demo participant of Harbor a finished intake (skipping finished ones)."""
    for username, intake in DEMO_INTAKES.items():
        user = users.get(username)
        participant = _participant(user) if user is not None else None
        if participant is None:
            continue
        with scope(organization=participant.organization):
            _fill(participant, intake, rng)
