"""Reads of recovery plans. Who may see what:

- the participant sees all of their own plan;
- their peer supporter (participants_visible_to) sees goals, steps, their notes, the review
  date, and only the wellness and work sections the participant chose to share;
- supervisors and admins see goals, steps, notes and the review date, read-only, and never
  the wellness toolbox or the job search (those are shared with a peer supporter, not the
  organization);
- nobody else sees anything.

Every read by someone other than the participant is audited as plan.read. Each page takes
the same number of queries however many goals and steps the plan holds.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, F, Prefetch, Q
from django.http import Http404

from alongside.accounts.models import Membership
from alongside.core.audit import audit_record
from alongside.core.roles import Role
from alongside.core.timezones import today_of
from alongside.matching.selectors import active_match_for
from alongside.plans.models import (
    SHARABLE_SECTIONS,
    Decision,
    Goal,
    JobApplication,
    LifeArea,
    PeerNote,
    Progress,
    ReadinessItem,
    ReadinessKind,
    RecoveryPlan,
    Step,
    WellnessEntry,
    WellnessSection,
)

PROGRESS_ORDER = [Progress.IN_PROGRESS, Progress.NOT_STARTED, Progress.DONE, Progress.SET_ASIDE]
PEER_NOTES_SHOWN = 50


@dataclass
class GoalCard:
    """A goal with its steps, split by the participant's decision, and its progress."""

    goal: Goal
    steps: list[Step] = field(default_factory=list)
    suggested_steps: list[Step] = field(default_factory=list)
    declined_steps: list[Step] = field(default_factory=list)

    @property
    def steps_done(self) -> int:
        return sum(1 for step in self.steps if step.status == Progress.DONE)

    @property
    def steps_counted(self) -> int:
        """Steps set aside do not count against the goal."""
        return sum(1 for step in self.steps if step.status != Progress.SET_ASIDE)


@dataclass
class AreaGroup:
    area: str
    label: str
    goals: list[GoalCard]


@dataclass
class PlanPage:
    participant: Membership
    plan: RecoveryPlan | None
    viewer_role: str
    peer: Membership | None = None
    areas: list[AreaGroup] = field(default_factory=list)
    cards: list[GoalCard] = field(default_factory=list)
    suggested_goals: list[Goal] = field(default_factory=list)
    declined_goals: list[Goal] = field(default_factory=list)
    peer_notes: list[PeerNote] = field(default_factory=list)
    visible_sections: frozenset[str] = frozenset()
    wellness: dict[str, list[WellnessEntry]] = field(default_factory=dict)
    job_applications: list[JobApplication] = field(default_factory=list)
    readiness_items: list[ReadinessItem] = field(default_factory=list)

    @property
    def is_own(self) -> bool:
        return self.viewer_role == Role.PARTICIPANT

    @property
    def suggested_steps(self) -> list[tuple[GoalCard, Step]]:
        return [(card, step) for card in self.cards for step in card.suggested_steps]

    @property
    def has_suggestions(self) -> bool:
        return bool(self.suggested_goals) or any(card.suggested_steps for card in self.cards)

    @property
    def next_review_on(self) -> date | None:
        return self.plan.next_review_on if self.plan else None

    def shares(self, section: str) -> bool:
        return self.plan is not None and self.plan.shares(section)


def sections_visible_to(
    viewer: Membership, participant: Membership, plan: RecoveryPlan | None
) -> frozenset[str]:
    """The wellness and work sections this viewer may read (the caller has already checked
    that the viewer may see this participant at all)."""
    if viewer.pk == participant.pk:
        return frozenset(SHARABLE_SECTIONS)
    if viewer.role == Role.PEER and plan is not None:
        return frozenset(section for section in SHARABLE_SECTIONS if plan.shares(section))
    return frozenset()


def _plan_of(participant: Membership) -> RecoveryPlan | None:
    return RecoveryPlan.objects.filter(participant=participant).select_related("review_set_by__user").first()


def _goal_cards(plan: RecoveryPlan) -> list[Goal]:
    steps = Step.objects.select_related("suggested_by__user").order_by("created_at", "id")
    return list(
        Goal.objects.filter(plan=plan)
        .select_related("suggested_by__user")
        .prefetch_related(Prefetch("steps", queryset=steps))
        .order_by("created_at", "id")
    )


def _card(goal: Goal) -> GoalCard:
    card = GoalCard(goal=goal)
    for step in goal.steps.all():
        if step.decision == Decision.ACCEPTED:
            card.steps.append(step)
        elif step.decision == Decision.SUGGESTED:
            card.suggested_steps.append(step)
        else:
            card.declined_steps.append(step)
    return card


def _group_by_area(cards: list[GoalCard]) -> list[AreaGroup]:
    by_area: dict[str, list[GoalCard]] = defaultdict(list)
    for card in cards:
        by_area[card.goal.life_area].append(card)
    groups = []
    for area, label in LifeArea.choices:
        if by_area.get(area):
            goals = sorted(by_area[area], key=lambda c: PROGRESS_ORDER.index(Progress(c.goal.status)))
            groups.append(AreaGroup(area=area, label=str(label), goals=goals))
    return groups


def _record_read(viewer: Membership, participant: Membership, plan: RecoveryPlan | None, reason: str) -> None:
    if viewer.pk != participant.pk:
        audit_record(
            action="plan.read",
            actor=viewer.user,
            organization=participant.organization,
            subject=participant,
            obj=plan,
            reason=reason,
        )


def plan_page(*, viewer: Membership, participant: Membership, include_shared: bool = False) -> PlanPage:
    """The plan as `viewer` may see it: goals and steps by life area, suggestions waiting for
    the participant and those they declined, and notes from the peer. With `include_shared`,
    also the wellness and work sections the viewer may read. The caller has resolved
    `participant` for this viewer (participant_for, or the participant themselves).
    Audited as plan.read when the viewer is not the participant."""
    if viewer.pk != participant.pk and viewer.role not in (Role.PEER, Role.SUPERVISOR, Role.ADMIN):
        raise Http404
    plan = _plan_of(participant)
    match = active_match_for(participant)
    page = PlanPage(
        participant=participant, plan=plan, viewer_role=viewer.role, peer=match.peer if match else None
    )
    if plan is not None:
        for goal in _goal_cards(plan):
            if goal.decision == Decision.ACCEPTED:
                page.cards.append(_card(goal))
            elif goal.decision == Decision.SUGGESTED:
                page.suggested_goals.append(goal)
            else:
                page.declined_goals.append(goal)
        page.areas = _group_by_area(page.cards)
        page.peer_notes = list(
            PeerNote.objects.filter(plan=plan).select_related("author__user")[:PEER_NOTES_SHOWN]
        )
        if include_shared:
            page.visible_sections = sections_visible_to(viewer, participant, plan)
            _load_sections(page, plan)
    _record_read(viewer, participant, plan, reason="plan")
    return page


def _load_sections(page: PlanPage, plan: RecoveryPlan) -> None:
    wellness_sections = [s for s in WellnessSection.values if s in page.visible_sections]
    if wellness_sections:
        page.wellness = {section: [] for section in wellness_sections}
        for entry in WellnessEntry.objects.filter(plan=plan, section__in=wellness_sections):
            page.wellness[entry.section].append(entry)
    if "work" in page.visible_sections:
        page.job_applications = list(JobApplication.objects.filter(plan=plan).select_related("goal"))
        page.readiness_items = list(ReadinessItem.objects.filter(plan=plan))


@dataclass
class WellnessSectionView:
    section: str
    label: str
    entries: list[WellnessEntry]
    shared: bool


@dataclass
class WellnessPage:
    plan: RecoveryPlan | None
    peer: Membership | None
    sections: list[WellnessSectionView]


def wellness_page(*, participant: Membership) -> WellnessPage:
    """The participant's own toolbox, triggers and early warning signs, and what they share."""
    plan = _plan_of(participant)
    entries: dict[str, list[WellnessEntry]] = {section: [] for section in WellnessSection.values}
    if plan is not None:
        for entry in WellnessEntry.objects.filter(plan=plan):
            entries[entry.section].append(entry)
    match = active_match_for(participant)
    return WellnessPage(
        plan=plan,
        peer=match.peer if match else None,
        sections=[
            WellnessSectionView(
                section=value,
                label=str(label),
                entries=entries[value],
                shared=plan is not None and plan.shares(value),
            )
            for value, label in WellnessSection.choices
        ],
    )


@dataclass
class WorkPage:
    plan: RecoveryPlan | None
    peer: Membership | None
    work_goals: list[GoalCard]
    applications: list[JobApplication]
    readiness_items: list[ReadinessItem]

    @property
    def documents(self) -> list[ReadinessItem]:
        return [item for item in self.readiness_items if item.kind == ReadinessKind.DOCUMENT]


def work_page(*, participant: Membership) -> WorkPage:
    """The participant's own work goals, job search tracker and checklist."""
    plan = _plan_of(participant)
    match = active_match_for(participant)
    page = WorkPage(
        plan=plan, peer=match.peer if match else None, work_goals=[], applications=[], readiness_items=[]
    )
    if plan is not None:
        steps = Step.objects.filter(decision=Decision.ACCEPTED).order_by("created_at", "id")
        page.work_goals = [
            _card(goal)
            for goal in Goal.objects.filter(
                plan=plan, life_area=LifeArea.EMPLOYMENT, decision=Decision.ACCEPTED
            ).prefetch_related(Prefetch("steps", queryset=steps))
        ]
        page.applications = list(JobApplication.objects.filter(plan=plan).select_related("goal"))
        page.readiness_items = list(ReadinessItem.objects.filter(plan=plan))
    return page


def work_goals_of(participant: Membership) -> list[Goal]:
    """The participant's work goals (for linking a job application)."""
    return list(
        Goal.objects.filter(
            plan__participant=participant, life_area=LifeArea.EMPLOYMENT, decision=Decision.ACCEPTED
        ).order_by("created_at", "id")
    )


# One object of the participant's own, or 404 ---------------------------------------------------


def own_goal(*, participant: Membership, goal_id: int) -> Goal:
    """One of the participant's goals (any decision), or 404 for anyone else's."""
    goal = Goal.objects.filter(pk=goal_id, plan__participant=participant).select_related("plan").first()
    if goal is None:
        raise Http404
    return goal


def own_step(*, participant: Membership, step_id: int) -> Step:
    step = (
        Step.objects.filter(pk=step_id, goal__plan__participant=participant)
        .select_related("goal__plan")
        .first()
    )
    if step is None:
        raise Http404
    return step


def own_wellness_entry(*, participant: Membership, entry_id: int) -> WellnessEntry:
    entry = (
        WellnessEntry.objects.filter(pk=entry_id, plan__participant=participant)
        .select_related("plan")
        .first()
    )
    if entry is None:
        raise Http404
    return entry


def own_job_application(*, participant: Membership, application_id: int) -> JobApplication:
    application = (
        JobApplication.objects.filter(pk=application_id, plan__participant=participant)
        .select_related("plan", "goal")
        .first()
    )
    if application is None:
        raise Http404
    return application


def own_readiness_item(*, participant: Membership, item_id: int) -> ReadinessItem:
    item = (
        ReadinessItem.objects.filter(pk=item_id, plan__participant=participant).select_related("plan").first()
    )
    if item is None:
        raise Http404
    return item


def own_goal_card(*, participant: Membership, goal_id: int) -> GoalCard:
    """One of the participant's goals with its steps, or 404."""
    steps = Step.objects.select_related("suggested_by__user").order_by("created_at", "id")
    goal = (
        Goal.objects.filter(pk=goal_id, plan__participant=participant)
        .select_related("suggested_by__user")
        .prefetch_related(Prefetch("steps", queryset=steps))
        .first()
    )
    if goal is None:
        raise Http404
    return _card(goal)


def goal_of_participant(*, participant: Membership, goal_id: int) -> Goal:
    """A goal of a participant the caller already resolved through participant_for (a peer
    suggesting a step), or 404."""
    return own_goal(participant=participant, goal_id=goal_id)


def goals_of(participant: Membership) -> list[GoalCard]:
    """All of the participant's goals (accepted, suggested and declined) with their steps, for
    the participant themselves (the API)."""
    plan = _plan_of(participant)
    return [_card(goal) for goal in _goal_cards(plan)] if plan is not None else []


def job_applications_of(participant: Membership) -> list[JobApplication]:
    return list(JobApplication.objects.filter(plan__participant=participant).select_related("goal"))


# The participant's home page -------------------------------------------------------------------


NEXT_STEPS_SHOWN = 3


def plan_home_card(participant: Membership) -> dict[str, object]:
    """What the participant's home page shows of their plan: their next open steps (soonest
    target date first), how many goals are done, suggestions waiting, and the next review.
    For the participant themselves only; three queries."""
    plan = _plan_of(participant)
    if plan is None:
        return {"plan": None, "next_steps": [], "goal_count": 0, "goals_done": 0, "suggestions": 0}
    counts = Goal.objects.filter(plan=plan).aggregate(
        goal_count=Count("id", filter=Q(decision=Decision.ACCEPTED) & ~Q(status=Progress.SET_ASIDE)),
        goals_done=Count("id", filter=Q(decision=Decision.ACCEPTED, status=Progress.DONE)),
        goal_suggestions=Count("id", filter=Q(decision=Decision.SUGGESTED)),
    )
    open_steps = (
        Step.objects.filter(goal__plan=plan, goal__decision=Decision.ACCEPTED)
        .exclude(goal__status__in=[Progress.DONE, Progress.SET_ASIDE])
        .filter(
            Q(decision=Decision.ACCEPTED, status__in=[Progress.NOT_STARTED, Progress.IN_PROGRESS])
            | Q(decision=Decision.SUGGESTED)
        )
        .select_related("goal")
        .order_by(F("target_date").asc(nulls_last=True), "created_at", "id")
    )
    next_steps: list[Step] = []
    step_suggestions = 0
    for step in open_steps:
        if step.decision == Decision.SUGGESTED:
            step_suggestions += 1
        elif len(next_steps) < NEXT_STEPS_SHOWN:
            next_steps.append(step)
    today = today_of(participant)
    review_on = plan.next_review_on
    return {
        "plan": plan,
        "next_steps": next_steps,
        "goal_count": counts["goal_count"],
        "goals_done": counts["goals_done"],
        "suggestions": counts["goal_suggestions"] + step_suggestions,
        "review_on": review_on if review_on and review_on >= today else None,
        "review_days": (review_on - today).days if review_on and review_on >= today else None,
    }
