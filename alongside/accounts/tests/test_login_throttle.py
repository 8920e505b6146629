"""Login throttling: per account and address, growing locks, nobody locked out by someone else."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from alongside.accounts.throttle import login_attempt
from conftest import PASSWORD

A = "198.51.100.7"  # the attacker
B = "203.0.113.20"  # the person, somewhere else


def web_login(client: Client, password: str, address: str, login: str = "alex") -> str:
    response = client.post("/accounts/login/", {"login": login, "password": password}, REMOTE_ADDR=address)
    return response.content.decode() if response.status_code == 200 else ""


def api_token(password: str, address: str, login: str = "alex"):
    return Client().post(
        "/api/v1/auth/token",
        data=json.dumps({"username": login, "password": password}),
        content_type="application/json",
        REMOTE_ADDR=address,
    )


def test_five_failures_lock_the_pair_with_a_clear_wait(client, alex) -> None:
    pages = [web_login(client, "wrong-password", A) for _ in range(5)]
    assert "Please wait" not in pages[0]
    assert "wait 1 minute" in pages[4]
    refused = web_login(client, PASSWORD, A)  # even the right password, while the lock holds
    assert "Too many failed sign-in attempts" in refused
    assert "wait 1 minute" in refused
    assert client.get("/").status_code == 302


def test_the_api_answers_429_with_retry_after(alex) -> None:
    for _ in range(5):
        assert api_token("wrong-password", A).status_code == 401
    refused = api_token(PASSWORD, A)
    assert refused.status_code == 429
    assert refused["Content-Type"] == "application/problem+json"
    assert 0 < int(refused["Retry-After"]) <= 60
    assert refused.json()["type"].endswith("/rate-limited")


def test_an_attacker_elsewhere_does_not_lock_the_person_out(alex) -> None:
    for _ in range(30):
        api_token("wrong-password", A)
    assert api_token("wrong-password", A).status_code == 429
    assert api_token(PASSWORD, B).status_code == 200
    client = Client()
    web_login(client, PASSWORD, B)
    assert client.get("/").status_code == 200


def test_the_on_call_responder_still_signs_in_while_guessed_from_many_addresses(sam) -> None:
    for n in range(40):
        api_token("wrong-password", f"192.0.2.{n + 1}", login="sam")
    assert api_token(PASSWORD, B, login="sam").status_code == 200


def test_under_attack_an_address_with_failures_waits_after_each_one(alex) -> None:
    for n in range(10):  # the account is guessed from ten places
        api_token("wrong-password", f"192.0.2.{n + 1}")
    assert api_token("wrong-password", B).status_code == 401
    # B now has a failure while the account is under attack: it must wait before the next try.
    assert api_token(PASSWORD, B).status_code == 429


def test_locks_grow_with_each_further_failure(alex) -> None:
    now = 1_000_000.0
    waits = []
    for _ in range(8):
        with login_attempt(login="alex", address=A, now=now) as attempt:
            assert attempt.retry_after == 0
            attempt.failed()
            waits.append(attempt.locked_for)
        now += attempt.locked_for + 1
    assert waits == [0, 0, 0, 0, 60, 120, 240, 480]


def test_locks_stop_growing_at_the_cap(alex, settings) -> None:
    settings.LOGIN_LOCK_MAX_SECONDS = 300
    now = 1_000_000.0
    for _ in range(9):
        with login_attempt(login="alex", address=A, now=now) as attempt:
            attempt.failed()
        now += attempt.locked_for + 1
    assert attempt.locked_for == 300


def test_a_lock_is_refused_until_it_ends(alex) -> None:
    now = 1_000_000.0
    for _ in range(5):
        with login_attempt(login="alex", address=A, now=now) as attempt:
            attempt.failed()
    with login_attempt(login="alex", address=A, now=now + 59) as attempt:
        assert attempt.retry_after == 1
    with login_attempt(login="alex", address=A, now=now + 60) as attempt:
        assert attempt.retry_after == 0


def test_a_success_clears_the_pair(client, alex) -> None:
    for _ in range(4):
        web_login(client, "wrong-password", A)
    web_login(client, PASSWORD, A)
    client.post("/accounts/logout/")
    pages = [web_login(client, "wrong-password", A) for _ in range(4)]
    assert all("Please wait" not in page for page in pages)


def test_username_and_email_count_as_one_account(alex) -> None:
    for login in ["alex", "ALEX", "alex@example.org", "Alex@Example.org", "alex"]:
        api_token("wrong-password", A, login=login)
    assert api_token(PASSWORD, A).status_code == 429


def test_one_person_forgetting_their_password_does_not_lock_the_shared_address(alex, jordan) -> None:
    shelter = "192.0.2.200"
    for _ in range(12):
        api_token("wrong-password", shelter, login="alex")
    assert api_token(PASSWORD, shelter, login="jordan").status_code == 200


def test_many_accounts_guessed_from_one_address_close_it(alex, settings) -> None:
    settings.LOGIN_ADDRESS_LIMIT = 20
    for n in range(20):
        api_token("wrong-password", A, login=f"someone-{n}")
    refused = api_token(PASSWORD, A)
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0


def test_two_attempts_for_one_pair_are_never_checked_side_by_side(alex) -> None:
    with login_attempt(login="alex", address=A) as first:
        assert first.retry_after == 0
        with login_attempt(login="alex", address=A) as second:
            assert second.retry_after == 1
        with login_attempt(login="alex", address=B) as elsewhere:
            assert elsewhere.retry_after == 0


@pytest.mark.parametrize("login", ["nobody-by-this-name", ""])
def test_unknown_logins_are_throttled_too(login, db) -> None:
    for _ in range(5):
        api_token("wrong-password", A, login=login)
    assert api_token("wrong-password", A, login=login).status_code == 429
