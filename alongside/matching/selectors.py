"""Reads for peer matching, and the translation from the database to the engine's JSON records.

Every function runs inside the active organization scope. The engine (`engine/`) sees only plain
dicts whose ids are Membership primary keys.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Count, Max, Q
from django.http import Http404
from django.utils import timezone

from alongside.accounts.models import Membership, Organization
from alongside.core.roles import Role
from alongside.core.timezones import zone_from_names, zone_of
from alongside.matching import engine
from alongside.matching.models import (
    MatchExclusion,
    MatchingSettings,
    MatchProposal,
    MatchRequest,
    MatchRun,
    PeerMatch,
    PeerProfile,
)
from alongside.participants.models import ExperienceArea, ParticipantProfile


def active_match_for(participant: Membership) -> PeerMatch | None:
    """The participant's current peer match, if any (within the active organization scope)."""
    return (
        PeerMatch.objects.filter(participant=participant, status=PeerMatch.Status.ACTIVE)
        .select_related("peer__user")
        .first()
    )


# Settings --------------------------------------------------------------------------------------


def weights_for(organization: Organization) -> engine.Weights:
    """The organization's weights, or the engine's defaults when an admin never changed them."""
    row = MatchingSettings.objects.filter(organization=organization).first()
    if row is None:
        return engine.Weights()
    return engine.Weights(**{name: getattr(row, name) for name in MatchingSettings.WEIGHT_FIELDS})


# Translation to the engine's records -----------------------------------------------------------


def _languages(values: Iterable[str], person: Membership) -> list[str]:
    spoken = [value for value in values if value]
    if spoken:
        return spoken
    # Nobody is unmatchable for leaving the question empty: fall back to the interface language.
    return [person.preferred_language]


def participant_record(
    profile: ParticipantProfile,
    *,
    exclude_peers: Iterable[int] = (),
    current_peer: int | None = None,
) -> dict[str, Any]:
    """A participant's intake answers as the engine's participant record.

    `profile` needs `participant__user`, `participant__organization`, `experiences` and
    `priority_experiences` loaded (see `participant_profiles`)."""
    participant = profile.participant
    return {
        "id": participant.pk,
        "languages": _languages(profile.languages, participant),
        "timezone": zone_of(participant).key,
        "experiences": [area.slug for area in profile.experiences.all()],
        "priority_experiences": [area.slug for area in profile.priority_experiences.all()],
        "peer_gender": profile.peer_gender or None,
        "peer_age_bands": list(profile.peer_age_bands or []),
        "availability": list(profile.availability or []),
        "formats": list(profile.meeting_formats or []),
        "exclude_peers": sorted(set(exclude_peers)),
        "current_peer": current_peer,
    }


_PEER_COLUMNS = (
    "pk",
    "peer_id",
    "capacity",
    "accepting_new",
    "languages",
    "gender",
    "age_band",
    "availability",
    "meeting_formats",
    "peer__user__timezone",
    "peer__user__language",
    "peer__organization__timezone",
    "peer__organization__default_language",
)


@dataclass(frozen=True)
class PeerRecords:
    """Every active peer's engine record, read as plain rows (no model instances: with hundreds of
    peers, building and prefetching instances costs far more than the matching itself)."""

    records: list[dict[str, Any]]
    areas: dict[int, list[int]]  # peer membership id -> ExperienceArea ids


def read_peer_records(*, extra_load: Iterable[int] = (), accepting_only: bool = True) -> PeerRecords:
    """Active peer supporters as engine records, in a stable order. Four queries."""
    rows = PeerProfile.objects.filter(peer__role=Role.PEER, peer__is_active=True)
    if accepting_only:
        rows = rows.filter(accepting_new=True)
    found = list(rows.order_by("peer__joined_at", "peer_id").values_list(*_PEER_COLUMNS))
    profile_ids = [row[0] for row in found]
    slugs: dict[int, list[str]] = {pk: [] for pk in profile_ids}
    area_ids: dict[int, list[int]] = {pk: [] for pk in profile_ids}
    links = PeerProfile.experiences.through.objects.filter(peerprofile_id__in=profile_ids).values_list(
        "peerprofile_id", "experiencearea_id", "experiencearea__slug"
    )
    for profile_id, area_id, slug in links.order_by("experiencearea__position", "experiencearea_id"):
        slugs[profile_id].append(slug)
        area_ids[profile_id].append(area_id)
    loads = peer_loads(extra=extra_load)
    records = []
    areas = {}
    for (
        pk,
        peer_id,
        capacity,
        accepting,
        languages,
        gender,
        age_band,
        availability,
        formats,
        user_tz,
        user_language,
        org_tz,
        org_language,
    ) in found:
        records.append(
            {
                "id": peer_id,
                "capacity": capacity if accepting else 0,
                "current_caseload": loads[peer_id],
                "languages": [v for v in languages or [] if v] or [user_language or org_language or "en"],
                "timezone": zone_from_names(user_tz, org_tz).key,
                "gender": gender or None,
                "age_band": age_band or None,
                "experiences": slugs[pk],
                "availability": list(availability or []),
                "formats": list(formats or []),
            }
        )
        areas[peer_id] = area_ids[pk]
    return PeerRecords(records=records, areas=areas)


def participant_profiles(participant_ids: Iterable[int]) -> list[ParticipantProfile]:
    return list(
        ParticipantProfile.objects.filter(participant_id__in=list(participant_ids))
        .select_related("participant__user", "participant__organization")
        .prefetch_related("experiences", "priority_experiences")
    )


def exclusions_for(participant_ids: Iterable[int]) -> dict[int, set[int]]:
    """Peers each participant must not be proposed to (declined pairs, rematches)."""
    excluded: dict[int, set[int]] = {}
    rows = MatchExclusion.objects.filter(participant_id__in=list(participant_ids))
    for participant_id, peer_id in rows.values_list("participant_id", "peer_id"):
        excluded.setdefault(participant_id, set()).add(peer_id)
    return excluded


def peer_loads(*, extra: Iterable[int] = ()) -> Counter[int]:
    """Places taken per peer: active matches plus proposals sent and waiting for an answer
    (plus `extra` peer ids, e.g. the other proposals of a draft run). Two queries."""
    loads: Counter[int] = Counter()
    for row in (
        PeerMatch.objects.filter(status=PeerMatch.Status.ACTIVE).values("peer_id").annotate(n=Count("id"))
    ):
        loads[row["peer_id"]] += row["n"]
    for row in (
        MatchProposal.objects.filter(status=MatchProposal.Status.PENDING)
        .values("peer_id")
        .annotate(n=Count("id"))
    ):
        loads[row["peer_id"]] += row["n"]
    loads.update(extra)
    return loads


def peer_records(*, extra_load: Iterable[int] = (), with_room_only: bool = True) -> list[dict[str, Any]]:
    """Every accepting peer as an engine record; with `with_room_only`, only those with a free place."""
    records = read_peer_records(extra_load=extra_load).records
    if with_room_only:
        records = [r for r in records if r["capacity"] > r["current_caseload"]]
    return records


# One participant's suggestions -----------------------------------------------------------------


@dataclass(frozen=True)
class Suggestion:
    peer: Membership
    score: float
    reasons: list[str]
    experiences: list[str] = field(default_factory=list)
    reason_codes: list[list[Any]] = field(default_factory=list)


@dataclass(frozen=True)
class SuggestionsCard:
    """What the participant's home shows about finding a peer."""

    state: str  # "suggestions", "chosen", "asked", "none", "hidden"
    suggestions: list[Suggestion] = field(default_factory=list)
    chosen: MatchProposal | None = None

    @property
    def visible(self) -> bool:
        return self.state != "hidden"


def suggestions_for(participant: Membership, *, k: int = 3) -> list[Suggestion]:
    """The k best peers with room for this participant, with the engine's reasons, best first.

    A fixed number of queries whatever the number of peers; only the k chosen are read as
    model instances."""
    profiles = participant_profiles([participant.pk])
    if not profiles:
        return []
    excluded = exclusions_for([participant.pk]).get(participant.pk, set())
    peers = read_peer_records()
    ranked = engine.suggest(
        participant_record(profiles[0], exclude_peers=excluded),
        peers.records,
        k=k,
        weights=weights_for(participant.organization),
        codes=True,
    )
    chosen = [int(item["peer"]) for item in ranked]
    members = Membership.objects.select_related("user").in_bulk(chosen)
    labels = {
        area.pk: area.display_label
        for area in ExperienceArea.objects.filter(pk__in={a for pk in chosen for a in peers.areas[pk]})
    }
    return [
        Suggestion(
            peer=members[int(item["peer"])],
            score=item["score"],
            reasons=item["reasons"],
            experiences=[labels[a] for a in peers.areas[int(item["peer"])] if a in labels],
            reason_codes=item["reason_codes"],
        )
        for item in ranked
        if int(item["peer"]) in members
    ]


def open_proposal_for(participant: Membership) -> MatchProposal | None:
    return (
        MatchProposal.objects.filter(participant=participant, status__in=MatchProposal.OPEN)
        .select_related("peer__user")
        .first()
    )


def suggestions_card_for(participant: Membership) -> SuggestionsCard:
    """For the participant home: hidden until intake is finished or once matched; otherwise the
    three suggestions, the peer they chose (waiting for an answer), or that they asked the
    coordinator."""
    if participant.role != Role.PARTICIPANT or active_match_for(participant) is not None:
        return SuggestionsCard(state="hidden")
    finished = ParticipantProfile.objects.filter(
        participant=participant, intake_completed_at__isnull=False
    ).exists()
    if not finished:
        return SuggestionsCard(state="hidden")
    proposal = open_proposal_for(participant)
    if proposal is not None:
        return SuggestionsCard(state="chosen", chosen=proposal)
    if MatchRequest.objects.filter(
        participant=participant, kind=MatchRequest.Kind.COORDINATOR, status=MatchRequest.Status.OPEN
    ).exists():
        return SuggestionsCard(state="asked")
    suggestions = suggestions_for(participant)
    return SuggestionsCard(state="suggestions" if suggestions else "none", suggestions=suggestions)


# The coordinator's queue -----------------------------------------------------------------------


def waiting_participants() -> list[Membership]:
    """Participants with a finished intake, no active match and no open proposal, longest
    waiting first. Each carries `waiting_since` (intake finished or last match ended)."""
    active = Q(peer_matches__status=PeerMatch.Status.ACTIVE)
    proposed = MatchProposal.objects.filter(status__in=MatchProposal.OPEN).values("participant_id")
    rows: list[Membership] = list(
        Membership.objects.filter(
            role=Role.PARTICIPANT, is_active=True, profile__intake_completed_at__isnull=False
        )
        .exclude(pk__in=proposed)
        .annotate(
            active_matches=Count("peer_matches", filter=active),
            last_ended=Max("peer_matches__ended_at"),
        )
        .filter(active_matches=0)
        .select_related("user", "profile")
    )
    for row in rows:
        since: datetime = row.profile.intake_completed_at  # type: ignore[attr-defined,assignment]
        ended = row.last_ended  # type: ignore[attr-defined]
        row.waiting_since = max(since, ended) if ended else since  # type: ignore[attr-defined]
    rows.sort(key=lambda m: m.waiting_since)  # type: ignore[attr-defined]
    return rows


def matching_input(
    participants: list[Membership], *, current_peers: dict[int, int] | None = None
) -> dict[str, Any]:
    """The engine's whole input for a batch run over `participants` and every peer with room."""
    profiles = participant_profiles(m.pk for m in participants)
    excluded = exclusions_for(p.participant_id for p in profiles)
    current_peers = current_peers or {}
    order = {m.pk: i for i, m in enumerate(participants)}
    profiles.sort(key=lambda p: order[p.participant_id])
    return {
        "participants": [
            participant_record(
                p,
                exclude_peers=excluded.get(p.participant_id, set()),
                current_peer=current_peers.get(p.participant_id),
            )
            for p in profiles
        ],
        "peers": peer_records(),
    }


@dataclass(frozen=True)
class PeerLoadRow:
    peer: Membership
    profile: PeerProfile | None
    active: int
    pending: int

    @property
    def capacity(self) -> int | None:
        return self.profile.capacity if self.profile else None

    @property
    def over_capacity(self) -> bool:
        return self.capacity is not None and self.active + self.pending > self.capacity


@dataclass(frozen=True)
class CaseloadOverview:
    peers: list[PeerLoadRow]
    waiting: list[Membership]
    pending: list[MatchProposal]
    requests: list[MatchRequest]
    draft_run: MatchRun | None
    declined: list[MatchProposal] = field(default_factory=list)

    @property
    def waiting_ids(self) -> set[int]:
        return {m.pk for m in self.waiting}


RECENT_DECLINES_DAYS = 30


def caseload_overview() -> CaseloadOverview:
    """Supervisors and admins only (the caller checks the role): each peer's load against
    capacity, who is waiting and since when, proposals waiting for a peer, open requests
    including their private reasons, and the last 30 days' declines with the peer's reason (so
    a supervisor can follow up). A fixed number of queries."""
    loads_active: Counter[int] = Counter()
    for row in (
        PeerMatch.objects.filter(status=PeerMatch.Status.ACTIVE).values("peer_id").annotate(n=Count("id"))
    ):
        loads_active[row["peer_id"]] = row["n"]
    pending = list(
        MatchProposal.objects.filter(status=MatchProposal.Status.PENDING)
        .select_related("participant__user", "peer__user")
        .order_by("sent_at")
    )
    pending_by_peer = Counter(p.peer_id for p in pending)
    profiles = {p.peer_id: p for p in PeerProfile.objects.all()}
    peers = list(
        Membership.objects.filter(role=Role.PEER, is_active=True)
        .select_related("user")
        .order_by("user__username")
    )
    return CaseloadOverview(
        peers=[
            PeerLoadRow(
                peer=p, profile=profiles.get(p.pk), active=loads_active[p.pk], pending=pending_by_peer[p.pk]
            )
            for p in peers
        ],
        waiting=waiting_participants(),
        pending=pending,
        requests=list(
            MatchRequest.objects.filter(status=MatchRequest.Status.OPEN)
            .select_related("participant__user", "requested_by__user", "match__peer__user")
            .order_by("created_at")
        ),
        draft_run=MatchRun.objects.filter(status=MatchRun.Status.DRAFT).first(),
        declined=list(
            MatchProposal.objects.filter(
                status=MatchProposal.Status.DECLINED,
                decided_at__gte=timezone.now() - timedelta(days=RECENT_DECLINES_DAYS),
            )
            .select_related("participant__user", "peer__user")
            .order_by("-decided_at")
        ),
    )


@dataclass(frozen=True)
class SupervisorCard:
    waiting: int
    pending: int
    requests: int
    draft_run: MatchRun | None


def supervisor_card_for(viewer: Membership) -> SupervisorCard | None:
    """Counts for the supervisor's and admin's home card (four small queries); None for others."""
    if viewer.role not in (Role.SUPERVISOR, Role.ADMIN):
        return None
    return SupervisorCard(
        waiting=len(waiting_participants()),
        pending=MatchProposal.objects.filter(status=MatchProposal.Status.PENDING).count(),
        requests=MatchRequest.objects.filter(status=MatchRequest.Status.OPEN).count(),
        draft_run=MatchRun.objects.filter(status=MatchRun.Status.DRAFT).first(),
    )


# Runs and proposals ----------------------------------------------------------------------------


def run_for(run_id: int) -> MatchRun:
    run = MatchRun.objects.filter(pk=run_id).first()
    if run is None:
        raise Http404
    return run


def run_proposals(run: MatchRun) -> list[MatchProposal]:
    return list(
        run.proposals.exclude(status=MatchProposal.Status.REMOVED)
        .select_related("participant__user", "peer__user")
        .order_by("pk")
    )


def unassigned_of(run: MatchRun) -> list[tuple[Membership, str]]:
    ids = [row["participant"] for row in run.unassigned]
    people = Membership.objects.filter(pk__in=ids).select_related("user").in_bulk()
    return [
        (people[row["participant"]], engine.unassigned_text(row["reason"]))
        for row in run.unassigned
        if row["participant"] in people
    ]


def proposal_for(proposal_id: int) -> MatchProposal:
    proposal = (
        MatchProposal.objects.filter(pk=proposal_id)
        .select_related("participant__user", "peer__user", "run")
        .first()
    )
    if proposal is None:
        raise Http404
    return proposal


def proposal_for_peer(*, peer: Membership, proposal_id: int) -> MatchProposal:
    """A proposal addressed to this peer, or 404 (also for someone else's)."""
    proposal = (
        MatchProposal.objects.filter(pk=proposal_id, peer=peer, status=MatchProposal.Status.PENDING)
        .select_related("participant__user")
        .first()
    )
    if proposal is None:
        raise Http404
    return proposal


def proposals_for_peer(peer: Membership) -> list[MatchProposal]:
    return list(
        MatchProposal.objects.filter(peer=peer, status=MatchProposal.Status.PENDING)
        .select_related("participant__user")
        .order_by("sent_at")
    )


@dataclass(frozen=True)
class Candidate:
    peer: Membership
    score: float
    reasons: list[str]
    reason_codes: list[list[Any]] = field(default_factory=list)


def candidates_for(proposal: MatchProposal) -> list[Candidate]:
    """Peers compatible with the proposal's participant (engine.score is not None), counting
    the run's other proposals against their room, best first."""
    extra: list[int] = []
    if proposal.run_id is not None:
        extra = list(
            MatchProposal.objects.filter(run_id=proposal.run_id, status=MatchProposal.Status.DRAFT)
            .exclude(pk=proposal.pk)
            .values_list("peer_id", flat=True)
        )
    profiles = participant_profiles([proposal.participant_id])
    if not profiles:
        return []
    excluded = exclusions_for([proposal.participant_id]).get(proposal.participant_id, set())
    person = engine.read_participant(participant_record(profiles[0], exclude_peers=excluded))
    weights = weights_for(proposal.participant.organization)
    scored = []
    for record in read_peer_records(extra_load=extra).records:
        peer = engine.read_peer(record)
        points = engine.score(person, peer, weights)
        if points is not None:
            scored.append((points, peer))
    members = Membership.objects.select_related("user").in_bulk([int(peer.id) for _, peer in scored])
    found = [
        Candidate(
            peer=members[int(peer.id)],
            score=points,
            reasons=engine.explain(person, peer),
            reason_codes=engine.explain_codes(person, peer),
        )
        for points, peer in scored
    ]
    found.sort(key=lambda c: -c.score)
    return found


def match_for_rematch(*, viewer: Membership, match_id: int | None = None) -> PeerMatch:
    """The active match a participant (their own) or a peer (one of theirs) may ask to change."""
    matches = PeerMatch.objects.filter(status=PeerMatch.Status.ACTIVE).select_related(
        "participant__user", "peer__user"
    )
    if viewer.role == Role.PARTICIPANT:
        match = matches.filter(participant=viewer).first()
    elif viewer.role == Role.PEER and match_id is not None:
        match = matches.filter(peer=viewer, pk=match_id).first()
    else:
        match = None
    if match is None:
        raise Http404
    return match


def request_for(request_id: int) -> MatchRequest:
    found = MatchRequest.objects.filter(pk=request_id).select_related("participant", "match").first()
    if found is None:
        raise Http404
    return found


def peer_profile_of(peer: Membership) -> PeerProfile | None:
    return PeerProfile.objects.filter(peer=peer).prefetch_related("experiences").first()
