"""Peer matching in a real browser on a small phone screen: a newcomer picks from three
explained suggestions; a supervisor runs a batch, changes one match and approves; a peer
declines one."""

from __future__ import annotations

from typing import Any

import pytest
from django_scopes import scope

from alongside.core.roles import Role
from alongside.matching.tests.factories import finished_intake, peer_profile
from conftest import PASSWORD, make_person
from tests.e2e.conftest import assert_accessible


def sign_in(page: Any, base: str, username: str) -> None:
    page.goto(base + "/accounts/login/")
    page.locator("#id_login").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(base + "/")


@pytest.fixture
def three_peers(harbor: Any, pat: Any, riley: Any) -> list[Any]:
    dana = make_person("dana", harbor, Role.PEER)
    with scope(organization=harbor):
        peer_profile(pat.membership, experiences=("opioids", "parenting"))
        peer_profile(riley.membership, experiences=("anxiety", "grief"))
        peer_profile(dana.membership, experiences=("opioids",), availability=("mon-morning",))
    return [pat, riley, dana]


@pytest.mark.django_db(transaction=True)
def test_a_newcomer_sees_three_explained_suggestions_and_picks_one(
    live_server: Any, page: Any, harbor: Any, three_peers: list[Any]
) -> None:
    from playwright.sync_api import expect

    bea = make_person("bea", harbor, Role.PARTICIPANT)
    with scope(organization=harbor):
        finished_intake(bea.membership, experiences=("opioids", "parenting"))
    base = live_server.url
    sign_in(page, base, "bea")
    page.goto(base + "/matching/suggestions/")
    expect(page.get_by_role("heading", name="Choose your peer supporter")).to_be_visible()
    suggestions = page.locator("li.match-suggestion")
    expect(suggestions).to_have_count(3)
    expect(suggestions.first).to_contain_text(
        "you both have lived experience of opioid recovery and parenting"
    )
    assert_accessible(page)

    page.get_by_role("button", name="Choose Pat").click()
    expect(page.get_by_text("We've asked Pat.")).to_be_visible()
    expect(page.get_by_text("You chose Pat.")).to_be_visible()
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_a_supervisor_runs_matching_changes_one_and_approves_then_a_peer_declines(
    live_server: Any, page: Any, harbor: Any, sam: Any, three_peers: list[Any]
) -> None:
    from playwright.sync_api import expect

    for name in ("noor", "kay"):
        person = make_person(name, harbor, Role.PARTICIPANT)
        with scope(organization=harbor):
            finished_intake(person.membership)
    base = live_server.url
    sign_in(page, base, "sam")
    page.goto(base + "/matching/")
    expect(page.get_by_role("heading", name="2 people waiting for a peer")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Run matching for everyone waiting").click()
    expect(page.get_by_role("heading", name="Proposed matches")).to_be_visible()
    noor = page.locator("li.match-proposal", has_text="Noor with")
    expect(noor.locator(".match-reasons")).to_contain_text("opioid recovery")
    assert_accessible(page)

    noor.get_by_role("link", name="Change peer").click()
    expect(page.get_by_role("heading", name="Choose a peer for Noor")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Riley").check()
    page.get_by_role("button", name="Use this peer").click()
    expect(page.get_by_text("Noor is now proposed to Riley.")).to_be_visible()
    expect(page.locator("li.match-proposal", has_text="Noor with Riley")).to_be_visible()

    page.get_by_role("button", name="Approve and ask the peer supporters").click()
    expect(page.get_by_text("Approved. 2 peer supporters were asked.")).to_be_visible()

    page.context.clear_cookies()
    sign_in(page, base, "riley")
    page.goto(base + "/matching/proposals/")
    expect(page.get_by_role("heading", name="Noor")).to_be_visible()
    assert_accessible(page)
    page.get_by_text("Decline Noor").click()
    page.get_by_label("Why not? (optional)").fill("My evenings are full this month")
    page.get_by_role("button", name="Decline", exact=True).click()
    expect(page.get_by_text("Thank you for letting us know.")).to_be_visible()
    expect(page.get_by_text("Nobody is waiting for your answer right now.")).to_be_visible()
    assert_accessible(page)
