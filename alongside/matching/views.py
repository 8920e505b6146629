"""Peer matching pages: suggestions, the peer's profile and answers, the coordinator's queue,
batch runs and rematch requests. Thin: parse, call a selector or service, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alongside.accounts.models import Membership
from alongside.core.access import roles_required
from alongside.core.audit import audit_record, audit_record_many
from alongside.core.roles import Role
from alongside.matching import selectors, services
from alongside.matching.forms import (
    CapacityForm,
    ChangePeerForm,
    DeclineForm,
    MatchingSettingsForm,
    PeerProfileForm,
    RematchForm,
)
from alongside.matching.models import MatchingSettings
from alongside.participants.models import DAY_PARTS, WEEKDAYS, ExperienceArea

participant_only = roles_required(Role.PARTICIPANT)
peer_only = roles_required(Role.PEER)
oversight = roles_required(Role.SUPERVISOR, Role.ADMIN)
admin_only = roles_required(Role.ADMIN)


def _me(request: HttpRequest) -> Membership:
    return request.membership  # type: ignore[attr-defined,no-any-return]


def _problem(request: HttpRequest, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


# Participant -----------------------------------------------------------------------------------


@participant_only
def suggestions(request: HttpRequest) -> HttpResponse:
    """The participant's three explained suggestions (or where their choice stands)."""
    return render(
        request, "matching/suggestions.html", {"card": selectors.suggestions_card_for(_me(request))}
    )


@participant_only
@require_POST
def choose(request: HttpRequest) -> HttpResponse:
    peer_id = _int(request.POST.get("peer"))
    try:
        if peer_id is None:
            raise ValidationError(_("Please choose a peer supporter from the list."))
        proposal = services.proposal_choose(participant=_me(request), peer_id=peer_id)
    except ValidationError as exc:
        _problem(request, exc)
        return redirect("matching_suggestions")
    messages.success(
        request,
        _("We've asked %(name)s. We'll let you know as soon as they answer.")
        % {"name": proposal.peer.user.shown_name},
    )
    return redirect("matching_suggestions")


@participant_only
@require_POST
def ask_coordinator(request: HttpRequest) -> HttpResponse:
    try:
        services.coordinator_ask(participant=_me(request))
    except ValidationError as exc:
        _problem(request, exc)
        return redirect("matching_suggestions")
    messages.success(
        request, _("Your coordinator will choose a peer supporter with you. You'll hear from us soon.")
    )
    return redirect("matching_suggestions")


def _rematch(request: HttpRequest, match_id: int | None) -> HttpResponse:
    me = _me(request)
    match = selectors.match_for_rematch(viewer=me, match_id=match_id)
    form = RematchForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.rematch_request(
                requester=me,
                match=match,
                reason=form.cleaned_data["reason"],
                exclude_peer=form.cleaned_data["exclude_peer"],
            )
        except ValidationError as exc:
            _problem(request, exc)
        else:
            messages.success(
                request, _("Thank you for telling us. A coordinator will be in touch, privately.")
            )
        return redirect("home")
    return render(
        request, "matching/rematch.html", {"form": form, "match": match, "is_peer": me.role == Role.PEER}
    )


@participant_only
@require_http_methods(["GET", "POST"])
def rematch(request: HttpRequest) -> HttpResponse:
    """A participant asks privately for a different peer supporter."""
    return _rematch(request, None)


@peer_only
@require_http_methods(["GET", "POST"])
def peer_rematch(request: HttpRequest, match_id: int) -> HttpResponse:
    """A peer asks privately for one of their participants to be matched with someone else."""
    return _rematch(request, match_id)


# Peer ------------------------------------------------------------------------------------------


def _availability_rows(chosen: set[str]) -> list[dict[str, Any]]:
    return [
        {
            "label": day_label,
            "cells": [
                {
                    "value": f"{day}-{part}",
                    "label": f"{day_label}, {part_label}",
                    "checked": f"{day}-{part}" in chosen,
                }
                for part, part_label in DAY_PARTS
            ],
        }
        for day, day_label in WEEKDAYS
    ]


@peer_only
@require_http_methods(["GET", "POST"])
def peer_profile_edit(request: HttpRequest) -> HttpResponse:
    """The peer's own matching profile: capacity, languages, experience, ways and times to meet."""
    me = _me(request)
    profile = selectors.peer_profile_of(me)
    areas = list(ExperienceArea.objects.filter(is_active=True).order_by("position", "label"))
    initial = (
        {
            "accepting_new": profile.accepting_new,
            "capacity": profile.capacity,
            "languages": profile.languages,
            "gender": profile.gender,
            "age_band": profile.age_band,
            "experience_ids": [a.pk for a in profile.experiences.all()],
            "meeting_formats": profile.meeting_formats,
            "availability": profile.availability,
        }
        if profile
        else {"accepting_new": True, "capacity": 12, "languages": [me.user.language or "en"]}
    )
    form = PeerProfileForm(request.POST or None, initial=initial, areas=areas)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.peer_profile_save(
                actor=me.user,
                peer=me,
                capacity=data["capacity"],
                accepting_new=data["accepting_new"],
                languages=data["languages"],
                gender=data["gender"],
                age_band=data["age_band"],
                experience_ids=data["experience_ids"],
                meeting_formats=data["meeting_formats"],
                availability=data["availability"],
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("Your matching profile is saved."))
            return redirect("matching_peer_profile")
    chosen = set(form["availability"].value() or [])
    return render(
        request,
        "matching/peer_profile.html",
        {"form": form, "availability_rows": _availability_rows(chosen), "day_parts": DAY_PARTS},
    )


@peer_only
def peer_proposals(request: HttpRequest) -> HttpResponse:
    """People the peer is asked to walk alongside, with why they were proposed."""
    me = _me(request)
    proposals = selectors.proposals_for_peer(me)
    if proposals:
        audit_record_many(
            action="match_proposal.view",
            actor=me.user,
            organization=me.organization,
            subjects=[p.participant for p in proposals],
        )
    return render(
        request, "matching/peer_proposals.html", {"proposals": proposals, "decline_form": DeclineForm()}
    )


@peer_only
@require_POST
def proposal_accept(request: HttpRequest, proposal_id: int) -> HttpResponse:
    me = _me(request)
    proposal = selectors.proposal_for_peer(peer=me, proposal_id=proposal_id)
    try:
        services.proposal_accept(peer=me, proposal=proposal)
    except ValidationError as exc:
        _problem(request, exc)
    else:
        messages.success(
            request, _("%(name)s is now on your caseload.") % {"name": proposal.participant.user.shown_name}
        )
    return redirect("matching_peer_proposals")


@peer_only
@require_POST
def proposal_decline(request: HttpRequest, proposal_id: int) -> HttpResponse:
    me = _me(request)
    proposal = selectors.proposal_for_peer(peer=me, proposal_id=proposal_id)
    form = DeclineForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        services.proposal_decline(peer=me, proposal=proposal, reason=reason)
    except ValidationError as exc:
        _problem(request, exc)
    else:
        messages.success(request, _("Thank you for letting us know. The coordinator will find someone else."))
    return redirect("matching_peer_proposals")


# Supervisors and admins ------------------------------------------------------------------------


@oversight
def caseload(request: HttpRequest) -> HttpResponse:
    """Each peer's load against capacity, who is waiting and for how long, proposals waiting for
    an answer, and open requests with their private reasons."""
    me = _me(request)
    overview = selectors.caseload_overview()
    subjects = (
        list(overview.waiting)
        + [r.participant for r in overview.requests]
        + [p.participant for p in overview.declined]
    )
    if subjects:
        audit_record_many(
            action="matching_queue.view", actor=me.user, organization=me.organization, subjects=subjects
        )
    return render(request, "matching/caseload.html", {"overview": overview})


@oversight
@require_POST
def run_start(request: HttpRequest) -> HttpResponse:
    try:
        run = services.match_run_start(actor=_me(request))
    except ValidationError as exc:
        _problem(request, exc)
        return redirect("matching_caseload")
    return redirect("matching_run_detail", run_id=run.pk)


@oversight
def run_detail(request: HttpRequest, run_id: int) -> HttpResponse:
    me = _me(request)
    run = selectors.run_for(run_id)
    proposals = selectors.run_proposals(run)
    unassigned = selectors.unassigned_of(run)
    subjects = [p.participant for p in proposals] + [m for m, _reason in unassigned]
    if subjects:
        audit_record_many(
            action="match_run.view", actor=me.user, organization=me.organization, subjects=subjects, obj=run
        )
    return render(
        request, "matching/run.html", {"run": run, "proposals": proposals, "unassigned": unassigned}
    )


@oversight
@require_POST
def run_approve(request: HttpRequest, run_id: int) -> HttpResponse:
    run = selectors.run_for(run_id)
    try:
        sent = services.match_run_approve(actor=_me(request), run=run)
    except ValidationError as exc:
        _problem(request, exc)
    else:
        messages.success(request, _("Approved. %(count)s peer supporters were asked.") % {"count": sent})
    return redirect("matching_run_detail", run_id=run.pk)


@oversight
@require_http_methods(["GET", "POST"])
def proposal_change(request: HttpRequest, proposal_id: int) -> HttpResponse:
    """Choose another compatible peer for one proposal of a draft run, each with its reasons."""
    me = _me(request)
    proposal = selectors.proposal_for(proposal_id)
    if proposal.run is None:
        raise Http404
    candidates = selectors.candidates_for(proposal)
    form = ChangePeerForm(
        request.POST or None,
        initial={"peer": proposal.peer_id},
        choices=[(c.peer.pk, c.peer.user.shown_name) for c in candidates],
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.proposal_change_peer(actor=me, proposal=proposal, peer_id=form.cleaned_data["peer"])
        except ValidationError as exc:
            _problem(request, exc)
        else:
            messages.success(
                request,
                _("%(name)s is now proposed to %(peer)s.")
                % {"name": proposal.participant.user.shown_name, "peer": proposal.peer.user.shown_name},
            )
        return redirect("matching_run_detail", run_id=proposal.run_id)
    audit_record(
        action="match_proposal.view",
        actor=me.user,
        organization=me.organization,
        subject=proposal.participant,
        obj=proposal,
    )
    return render(
        request,
        "matching/proposal_change.html",
        {"proposal": proposal, "candidates": candidates, "form": form},
    )


@oversight
@require_POST
def proposal_remove(request: HttpRequest, proposal_id: int) -> HttpResponse:
    proposal = selectors.proposal_for(proposal_id)
    if proposal.run is None:
        raise Http404
    try:
        services.proposal_remove(actor=_me(request), proposal=proposal)
    except ValidationError as exc:
        _problem(request, exc)
    else:
        messages.success(
            request,
            _("Removed. %(name)s stays in the queue.") % {"name": proposal.participant.user.shown_name},
        )
    return redirect("matching_run_detail", run_id=proposal.run_id)


@oversight
@require_POST
def request_resolve(request: HttpRequest, request_id: int) -> HttpResponse:
    found = selectors.request_for(request_id)
    end_match = request.POST.get("decision") == "end"
    try:
        services.match_request_resolve(actor=_me(request), request=found, end_match=end_match)
    except ValidationError as exc:
        _problem(request, exc)
    else:
        messages.success(
            request,
            _("The match has ended and the participant is back in the queue.")
            if end_match
            else _("Request closed."),
        )
    return redirect("matching_caseload")


@oversight
@require_http_methods(["GET", "POST"])
def peer_capacity(request: HttpRequest, peer_id: int) -> HttpResponse:
    """A supervisor or admin sets one peer supporter's capacity."""
    peer = Membership.objects.filter(pk=peer_id, role=Role.PEER).select_related("user").first()
    if peer is None:
        raise Http404
    profile = selectors.peer_profile_of(peer)
    form = CapacityForm(request.POST or None, initial={"capacity": profile.capacity if profile else 12})
    if request.method == "POST" and form.is_valid():
        try:
            services.peer_capacity_set(actor=_me(request), peer=peer, capacity=form.cleaned_data["capacity"])
        except ValidationError as exc:
            _problem(request, exc)
        else:
            messages.success(request, _("Capacity saved."))
            return redirect("matching_caseload")
    return render(request, "matching/capacity.html", {"form": form, "peer": peer})


@admin_only
@require_http_methods(["GET", "POST"])
def settings_edit(request: HttpRequest) -> HttpResponse:
    """How much each shared thing counts when proposing a peer supporter."""
    me = _me(request)
    row = MatchingSettings.objects.filter(organization=me.organization).first() or MatchingSettings(
        organization=me.organization
    )
    form = MatchingSettingsForm(request.POST or None, instance=row)
    if request.method == "POST" and form.is_valid():
        try:
            services.matching_settings_save(
                actor=me, **{name: form.cleaned_data[name] for name in MatchingSettings.WEIGHT_FIELDS}
            )
        except ValidationError as exc:
            _problem(request, exc)
        else:
            messages.success(request, _("Matching settings saved."))
            return redirect("matching_settings")
    return render(request, "matching/settings.html", {"form": form})
