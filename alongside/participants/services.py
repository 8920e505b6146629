"""Writes for participant profiles and the organization's lived-experience taxonomy."""

from __future__ import annotations

from django.db import transaction
from django_scopes import scope

from alongside.accounts.models import Membership, Organization
from alongside.participants.models import DEFAULT_EXPERIENCE_AREAS, ExperienceArea, ParticipantProfile


@transaction.atomic
def experience_areas_ensure_defaults(*, organization: Organization) -> int:
    """Adds the default lived-experience areas an organization does not have yet. Idempotent."""
    with scope(organization=organization):
        existing = set(ExperienceArea.objects.values_list("slug", flat=True))
        missing = [
            ExperienceArea(organization=organization, slug=slug, label=label, position=index)
            for index, (slug, label) in enumerate(DEFAULT_EXPERIENCE_AREAS)
            if slug not in existing
        ]
        ExperienceArea.objects.bulk_create(missing)
    return len(missing)


def profile_for(participant: Membership) -> ParticipantProfile:
    """The participant's profile, created empty on first use (within the active scope)."""
    profile, _created = ParticipantProfile.objects.get_or_create(
        participant=participant, defaults={"organization_id": participant.organization_id}
    )
    return profile
