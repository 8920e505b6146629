"""A participant builds and edits their safety plan on a small phone screen, prints it, and
opens it without a connection; signing out takes the offline copy off the phone."""

from __future__ import annotations

import random
import re
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


def offline_copies(page: Any) -> list[str]:
    """The pages kept in this browser's offline cache."""
    return page.evaluate(
        """async () => {
            const kept = [];
            for (const name of await caches.keys()) {
                if (!name.startsWith("alongside-offline-")) continue;
                const cache = await caches.open(name);
                for (const request of await cache.keys()) kept.push(new URL(request.url).pathname);
            }
            return kept;
        }"""
    )


@pytest.mark.django_db(transaction=True)
def test_alex_builds_a_plan_step_by_step_and_edits_it(
    live_server: Any, page: Any, alex: Any, pat: Any
) -> None:
    from playwright.sync_api import expect

    base = live_server.url
    sign_in(page, base, "alex")
    page.get_by_role("link", name="My safety plan").click()
    expect(page.get_by_role("heading", name="My safety plan", exact=True)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Start with step 1").click()
    assert_accessible(page)
    page.get_by_label("Line 1", exact=True).fill("Not sleeping, up at 3 am")
    page.get_by_label("Line 2", exact=True).fill("Skipping the Tuesday meeting")
    page.get_by_role("button", name="Save and go to the next step").click()
    expect(page.get_by_role("heading", name="Things I can do on my own")).to_be_visible()
    page.get_by_label("Line 1", exact=True).fill("Walk by the water")
    page.get_by_role("button", name="Save and go to the next step").click()
    page.get_by_role("button", name="Save and go to the next step").click()  # step 3 left for later
    expect(page.get_by_role("heading", name="People I can ask for help")).to_be_visible()
    page.get_by_label("Line 1", exact=True).fill("Dana, my sister")
    page.get_by_label("Phone for line 1 (optional)").fill("617 555 0131")
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.get_by_text("Saved in your safety plan.")).to_be_visible()
    people = page.locator("#step-people_to_ask")
    expect(people.get_by_role("link", name="617 555 0131")).to_have_attribute("href", "tel:6175550131")
    expect(page.locator("#step-professionals").get_by_role("link", name="Call 988")).to_be_visible()
    assert_accessible(page)

    page.locator("#step-warning_signs").get_by_role("link", name="Change").click()
    page.get_by_label("Line 2", exact=True).fill("")
    page.get_by_label("Line 3", exact=True).fill("Not answering Pat")
    page.get_by_role("button", name="Save", exact=True).click()
    warning_signs = page.locator("#step-warning_signs li")
    expect(warning_signs).to_have_text(["Not sleeping, up at 3 am", "Not answering Pat"])

    page.get_by_role("link", name="Earlier versions").click()
    assert_accessible(page)
    page.get_by_role("link", name="Version 1").click()
    expect(page.get_by_text("Skipping the Tuesday meeting")).to_be_visible()

    page.goto(base + "/safety/plan/sharing/")
    page.get_by_role("button", name="Share with Pat").click()
    expect(page.get_by_text("Pat can now see your safety plan")).to_be_visible()
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_get_help_now_opens_in_one_tap_on_any_page(live_server: Any, page: Any, alex: Any, pat: Any) -> None:
    from playwright.sync_api import expect

    base = live_server.url
    sign_in(page, base, "alex")
    page.goto(base + "/checkins/")
    panel = page.locator(".help-now-body")
    expect(panel).to_be_hidden()
    page.get_by_text("Get help now").click()
    expect(panel.get_by_role("link", name="Call 911")).to_be_visible()
    expect(panel.get_by_role("link", name="Call 988")).to_be_visible()
    expect(panel.get_by_text("Pat")).to_be_visible()
    assert_accessible(page)
    panel.get_by_role("link", name="My safety plan").click()
    page.wait_for_url(base + "/safety/plan/")


@pytest.mark.django_db(transaction=True)
def test_the_peer_view_a_private_link_and_the_crisis_lines_settings_are_accessible(
    live_server: Any, page: Any, alex: Any, pat: Any, jordan: Any, riley: Any, morgan: Any
) -> None:
    from django_scopes import scope
    from playwright.sync_api import expect

    from alongside.safety.demo import seed_demo
    from alongside.safety.services import safety_plan_link_create

    seed_demo(users={p.user.username: p.user for p in (alex, pat, jordan, riley)}, rng=random.Random(7))
    with scope(organization=alex.organization):
        _link, raw = safety_plan_link_create(participant=alex.membership, label="Dana", days=7)
    base = live_server.url
    page.goto(f"{base}/safety/shared/{raw}/")
    expect(page.get_by_text("Mia and Leo")).to_be_visible()
    assert_accessible(page)

    sign_in(page, base, "pat")
    page.goto(base + "/safety/shared-with-me/")
    page.get_by_role("link", name="Alex").click()
    expect(page.get_by_text("Walk by the water, twenty minutes, no phone")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Part of the plan").select_option("people_to_ask")
    page.get_by_label("Your suggestion").fill("Your cousin Lee")
    page.get_by_role("button", name="Send the suggestion").click()
    expect(page.get_by_text("Suggestion sent.")).to_be_visible()

    page.context.clear_cookies()
    sign_in(page, base, "alex")
    page.goto(base + "/safety/plan/")
    suggestion = page.locator(".plan-suggestion", has_text="Your cousin Lee")
    suggestion.get_by_role("button", name="Add to my plan").click()
    expect(page.locator("#step-people_to_ask").get_by_text("Your cousin Lee")).to_be_visible()
    assert_accessible(page)

    page.context.clear_cookies()
    sign_in(page, base, "morgan")
    page.get_by_role("link", name="Crisis lines").click()
    expect(page.get_by_role("cell", name="Harbor Peer Collective warm line")).to_be_visible()
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_the_print_view_fits_a_full_plan_on_one_page(
    live_server: Any, page: Any, alex: Any, pat: Any, jordan: Any, riley: Any
) -> None:
    from playwright.sync_api import expect

    from alongside.safety.demo import seed_demo

    seed_demo(users={p.user.username: p.user for p in (alex, pat, jordan, riley)}, rng=random.Random(7))
    base = live_server.url
    sign_in(page, base, "alex")
    page.goto(base + "/safety/plan/print/")
    expect(page.get_by_role("heading", name="Safety plan: Alex")).to_be_visible()
    expect(page.get_by_role("button", name="Print")).to_be_visible()
    assert_accessible(page)

    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".safety-print-tools")).to_be_hidden()
    expect(page.get_by_text("Mia and Leo")).to_be_visible()
    expect(
        page.locator("#step-professionals .crisis-print-number", has_text="1-800-662-4357")
    ).to_be_visible()
    expect(page.locator("#step-professionals .crisis-actions").first).to_be_hidden()
    pdf = page.pdf(format="Letter")
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1


@pytest.mark.django_db(transaction=True)
def test_the_plan_opens_offline_once_seen_and_signing_out_removes_it(
    live_server: Any, page: Any, alex: Any, pat: Any
) -> None:
    from django_scopes import scope
    from playwright.sync_api import Error, expect

    from alongside.safety.models import Entry
    from alongside.safety.services import safety_plan_update

    with scope(organization=alex.organization):
        safety_plan_update(
            participant=alex.membership,
            sections={"warning_signs": [Entry("Not sleeping")], "reasons_for_living": [Entry("Mia and Leo")]},
        )
    base = live_server.url
    sign_in(page, base, "alex")
    page.goto(base + "/safety/plan/")
    expect(page.get_by_text("Saved on this device")).to_be_visible()
    assert sorted(set(offline_copies(page)) & {"/safety/plan/", "/help/"}) == ["/help/", "/safety/plan/"]

    page.context.set_offline(True)
    page.reload()
    expect(page.get_by_role("heading", name="My safety plan", exact=True)).to_be_visible()
    expect(page.get_by_text("Mia and Leo")).to_be_visible()
    expect(page.get_by_text("You are offline.")).to_be_visible()
    page.goto(base + "/help/")
    expect(page.get_by_role("link", name="Call 988")).to_be_visible()
    with pytest.raises(Error):  # a page that is not kept really is out of reach
        page.goto(base + "/plan/")

    page.context.set_offline(False)
    page.goto(base + "/safety/plan/")
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url("**/accounts/login/")
    for _attempt in range(50):
        if not offline_copies(page):
            break
        page.wait_for_timeout(100)
    assert offline_copies(page) == []
    page.context.set_offline(True)
    with pytest.raises(Error):
        page.goto(base + "/safety/plan/")
