"""Writes for peer matching. The engine (engine/) proposes; these record people's decisions.

Every function is atomic and audited; notifications go out through notification_send, after
commit. Existing matches are never touched unless a rematch was asked for and a supervisor
ended it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from alongside.accounts.models import Membership, Organization, User
from alongside.core.audit import audit_record, audit_record_many
from alongside.core.notifications import notification_send
from alongside.core.roles import OVERSIGHT_ROLES, Role
from alongside.core.timezones import as_reader
from alongside.matching import engine, selectors
from alongside.matching.models import (
    MatchExclusion,
    MatchingSettings,
    MatchProposal,
    MatchRequest,
    MatchRun,
    PeerMatch,
    PeerProfile,
)
from alongside.participants.models import (
    AGE_BANDS,
    GENDERS,
    MEETING_FORMATS,
    SPOKEN_LANGUAGE_CODES,
    ExperienceArea,
)
from alongside.participants.services.intake import AVAILABILITY_SLOTS


@transaction.atomic
def match_start(
    *,
    actor: User | None,
    participant: Membership,
    peer: Membership,
    reasons: list[Any] | None = None,
) -> PeerMatch:
    """Ends the participant's current match (kept as history) and starts one with `peer`."""
    if participant.role != Role.PARTICIPANT:
        raise ValidationError(_("Only participants are matched with a peer supporter."))
    if peer.role != Role.PEER or not peer.is_active:
        raise ValidationError(_("That person is not an active peer supporter."))
    if participant.organization_id != peer.organization_id:
        raise ValidationError(_("Both people must belong to the same organization."))
    now = timezone.now()
    PeerMatch.objects.filter(participant=participant, status=PeerMatch.Status.ACTIVE).update(
        status=PeerMatch.Status.ENDED, ended_at=now
    )
    match = PeerMatch.objects.create(
        organization_id=participant.organization_id,
        participant=participant,
        peer=peer,
        reasons=reasons or [],
        started_at=now,
    )
    from alongside.conversations.services import conversation_for_match

    conversation_for_match(match)  # they can write to each other at once
    audit_record(
        action="match.start",
        actor=actor,
        organization=participant.organization,
        subject=participant,
        obj=match,
    )
    return match


def _notify(person: Membership, *, kind: str, title: str, body: str = "", url: str = "") -> None:
    """One notification in the person's own language."""
    notification_send(
        user=person.user, kind=kind, title=title, body=body, url=url, organization=person.organization
    )


def _overseers(organization: Organization) -> list[Membership]:
    return list(
        Membership.objects.filter(
            organization=organization, role__in=OVERSIGHT_ROLES, is_active=True
        ).select_related("user")
    )


def _notify_overseers(organization: Organization, *, kind: str, title_text: str, name: str) -> None:
    for person in _overseers(organization):
        with as_reader(person):
            _notify(
                person,
                kind=kind,
                title=_(title_text) % {"name": name},
                url=reverse("matching_caseload"),
            )


# Peer profiles and settings --------------------------------------------------------------------


def _checked_subset(values: Iterable[str], allowed: Iterable[str], message: str) -> list[str]:
    values = list(dict.fromkeys(values))
    unknown = sorted(set(values) - set(allowed))
    if unknown:
        raise ValidationError(message % {"values": ", ".join(unknown)})
    return values


@transaction.atomic
def peer_profile_save(
    *,
    actor: User,
    peer: Membership,
    capacity: int,
    accepting_new: bool,
    languages: list[str],
    gender: str,
    age_band: str,
    experience_ids: list[int],
    meeting_formats: list[str],
    availability: list[str],
) -> PeerProfile:
    """Creates or replaces a peer supporter's own matching profile. Audited as peer_profile.save."""
    if peer.role != Role.PEER:
        raise ValidationError(_("Only peer supporters have a matching profile."))
    if not 0 <= capacity <= 60:
        raise ValidationError({"capacity": _("Choose a number between 0 and 60.")})
    errors = {}
    try:
        languages = _checked_subset(languages, SPOKEN_LANGUAGE_CODES, _("Unknown language: %(values)s."))
    except ValidationError as exc:
        errors["languages"] = exc.messages
    if gender and gender not in dict(GENDERS):
        errors["gender"] = [_("Choose one of the options.")]
    if age_band and age_band not in dict(AGE_BANDS):
        errors["age_band"] = [_("Choose one of the options.")]
    try:
        meeting_formats = _checked_subset(
            meeting_formats, [code for code, _label in MEETING_FORMATS], _("Unknown way to meet: %(values)s.")
        )
    except ValidationError as exc:
        errors["meeting_formats"] = exc.messages
    try:
        availability = _checked_subset(
            availability, AVAILABILITY_SLOTS, _("Unknown time of the week: %(values)s.")
        )
    except ValidationError as exc:
        errors["availability"] = exc.messages
    areas = list(ExperienceArea.objects.filter(pk__in=experience_ids))
    if len(areas) != len(set(experience_ids)):
        errors["experiences"] = [_("Choose lived experience areas from the list.")]
    if errors:
        raise ValidationError(errors)
    profile, _created = PeerProfile.objects.select_for_update().get_or_create(
        peer=peer, defaults={"organization_id": peer.organization_id}
    )
    profile.capacity = capacity
    profile.accepting_new = accepting_new
    profile.languages = languages
    profile.gender = gender
    profile.age_band = age_band
    profile.meeting_formats = meeting_formats
    profile.availability = availability
    profile.updated_at = timezone.now()
    profile.save()
    profile.experiences.set(areas)
    audit_record(action="peer_profile.save", actor=actor, organization=peer.organization, obj=profile)
    return profile


@transaction.atomic
def peer_capacity_set(*, actor: Membership, peer: Membership, capacity: int) -> PeerProfile:
    """A supervisor or admin changes how many people a peer supporter walks with."""
    if actor.role not in OVERSIGHT_ROLES:
        raise ValidationError(_("Only supervisors and admins change another person's capacity."))
    if peer.role != Role.PEER:
        raise ValidationError(_("Only peer supporters have a capacity."))
    if not 0 <= capacity <= 60:
        raise ValidationError({"capacity": _("Choose a number between 0 and 60.")})
    profile, _created = PeerProfile.objects.select_for_update().get_or_create(
        peer=peer,
        defaults={"organization_id": peer.organization_id, "languages": [peer.user.language or "en"]},
    )
    profile.capacity = capacity
    profile.updated_at = timezone.now()
    profile.save(update_fields=["capacity", "updated_at"])
    audit_record(
        action="peer_profile.capacity", actor=actor.user, organization=peer.organization, obj=profile
    )
    return profile


@transaction.atomic
def matching_settings_save(*, actor: Membership, **weights: float) -> MatchingSettings:
    """An admin changes how much each shared thing counts. Values must be 0 to 100."""
    if actor.role != Role.ADMIN:
        raise ValidationError(_("Only organization admins change matching settings."))
    unknown = set(weights) - set(MatchingSettings.WEIGHT_FIELDS)
    if unknown:
        raise ValidationError(_("Unknown setting."))
    errors = {
        name: [_("Choose a number between 0 and 100.")] for name, v in weights.items() if not 0 <= v <= 100
    }
    if errors:
        raise ValidationError(errors)
    row, _created = MatchingSettings.objects.select_for_update().get_or_create(
        organization=actor.organization, defaults={}
    )
    for name, value in weights.items():
        setattr(row, name, float(value))
    row.updated_at = timezone.now()
    row.save()
    audit_record(action="matching_settings.save", actor=actor.user, organization=actor.organization, obj=row)
    return row


# One participant choosing ----------------------------------------------------------------------


def _ensure_waiting(participant: Membership) -> None:
    if selectors.active_match_for(participant) is not None:
        raise ValidationError(_("You already have a peer supporter."))
    if selectors.open_proposal_for(participant) is not None:
        raise ValidationError(_("You already chose a peer supporter; they have been asked."))


@transaction.atomic
def proposal_choose(*, participant: Membership, peer_id: int) -> MatchProposal:
    """The participant picks one of their suggested peers. The peer is asked to accept."""
    if participant.role != Role.PARTICIPANT:
        raise ValidationError(_("Only participants choose a peer supporter."))
    Membership.objects.select_for_update().filter(pk=participant.pk).first()
    _ensure_waiting(participant)
    suggestion = next((s for s in selectors.suggestions_for(participant) if s.peer.pk == peer_id), None)
    if suggestion is None:
        raise ValidationError(
            _("That peer supporter is no longer available. Please choose from the list again.")
        )
    now = timezone.now()
    proposal = MatchProposal.objects.create(
        organization_id=participant.organization_id,
        kind=MatchProposal.Kind.CHOSEN,
        participant=participant,
        peer=suggestion.peer,
        score=suggestion.score,
        reasons=suggestion.reason_codes,
        status=MatchProposal.Status.PENDING,
        sent_at=now,
    )
    MatchRequest.objects.filter(
        participant=participant, kind=MatchRequest.Kind.COORDINATOR, status=MatchRequest.Status.OPEN
    ).update(status=MatchRequest.Status.RESOLVED, resolved_at=now, outcome="chose")
    audit_record(
        action="match_proposal.choose",
        actor=participant.user,
        organization=participant.organization,
        subject=participant,
        obj=proposal,
    )
    _ask_peer(proposal)
    return proposal


def _ask_peer(proposal: MatchProposal) -> None:
    peer = proposal.peer
    with as_reader(peer):
        _notify(
            peer,
            kind="match.proposed",
            title=_("Someone would like you to walk alongside them"),
            body=_("%(name)s is looking for a peer supporter. Please accept or decline.")
            % {"name": proposal.participant.user.shown_name},
            url=reverse("matching_peer_proposals"),
        )


@transaction.atomic
def coordinator_ask(*, participant: Membership) -> MatchRequest:
    """The participant would rather the coordinator chose: the request joins the supervisors' queue."""
    if participant.role != Role.PARTICIPANT:
        raise ValidationError(_("Only participants ask for a peer supporter."))
    _ensure_waiting(participant)
    existing = MatchRequest.objects.filter(
        participant=participant, kind=MatchRequest.Kind.COORDINATOR, status=MatchRequest.Status.OPEN
    ).first()
    if existing is not None:
        return existing
    request = MatchRequest.objects.create(
        organization_id=participant.organization_id,
        kind=MatchRequest.Kind.COORDINATOR,
        participant=participant,
        requested_by=participant,
    )
    audit_record(
        action="match_request.coordinator",
        actor=participant.user,
        organization=participant.organization,
        subject=participant,
        obj=request,
    )
    _notify_overseers(
        participant.organization,
        kind="match.coordinator",
        title_text=gettext_noop("%(name)s asked the coordinator to choose a peer supporter"),
        name=participant.user.shown_name,
    )
    return request


# Batch runs ------------------------------------------------------------------------------------


@transaction.atomic
def match_run_start(*, actor: Membership) -> MatchRun:
    """Proposes peers for everyone waiting (engine.solve) as a draft run for review.

    An older draft is replaced. Participants with an active match or an open proposal are not
    included, so existing matches are never reshuffled."""
    if actor.role not in OVERSIGHT_ROLES:
        raise ValidationError(_("Only supervisors and admins run matching."))
    organization = actor.organization
    for old in MatchRun.objects.select_for_update().filter(status=MatchRun.Status.DRAFT):
        old.proposals.filter(status=MatchProposal.Status.DRAFT).update(status=MatchProposal.Status.REMOVED)
        old.status = MatchRun.Status.DISCARDED
        old.save(update_fields=["status"])
    waiting = selectors.waiting_participants()
    data = selectors.matching_input(waiting)
    result = engine.solve(data, selectors.weights_for(organization), codes=True)
    run = MatchRun.objects.create(
        organization=organization,
        created_by=actor.user,
        # Message ids, put into words in the reader's language when shown.
        unassigned=[
            {"participant": u["participant"], "reason": u["reason_code"]} for u in result["unassigned"]
        ],
    )
    MatchProposal.objects.bulk_create(
        [
            MatchProposal(
                organization=organization,
                run=run,
                participant_id=int(item["participant"]),
                peer_id=int(item["peer"]),
                score=item["score"],
                reasons=item["reason_codes"],
            )
            for item in result["assignments"]
        ]
    )
    audit_record_many(
        action="match_run.start",
        actor=actor.user,
        organization=organization,
        subjects=waiting or [None],
        obj=run,
    )
    return run


def _draft(proposal: MatchProposal) -> None:
    if proposal.run is None or proposal.run.status != MatchRun.Status.DRAFT:
        raise ValidationError(_("This run was already approved or replaced; it can't be changed."))
    if proposal.status != MatchProposal.Status.DRAFT:
        raise ValidationError(_("This proposal was removed."))


@transaction.atomic
def proposal_change_peer(*, actor: Membership, proposal: MatchProposal, peer_id: int) -> MatchProposal:
    """The supervisor gives a draft proposal another compatible peer (with that pair's reasons)."""
    _draft(proposal)
    candidate = next((c for c in selectors.candidates_for(proposal) if c.peer.pk == peer_id), None)
    if candidate is None:
        raise ValidationError(
            _("That peer supporter can't be matched with this participant (or has no room).")
        )
    proposal.peer = candidate.peer
    proposal.score = candidate.score
    proposal.reasons = candidate.reason_codes
    proposal.save(update_fields=["peer", "score", "reasons"])
    audit_record(
        action="match_proposal.change",
        actor=actor.user,
        organization=actor.organization,
        subject=proposal.participant,
        obj=proposal,
    )
    return proposal


@transaction.atomic
def proposal_remove(*, actor: Membership, proposal: MatchProposal) -> MatchProposal:
    """Takes a draft proposal out of the run; the participant stays in the queue."""
    _draft(proposal)
    proposal.status = MatchProposal.Status.REMOVED
    proposal.decided_at = timezone.now()
    proposal.save(update_fields=["status", "decided_at"])
    audit_record(
        action="match_proposal.remove",
        actor=actor.user,
        organization=actor.organization,
        subject=proposal.participant,
        obj=proposal,
    )
    return proposal


@transaction.atomic
def match_run_approve(*, actor: Membership, run: MatchRun) -> int:
    """Sends every remaining proposal of a draft run to its peer supporter; returns how many."""
    if actor.role not in OVERSIGHT_ROLES:
        raise ValidationError(_("Only supervisors and admins approve matching."))
    run = MatchRun.objects.select_for_update().get(pk=run.pk)
    if run.status != MatchRun.Status.DRAFT:
        raise ValidationError(_("This run was already approved or replaced."))
    now = timezone.now()
    proposals = list(
        run.proposals.filter(status=MatchProposal.Status.DRAFT).select_related(
            "participant__user", "peer__user"
        )
    )
    for proposal in proposals:
        proposal.status = MatchProposal.Status.PENDING
        proposal.sent_at = now
    MatchProposal.objects.bulk_update(proposals, ["status", "sent_at"])
    run.status = MatchRun.Status.APPROVED
    run.approved_by = actor.user
    run.approved_at = now
    run.save(update_fields=["status", "approved_by", "approved_at"])
    audit_record_many(
        action="match_proposal.send",
        actor=actor.user,
        organization=actor.organization,
        subjects=[p.participant for p in proposals] or [None],
        obj=run,
    )
    for proposal in proposals:
        _ask_peer(proposal)
    return len(proposals)


# The peer's answer -----------------------------------------------------------------------------


def _ensure_room(peer: Membership) -> None:
    """Capacity may have been lowered since the proposal was sent: a peer never goes above it.
    The profile row is locked so that two answers at once cannot both take the last place."""
    profile = PeerProfile.objects.select_for_update().filter(peer=peer).first()
    if profile is None:
        return
    active = PeerMatch.objects.filter(peer=peer, status=PeerMatch.Status.ACTIVE).count()
    if active >= profile.capacity:
        raise ValidationError(
            _(
                "You are already walking with %(active)s people, your capacity. Ask your supervisor "
                "to raise it, or decline so that this person can be matched with someone else."
            )
            % {"active": active}
        )


@transaction.atomic
def proposal_accept(*, peer: Membership, proposal: MatchProposal) -> PeerMatch:
    """The peer says yes: the match starts with the proposal's reasons, the participant is told."""
    proposal = (
        MatchProposal.objects.select_for_update().select_related("participant__user").get(pk=proposal.pk)
    )
    if proposal.peer_id != peer.pk or proposal.status != MatchProposal.Status.PENDING:
        raise ValidationError(_("This request was already answered."))
    _ensure_room(peer)
    match = match_start(
        actor=peer.user, participant=proposal.participant, peer=peer, reasons=proposal.reasons
    )
    proposal.status = MatchProposal.Status.ACCEPTED
    proposal.decided_at = timezone.now()
    proposal.match = match
    proposal.save(update_fields=["status", "decided_at", "match"])
    MatchRequest.objects.filter(
        participant=proposal.participant, kind=MatchRequest.Kind.COORDINATOR, status=MatchRequest.Status.OPEN
    ).update(status=MatchRequest.Status.RESOLVED, resolved_at=proposal.decided_at, outcome="matched")
    audit_record(
        action="match_proposal.accept",
        actor=peer.user,
        organization=peer.organization,
        subject=proposal.participant,
        obj=proposal,
    )
    participant = proposal.participant
    with as_reader(participant):
        _notify(
            participant,
            kind="match.accepted",
            title=_("You have a peer supporter: %(name)s") % {"name": peer.user.shown_name},
            body=_("%(name)s is glad to walk alongside you.") % {"name": peer.user.shown_name},
            url=reverse("home"),
        )
    return match


@transaction.atomic
def proposal_decline(*, peer: Membership, proposal: MatchProposal, reason: str = "") -> MatchProposal:
    """The peer says no (optionally why, kept encrypted for supervisors): the participant goes
    back to the queue and this pair is not proposed again."""
    proposal = (
        MatchProposal.objects.select_for_update().select_related("participant__user").get(pk=proposal.pk)
    )
    if proposal.peer_id != peer.pk or proposal.status != MatchProposal.Status.PENDING:
        raise ValidationError(_("This request was already answered."))
    proposal.status = MatchProposal.Status.DECLINED
    proposal.decline_reason = reason.strip()[:2000]
    proposal.decided_at = timezone.now()
    proposal.save(update_fields=["status", "decline_reason", "decided_at"])
    MatchExclusion.objects.get_or_create(
        participant=proposal.participant,
        peer=peer,
        defaults={"organization_id": peer.organization_id, "cause": MatchExclusion.Cause.DECLINED},
    )
    audit_record(
        action="match_proposal.decline",
        actor=peer.user,
        organization=peer.organization,
        subject=proposal.participant,
        obj=proposal,
    )
    if proposal.kind == MatchProposal.Kind.CHOSEN:
        participant = proposal.participant
        with as_reader(participant):
            _notify(
                participant,
                kind="match.unavailable",
                title=_("Let's find you another peer supporter"),
                body=_(
                    "The peer supporter you chose can't take on someone new right now. "
                    "That's about their time, not about you. You can choose again or ask the coordinator."
                ),
                url=reverse("matching_suggestions"),
            )
    _notify_overseers(
        peer.organization,
        kind="match.declined",
        title_text=gettext_noop("A proposal for %(name)s was declined; they are back in the queue"),
        name=proposal.participant.user.shown_name,
    )
    return proposal


# Rematch ---------------------------------------------------------------------------------------


@transaction.atomic
def rematch_request(
    *, requester: Membership, match: PeerMatch, reason: str = "", exclude_peer: bool = True
) -> MatchRequest:
    """A participant or their peer asks privately for a change. Only supervisors and admins are
    told (the other person is not); the reason is encrypted and shown only to them."""
    if requester.pk not in (match.participant_id, match.peer_id) or match.status != PeerMatch.Status.ACTIVE:
        raise ValidationError(_("Only the two people in an active match can ask to change it."))
    existing = MatchRequest.objects.filter(
        match=match, kind=MatchRequest.Kind.REMATCH, status=MatchRequest.Status.OPEN, requested_by=requester
    ).first()
    if existing is not None:
        raise ValidationError(_("You already asked; a coordinator will be in touch."))
    request = MatchRequest.objects.create(
        organization_id=match.organization_id,
        kind=MatchRequest.Kind.REMATCH,
        participant=match.participant,
        requested_by=requester,
        match=match,
        reason=reason.strip()[:4000],
        exclude_peer=exclude_peer or requester.pk == match.peer_id,
    )
    audit_record(
        action="match_request.rematch",
        actor=requester.user,
        organization=requester.organization,
        subject=match.participant,
        obj=request,
    )
    _notify_overseers(
        requester.organization,
        kind="match.rematch",
        title_text=gettext_noop("A rematch was asked for (%(name)s)"),
        name=match.participant.user.shown_name,
    )
    return request


@transaction.atomic
def match_request_resolve(*, actor: Membership, request: MatchRequest, end_match: bool) -> MatchRequest:
    """A supervisor closes a request. For a rematch with `end_match`, the match ends (kept as
    history), the participant returns to the queue without continuity, and the old peer is
    excluded when asked."""
    if actor.role not in OVERSIGHT_ROLES:
        raise ValidationError(_("Only supervisors and admins resolve requests."))
    request = MatchRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != MatchRequest.Status.OPEN:
        raise ValidationError(_("This request was already resolved."))
    now = timezone.now()
    request.status = MatchRequest.Status.RESOLVED
    request.resolved_at = now
    request.resolved_by = actor.user
    request.outcome = "kept"
    match = request.match
    if request.kind == MatchRequest.Kind.REMATCH and end_match and match is not None:
        match = (
            PeerMatch.objects.select_for_update()
            .select_related("peer__user", "participant__user")
            .get(pk=match.pk)
        )
        if match.status == PeerMatch.Status.ACTIVE:
            match.status = PeerMatch.Status.ENDED
            match.ended_at = now
            match.save(update_fields=["status", "ended_at"])
            audit_record(
                action="match.end",
                actor=actor.user,
                organization=actor.organization,
                subject=match.participant,
                obj=match,
            )
        if request.exclude_peer:
            MatchExclusion.objects.get_or_create(
                participant=match.participant,
                peer=match.peer,
                defaults={"organization_id": match.organization_id, "cause": MatchExclusion.Cause.REMATCH},
            )
        MatchRequest.objects.filter(match=match, status=MatchRequest.Status.OPEN).exclude(
            pk=request.pk
        ).update(
            status=MatchRequest.Status.RESOLVED, resolved_at=now, resolved_by=actor.user, outcome="ended"
        )
        request.outcome = "ended"
        for person, title in (
            (match.participant, gettext_noop("Your coordinator will help you find a new peer supporter")),
            (match.peer, gettext_noop("A match on your caseload has ended")),
        ):
            with as_reader(person):
                _notify(person, kind="match.ended", title=_(title), url=reverse("home"))
    request.save(update_fields=["status", "resolved_at", "resolved_by", "outcome"])
    audit_record(
        action="match_request.resolve",
        actor=actor.user,
        organization=actor.organization,
        subject=request.participant,
        obj=request,
    )
    return request


def intake_finished(*, participant: Membership) -> None:
    """Hook for the end of intake: tells the supervisors someone is waiting for a peer.
    Call it inside intake_finish's transaction."""
    _notify_overseers(
        participant.organization,
        kind="match.waiting",
        title_text=gettext_noop("%(name)s finished intake and is waiting for a peer supporter"),
        name=participant.user.shown_name,
    )
