"""Baselines the matching engine is measured against, in the same run.

* `all_pairs`: every feasible pair with its exact score, from the engine's own bulk scoring.
* `lp_optimum`: the same problem as two linear programmes solved by HiGHS (scipy): first the largest
  number of matches, then the best total score with that many. The constraint matrix is totally
  unimodular, so the LP optima are the integer optima.
* `greedy`: best pair first: take pairs in order of score (ties by participant, then peer index)
  whenever both sides are still free. Large instances are streamed in score bands so that the
  hundreds of millions of pairs never sit in memory at once.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import csr_matrix

from alongside.matching.engine.encoding import Encoding, IntArray
from alongside.matching.engine.solver import Tuning, _scan


def all_pairs(enc: Encoding) -> tuple[IntArray, IntArray, IntArray]:
    """Every feasible (participant, peer) pair and its full score in units (continuity included)."""
    found = _scan(enc, Tuning(), per_row=1, dense=True)
    return found.p, found.q, found.s + enc.units.continuity * (enc.current[found.p] == found.q)


@dataclass
class LpResult:
    matched: int
    total_units: int
    seconds_build: float
    seconds_phase1: float
    seconds_phase2: float

    @property
    def seconds(self) -> float:
        return self.seconds_build + self.seconds_phase1 + self.seconds_phase2


def lp_optimum(enc: Encoding, pairs: tuple[IntArray, IntArray, IntArray]) -> LpResult:
    """Lexicographic optimum by two HiGHS linear programmes over all feasible pairs."""
    p, q, s = pairs
    n, m, e = enc.n, enc.m, len(p)
    started = time.perf_counter()
    rows = np.concatenate([p, n + q])
    cols = np.concatenate([np.arange(e), np.arange(e)])
    a_ub = csr_matrix((np.ones(2 * e), (rows, cols)), shape=(n + m, e))
    b_ub = np.concatenate([np.ones(n), np.maximum(enc.remaining, 0)]).astype(float)
    built = time.perf_counter()
    first = linprog(-np.ones(e), A_ub=a_ub, b_ub=b_ub, bounds=(0, 1), method="highs-ipm")
    if first.status != 0:
        raise RuntimeError(f"HiGHS phase 1 failed: {first.message}")
    most = round(-first.fun)
    phase1 = time.perf_counter()
    second = linprog(
        -s.astype(float),
        A_ub=a_ub,
        b_ub=b_ub,
        A_eq=csr_matrix(np.ones((1, e))),
        b_eq=[most],
        bounds=(0, 1),
        method="highs-ipm",
    )
    if second.status != 0:
        raise RuntimeError(f"HiGHS phase 2 failed: {second.message}")
    done = time.perf_counter()
    return LpResult(
        matched=most,
        total_units=round(-second.fun),
        seconds_build=built - started,
        seconds_phase1=phase1 - built,
        seconds_phase2=done - phase1,
    )


@dataclass
class GreedyResult:
    matched: int
    total_units: int
    seconds: float


def greedy(enc: Encoding, band_pairs: int = 4_000_000) -> GreedyResult:
    """Best pair first over all feasible pairs, streamed in descending score bands."""
    started = time.perf_counter()
    free = np.ones(enc.n, dtype=np.bool_)
    room = np.maximum(enc.remaining, 0).copy()
    matched = 0
    total = 0
    upper = enc.score_bound + enc.units.continuity + 1
    step = max(1, upper // 64)
    while upper > 0 and free.any() and room.any():
        lower = max(0, upper - step)
        p, q, s = _band(enc, free, room, lower, upper)
        if len(p) > band_pairs and upper - lower > 1:
            step = max(1, step // 2)  # too many pairs in this band: narrow it and try again
            continue
        order = np.lexsort((q, p, -s))
        for i, j, score in zip(p[order].tolist(), q[order].tolist(), s[order].tolist(), strict=True):
            if free[i] and room[j] > 0:
                free[i] = False
                room[j] -= 1
                matched += 1
                total += score
        upper = lower
        if len(p) < band_pairs // 8:
            step *= 2
    return GreedyResult(matched=matched, total_units=total, seconds=time.perf_counter() - started)


def _band(
    enc: Encoding, free: np.ndarray, room: np.ndarray, lower: int, upper: int
) -> tuple[IntArray, IntArray, IntArray]:
    """Pairs of still-free participants and peers with room whose score lies in [lower, upper)."""
    ps, qs, ss = [], [], []
    cont = enc.units.continuity
    for group in enc.groups:
        rows = group.rows[free[group.rows]]
        cols = group.cols[room[group.cols] > 0]
        if len(rows) == 0 or len(cols) == 0:
            continue
        peer_t = np.ascontiguousarray(enc.peer_rows(group.offset, cols).T)
        step = max(1, 1_000_000 // len(cols))
        for start in range(0, len(rows), step):
            chunk = rows[start : start + step]
            block = (enc.X[chunk] @ peer_t).astype(np.float64)
            block += cont * (enc.current[chunk][:, None] == cols[None, :])
            for row, participant in enumerate(chunk.tolist()):
                excluded = enc.excluded.get(participant)
                if excluded is not None:
                    block[row, np.isin(cols, excluded)] = -1.0
            hit_rows, hit_cols = np.nonzero((block >= lower) & (block < upper))
            ps.append(chunk[hit_rows])
            qs.append(cols[hit_cols])
            ss.append(np.rint(block[hit_rows, hit_cols]).astype(np.int64))
    if not ps:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty.copy(), empty.copy()
    return np.concatenate(ps), np.concatenate(qs), np.concatenate(ss)
