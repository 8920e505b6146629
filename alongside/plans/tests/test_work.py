"""Employment support: work goals, the job search tracker, documents and skills."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from alongside.core.timezones import today_of
from alongside.plans.models import ApplicationStatus, JobApplication, ReadinessItem, ReadinessStatus
from alongside.plans.selectors import work_page
from alongside.plans.services import (
    goal_create,
    job_application_create,
    job_application_update,
    readiness_item_add,
    readiness_item_set_status,
    readiness_items_add_usual,
)


@pytest.fixture
def work_goal(alex, in_harbor):
    return goal_create(participant=alex.membership, life_area="employment", title="Steady warehouse work")


def apply(person, **overrides):
    fields = {"employer": "Riverside Distribution", "role": "Warehouse associate"}
    return job_application_create(participant=person.membership, **{**fields, **overrides})


def test_a_job_application_is_tracked_against_a_work_goal(alex, work_goal) -> None:
    today = today_of(alex.membership)
    application = apply(
        alex,
        goal=work_goal,
        applied_on=today,
        next_action="Bring ID to the interview",
        next_action_on=today + timedelta(days=3),
    )
    assert (application.status, application.goal) == (ApplicationStatus.APPLIED, work_goal)
    page = work_page(participant=alex.membership)
    assert [card.goal for card in page.work_goals] == [work_goal]
    assert page.applications == [application]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"employer": ""}, "employer"),
        ({"role": "r" * 201}, "role"),
        ({"status": "ghosted"}, "status"),
        ({"next_action": "n" * 5001}, "next_action"),
    ],
)
def test_bad_applications_are_refused_and_nothing_is_saved(alex, in_harbor, overrides, field) -> None:
    with pytest.raises(ValidationError) as caught:
        apply(alex, **overrides)
    assert field in caught.value.message_dict
    assert not JobApplication.objects.exists()


def test_dates_must_make_sense(alex, in_harbor) -> None:
    today = today_of(alex.membership)
    with pytest.raises(ValidationError) as caught:
        apply(alex, applied_on=today + timedelta(days=1), next_action_on=today - timedelta(days=1))
    assert caught.value.message_dict == {
        "applied_on": ["The date you applied can't be in the future."],
        "next_action_on": ["This date is in the past. Choose today or a later date."],
    }


def test_only_a_work_goal_of_ones_own_can_be_linked(alex, jordan, in_harbor) -> None:
    health = goal_create(participant=alex.membership, life_area="health", title="Sleep")
    jordans = goal_create(participant=jordan.membership, life_area="employment", title="Jordan's work goal")
    for goal in (health, jordans):
        with pytest.raises(ValidationError, match="work goals"):
            apply(alex, goal=goal)


def test_an_application_moves_through_its_stages(alex, jordan, in_harbor) -> None:
    application = apply(alex)
    values = {
        "employer": application.employer,
        "role": application.role,
        "applied_on": application.applied_on,
        "next_action": "Second interview Tuesday",
        "next_action_on": today_of(alex.membership) + timedelta(days=2),
        "goal": None,
    }
    job_application_update(participant=alex.membership, application=application, status="interview", **values)
    assert JobApplication.objects.get().status == ApplicationStatus.INTERVIEW
    with pytest.raises(PermissionDenied):
        job_application_update(
            participant=jordan.membership, application=application, status="offer", **values
        )
    assert JobApplication.objects.get().status == ApplicationStatus.INTERVIEW


def test_the_usual_documents_are_added_once_in_the_participants_language(alex, in_harbor) -> None:
    alex.user.language = "es"
    alex.user.save()
    assert readiness_items_add_usual(participant=alex.membership) == 4
    assert readiness_items_add_usual(participant=alex.membership) == 0
    names = sorted(ReadinessItem.objects.values_list("name", flat=True))
    assert "Identificación" in names and len(names) == 4
    assert all(item.status == ReadinessStatus.NEED for item in ReadinessItem.objects.all())


def test_a_document_goes_from_needed_to_have(alex, jordan, in_harbor) -> None:
    item = readiness_item_add(participant=alex.membership, kind="document", name="Forklift certificate")
    readiness_item_set_status(participant=alex.membership, item=item, status="have")
    assert ReadinessItem.objects.get().status == ReadinessStatus.HAVE
    with pytest.raises(ValidationError):
        readiness_item_set_status(participant=alex.membership, item=item, status="maybe")
    with pytest.raises(PermissionDenied):
        readiness_item_set_status(participant=jordan.membership, item=item, status="need")
    with pytest.raises(ValidationError):
        readiness_item_add(participant=alex.membership, kind="document", name="")
