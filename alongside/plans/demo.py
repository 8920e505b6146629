"""Recovery plans for the demo organization (Harbor): fictional people, realistic plans.

`seed_demo` is idempotent: a participant who already has a plan is left as they are.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.utils import timezone
from django_scopes import scope, scopes_disabled

from alongside.accounts.models import Membership
from alongside.core.roles import Role
from alongside.core.timezones import today_of
from alongside.plans.models import (
    ApplicationStatus,
    Decision,
    Goal,
    JobApplication,
    LifeArea,
    PeerNote,
    Progress,
    ReadinessItem,
    ReadinessKind,
    ReadinessStatus,
    RecoveryPlan,
    Step,
    WellnessEntry,
    WellnessSection,
)

if TYPE_CHECKING:
    from alongside.accounts.models import User

P = Progress


@dataclass
class DemoStep:
    title: str
    status: str = P.NOT_STARTED
    days: int | None = None  # target date, days from today
    who_helps: str = ""
    suggested: bool = False


@dataclass
class DemoGoal:
    area: str
    title: str
    why: str = ""
    who_helps: str = ""
    days: int | None = None
    status: str = P.IN_PROGRESS
    decision: str = Decision.ACCEPTED
    steps: list[DemoStep] = field(default_factory=list)


ALEX_GOALS = [
    DemoGoal(
        LifeArea.HEALTH,
        "Stay connected to my recovery meetings",
        why="Meetings are where I remember I'm not doing this alone.",
        who_helps="Pat; my sister Dana",
        days=60,
        steps=[
            DemoStep("Find a Saturday meeting near the kids' school", P.DONE),
            DemoStep("Go to the Tuesday evening meeting every week", P.IN_PROGRESS, who_helps="Pat"),
            DemoStep("Ask someone at the Tuesday meeting about sponsorship", days=21),
        ],
    ),
    DemoGoal(
        LifeArea.EMPLOYMENT,
        "Get back to steady work in a warehouse or delivery job",
        why="Steady money, a routine, and showing the kids I can do it.",
        who_helps="Pat; the job centre on Main Street",
        days=90,
        steps=[
            DemoStep("Update my resume with Pat", P.DONE, who_helps="Pat"),
            DemoStep("Practise interview answers out loud", P.DONE),
            DemoStep("Apply to three jobs a week", P.IN_PROGRESS, days=30),
            DemoStep("Sort out childcare for early shifts", days=14, who_helps="My sister Dana"),
            DemoStep("Ask the job centre about the forklift course", days=10, suggested=True),
        ],
    ),
    DemoGoal(
        LifeArea.HOME,
        "Make the apartment a calmer place for me and the kids",
        days=45,
        steps=[
            DemoStep("Set up a bedtime routine with the kids", P.IN_PROGRESS),
            DemoStep("Clear out the spare room", P.SET_ASIDE),
        ],
    ),
    DemoGoal(
        LifeArea.COMMUNITY,
        "Join the Thursday peer walking group",
        why="Fresh air and people who get it. You mentioned missing being outdoors.",
        decision=Decision.SUGGESTED,
        status=P.NOT_STARTED,
    ),
    DemoGoal(
        LifeArea.EDUCATION,
        "Try the evening art class at the library",
        decision=Decision.DECLINED,
        status=P.NOT_STARTED,
    ),
]

ALEX_WELLNESS = [
    (WellnessSection.TOOLBOX, "A walk by the water before work", ""),
    (WellnessSection.TOOLBOX, "Calling Pat or my sister when my head gets loud", ""),
    (WellnessSection.TOOLBOX, "Cooking dinner with the kids", ""),
    (WellnessSection.TOOLBOX, "The Tuesday meeting", ""),
    (WellnessSection.TOOLBOX, "Eight hours of sleep, phone out of the bedroom", ""),
    (
        WellnessSection.TRIGGERS,
        "Arguments with my brother",
        "Step outside, text Pat, and don't answer him until I've cooled down.",
    ),
    (WellnessSection.TRIGGERS, "Payday Fridays", "Pay the bills first thing, then go straight home."),
    (
        WellnessSection.TRIGGERS,
        "Running into people I used with",
        'Have my line ready ("I\'ve got to get the kids") and leave.',
    ),
    (WellnessSection.WARNING_SIGNS, "Skipping meals and staying up late", "Tell Pat at our next check-in."),
    (
        WellnessSection.WARNING_SIGNS,
        "Not answering my sister's calls",
        "Call her back the same day, even briefly.",
    ),
    (
        WellnessSection.WARNING_SIGNS,
        'Thinking "just once won\'t matter"',
        "Call Pat or the helpline that same day. Go to a meeting.",
    ),
]

# (employer, job, status, applied days ago, next step, next step in days)
ALEX_APPLICATIONS = [
    (
        "Riverside Distribution",
        "Warehouse associate",
        ApplicationStatus.INTERVIEW,
        12,
        "Second interview: bring ID and references",
        3,
    ),
    ("Harbor Foods", "Delivery driver", ApplicationStatus.APPLIED, 5, "Call them if no answer by Friday", 4),
    ("City Parks Department", "Grounds crew", ApplicationStatus.NOT_SELECTED, 30, "", None),
    ("QuickMart", "Stock clerk", ApplicationStatus.WITHDRAWN, 21, "", None),
]

ALEX_CHECKLIST = [
    (ReadinessKind.DOCUMENT, "ID", ReadinessStatus.HAVE),
    (ReadinessKind.DOCUMENT, "Resume", ReadinessStatus.HAVE),
    (ReadinessKind.DOCUMENT, "References (ask my old supervisor at the depot)", ReadinessStatus.NEED),
    (ReadinessKind.DOCUMENT, "Forklift certificate", ReadinessStatus.NEED),
    (ReadinessKind.SKILL, "Applying for jobs online", ReadinessStatus.HAVE),
    (ReadinessKind.SKILL, "Talking about the gap in my work history", ReadinessStatus.NEED),
]

PAT_NOTES = [
    (
        9,
        "Great session on your resume today. You've got more experience than you give yourself credit "
        "for: six years of driving and stock work counts.",
    ),
    (
        2,
        "Proud of you for going to the interview at Riverside. Whatever they decide, you showed up. "
        "Let's practise the question about the gap in your work history before the second one.",
    ),
]

JORDAN_GOALS = [
    DemoGoal(
        LifeArea.HEALTH,
        "Feel calmer before work meetings",
        who_helps="Riley",
        days=30,
        steps=[
            DemoStep("Do the breathing exercise before the Monday meeting", P.IN_PROGRESS),
            DemoStep("Write down what I want to say beforehand", P.DONE),
        ],
    ),
    DemoGoal(
        LifeArea.COMMUNITY,
        "Go to the grief support group once a month",
        status=P.NOT_STARTED,
        steps=[DemoStep("Look up when the next group meets", days=7)],
    ),
]


def _participant(users: dict[str, User], username: str) -> Membership | None:
    user = users.get(username)
    if user is None:
        return None
    with scopes_disabled():
        return (
            Membership.objects.filter(user=user, role=Role.PARTICIPANT, organization__slug="harbor")
            .select_related("organization", "user")
            .first()
        )


def _peer(users: dict[str, User], username: str, participant: Membership) -> Membership | None:
    user = users.get(username)
    if user is None:
        return None
    return Membership.objects.filter(user=user, organization=participant.organization).first()


def _goals(
    plan: RecoveryPlan, goals: list[DemoGoal], today: date, peer: Membership | None, rng: random.Random
) -> None:
    now = timezone.now()
    for index, spec in enumerate(goals):
        created = now - timedelta(days=40 - index * 3, hours=rng.randint(0, 8))
        suggested = spec.decision != Decision.ACCEPTED
        goal = Goal.objects.create(
            organization_id=plan.organization_id,
            plan=plan,
            life_area=spec.area,
            title=spec.title,
            why=spec.why,
            who_helps=spec.who_helps,
            target_date=today + timedelta(days=spec.days) if spec.days else None,
            status=spec.status,
            decision=spec.decision,
            suggested_by=peer if suggested else None,
            decided_at=created + timedelta(days=1) if spec.decision == Decision.DECLINED else None,
            created_at=created,
            updated_at=created,
        )
        for position, step_spec in enumerate(spec.steps):
            at = created + timedelta(days=position + 1)
            Step.objects.create(
                organization_id=plan.organization_id,
                goal=goal,
                title=step_spec.title,
                who_helps=step_spec.who_helps,
                target_date=today + timedelta(days=step_spec.days) if step_spec.days else None,
                status=step_spec.status,
                decision=Decision.SUGGESTED if step_spec.suggested else Decision.ACCEPTED,
                suggested_by=peer if step_spec.suggested else None,
                created_at=at,
                updated_at=at,
                completed_at=at + timedelta(days=2) if step_spec.status == P.DONE else None,
            )


def _alex(users: dict[str, User], rng: random.Random) -> None:
    alex = _participant(users, "alex")
    if alex is None:
        return
    with scope(organization=alex.organization):
        if RecoveryPlan.objects.filter(participant=alex).exists():
            return
        pat = _peer(users, "pat", alex)
        today = today_of(alex)
        plan = RecoveryPlan.objects.create(
            organization=alex.organization,
            participant=alex,
            next_review_on=today + timedelta(days=6),
            review_set_by=pat,
            share_toolbox=True,
            share_warning_signs=True,
            share_triggers=False,  # alex keeps triggers to themselves: the peer sees only what is shared
            share_work=True,
        )
        _goals(plan, ALEX_GOALS, today, pat, rng)
        WellnessEntry.objects.bulk_create(
            WellnessEntry(
                organization_id=plan.organization_id, plan=plan, section=section, text=text, response=response
            )
            for section, text, response in ALEX_WELLNESS
        )
        work_goal = Goal.objects.filter(plan=plan, life_area=LifeArea.EMPLOYMENT).first()
        for employer, role, status, days_ago, next_action, next_in in ALEX_APPLICATIONS:
            JobApplication.objects.create(
                organization_id=plan.organization_id,
                plan=plan,
                goal=work_goal,
                employer=employer,
                role=role,
                status=status,
                applied_on=today - timedelta(days=days_ago),
                next_action=next_action,
                next_action_on=today + timedelta(days=next_in) if next_in is not None else None,
                created_at=timezone.now() - timedelta(days=days_ago),
            )
        ReadinessItem.objects.bulk_create(
            ReadinessItem(
                organization_id=plan.organization_id, plan=plan, kind=kind, name=name, status=status
            )
            for kind, name, status in ALEX_CHECKLIST
        )
        for days_ago, body in PAT_NOTES:
            PeerNote.objects.create(
                organization_id=plan.organization_id,
                plan=plan,
                author=pat,
                body=body,
                created_at=timezone.now() - timedelta(days=days_ago),
            )


def _jordan(users: dict[str, User], rng: random.Random) -> None:
    jordan = _participant(users, "jordan")
    if jordan is None:
        return
    with scope(organization=jordan.organization):
        if RecoveryPlan.objects.filter(participant=jordan).exists():
            return
        riley = _peer(users, "riley", jordan)
        today = today_of(jordan)
        plan = RecoveryPlan.objects.create(
            organization=jordan.organization,
            participant=jordan,
            next_review_on=today + timedelta(days=1),
            review_set_by=riley,
            share_toolbox=True,
        )
        _goals(plan, JORDAN_GOALS, today, riley, rng)
        WellnessEntry.objects.create(
            organization_id=plan.organization_id,
            plan=plan,
            section=WellnessSection.TOOLBOX,
            text="Box breathing: in for four, hold for four, out for four",
        )
        if riley is not None:
            PeerNote.objects.create(
                organization_id=plan.organization_id,
                plan=plan,
                author=riley,
                body="Writing down what you want to say before the meeting is a great idea. Keep it up!",
            )


def seed_demo(*, users: dict[str, User], rng: random.Random) -> None:
    """Creates alex's plan (goals in several life areas including work, steps in every state,
    a suggestion from pat waiting and one declined, a wellness toolbox with triggers and early
    warning signs shared selectively, a job search and checklist, notes from pat, a review next
    week) and a smaller one for jordan. Participants who already have a plan are skipped."""
    _alex(users, rng)
    _jordan(users, rng)
