"""The check-in part of the demo: answers on the demo check-ins, reminders and recovery periods.

Called by the demo seeder after people and check-ins exist. Idempotent: it fills only what is
empty and creates only what is missing.
"""

from __future__ import annotations

import random
from datetime import time, timedelta
from typing import TYPE_CHECKING

from django.utils import timezone
from django_scopes import scope, scopes_disabled

from alongside.accounts.models import Membership
from alongside.checkins.milestones import add_months
from alongside.checkins.models import CheckIn, CheckInPreference, RecoveryPeriod
from alongside.core.roles import Role
from alongside.core.timezones import today_of
from alongside.participants.models import ParticipantProfile
from alongside.participants.services import profile_for

if TYPE_CHECKING:
    from alongside.accounts.models import User

HARBOR = "harbor"


def _participant(user: User) -> Membership | None:
    with scopes_disabled():
        return (
            Membership.objects.select_related("organization", "user")
            .filter(user=user, organization__slug=HARBOR, role=Role.PARTICIPANT)
            .first()
        )


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


def _fill_answers(
    participant: Membership, rng: random.Random, *, substance_use: bool, medication: bool
) -> None:
    """Sleep roughly follows mood; cravings run against it; no use in the current period."""
    rows = list(CheckIn.objects.filter(participant=participant, sleep_quality__isnull=True).order_by("day"))
    for checkin in rows:
        checkin.sleep_quality = _clamp(checkin.mood + rng.choice([-1, 0, 0, 1]), 1, 5)
        if substance_use and checkin.cravings is None:
            checkin.cravings = _clamp(9 - 2 * checkin.mood + rng.randint(-1, 2), 0, 10)
            checkin.used = False
        if medication and checkin.took_medication is None:
            checkin.took_medication = rng.random() < 0.9
    CheckIn.objects.bulk_update(
        rows, ["sleep_quality", "cravings", "used", "took_medication"], batch_size=500
    )


def _profile(participant: Membership, focus: str, *, tracks_medication: bool) -> ParticipantProfile:
    profile = profile_for(participant)
    if not profile.focus:
        profile.focus = focus
        profile.tracks_medication = tracks_medication
        profile.save(update_fields=["focus", "tracks_medication"])
    return profile


def _preference(participant: Membership, **choices: object) -> None:
    CheckInPreference.objects.get_or_create(
        participant=participant, defaults={"organization_id": participant.organization_id, **choices}
    )


def _alex_periods(participant: Membership, profile: ParticipantProfile) -> None:
    if RecoveryPeriod.objects.filter(participant=participant).exists():
        return
    today = today_of(participant)
    setback_on = add_months(today, -5)
    # The first period starts on the recovery date alex gave at intake, when the intake demo set one.
    first_start = (
        profile.recovery_start if profile.recovery_start and profile.recovery_start < setback_on else None
    )
    now = timezone.now()
    RecoveryPeriod.objects.create(
        organization_id=participant.organization_id,
        participant=participant,
        started_on=first_start or add_months(today, -13),
        ended_on=setback_on,
        end_reason=RecoveryPeriod.EndReason.SETBACK,
        end_note="Lost the warehouse job and went back to the old crowd for a weekend. "
        "Called Pat on Monday morning. Next time I call before, not after.",
        created_by=participant.user,
        created_at=now - timedelta(days=400),
        ended_at=now - timedelta(days=150),
    )
    RecoveryPeriod.objects.create(
        organization_id=participant.organization_id,
        participant=participant,
        started_on=add_months(today, -4),
        created_by=participant.user,
        created_at=now - timedelta(days=120),
    )


def seed_demo(*, users: dict[str, User], rng: random.Random) -> None:
    """Adds the check-in part of the demo for alex and jordan of Harbor."""
    alex = _participant(users["alex"]) if "alex" in users else None
    if alex is not None:
        with scope(organization=alex.organization):
            profile = _profile(alex, ParticipantProfile.Focus.SUBSTANCE_USE, tracks_medication=True)
            _fill_answers(
                alex, rng, substance_use=profile.substance_use_applies, medication=profile.tracks_medication
            )
            # Alex chose to let Pat see the counter, so the peer's overview has something to show.
            _preference(
                alex,
                reminders_on=True,
                remind_at=time(20, 0),
                remind_in_app=True,
                remind_by_email=False,
                quiet_from=time(22, 0),
                quiet_until=time(7, 0),
                share_counter_with_peer=True,
            )
            _alex_periods(alex, profile)
    jordan = _participant(users["jordan"]) if "jordan" in users else None
    if jordan is not None:
        with scope(organization=jordan.organization):
            profile = _profile(jordan, ParticipantProfile.Focus.MENTAL_HEALTH, tracks_medication=False)
            _fill_answers(
                jordan, rng, substance_use=profile.substance_use_applies, medication=profile.tracks_medication
            )
            _preference(jordan, reminders_on=True, remind_at=time(9, 0), remind_in_app=True)
            if not RecoveryPeriod.objects.filter(participant=jordan).exists():
                RecoveryPeriod.objects.create(
                    organization_id=jordan.organization_id,
                    participant=jordan,
                    started_on=profile.recovery_start or today_of(jordan) - timedelta(days=75),
                    created_by=jordan.user,
                )
