"""Each role's home page: what that person needs to see first, from real data."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from alongside.accounts.forms import OrganizationSettingsForm
from alongside.accounts.models import Membership
from alongside.accounts.selectors import organization_overview
from alongside.checkins.milestones import milestone_card_for
from alongside.checkins.models import CheckIn
from alongside.checkins.selectors import checkin_form_for, trend_card_for
from alongside.checkins.streaks import current_streak
from alongside.core.roles import Role
from alongside.core.timezones import today_of
from alongside.matching.selectors import active_match_for, suggestions_card_for, supervisor_card_for
from alongside.participants.selectors import caseload_of, intake_status
from alongside.plans.selectors import plan_home_card


def participant_home(request: HttpRequest, membership: Membership) -> HttpResponse:
    today = today_of(membership)
    recent = list(CheckIn.objects.filter(participant=membership).order_by("-day").defer("note")[:14])
    todays = recent[0] if recent and recent[0].day == today else None
    return render(
        request,
        "accounts/home_participant.html",
        {
            "intake": intake_status(membership),
            "match": active_match_for(membership),
            "todays_checkin": todays,
            "checkin_form": checkin_form_for(membership, today=today),
            "streak": current_streak(
                CheckIn.objects.filter(participant=membership)
                .order_by("-day")
                .values_list("day", flat=True)[:800],
                today,
            ),
            **milestone_card_for(membership, today=today),
            **trend_card_for(membership, today=today),
            "plan_card": plan_home_card(membership),
            "matching_card": suggestions_card_for(membership),
            **_together_card(membership),
        },
    )


def _together_card(membership: Membership) -> dict[str, Any]:
    """The conversation with the peer (unread count), follow-ups agreed in session notes, and
    the next group meetings: what is coming up with other people."""
    from alongside.conversations.selectors import conversations_for, open_follow_ups, unread_by_conversation
    from alongside.groups.selectors import my_upcoming

    conversations = [c for c in conversations_for(membership) if c.match.status == "active"]
    unread = unread_by_conversation(membership, conversations)
    upcoming = [line for line in my_upcoming(viewer=membership, days=14) if not line.meeting.cancelled][:3]
    return {
        "conversation": conversations[0] if conversations else None,
        "conversation_unread": sum(unread.values()),
        "follow_ups": open_follow_ups(membership)[:5],
        "upcoming_meetings": upcoming,
    }


def peer_home(request: HttpRequest, membership: Membership) -> HttpResponse:
    from alongside.conversations.selectors import conversations_for, open_follow_ups, unread_by_conversation

    entries = caseload_of(membership)
    conversations = conversations_for(membership)
    unread = unread_by_conversation(membership, conversations)
    by_participant = {c.participant_id: (c, unread.get(c.pk, 0)) for c in conversations}
    return render(
        request,
        "accounts/home_peer.html",
        {
            "entries": entries,
            "attention_count": sum(1 for e in entries if e.needs_attention),
            "rows": [(e, *by_participant.get(e.participant.pk, (None, 0))) for e in entries],
            "follow_ups": open_follow_ups(membership)[:10],
        },
    )


def supervisor_home(request: HttpRequest, membership: Membership) -> HttpResponse:
    return render(
        request,
        "accounts/home_supervisor.html",
        {
            "overview": organization_overview(membership.organization),
            "matching_card": supervisor_card_for(membership),
            "safety": _safety_card(),
        },
    )


def _safety_card() -> dict[str, object]:
    from alongside.safety.escalation.selectors import safety_card

    return safety_card()


def clinician_home(request: HttpRequest, membership: Membership) -> HttpResponse:
    return render(request, "accounts/home_clinician.html", {})


def admin_home(
    request: HttpRequest, membership: Membership, settings_form: OrganizationSettingsForm | None = None
) -> HttpResponse:
    organization = membership.organization
    form = settings_form or OrganizationSettingsForm(
        initial={
            "name": organization.name,
            "timezone": organization.timezone,
            "country": organization.country,
            "default_language": organization.default_language,
            "self_signup": organization.self_signup,
            "mfa_required_roles": organization.mfa_required_roles,
            "deletion_grace_days": organization.deletion_grace_days,
        }
    )
    return render(
        request,
        "accounts/home_admin.html",
        {
            "settings_form": form,
            "overview": organization_overview(organization),
            "matching_card": supervisor_card_for(membership),
        },
    )


def home_for_role(request: HttpRequest, membership: Membership, **extra: Any) -> HttpResponse:
    if membership.role == Role.PARTICIPANT:
        return participant_home(request, membership)
    if membership.role == Role.PEER:
        return peer_home(request, membership)
    if membership.role == Role.SUPERVISOR:
        return supervisor_home(request, membership)
    if membership.role == Role.CLINICIAN:
        return clinician_home(request, membership)
    return admin_home(request, membership, **extra)
