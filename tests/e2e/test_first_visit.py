"""A newcomer's first visit, in a real browser on a small phone screen."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conftest import assert_accessible

PASSWORD = "a-long-test-password"


@pytest.mark.django_db(transaction=True)
def test_a_participant_signs_up_logs_in_switches_to_spanish_and_logs_out(
    live_server: Any, page: Any, harbor: Any
) -> None:
    base = live_server.url
    page.goto(base + "/")
    assert "/accounts/login/" in page.url
    assert_accessible(page)

    page.get_by_role("link", name="sign up").click()
    assert_accessible(page)
    page.locator("#id_username").fill("river")
    page.locator("#id_email").fill("river@example.org")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_label("Name others will see").fill("River")
    page.get_by_label("Organization").select_option(label="Harbor Peer Collective")
    page.get_by_role("button", name="Sign Up").click()

    page.wait_for_url(base + "/")
    assert page.get_by_role("heading", name="Hi, River").is_visible()
    assert page.get_by_role("heading", name="How are you today?").is_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Log out").click()
    page.wait_for_url("**/accounts/login/")
    page.locator("#id_login").fill("river")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(base + "/")

    page.get_by_label("Language").select_option("es")
    page.get_by_role("button", name="Change language").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.get_by_role("heading", name="¿Cómo estás hoy?").is_visible()
    assert page.locator("summary", has_text="Obtener ayuda ahora").is_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Cerrar sesión").click()
    page.wait_for_url("**/accounts/login/")
    assert_accessible(page)
