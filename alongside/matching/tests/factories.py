"""Test data for matching: finished intakes and peer profiles (call inside the org scope)."""

from __future__ import annotations

from django.utils import timezone

from alongside.accounts.models import Membership
from alongside.matching.models import PeerProfile
from alongside.participants.models import ExperienceArea, ParticipantProfile


def finished_intake(
    participant: Membership,
    *,
    experiences: tuple[str, ...] = ("opioids",),
    languages: tuple[str, ...] = ("en",),
    availability: tuple[str, ...] = ("tue-evening",),
    formats: tuple[str, ...] = ("chat",),
    peer_gender: str = "",
) -> ParticipantProfile:
    profile, _created = ParticipantProfile.objects.get_or_create(
        participant=participant, defaults={"organization_id": participant.organization_id}
    )
    profile.languages = list(languages)
    profile.availability = list(availability)
    profile.meeting_formats = list(formats)
    profile.peer_gender = peer_gender
    profile.consented_at = profile.intake_completed_at = timezone.now()
    profile.save()
    profile.experiences.set(ExperienceArea.objects.filter(slug__in=experiences))
    return profile


def peer_profile(
    peer: Membership,
    *,
    capacity: int = 12,
    experiences: tuple[str, ...] = ("opioids",),
    languages: tuple[str, ...] = ("en",),
    availability: tuple[str, ...] = ("tue-evening",),
    formats: tuple[str, ...] = ("chat",),
    gender: str = "",
    accepting_new: bool = True,
) -> PeerProfile:
    profile, _created = PeerProfile.objects.update_or_create(
        peer=peer,
        defaults={
            "organization_id": peer.organization_id,
            "capacity": capacity,
            "languages": list(languages),
            "availability": list(availability),
            "meeting_formats": list(formats),
            "gender": gender,
            "accepting_new": accepting_new,
        },
    )
    profile.experiences.set(ExperienceArea.objects.filter(slug__in=experiences))
    return profile
