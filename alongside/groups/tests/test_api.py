"""The groups API: the finder, one group, coming meetings, answering and who may do what."""

from __future__ import annotations

from datetime import datetime, time

import pytest
from django_scopes import scope, scopes_disabled

from alongside.api.services import token_issue
from alongside.core.models import Notification
from alongside.core.roles import Role
from alongside.groups.models import MeetingRsvp
from alongside.groups.tests.factories import a_group, a_series, join, next_meeting, next_weekday
from conftest import make_person

pytestmark = pytest.mark.django_db
API = "/api/v1/groups"


@pytest.fixture
def thursday(harbor, pat, alex):
    with scope(organization=harbor):
        group = a_group(harbor, facilitators=[pat.membership], capacity=1, joining_details="Door code 4321")
        series = a_series(group, first_day=next_weekday(3), start_time=time(19))
        join(group, alex.membership)
        return group, series, next_meeting(series)


def test_the_finder_lists_groups_with_their_next_meeting_in_the_callers_zone(alex, thursday) -> None:
    alex.user.timezone = "Europe/London"
    alex.user.save()
    response = alex.client().get(API, {"day": "fri"})
    assert response.status_code == 200
    (group,) = response.json()
    assert (group["name"], group["relation"], group["format"]) == ("Thursday circle", "member", "in_person")
    start = datetime.fromisoformat(group["next_meeting"]["start"])
    assert start.utcoffset() is not None and start.weekday() == 4  # Friday in London
    assert group["next_meeting"]["original_start"].endswith("Z")
    assert alex.client().get(API, {"day": "thu"}).json() == []


def test_a_bad_filter_is_a_problem_detail(alex, thursday) -> None:
    response = alex.client().get(API, {"day": "someday"})
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"


def test_how_to_join_a_meeting_is_for_members_only(harbor, alex, thursday) -> None:
    group, _series, _meeting = thursday
    detail = alex.client().get(f"{API}/{group.pk}").json()
    assert detail["joining_details"] == "Door code 4321"
    assert detail["guidelines_accepted_version"] == 1 and len(detail["meetings"]) == 6
    stranger = make_person("kim", harbor, Role.PARTICIPANT)
    assert stranger.client().get(f"{API}/{group.pk}").json()["joining_details"] is None


def test_an_invite_only_group_is_not_found_for_others(harbor, pat, alex) -> None:
    with scope(organization=harbor):
        group = a_group(harbor, facilitators=[pat.membership], name="Closed circle", access="invite")
    assert alex.client().get(f"{API}/{group.pk}").status_code == 404
    assert pat.client().get(f"{API}/{group.pk}").status_code == 200


def test_answering_fills_the_place_then_the_waiting_list_and_cancelling_promotes(
    harbor, alex, thursday
) -> None:
    group, series, meeting = thursday
    ana = make_person("ana", harbor, Role.PARTICIPANT)
    with scope(organization=harbor):
        join(group, ana.membership)
    path = f"{API}/meetings/{series.pk}/{meeting.key}/rsvp"
    first = alex.client().post(path)
    assert first.status_code == 200
    assert (first.json()["my_answer"], first.json()["places_left"]) == ("going", 0)
    assert ana.client().post(path).json()["my_answer"] == "waitlisted"
    assert alex.client().delete(path).json()["my_answer"] == "cancelled"
    with scopes_disabled():
        assert MeetingRsvp.objects.get(member=ana.membership).status == "going"
        assert Notification.objects.filter(user=ana.user, kind="groups.place_opened").exists()


def test_answering_works_with_a_bearer_token(alex, thursday) -> None:
    _group, series, meeting = thursday
    _token, raw = token_issue(user=alex.user)
    from django.test import Client

    response = Client().post(
        f"{API}/meetings/{series.pk}/{meeting.key}/rsvp", HTTP_AUTHORIZATION=f"Bearer {raw}"
    )
    assert response.status_code == 200 and response.json()["my_answer"] == "going"


def test_a_non_member_is_told_to_join_first(harbor, thursday) -> None:
    _group, series, meeting = thursday
    stranger = make_person("kim", harbor, Role.PARTICIPANT)
    response = stranger.client().post(f"{API}/meetings/{series.pk}/{meeting.key}/rsvp")
    assert response.status_code == 400
    assert "Join the group first" in response.json()["detail"]


def test_supervisors_do_not_answer_meetings(sam, thursday) -> None:
    _group, series, meeting = thursday
    assert sam.client().post(f"{API}/meetings/{series.pk}/{meeting.key}/rsvp").status_code == 403


def test_an_unknown_meeting_is_not_found(alex, thursday) -> None:
    _group, series, _meeting = thursday
    assert alex.client().post(f"{API}/meetings/{series.pk}/not-a-time/rsvp").status_code == 404
    assert alex.client().post(f"{API}/meetings/{series.pk}/20200101T000000Z/rsvp").status_code == 404


def test_coming_meetings_are_the_callers_own(alex, pat, sam, thursday) -> None:
    _group, _series, meeting = thursday
    mine = alex.client().get(f"{API}/meetings/upcoming", {"days": 15}).json()
    assert [m["key"] for m in mine][:1] == [meeting.key]
    assert len(mine) in (2, 3)
    assert pat.client().get(f"{API}/meetings/upcoming").json()[0]["key"] == meeting.key  # facilitator
    assert sam.client().get(f"{API}/meetings/upcoming").json() == []
