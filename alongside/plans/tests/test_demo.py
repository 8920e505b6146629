"""The demo plans: what a newcomer clicks through as alex, pat, jordan and sam."""

from __future__ import annotations

import random

import pytest
from django_scopes import scope, scopes_disabled

from alongside.plans.demo import seed_demo
from alongside.plans.models import (
    Decision,
    Goal,
    JobApplication,
    LifeArea,
    PeerNote,
    Progress,
    ReadinessItem,
    RecoveryPlan,
    Step,
    WellnessEntry,
)


@pytest.fixture
def demo(alex, pat, jordan, riley, sam):
    users = {person.user.username: person.user for person in (alex, pat, jordan, riley, sam)}
    seed_demo(users=users, rng=random.Random(7))
    return users


def counts() -> tuple[int, ...]:
    with scopes_disabled():
        return tuple(
            model.objects.count()
            for model in (RecoveryPlan, Goal, Step, WellnessEntry, JobApplication, ReadinessItem, PeerNote)
        )


def test_alex_has_a_full_plan_to_explore(demo, alex, pat) -> None:
    with scope(organization=alex.organization):
        plan = RecoveryPlan.objects.get(participant=alex.membership)
        goals = list(Goal.objects.filter(plan=plan))
        steps = Step.objects.filter(goal__plan=plan)
        assert len([g for g in goals if g.decision == Decision.ACCEPTED]) >= 3
        assert {g.life_area for g in goals} >= {LifeArea.HEALTH, LifeArea.EMPLOYMENT, LifeArea.HOME}
        assert {s.status for s in steps} == set(Progress.values)
        assert {g.decision for g in goals} == set(Decision.values)  # a suggestion waiting, one declined
        assert JobApplication.objects.filter(plan=plan, goal__life_area=LifeArea.EMPLOYMENT).count() >= 3
        assert set(WellnessEntry.objects.filter(plan=plan).values_list("section", flat=True)) == {
            "toolbox",
            "triggers",
            "warning_signs",
        }
        assert ReadinessItem.objects.filter(plan=plan).exists()
        assert PeerNote.objects.filter(plan=plan, author=pat.membership).exists()
        assert plan.next_review_on is not None
        assert (plan.share_toolbox, plan.share_triggers) == (True, False)


def test_seeding_twice_changes_nothing(demo) -> None:
    before = counts()
    seed_demo(users=demo, rng=random.Random(7))
    assert counts() == before


def test_the_demo_pages_open_for_each_role(demo, alex, pat, sam) -> None:
    alex_client = alex.client()
    for path in ("/plan/", "/plan/wellness/", "/plan/work/"):
        assert alex_client.get(path).status_code == 200, path
    page = alex_client.get("/plan/").content.decode()
    assert "Join the Thursday peer walking group" in page  # pat's suggestion waits for alex
    peer_page = pat.client().get(f"/plan/participants/{alex.membership.pk}/").content.decode()
    assert "A walk by the water before work" in peer_page  # shared toolbox
    assert "Payday Fridays" not in peer_page  # private triggers
    assert "Riverside Distribution" in peer_page  # shared job search
    assert sam.client().get(f"/plan/participants/{alex.membership.pk}/").status_code == 200


def test_missing_people_are_skipped(db) -> None:
    seed_demo(users={}, rng=random.Random(1))
    assert counts() == (0, 0, 0, 0, 0, 0, 0)


def test_it_fits_the_real_demo_organization(db, settings) -> None:
    from django.test import Client

    from alongside.accounts.models import User
    from alongside.devtools.demo_data import DEMO_PASSWORD
    from alongside.devtools.demo_data import seed_demo as seed_organization

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    seed_organization()
    seed_demo(users={user.username: user for user in User.objects.all()}, rng=random.Random(7))
    with scopes_disabled():
        alex_plan = RecoveryPlan.objects.select_related("participant").get(participant__user__username="alex")
        assert RecoveryPlan.objects.filter(participant__user__username="jordan").exists()
    pat = Client()
    assert pat.login(username="pat", password=DEMO_PASSWORD)
    page = pat.get(f"/plan/participants/{alex_plan.participant.pk}/").content.decode()
    assert "Get back to steady work in a warehouse or delivery job" in page
    riley = Client()
    assert riley.login(username="riley", password=DEMO_PASSWORD)
    assert riley.get(f"/plan/participants/{alex_plan.participant.pk}/").status_code == 404
