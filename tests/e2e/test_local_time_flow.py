"""Times in a real browser: a message that arrives live shows the time the page would show after
a reload, in the reader's own zone even on a device set to another; sign-up takes the device's
zone, and without JavaScript the organization's."""

from __future__ import annotations

import re
import zoneinfo
from typing import Any

import pytest
from django_scopes import scope

from alongside.accounts.models import User
from alongside.conversations.models import Message
from alongside.conversations.services import conversation_for_match
from alongside.matching.models import PeerMatch
from tests.e2e.test_matching_flow import sign_in

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")


def open_as(browser: Any, base: str, username: str, *, device_zone: str) -> Any:
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, locale="en-US", timezone_id=device_zone
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    sign_in(page, base, username)
    return page


def times_shown(page: Any) -> list[str]:
    return [" ".join(text.split()) for text in page.locator("#chat-messages time").all_inner_texts()]


@pytest.mark.django_db(transaction=True)
def test_a_live_message_shows_the_readers_time_not_the_devices(
    asgi_server: str, browser: Any, alex: Any, pat: Any
) -> None:
    from playwright.sync_api import expect

    with scope(organization=alex.organization):
        conversation = conversation_for_match(PeerMatch.objects.get(participant=alex.membership))
    url = f"{asgi_server}/conversations/{conversation.pk}/"
    # alex reads in New York time (their organization's); their phone is still set to Tokyo.
    alex_page = open_as(browser, asgi_server, "alex", device_zone="Asia/Tokyo")
    pat_page = open_as(browser, asgi_server, "pat", device_zone="America/New_York")
    alex_page.goto(url)
    pat_page.goto(url)
    pat_page.wait_for_timeout(500)  # both sockets open
    for text in ("First, from pat", "Second, from pat"):
        pat_page.get_by_label("Your message").fill(text)
        pat_page.get_by_role("button", name="Send").click()
        expect(alex_page.locator("#chat-messages")).to_contain_text(text)
    with scope(organization=alex.organization):
        stored = list(Message.objects.filter(conversation=conversation).order_by("seq"))
    expected = [
        m.created_at.astimezone(NEW_YORK).strftime("%m/%d/%Y %I:%M %p").replace(" 0", " ") for m in stored
    ]
    live = times_shown(alex_page)
    assert live == expected, live
    assert alex_page.locator("#chat-messages .chat-body").all_inner_texts() == [
        "First, from pat",
        "Second, from pat",
    ]
    alex_page.reload()
    assert times_shown(alex_page) == expected  # the same after a reload
    for page in (alex_page, pat_page):
        page.context.close()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("javascript", [True, False])
def test_sign_up_takes_the_devices_zone_and_without_javascript_the_organizations(
    asgi_server: str, browser: Any, harbor: Any, javascript: bool
) -> None:
    context = browser.new_context(
        viewport={"width": 360, "height": 740},
        locale="en-US",
        timezone_id="America/Chicago",
        java_script_enabled=javascript,
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(asgi_server + "/accounts/signup/")
    zone = page.get_by_label("Your time zone")
    assert zone.input_value() == ("America/Chicago" if javascript else "")  # seen before sending
    page.locator("#id_username").fill("river")
    page.locator("#id_email").fill("river@example.org")
    page.locator("#id_password1").fill("a-long-test-password")
    page.locator("#id_password2").fill("a-long-test-password")
    page.get_by_role("button", name=re.compile("Sign Up", re.IGNORECASE)).click()
    page.wait_for_url(re.compile(r".*/(?!accounts/signup/).*"))
    user = User.objects.get(username="river")
    assert user.timezone == ("America/Chicago" if javascript else "")  # "" reads as Harbor's New York
    context.close()
