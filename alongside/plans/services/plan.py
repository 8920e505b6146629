"""Writes for the plan itself: creating it, the review date, sharing, and peer notes."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from alongside.core.timezones import as_reader, today_of
from alongside.plans.models import SHARABLE_SECTIONS, PeerNote, RecoveryPlan
from alongside.plans.services.common import (
    Problems,
    check_not_past,
    clean_text,
    notify,
    record,
    require_participant,
    require_peer_of,
)

if TYPE_CHECKING:
    from alongside.accounts.models import Membership


@transaction.atomic
def plan_ensure(*, participant: Membership) -> RecoveryPlan:
    """The participant's plan, created empty the first time anything is written to it."""
    require_participant(participant)
    plan, _created = RecoveryPlan.objects.get_or_create(
        participant=participant, defaults={"organization_id": participant.organization_id}
    )
    return plan


@transaction.atomic
def plan_review_set(*, actor: Membership, participant: Membership, review_on: date | None) -> RecoveryPlan:
    """The participant or their peer supporter sets (or clears) the next plan review date.
    A new date cannot be in the past. Audited as plan.review.set."""
    if actor.pk != participant.pk:
        require_peer_of(actor, participant)
    plan = plan_ensure(participant=participant)
    problems = Problems()
    check_not_past(
        review_on,
        today=today_of(participant),
        field="next_review_on",
        problems=problems,
        previous=plan.next_review_on,
    )
    problems.raise_if_any()
    plan.next_review_on = review_on
    plan.review_set_by = actor
    plan.updated_at = timezone.now()
    plan.save(update_fields=["next_review_on", "review_set_by", "updated_at"])
    record("plan.review.set", actor=actor, participant=participant, obj=plan, reason=str(review_on or ""))
    return plan


@transaction.atomic
def plan_sharing_update(*, participant: Membership, sections: dict[str, bool]) -> RecoveryPlan:
    """The participant chooses, per section, whether their peer supporter may see it.
    Sections not named keep their setting. Audited as plan.sharing.update."""
    unknown = set(sections) - set(SHARABLE_SECTIONS)
    if unknown:
        raise ValidationError(_("Unknown section: %(names)s") % {"names": ", ".join(sorted(unknown))})
    plan = plan_ensure(participant=participant)
    for section, shared in sections.items():
        setattr(plan, f"share_{section}", bool(shared))
    plan.updated_at = timezone.now()
    plan.save(update_fields=[*(f"share_{section}" for section in sections), "updated_at"])
    shared_now = [section for section in SHARABLE_SECTIONS if plan.shares(section)]
    record(
        "plan.sharing.update",
        actor=participant,
        participant=participant,
        obj=plan,
        reason="shared=" + ",".join(shared_now),
    )
    return plan


@transaction.atomic
def peer_note_add(*, peer: Membership, participant: Membership, body: str) -> PeerNote:
    """The participant's peer supporter leaves a note the participant reads on their plan.
    The participant is told (in the app, without the note's text). Audited."""
    require_peer_of(peer, participant)
    problems = Problems()
    body = clean_text(body, field="body", problems=problems, empty_message=_("Write a note first."))
    problems.raise_if_any()
    plan = plan_ensure(participant=participant)
    note = PeerNote.objects.create(organization_id=plan.organization_id, plan=plan, author=peer, body=body)
    record("plan.peer_note.add", actor=peer, participant=participant, obj=note)
    with as_reader(participant):
        notify(
            participant,
            kind="plan.peer_note",
            title=_("%(peer)s left you a note on your plan") % {"peer": peer.user.shown_name},
            url=reverse("plan_home"),
        )
    return note
