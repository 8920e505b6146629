"""Writes for employment support: the job search tracker and the checklist of documents and
skills a participant has or needs for work."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from alongside.core.timezones import as_reader, today_of
from alongside.plans.models import (
    ApplicationStatus,
    Decision,
    Goal,
    JobApplication,
    LifeArea,
    ReadinessItem,
    ReadinessKind,
    ReadinessStatus,
    RecoveryPlan,
)
from alongside.plans.services.common import (
    Problems,
    check_not_past,
    clean_choice,
    clean_text,
    clean_title,
    record,
    require_own,
    require_participant,
    screen,
)
from alongside.plans.services.plan import plan_ensure

if TYPE_CHECKING:
    from alongside.accounts.models import Membership

# What most job searches need first; added in the participant's language, all as "need".
USUAL_DOCUMENTS = [
    gettext_noop("ID"),
    gettext_noop("Resume"),
    gettext_noop("References"),
    gettext_noop("Certificates"),
]


def _clean_application(
    *,
    participant: Membership,
    plan: RecoveryPlan,
    employer: str,
    role: str,
    status: str,
    applied_on: date | None,
    next_action: str,
    next_action_on: date | None,
    goal: Goal | None,
    previous: JobApplication | None = None,
) -> tuple[str, str, str]:
    problems = Problems()
    employer = clean_title(
        employer, field="employer", problems=problems, empty_message=_("Add the employer's name.")
    )
    role = clean_title(role, field="role", problems=problems, empty_message=_("Add the job you applied for."))
    clean_choice(status, choices=ApplicationStatus.values, field="status", problems=problems)
    today = today_of(participant)
    if applied_on is not None and applied_on > today and applied_on != getattr(previous, "applied_on", None):
        problems.add("applied_on", _("The date you applied can't be in the future."))
    next_action = clean_text(next_action, field="next_action", problems=problems)
    check_not_past(
        next_action_on,
        today=today,
        field="next_action_on",
        problems=problems,
        previous=getattr(previous, "next_action_on", None),
    )
    if goal is not None and (
        goal.plan_id != plan.pk or goal.life_area != LifeArea.EMPLOYMENT or goal.decision != Decision.ACCEPTED
    ):
        problems.add("goal", _("Choose one of your work goals."))
    problems.raise_if_any()
    return employer, role, next_action


@transaction.atomic
def job_application_create(
    *,
    participant: Membership,
    employer: str,
    role: str,
    status: str = ApplicationStatus.APPLIED,
    applied_on: date | None = None,
    next_action: str = "",
    next_action_on: date | None = None,
    goal: Goal | None = None,
    locale: str = "en",
) -> JobApplication:
    """Adds a job the participant applied for. Employer and job are required (up to 200
    characters); the date applied cannot be in the future, the next step's date not in the
    past; a linked goal must be one of their work goals. Screened, encrypted, audited."""
    require_participant(participant)
    plan = plan_ensure(participant=participant)
    employer, role, next_action = _clean_application(
        participant=participant,
        plan=plan,
        employer=employer,
        role=role,
        status=status,
        applied_on=applied_on,
        next_action=next_action,
        next_action_on=next_action_on,
        goal=goal,
    )
    application = JobApplication.objects.create(
        organization_id=plan.organization_id,
        plan=plan,
        goal=goal,
        employer=employer,
        role=role,
        status=status,
        applied_on=applied_on,
        next_action=next_action,
        next_action_on=next_action_on,
        screening_level=screen(employer, role, next_action, locale=locale, writer=participant),
    )
    record("plan.job_application.create", actor=participant, participant=participant, obj=application)
    return application


@transaction.atomic
def job_application_update(
    *,
    participant: Membership,
    application: JobApplication,
    employer: str,
    role: str,
    status: str,
    applied_on: date | None,
    next_action: str,
    next_action_on: date | None,
    goal: Goal | None,
    locale: str = "en",
) -> JobApplication:
    """Updates a job application (status, dates, next step). Same rules as creating one, except
    that dates saved earlier may stay as they are. Screened, audited."""
    plan = application.plan
    require_own(participant, plan)
    employer, role, next_action = _clean_application(
        participant=participant,
        plan=plan,
        employer=employer,
        role=role,
        status=status,
        applied_on=applied_on,
        next_action=next_action,
        next_action_on=next_action_on,
        goal=goal,
        previous=application,
    )
    application.employer, application.role, application.status = employer, role, status
    application.applied_on, application.next_action_on = applied_on, next_action_on
    application.next_action, application.goal = next_action, goal
    application.screening_level = screen(employer, role, next_action, locale=locale, writer=participant)
    application.updated_at = timezone.now()
    application.save()
    record(
        "plan.job_application.update",
        actor=participant,
        participant=participant,
        obj=application,
        reason=f"status={status}",
    )
    return application


def _clean_readiness(*, kind: str, name: str, status: str) -> str:
    problems = Problems()
    clean_choice(kind, choices=ReadinessKind.values, field="kind", problems=problems)
    name = clean_title(name, field="name", problems=problems, empty_message=_("Name the document or skill."))
    clean_choice(status, choices=ReadinessStatus.values, field="status", problems=problems)
    problems.raise_if_any()
    return name


@transaction.atomic
def readiness_item_add(
    *,
    participant: Membership,
    kind: str,
    name: str,
    status: str = ReadinessStatus.NEED,
    locale: str = "en",
) -> ReadinessItem:
    """Adds a document or skill to the participant's checklist for work. Audited."""
    require_participant(participant)
    name = _clean_readiness(kind=kind, name=name, status=status)
    plan = plan_ensure(participant=participant)
    item = ReadinessItem.objects.create(
        organization_id=plan.organization_id,
        plan=plan,
        kind=kind,
        name=name,
        status=status,
        screening_level=screen(name, locale=locale, writer=participant),
    )
    record("plan.readiness.add", actor=participant, participant=participant, obj=item)
    return item


@transaction.atomic
def readiness_item_set_status(*, participant: Membership, item: ReadinessItem, status: str) -> ReadinessItem:
    """Have it, or still need it. Audited."""
    require_own(participant, item.plan)
    _clean_readiness(kind=item.kind, name=item.name, status=status)
    item.status = status
    item.updated_at = timezone.now()
    item.save(update_fields=["status", "updated_at"])
    record("plan.readiness.update", actor=participant, participant=participant, obj=item, reason=status)
    return item


@transaction.atomic
def readiness_item_remove(*, participant: Membership, item: ReadinessItem) -> None:
    require_own(participant, item.plan)
    record("plan.readiness.remove", actor=participant, participant=participant, obj=item)
    item.delete()


@transaction.atomic
def readiness_items_add_usual(*, participant: Membership) -> int:
    """Adds ID, resume, references and certificates as "need", in the participant's language,
    skipping any already on the checklist. Returns how many were added. Audited."""
    require_participant(participant)
    plan = plan_ensure(participant=participant)
    have = {item.name.strip().casefold() for item in ReadinessItem.objects.filter(plan=plan)}
    with as_reader(participant):
        names = [_(name) for name in USUAL_DOCUMENTS]
    added = [
        ReadinessItem(
            organization_id=plan.organization_id,
            plan=plan,
            kind=ReadinessKind.DOCUMENT,
            name=name,
            status=ReadinessStatus.NEED,
        )
        for name in names
        if name.casefold() not in have
    ]
    for item in added:
        item.save()
        record("plan.readiness.add", actor=participant, participant=participant, obj=item)
    return len(added)
