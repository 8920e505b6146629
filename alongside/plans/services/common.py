"""Validation, screening and permission helpers shared by the plan services."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from alongside.core.audit import audit_record
from alongside.core.notifications import notification_send
from alongside.core.roles import Role
from alongside.participants.selectors import participants_visible_to
from alongside.plans.models import TEXT_MAX, TITLE_MAX, Goal, Progress, RecoveryPlan, Step
from alongside.safety.screening import screen_text

if TYPE_CHECKING:
    from alongside.accounts.models import Membership

SCREENING_ORDER = ("none", "concern", "urgent")
STARTED = (Progress.IN_PROGRESS, Progress.DONE)


# Validation helpers ---------------------------------------------------------------------------


class Problems:
    """Collects every problem with the input so the person sees them all at once."""

    def __init__(self) -> None:
        self.errors: dict[str, list[str]] = {}

    def add(self, field: str, message: str) -> None:
        self.errors.setdefault(field, []).append(message)

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def _count(number: int) -> str:
    return formats.number_format(number, force_grouping=True)


def clean_title(value: str | None, *, field: str, problems: Problems, empty_message: str) -> str:
    text = (value or "").strip()
    if not text:
        problems.add(field, empty_message)
    elif len(text) > TITLE_MAX:
        problems.add(
            field,
            _("Please keep this to %(max)s characters or fewer (it has %(count)s).")
            % {"max": _count(TITLE_MAX), "count": _count(len(text))},
        )
    return text


def clean_text(value: str | None, *, field: str, problems: Problems, empty_message: str | None = None) -> str:
    """Optional free text unless `empty_message` is given; never longer than TEXT_MAX."""
    text = (value or "").strip()
    if not text and empty_message:
        problems.add(field, empty_message)
    elif len(text) > TEXT_MAX:
        problems.add(
            field,
            _("This can be up to %(max)s characters, and it has %(count)s. Please shorten it.")
            % {"max": _count(TEXT_MAX), "count": _count(len(text))},
        )
    return text


def clean_choice(value: str, *, choices: list[str], field: str, problems: Problems) -> str:
    if value not in choices:
        problems.add(field, _("Choose one of the options."))
    return value


def check_not_past(
    value: date | None, *, today: date, field: str, problems: Problems, previous: date | None = None
) -> None:
    """A new or changed date cannot be before today; one saved earlier may stay as it is."""
    if value is not None and value < today and value != previous:
        problems.add(field, _("This date is in the past. Choose today or a later date."))


def most_serious(*levels: str) -> str:
    return max(levels, key=SCREENING_ORDER.index, default="none")


def screen(*texts: str, locale: str, writer: Membership | None = None) -> str:
    """The most serious screening level across the texts a participant wrote. When `writer` is
    the participant, a concern or urgent finding also goes to crisis escalation."""
    found = [screen_text(text, locale=locale) for text in texts if text]
    level = most_serious(*(screening.level for screening in found))
    if writer is not None and level != "none":
        from alongside.safety.escalation.services import respond_to_screening

        worst = next(screening for screening in found if screening.level == level)
        respond_to_screening(
            participant=writer, screening=worst, text="\n".join(t for t in texts if t), source="plan"
        )
    return level


# Who may write -------------------------------------------------------------------------------


def require_participant(participant: Membership) -> None:
    if participant.role != Role.PARTICIPANT or not participant.is_active:
        raise ValidationError(_("Only participants have a recovery plan."))


def require_peer_of(peer: Membership, participant: Membership) -> None:
    """The peer must be this participant's active peer supporter."""
    if peer.role != Role.PEER or not participants_visible_to(peer).filter(pk=participant.pk).exists():
        raise PermissionDenied


def require_own(participant: Membership, plan: RecoveryPlan) -> None:
    if plan.participant_id != participant.pk:
        raise PermissionDenied


def record(action: str, *, actor: Membership, participant: Membership, obj: Model, reason: str = "") -> None:
    audit_record(
        action=action,
        actor=actor.user,
        organization=participant.organization,
        subject=participant,
        obj=obj,
        reason=reason,
    )


def notify(person: Membership, *, kind: str, title: str, url: str) -> None:
    """An in-app notification in the person's own language. Never any plan text: the title only
    says that something happened."""
    notification_send(user=person.user, organization=person.organization, kind=kind, title=title, url=url)


def language_of(person: Membership) -> str:
    return person.preferred_language


def apply_progress(item: Goal | Step, status: str) -> None:
    if status == item.status:
        return
    item.status = status
    item.completed_at = timezone.now() if status == Progress.DONE else None


def goal_started_by_step(goal: Goal, step: Step) -> None:
    """Starting or finishing a step means the goal is under way."""
    if step.status in STARTED and goal.status == Progress.NOT_STARTED:
        goal.status = Progress.IN_PROGRESS
        goal.updated_at = timezone.now()
        goal.save(update_fields=["status", "updated_at"])
