"""Writes for the wellness toolbox, triggers and early warning signs (wellness recovery
action planning): the participant's own words, encrypted, private unless they share a section."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alongside.plans.models import WellnessEntry, WellnessSection
from alongside.plans.services.common import (
    Problems,
    clean_choice,
    clean_text,
    record,
    require_own,
    require_participant,
    screen,
)
from alongside.plans.services.plan import plan_ensure

if TYPE_CHECKING:
    from alongside.accounts.models import Membership


def _clean_wellness(*, section: str, text: str, response: str) -> tuple[str, str]:
    problems = Problems()
    clean_choice(section, choices=WellnessSection.values, field="section", problems=problems)
    text = clean_text(text, field="text", problems=problems, empty_message=_("Write a few words first."))
    response = clean_text(response, field="response", problems=problems)
    problems.raise_if_any()
    return text, response


@transaction.atomic
def wellness_entry_add(
    *, participant: Membership, section: str, text: str, response: str = "", locale: str = "en"
) -> WellnessEntry:
    """Adds a line in the participant's own words to their toolbox, triggers or early warning
    signs. Private unless they share that section. Screened, encrypted, audited."""
    require_participant(participant)
    text, response = _clean_wellness(section=section, text=text, response=response)
    level = screen(text, response, locale=locale, writer=participant)
    plan = plan_ensure(participant=participant)
    entry = WellnessEntry.objects.create(
        organization_id=plan.organization_id,
        plan=plan,
        section=section,
        text=text,
        response=response,
        screening_level=level,
    )
    record("plan.wellness.add", actor=participant, participant=participant, obj=entry, reason=section)
    return entry


@transaction.atomic
def wellness_entry_update(
    *, participant: Membership, entry: WellnessEntry, text: str, response: str, locale: str = "en"
) -> WellnessEntry:
    require_own(participant, entry.plan)
    text, response = _clean_wellness(section=entry.section, text=text, response=response)
    entry.text, entry.response = text, response
    entry.screening_level = screen(text, response, locale=locale, writer=participant)
    entry.updated_at = timezone.now()
    entry.save(update_fields=["text", "response", "screening_level", "updated_at"])
    record(
        "plan.wellness.update", actor=participant, participant=participant, obj=entry, reason=entry.section
    )
    return entry


@transaction.atomic
def wellness_entry_remove(*, participant: Membership, entry: WellnessEntry) -> None:
    """Removes one line the participant asked to remove. Audited (without its text)."""
    require_own(participant, entry.plan)
    record(
        "plan.wellness.remove", actor=participant, participant=participant, obj=entry, reason=entry.section
    )
    entry.delete()
