"""The demo's crisis lines and safety plans: what a newcomer sees as alex, pat, jordan and morgan."""

from __future__ import annotations

import random

import pytest
from django_scopes import scope, scopes_disabled

from alongside.safety.demo import seed_demo
from alongside.safety.models import (
    CrisisLine,
    SafetyPlan,
    SafetyPlanShare,
    SafetyPlanSuggestion,
    SafetyPlanVersion,
)
from alongside.safety.selectors import crisis_lines_for, own_safety_plan, safety_plan_for_peer


@pytest.fixture
def demo(alex, pat, jordan, riley):
    users = {person.user.username: person.user for person in (alex, pat, jordan, riley)}
    seed_demo(users=users, rng=random.Random(7))
    return users


def counts() -> tuple[int, ...]:
    with scopes_disabled():
        return tuple(
            model.objects.count()
            for model in (CrisisLine, SafetyPlan, SafetyPlanVersion, SafetyPlanShare, SafetyPlanSuggestion)
        )


def test_the_organization_lists_its_own_warm_line_first_then_the_national_lines(demo, harbor) -> None:
    lines = crisis_lines_for(harbor)
    assert lines[0].name == "Harbor Peer Collective warm line" and lines[0].kind == "organization"
    assert "988 Suicide & Crisis Lifeline" in [line.name for line in lines]


def test_alex_has_a_full_plan_with_history_shared_with_pat(demo, alex, pat, in_harbor) -> None:
    page = own_safety_plan(alex.membership)
    assert all(section.entries for section in page.sections)
    assert page.plan is not None and page.plan.version == 2
    assert SafetyPlanVersion.objects.get(plan=page.plan).number == 1
    assert [suggestion.suggested_by for suggestion in page.suggestions] == [pat.membership]
    assert safety_plan_for_peer(viewer=pat.membership, participant_id=alex.membership.pk).plan == page.plan


def test_jordan_has_a_short_plan_kept_private(demo, jordan, in_harbor) -> None:
    plan = SafetyPlan.objects.get(participant=jordan.membership)
    assert plan.entries("warning_signs") and not plan.entries("safe_environment")
    assert not SafetyPlanShare.objects.filter(plan=plan).exists()


def test_seeding_twice_changes_nothing(demo) -> None:
    before = counts()
    seed_demo(users=demo, rng=random.Random(7))
    assert counts() == before


def test_the_demo_plans_are_encrypted_at_rest(demo, alex) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT reasons_for_living FROM safety_safetyplan")
        assert all(row[0].startswith("enc1:") for row in cursor.fetchall())
    with scope(organization=alex.organization):
        assert SafetyPlan.objects.get(participant=alex.membership).entries("reasons_for_living")


def test_the_demo_plans_pass_the_same_rules_as_a_participants_writing(demo, alex, jordan, in_harbor) -> None:
    from alongside.safety.services import safety_plan_update

    for persona in (alex, jordan):
        plan = SafetyPlan.objects.get(participant=persona.membership)
        again = safety_plan_update(participant=persona.membership, sections=plan.content())
        assert again.version == plan.version
