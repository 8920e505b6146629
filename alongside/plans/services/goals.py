"""Writes for goals and steps: the participant's own, and a peer's suggestions that the
participant accepts or declines."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from alongside.core.timezones import as_reader, today_of
from alongside.plans.models import Decision, Goal, LifeArea, Progress, Step
from alongside.plans.services.common import (
    Problems,
    apply_progress,
    check_not_past,
    clean_choice,
    clean_text,
    clean_title,
    goal_started_by_step,
    notify,
    record,
    require_own,
    require_participant,
    require_peer_of,
    screen,
)
from alongside.plans.services.plan import plan_ensure

if TYPE_CHECKING:
    from alongside.accounts.models import Membership


def _clean_goal(
    *,
    participant: Membership,
    life_area: str,
    title: str,
    why: str,
    who_helps: str,
    target_date: date | None,
    previous_target: date | None = None,
    status: str | None = None,
) -> tuple[str, str, str]:
    problems = Problems()
    clean_choice(life_area, choices=LifeArea.values, field="life_area", problems=problems)
    title = clean_title(title, field="title", problems=problems, empty_message=_("Give your goal a name."))
    why = clean_text(why, field="why", problems=problems)
    who_helps = clean_text(who_helps, field="who_helps", problems=problems)
    check_not_past(
        target_date,
        today=today_of(participant),
        field="target_date",
        problems=problems,
        previous=previous_target,
    )
    if status is not None:
        clean_choice(status, choices=Progress.values, field="status", problems=problems)
    problems.raise_if_any()
    return title, why, who_helps


@transaction.atomic
def goal_create(
    *,
    participant: Membership,
    life_area: str,
    title: str,
    why: str = "",
    who_helps: str = "",
    target_date: date | None = None,
    locale: str = "en",
) -> Goal:
    """The participant adds a goal of their own. The title is required (up to 200 characters),
    the target date cannot be before today. Screened, encrypted, audited as plan.goal.create."""
    require_participant(participant)
    title, why, who_helps = _clean_goal(
        participant=participant,
        life_area=life_area,
        title=title,
        why=why,
        who_helps=who_helps,
        target_date=target_date,
    )
    level = screen(title, why, who_helps, locale=locale, writer=participant)
    plan = plan_ensure(participant=participant)
    goal = Goal.objects.create(
        organization_id=plan.organization_id,
        plan=plan,
        life_area=life_area,
        title=title,
        why=why,
        who_helps=who_helps,
        target_date=target_date,
        screening_level=level,
    )
    record("plan.goal.create", actor=participant, participant=participant, obj=goal)
    return goal


@transaction.atomic
def goal_suggest(
    *,
    peer: Membership,
    participant: Membership,
    life_area: str,
    title: str,
    why: str = "",
    who_helps: str = "",
    target_date: date | None = None,
) -> Goal:
    """A peer supporter suggests a goal. It waits for the participant, who accepts it (it
    becomes theirs) or declines it. Only the participant's own peer. Audited as
    plan.goal.suggest; the participant is told in the app."""
    require_participant(participant)
    require_peer_of(peer, participant)
    title, why, who_helps = _clean_goal(
        participant=participant,
        life_area=life_area,
        title=title,
        why=why,
        who_helps=who_helps,
        target_date=target_date,
    )
    plan = plan_ensure(participant=participant)
    goal = Goal.objects.create(
        organization_id=plan.organization_id,
        plan=plan,
        life_area=life_area,
        title=title,
        why=why,
        who_helps=who_helps,
        target_date=target_date,
        decision=Decision.SUGGESTED,
        suggested_by=peer,
    )
    record("plan.goal.suggest", actor=peer, participant=participant, obj=goal)
    with as_reader(participant):
        notify(
            participant,
            kind="plan.suggestion",
            title=_("%(peer)s suggested a goal for your plan") % {"peer": peer.user.shown_name},
            url=reverse("plan_home") + "#suggestions",
        )
    return goal


@transaction.atomic
def goal_update(
    *,
    participant: Membership,
    goal: Goal,
    life_area: str,
    title: str,
    why: str,
    who_helps: str,
    target_date: date | None,
    status: str,
    locale: str = "en",
) -> Goal:
    """The participant edits one of their goals. A changed target date cannot be in the past;
    one saved earlier may stay. Screened, audited as plan.goal.update."""
    require_own(participant, goal.plan)
    title, why, who_helps = _clean_goal(
        participant=participant,
        life_area=life_area,
        title=title,
        why=why,
        who_helps=who_helps,
        target_date=target_date,
        previous_target=goal.target_date,
        status=status,
    )
    if goal.decision != Decision.ACCEPTED and status != goal.status:
        raise ValidationError({"status": [_("Add this goal to your plan before tracking its progress.")]})
    goal.life_area = life_area
    goal.title, goal.why, goal.who_helps = title, why, who_helps
    goal.target_date = target_date
    apply_progress(goal, status)
    goal.screening_level = screen(title, why, who_helps, locale=locale, writer=participant)
    goal.updated_at = timezone.now()
    goal.save()
    record(
        "plan.goal.update", actor=participant, participant=participant, obj=goal, reason=f"status={status}"
    )
    return goal


@transaction.atomic
def goal_set_progress(*, participant: Membership, goal: Goal, status: str) -> Goal:
    """Not started, in progress, done or set aside. Only for goals in the plan. Audited."""
    require_own(participant, goal.plan)
    problems = Problems()
    clean_choice(status, choices=Progress.values, field="status", problems=problems)
    problems.raise_if_any()
    if goal.decision != Decision.ACCEPTED:
        raise ValidationError({"status": [_("Add this goal to your plan before tracking its progress.")]})
    apply_progress(goal, status)
    goal.updated_at = timezone.now()
    goal.save(update_fields=["status", "completed_at", "updated_at"])
    record(
        "plan.goal.progress", actor=participant, participant=participant, obj=goal, reason=f"status={status}"
    )
    return goal


@transaction.atomic
def goal_decide(*, participant: Membership, goal: Goal, accept: bool) -> Goal:
    """The participant answers a peer's suggested goal: accepted, it becomes theirs; declined,
    it stays (visible to the peer) as declined. A declined goal can still be accepted later.
    The peer is told in the app. Audited as plan.goal.decide."""
    require_own(participant, goal.plan)
    if goal.decision == Decision.ACCEPTED:
        raise ValidationError(_("This goal is already in your plan."))
    if not accept and goal.decision == Decision.DECLINED:
        raise ValidationError(_("You already decided not to add this goal."))
    goal.decision = Decision.ACCEPTED if accept else Decision.DECLINED
    goal.decided_at = timezone.now()
    goal.updated_at = goal.decided_at
    goal.save(update_fields=["decision", "decided_at", "updated_at"])
    record("plan.goal.decide", actor=participant, participant=participant, obj=goal, reason=goal.decision)
    _tell_suggester(goal.suggested_by, participant=participant, accepted=accept)
    return goal


def _tell_suggester(peer: Membership | None, *, participant: Membership, accepted: bool) -> None:
    if peer is None or not peer.is_active:
        return
    with as_reader(peer):
        title = (
            _("%(name)s added your suggestion to their plan")
            if accepted
            else _("%(name)s decided not to add your suggestion")
        ) % {"name": participant.user.shown_name}
        notify(
            peer,
            kind="plan.decision",
            title=title,
            url=reverse("plan_participant", kwargs={"participant_id": participant.pk}),
        )


# Steps ---------------------------------------------------------------------------------------


def _clean_step(
    *,
    participant: Membership,
    title: str,
    who_helps: str,
    target_date: date | None,
    previous_target: date | None = None,
    status: str | None = None,
) -> tuple[str, str]:
    problems = Problems()
    title = clean_title(
        title, field="title", problems=problems, empty_message=_("Describe the step in a few words.")
    )
    who_helps = clean_text(who_helps, field="who_helps", problems=problems)
    check_not_past(
        target_date,
        today=today_of(participant),
        field="target_date",
        problems=problems,
        previous=previous_target,
    )
    if status is not None:
        clean_choice(status, choices=Progress.values, field="status", problems=problems)
    problems.raise_if_any()
    return title, who_helps


@transaction.atomic
def step_create(
    *,
    participant: Membership,
    goal: Goal,
    title: str,
    who_helps: str = "",
    target_date: date | None = None,
    locale: str = "en",
) -> Step:
    """The participant adds a step to one of their goals (a goal in the plan, not a pending
    suggestion). Screened, encrypted, audited as plan.step.create."""
    require_own(participant, goal.plan)
    if goal.decision != Decision.ACCEPTED:
        raise ValidationError(_("Add this goal to your plan before adding steps to it."))
    title, who_helps = _clean_step(
        participant=participant, title=title, who_helps=who_helps, target_date=target_date
    )
    step = Step.objects.create(
        organization_id=goal.organization_id,
        goal=goal,
        title=title,
        who_helps=who_helps,
        target_date=target_date,
        screening_level=screen(title, who_helps, locale=locale, writer=participant),
    )
    record("plan.step.create", actor=participant, participant=participant, obj=step)
    return step


@transaction.atomic
def step_suggest(
    *, peer: Membership, goal: Goal, title: str, who_helps: str = "", target_date: date | None = None
) -> Step:
    """The participant's peer supporter suggests a step for one of the participant's goals.
    It waits for the participant's decision. Audited as plan.step.suggest."""
    participant = goal.plan.participant
    require_peer_of(peer, participant)
    if goal.decision != Decision.ACCEPTED:
        raise ValidationError(
            _("Steps can be suggested once %(name)s has added this goal to their plan.")
            % {"name": participant.user.shown_name}
        )
    title, who_helps = _clean_step(
        participant=participant, title=title, who_helps=who_helps, target_date=target_date
    )
    step = Step.objects.create(
        organization_id=goal.organization_id,
        goal=goal,
        title=title,
        who_helps=who_helps,
        target_date=target_date,
        decision=Decision.SUGGESTED,
        suggested_by=peer,
    )
    record("plan.step.suggest", actor=peer, participant=participant, obj=step)
    with as_reader(participant):
        notify(
            participant,
            kind="plan.suggestion",
            title=_("%(peer)s suggested a step for one of your goals") % {"peer": peer.user.shown_name},
            url=reverse("plan_home") + "#suggestions",
        )
    return step


@transaction.atomic
def step_update(
    *,
    participant: Membership,
    step: Step,
    title: str,
    who_helps: str,
    target_date: date | None,
    status: str,
    locale: str = "en",
) -> Step:
    """The participant edits one of their steps. Screened, audited as plan.step.update."""
    goal = step.goal
    require_own(participant, goal.plan)
    title, who_helps = _clean_step(
        participant=participant,
        title=title,
        who_helps=who_helps,
        target_date=target_date,
        previous_target=step.target_date,
        status=status,
    )
    if step.decision != Decision.ACCEPTED and status != step.status:
        raise ValidationError({"status": [_("Add this step to your plan before tracking its progress.")]})
    step.title, step.who_helps, step.target_date = title, who_helps, target_date
    apply_progress(step, status)
    step.screening_level = screen(title, who_helps, locale=locale, writer=participant)
    step.updated_at = timezone.now()
    step.save()
    goal_started_by_step(goal, step)
    record(
        "plan.step.update", actor=participant, participant=participant, obj=step, reason=f"status={status}"
    )
    return step


@transaction.atomic
def step_set_progress(*, participant: Membership, step: Step, status: str) -> Step:
    """Marks a step not started, in progress, done or set aside. The goal's progress shows how
    many of its steps are done; a goal not started yet becomes in progress. Audited."""
    goal = step.goal
    require_own(participant, goal.plan)
    problems = Problems()
    clean_choice(status, choices=Progress.values, field="status", problems=problems)
    problems.raise_if_any()
    if step.decision != Decision.ACCEPTED:
        raise ValidationError({"status": [_("Add this step to your plan before tracking its progress.")]})
    apply_progress(step, status)
    step.updated_at = timezone.now()
    step.save(update_fields=["status", "completed_at", "updated_at"])
    goal_started_by_step(goal, step)
    record(
        "plan.step.progress", actor=participant, participant=participant, obj=step, reason=f"status={status}"
    )
    return step


@transaction.atomic
def step_decide(*, participant: Membership, step: Step, accept: bool) -> Step:
    """The participant answers a suggested step, like `goal_decide`. Audited."""
    require_own(participant, step.goal.plan)
    if step.decision == Decision.ACCEPTED:
        raise ValidationError(_("This step is already in your plan."))
    if not accept and step.decision == Decision.DECLINED:
        raise ValidationError(_("You already decided not to add this step."))
    step.decision = Decision.ACCEPTED if accept else Decision.DECLINED
    step.decided_at = timezone.now()
    step.updated_at = step.decided_at
    step.save(update_fields=["decision", "decided_at", "updated_at"])
    record("plan.step.decide", actor=participant, participant=participant, obj=step, reason=step.decision)
    _tell_suggester(step.suggested_by, participant=participant, accepted=accept)
    return step
