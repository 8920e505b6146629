"""A group room during an online meeting, in a real browser over ASGI: alex (member) and pat
(facilitator) see each other's messages live; pat removes a message and it disappears for
alex without a reload."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from django_scopes import scope

from alongside.groups.tests.factories import a_group, a_series, join
from tests.e2e.conftest import assert_accessible
from tests.e2e.test_conversation_flow import open_as


@pytest.mark.django_db(transaction=True)
def test_a_live_group_room_with_a_facilitator_removing_a_message(
    asgi_server: str, browser: Any, harbor: Any, alex: Any, pat: Any
) -> None:
    from playwright.sync_api import expect

    with scope(organization=harbor):
        group = a_group(
            harbor, facilitators=[pat.membership], name="Online circle", format="online", address=""
        )
        join(group, alex.membership)
        started = timezone.now() - timedelta(minutes=5)
        a_series(
            group,
            first_day=started.date(),
            start_time=started.time().replace(second=0, microsecond=0),
            frequency="daily",
            duration_minutes=120,
            timezone="UTC",
        )
    url = f"{asgi_server}/groups/{group.pk}/room/"
    alex_page, pat_page = open_as(browser, asgi_server, "alex"), open_as(browser, asgi_server, "pat")
    alex_page.goto(url)
    pat_page.goto(url)
    expect(alex_page.get_by_text("The meeting is on.")).to_be_visible()
    assert_accessible(alex_page)
    pat_page.wait_for_timeout(500)  # both sockets open

    alex_page.get_by_label("Your message").fill("Glad to be here tonight")
    alex_page.get_by_role("button", name="Send").click()
    expect(pat_page.locator("#chat-messages")).to_contain_text("Glad to be here tonight")
    pat_page.get_by_label("Your message").fill("Welcome, everyone")
    pat_page.get_by_role("button", name="Send").click()
    expect(alex_page.locator("#chat-messages")).to_contain_text("Welcome, everyone")

    pat_page.reload()
    pat_page.get_by_role("button", name="Remove message").first.click()
    expect(pat_page.get_by_text("The message was removed.")).to_be_visible()
    expect(alex_page.locator("#chat-messages")).not_to_contain_text("Glad to be here tonight")
    expect(alex_page.locator("#chat-messages")).to_contain_text("Removed by a facilitator.")
    assert_accessible(pat_page)
    for page in (alex_page, pat_page):
        page.context.close()
