"""The recovery plan API: JSON in and out, problem details for bad input, 404 for others'."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django_scopes import scope

from alongside.core.timezones import today_of
from alongside.plans.models import Goal, JobApplication, Step
from alongside.plans.services import goal_create, goal_suggest, job_application_create, step_create

API = "/api/v1/plans"


def send(client, method: str, path: str, body: dict | None = None):
    return getattr(client, method)(
        f"{API}{path}", data=json.dumps(body) if body is not None else None, content_type="application/json"
    )


@pytest.fixture
def api(alex):
    return alex.client()


def test_a_participant_creates_a_goal_and_gets_it_back(api, alex) -> None:
    target = (today_of(alex.membership) + timedelta(days=30)).isoformat()
    response = send(
        api, "post", "/goals", {"life_area": "employment", "title": "Steady work", "target_date": target}
    )
    assert response.status_code == 201
    goal = response.json()
    assert goal["title"] == "Steady work"
    assert (goal["status"], goal["decision"], goal["target_date"]) == ("not_started", "accepted", target)
    assert (goal["steps"], goal["progress"]) == ([], "0 of 0 steps done")
    listed = send(api, "get", "/goals").json()
    assert [g["id"] for g in listed] == [goal["id"]]


def test_the_plan_lists_goals_with_steps_progress_and_sharing(api, alex) -> None:
    with scope(organization=alex.organization):
        goal = goal_create(participant=alex.membership, life_area="health", title="Sleep better")
        step_create(participant=alex.membership, goal=goal, title="Phone off at ten")
    plan = send(api, "get", "/plan").json()
    assert plan["participant_id"] == alex.membership.pk
    assert plan["shared_with_peer"] == {
        "toolbox": False,
        "triggers": False,
        "warning_signs": False,
        "work": False,
    }
    assert plan["goals"][0]["steps"][0]["title"] == "Phone off at ten"
    assert plan["goals"][0]["progress"] == "0 of 1 step done"


@pytest.mark.parametrize(
    ("body", "location", "message"),
    [
        ({"life_area": "health", "title": ""}, "body.body.title", "Give your goal a name."),
        ({"life_area": "health", "title": "t" * 201}, "body.body.title", "200 characters or fewer"),
        (
            {"life_area": "health", "title": "Sleep", "why": "x" * 1_048_576},
            "body.body.why",
            "5,000 characters",
        ),
        (
            {"life_area": "health", "title": "Sleep", "target_date": "2001-01-01"},
            "body.body.target_date",
            "in the past",
        ),
    ],
)
def test_a_broken_rule_is_a_422_problem_naming_the_field_and_nothing_is_saved(
    api, alex, body, location, message
) -> None:
    response = send(api, "post", "/goals", body)
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"].endswith("/invalid-input")
    assert problem["errors"][0]["location"] == location
    assert message in problem["errors"][0]["message"]
    with scope(organization=alex.organization):
        assert not Goal.objects.exists()


def test_malformed_json_values_are_a_422_too(api) -> None:
    response = send(api, "post", "/goals", {"life_area": "moon", "title": "Sleep", "target_date": "someday"})
    assert response.status_code == 422
    locations = {error["location"] for error in response.json()["errors"]}
    assert locations == {"body.body.life_area", "body.body.target_date"}


def test_progress_is_updated_by_patching_the_status(api, alex) -> None:
    with scope(organization=alex.organization):
        goal = goal_create(participant=alex.membership, life_area="health", title="Sleep better")
    response = send(api, "patch", f"/goals/{goal.pk}", {"status": "in_progress"})
    assert response.status_code == 200
    assert response.json()["status"] == "in_progress"
    response = send(api, "patch", f"/goals/{goal.pk}", {"title": "Sleep well", "target_date": None})
    assert (response.json()["title"], response.json()["status"]) == ("Sleep well", "in_progress")


def test_another_persons_goal_is_404_and_nothing_changes(api, jordan) -> None:
    with scope(organization=jordan.organization):
        jordans = goal_create(participant=jordan.membership, life_area="health", title="Jordan's goal")
    for method, path, body in [
        ("patch", f"/goals/{jordans.pk}", {"status": "done"}),
        ("post", f"/goals/{jordans.pk}/steps", {"title": "Sneaky"}),
        ("patch", "/goals/999999", {"status": "done"}),
    ]:
        response = send(api, method, path, body)
        assert response.status_code == 404, path
        assert response["Content-Type"] == "application/problem+json"
    with scope(organization=jordan.organization):
        jordans.refresh_from_db()
        assert jordans.status == "not_started" and not Step.objects.exists()


def test_a_suggestion_is_accepted_or_declined_through_the_api(api, alex, pat) -> None:
    with scope(organization=alex.organization):
        goal = goal_suggest(
            peer=pat.membership, participant=alex.membership, life_area="home", title="Tidy up"
        )
    assert send(api, "patch", f"/goals/{goal.pk}", {"status": "done"}).status_code == 422
    response = send(api, "patch", f"/goals/{goal.pk}", {"decision": "accepted", "status": "in_progress"})
    assert response.status_code == 200
    assert (response.json()["decision"], response.json()["status"], response.json()["suggested_by"]) == (
        "accepted",
        "in_progress",
        "Pat",
    )


def test_a_failed_patch_changes_nothing_at_all(api, alex, pat) -> None:
    with scope(organization=alex.organization):
        goal = goal_suggest(
            peer=pat.membership, participant=alex.membership, life_area="home", title="Tidy up"
        )
    response = send(api, "patch", f"/goals/{goal.pk}", {"decision": "accepted", "title": ""})
    assert response.status_code == 422
    with scope(organization=alex.organization):
        goal.refresh_from_db()
    assert goal.decision == "suggested"  # the accept was rolled back with the bad edit


def test_steps_are_added_and_marked_done(api, alex) -> None:
    with scope(organization=alex.organization):
        goal = goal_create(participant=alex.membership, life_area="health", title="Sleep better")
    step = send(api, "post", f"/goals/{goal.pk}/steps", {"title": "Phone off at ten"}).json()
    send(api, "post", f"/goals/{goal.pk}/steps", {"title": "Same bedtime"})
    response = send(api, "patch", f"/steps/{step['id']}", {"status": "done"})
    assert response.json()["status"] == "done"
    goal_json = send(api, "get", "/goals").json()[0]
    assert (goal_json["steps_done"], goal_json["steps_total"], goal_json["progress"]) == (
        1,
        2,
        "1 of 2 steps done",
    )
    assert goal_json["status"] == "in_progress"
    assert send(api, "post", f"/goals/{goal.pk}/steps", {"title": ""}).status_code == 422


def test_crisis_language_is_flagged_back_to_the_client(api) -> None:
    response = send(
        api,
        "post",
        "/goals",
        {
            "life_area": "health",
            "title": "Tonight",
            "why": "i have the pills in my hand and im going to take them all tonight",
        },
    )
    assert response.status_code == 201
    assert response.json()["crisis_help_suggested"] is True


def test_job_applications_are_listed_created_and_updated(api, alex, jordan) -> None:
    with scope(organization=alex.organization):
        work = goal_create(participant=alex.membership, life_area="employment", title="Steady work")
        jordans = job_application_create(participant=jordan.membership, employer="Jordan's", role="Job")
    response = send(
        api, "post", "/job-applications", {"employer": "Harbor Foods", "role": "Driver", "goal_id": work.pk}
    )
    assert response.status_code == 201
    created = response.json()
    assert (created["status"], created["goal_id"]) == ("applied", work.pk)
    response = send(
        api,
        "patch",
        f"/job-applications/{created['id']}",
        {"status": "interview", "next_action": "Tuesday 10am"},
    )
    assert (response.json()["status"], response.json()["next_action"], response.json()["goal_id"]) == (
        "interview",
        "Tuesday 10am",
        work.pk,
    )
    assert [a["employer"] for a in send(api, "get", "/job-applications").json()] == ["Harbor Foods"]
    assert send(api, "patch", f"/job-applications/{jordans.pk}", {"status": "offer"}).status_code == 404
    with scope(organization=jordan.organization):
        assert JobApplication.objects.get(pk=jordans.pk).status == "applied"


def test_a_job_application_with_bad_input_is_refused(api, alex, jordan) -> None:
    with scope(organization=jordan.organization):
        jordans_goal = goal_create(participant=jordan.membership, life_area="employment", title="Jordan's")
    tomorrow = (today_of(alex.membership) + timedelta(days=1)).isoformat()
    for body, location in [
        ({"employer": "", "role": "Driver"}, "body.body.employer"),
        ({"employer": "Harbor Foods", "role": "Driver", "applied_on": tomorrow}, "body.body.applied_on"),
        ({"employer": "Harbor Foods", "role": "Driver", "goal_id": jordans_goal.pk}, "body.body.goal_id"),
    ]:
        response = send(api, "post", "/job-applications", body)
        assert response.status_code == 422
        assert response.json()["errors"][0]["location"] == location
    with scope(organization=alex.organization):
        assert not JobApplication.objects.filter(plan__participant=alex.membership).exists()


def test_only_participants_use_the_plan_api(pat) -> None:
    response = send(pat.client(), "get", "/plan")
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"


def test_the_operations_are_in_the_openapi_document(client, db) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {f"{API}/plan", f"{API}/goals", f"{API}/goals/{{goal_id}}", f"{API}/job-applications"} <= set(
        paths
    )
