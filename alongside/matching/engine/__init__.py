"""The peer-matching engine: who could walk alongside whom, how well, and why.

Pure Python with numpy and OR-Tools; it knows nothing about Django or the database. Callers
hand it plain dicts in the JSON exchange format (see `model`) and get plain dicts back.

* `score(participant, peer)` - points for one pair, or None when a hard rule rules it out.
* `suggest(participant, peers, k=3)` - the k best compatible peers with reasons.
* `solve(data)` - the proven best batch assignment (most people matched, then best total score).
* `explain(participant, peer)` - the plain-English reasons for one pair.
* `explain_codes(participant, peer)` / `render_reasons(codes)` - the same reasons as JSON data to
  store, and that data in words, in the active language (see `reasons.use_translations`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from alongside.matching.engine.batch import solve, solve_with_details
from alongside.matching.engine.model import (
    MatchingInputError,
    Participant,
    Peer,
    Problem,
    read_participant,
    read_peer,
    read_problem,
)
from alongside.matching.engine.reasons import is_message, say, use_translations
from alongside.matching.engine.scoring import match_reasons, reason_codes, render_reasons, score, suggest
from alongside.matching.engine.weights import Weights


def explain(participant: Mapping[str, Any] | Participant, peer: Mapping[str, Any] | Peer) -> list[str]:
    """Plain-English reasons why `peer` suits `participant` (whether or not the hard rules pass)."""
    person = participant if isinstance(participant, Participant) else read_participant(participant)
    supporter = peer if isinstance(peer, Peer) else read_peer(peer)
    return match_reasons(person, supporter)


def explain_codes(
    participant: Mapping[str, Any] | Participant, peer: Mapping[str, Any] | Peer
) -> list[list[Any]]:
    """The reasons of `explain` as JSON data, to store and render later with `render_reasons`."""
    person = participant if isinstance(participant, Participant) else read_participant(participant)
    supporter = peer if isinstance(peer, Peer) else read_peer(peer)
    return reason_codes(person, supporter)


def unassigned_text(reason: str) -> str:
    """An unassigned participant's reason for display: a message id from `solve(codes=True)` in
    the active language (older stored text passes through)."""
    return say(reason) if is_message(reason) else reason


__all__ = [
    "MatchingInputError",
    "Participant",
    "Peer",
    "Problem",
    "Weights",
    "explain",
    "explain_codes",
    "read_participant",
    "read_peer",
    "read_problem",
    "render_reasons",
    "score",
    "solve",
    "solve_with_details",
    "suggest",
    "unassigned_text",
    "use_translations",
]
