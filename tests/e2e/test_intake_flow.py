"""A new participant's intake, end to end, in a real browser on a small phone screen."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from django_scopes import scope

from alongside.core.roles import Role
from alongside.participants.models import ParticipantProfile
from conftest import PASSWORD, make_person
from tests.e2e.conftest import assert_accessible


@pytest.mark.django_db(transaction=True)
def test_a_new_participant_completes_intake_and_sees_their_home_page(
    live_server: Any, page: Any, harbor: Any
) -> None:
    river = make_person("river", harbor, Role.PARTICIPANT)
    base = live_server.url
    page.goto(base + "/accounts/login/")
    page.locator("#id_login").fill("river")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(base + "/")

    page.goto(base + "/participants/intake/")
    page.wait_for_url("**/participants/intake/consent/")
    assert page.get_by_role("heading", name="Your privacy", level=1).is_visible()
    assert_accessible(page)
    # Without ticking the box nothing is kept, and the reason is given.
    page.get_by_role("button", name="Next").click()
    assert page.get_by_text("Please tick the box to agree").first.is_visible()
    page.get_by_label("I have read how my information is used, and I agree").check()
    page.get_by_role("button", name="Next").click()

    page.wait_for_url("**/intake/about/")
    assert_accessible(page)
    page.get_by_label("Both").check()
    page.get_by_label("Spanish").check()
    page.get_by_label("Your age").select_option("35-44")
    page.get_by_role("button", name="Next").click()

    page.wait_for_url("**/intake/experiences/")
    assert_accessible(page)
    page.get_by_label("Opioids").check()
    page.get_by_label("Parenting").check()
    page.get_by_role("button", name="Next").click()

    page.wait_for_url("**/intake/peer/")
    assert_accessible(page)
    # Back keeps the answers of the step before.
    page.get_by_role("button", name="Back").click()
    page.wait_for_url("**/intake/experiences/")
    assert page.get_by_label("Opioids").is_checked()
    page.get_by_role("button", name="Next").click()
    page.wait_for_url("**/intake/peer/")
    page.get_by_role("group", name="Which of your experiences matter most").get_by_label("Opioids").check()
    page.get_by_role("button", name="Next").click()

    page.wait_for_url("**/intake/meeting/")
    assert_accessible(page)
    page.get_by_label("Phone").check()
    page.get_by_label("Tuesday, Evening (18–24)").check()
    page.get_by_label("Saturday, Morning (6–12)").check()
    page.get_by_role("button", name="Next").click()

    # Leaving and coming back continues where they stopped.
    page.goto(base + "/")
    page.goto(base + "/participants/intake/")
    page.wait_for_url("**/intake/recovery/")
    assert_accessible(page)
    started = (timezone.now() - timedelta(days=120)).date()
    page.get_by_label("When did your recovery start? (optional)").fill(started.isoformat())
    page.get_by_role("button", name="Next").click()

    page.wait_for_url("**/intake/hopes/")
    assert_accessible(page)
    page.get_by_role("button", name="Skip this step").click()

    page.wait_for_url("**/intake/summary/")
    assert_accessible(page)
    assert page.get_by_text("Opioids, Parenting").is_visible()
    page.get_by_role("link", name="Change What you hope for").click()
    page.wait_for_url("**/intake/hopes/?return=summary")
    page.get_by_label("What do you hope for from peer support?").fill("Someone to call when nights are hard.")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**/intake/summary/")
    assert page.get_by_text("Someone to call when nights are hard.").is_visible()
    page.get_by_role("button", name="Finish").click()

    page.wait_for_url(base + "/")
    assert page.get_by_role("heading", name="Hi, River").is_visible()
    assert page.get_by_text("Your answers are saved").is_visible()
    assert_accessible(page)
    with scope(organization=harbor):
        profile = ParticipantProfile.objects.get(participant=river.membership)
        assert profile.intake_completed_at is not None
        assert profile.languages == ["en", "es"]
        assert profile.availability == ["tue-evening", "sat-morning"]
        assert profile.recovery_start == started
        assert set(profile.priority_experiences.values_list("slug", flat=True)) == {"opioids"}


@pytest.mark.django_db(transaction=True)
def test_staff_pages_for_walk_ins_and_the_taxonomy_are_accessible(
    live_server: Any, page: Any, harbor: Any
) -> None:
    make_person("morgan", harbor, Role.ADMIN)
    base = live_server.url
    page.goto(base + "/accounts/login/")
    page.locator("#id_login").fill("morgan")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(base + "/")

    page.goto(base + "/participants/experience-areas/")
    assert_accessible(page)
    page.get_by_role("button", name="Move down Alcohol").click()
    page.wait_for_load_state()
    assert page.get_by_text("Moved “Alcohol”.").is_visible()

    page.goto(base + "/participants/register/")
    assert_accessible(page)
    page.get_by_label("Name or pseudonym").fill("Sol")
    page.get_by_label("Email address (optional)").fill("sol@example.org")
    page.get_by_role("button", name="Register").click()
    page.wait_for_url("**/intake/consent/")
    assert page.get_by_text("Intake with Sol").is_visible()
    assert_accessible(page)

    page.goto(base + "/participants/register/")
    assert page.get_by_role("heading", name="Sol", level=3).is_visible()
    assert_accessible(page)
