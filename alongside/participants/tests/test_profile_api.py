"""GET/PUT /api/v1/participants/me/profile: a participant's own intake answers."""

from __future__ import annotations

import json
from datetime import timedelta

from django_scopes import scope

from alongside.checkins.models import RecoveryPeriod
from alongside.core.timezones import today_of
from alongside.participants.models import ExperienceArea, ParticipantProfile

URL = "/api/v1/participants/me/profile"


def put(client, body: dict):
    return client.put(URL, data=json.dumps(body), content_type="application/json")


def area_id(person, slug: str) -> int:
    with scope(organization=person.organization):
        return ExperienceArea.objects.get(slug=slug).pk


def test_a_participant_reads_their_own_answers_and_the_choices(alex) -> None:
    body = alex.client().get(URL).json()
    assert body["consented"] is False
    assert body["intake_completed_at"] is None
    assert {"id": area_id(alex, "opioids"), "label": "Opioids", "offered": True} in body[
        "experience_area_choices"
    ]


def test_nothing_is_saved_without_agreement(alex) -> None:
    response = put(alex.client(), {"focus": "both"})
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["errors"][0]["location"] == "body.consent"
    with scope(organization=alex.organization):
        assert not ParticipantProfile.objects.filter(participant=alex.membership, focus="both").exists()


def test_a_participant_replaces_their_answers_and_finishes_intake(alex) -> None:
    started = today_of(alex.membership) - timedelta(days=420)
    opioids, parenting = area_id(alex, "opioids"), area_id(alex, "parenting")
    response = put(
        alex.client(),
        {
            "consent": True,
            "focus": "substance_use",
            "languages": ["en"],
            "experience_ids": [opioids, parenting],
            "priority_experience_ids": [opioids],
            "meeting_formats": ["chat"],
            "availability": ["tue-evening"],
            "timezone": "America/Chicago",
            "recovery_start": started.isoformat(),
            "hopes": "Be there for my kids.",
            "complete_intake": True,
        },
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["consented"] is True
    assert body["experience_ids"] == sorted([opioids, parenting])
    assert body["timezone"] == "America/Chicago"
    assert body["intake_completed_at"] is not None
    assert body["help_suggested"] is False
    with scope(organization=alex.organization):
        assert RecoveryPeriod.objects.get(participant=alex.membership).started_on == started


def test_invalid_answers_are_a_422_naming_each_field_and_change_nothing(alex, elsewhere) -> None:
    client = alex.client()
    put(client, {"consent": True, "focus": "both"})
    with scope(organization=elsewhere):
        theirs = ExperienceArea.objects.get(slug="opioids").pk
    tomorrow = today_of(alex.membership) + timedelta(days=1)
    response = put(
        client,
        {"focus": "mental_health", "experience_ids": [theirs], "recovery_start": tomorrow.isoformat()},
    )
    assert response.status_code == 422
    locations = {error["location"] for error in response.json()["errors"]}
    assert locations == {"body.experience_ids", "body.recovery_start"}
    assert client.get(URL).json()["focus"] == "both"


def test_a_malformed_body_is_a_422_problem(alex) -> None:
    response = put(alex.client(), {"languages": "en", "recovery_start": "soon"})
    assert response.status_code == 422
    assert response.json()["type"].endswith("/invalid-input")


def test_withdrawing_consent_is_not_an_edit(alex) -> None:
    client = alex.client()
    put(client, {"consent": True})
    response = put(client, {"consent": False})
    assert response.status_code == 422
    assert client.get(URL).json()["consented"] is True


def test_crisis_language_suggests_help_and_is_saved(alex) -> None:
    response = put(alex.client(), {"consent": True, "hopes": "i want to kill myself tonight, i have a plan"})
    assert response.status_code == 200
    assert response.json()["help_suggested"] is True
    assert response.json()["hopes"].startswith("i want to kill myself")


def test_staff_have_no_profile_of_their_own_here(pat) -> None:
    assert pat.client().get(URL).status_code == 403
    assert put(pat.client(), {"consent": True}).status_code == 403
