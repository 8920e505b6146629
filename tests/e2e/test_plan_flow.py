"""A participant builds their recovery plan in a real browser on a small phone screen."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import PASSWORD
from tests.e2e.conftest import assert_accessible


def sign_in(page: Any, base: str, username: str) -> None:
    page.goto(base + "/accounts/login/")
    page.locator("#id_login").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(base + "/")


@pytest.mark.django_db(transaction=True)
def test_a_participant_adds_a_goal_with_two_steps_and_sees_one_of_two_done(
    live_server: Any, page: Any, alex: Any, pat: Any
) -> None:
    from playwright.sync_api import expect

    base = live_server.url
    sign_in(page, base, "alex")
    page.goto(base + "/plan/")
    assert page.get_by_role("heading", name="My recovery plan").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Add a goal").click()
    assert_accessible(page)
    page.get_by_label("Your goal").fill("Get back to steady work")
    page.get_by_label("Life area").select_option("employment")
    page.get_by_role("button", name="Add goal").click()
    expect(page.get_by_text("Your goal is in your plan.")).to_be_visible()

    goal = page.locator("article.plan-goal", has_text="Get back to steady work")
    goal.get_by_label("Step", exact=True).fill("Update my resume")
    goal.get_by_role("button", name="Add step").click()
    expect(page.get_by_text("Step added.")).to_be_visible()

    goal.locator("summary", has_text="Add a step").click()  # the form folds away once a step exists
    goal.get_by_label("Step", exact=True).fill("Apply to three jobs a week")
    goal.get_by_role("button", name="Add step").click()
    expect(goal.get_by_text("0 of 2 steps done")).to_be_visible()

    resume = goal.locator("li.plan-step", has_text="Update my resume")
    resume.get_by_label("Progress of the step “Update my resume”").select_option("done")
    resume.get_by_role("button", name="Update").click()
    expect(page.get_by_text("Step done. Well done!")).to_be_visible()
    expect(goal.get_by_text("1 of 2 steps done")).to_be_visible()
    expect(goal.locator("li.plan-step", has_text="Update my resume").locator(".plan-tag")).to_have_text(
        "Done"
    )
    assert_accessible(page)

    page.get_by_role("link", name="Wellness toolbox").click()
    page.get_by_label("Something that keeps me well").fill("A walk by the water")
    page.locator("#section-toolbox").get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved in your own words.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Work and job search").click()
    expect(page.get_by_role("link", name="Get back to steady work")).to_be_visible()
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_the_peer_sees_the_plan_and_leaves_a_note(live_server: Any, page: Any, alex: Any, pat: Any) -> None:
    from django_scopes import scope
    from playwright.sync_api import expect

    from alongside.plans.services import goal_create

    with scope(organization=alex.organization):
        goal_create(participant=alex.membership, life_area="health", title="Sleep better")
    base = live_server.url
    sign_in(page, base, "pat")
    page.goto(f"{base}/plan/participants/{alex.membership.pk}/")
    expect(page.get_by_role("heading", name="Sleep better")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("A note for Alex").fill("Proud of you for starting.")
    page.get_by_role("button", name="Save note").click()
    expect(page.get_by_text("Proud of you for starting.")).to_be_visible()


@pytest.mark.django_db(transaction=True)
def test_a_full_plan_is_accessible_for_the_participant_and_the_peer(
    live_server: Any, page: Any, alex: Any, pat: Any, jordan: Any, riley: Any
) -> None:
    """The demo plan has every state: suggestions, declined goals, steps set aside, a job
    search table, a checklist, sections shared and private."""
    import random

    from alongside.plans.demo import seed_demo

    seed_demo(users={p.user.username: p.user for p in (alex, pat, jordan, riley)}, rng=random.Random(7))
    base = live_server.url
    sign_in(page, base, "alex")
    for path in ("/plan/", "/plan/wellness/", "/plan/work/"):
        page.goto(base + path)
        assert_accessible(page)
    page.context.clear_cookies()
    sign_in(page, base, "pat")
    page.goto(f"{base}/plan/participants/{alex.membership.pk}/")
    assert page.get_by_text("A walk by the water before work").is_visible()
    assert_accessible(page)
