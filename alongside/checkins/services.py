"""Writes for check-ins."""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alongside.accounts.models import Membership, User
from alongside.checkins.models import CheckIn
from alongside.core.audit import audit_record
from alongside.core.roles import Role
from alongside.safety.screening import screen_text


def local_today(user: User) -> date:
    return timezone.now().astimezone(zoneinfo.ZoneInfo(user.timezone or "UTC")).date()


@dataclass(frozen=True)
class CheckInResult:
    checkin: CheckIn
    created: bool
    screening_level: str


@transaction.atomic
def checkin_save(
    *, participant: Membership, mood: int, wants_to_talk: bool = False, note: str = "", locale: str = "en"
) -> CheckInResult:
    """Saves today's check-in for the participant (their local day), creating or updating it.

    The note is screened for crisis language before anything is written, and stored encrypted.
    Only the participant themselves may call this. Audited as checkin.save.
    """
    if participant.role != Role.PARTICIPANT:
        raise ValidationError(_("Only participants check in."))
    if mood not in range(1, 6):
        raise ValidationError(_("Mood is a number from 1 to 5."))
    screening = screen_text(note, locale=locale)
    day = local_today(participant.user)
    now = timezone.now()
    checkin, created = CheckIn.objects.select_for_update().get_or_create(
        participant=participant,
        day=day,
        defaults={
            "organization_id": participant.organization_id,
            "mood": mood,
            "wants_to_talk": wants_to_talk,
            "note": note,
            "screening_level": screening.level,
            "created_at": now,
            "updated_at": now,
        },
    )
    if not created:
        checkin.mood = mood
        checkin.wants_to_talk = wants_to_talk
        checkin.note = note
        checkin.screening_level = screening.level
        checkin.updated_at = now
        checkin.save(update_fields=["mood", "wants_to_talk", "note", "screening_level", "updated_at"])
    audit_record(
        action="checkin.save",
        actor=participant.user,
        organization=participant.organization,
        subject=participant,
        obj=checkin,
    )
    return CheckInResult(checkin=checkin, created=created, screening_level=screening.level)
