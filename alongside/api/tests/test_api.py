from __future__ import annotations

import json
from datetime import timedelta

from django.utils import timezone

from alongside.api.models import PersonalAccessToken
from alongside.api.services import token_digest
from conftest import PASSWORD


def get_token(client, username: str = "alex", password: str = PASSWORD):
    return client.post(
        "/api/v1/auth/token",
        data=json.dumps({"username": username, "password": password}),
        content_type="application/json",
    )


def test_a_token_works_on_me(client, alex) -> None:
    response = get_token(client)
    assert response.status_code == 200
    token = response.json()["token"]
    me = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert me.status_code == 200
    body = me.json()
    assert body["username"] == "alex"
    assert body["memberships"] == [
        {
            "organization": {"id": alex.organization.pk, "name": "Harbor Peer Collective", "slug": "harbor"},
            "role": "participant",
            "active": True,
        }
    ]


def test_only_a_hash_of_the_token_is_stored(client, alex) -> None:
    token = get_token(client).json()["token"]
    row = PersonalAccessToken.objects.get()
    assert row.token_hash == token_digest(token)
    assert token not in (row.token_hash, row.prefix)


def test_a_wrong_password_is_a_401_problem_detail(client, alex) -> None:
    response = get_token(client, password="not-it")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 401
    assert problem["title"] == "Unauthorized"
    assert problem["detail"]
    assert problem["instance"] == "/api/v1/auth/token"


def test_wrong_passwords_are_rate_limited(client, alex) -> None:
    statuses = [get_token(client, password="not-it").status_code for _ in range(6)]
    assert statuses[:5] == [401] * 5
    assert statuses[5] == 429
    limited = get_token(client)  # even the right password, from here, while the lock holds
    assert limited.status_code == 429
    assert limited["Content-Type"] == "application/problem+json"
    assert int(limited["Retry-After"]) > 0


def test_bad_input_is_a_422_problem_naming_the_field(client, alex) -> None:
    response = client.post(
        "/api/v1/auth/token", data=json.dumps({"username": "alex"}), content_type="application/json"
    )
    assert response.status_code == 422
    problem = response.json()
    assert problem["type"].endswith("/invalid-input")
    assert any("password" in error["location"] for error in problem["errors"])


def test_an_expired_token_is_refused(client, alex) -> None:
    token = get_token(client).json()["token"]
    PersonalAccessToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401


def test_a_revoked_token_is_refused(client, alex) -> None:
    token = get_token(client).json()["token"]
    assert client.delete("/api/v1/auth/token", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 204
    response = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_made_up_token_is_refused(client, alex) -> None:
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION="Bearer alo_madeup").status_code == 401


def test_the_browser_session_works_too(alex) -> None:
    assert alex.client().get("/api/v1/me").json()["username"] == "alex"


def test_the_openapi_document_is_served(client, db) -> None:
    document = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/auth/token" in document["paths"]
    assert "/api/v1/me" in document["paths"]


def test_an_unknown_path_is_a_problem_detail(client, alex) -> None:
    response = alex.client().get("/api/v1/nothing-here")
    assert response.status_code == 404
