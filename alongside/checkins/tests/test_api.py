"""/api/v1/checkins: my check-ins, trends, recovery counter and setbacks."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from django_scopes import scope

from alongside.checkins.milestones import recovery_period_start
from alongside.checkins.models import CheckIn, RecoveryPeriod
from alongside.checkins.services import checkin_save
from alongside.core.timezones import today_of
from alongside.participants.services import profile_for


def post(client, path: str, body: dict) -> object:
    return client.post(path, data=json.dumps(body), content_type="application/json")


def put(client, path: str, body: dict) -> object:
    return client.put(path, data=json.dumps(body), content_type="application/json")


def checkins_of(persona) -> list[CheckIn]:
    with scope(organization=persona.organization):
        return list(CheckIn.objects.filter(participant=persona.membership))


def test_todays_checkin_is_created_then_updated(alex) -> None:
    client = alex.client()
    created = post(client, "/api/v1/checkins/", {"mood": 3, "sleep_quality": 4, "note": "ok day"})
    assert created.status_code == 201
    body = created.json()
    assert body["day"] == today_of(alex.membership).isoformat()
    assert (body["mood"], body["sleep_quality"], body["is_late"], body["help_url"]) == (3, 4, False, None)
    updated = post(client, "/api/v1/checkins/", {"mood": 5})
    assert updated.status_code == 200
    assert updated.json()["sleep_quality"] == 4  # kept
    assert len(checkins_of(alex)) == 1


def test_a_late_checkin_is_marked_late(alex) -> None:
    yesterday = today_of(alex.membership) - timedelta(days=1)
    response = post(alex.client(), "/api/v1/checkins/", {"mood": 2, "day": yesterday.isoformat()})
    assert response.status_code == 201
    assert response.json()["is_late"] is True


@pytest.mark.parametrize(
    "body, status, detail",
    [
        ({"mood": 9}, 422, "mood"),
        ({"mood": 3, "cravings": 11}, 422, "cravings"),
        ({"mood": 3, "day": "2999-01-01"}, 400, "hasn't happened yet"),
        ({"mood": 3, "day": "2000-01-01"}, 400, "up to 3 days back"),
        ({"mood": 3, "note": "x" * 1_000_000}, 400, "up to 5,000 characters; this one has 1,000,000"),
        ({"mood": 3, "cravings": 4}, 400, "only when substance use"),
    ],
)
def test_bad_input_is_a_problem_detail_and_changes_nothing(alex, body, status, detail) -> None:
    response = post(alex.client(), "/api/v1/checkins/", body)
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    text = problem["detail"] + json.dumps(problem.get("errors", []))
    assert detail in text
    assert checkins_of(alex) == []


def test_crisis_language_in_a_note_points_to_help(alex) -> None:
    response = post(
        alex.client(),
        "/api/v1/checkins/",
        {"mood": 1, "note": "i have the pills in my hand and im going to take them all tonight"},
    )
    assert response.status_code == 201
    assert response.json()["help_url"] == "/help/"


def test_the_list_covers_a_date_range(alex) -> None:
    today = today_of(alex.membership)
    with scope(organization=alex.organization):
        for back in range(40):
            CheckIn.objects.create(
                organization=alex.organization,
                participant=alex.membership,
                day=today - timedelta(days=back),
                mood=3,
            )
    client = alex.client()
    assert len(client.get("/api/v1/checkins/").json()) == 30
    start, end = today - timedelta(days=9), today - timedelta(days=5)
    days = [c["day"] for c in client.get(f"/api/v1/checkins/?start={start}&end={end}").json()]
    assert days == [(end - timedelta(days=i)).isoformat() for i in range(5)]
    assert client.get(f"/api/v1/checkins/?start={end}&end={start}").status_code == 400
    assert client.get(f"/api/v1/checkins/?start={today - timedelta(days=400)}&end={today}").status_code == 400


def test_another_persons_checkin_is_not_found_and_unchanged(alex, jordan) -> None:
    with scope(organization=alex.organization):
        theirs = checkin_save(participant=jordan.membership, mood=2, note="jordan's own").checkin
    client = alex.client()
    assert client.get(f"/api/v1/checkins/{theirs.pk}").status_code == 404
    response = put(client, f"/api/v1/checkins/{theirs.pk}", {"mood": 5})
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    theirs.refresh_from_db()
    assert (theirs.mood, theirs.note) == (2, "jordan's own")


def test_my_checkin_by_id_can_be_read_and_changed_that_day(alex) -> None:
    client = alex.client()
    checkin_id = post(client, "/api/v1/checkins/", {"mood": 2}).json()["id"]
    assert client.get(f"/api/v1/checkins/{checkin_id}").json()["mood"] == 2
    assert put(client, f"/api/v1/checkins/{checkin_id}", {"mood": 4}).json()["mood"] == 4


def test_an_old_checkin_cannot_be_changed(alex) -> None:
    old_day = today_of(alex.membership) - timedelta(days=10)
    with scope(organization=alex.organization):
        old = CheckIn.objects.create(
            organization=alex.organization, participant=alex.membership, day=old_day, mood=2
        )
    response = put(alex.client(), f"/api/v1/checkins/{old.pk}", {"mood": 5})
    assert response.status_code == 400
    old.refresh_from_db()
    assert old.mood == 2


def test_trends_give_one_value_per_day(alex) -> None:
    with scope(organization=alex.organization):
        profile = profile_for(alex.membership)
        profile.focus = "substance_use"
        profile.save()
    client = alex.client()
    post(client, "/api/v1/checkins/", {"mood": 4, "sleep_quality": 2, "cravings": 6})
    body = client.get("/api/v1/checkins/trends?days=7").json()
    assert body["days"] == 7 and body["checkins"] == 1
    assert len(body["mood"]["values"]) == 7
    assert body["mood"]["values"][-1] == {"day": today_of(alex.membership).isoformat(), "value": 4}
    assert body["mood"]["values"][0]["value"] is None
    assert body["cravings"]["average"] == 6.0
    assert client.get("/api/v1/checkins/trends?days=12").status_code == 400


def test_recovery_shows_the_counter_milestones_and_periods(alex) -> None:
    today = today_of(alex.membership)
    with scope(organization=alex.organization):
        recovery_period_start(
            participant=alex.membership, started_on=today - timedelta(days=7), actor=alex.user
        )
    body = alex.client().get("/api/v1/checkins/recovery").json()
    assert body["counter"]["days"] == 7
    assert body["counter"]["milestone_today"]["key"] == "day-7"
    assert body["counter"]["celebration"]
    assert [m["key"] for m in body["counter"]["milestones_reached"]] == ["day-1", "day-7"]
    assert body["counter"]["next_milestone"]["key"] == "day-30"
    assert body["shared_with_peer"] is False
    assert len(body["periods"]) == 1


def test_a_setback_over_the_api_restarts_and_keeps_history(alex) -> None:
    today = today_of(alex.membership)
    with scope(organization=alex.organization):
        recovery_period_start(
            participant=alex.membership, started_on=today - timedelta(days=20), actor=alex.user
        )
    client = alex.client()
    response = post(client, "/api/v1/checkins/recovery/setback", {"note": "learned something"})
    assert response.status_code == 201
    body = response.json()
    assert body["previous"]["days"] == 20 and body["previous"]["end_reason"] == "setback"
    assert body["current"]["started_on"] == today.isoformat()
    recovery = client.get("/api/v1/checkins/recovery").json()
    assert recovery["total_days"] == 20
    assert [p["end_reason"] for p in recovery["periods"]] == ["", "setback"]


@pytest.mark.parametrize(
    "body, detail",
    [
        ({"restart_on": "2999-01-01"}, "can't be in the future"),
        ({"note": "x" * 1_000_000}, "up to 5,000 characters"),
        ({"restart_on": "2001-01-01"}, "can't be before your current recovery date"),
    ],
)
def test_a_bad_setback_is_refused_and_changes_nothing(alex, body, detail) -> None:
    with scope(organization=alex.organization):
        recovery_period_start(participant=alex.membership, started_on=date(2026, 1, 1), actor=alex.user)
    response = post(alex.client(), "/api/v1/checkins/recovery/setback", body)
    assert response.status_code == 400
    assert detail in response.json()["detail"]
    with scope(organization=alex.organization):
        assert RecoveryPeriod.objects.get().is_open


def test_staff_cannot_use_the_participant_api(pat) -> None:
    response = pat.client().get("/api/v1/checkins/")
    assert response.status_code == 403


def test_the_operations_are_in_the_openapi_document(client, db) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/checkins/",
        "/api/v1/checkins/trends",
        "/api/v1/checkins/{checkin_id}",
        "/api/v1/checkins/recovery",
        "/api/v1/checkins/recovery/setback",
    ):
        assert path in paths
