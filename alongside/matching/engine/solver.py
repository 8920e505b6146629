"""Batch matching: the exact best assignment over every feasible pair, with a proof.

What is optimised
-----------------
Each participant gets at most one peer supporter; each peer q takes at most ``remaining(q) =
capacity - current_caseload`` new people. Among all assignments using only pairs that pass the hard
rules we want, first, as many matched participants as possible and, second, the largest total score.
Scores are whole score units (weights module), so all of the arithmetic below is exact.

The lexicographic objective as one linear programme
---------------------------------------------------
Give every feasible pair the weight ``w(p, q) = M + s(p, q)`` with ``M = K * S + 1``, where ``K =
min(#participants, sum of remaining places)`` bounds the size of any matching and ``S`` bounds every
pair score (scores are >= 0). One more match gains at least M and can cost at most ``K * S < M`` of
score, so a maximum-weight matching is a maximum-cardinality matching of largest total score. The
programme ``max sum w x`` subject to ``sum_q x(p, q) <= 1``, ``sum_p x(p, q) <= remaining(q)``,
``x >= 0`` has a totally unimodular constraint matrix, so its optimum is integral. Its dual is

    min sum_p u(p) + sum_q remaining(q) v(q)   s.t.  u(p) + v(q) >= w(p, q) for every feasible pair,
                                                      u >= 0, v >= 0.

By weak duality, a feasible assignment x and dual values (u, v) with equal objectives are both
optimal. That is the certificate this module produces for every answer.

Solving on candidate pairs
--------------------------
Large runs have hundreds of millions of feasible pairs, too many for any solver. We solve on a
candidate subset C exactly with OR-Tools' min-cost flow (source -> participant, capacity 1;
participant -> peer, capacity 1, cost -s; peer -> sink, capacity remaining):
``solve_max_flow_with_min_cost`` returns a maximum flow of minimum cost, which is exactly the
lexicographic optimum on C, without any big constant reaching OR-Tools. Costs are divided by the
greatest common divisor of the weights, which keeps them exact and small.

C holds each participant's best pair within each of a few random buckets of peers, each peer's
most interested participants, and every continuity pair. "Best" uses estimated peer prices when
the run is large: the same problem is first solved (a few rounds, no proof) on a random fifth of the
participants with each peer's room scaled to match, and its peer duals serve as prices. Prices only
steer which pairs are tried; they play no part in the proof.

Duals from the optimum on C, and the check over all pairs
---------------------------------------------------------
From the optimum x on C we build duals by complementary slackness: u(p) = 0 if p is unmatched,
v(q) = 0 if q has a free place, and u(p) + v(q(p)) = w(p, q(p)) on each matched pair. Substituting
u(p) = w(p, q(p)) - v(q(p)), dual feasibility on a set of pairs D becomes difference constraints on
v alone:

    v(q) >= 0;   v(q) >= w(p, q) for unmatched p;   v(q) >= v(q(p)) + s(p, q) - s(p, q(p)) for matched p,

plus the upper bounds v(q) = 0 for peers with a free place and v(q(p)) <= w(p, q(p)) (from u >= 0).
We compute the least solution by vectorised Bellman-Ford relaxation. If x is optimal on D, LP
duality guarantees a dual solution with complementary slackness; it satisfies the same system, so
the least solution lies below it and also meets the upper bounds. If relaxation breaks an upper
bound, no such duals exist and x is not optimal on D (when a round limit is set and relaxation has
not settled, we act as if so, which is always safe). Complementary slackness makes the dual
objective equal to the primal one (checked).

Then one vectorised pass computes the reduced cost ``w(p, q) - u(p) - v(q)`` of *every* feasible
pair (see `_scan`; exact integer arithmetic). If none is positive, (u, v) is feasible for the dual of
the full problem with the same objective as x, which is feasible for the full problem: x is the
exact lexicographic optimum, proved. Otherwise the violating pairs (the worst few per participant
and per peer, with nearly tight neighbours) join D, and:

* first we keep x and only recompute the duals on the larger D: if that succeeds, x is still
  optimal on D and the next check runs, with no new flow solve;
* otherwise x is not optimal on D and the flow is solved again on D (in the first few re-solves,
  leaving out pairs whose reduced cost is far below zero; later re-solves keep everything).

Every round adds pairs that were not in D, and after the pruning rounds D only grows, so the loop
ends; in practice after two to four checks. Checks after the first are incremental: a pair's
reduced cost changes by the change of u(p) and of v(q), so with a per-participant upper bound of
the last reduced costs only participants whose bound may now be positive, and peers whose v fell,
need to be visited again. Small problems skip all this and put every feasible pair into C, where
optimality on C is optimality.

Ties and rounding
-----------------
There is no rounding inside the optimisation: weights are rounded to whole score units once
(weights module), pair scores are exact integers (encoding module), and M is exact. When several
assignments are equally good, which one is returned depends only on the input and the fixed seed
(scan threads never change it), so the same input always gives the same answer.
"""

from __future__ import annotations

import dataclasses
import itertools
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from ortools.graph.python import min_cost_flow

from alongside.matching.engine.encoding import Encoding, IntArray, encode
from alongside.matching.engine.model import MatchingInputError, Participant, Peer, Problem
from alongside.matching.engine.parallel import available_workers, single_threaded_blas
from alongside.matching.engine.weights import UnitWeights

FLOAT64_EXACT = 2**53


@dataclass(frozen=True)
class Tuning:
    """Knobs that change speed, never the optimum (with ties, at most which equally good answer)."""

    dense_pairs: int = 300_000
    """With at most this many feasible pairs, all of them go to the flow solver directly."""
    candidates_per_participant: int = 3
    peer_candidates_factor: float = 2.0
    peer_candidates_extra: int = 4
    """Each peer's `factor * remaining + extra` most interested participants are candidates too."""
    shortlist_window: int = 8000
    """Peer shortlists consider only pairs within this many units of the participant's best pair."""
    violations_per_participant: int = 4
    violations_per_peer: int = 4
    slack_units: int = 8000
    """Pairs whose reduced cost is within this of zero are added as candidates after a check."""
    near_tight_everywhere: bool = True
    """After a failed check, add near-tight pairs of every participant in the blocks with violations."""
    price_sample_rounds: int = 2
    """Checks (and re-solves) spent on the price sample; its duals after the last re-solve are used."""
    price_sample_above: int = 30_000
    """With more participants than this, peer prices are first estimated on a random sample."""
    price_sample_fraction: float = 0.2
    hopeless_units: int | None = 4000
    """With prices, participants whose best pair is this far below its price sit out the first solve."""
    chunk_elements: int = 600_000
    """Pair values held at once per block (kept small so blocks stay in the processor cache)."""
    seed: int = 20240101
    max_rounds: int = 1000
    workers: int | None = None
    """Threads for the pair scans; None: one per core (the answer is the same either way)."""
    prune_units: int | None = 8000
    """Before a new flow solve, pairs with reduced cost below minus this are left out (None: never)."""
    pruning_flows: int = 6
    """Pruning stops after this many flow solves, so that the loop is sure to end."""
    dual_rounds: int = 200
    """Relaxation rounds allowed when moving duals without a new flow solve."""


@dataclass
class Outcome:
    """The optimum: for each participant the peer index (or -1) and the pair score in units."""

    peer_of: IntArray
    units_of: IntArray
    feasible_pairs: int
    candidate_pairs: int = 0
    """Pairs given to the last flow solve."""
    rounds: int = 0
    """Dual checks over all feasible pairs (the last one found no violation)."""
    violations: list[int] = field(default_factory=list)
    """For each failed check, how many participants had a pair with positive reduced cost."""
    seconds: dict[str, float] = field(default_factory=dict)
    peer_duals: IntArray | None = None
    big_m: int = 0
    flows: int = 0
    """Min-cost flow solves."""

    @property
    def matched(self) -> int:
        return int((self.peer_of >= 0).sum())

    @property
    def total_units(self) -> int:
        return int(self.units_of[self.peer_of >= 0].sum())


def _unique_pairs(p: IntArray, q: IntArray, s: IntArray, m: int) -> tuple[IntArray, IntArray, IntArray]:
    """Drops repeated pairs, keeping the first occurrence (so earlier scores win)."""
    keys = p * max(m, 1) + q
    _, first = np.unique(keys, return_index=True)
    return p[first], q[first], s[first]


def _exclusions_by_group(enc: Encoding) -> dict[int, set[int]]:
    by_group: dict[int, set[int]] = {}
    for participant in enc.excluded:
        by_group.setdefault(int(enc.group_of[participant]), set()).add(participant)
    return by_group


def _mask_exclusions(
    enc: Encoding, block: np.ndarray, rows: IntArray, excluded_rows: set[int], position: IntArray
) -> None:
    """Marks do-not-match pairs in a block of values as impossible."""
    if not excluded_rows:
        return
    for r, participant in enumerate(rows.tolist()):
        if participant in excluded_rows:
            cols = position[enc.excluded[participant]]
            block[r, cols[cols >= 0]] = -np.inf


def feasible_pair_count(enc: Encoding) -> int:
    """How many (participant, peer) pairs pass every hard rule."""
    total = sum(len(g.rows) * len(g.cols) for g in enc.groups)
    for participant, peers in enc.excluded.items():
        total -= int(np.isin(peers, enc.groups[enc.group_of[participant]].cols).sum())
    return total


class _PeerShortlists:
    """For every peer, the participants with the highest values seen so far (exact top-`quota`).

    Values below a peer's current cut-off are skipped cheaply; the shortlists are trimmed back to
    their quota every so often, which raises the cut-offs. Equal values are ranked by participant
    index, so the shortlists do not depend on the order in which blocks are offered.
    """

    def __init__(self, quota: IntArray, floor: float) -> None:
        self.quota = quota
        self.cutoff = np.full(len(quota), max(floor, -1e30))
        self.trim_at = max(100_000, 2 * int(quota.sum()))
        self.pending = 0
        self.q: list[IntArray] = []
        self.p: list[IntArray] = []
        self.v: list[np.ndarray] = []

    def offer(self, values: np.ndarray, rows: IntArray, cols: IntArray) -> None:
        cutoff = self.cutoff[cols].astype(values.dtype)
        hit_cols = np.flatnonzero(values.max(axis=0) >= cutoff)
        if len(hit_cols) == 0:
            return
        sub = values[:, hit_cols]
        r, c = np.nonzero(sub >= cutoff[hit_cols])
        self.q.append(cols[hit_cols[c]])
        self.p.append(rows[r])
        self.v.append(sub[r, c].astype(np.float64))
        self.pending += len(r)
        if self.pending > self.trim_at:
            self.trim()

    def absorb(self, other: _PeerShortlists) -> None:
        self.q += other.q
        self.p += other.p
        self.v += other.v

    def trim(self) -> tuple[IntArray, IntArray]:
        """Cuts every shortlist to its quota; returns all (participants, peers) kept."""
        if not self.q:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty.copy()
        q, p, v = np.concatenate(self.q), np.concatenate(self.p), np.concatenate(self.v)
        order = np.lexsort((p, -v, q))
        q, p, v = q[order], p[order], v[order]
        first = np.r_[0, np.flatnonzero(np.diff(q)) + 1]
        rank = np.arange(len(q)) - np.repeat(first, np.diff(np.r_[first, len(q)]))
        keep = rank < self.quota[q]
        q, p, v = q[keep], p[keep], v[keep]
        self.q, self.p, self.v = [q], [p], [v]
        self.pending = len(q)
        if len(q) == 0:
            return p, q
        first = np.r_[0, np.flatnonzero(np.diff(q)) + 1]
        counts = np.diff(np.r_[first, len(q)])
        peers = q[first]
        full = counts >= self.quota[peers]
        self.cutoff[peers[full]] = v[(first + counts - 1)[full]]
        return p, q


@dataclass
class _ScanResult:
    p: IntArray
    q: IntArray
    s: IntArray
    """Product scores (continuity bonus not included)."""
    positive_rows: int
    """Participants with at least one pair of positive value (counted once per block part)."""
    row_max: np.ndarray
    """With `check`: per participant, an upper bound of V over the visited pairs."""


# Values whose magnitude stays below this can be added to exact float32 scores without rounding.
_TAME = 2**22


class _Scan:
    """One worker's share of a pass over all feasible pairs (see `_scan`)."""

    def __init__(
        self,
        enc: Encoding,
        tuning: Tuning,
        per_row: int,
        peer_quota: IntArray | None,
        dense: bool,
        floor: float,
        peer_relative: bool,
        check: bool,
        exclusions: dict[int, set[int]],
    ) -> None:
        self.enc, self.tuning, self.per_row = enc, tuning, per_row
        self.dense, self.floor, self.peer_relative, self.check = dense, floor, peer_relative, check
        self.found: dict[int, list[tuple[IntArray, IntArray, np.ndarray, np.ndarray]]] = {}
        self.positive_rows = 0
        self.shortlists = None
        if peer_quota is not None and not dense and peer_quota.any():
            # Checks shortlist only violators (V >= 1, as V is a whole number); otherwise only pairs
            # within a window of the participant's best, so the shortlists are not flooded at first.
            start = 1.0 if check else -float(tuning.shortlist_window)
            self.shortlists = _PeerShortlists(peer_quota, start)
        self.position = np.full(enc.m, -1, dtype=np.int64)
        self.exclusions = exclusions
        self.row_max = np.full(enc.n, -np.inf)

    def part(
        self,
        job: int,
        group_index: int,
        offset: int,
        rows: IntArray,
        cols: IntArray,
        row_add: np.ndarray,
        col_sub: np.ndarray,
        dtype: type[np.floating],
    ) -> None:
        """Values ``s + row_add(p) - col_sub(q)`` for rows x cols, computed in `dtype`, then selected."""
        enc, m_g = self.enc, len(cols)
        if m_g == 0 or len(rows) == 0:
            return
        found = self.found.setdefault(job, [])
        n_features = enc.X.shape[1]
        k = min(self.per_row, m_g)
        bucket = -(-m_g // k)
        width = m_g if self.dense else k * bucket
        peer_t = np.zeros((n_features + 2, width), dtype=dtype)
        peer_t[:n_features, :m_g] = enc.peer_rows(offset, cols).T
        peer_t[-2, :] = 1.0
        peer_t[-1, :m_g] = -col_sub
        self.position[cols] = np.arange(m_g)
        excluded_rows = self.exclusions.get(group_index, set())
        step = max(1, self.tuning.chunk_elements // (width * (2 if dtype == np.float64 else 1)))
        block_x = np.zeros((min(step, len(rows)), n_features + 2), dtype=dtype)
        block_x[:, -1] = 1.0
        for start in range(0, len(rows), step):
            chunk = rows[start : start + step]
            b = len(chunk)
            block_x[:b, :n_features] = enc.X[chunk]
            block_x[:b, -2] = row_add[start : start + step]
            block = block_x[:b] @ peer_t
            if width > m_g:
                block[:, m_g:] = -np.inf
            _mask_exclusions(enc, block, chunk, excluded_rows, self.position)
            if self.dense:
                r, c = np.nonzero(block > -np.inf)
                found.append((chunk[r], cols[c], block[r, c], row_add[start + r] - col_sub[c]))
                continue
            extra = row_add[start : start + step]
            if self.check:
                row_best = block.max(axis=1)
                self.row_max[chunk] = np.maximum(self.row_max[chunk], row_best)
                positive = row_best > 0
                if not positive.any():
                    continue
                self.positive_rows += int(positive.sum())
                if not self.tuning.near_tight_everywhere:
                    block, chunk, row_best, extra = (
                        block[positive],
                        chunk[positive],
                        row_best[positive],
                        extra[positive],
                    )
                    b = len(chunk)
            best = block.reshape(b, k, bucket).argmax(axis=2) + np.arange(k) * bucket
            values = np.take_along_axis(block, best, axis=1)
            if not self.check:
                row_best = values.max(axis=1)
            keep = values > self.floor
            r = np.nonzero(keep)[0]
            c = best[keep]
            found.append((chunk[r], cols[c], values[keep], extra[r] - col_sub[c]))
            if self.shortlists is not None:
                view = block[:, :m_g]
                if self.peer_relative:
                    view = view - np.maximum(row_best, 0)[:, None]
                self.shortlists.offer(view, chunk, cols)
        self.position[cols] = -1


def _combine(enc: Encoding, workers: list[_Scan]) -> _ScanResult:
    """Joins the workers' findings in job order, so the result never depends on thread timing."""
    pieces = sorted(
        (job, index, piece)
        for w in workers
        for job, found in w.found.items()
        for index, piece in enumerate(found)
    )
    if pieces:
        p = np.concatenate([piece[0] for _, _, piece in pieces]).astype(np.int64)
        q = np.concatenate([piece[1] for _, _, piece in pieces]).astype(np.int64)
        values = np.concatenate([np.asarray(piece[2], dtype=np.float64) for _, _, piece in pieces])
        shift = np.concatenate([np.asarray(piece[3], dtype=np.float64) for _, _, piece in pieces])
        # V = s + shift exactly, so s = V - shift; both are integers held exactly in float64.
        s = np.rint(values - shift).astype(np.int64)
    else:
        p, q, s = (np.zeros(0, dtype=np.int64) for _ in range(3))
    lists = [w.shortlists for w in workers if w.shortlists is not None]
    if lists:
        for other in lists[1:]:
            lists[0].absorb(other)
        sp, sq = lists[0].trim()
        p, q = np.concatenate([p, sp]), np.concatenate([q, sq])
        s = np.concatenate([s, enc.pair_scores(sp, sq)])
    row_max = np.max([w.row_max for w in workers], axis=0) if workers else np.full(enc.n, -np.inf)
    return _ScanResult(p=p, q=q, s=s, positive_rows=sum(w.positive_rows for w in workers), row_max=row_max)


def _scan(
    enc: Encoding,
    tuning: Tuning,
    *,
    per_row: int,
    peer_quota: IntArray | None = None,
    dense: bool = False,
    head_room: IntArray | None = None,
    price: IntArray | None = None,
    slack: int | None = None,
    peer_relative: bool = False,
    check: bool = False,
    big_m: int = 0,
    focus_rows: npt.NDArray[np.bool_] | None = None,
    focus_cols: npt.NDArray[np.bool_] | None = None,
) -> _ScanResult:
    """One vectorised pass over every feasible pair.

    Each pair gets the value ``V = s + head_room(p) - price(q)`` (just the score s when no duals are
    given). With the duals of an optimum, ``head_room = M - u`` and ``price = v`` make V the reduced
    cost, positive exactly for a violated dual constraint. The pass keeps, for each participant, the
    best pair within each of `per_row` random buckets of peers (the best pair overall and a spread
    of strong alternatives) and, with `peer_quota`, each peer's top participants by V (by V minus
    the participant's best V when `peer_relative`: those for whom this peer is nearly the best).
    Pairs with ``V <= -slack`` are dropped. With `dense` every feasible pair is kept. With `check`
    only blocks holding a positive V are looked at closely, which is cheap when there are few.
    With `focus_rows` and `focus_cols`, only pairs with a focus participant or a focus peer are
    visited. The result carries, for each participant, an upper bound of V over the visited pairs.

    Exactness: products of the integer features are exact in float32 while partial sums stay below
    2**24 (the encoding guarantees that for s). Duals are near 0 or near M, so each participant and
    each peer is given a frame, 0 or M, leaving small remainders a = head_room - frame(p) and b =
    price - frame(q). Where both frames agree, V = s + a - b is computed in float32 when |a| and |b|
    are below 2**22; a participant in frame M with a peer in frame 0 has V >= M - 2**23 - ... > 0 only
    if M is large, so such pairs, and any pair with a large remainder, go through exact float64
    instead. A participant in frame 0 with a peer in frame M has V < 0 and is skipped.
    """
    floor = -float(slack) if slack is not None else -np.inf
    rng = np.random.default_rng(tuning.seed)
    fast = enc.dtype == np.float32 and enc.score_bound < _TAME
    framed = head_room is not None and price is not None and fast and big_m > 4 * _TAME
    jobs: list[_Job] = []
    for index, group in enumerate(enc.groups):
        if len(group.cols) == 0 or len(group.rows) == 0:
            continue
        cols = rng.permutation(group.cols)
        if focus_rows is None or focus_cols is None:
            regions = [(group.rows, cols)]
        else:
            inside = focus_rows[group.rows]
            regions = [(group.rows[inside], cols), (group.rows[~inside], cols[focus_cols[cols]])]
        for rows, region_cols in regions:
            if len(rows) and len(region_cols):
                jobs += _region_jobs(
                    enc, index, group.offset, rows, region_cols, head_room, price, fast, framed, big_m
                )

    exclusions = _exclusions_by_group(enc)
    workers = [
        _Scan(enc, tuning, per_row, peer_quota, dense, floor, peer_relative, check, exclusions)
        for _ in range(available_workers(tuning.workers) if len(jobs) > 1 else 1)
    ]
    if framed:
        # Pairs skipped (participant frame 0, peer frame M) have V under this bound.
        for worker in workers:
            worker.row_max[:] = enc.score_bound + 2 * _TAME - big_m
    # Largest jobs first, so that the threads finish together.
    order = sorted(range(len(jobs)), key=lambda j: -len(jobs[j].rows) * len(jobs[j].cols))
    counter = itertools.count()

    def work(worker: _Scan) -> None:
        while (taken := next(counter)) < len(order):
            job = jobs[order[taken]]
            worker.part(
                order[taken], job.group, job.offset, job.rows, job.cols, job.row_add, job.col_sub, job.dtype
            )

    # Products are small, so BLAS threads gain little and suffer badly when cores are busy.
    with single_threaded_blas():
        if len(workers) == 1:
            work(workers[0])
        else:
            with ThreadPoolExecutor(len(workers)) as pool:
                for done in [pool.submit(work, worker) for worker in workers]:
                    done.result()
    return _combine(enc, workers)


@dataclass
class _Job:
    group: int
    offset: int
    rows: IntArray
    cols: IntArray
    row_add: np.ndarray
    col_sub: np.ndarray
    dtype: type[np.floating]


def _region_jobs(
    enc: Encoding,
    index: int,
    offset: int,
    rows: IntArray,
    cols: IntArray,
    head_room: IntArray | None,
    price: IntArray | None,
    fast: bool,
    framed: bool,
    big_m: int,
) -> list[_Job]:
    """Splits rows x cols by frame (see `_scan`) into parts, each computed in a safe precision."""
    if head_room is None or price is None:
        return [_Job(index, offset, rows, cols, np.zeros(len(rows)), np.zeros(len(cols)), enc.dtype)]
    hr, pr = head_room[rows], price[cols]
    if not framed:
        small = fast and np.abs(hr).max() < _TAME and np.abs(pr).max() < _TAME
        return [_Job(index, offset, rows, cols, hr, pr, np.float32 if small else np.float64)]
    row_high = hr > big_m // 2
    row_rest = np.where(row_high, hr - big_m, hr)
    row_tame = np.abs(row_rest) < _TAME
    col_high = pr > big_m // 2
    col_rest = np.where(col_high, pr - big_m, pr)
    col_tame = np.abs(col_rest) < _TAME
    r_hi, r_lo = row_tame & row_high, row_tame & ~row_high
    c_hi, c_lo = col_tame & col_high, col_tame & ~col_high
    jobs = []
    for rsel, csel in ((r_hi, c_hi), (r_lo, c_lo)):
        if rsel.any() and csel.any():
            jobs.append(
                _Job(index, offset, rows[rsel], cols[csel], row_rest[rsel], col_rest[csel], np.float32)
            )
    every = np.ones(len(cols), dtype=np.bool_)
    for rsel, csel in ((~row_tame, every), (row_tame, ~col_tame), (r_hi, c_lo)):
        if rsel.any() and csel.any():
            jobs.append(_Job(index, offset, rows[rsel], cols[csel], hr[rsel], pr[csel], np.float64))
    return jobs


def _continuity_pairs(enc: Encoding) -> tuple[IntArray, IntArray, IntArray]:
    """Each participant's current peer, when that pair passes every hard rule, with its full score."""
    rows = np.flatnonzero(enc.current >= 0)
    keep = np.zeros(len(rows), dtype=np.bool_)
    for i, participant in enumerate(rows.tolist()):
        peer = int(enc.current[participant])
        cols = enc.groups[enc.group_of[participant]].cols
        pos = int(np.searchsorted(cols, peer))
        ok = pos < len(cols) and cols[pos] == peer
        excluded = enc.excluded.get(participant)
        keep[i] = ok and (excluded is None or peer not in set(excluded.tolist()))
    rows = rows[keep]
    cols = enc.current[rows]
    return rows, cols, enc.pair_scores(rows, cols) + enc.units.continuity


def _max_flow_min_cost(enc: Encoding, ep: IntArray, eq: IntArray, es: IntArray) -> tuple[IntArray, IntArray]:
    """Lexicographic optimum on the candidate pairs: peer index per participant (-1) and its score."""
    peer_of = np.full(enc.n, -1, dtype=np.int64)
    units_of = np.zeros(enc.n, dtype=np.int64)
    if len(ep) == 0:
        return peer_of, units_of
    # Nodes: the participants and peers that appear, numbered compactly, then source and sink.
    participants, p_node = np.unique(ep, return_inverse=True)
    peers, q_node = np.unique(eq, return_inverse=True)
    n_p, n_q = len(participants), len(peers)
    source, sink = n_p + n_q, n_p + n_q + 1
    tails = np.concatenate([p_node, np.full(n_p, source), n_p + np.arange(n_q)]).astype(np.int32)
    heads = np.concatenate([n_p + q_node, np.arange(n_p), np.full(n_q, sink)]).astype(np.int32)
    capacities = np.concatenate([np.ones(len(ep) + n_p, dtype=np.int64), enc.remaining[peers]])
    # Every score is a whole combination of the weights, so dividing by their common divisor keeps
    # costs exact while shrinking their range, which speeds up cost scaling.
    step = enc.units.common_divisor
    costs = np.concatenate([-(es // step), np.zeros(n_p + n_q, dtype=np.int64)])
    flow = min_cost_flow.SimpleMinCostFlow()
    flow.add_arcs_with_capacity_and_unit_cost(
        tails, heads, capacities.astype(np.int64), costs.astype(np.int64)
    )
    flow.set_node_supply(source, n_p)
    flow.set_node_supply(sink, -n_p)
    status = flow.solve_max_flow_with_min_cost()
    if status != flow.OPTIMAL:
        raise RuntimeError(f"min-cost flow did not reach an optimum (status {status})")
    used = np.asarray(flow.flows(np.arange(len(ep), dtype=np.int32))) > 0
    peer_of[ep[used]] = eq[used]
    units_of[ep[used]] = es[used]
    return peer_of, units_of


def _duals(
    enc: Encoding,
    ep: IntArray,
    eq: IntArray,
    es: IntArray,
    peer_of: IntArray,
    units_of: IntArray,
    big_m: int,
    *,
    start: IntArray | None = None,
    max_rounds: int | None = None,
) -> tuple[IntArray, IntArray] | None:
    """Least duals (u, v) obeying complementary slackness with the matching `peer_of`.

    Dual feasibility is required on the pairs (ep, eq) with scores es (which must include every
    matched pair). Returns None when no such duals exist, i.e. the matching is not optimal over those
    pairs, or when relaxation has not settled after `max_rounds` (None: as many as it takes, which
    is at most one per peer plus one when the matching is optimal over the pairs). `start`, a
    lower bound of the answer (such as the least duals for a subset of the pairs), speeds it up.
    """
    n, m = enc.n, enc.m
    matched = peer_of >= 0
    load = np.bincount(peer_of[matched], minlength=m)
    spare = (load < enc.remaining) & (enc.remaining > 0)
    # Upper bounds: u >= 0 for matched participants, v = 0 for peers with a free place.
    upper = np.full(m, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(upper, peer_of[matched], big_m + units_of[matched])
    upper[spare] = 0
    v = np.zeros(m, dtype=np.int64) if start is None else start.copy()
    tail_peer = peer_of[ep]
    unmatched_edge = tail_peer < 0
    np.maximum.at(v, eq[unmatched_edge], big_m + es[unmatched_edge])
    if (v > upper).any():
        return None
    moving = ~unmatched_edge & (eq != tail_peer)
    order = np.argsort(eq[moving], kind="stable")
    head = eq[moving][order]
    tail = tail_peer[moving][order]
    gain = (es[moving] - units_of[ep[moving]])[order]
    if len(head):
        heads, starts = np.unique(head, return_index=True)
        for _ in range(m + 2 if max_rounds is None else max_rounds):
            best = np.maximum.reduceat(v[tail] + gain, starts)
            better = best > v[heads]
            if not better.any():
                break
            raised = heads[better]
            v[raised] = best[better]
            if (v[raised] > upper[raised]).any():
                return None
        else:
            return None
    u = np.zeros(n, dtype=np.int64)
    u[matched] = big_m + units_of[matched] - v[peer_of[matched]]
    primal = big_m * int(matched.sum()) + int(units_of[matched].sum())
    dual = int(u.sum()) + int((np.maximum(enc.remaining, 0) * v).sum())
    if (u < 0).any() or (v[spare] != 0).any() or primal != dual:
        raise RuntimeError("complementary slackness failed: internal error in the dual relaxation")
    if len(ep) and (u[ep] + v[eq] < big_m + es).any():
        raise RuntimeError("dual infeasible on the candidate pairs: internal error in the dual relaxation")
    return u, v


@dataclass(frozen=True)
class PriceSample:
    """The random sample used to estimate peer prices: participant indices and each peer's room."""

    participants: IntArray
    room: IntArray


def price_sample_plan(n: int, remaining: IntArray, tuning: Tuning) -> PriceSample | None:
    """Which participants and how much room the price sample has; None when the run is small.

    A market with a fraction f of the participants and each peer's room scaled by f (rounded at
    random, at least one place) has roughly the same prices as the whole market.
    """
    if n <= tuning.price_sample_above:
        return None
    rng = np.random.default_rng(tuning.seed + 1)
    fraction = tuning.price_sample_fraction
    chosen = np.sort(rng.choice(n, size=max(1, int(n * fraction)), replace=False))
    room = np.floor(np.maximum(remaining, 0) * fraction + rng.random(len(remaining))).astype(np.int64)
    return PriceSample(participants=chosen, room=np.where(remaining > 0, np.maximum(room, 1), 0))


def sample_problem(peers: Sequence[Peer], participants: Sequence[Participant], plan: PriceSample) -> Problem:
    """The sampled market: the chosen participants (given in plan order) and peers with the sample room."""
    sampled_peers = tuple(
        dataclasses.replace(q, capacity=int(room), current_caseload=0)
        for q, room in zip(peers, plan.room, strict=True)
    )
    return Problem(peers=sampled_peers, participants=tuple(participants))


def sample_prices(problem: Problem, units: UnitWeights, tuning: Tuning) -> IntArray | None:
    """Peer prices (duals less M, in score units, clipped to the score range) from a sampled market.

    They only steer which pairs become candidates; the proof never relies on them, so the sample
    is solved with a few rounds and no proof.
    """
    enc = encode(problem, units)
    sample_tuning = dataclasses.replace(
        tuning,
        max_rounds=tuning.price_sample_rounds,
        price_sample_above=max(enc.n, tuning.price_sample_above),
    )
    result = _optimize(enc, sample_tuning, prove=False)
    if result.peer_duals is None:
        return None
    return np.clip(result.peer_duals - result.big_m, 0, enc.score_bound + units.continuity)


def _estimated_prices(enc: Encoding, tuning: Tuning) -> IntArray | None:
    plan = price_sample_plan(enc.n, enc.remaining, tuning)
    if plan is None:
        return None
    chosen = [enc.problem.participants[i] for i in plan.participants.tolist()]
    return sample_prices(sample_problem(enc.problem.peers, chosen, plan), enc.units, tuning)


def optimize(enc: Encoding, tuning: Tuning | None = None) -> Outcome:
    """The lexicographic optimum (most people matched, then highest total score) over all feasible pairs.

    Exact: the result is proved optimal by a dual certificate over every feasible pair (see the module
    docstring). Raises RuntimeError only if the proof machinery finds an internal inconsistency.
    """
    return _optimize(enc, tuning or Tuning(), prove=True)


def _merge(*parts: tuple[IntArray, IntArray, IntArray], m: int) -> tuple[IntArray, IntArray, IntArray]:
    p, q, s = (np.concatenate(arrays) for arrays in zip(*parts, strict=True))
    return _unique_pairs(p, q, s, m)


def _optimize(enc: Encoding, tuning: Tuning, prove: bool) -> Outcome:
    seconds: dict[str, float] = {}

    def lap(name: str, since: float) -> float:
        now = time.perf_counter()
        seconds[name] = seconds.get(name, 0.0) + now - since
        return now

    clock = time.perf_counter()
    k_bound = min(enc.n, int(np.maximum(enc.remaining, 0).sum()))
    big_m = k_bound * (enc.score_bound + enc.units.continuity) + 1
    if big_m * 4 >= FLOAT64_EXACT:
        raise MatchingInputError(
            "weights: scores would be too large to prove the optimum; use smaller weights"
        )
    feasible = feasible_pair_count(enc)
    outcome = Outcome(
        peer_of=np.full(enc.n, -1, dtype=np.int64),
        units_of=np.zeros(enc.n, dtype=np.int64),
        feasible_pairs=feasible,
        seconds=seconds,
        big_m=big_m,
    )
    dense = feasible <= tuning.dense_pairs
    quota = (tuning.peer_candidates_factor * np.maximum(enc.remaining, 0)).astype(np.int64)
    quota += tuning.peer_candidates_extra
    prices = None if dense else _estimated_prices(enc, tuning)
    clock = lap("prices", clock)
    found = _scan(
        enc,
        tuning,
        per_row=tuning.candidates_per_participant,
        peer_quota=quota,
        dense=dense,
        head_room=None if prices is None else np.zeros(enc.n, dtype=np.int64),
        price=prices,
        peer_relative=True,
    )
    fp, fq, fs = found.p, found.q, found.s
    if prices is not None and tuning.hopeless_units is not None:
        # Participants whose best pair falls well short of every price would neither be matched nor
        # set a price, so the first solve can do without them; the check still covers their pairs.
        best = np.full(enc.n, np.iinfo(np.int64).min, dtype=np.int64)
        np.maximum.at(best, fp, fs - prices[fq])
        keep = best[fp] >= -tuning.hopeless_units
        fp, fq, fs = fp[keep], fq[keep], fs[keep]
    flow_pairs = _merge(_continuity_pairs(enc), (fp, fq, fs), m=enc.m)
    clock = lap("candidates", clock)

    peer_of, units_of = _max_flow_min_cost(enc, *flow_pairs)
    outcome.flows = 1
    clock = lap("flow", clock)
    outcome.peer_of, outcome.units_of, outcome.candidate_pairs = peer_of, units_of, len(flow_pairs[0])
    if dense:
        return outcome
    duals = _duals(enc, *flow_pairs, peer_of, units_of, big_m)
    if duals is None:
        raise RuntimeError("no duals for the flow optimum: internal error")
    u, v = duals
    dual_pairs = flow_pairs
    clock = lap("duals", clock)
    outcome.peer_duals = v
    per_peer = np.full(enc.m, tuning.violations_per_peer, dtype=np.int64)
    checked: tuple[IntArray, IntArray, np.ndarray] | None = None
    for round_number in range(1, tuning.max_rounds + 1):
        outcome.rounds = round_number
        outcome.peer_duals = v
        focus_rows = focus_cols = None
        if checked is not None:
            # Incremental check: V changes by (u_old - u) for the participant and (v - v_old) for
            # the peer. A participant whose old bound plus own change is <= 0 cannot violate with a
            # peer whose price did not fall; only those pairs and the peers whose price fell are
            # visited again.
            old_u, old_v, old_max = checked
            moved = (old_u - u).astype(np.float64)
            focus_rows = old_max + moved > 0
            focus_cols = v < old_v
        check = _scan(
            enc,
            tuning,
            per_row=tuning.violations_per_participant,
            peer_quota=per_peer,
            head_room=big_m - u,
            price=v,
            slack=tuning.slack_units,
            check=True,
            big_m=big_m,
            focus_rows=focus_rows,
            focus_cols=focus_cols,
        )
        clock = lap("check", clock)
        if checked is None or focus_rows is None:
            row_max = check.row_max
        else:
            row_max = np.where(focus_rows, check.row_max, np.maximum(old_max + moved, check.row_max))
        checked = (u, v, row_max)
        if check.positive_rows == 0:
            return outcome
        outcome.violations.append(check.positive_rows)
        # Pairs already in use satisfy their constraints, so the violators are new. First try to keep
        # the matching and only move the duals: that needs no new flow solve.
        bonus = enc.units.continuity * (enc.current[check.p] == check.q)
        dual_pairs = _merge(dual_pairs, (check.p, check.q, check.s + bonus), m=enc.m)
        duals = _duals(enc, *dual_pairs, peer_of, units_of, big_m, start=v, max_rounds=tuning.dual_rounds)
        if duals is None:
            # The violators improve the matching itself: solve again.
            flow_pairs = dual_pairs
            if tuning.prune_units is not None and outcome.flows < tuning.pruning_flows:
                # Pairs far from tight under the current duals are unlikely to enter the optimum;
                # leaving them out makes the solve faster, and the next check still covers them.
                fp, fq, fs = dual_pairs
                keep = (big_m + fs - u[fp] - v[fq] > -tuning.prune_units) | (peer_of[fp] == fq)
                keep |= enc.current[fp] == fq
                flow_pairs = dual_pairs = (fp[keep], fq[keep], fs[keep])
            peer_of, units_of = _max_flow_min_cost(enc, *flow_pairs)
            outcome.flows += 1
            clock = lap("flow", clock)
            outcome.peer_of, outcome.units_of = peer_of, units_of
            outcome.candidate_pairs = len(flow_pairs[0])
            duals = _duals(enc, *flow_pairs, peer_of, units_of, big_m)
            if duals is None:
                raise RuntimeError("no duals for the flow optimum: internal error")
        u, v = duals
        outcome.peer_duals = v
        clock = lap("duals", clock)
    if prove:
        raise RuntimeError("no proof of optimality within the round limit")
    return outcome
