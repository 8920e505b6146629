"""Authorization cases for the matching app's routes (collected by tests/authz.py).

The cases apply once config/urls.py mounts `alongside.matching.urls` (under "matching/"); until
then the routes do not exist and there is nothing to authorize.
"""

from __future__ import annotations

from typing import Any

from django_scopes import scope

from alongside.matching.models import MatchProposal, MatchRequest, MatchRun, PeerMatch
from conftest import Persona
from tests.authz import ApiCase, RouteCase

OVERSIGHT = ("sam", "morgan")


def _harbor(personas: dict[str, Persona]) -> Any:
    return personas["sam"].organization


def alex_match(personas: dict[str, Persona]) -> dict[str, Any]:
    with scope(organization=_harbor(personas)):
        match = PeerMatch.objects.get(participant=personas["alex"].membership, status=PeerMatch.Status.ACTIVE)
    return {"match_id": match.pk}


def draft_run(personas: dict[str, Persona]) -> MatchProposal:
    harbor = _harbor(personas)
    with scope(organization=harbor):
        run = MatchRun.objects.create(organization=harbor, created_by=personas["sam"].user)
        return MatchProposal.objects.create(
            organization=harbor,
            run=run,
            participant=personas["alex"].membership,
            peer=personas["pat"].membership,
            reasons=["you both speak English"],
        )


def a_run(personas: dict[str, Persona]) -> dict[str, Any]:
    return {"run_id": draft_run(personas).run_id}


def a_draft_proposal(personas: dict[str, Persona]) -> dict[str, Any]:
    return {"proposal_id": draft_run(personas).pk}


def a_pending_proposal(personas: dict[str, Persona]) -> dict[str, Any]:
    harbor = _harbor(personas)
    with scope(organization=harbor):
        proposal = MatchProposal.objects.create(
            organization=harbor,
            kind=MatchProposal.Kind.CHOSEN,
            participant=personas["alex"].membership,
            peer=personas["pat"].membership,
            status=MatchProposal.Status.PENDING,
        )
    return {"proposal_id": proposal.pk}


def a_request(personas: dict[str, Persona]) -> dict[str, Any]:
    harbor = _harbor(personas)
    with scope(organization=harbor):
        request = MatchRequest.objects.create(
            organization=harbor,
            kind=MatchRequest.Kind.REMATCH,
            participant=personas["alex"].membership,
            requested_by=personas["alex"].membership,
            match_id=alex_match(personas)["match_id"],
            reason="private",
        )
    return {"request_id": request.pk}


def pat_id(personas: dict[str, Persona]) -> dict[str, Any]:
    return {"peer_id": personas["pat"].membership.pk}  # type: ignore[union-attr]


ALL_ROUTES: dict[str, RouteCase] = {
    "matching_suggestions": RouteCase(allowed=("alex",)),
    "matching_choose": RouteCase(method="post", data={"peer": "0"}, allowed=("alex",), ok=(302,)),
    "matching_ask_coordinator": RouteCase(method="post", allowed=("alex",), ok=(302,)),
    "matching_rematch": RouteCase(allowed=("alex",)),
    "matching_peer_profile": RouteCase(allowed=("pat",)),
    "matching_peer_proposals": RouteCase(allowed=("pat",)),
    "matching_proposal_accept": RouteCase(
        kwargs=a_pending_proposal, method="post", allowed=("pat",), ok=(302,)
    ),
    "matching_proposal_decline": RouteCase(
        kwargs=a_pending_proposal, method="post", allowed=("pat",), ok=(302,)
    ),
    "matching_peer_rematch": RouteCase(kwargs=alex_match, allowed=("pat",)),
    "matching_caseload": RouteCase(allowed=OVERSIGHT),
    "matching_run_start": RouteCase(method="post", allowed=OVERSIGHT, ok=(302,)),
    "matching_run_detail": RouteCase(kwargs=a_run, allowed=OVERSIGHT),
    "matching_run_approve": RouteCase(kwargs=a_run, method="post", allowed=OVERSIGHT, ok=(302,)),
    "matching_proposal_change": RouteCase(kwargs=a_draft_proposal, allowed=OVERSIGHT),
    "matching_proposal_remove": RouteCase(
        kwargs=a_draft_proposal, method="post", allowed=OVERSIGHT, ok=(302,)
    ),
    "matching_request_resolve": RouteCase(
        kwargs=a_request, method="post", data={"decision": "keep"}, allowed=OVERSIGHT, ok=(302,)
    ),
    "matching_peer_capacity": RouteCase(kwargs=pat_id, allowed=OVERSIGHT),
    "matching_settings": RouteCase(allowed=("morgan",)),
}


ROUTES: dict[str, RouteCase] = ALL_ROUTES
API_ROUTES: dict[str, ApiCase] = {}
