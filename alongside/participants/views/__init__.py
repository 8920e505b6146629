"""Participant pages: the overview for staff, intake, walk-ins and the experience taxonomy."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from alongside.checkins.milestones import shared_recovery_counter
from alongside.checkins.selectors import checkins_of
from alongside.core.access import roles_required
from alongside.core.roles import OVERSIGHT_ROLES, Role
from alongside.matching.selectors import active_match_for
from alongside.participants.selectors import participant_for, participants_visible_to
from alongside.participants.views.intake import intake, intake_for, intake_step, intake_step_for
from alongside.participants.views.taxonomy import (
    experience_area_list,
    experience_area_move,
    experience_area_update,
)
from alongside.participants.views.walk_in import (
    participant_handover_accept,
    participant_handover_send,
    participant_register,
)


@roles_required(*OVERSIGHT_ROLES)
def participant_list(request: HttpRequest) -> HttpResponse:
    participants = participants_visible_to(request.membership).order_by("user__username")  # type: ignore[attr-defined]
    page = Paginator(participants, 50).get_page(request.GET.get("page"))
    return render(request, "participants/list.html", {"page": page})


@roles_required(Role.PEER, *OVERSIGHT_ROLES)
def participant_detail(request: HttpRequest, participant_id: int) -> HttpResponse:
    """A participant's overview for their peer supporter or a supervisor. Audited."""
    viewer = request.membership  # type: ignore[attr-defined]
    participant = participant_for(viewer=viewer, participant_id=participant_id)
    return render(
        request,
        "participants/detail.html",
        {
            "participant": participant,
            "match": active_match_for(participant),
            "checkins": list(checkins_of(viewer=viewer, participant=participant, days=30)),
            "shared_counter": shared_recovery_counter(viewer=viewer, participant=participant),
        },
    )


__all__ = [
    "experience_area_list",
    "experience_area_move",
    "experience_area_update",
    "intake",
    "intake_for",
    "intake_step",
    "intake_step_for",
    "participant_detail",
    "participant_handover_accept",
    "participant_handover_send",
    "participant_list",
    "participant_register",
]
