"""Goals and steps: the participant's own, the peer's suggestions, progress, and every rule."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django_scopes import scopes_disabled

from alongside.core.models import AuditEvent, Notification
from alongside.core.timezones import today_of
from alongside.plans.models import Decision, Goal, Progress, Step
from alongside.plans.selectors import plan_page
from alongside.plans.services import (
    goal_create,
    goal_decide,
    goal_set_progress,
    goal_suggest,
    goal_update,
    peer_note_add,
    plan_review_set,
    step_create,
    step_decide,
    step_set_progress,
    step_suggest,
)

CRISIS = "i have the pills in my hand and im going to take them all tonight"


def a_goal(person, **overrides):
    fields = {"life_area": "health", "title": "Sleep better"}
    return goal_create(participant=person.membership, **{**fields, **overrides})


def test_a_participant_adds_a_goal_of_their_own_and_it_is_in_their_plan(alex, in_harbor) -> None:
    goal = a_goal(alex, why="I feel better when I sleep", who_helps="My sister")
    assert (goal.decision, goal.status, goal.plan.participant) == (
        Decision.ACCEPTED,
        Progress.NOT_STARTED,
        alex.membership,
    )
    page = plan_page(viewer=alex.membership, participant=alex.membership)
    assert [card.goal.title for card in page.cards] == ["Sleep better"]


def test_goal_text_is_encrypted_at_rest(alex, in_harbor) -> None:
    goal = a_goal(alex, why="Because my kids need me")
    with connection.cursor() as cursor:
        cursor.execute("SELECT title, why FROM plans_goal WHERE id = %s", [goal.pk])
        title, why = cursor.fetchone()
    assert title.startswith("enc1:") and why.startswith("enc1:")
    assert "Sleep" not in title and "kids" not in why


@pytest.mark.parametrize("title", ["", "   "])
def test_an_empty_goal_title_is_refused_and_nothing_is_saved(alex, in_harbor, title) -> None:
    with pytest.raises(ValidationError) as caught:
        a_goal(alex, title=title)
    assert caught.value.message_dict == {"title": ["Give your goal a name."]}
    assert not Goal.objects.exists()


def test_a_goal_title_over_200_characters_is_refused(alex, in_harbor) -> None:
    with pytest.raises(ValidationError) as caught:
        a_goal(alex, title="x" * 201)
    assert caught.value.message_dict["title"] == ["Please keep this to 200 characters or fewer (it has 201)."]
    a_goal(alex, title="x" * 200)  # exactly the limit is fine


def test_a_target_date_in_the_past_is_refused_for_a_new_goal_but_today_is_fine(alex, in_harbor) -> None:
    today = today_of(alex.membership)
    with pytest.raises(ValidationError) as caught:
        a_goal(alex, target_date=today - timedelta(days=1))
    assert caught.value.message_dict["target_date"] == [
        "This date is in the past. Choose today or a later date."
    ]
    assert a_goal(alex, target_date=today).target_date == today


def test_an_earlier_target_date_may_stay_when_a_goal_is_edited_but_not_move_into_the_past(
    alex, in_harbor
) -> None:
    goal = a_goal(alex, target_date=today_of(alex.membership))
    Goal.objects.filter(pk=goal.pk).update(target_date=today_of(alex.membership) - timedelta(days=10))
    goal.refresh_from_db()
    edit = {
        "life_area": "health",
        "title": "Sleep better, most nights",
        "why": "",
        "who_helps": "",
        "status": "in_progress",
    }
    goal_update(participant=alex.membership, goal=goal, target_date=goal.target_date, **edit)
    with pytest.raises(ValidationError):
        goal_update(
            participant=alex.membership,
            goal=goal,
            target_date=today_of(alex.membership) - timedelta(days=3),
            **edit,
        )


def test_a_megabyte_of_text_is_refused_with_a_clear_message(alex, in_harbor) -> None:
    with pytest.raises(ValidationError) as caught:
        a_goal(alex, why="x" * 1_048_576)
    assert caught.value.message_dict["why"] == [
        "This can be up to 5,000 characters, and it has 1,048,576. Please shorten it."
    ]
    assert not Goal.objects.exists()


def test_every_problem_is_reported_at_once(alex, in_harbor) -> None:
    with pytest.raises(ValidationError) as caught:
        a_goal(alex, title="", life_area="moon", target_date=today_of(alex.membership) - timedelta(days=1))
    assert set(caught.value.message_dict) == {"title", "life_area", "target_date"}


def test_only_participants_have_a_plan(pat, in_harbor) -> None:
    with pytest.raises(ValidationError):
        a_goal(pat)


def test_crisis_language_in_a_goal_is_screened_saved_and_flagged(alex, in_harbor) -> None:
    goal = a_goal(alex, why=CRISIS)
    goal.refresh_from_db()
    assert goal.screening_level == "urgent"
    assert goal.why == CRISIS  # saved, not lost


def test_a_peer_suggests_a_goal_and_the_participant_accepts_it(alex, pat, in_harbor) -> None:
    goal = goal_suggest(
        peer=pat.membership, participant=alex.membership, life_area="community", title="Walk group"
    )
    assert (goal.decision, goal.suggested_by) == (Decision.SUGGESTED, pat.membership)
    assert Notification.objects.filter(user=alex.user, kind="plan.suggestion").exists()
    page = plan_page(viewer=alex.membership, participant=alex.membership)
    assert page.suggested_goals == [goal] and page.cards == []

    goal_decide(participant=alex.membership, goal=goal, accept=True)
    page = plan_page(viewer=alex.membership, participant=alex.membership)
    assert [card.goal for card in page.cards] == [goal]
    assert Notification.objects.filter(user=pat.user, kind="plan.decision").exists()


def test_a_declined_suggestion_is_kept_and_the_peer_sees_it_declined(alex, pat, in_harbor) -> None:
    goal = goal_suggest(
        peer=pat.membership, participant=alex.membership, life_area="education", title="Art class"
    )
    goal_decide(participant=alex.membership, goal=goal, accept=False)
    page = plan_page(viewer=pat.membership, participant=alex.membership)
    assert page.declined_goals == [goal]
    assert page.cards == []
    with pytest.raises(ValidationError):
        goal_decide(participant=alex.membership, goal=goal, accept=False)
    goal_decide(participant=alex.membership, goal=goal, accept=True)  # a change of heart is fine
    with pytest.raises(ValidationError, match="already in your plan"):
        goal_decide(participant=alex.membership, goal=goal, accept=True)


def test_only_the_participants_own_peer_may_suggest(alex, pat, riley, sam, in_harbor) -> None:
    for someone in (riley, sam):
        with pytest.raises(PermissionDenied):
            goal_suggest(
                peer=someone.membership, participant=alex.membership, life_area="home", title="Tidy up"
            )
    assert not Goal.objects.exists()


def test_a_suggested_goal_gets_no_progress_or_steps_until_accepted(alex, pat, in_harbor) -> None:
    goal = goal_suggest(peer=pat.membership, participant=alex.membership, life_area="home", title="Tidy up")
    with pytest.raises(ValidationError):
        goal_set_progress(participant=alex.membership, goal=goal, status=Progress.DONE)
    with pytest.raises(ValidationError):
        step_create(participant=alex.membership, goal=goal, title="Start with the kitchen")
    with pytest.raises(ValidationError):
        step_suggest(peer=pat.membership, goal=goal, title="Start with the kitchen")


def test_marking_steps_done_shows_how_many_of_the_goals_steps_are_done(alex, in_harbor) -> None:
    goal = a_goal(alex)
    first, second, third = (
        step_create(participant=alex.membership, goal=goal, title=title) for title in ("One", "Two", "Three")
    )
    step_set_progress(participant=alex.membership, step=first, status=Progress.DONE)
    step_set_progress(participant=alex.membership, step=second, status=Progress.DONE)
    card = plan_page(viewer=alex.membership, participant=alex.membership).cards[0]
    assert (card.steps_done, card.steps_counted) == (2, 3)
    step_set_progress(participant=alex.membership, step=third, status=Progress.SET_ASIDE)
    card = plan_page(viewer=alex.membership, participant=alex.membership).cards[0]
    assert (card.steps_done, card.steps_counted) == (2, 2)  # a step set aside does not count against


def test_starting_a_step_puts_a_goal_not_yet_started_in_progress(alex, in_harbor) -> None:
    goal = a_goal(alex)
    step = step_create(participant=alex.membership, goal=goal, title="Phone off at ten")
    step_set_progress(participant=alex.membership, step=step, status=Progress.IN_PROGRESS)
    goal.refresh_from_db()
    assert goal.status == Progress.IN_PROGRESS
    step.refresh_from_db()
    assert step.completed_at is None
    step_set_progress(participant=alex.membership, step=step, status=Progress.DONE)
    step.refresh_from_db()
    assert step.completed_at is not None


def test_an_unknown_progress_is_refused_and_nothing_changes(alex, in_harbor) -> None:
    goal = a_goal(alex)
    with pytest.raises(ValidationError):
        goal_set_progress(participant=alex.membership, goal=goal, status="finished-ish")
    goal.refresh_from_db()
    assert goal.status == Progress.NOT_STARTED


def test_a_step_needs_a_title_of_at_most_200_characters(alex, in_harbor) -> None:
    goal = a_goal(alex)
    for title in ("", "y" * 201):
        with pytest.raises(ValidationError):
            step_create(participant=alex.membership, goal=goal, title=title)
    assert not Step.objects.exists()


def test_a_step_the_peer_suggests_waits_for_the_participant(alex, pat, in_harbor) -> None:
    goal = a_goal(alex)
    step = step_suggest(peer=pat.membership, goal=goal, title="Try the sleep app")
    card = plan_page(viewer=alex.membership, participant=alex.membership).cards[0]
    assert (card.steps, card.suggested_steps) == ([], [step])
    with pytest.raises(ValidationError):
        step_set_progress(participant=alex.membership, step=step, status=Progress.DONE)
    step_decide(participant=alex.membership, step=step, accept=True)
    card = plan_page(viewer=alex.membership, participant=alex.membership).cards[0]
    assert card.steps == [step]


def test_someone_elses_goal_cannot_be_changed_even_by_mistake(alex, jordan, pat, in_harbor) -> None:
    jordans = a_goal(jordan, title="Jordan's goal")
    with pytest.raises(PermissionDenied):
        goal_set_progress(participant=alex.membership, goal=jordans, status=Progress.DONE)
    with pytest.raises(PermissionDenied):
        step_create(participant=alex.membership, goal=jordans, title="Sneaky")
    with pytest.raises(PermissionDenied):  # pat is alex's peer, not jordan's
        step_suggest(peer=pat.membership, goal=jordans, title="Sneaky")
    jordans.refresh_from_db()
    assert jordans.status == Progress.NOT_STARTED and not Step.objects.exists()


def test_every_change_to_a_plan_is_audited_with_whose_plan_it_is(alex, pat, in_harbor) -> None:
    goal = a_goal(alex)
    step = step_create(participant=alex.membership, goal=goal, title="One")
    step_set_progress(participant=alex.membership, step=step, status=Progress.DONE)
    goal_suggest(peer=pat.membership, participant=alex.membership, life_area="home", title="Tidy")
    with scopes_disabled():
        events = list(AuditEvent.objects.filter(action__startswith="plan.").order_by("sequence"))
    assert [event.action for event in events] == [
        "plan.goal.create",
        "plan.step.create",
        "plan.step.progress",
        "plan.goal.suggest",
    ]
    assert {event.subject_id for event in events} == {alex.membership.pk}
    assert all("Tidy" not in event.reason and "One" not in event.reason for event in events)


def test_the_peer_leaves_a_note_the_participant_is_told_about(alex, pat, riley, in_harbor) -> None:
    note = peer_note_add(peer=pat.membership, participant=alex.membership, body="Proud of you this week.")
    assert plan_page(viewer=alex.membership, participant=alex.membership).peer_notes == [note]
    told = Notification.objects.get(user=alex.user, kind="plan.peer_note")
    assert "Proud" not in told.title + told.body  # the note itself stays in the plan
    with pytest.raises(PermissionDenied):
        peer_note_add(peer=riley.membership, participant=alex.membership, body="Hello")
    for body in ("", "z" * 5001):
        with pytest.raises(ValidationError):
            peer_note_add(peer=pat.membership, participant=alex.membership, body=body)


def test_the_participant_or_their_peer_sets_the_review_date_never_in_the_past(
    alex, pat, riley, in_harbor
) -> None:
    today = today_of(alex.membership)
    plan = plan_review_set(
        actor=alex.membership, participant=alex.membership, review_on=today + timedelta(days=7)
    )
    assert plan.next_review_on == today + timedelta(days=7)
    plan = plan_review_set(
        actor=pat.membership, participant=alex.membership, review_on=today + timedelta(days=3)
    )
    assert (plan.next_review_on, plan.review_set_by) == (today + timedelta(days=3), pat.membership)
    with pytest.raises(ValidationError):
        plan_review_set(
            actor=alex.membership, participant=alex.membership, review_on=today - timedelta(days=1)
        )
    with pytest.raises(PermissionDenied):
        plan_review_set(actor=riley.membership, participant=alex.membership, review_on=today)
    assert (
        plan_review_set(actor=alex.membership, participant=alex.membership, review_on=None).next_review_on
        is None
    )
