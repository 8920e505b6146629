"""Matching pages: what each person sees and what their clicks do."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django_scopes import scope

from alongside.accounts.models import Organization
from alongside.core.roles import Role
from alongside.matching import services
from alongside.matching.models import MatchProposal, MatchRequest, PeerMatch
from alongside.matching.tests.factories import finished_intake, peer_profile
from conftest import Persona, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def bea(harbor: Organization, pat: Persona, riley: Persona) -> Persona:
    person = make_person("bea", harbor, Role.PARTICIPANT)
    with scope(organization=harbor):
        finished_intake(person.membership)  # type: ignore[arg-type]
        peer_profile(pat.membership)  # type: ignore[arg-type]
        peer_profile(riley.membership)  # type: ignore[arg-type]
    return person


def test_a_participant_who_finished_intake_sees_suggestions_with_reasons(bea: Persona) -> None:
    page = bea.client().get(reverse("matching_suggestions")).content.decode()
    assert "Choose Pat" in page and "Choose Riley" in page
    assert "you both have lived experience of opioid recovery" in page


def test_a_participant_picks_a_peer_and_is_told_they_were_asked(bea: Persona, riley: Persona) -> None:
    response = bea.client().post(reverse("matching_choose"), {"peer": riley.membership.pk}, follow=True)  # type: ignore[union-attr]
    assert "We&#x27;ve asked Riley" in response.content.decode()
    with scope(organization=bea.organization):
        assert MatchProposal.objects.get().peer == riley.membership


def test_a_matched_participant_sees_no_suggestions(alex: Persona, pat: Persona) -> None:
    page = alex.client().get(reverse("matching_suggestions")).content.decode()
    assert "Choose Pat" not in page


def test_the_supervisor_runs_matching_and_sees_reasons(bea: Persona, sam: Persona) -> None:
    client = sam.client()
    response = client.post(reverse("matching_run_start"), follow=True)
    page = response.content.decode()
    assert "Bea with Pat" in page
    assert "opioid recovery" in page


def test_the_peer_declines_with_a_private_reason(bea: Persona, pat: Persona, sam: Persona) -> None:
    with scope(organization=bea.organization):
        run = services.match_run_start(actor=sam.membership)  # type: ignore[arg-type]
        services.match_run_approve(actor=sam.membership, run=run)  # type: ignore[arg-type]
        proposal = run.proposals.get()
    page = pat.client().get(reverse("matching_peer_proposals")).content.decode()
    assert "Accept Bea" in page
    pat.client().post(reverse("matching_proposal_decline", args=[proposal.pk]), {"reason": "Full this month"})
    with scope(organization=bea.organization):
        proposal.refresh_from_db()
        assert proposal.status == MatchProposal.Status.DECLINED
        assert proposal.decline_reason == "Full this month"
    caseload = sam.client().get(reverse("matching_caseload")).content.decode()
    assert "Pat Moreno declined Bea" in caseload or "declined Bea" in caseload
    assert "Full this month" in caseload
    assert "back in the queue" in caseload
    assert "Full this month" not in bea.client().get(reverse("home")).content.decode()


def test_a_peer_cannot_answer_another_peers_proposal(bea: Persona, riley: Persona, pat: Persona) -> None:
    with scope(organization=bea.organization):
        proposal = services.proposal_choose(participant=bea.membership, peer_id=pat.membership.pk)  # type: ignore[arg-type]
    response = riley.client().post(reverse("matching_proposal_accept", args=[proposal.pk]))
    assert response.status_code == 404
    with scope(organization=bea.organization):
        assert not PeerMatch.objects.filter(participant=bea.membership).exists()


def test_the_rematch_reason_shows_to_the_supervisor_not_to_the_peer(
    alex: Persona, pat: Persona, sam: Persona
) -> None:
    alex.client().post(reverse("matching_rematch"), {"reason": "I'd like someone closer to my age"})
    assert "closer to my age" in sam.client().get(reverse("matching_caseload")).content.decode()
    assert "closer to my age" not in pat.client().get(reverse("home")).content.decode()
    assert "closer to my age" not in pat.client().get(reverse("matching_peer_proposals")).content.decode()
    with scope(organization=alex.organization):
        assert MatchRequest.objects.get().kind == MatchRequest.Kind.REMATCH


def test_a_peer_edits_their_own_profile(pat: Persona) -> None:
    response = pat.client().post(
        reverse("matching_peer_profile"),
        {"capacity": "6", "accepting_new": "on", "languages": ["en", "es"], "availability": ["tue-evening"]},
    )
    assert response.status_code == 302
    with scope(organization=pat.organization):
        assert pat.membership.peer_profile.capacity == 6  # type: ignore[union-attr]


def test_a_capacity_over_60_is_refused_with_a_message(pat: Persona) -> None:
    response = pat.client().post(reverse("matching_peer_profile"), {"capacity": "80", "languages": ["en"]})
    assert response.status_code == 200
    assert "60" in response.content.decode()


def test_a_supervisor_sets_a_peers_capacity(pat: Persona, sam: Persona) -> None:
    response = sam.client().post(
        reverse("matching_peer_capacity", args=[pat.membership.pk]), {"capacity": "3"}
    )  # type: ignore[union-attr]
    assert response.status_code == 302
    with scope(organization=pat.organization):
        assert pat.membership.peer_profile.capacity == 3  # type: ignore[union-attr]


def test_the_caseload_page_counts_its_queries(
    bea: Persona, sam: Persona, django_assert_max_num_queries
) -> None:
    client = sam.client()
    client.get(reverse("matching_caseload"))
    with django_assert_max_num_queries(30):
        client.get(reverse("matching_caseload"))
