"""One matching run for a whole organisation: input records in, proposed matches with reasons out."""

from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Iterator, Mapping
from typing import Any

import numpy as np

from alongside.matching.engine.encoding import Encoding, encode
from alongside.matching.engine.model import Problem, read_problem
from alongside.matching.engine.reasons import say
from alongside.matching.engine.scoring import DEFAULT_WEIGHTS, match_reasons, reason_codes
from alongside.matching.engine.solver import Outcome, Tuning, optimize
from alongside.matching.engine.weights import UnitWeights, Weights, to_points


def solve(
    data: Mapping[str, Any] | Problem, weights: Weights | None = None, *, codes: bool = False
) -> dict[str, Any]:
    """Proposes peer supporters for everyone in `data` (the JSON input format, or a read Problem).

    The proposal matches as many participants as the hard rules and remaining capacities allow, and
    among those assignments has the highest total score; this is proved, not approximated.
    Returns ``{"assignments": [{"participant", "peer", "score", "reasons"}], "unassigned":
    [{"participant", "reason"}], "matched": n, "total_score": x}`` with participants in input
    order. Raises MatchingInputError, naming the record, when the input is malformed. With `codes`,
    assignments also carry "reason_codes" and the unassigned a "reason_code" (a message id), for
    an application that stores them and explains them later in its reader's language.
    """
    return solve_with_details(data, weights, codes=codes)[0]


def solve_with_details(
    data: Mapping[str, Any] | Problem,
    weights: Weights | None = None,
    tuning: Tuning | None = None,
    *,
    codes: bool = False,
) -> tuple[dict[str, Any], Outcome]:
    """Like `solve`, also returning the solver's outcome (rounds, candidate pairs, timings)."""
    units = UnitWeights.from_weights(weights or DEFAULT_WEIGHTS)
    with _no_cyclic_gc():
        clock = time.perf_counter()
        problem = data if isinstance(data, Problem) else read_problem(data)
        read = time.perf_counter()
        enc = encode(problem, units)
        encoded = time.perf_counter()
        outcome = optimize(enc, tuning)
        optimised = time.perf_counter()
        result = report(enc, outcome, codes=codes)
        done = time.perf_counter()
    outcome.seconds = {
        "read": read - clock,
        "encode": encoded - read,
        **outcome.seconds,
        "reasons": done - optimised,
    }
    return result, outcome


@contextlib.contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pauses the cyclic garbage collector.

    A run allocates millions of small objects and no reference cycles; left on, the collector
    walks all of them again and again, which costs about as much as reading the input.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def report(enc: Encoding, outcome: Outcome, *, codes: bool = False) -> dict[str, Any]:
    """The output document for an optimum: assignments with reasons, and the unassigned with why."""
    peers = enc.problem.peers
    assignments: list[dict[str, Any]] = []
    unassigned: list[dict[str, Any]] = []
    by_group: dict[int, str] = {}
    for i, participant in enumerate(enc.problem.participants):
        j = int(outcome.peer_of[i])
        if j >= 0:
            assignments.append(
                {
                    "participant": participant.id,
                    "peer": peers[j].id,
                    "score": to_points(int(outcome.units_of[i])),
                    "reasons": match_reasons(participant, peers[j]),
                }
            )
            if codes:
                assignments[-1]["reason_codes"] = reason_codes(participant, peers[j])
            continue
        if i in enc.excluded:
            message_id = _unassigned_message(enc, i)
        else:
            # Without a do-not-match list the answer is the same for the whole group.
            group = int(enc.group_of[i])
            if group not in by_group:
                by_group[group] = _unassigned_message(enc, i)
            message_id = by_group[group]
        entry = {"participant": participant.id, "reason": say(message_id)}
        if codes:
            entry["reason_code"] = message_id
        unassigned.append(entry)
    return {
        "assignments": assignments,
        "unassigned": unassigned,
        "matched": len(assignments),
        "total_score": to_points(outcome.total_units),
    }


def _unassigned_message(enc: Encoding, i: int) -> str:
    """Same order of checks as scoring.unassigned_reason, from the group's precomputed peer sets."""
    group = enc.groups[enc.group_of[i]]
    participant = enc.problem.participants[i]
    excluded = enc.excluded.get(i, np.zeros(0, dtype=np.int64))
    if group.language_cols == 0:
        return "unassigned.no_language"
    if participant.peer_gender is not None and group.gender_cols == 0:
        return "unassigned.no_gender"
    if len(group.fitting_cols) - int(np.isin(excluded, group.fitting_cols).sum()) == 0:
        return "unassigned.all_excluded"
    if len(group.cols) - int(np.isin(excluded, group.cols).sum()) == 0:
        return "unassigned.gender_full" if participant.peer_gender is not None else "unassigned.all_full"
    return "unassigned.taken"
