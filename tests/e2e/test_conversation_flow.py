"""Conversations in a real browser, over ASGI so the WebSocket is real: alex and pat see each
other's messages live; the same conversation works with JavaScript off; pat writes a session
note and alex comments on it."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django_scopes import scope

from alongside.conversations.models import Message
from alongside.conversations.services import conversation_for_match
from alongside.core.timezones import today_of
from alongside.matching.models import PeerMatch
from tests.e2e.conftest import assert_accessible
from tests.e2e.test_matching_flow import sign_in


def open_as(browser: Any, base: str, username: str, *, javascript: bool = True) -> Any:
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, locale="en-US", java_script_enabled=javascript
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    sign_in(page, base, username)
    return page


@pytest.mark.django_db(transaction=True)
def test_alex_and_pat_chat_live_and_write_a_session_note_together(
    asgi_server: str, browser: Any, alex: Any, pat: Any
) -> None:
    from playwright.sync_api import expect

    with scope(organization=alex.organization):
        conversation = conversation_for_match(PeerMatch.objects.get(participant=alex.membership))
    url = f"{asgi_server}/conversations/{conversation.pk}/"
    alex_page, pat_page = open_as(browser, asgi_server, "alex"), open_as(browser, asgi_server, "pat")
    alex_page.goto(url)
    pat_page.goto(url)
    expect(alex_page.get_by_role("heading", name=f"Conversation with {pat.user.shown_name}")).to_be_visible()
    assert_accessible(alex_page)
    pat_page.wait_for_timeout(500)  # both sockets open

    alex_page.get_by_label("Your message").fill("Hi Pat, are you around tonight?")
    alex_page.get_by_role("button", name="Send").click()
    mine = alex_page.locator("li.chat-message.mine").last
    expect(mine).to_contain_text("Hi Pat, are you around tonight?")
    # Acknowledged once stored (it may already read "Read" if pat's page was quicker).
    expect(mine.locator(".chat-state")).to_have_text(re.compile("^(Sent|Read)$"))
    # Pat sees it without reloading, and reading it turns alex's mark to Read.
    expect(pat_page.locator("#chat-messages")).to_contain_text("Hi Pat, are you around tonight?")
    expect(mine.locator(".chat-state")).to_have_text("Read")

    pat_page.get_by_label("Your message").fill("I am. Call at 7?")
    pat_page.get_by_role("button", name="Send").click()
    expect(alex_page.locator("#chat-messages")).to_contain_text("I am. Call at 7?")
    with scope(organization=alex.organization):
        assert Message.objects.filter(conversation=conversation).count() == 2  # stored once each

    # Pat writes a session note after the call; alex reads it and comments.
    pat_page.goto(f"{asgi_server}/conversations/{conversation.pk}/notes/new/")
    pat_page.get_by_label("How long (minutes)").fill("35")
    pat_page.get_by_label("Phone").check()
    pat_page.get_by_label("Home", exact=True).check()
    pat_page.get_by_label("What you agreed together").fill("Alex will visit the housing office on Monday.")
    pat_page.locator("#id_follow_up").fill("Ask how the visit went")
    pat_page.get_by_label("Follow-up due").fill((today_of(pat.membership) + timedelta(days=4)).isoformat())
    pat_page.get_by_role("button", name="Save the note").click()
    expect(pat_page.get_by_text("Alex will visit the housing office on Monday.")).to_be_visible()
    note_url = pat_page.url

    alex_page.goto(asgi_server + "/")
    expect(alex_page.get_by_text("Ask how the visit went")).to_be_visible()  # on alex's home too
    alex_page.goto(note_url)
    alex_page.get_by_label("Your comment").fill("Yes, and I'd like Pat to come with me.")
    alex_page.get_by_role("button", name="Save my comment").click()
    expect(alex_page.get_by_text("Your comment is saved.")).to_be_visible()
    assert_accessible(alex_page)
    pat_page.goto(note_url)
    expect(pat_page.get_by_text("I'd like Pat to come with me.")).to_be_visible()
    for page in (alex_page, pat_page):
        page.context.close()


@pytest.mark.django_db(transaction=True)
def test_the_conversation_works_with_javascript_off(
    asgi_server: str, browser: Any, alex: Any, pat: Any
) -> None:
    from playwright.sync_api import expect

    with scope(organization=alex.organization):
        conversation = conversation_for_match(PeerMatch.objects.get(participant=alex.membership))
    url = f"{asgi_server}/conversations/{conversation.pk}/"
    alex_page = open_as(browser, asgi_server, "alex", javascript=False)
    alex_page.goto(url)
    alex_page.get_by_label("Your message").fill("Writing from an old phone")
    alex_page.get_by_role("button", name="Send").click()
    expect(alex_page.locator("#chat-messages")).to_contain_text("Writing from an old phone")
    alex_page.go_back()  # a resubmitted form (the same message id) does not store twice
    alex_page.get_by_role("button", name="Send").click()
    with scope(organization=alex.organization):
        assert (
            Message.objects.filter(conversation=conversation, body="Writing from an old phone").count() <= 1
        )
    pat_page = open_as(browser, asgi_server, "pat", javascript=False)
    pat_page.goto(url)
    expect(pat_page.locator("#chat-messages")).to_contain_text("Writing from an old phone")
    pat_page.get_by_label("Your message").fill("Got it, Alex.")
    pat_page.get_by_role("button", name="Send").click()
    alex_page.get_by_role("link", name="Refresh").click()
    expect(alex_page.locator("#chat-messages")).to_contain_text("Got it, Alex.")
    for page in (alex_page, pat_page):
        page.context.close()
