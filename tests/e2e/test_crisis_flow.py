"""A crisis in a real browser, served over ASGI so that WebSocket alerts arrive live: jordan
writes urgent words in the conversation with riley, sees the help screen at once; riley (jordan's peer) and the on-call
supervisor, whose pages are already open, see the alert appear without reloading; the
supervisor acknowledges and the incident shows its timeline."""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from django_scopes import scope

from alongside.conversations.services import conversation_for_match
from alongside.matching.models import PeerMatch
from alongside.safety.escalation.models import OnCallShift
from tests.e2e.conftest import assert_accessible
from tests.e2e.test_matching_flow import sign_in

URGENT = "I can't go on. I have a plan to end my life tonight"


@pytest.mark.django_db(transaction=True)
def test_urgent_words_bring_help_and_a_live_alert_that_the_supervisor_acknowledges(
    asgi_server: str, browser: Any, harbor: Any, jordan: Any, riley: Any, sam: Any
) -> None:
    from playwright.sync_api import expect

    with scope(organization=harbor):
        PeerMatch.objects.create(organization=harbor, participant=jordan.membership, peer=riley.membership)
        OnCallShift.objects.create(
            organization=harbor,
            member=sam.membership,
            starts_at=timezone.now() - timedelta(hours=1),
            ends_at=timezone.now() + timedelta(hours=8),
        )

    def open_as(username: str) -> Any:
        context = browser.new_context(viewport={"width": 360, "height": 740}, locale="en-US")
        page = context.new_page()
        page.set_default_timeout(10_000)
        sign_in(page, asgi_server, username)
        return page

    riley_page, sam_page, jordan_page = open_as("riley"), open_as("sam"), open_as("jordan")
    # The responders' pages are open and listening before anything happens.
    for page in (riley_page, sam_page):
        page.wait_for_function("() => true")
    time.sleep(0.5)  # let both WebSocket connections open

    with scope(organization=harbor):
        conversation = conversation_for_match(PeerMatch.objects.get(participant=jordan.membership))
    jordan_page.goto(f"{asgi_server}/conversations/{conversation.pk}/")
    jordan_page.wait_for_timeout(300)  # the conversation's socket opens
    jordan_page.get_by_label("Your message").fill(URGENT)
    started = time.monotonic()
    jordan_page.get_by_role("button", name="Send").click()
    expect(jordan_page.get_by_role("heading", name="You matter. Help is here right now.")).to_be_visible()
    expect(jordan_page.get_by_text("What you wrote is saved.")).to_be_visible()
    with scope(organization=harbor):
        assert conversation.messages.get().body == URGENT  # sent to riley too: nothing lost
    expect(jordan_page.locator(".crisis-lines").first).to_contain_text("988")
    assert_accessible(jordan_page)

    # Both responders see it appear on the page they already had open, within two seconds.
    for page in (riley_page, sam_page):
        expect(page.locator("#crisis-alerts")).to_contain_text(
            "Urgent: Jordan needs someone now", timeout=2_000
        )
    assert time.monotonic() - started < 5

    jordan_page.get_by_role("button", name="I'm safe right now").click()
    expect(jordan_page.get_by_text("You told us you are safe right now.")).to_be_visible()

    sam_page.locator("#crisis-alerts a").first.click()
    expect(sam_page.get_by_role("heading", name="Alert about Jordan")).to_be_visible()
    expect(sam_page.locator(".incident-excerpt")).to_contain_text("I have a plan to end my life tonight")
    assert_accessible(sam_page)
    sam_page.get_by_role("button", name="Acknowledge: I'm responding").click()
    expect(sam_page.get_by_text("You are responding.")).to_be_visible()
    timeline = sam_page.locator("ol.timeline")
    for step in ("Detected", "Alert sent", "Opened", "Said they are safe right now", "Acknowledged"):
        expect(timeline).to_contain_text(step)

    sam_page.get_by_role("link", name="All crisis alerts").click()
    expect(sam_page.get_by_role("heading", name="Crisis alerts")).to_be_visible()
    assert_accessible(sam_page)
    sam_page.goto(asgi_server + "/crisis/on-call/")
    expect(sam_page.get_by_role("heading", name="On call now")).to_be_visible()
    assert_accessible(sam_page)

    # Riley is told who is responding, live as well.
    riley_page.reload()
    expect(riley_page.locator("#crisis-alerts")).not_to_contain_text("Jordan needs someone now")
    for page in (riley_page, sam_page, jordan_page):
        page.context.close()
