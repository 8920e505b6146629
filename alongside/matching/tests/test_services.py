"""Matching services: suggestions, choosing, batch runs, the peer's answer and rematches."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django_scopes import scope

from alongside.accounts.models import Organization
from alongside.core.models import AuditEvent, Notification
from alongside.core.roles import Role
from alongside.matching import selectors, services
from alongside.matching.models import (
    MatchExclusion,
    MatchProposal,
    MatchRequest,
    MatchRun,
    PeerMatch,
    PeerProfile,
)
from alongside.matching.tests.factories import finished_intake, peer_profile
from conftest import Persona, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def newcomers(harbor: Organization) -> list[Persona]:
    people = [make_person(name, harbor, Role.PARTICIPANT) for name in ("bea", "noor", "kay")]
    with scope(organization=harbor):
        for person in people:
            finished_intake(person.membership)  # type: ignore[arg-type]
    return people


@pytest.fixture
def peers(harbor: Organization, pat: Persona, riley: Persona) -> dict[str, Persona]:
    with scope(organization=harbor):
        peer_profile(pat.membership, experiences=("opioids", "parenting"))  # type: ignore[arg-type]
        peer_profile(riley.membership, experiences=("anxiety", "grief"))  # type: ignore[arg-type]
    return {"pat": pat, "riley": riley}


def test_it_suggests_up_to_three_peers_with_reasons(in_harbor: Organization, newcomers, peers) -> None:
    found = selectors.suggestions_for(newcomers[0].membership)
    assert [s.peer.user.username for s in found] == ["pat", "riley"]
    assert any("opioid" in reason for reason in found[0].reasons)


def test_it_leaves_out_peers_who_are_full_or_not_accepting(
    in_harbor: Organization, newcomers, peers, riley: Persona
) -> None:
    peer_profile(peers["pat"].membership, capacity=1)  # pat already walks with alex
    peer_profile(riley.membership, accepting_new=False)
    assert selectors.suggestions_for(newcomers[0].membership) == []


def test_suggestions_take_the_same_queries_for_5_or_500_peers(harbor: Organization, newcomers) -> None:
    """Speed is measured in bench/; here, the number of queries must not grow with the peers."""

    def add_peers(first: int, last: int) -> None:
        for i in range(first, last):
            person = make_person(f"peer{i}", harbor, Role.PEER)
            peer_profile(person.membership, experiences=("opioids", "grief")[: i % 3])  # type: ignore[arg-type]

    with scope(organization=harbor):
        add_peers(0, 5)
        with CaptureQueriesContext(connection) as few:
            assert len(selectors.suggestions_for(newcomers[0].membership)) == 3
        add_peers(5, 500)
        with CaptureQueriesContext(connection) as many:
            assert len(selectors.suggestions_for(newcomers[0].membership)) == 3
    assert len(many.captured_queries) == len(few.captured_queries)


def test_choosing_a_suggested_peer_asks_that_peer(in_harbor: Organization, newcomers, peers) -> None:
    bea = newcomers[0].membership
    proposal = services.proposal_choose(participant=bea, peer_id=peers["pat"].membership.pk)
    assert proposal.kind == MatchProposal.Kind.CHOSEN
    assert proposal.status == MatchProposal.Status.PENDING
    assert Notification.objects.filter(user=peers["pat"].user, kind="match.proposed").exists()
    assert selectors.suggestions_card_for(bea).state == "chosen"


def test_choosing_a_peer_who_is_not_suggested_is_refused(
    in_harbor: Organization, newcomers, peers, sam
) -> None:
    with pytest.raises(ValidationError):
        services.proposal_choose(participant=newcomers[0].membership, peer_id=sam.membership.pk)
    assert not MatchProposal.objects.exists()


def test_asking_the_coordinator_reaches_the_supervisors_queue(
    in_harbor: Organization, newcomers, peers, sam
) -> None:
    services.coordinator_ask(participant=newcomers[0].membership)
    assert MatchRequest.objects.filter(kind=MatchRequest.Kind.COORDINATOR, status="open").count() == 1
    assert Notification.objects.filter(user=sam.user, kind="match.coordinator").exists()


def test_a_run_proposes_a_peer_for_everyone_waiting_with_reasons(
    in_harbor: Organization, newcomers, peers, sam
) -> None:
    run = services.match_run_start(actor=sam.membership)
    proposals = list(run.proposals.all())
    assert {p.participant_id for p in proposals} == {n.membership.pk for n in newcomers}
    assert all(p.reasons and p.status == MatchProposal.Status.DRAFT for p in proposals)
    assert AuditEvent.objects.filter(action="match_run.start").exists()


def test_a_run_never_touches_existing_matches(in_harbor: Organization, newcomers, peers, sam, alex) -> None:
    finished_intake(alex.membership)
    before = list(PeerMatch.objects.values_list("pk", "participant_id", "peer_id", "status"))
    run = services.match_run_start(actor=sam.membership)
    services.match_run_approve(actor=sam.membership, run=run)
    assert alex.membership.pk not in {p.participant_id for p in run.proposals.all()}
    assert list(PeerMatch.objects.values_list("pk", "participant_id", "peer_id", "status")) == before


def test_a_new_run_replaces_the_older_draft(in_harbor: Organization, newcomers, peers, sam) -> None:
    first = services.match_run_start(actor=sam.membership)
    second = services.match_run_start(actor=sam.membership)
    first.refresh_from_db()
    assert first.status == MatchRun.Status.DISCARDED
    assert second.proposals.count() == len(newcomers)


def test_the_supervisor_changes_a_proposal_to_another_compatible_peer(
    in_harbor: Organization, newcomers, peers, sam
) -> None:
    run = services.match_run_start(actor=sam.membership)
    proposal = run.proposals.first()
    other = next(c for c in selectors.candidates_for(proposal) if c.peer.pk != proposal.peer_id)
    services.proposal_change_peer(actor=sam.membership, proposal=proposal, peer_id=other.peer.pk)
    proposal.refresh_from_db()
    assert proposal.peer_id == other.peer.pk
    assert proposal.reasons_text == other.reasons


def test_changing_to_an_incompatible_peer_is_refused(in_harbor: Organization, newcomers, peers, sam) -> None:
    peer_profile(peers["riley"].membership, languages=("fr",))
    run = services.match_run_start(actor=sam.membership)
    proposal = run.proposals.first()
    with pytest.raises(ValidationError):
        services.proposal_change_peer(
            actor=sam.membership, proposal=proposal, peer_id=peers["riley"].membership.pk
        )
    proposal.refresh_from_db()
    assert proposal.peer_id == peers["pat"].membership.pk


def test_a_removed_proposal_is_not_sent(in_harbor: Organization, newcomers, peers, sam) -> None:
    run = services.match_run_start(actor=sam.membership)
    removed = run.proposals.first()
    services.proposal_remove(actor=sam.membership, proposal=removed)
    sent = services.match_run_approve(actor=sam.membership, run=run)
    assert sent == len(newcomers) - 1
    removed.refresh_from_db()
    assert removed.status == MatchProposal.Status.REMOVED
    assert removed.participant in selectors.waiting_participants()


def test_approval_asks_each_proposed_peer(in_harbor: Organization, newcomers, peers, sam) -> None:
    run = services.match_run_start(actor=sam.membership)
    services.match_run_approve(actor=sam.membership, run=run)
    asked = set(run.proposals.values_list("peer__user_id", flat=True))
    notified = set(Notification.objects.filter(kind="match.proposed").values_list("user_id", flat=True))
    assert asked <= notified
    with pytest.raises(ValidationError):
        services.match_run_approve(actor=sam.membership, run=run)


def test_accepting_starts_the_match_with_the_reasons(in_harbor: Organization, newcomers, peers, sam) -> None:
    run = services.match_run_start(actor=sam.membership)
    services.match_run_approve(actor=sam.membership, run=run)
    proposal = run.proposals.first()
    match = services.proposal_accept(peer=proposal.peer, proposal=proposal)
    assert match.status == PeerMatch.Status.ACTIVE
    assert match.reasons == proposal.reasons
    assert Notification.objects.filter(user=proposal.participant.user, kind="match.accepted").exists()


def test_accepting_above_a_lowered_capacity_is_refused_and_changes_nothing(
    in_harbor: Organization, newcomers, peers, sam
) -> None:
    run = services.match_run_start(actor=sam.membership)
    services.match_run_approve(actor=sam.membership, run=run)
    proposal = run.proposals.filter(peer=peers["pat"].membership).first()
    # pat already walks with alex; the supervisor lowers pat's capacity to one after asking.
    PeerProfile.objects.filter(peer=peers["pat"].membership).update(capacity=1)
    with pytest.raises(ValidationError, match="your capacity"):
        services.proposal_accept(peer=proposal.peer, proposal=proposal)
    proposal.refresh_from_db()
    assert proposal.status == MatchProposal.Status.PENDING
    assert not PeerMatch.objects.filter(participant=proposal.participant).exists()


def test_stored_reasons_are_read_in_each_readers_language(
    in_harbor: Organization, newcomers, peers, sam
) -> None:
    run = services.match_run_start(actor=sam.membership)
    proposal = run.proposals.filter(peer=peers["pat"].membership).first()
    assert isinstance(proposal.reasons[0], list)  # what is shared, not the words
    english = proposal.reasons_text
    with translation.override("es"):
        spanish = proposal.reasons_text
    assert any("lived experience of opioid recovery" in r for r in english)
    assert any("experiencia vivida" in r and "recuperación de opioides" in r for r in spanish)


def test_declining_returns_the_participant_to_the_queue_and_excludes_the_pair(
    in_harbor: Organization, newcomers, peers, sam
) -> None:
    run = services.match_run_start(actor=sam.membership)
    services.match_run_approve(actor=sam.membership, run=run)
    proposal = run.proposals.first()
    services.proposal_decline(peer=proposal.peer, proposal=proposal, reason="My caseload is heavy this month")
    assert proposal.participant in selectors.waiting_participants()
    assert MatchExclusion.objects.filter(participant=proposal.participant, peer=proposal.peer).exists()
    next_run = services.match_run_start(actor=sam.membership)
    again = next_run.proposals.get(participant=proposal.participant)
    assert again.peer_id != proposal.peer_id


def test_a_participant_rematch_request_reaches_supervisors_only(
    in_harbor: Organization, alex, pat, sam, morgan
) -> None:
    match = selectors.active_match_for(alex.membership)
    request = services.rematch_request(requester=alex.membership, match=match, reason="We don't click")
    assert request.reason == "We don't click"
    told = set(Notification.objects.filter(kind="match.rematch").values_list("user_id", flat=True))
    assert told == {sam.user.pk, morgan.user.pk}
    assert not Notification.objects.filter(user=pat.user).exists()


def test_ending_a_match_on_rematch_keeps_history_and_excludes_the_old_peer(
    in_harbor: Organization, alex, pat, riley, sam
) -> None:
    finished_intake(alex.membership)
    peer_profile(pat.membership)
    peer_profile(riley.membership)
    match = selectors.active_match_for(alex.membership)
    request = services.rematch_request(requester=alex.membership, match=match, exclude_peer=True)
    services.match_request_resolve(actor=sam.membership, request=request, end_match=True)
    match.refresh_from_db()
    assert match.status == PeerMatch.Status.ENDED and match.ended_at is not None
    assert alex.membership in selectors.waiting_participants()
    run = services.match_run_start(actor=sam.membership)
    assert run.proposals.get(participant=alex.membership).peer_id == riley.membership.pk


def test_keeping_the_match_leaves_it_active(in_harbor: Organization, alex, pat, sam) -> None:
    match = selectors.active_match_for(alex.membership)
    request = services.rematch_request(requester=pat.membership, match=match)
    services.match_request_resolve(actor=sam.membership, request=request, end_match=False)
    match.refresh_from_db()
    assert match.status == PeerMatch.Status.ACTIVE


def test_a_peer_sets_capacity_within_bounds(in_harbor: Organization, pat) -> None:
    with pytest.raises(ValidationError):
        services.peer_profile_save(
            actor=pat.user,
            peer=pat.membership,
            capacity=61,
            accepting_new=True,
            languages=["en"],
            gender="",
            age_band="",
            experience_ids=[],
            meeting_formats=[],
            availability=[],
        )
    profile = services.peer_profile_save(
        actor=pat.user,
        peer=pat.membership,
        capacity=5,
        accepting_new=True,
        languages=["en", "es"],
        gender="woman",
        age_band="35-44",
        experience_ids=[],
        meeting_formats=["chat"],
        availability=["tue-evening"],
    )
    assert profile.capacity == 5


def test_admins_change_weights_and_runs_use_them(in_harbor: Organization, morgan, sam) -> None:
    services.matching_settings_save(actor=morgan.membership, continuity=0.0, shared_experience=5.0)
    weights = selectors.weights_for(in_harbor)
    assert weights.continuity == 0.0 and weights.shared_experience == 5.0
    with pytest.raises(ValidationError):
        services.matching_settings_save(actor=sam.membership, continuity=1.0)
