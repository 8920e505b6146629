"""The recovery plan pages, for the participant, their peer supporter, and oversight."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from alongside.core.models import AuditEvent
from alongside.core.timezones import today_of
from alongside.plans.models import (
    Decision,
    Goal,
    JobApplication,
    Progress,
    ReadinessItem,
    Step,
    WellnessEntry,
)
from alongside.plans.selectors import plan_home_card
from alongside.plans.services import (
    goal_create,
    goal_suggest,
    job_application_create,
    peer_note_add,
    plan_review_set,
    plan_sharing_update,
    step_create,
    step_set_progress,
    step_suggest,
    wellness_entry_add,
)


def make_goal(person, title="Get back to work", area="employment"):
    with scope(organization=person.organization):
        return goal_create(participant=person.membership, life_area=area, title=title)


def add_steps(person, goal, *titles):
    with scope(organization=person.organization):
        return [step_create(participant=person.membership, goal=goal, title=title) for title in titles]


# The participant's plan ----------------------------------------------------------------------


def test_a_new_participant_is_welcomed_to_an_empty_plan(alex) -> None:
    page = alex.client().get("/plan/").content.decode()
    assert "My recovery plan" in page
    assert "No goals yet" in page


def test_a_participant_adds_a_goal_and_sees_it_in_their_plan(alex) -> None:
    client = alex.client()
    response = client.post(
        "/plan/goals/new/", {"title": "Sleep better", "life_area": "health", "who_helps": "My sister"}
    )
    with scope(organization=alex.organization):
        goal = Goal.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/plan/#goal-{goal.pk}"
    page = client.get("/plan/").content.decode()
    assert "Sleep better" in page and "Your goal is in your plan." in page
    assert "Health and wellbeing" in page


def test_progress_shows_how_many_steps_are_done(alex) -> None:
    goal = make_goal(alex)
    first, _second = add_steps(alex, goal, "Update my resume", "Apply to three jobs")
    client = alex.client()
    response = client.post(f"/plan/steps/{first.pk}/progress/", {"status": "done"})
    assert response.status_code == 302
    page = client.get("/plan/").content.decode()
    assert "1 of 2 steps done" in page
    assert 'value="1"' in page and 'max="2"' in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "", "life_area": "health"}, "Give your goal a name."),
        ({"title": "t" * 201, "life_area": "health"}, "200 characters or fewer"),
        ({"title": "Sleep", "life_area": "sleeping"}, "Select a valid choice"),
        ({"title": "Sleep", "life_area": "health", "why": "x" * 1_048_576}, "5,000 characters"),
    ],
)
def test_bad_input_gets_a_clear_error_and_changes_nothing(alex, data, message) -> None:
    response = alex.client().post("/plan/goals/new/", data)
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body
    assert "This isn't saved yet" in body
    with scope(organization=alex.organization):
        assert not Goal.objects.exists()


def test_a_target_date_in_the_past_is_refused_on_the_form(alex) -> None:
    yesterday = (today_of(alex.membership) - timedelta(days=1)).isoformat()
    response = alex.client().post(
        "/plan/goals/new/", {"title": "Sleep", "life_area": "health", "target_date": yesterday}
    )
    assert response.status_code == 400
    assert "This date is in the past" in response.content.decode()


def test_a_bad_step_shows_its_own_form_with_the_error(alex) -> None:
    goal = make_goal(alex)
    response = alex.client().post(f"/plan/goals/{goal.pk}/steps/", {"title": "   "})
    assert response.status_code == 400
    assert "Describe the step in a few words." in response.content.decode()
    with scope(organization=alex.organization):
        assert not Step.objects.exists()


def test_crisis_language_is_saved_and_leads_to_help(alex) -> None:
    response = alex.client().post(
        "/plan/goals/new/",
        {"title": "Get through tonight", "life_area": "health", "why": "i want to kill myself tonight"},
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/crisis/help/")  # the help screen for the incident it raised
    with scope(organization=alex.organization):
        assert Goal.objects.get().screening_level == "urgent"


def test_someone_elses_goal_is_not_found_and_nothing_changes(alex, jordan) -> None:
    jordans = make_goal(jordan, "Jordan's goal")
    (jordans_step,) = add_steps(jordan, jordans, "Jordan's step")
    client = alex.client()
    for method, url, data in [
        ("get", f"/plan/goals/{jordans.pk}/edit/", {}),
        ("post", f"/plan/goals/{jordans.pk}/edit/", {"title": "Mine", "life_area": "home", "status": "done"}),
        ("post", f"/plan/goals/{jordans.pk}/progress/", {"status": "done"}),
        ("post", f"/plan/goals/{jordans.pk}/decide/", {"decision": "decline"}),
        ("post", f"/plan/goals/{jordans.pk}/steps/", {"title": "Sneaky"}),
        ("post", f"/plan/steps/{jordans_step.pk}/progress/", {"status": "done"}),
        ("get", f"/plan/steps/{jordans_step.pk}/edit/", {}),
        ("post", f"/plan/steps/{jordans_step.pk}/decide/", {"decision": "accept"}),
    ]:
        response = getattr(client, method)(url, data)
        assert response.status_code == 404, url
    with scope(organization=jordan.organization):
        jordans.refresh_from_db()
        jordans_step.refresh_from_db()
        assert (jordans.title, jordans.status, jordans_step.status) == (
            "Jordan's goal",
            "not_started",
            "not_started",
        )
        assert Step.objects.count() == 1


def test_the_participant_accepts_a_suggestion_from_their_peer(alex, pat) -> None:
    with scope(organization=alex.organization):
        goal = goal_suggest(
            peer=pat.membership, participant=alex.membership, life_area="community", title="Walk group"
        )
    client = alex.client()
    page = client.get("/plan/").content.decode()
    assert "Suggestions from your peer supporter" in page and "Walk group" in page
    response = client.post(f"/plan/goals/{goal.pk}/decide/", {"decision": "accept"})
    assert response.status_code == 302
    with scope(organization=alex.organization):
        goal.refresh_from_db()
    assert goal.decision == Decision.ACCEPTED


def test_the_participant_sets_the_review_date(alex) -> None:
    next_week = today_of(alex.membership) + timedelta(days=7)
    client = alex.client()
    assert client.post("/plan/review/", {"next_review_on": next_week.isoformat()}).status_code == 302
    assert "Your next plan review is on" in client.get("/plan/").content.decode()
    response = client.post("/plan/review/", {"next_review_on": "2001-01-01"})
    assert response.status_code == 400


def test_the_participant_reads_notes_from_their_peer(alex, pat) -> None:
    with scope(organization=alex.organization):
        peer_note_add(peer=pat.membership, participant=alex.membership, body="You showed up. That counts.")
    page = alex.client().get("/plan/").content.decode()
    assert "You showed up. That counts." in page


def test_the_plan_page_takes_the_same_queries_however_big_the_plan(alex, pat) -> None:
    client = alex.client()
    goal = make_goal(alex)
    add_steps(alex, goal, "One")
    client.get("/plan/")
    with CaptureQueriesContext(connection) as small:
        assert client.get("/plan/").status_code == 200
    with scope(organization=alex.organization):
        for n in range(6):
            more = goal_create(participant=alex.membership, life_area="home", title=f"Goal {n}")
            for m in range(4):
                step_create(participant=alex.membership, goal=more, title=f"Step {m}")
            goal_suggest(
                peer=pat.membership, participant=alex.membership, life_area="purpose", title=f"Idea {n}"
            )
            step_suggest(peer=pat.membership, goal=more, title="Suggested step")
            peer_note_add(peer=pat.membership, participant=alex.membership, body=f"Note {n}")
    with CaptureQueriesContext(connection) as large:
        response = client.get("/plan/")
    assert response.status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)


# Wellness and work ---------------------------------------------------------------------------


def test_the_wellness_toolbox_is_written_and_shared_from_its_page(alex) -> None:
    client = alex.client()
    response = client.post(
        "/plan/wellness/add/", {"section": "triggers", "text": "Payday", "response": "Pay bills first"}
    )
    assert response.status_code == 302
    page = client.get("/plan/wellness/").content.decode()
    assert "Payday" in page and "Private: only you can see this" in page
    client.post("/plan/sharing/", {"sections": "toolbox,triggers,warning_signs", "triggers": "on"})
    page = client.get("/plan/wellness/").content.decode()
    assert "Shared with your peer supporter" in page
    with scope(organization=alex.organization):
        plan = alex.membership.recovery_plan
        assert (plan.share_triggers, plan.share_toolbox) == (True, False)


def test_a_wellness_entry_is_removed_only_after_asking(alex, jordan) -> None:
    with scope(organization=alex.organization):
        entry = wellness_entry_add(participant=alex.membership, section="toolbox", text="Music")
        jordans = wellness_entry_add(participant=jordan.membership, section="toolbox", text="Jordan's")
    client = alex.client()
    assert "Remove this?" in client.get(f"/plan/wellness/{entry.pk}/remove/").content.decode()
    assert client.post(f"/plan/wellness/{jordans.pk}/remove/").status_code == 404
    assert client.post(f"/plan/wellness/{entry.pk}/remove/").status_code == 302
    with scope(organization=alex.organization):
        assert list(WellnessEntry.objects.values_list("text", flat=True)) == ["Jordan's"]


def test_the_work_page_tracks_applications_and_the_checklist(alex) -> None:
    make_goal(alex, "Steady warehouse work")
    client = alex.client()
    response = client.post(
        "/plan/work/applications/",
        {"employer": "Harbor Foods", "role": "Delivery driver", "status": "interview"},
    )
    assert response.status_code == 302
    client.post("/plan/work/checklist/usual/")
    page = client.get("/plan/work/").content.decode()
    assert "Harbor Foods" in page and "Interview" in page
    assert "Steady warehouse work" in page
    assert "Resume" in page and "I need this" in page
    with scope(organization=alex.organization):
        assert JobApplication.objects.count() == 1 and ReadinessItem.objects.count() == 4


def test_a_bad_application_is_refused_on_its_own_page(alex) -> None:
    tomorrow = (today_of(alex.membership) + timedelta(days=1)).isoformat()
    response = alex.client().post(
        "/plan/work/applications/",
        {"employer": "", "role": "Driver", "status": "applied", "applied_on": tomorrow},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Add the employer" in body
    with scope(organization=alex.organization):
        assert not JobApplication.objects.exists()


# The peer supporter's side -------------------------------------------------------------------


@pytest.fixture
def alex_plan(alex, pat):
    with scope(organization=alex.organization):
        goal = goal_create(participant=alex.membership, life_area="employment", title="Steady work")
        step = step_create(participant=alex.membership, goal=goal, title="Update my resume")
        step_set_progress(participant=alex.membership, step=step, status=Progress.DONE)
        wellness_entry_add(participant=alex.membership, section="toolbox", text="A walk by the water")
        wellness_entry_add(participant=alex.membership, section="triggers", text="Arguments with my brother")
        job_application_create(participant=alex.membership, employer="Riverside", role="Warehouse")
        plan_sharing_update(participant=alex.membership, sections={"toolbox": True})
    return goal


def test_the_peer_sees_the_plan_and_only_what_is_shared(alex, pat, alex_plan) -> None:
    page = pat.client().get(f"/plan/participants/{alex.membership.pk}/").content.decode()
    assert "Steady work" in page and "1 of 1 step done" in page
    assert "A walk by the water" in page
    assert "Arguments with my brother" not in page
    assert "Riverside" not in page
    with scopes_disabled():
        assert AuditEvent.objects.filter(action="plan.read", actor=pat.user, subject=alex.membership).exists()


def test_another_peer_cannot_open_the_plan(alex, riley, alex_plan) -> None:
    client = riley.client()
    assert client.get(f"/plan/participants/{alex.membership.pk}/").status_code == 404
    assert client.post(f"/plan/participants/{alex.membership.pk}/notes/", {"body": "Hi"}).status_code == 404
    assert (
        client.post(
            f"/plan/participants/{alex.membership.pk}/goals/{alex_plan.pk}/steps/suggest/", {"title": "x"}
        )
    ).status_code == 404


def test_a_supervisor_reads_the_plan_read_only_and_is_audited(alex, sam, alex_plan) -> None:
    page = sam.client().get(f"/plan/participants/{alex.membership.pk}/").content.decode()
    assert "Steady work" in page and "Read-only" in page
    assert "A walk by the water" not in page
    assert "<form" not in page.split("<main")[1].split("</main>")[0]
    with scopes_disabled():
        assert AuditEvent.objects.filter(action="plan.read", actor=sam.user, subject=alex.membership).exists()


def test_the_peer_suggests_a_goal_a_step_a_note_and_a_review(alex, pat, alex_plan) -> None:
    client = pat.client()
    base = f"/plan/participants/{alex.membership.pk}"
    assert (
        client.post(f"{base}/goals/suggest/", {"title": "Walk group", "life_area": "community"}).status_code
        == 302
    )
    assert (
        client.post(f"{base}/goals/{alex_plan.pk}/steps/suggest/", {"title": "Forklift course"}).status_code
        == 302
    )
    assert client.post(f"{base}/notes/", {"body": "Proud of you"}).status_code == 302
    next_week = (today_of(alex.membership) + timedelta(days=7)).isoformat()
    assert client.post(f"{base}/review/", {"next_review_on": next_week}).status_code == 302
    page = alex.client().get("/plan/").content.decode()
    assert "Walk group" in page and "Forklift course" in page and "Proud of you" in page
    assert "(set by Pat)" in page


def test_the_peer_cannot_suggest_a_step_for_another_participants_goal(alex, pat, jordan, alex_plan) -> None:
    jordans = make_goal(jordan, "Jordan's goal")
    url = f"/plan/participants/{alex.membership.pk}/goals/{jordans.pk}/steps/suggest/"
    assert pat.client().post(url, {"title": "x"}).status_code == 404


def test_a_peer_note_of_a_megabyte_is_refused(alex, pat) -> None:
    response = pat.client().post(f"/plan/participants/{alex.membership.pk}/notes/", {"body": "x" * 1_048_576})
    assert response.status_code == 400
    assert "5,000 characters" in response.content.decode()


def test_the_peer_page_takes_the_same_queries_however_big_the_plan(alex, pat, alex_plan) -> None:
    client = pat.client()
    url = f"/plan/participants/{alex.membership.pk}/"
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    with scope(organization=alex.organization):
        plan_sharing_update(participant=alex.membership, sections={"triggers": True, "work": True})
        for n in range(5):
            goal = goal_create(participant=alex.membership, life_area="health", title=f"Goal {n}")
            for m in range(3):
                step_create(participant=alex.membership, goal=goal, title=f"Step {m}")
            wellness_entry_add(participant=alex.membership, section="triggers", text=f"Trigger {n}")
            job_application_create(participant=alex.membership, employer=f"Employer {n}", role="Job")
    with CaptureQueriesContext(connection) as large:
        assert client.get(url).status_code == 200
    # Sharing two more sections adds their two reads (entries are already read; work adds two).
    assert len(large.captured_queries) <= len(small.captured_queries) + 2


# The home card -------------------------------------------------------------------------------


def test_the_home_card_shows_next_steps_suggestions_and_the_review(alex, pat) -> None:
    goal = make_goal(alex)
    soon, later = add_steps(alex, goal, "Call the job centre", "Ask for references")
    with scope(organization=alex.organization):
        Step.objects.filter(pk=later.pk).update(target_date=timezone.localdate() + timedelta(days=20))
        Step.objects.filter(pk=soon.pk).update(target_date=timezone.localdate() + timedelta(days=2))
        goal_suggest(peer=pat.membership, participant=alex.membership, life_area="home", title="Tidy up")
        plan_review_set(
            actor=pat.membership,
            participant=alex.membership,
            review_on=today_of(alex.membership) + timedelta(days=1),
        )
        card = plan_home_card(alex.membership)
    assert [step.title for step in card["next_steps"]] == ["Call the job centre", "Ask for references"]
    assert card["suggestions"] == 1
    html = render_to_string("plans/_home_card.html", {"plan_card": card})
    assert "Your plan review is tomorrow." in html
    assert "Call the job centre" in html
    assert "1 suggestion for your plan" in html


def test_the_home_card_invites_a_participant_without_a_plan(alex) -> None:
    with scope(organization=alex.organization):
        card = plan_home_card(alex.membership)
    html = render_to_string("plans/_home_card.html", {"plan_card": card})
    assert "Start my plan" in html
