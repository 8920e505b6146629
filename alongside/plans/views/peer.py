"""A participant's plan as their peer supporter sees it (and, read-only, a supervisor or admin)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alongside.accounts.models import Membership
from alongside.core.access import roles_required
from alongside.core.roles import OVERSIGHT_ROLES, Role
from alongside.core.timezones import today_of
from alongside.participants.selectors import participant_for, participants_visible_to
from alongside.plans import selectors
from alongside.plans.forms import (
    GoalSuggestForm,
    PeerNoteForm,
    ReviewForm,
    StepForm,
)
from alongside.plans.services import (
    goal_suggest,
    peer_note_add,
    plan_review_set,
    step_suggest,
)
from alongside.plans.views.common import (
    add_errors,
    checklist_groups,
    form_page,
    membership_of,
    peer_only,
)


def _caseload_participant(peer: Membership, participant_id: int) -> Membership:
    """A participant on this peer's caseload, or 404. The write that follows is audited."""
    participant = participants_visible_to(peer).filter(pk=participant_id).first()
    if participant is None:
        raise Http404
    return participant


def _peer_plan_url(participant_id: int, anchor: str = "") -> str:
    return reverse("plan_participant", kwargs={"participant_id": participant_id}) + anchor


@roles_required(Role.PEER, *OVERSIGHT_ROLES)
def plan_participant(request: HttpRequest, participant_id: int) -> HttpResponse:
    """A participant's plan for their peer supporter (with what they chose to share), or
    read-only for a supervisor or admin. Audited."""
    viewer = membership_of(request)
    participant = participant_for(viewer=viewer, participant_id=participant_id, reason="recovery plan")
    page = selectors.plan_page(viewer=viewer, participant=participant, include_shared=True)
    return render(
        request,
        "plans/participant_plan.html",
        {
            "page": page,
            "participant": participant,
            "is_peer": viewer.role == Role.PEER,
            "note_form": PeerNoteForm(),
            "checklist_groups": checklist_groups(page.readiness_items),
            "review_form": ReviewForm(initial={"next_review_on": page.next_review_on}),
            "today": today_of(participant),
        },
    )


@peer_only
@require_POST
def plan_peer_note(request: HttpRequest, participant_id: int) -> HttpResponse:
    peer = membership_of(request)
    participant = _caseload_participant(peer, participant_id)
    form = PeerNoteForm(request.POST)
    if form.is_valid():
        try:
            peer_note_add(peer=peer, participant=participant, body=form.cleaned_data["body"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(
                request, _("Note saved. %(name)s can read it on their plan.") % {"name": participant.name}
            )
            return redirect(_peer_plan_url(participant.pk, "#notes"))
    return form_page(
        request,
        form=form,
        title=_("A note for %(name)s") % {"name": participant.name},
        submit=_("Save note"),
        back=_peer_plan_url(participant.pk),
        back_label=_("Back to the plan"),
    )


@peer_only
@require_http_methods(["GET", "POST"])
def plan_goal_suggest(request: HttpRequest, participant_id: int) -> HttpResponse:
    peer = membership_of(request)
    participant = _caseload_participant(peer, participant_id)
    form = GoalSuggestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            goal_suggest(peer=peer, participant=participant, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(
                request,
                _("Suggestion sent. %(name)s decides whether it goes in their plan.")
                % {"name": participant.name},
            )
            return redirect(_peer_plan_url(participant.pk, "#suggestions"))
    return form_page(
        request,
        form=form,
        title=_("Suggest a goal for %(name)s") % {"name": participant.name},
        intro=_("The plan is theirs: they can add your suggestion to it or say no thanks."),
        submit=_("Send suggestion"),
        back=_peer_plan_url(participant.pk),
        back_label=_("Back to the plan"),
    )


@peer_only
@require_POST
def plan_step_suggest(request: HttpRequest, participant_id: int, goal_id: int) -> HttpResponse:
    peer = membership_of(request)
    participant = _caseload_participant(peer, participant_id)
    goal = selectors.goal_of_participant(participant=participant, goal_id=goal_id)
    form = StepForm(request.POST)
    if form.is_valid():
        try:
            step_suggest(peer=peer, goal=goal, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(
                request, _("Step suggested. %(name)s decides whether to add it.") % {"name": participant.name}
            )
            return redirect(_peer_plan_url(participant.pk, f"#goal-{goal.pk}"))
    return form_page(
        request,
        form=form,
        title=_("Suggest a step for “%(goal)s”") % {"goal": goal.title},
        submit=_("Send suggestion"),
        back=_peer_plan_url(participant.pk),
        back_label=_("Back to the plan"),
    )


@peer_only
@require_POST
def plan_review_peer(request: HttpRequest, participant_id: int) -> HttpResponse:
    peer = membership_of(request)
    participant = _caseload_participant(peer, participant_id)
    form = ReviewForm(request.POST)
    if form.is_valid():
        try:
            plan_review_set(
                actor=peer, participant=participant, review_on=form.cleaned_data["next_review_on"]
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("Review date saved. You'll both get a reminder the day before."))
            return redirect(_peer_plan_url(participant.pk, "#review"))
    return form_page(
        request,
        form=form,
        title=_("Next plan review with %(name)s") % {"name": participant.name},
        submit=_("Save date"),
        back=_peer_plan_url(participant.pk),
        back_label=_("Back to the plan"),
    )
