"""A participant checks in, finds it in their trends, and records a setback, in a real browser
on a small phone screen."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django_scopes import scope

from alongside.core.roles import Role
from alongside.core.timezones import today_of
from alongside.participants.services import profile_for
from conftest import PASSWORD, make_person
from tests.e2e.conftest import assert_accessible


@pytest.mark.django_db(transaction=True)
def test_a_participant_checks_in_sees_it_in_the_chart_table_and_records_a_setback(
    live_server: Any, page: Any, harbor: Any
) -> None:
    from playwright.sync_api import expect

    alex = make_person("alex", harbor, Role.PARTICIPANT, timezone="America/New_York")
    with scope(organization=harbor):
        profile = profile_for(alex.membership)  # type: ignore[arg-type]
        profile.focus = "substance_use"
        profile.save()
    today = today_of(alex.membership)
    base = live_server.url

    page.goto(base + "/accounts/login/")
    page.locator("#id_login").fill("alex")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(base + "/")

    page.goto(base + "/checkins/today/")
    expect(page.get_by_role("heading", name="Check in")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("group", name="How are you feeling today?").get_by_label("Good", exact=True).check()
    page.get_by_role("group", name="How did you sleep?").get_by_label("Well", exact=True).check()
    page.get_by_role("group", name="Cravings right now").get_by_label("3", exact=True).check()
    page.get_by_role("group", name="Did you use today?").get_by_label("No", exact=True).check()
    page.get_by_role("button", name="Save check-in").click()
    page.wait_for_url(base + "/")
    expect(page.get_by_text("Thank you for checking in.")).to_be_visible()

    page.goto(base + "/checkins/trends/?days=7")
    expect(page.get_by_role("img", name="Your mood over the last 7 days")).to_be_visible()
    row = page.locator("#trend-table tbody tr").first
    expect(row.locator("th")).to_have_text(today.strftime("%a %-d %b"))
    expect(row.locator("td").nth(0)).to_have_text("Good")
    expect(row.locator("td").nth(1)).to_have_text("Well")
    expect(row.locator("td").nth(2)).to_have_text("3")
    assert_accessible(page)

    page.get_by_role("link", name="Calendar").click()
    expect(page.locator("table.calendar td.cal-today")).to_contain_text("Good")
    assert_accessible(page)

    page.goto(base + "/checkins/recovery/")
    expect(page.get_by_role("heading", name="Start your recovery counter")).to_be_visible()
    page.get_by_label("My recovery date").fill((today - timedelta(days=30)).isoformat())
    page.get_by_role("button", name="Start counting").click()
    expect(page.get_by_text("30 days today.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Restart my counter").click()
    expect(page.get_by_role("heading", name="Restart my counter")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("A note for yourself").fill("A hard weekend. I called my peer after.")
    page.get_by_role("button", name="Restart my counter").click()
    expect(page.get_by_text("The 30 days before still count")).to_be_visible()
    history = page.get_by_role("region", name="Earlier periods")
    expect(history.get_by_role("row")).to_have_count(2)
    history.get_by_text("Show note").click()
    expect(history.get_by_text("A hard weekend. I called my peer after.")).to_be_visible()
    expect(page.get_by_text("Today is day one.")).to_be_visible()
    assert_accessible(page)
