"""The safety plan API: GET and PUT the participant's own plan; the organization's crisis lines."""

from __future__ import annotations

import json

import pytest
from django_scopes import scope

from alongside.safety.models import Entry, SafetyPlan, SafetyPlanVersion
from alongside.safety.services import safety_plan_update

PLAN = "/api/v1/safety/plan"
SECTIONS = (
    "warning_signs",
    "coping_strategies",
    "distractions",
    "people_to_ask",
    "professionals",
    "safe_environment",
    "reasons_for_living",
)


def body(**sections: list[dict[str, str]]) -> dict[str, object]:
    return {section: sections.get(section, []) for section in SECTIONS}


def put(client, data: dict[str, object]):
    return client.put(PLAN, data=json.dumps(data), content_type="application/json")


def test_a_participant_without_a_plan_gets_an_empty_one_with_the_crisis_lines(alex) -> None:
    response = alex.client().get(PLAN)
    assert response.status_code == 200
    data = response.json()
    assert data["version"] == 0 and data["warning_signs"] == [] and data["shared_with_peer"] is False
    assert data["crisis"]["emergency_number"] == "911"
    assert data["crisis"]["lines"][0]["name"] == "988 Suicide & Crisis Lifeline"


def test_put_writes_the_whole_plan_and_get_reads_it_back(alex) -> None:
    client = alex.client()
    response = put(
        client,
        body(
            warning_signs=[{"text": "Not sleeping"}],
            people_to_ask=[{"text": "Dana", "phone": "617 555 0131"}],
        ),
    )
    assert response.status_code == 200
    assert response.json()["version"] == 1
    data = client.get(PLAN).json()
    assert data["warning_signs"] == [{"text": "Not sleeping", "phone": ""}]
    assert data["people_to_ask"] == [{"text": "Dana", "phone": "617 555 0131"}]


def test_put_keeps_the_version_it_replaces(alex) -> None:
    client = alex.client()
    put(client, body(warning_signs=[{"text": "First"}]))
    put(client, body(warning_signs=[{"text": "Second"}]))
    with scope(organization=alex.organization):
        assert SafetyPlanVersion.objects.get().sections()["warning_signs"] == [Entry("First")]


def test_put_with_an_old_version_is_a_conflict_and_changes_nothing(alex) -> None:
    with scope(organization=alex.organization):
        safety_plan_update(participant=alex.membership, sections={"warning_signs": [Entry("On the phone")]})
    response = put(alex.client(), {**body(warning_signs=[{"text": "From the app"}]), "version": 0})
    assert response.status_code == 409
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["current_version"] == 1
    with scope(organization=alex.organization):
        assert SafetyPlan.objects.get().entries("warning_signs") == [Entry("On the phone")]


def test_put_with_the_current_version_is_accepted(alex) -> None:
    client = alex.client()
    put(client, body(warning_signs=[{"text": "First"}]))
    response = put(client, {**body(warning_signs=[{"text": "Second"}]), "version": 1})
    assert response.status_code == 200 and response.json()["version"] == 2


def test_a_section_missing_from_put_is_refused(alex) -> None:
    data = body(warning_signs=[{"text": "First"}])
    del data["reasons_for_living"]
    response = put(alex.client(), data)
    assert response.status_code == 422
    with scope(organization=alex.organization):
        assert not SafetyPlan.objects.exists()


def test_bad_input_is_a_problem_detail_naming_the_section(alex) -> None:
    response = put(alex.client(), body(coping_strategies=[{"text": "Walk", "phone": "555 0134"}]))
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert errors[0]["location"] == "body.body.coping_strategies"
    assert "phone numbers" in errors[0]["message"]


def test_crisis_language_in_a_put_suggests_crisis_help(alex) -> None:
    response = put(alex.client(), body(warning_signs=[{"text": "I am going to kill myself tonight"}]))
    assert response.status_code == 200 and response.json()["crisis_help_suggested"] is True


@pytest.mark.parametrize("persona", ["pat", "sam", "casey", "morgan"])
@pytest.mark.parametrize("method", ["get", "put"])
def test_only_participants_have_a_plan_in_the_api(request, alex, persona, method) -> None:
    client = request.getfixturevalue(persona).client()
    response = client.get(PLAN) if method == "get" else put(client, body())
    assert response.status_code == 403


def test_anonymous_callers_are_refused(client, db) -> None:
    assert client.get(PLAN).status_code == 401
    assert put(client, body()).status_code == 401


def test_a_participant_of_another_organization_reads_only_their_own_plan(alex, elsewhere) -> None:
    from conftest import make_person

    robin = make_person("robin", elsewhere, "participant")
    with scope(organization=alex.organization):
        safety_plan_update(participant=alex.membership, sections={"warning_signs": [Entry("Alex's words")]})
    response = robin.client().get(PLAN)
    assert response.status_code == 200
    assert response.json()["warning_signs"] == []
    assert response.json()["crisis"]["emergency_number"] == "999"


def test_every_member_reads_their_organizations_crisis_lines(pat, outsider) -> None:
    harbor = pat.client().get("/api/v1/safety/crisis-lines").json()
    elsewhere = outsider.client().get("/api/v1/safety/crisis-lines").json()
    assert harbor["country"] == "US" and len(harbor["lines"]) == 3
    assert elsewhere["emergency_number"] == "999" and [line["name"] for line in elsewhere["lines"]] == [
        "Samaritans"
    ]
