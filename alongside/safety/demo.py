"""Crisis lines and safety plans for the demo organizations: fictional people, realistic plans.

`seed_demo` is idempotent: an organization that lists crisis lines keeps them, and a
participant who already has a safety plan is left as they are.
"""

from __future__ import annotations

import random
from datetime import timedelta
from typing import TYPE_CHECKING

from django.utils import timezone
from django_scopes import scope, scopes_disabled

from alongside.accounts.models import Membership, Organization
from alongside.core.roles import Role
from alongside.safety.models import (
    Content,
    CrisisLine,
    CrisisLineKind,
    Entry,
    SafetyPlan,
    SafetyPlanShare,
    SafetyPlanSuggestion,
    SafetyPlanVersion,
    Section,
    content_to_json,
)
from alongside.safety.services import crisis_lines_ensure_defaults

if TYPE_CHECKING:
    from alongside.accounts.models import User

S = Section

# 555-01xx numbers are reserved for fiction in North America.
OWN_LINES = {
    "harbor": CrisisLine(
        name="Harbor Peer Collective warm line",
        kind=CrisisLineKind.ORGANIZATION,
        phone="(617) 555-0148",
        sms="(617) 555-0149",
        hours="Every day, 9 am to 9 pm",
        description="Talk to a peer supporter on duty, whatever is going on. Not an emergency service.",
        languages="English, Spanish",
        country="US",
    ),
    "eastside": CrisisLine(
        name="Eastside front desk",
        kind=CrisisLineKind.ORGANIZATION,
        phone="(312) 555-0172",
        hours="Monday to Friday, 10 am to 6 pm",
        description="Staff can put you through to whoever is on call.",
        languages="English",
        country="US",
    ),
}


def _entries(*lines: str | tuple[str, str]) -> list[Entry]:
    return [
        Entry(text=line, phone="") if isinstance(line, str) else Entry(text=line[0], phone=line[1])
        for line in lines
    ]


ALEX_PLAN: Content = {
    S.WARNING_SIGNS: _entries(
        "Not sleeping, up at 3 am going over everything",
        "Skipping the Tuesday meeting and telling myself I'm too busy",
        "Thinking about calling my old dealer",
        "Feeling like the kids would be better off without me",
    ),
    S.COPING_STRATEGIES: _entries(
        "Walk by the water, twenty minutes, no phone",
        "Cold shower, then make tea",
        "Listen to the playlist Dana made me",
        "Write down three things from today that went okay",
    ),
    S.DISTRACTIONS: _entries(
        ("My sister Dana's kitchen", "(617) 555-0131"),
        "The Tuesday evening meeting at St. Mark's",
        "The coffee place on Main Street where I know the staff",
    ),
    S.PEOPLE_TO_ASK: _entries(
        ("Dana, my sister", "(617) 555-0131"),
        ("Pat, my peer supporter (through Alongside or the warm line)", "(617) 555-0148"),
        ("Mike from the Tuesday meeting", "(617) 555-0167"),
    ),
    S.PROFESSIONALS: _entries(
        ("Dr. Reyes, Harbor Health clinic", "(617) 555-0190"),
        ("Opioid treatment program nurse line", "(617) 555-0193"),
    ),
    S.SAFE_ENVIRONMENT: _entries(
        "Dana keeps my extra medication; I pick up a week at a time",
        "No alcohol in the apartment",
        "Delete the old numbers from my phone",
    ),
    S.REASONS_FOR_LIVING: _entries(
        "Mia and Leo",
        "Seeing Leo graduate",
        "Eleven months clean and I want a year",
    ),
}

# What alex's plan looked like before pat helped fill in steps 3 to 6.
ALEX_FIRST_DRAFT: Content = {
    S.WARNING_SIGNS: ALEX_PLAN[S.WARNING_SIGNS][:2],
    S.COPING_STRATEGIES: ALEX_PLAN[S.COPING_STRATEGIES][:2],
    S.REASONS_FOR_LIVING: ALEX_PLAN[S.REASONS_FOR_LIVING][:1],
}

JORDAN_PLAN: Content = {
    S.WARNING_SIGNS: _entries("Chest gets tight and I stop answering messages", "Lying awake after midnight"),
    S.COPING_STRATEGIES: _entries("Box breathing, four rounds", "Hot bath and an audiobook"),
    S.PEOPLE_TO_ASK: _entries(("Sam, my housemate", "(617) 555-0124")),
    S.REASONS_FOR_LIVING: _entries("My cat, Miso", "Finishing my nursing course"),
}


def _crisis_lines(organizations: list[Organization]) -> None:
    for organization in organizations:
        crisis_lines_ensure_defaults(organization=organization)
        own = OWN_LINES.get(organization.slug)
        with scope(organization=organization):
            if own is None or CrisisLine.objects.filter(organization=organization, name=own.name).exists():
                continue
            CrisisLine.objects.create(
                organization=organization,
                position=0,
                **{
                    name: getattr(own, name)
                    for name in (
                        "name",
                        "kind",
                        "phone",
                        "sms",
                        "hours",
                        "description",
                        "languages",
                        "country",
                    )
                },
            )


def _plan(participant: Membership, content: Content, *, days_ago: int) -> SafetyPlan:
    when = timezone.now() - timedelta(days=days_ago)
    plan = SafetyPlan(
        organization_id=participant.organization_id,
        participant=participant,
        updated_by=participant,
        created_at=when,
        updated_at=when,
    )
    for section, entries in content.items():
        plan.set_entries(section, entries)
    plan.save()
    return plan


def _alex(users: dict[str, User]) -> None:
    with scopes_disabled():
        alex = Membership.objects.select_related("organization").get(
            user=users["alex"], role=Role.PARTICIPANT
        )
        pat = Membership.objects.get(user=users["pat"], organization=alex.organization)
    with scope(organization=alex.organization):
        if SafetyPlan.objects.filter(participant=alex).exists():
            return
        first = timezone.now() - timedelta(days=40)
        plan = _plan(alex, ALEX_PLAN, days_ago=12)
        SafetyPlanVersion.objects.create(
            organization_id=plan.organization_id,
            plan=plan,
            number=1,
            content=content_to_json(
                {section: ALEX_FIRST_DRAFT.get(section, []) for section in Section.values}
            ),
            saved_by=alex,
            saved_at=first,
            replaced_at=plan.updated_at,
        )
        plan.version = 2
        plan.save(update_fields=["version"])
        SafetyPlanShare.objects.create(
            organization_id=plan.organization_id, plan=plan, person=pat, created_at=first + timedelta(days=1)
        )
        SafetyPlanSuggestion.objects.create(
            organization_id=plan.organization_id,
            plan=plan,
            section=S.COPING_STRATEGIES,
            text="Text me the word 'anchor' and I'll call you back within the hour",
            suggested_by=pat,
            created_at=timezone.now() - timedelta(days=2),
        )


def _jordan(users: dict[str, User]) -> None:
    with scopes_disabled():
        jordan = Membership.objects.select_related("organization").get(
            user=users["jordan"], role=Role.PARTICIPANT
        )
    with scope(organization=jordan.organization):
        if not SafetyPlan.objects.filter(participant=jordan).exists():
            _plan(jordan, JORDAN_PLAN, days_ago=20)


def seed_demo(*, users: dict[str, User], rng: random.Random) -> None:
    """Every demo organization gets its country's crisis lines and its own warm line or front
    desk; alex has a full safety plan (an earlier draft in its history) shared with pat, with a
    suggestion from pat waiting; jordan has a short one they keep to themselves."""
    with scopes_disabled():
        organizations = list(Organization.objects.filter(slug__in=list(OWN_LINES)))
    _crisis_lines(organizations)
    _alex(users)
    _jordan(users)
