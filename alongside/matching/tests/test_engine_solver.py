"""Batch matching: hypothesis properties against independent max-flow and linear-programming checks."""

from __future__ import annotations

from collections import deque
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog
from scipy.sparse import coo_matrix

from alongside.matching.engine import Weights, read_problem, score, solve, solve_with_details
from alongside.matching.engine.encoding import encode
from alongside.matching.engine.model import Problem
from alongside.matching.engine.scoring import pair_units, unassigned_reason
from alongside.matching.engine.solver import _TAME, Outcome, Tuning, optimize
from alongside.matching.engine.weights import UnitWeights

LANGUAGES = ["en", "es", "vi"]
EXPERIENCES = ["alcohol", "opioids", "grief", "trauma", "parenting", "veteran"]
SLOTS = [
    "mon-evening",
    "tue-evening",
    "wed-morning",
    "sat-morning",
    "sat-afternoon",
    "sun-night",
    "fri-evening",
]
ZONES = ["America/New_York", "America/Chicago", "America/Los_Angeles", "Asia/Kolkata"]
FORMATS = ["chat", "phone", "video", "in_person"]
GENDERS = ["woman", "man", "non-binary"]
BANDS = ["18-24", "25-34", "35-44", "45-54"]

# Sparse candidate graphs far smaller than any sensible setting, so that the dual check and the
# rounds of added pairs do the real work even on tiny instances.
STINGY = Tuning(
    dense_pairs=0,
    candidates_per_participant=1,
    peer_candidates_factor=0,
    peer_candidates_extra=1,
    violations_per_participant=1,
    violations_per_peer=1,
    price_sample_above=10**9,
    workers=1,
)
STINGY_SAMPLED = Tuning(
    dense_pairs=0,
    candidates_per_participant=1,
    peer_candidates_factor=0.5,
    peer_candidates_extra=0,
    violations_per_participant=2,
    price_sample_above=12,
    price_sample_fraction=0.5,
    price_sample_rounds=1,
    workers=2,
)


def subset(draw: Any, items: list[str], most: int) -> list[str]:
    if not items:
        return []
    return draw(st.lists(st.sampled_from(items), max_size=most, unique=True))


@st.composite
def instances(draw: Any, max_peers: int = 8, max_participants: int = 20) -> dict[str, Any]:
    n_peers = draw(st.integers(0, max_peers))
    peer_ids: list[Any] = [draw(st.sampled_from([j, f"peer-{j}"])) for j in range(n_peers)]
    peers = []
    for pid in peer_ids:
        capacity = draw(st.integers(0, 4))
        peers.append(
            {
                "id": pid,
                "capacity": capacity,
                "current_caseload": draw(st.integers(0, capacity + 1)),
                "languages": draw(st.lists(st.sampled_from(LANGUAGES), min_size=1, max_size=2, unique=True)),
                "gender": draw(st.sampled_from(GENDERS)),
                "age_band": draw(st.sampled_from(BANDS)),
                "experiences": subset(draw, EXPERIENCES, 4),
                "availability": subset(draw, SLOTS, 4),
                "formats": subset(draw, FORMATS, 3),
                "timezone": draw(st.sampled_from(ZONES)),
            }
        )
    participants = []
    for i in range(draw(st.integers(0, max_participants))):
        experiences = subset(draw, EXPERIENCES, 4)
        participants.append(
            {
                "id": draw(st.sampled_from([f"p{i}", i])),
                "languages": draw(st.lists(st.sampled_from(LANGUAGES), min_size=0, max_size=2, unique=True)),
                "experiences": experiences,
                "priority_experiences": experiences[: draw(st.integers(0, min(2, len(experiences))))],
                "peer_gender": draw(st.sampled_from([None, None, *GENDERS])),
                "peer_age_bands": subset(draw, BANDS, 2),
                "availability": subset(draw, SLOTS, 4),
                "formats": subset(draw, FORMATS, 3),
                "timezone": draw(st.sampled_from(ZONES)),
                "exclude_peers": subset(draw, [str(p) for p in peer_ids], 2),
                "current_peer": draw(st.sampled_from([None, *peer_ids])) if peer_ids else None,
            }
        )
    return {"peers": peers, "participants": participants}


# Independent references ---------------------------------------------------------------------------------


def pair_table(problem: Problem, units: UnitWeights) -> dict[tuple[int, int], int]:
    """Every feasible pair with its score in units, from the single-pair reference definition."""
    table = {}
    for i, person in enumerate(problem.participants):
        for j, supporter in enumerate(problem.peers):
            found = pair_units(person, supporter, units)
            if found is not None:
                table[(i, j)] = found
    return table


def max_matching_size(problem: Problem, pairs: dict[tuple[int, int], int]) -> int:
    """Maximum number of matches by breadth-first augmenting paths (Edmonds-Karp on unit arcs)."""
    n, m = len(problem.participants), len(problem.peers)
    source, sink = n + m, n + m + 1
    capacity: dict[tuple[int, int], int] = {}
    neighbours: dict[int, set[int]] = {v: set() for v in range(n + m + 2)}

    def arc(a: int, b: int, c: int) -> None:
        capacity[(a, b)] = capacity.get((a, b), 0) + c
        capacity.setdefault((b, a), 0)
        neighbours[a].add(b)
        neighbours[b].add(a)

    for i in range(n):
        arc(source, i, 1)
    for i, j in pairs:
        arc(i, n + j, 1)
    for j, supporter in enumerate(problem.peers):
        arc(n + j, sink, max(supporter.remaining, 0))
    flow = 0
    while True:
        parent = {source: source}
        queue = deque([source])
        while queue and sink not in parent:
            a = queue.popleft()
            for b in neighbours[a]:
                if b not in parent and capacity[(a, b)] > 0:
                    parent[b] = a
                    queue.append(b)
        if sink not in parent:
            return flow
        b = sink
        while b != source:
            a = parent[b]
            capacity[(a, b)] -= 1
            capacity[(b, a)] += 1
            b = a
        flow += 1


def lp_optimum(problem: Problem, pairs: dict[tuple[int, int], int]) -> tuple[int, int]:
    """(most matches, best total score among those) from two linear programmes solved by HiGHS.

    The constraint matrix is totally unimodular, so the LP optima are the integer optima.
    """
    if not pairs:
        return 0, 0
    keys = list(pairs)
    n, m = len(problem.participants), len(problem.peers)
    rows = [i for i, _ in keys] + [n + j for _, j in keys]
    cols = list(range(len(keys))) * 2
    a_ub = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(n + m, len(keys))).tocsr()
    b_ub = np.array([1] * n + [max(p.remaining, 0) for p in problem.peers], dtype=float)
    bounds = (0, 1)
    first = linprog(-np.ones(len(keys)), A_ub=a_ub, b_ub=b_ub, bounds=bounds, method="highs")
    most = round(-first.fun)
    scores = np.array([pairs[k] for k in keys], dtype=float)
    second = linprog(
        -scores,
        A_ub=a_ub,
        b_ub=b_ub,
        A_eq=np.ones((1, len(keys))),
        b_eq=[most],
        bounds=bounds,
        method="highs",
    )
    return most, round(-second.fun)


def check_outcome(problem: Problem, outcome: Outcome, units: UnitWeights) -> None:
    """Capacities, hard rules, optimal size and optimal total score."""
    pairs = pair_table(problem, units)
    load = np.zeros(len(problem.peers), dtype=int)
    total = 0
    for i, j in enumerate(outcome.peer_of.tolist()):
        if j < 0:
            continue
        assert (i, j) in pairs, "a hard rule is broken"
        assert outcome.units_of[i] == pairs[(i, j)], "reported score differs from the reference score"
        load[j] += 1
        total += pairs[(i, j)]
    for j, supporter in enumerate(problem.peers):
        assert load[j] <= max(supporter.remaining, 0), "capacity exceeded"
    assert outcome.matched == max_matching_size(problem, pairs)
    assert (outcome.matched, total) == lp_optimum(problem, pairs)


FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(instances())
def test_default_solver_is_optimal(data: dict[str, Any]) -> None:
    problem = read_problem(data)
    units = UnitWeights.from_weights(Weights())
    check_outcome(problem, optimize(encode(problem, units)), units)


@FAST
@given(instances())
def test_sparse_solver_with_dual_checks_is_optimal(data: dict[str, Any]) -> None:
    problem = read_problem(data)
    units = UnitWeights.from_weights(Weights())
    check_outcome(problem, optimize(encode(problem, units), STINGY), units)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(max_peers=10, max_participants=40))
def test_sparse_solver_with_sampled_prices_and_threads_is_optimal(data: dict[str, Any]) -> None:
    problem = read_problem(data)
    units = UnitWeights.from_weights(Weights(continuity=7, shared_format=0.35))
    check_outcome(problem, optimize(encode(problem, units), STINGY_SAMPLED), units)


@settings(max_examples=40, deadline=None)
@given(instances())
def test_batch_scores_equal_single_pair_scores(data: dict[str, Any]) -> None:
    problem = read_problem(data)
    units = UnitWeights.from_weights(Weights())
    enc = encode(problem, units)
    pairs = pair_table(problem, units)
    if not pairs:
        return
    rows = np.array([i for i, _ in pairs])
    cols = np.array([j for _, j in pairs])
    bulk = enc.pair_scores(rows, cols) + units.continuity * (enc.current[rows] == cols)
    assert bulk.tolist() == list(pairs.values())


@settings(max_examples=40, deadline=None)
@given(instances())
def test_output_document(data: dict[str, Any]) -> None:
    result = solve(data)
    problem = read_problem(data)
    by_id = {p.key: p for p in problem.participants}
    peers_by_id = {p.key: p for p in problem.peers}
    ids = [a["participant"] for a in result["assignments"]] + [u["participant"] for u in result["unassigned"]]
    assert sorted(map(str, ids)) == sorted(p.key for p in problem.participants)
    assert result["matched"] == len(result["assignments"])
    assert result["total_score"] == pytest.approx(sum(a["score"] for a in result["assignments"]))
    raw_ids = {str(r["id"]): r["id"] for r in data["participants"]}
    for assignment in result["assignments"]:
        assert assignment["participant"] == raw_ids[str(assignment["participant"])]  # ids kept as given
        person, supporter = by_id[str(assignment["participant"])], peers_by_id[str(assignment["peer"])]
        assert assignment["score"] == score(person, supporter)
        assert assignment["reasons"], "every proposal explains itself"
    for entry in result["unassigned"]:
        person = by_id[str(entry["participant"])]
        assert entry["reason"] == unassigned_reason(person, problem.peers)


# Specific situations ---------------------------------------------------------------------------------------


def peer(pid: Any, **fields: Any) -> dict[str, Any]:
    return {"id": pid, "capacity": 1, "languages": ["en"], "timezone": "UTC", **fields}


def person(pid: Any, **fields: Any) -> dict[str, Any]:
    return {"id": pid, "languages": ["en"], "timezone": "UTC", **fields}


def test_optimum_beats_best_pair_first() -> None:
    # Greedy would give the strongest pair (a, x) first and leave b with nobody.
    data = {
        "peers": [peer("x", experiences=["grief", "trauma"]), peer("y", experiences=["grief"])],
        "participants": [
            person("a", experiences=["grief", "trauma"]),
            person("b", experiences=["grief", "trauma"], peer_gender="woman"),
        ],
    }
    data["peers"][0]["gender"] = "woman"
    result = solve(data)
    assert result["matched"] == 2
    assert {(a["participant"], a["peer"]) for a in result["assignments"]} == {("a", "y"), ("b", "x")}


def test_current_peer_is_kept_when_otherwise_tied() -> None:
    data = {
        "peers": [peer("x"), peer("y"), peer("z")],
        "participants": [person("a", current_peer="y")],
    }
    result = solve(data)
    assert result["assignments"][0]["peer"] == "y"
    assert result["assignments"][0]["reasons"][0] == "continuing with your current peer"


def test_unassigned_reasons_tell_the_true_reason() -> None:
    data = {
        "peers": [
            peer("w", gender="woman", capacity=2, current_caseload=2),
            peer("m", gender="man", capacity=1),
            peer("es", languages=["es"], gender="woman", capacity=1),
        ],
        "participants": [
            person("vi-only", languages=["vi"]),
            person("wants-non-binary", peer_gender="non-binary"),
            person("wants-woman", peer_gender="woman"),
            person("first", experiences=["grief"]),
            person("second"),
            person("excludes-all", exclude_peers=["w", "m"]),
        ],
    }
    data["peers"][1]["experiences"] = ["grief"]
    reasons = {u["participant"]: u["reason"] for u in solve(data)["unassigned"]}
    assert reasons == {
        "vi-only": "no peer shares a language",
        "wants-non-binary": "no peer of the requested gender shares a language",
        "wants-woman": "no peer of the requested gender has room",
        "second": "the free places with compatible peers all went to other participants",
        "excludes-all": "every peer who fits is on the list of people not to be matched with",
    }


def test_every_compatible_peer_full() -> None:
    data = {"peers": [peer("x", capacity=3, current_caseload=3)], "participants": [person("a")]}
    assert solve(data)["unassigned"] == [{"participant": "a", "reason": "every compatible peer is full"}]


def test_ids_are_kept_as_given() -> None:
    data = {"peers": [peer(7)], "participants": [person(3, exclude_peers=[8])]}
    result = solve(data)
    assert result["assignments"][0]["participant"] == 3
    assert result["assignments"][0]["peer"] == 7


def test_empty_inputs() -> None:
    assert solve({"peers": [], "participants": []}) == {
        "assignments": [],
        "unassigned": [],
        "matched": 0,
        "total_score": 0.0,
    }
    assert solve({"peers": [], "participants": [person("a")]})["unassigned"][0]["reason"] == (
        "no peer shares a language"
    )


def test_large_instance_uses_framed_float32_check_and_stays_optimal() -> None:
    # Enough people that M exceeds 2**24, so the check computes most reduced costs in float32 frames.
    rng = np.random.default_rng(5)
    peers = [
        {
            "id": j,
            "capacity": int(rng.integers(2, 14)),
            "languages": ["en"] if rng.random() < 0.8 else ["es"],
            "gender": GENDERS[int(rng.integers(0, 3))],
            "experiences": [e for e in EXPERIENCES if rng.random() < 0.4],
            "availability": [s for s in SLOTS if rng.random() < 0.5],
            "formats": [f for f in FORMATS if rng.random() < 0.5],
            "timezone": ZONES[int(rng.integers(0, 4))],
        }
        for j in range(40)
    ]
    participants = [
        {
            "id": f"p{i}",
            "languages": ["en"] if rng.random() < 0.85 else ["es", "en"],
            "experiences": [e for e in EXPERIENCES if rng.random() < 0.4],
            "peer_gender": None if rng.random() < 0.7 else "woman",
            "availability": [s for s in SLOTS if rng.random() < 0.5],
            "formats": [f for f in FORMATS if rng.random() < 0.5],
            "timezone": ZONES[int(rng.integers(0, 4))],
            "current_peer": int(rng.integers(0, 40)) if rng.random() < 0.1 else None,
            "exclude_peers": [int(rng.integers(0, 40))] if rng.random() < 0.1 else [],
        }
        for i in range(400)
    ]
    problem = read_problem({"peers": peers, "participants": participants})
    units = UnitWeights.from_weights(Weights())
    enc = encode(problem, units)
    stingy = optimize(enc, STINGY)
    assert stingy.big_m > 4 * _TAME
    assert stingy.rounds > 1, "the dual check should have had work to do"
    check_outcome(problem, stingy, units)
    sampled = optimize(enc, Tuning(dense_pairs=0, price_sample_above=100, workers=2))
    assert (sampled.matched, sampled.total_units) == (stingy.matched, stingy.total_units)


def test_same_input_same_answer() -> None:
    data = {
        "peers": [peer(j, capacity=2, experiences=["grief"]) for j in range(5)],
        "participants": [person(i, experiences=["grief"]) for i in range(12)],
    }
    first, _ = solve_with_details(data, tuning=STINGY)
    again, _ = solve_with_details(data, tuning=STINGY)
    assert first == again
