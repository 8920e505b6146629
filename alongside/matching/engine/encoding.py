"""Everyone as numbers, so that millions of pair scores come from a few matrix products.

Every weighted preference is bilinear: the score of participant p with peer q is the dot product of
a participant row ``X[p]`` (weights folded in) and a peer row ``Y[q]`` (0/1 features and counts):

* experiences: ``X = shared_experience (+ priority_experience)`` per experience, ``Y`` 0/1;
* formats: ``X = shared_format`` per format, ``Y`` 0/1;
* age band: ``X = age_band`` for each band asked for, plus one "no preference" column carrying
  ``age_band`` that meets an all-ones peer column; ``Y`` is the peer's band, one-hot;
* availability: ``X = availability_per_quarter`` for each of the participant's 28 local
  day-parts; ``Y`` counts, for each of those day-parts laid onto UTC with the participant's offset,
  the quarter hours in which the peer is free. The participant's day-parts are disjoint quarter
  hour sets (a rotation of the local week), so the sum is exactly the overlap in quarter hours.
  The peer columns therefore depend on the participant's offset ("family"): one matrix per offset.

Continuity is one pair per participant and is added separately. All products are whole numbers of
score units; in float32 they are exact while every partial sum stays below 2**24, which
`score_bound` checks (float64 is used otherwise). Hard rules become groups: participants with the
same languages, requested gender and UTC offset share one list of peers who speak a common
language, are of that gender and have room; the few do-not-match pairs are masked one by one.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from alongside.matching.engine.model import FORMAT_INDEX, FORMATS, Participant, Peer, Problem
from alongside.matching.engine.timeslots import N_SLOTS, QUARTERS_PER_SLOT, QUARTERS_PER_WEEK
from alongside.matching.engine.weights import UnitWeights

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.floating]

EXACT_FLOAT32_LIMIT = 2**24


@dataclass
class Group:
    """Participants who share languages, requested gender and offset, and the peers they may have."""

    rows: IntArray
    """Participant indices."""
    cols: IntArray
    """Indices of peers passing the group's hard rules (language, gender, room)."""
    offset: int
    language_cols: int
    """How many peers share a language with the group (any gender, any room)."""
    gender_cols: int
    """How many of those are also of the requested gender."""
    fitting_cols: IntArray
    """Indices of peers sharing a language and of the requested gender, with or without room."""


@dataclass
class Encoding:
    """The numeric form of a Problem under one set of weights."""

    problem: Problem
    units: UnitWeights
    X: FloatArray
    """Participant rows, shape (n, static + 28)."""
    Y_static: FloatArray
    """Peer rows for everything but availability, shape (m, static)."""
    peer_utc: npt.NDArray[np.bool_]
    """Peer free time, shape (m, 672) UTC quarter hours."""
    remaining: IntArray
    groups: list[Group]
    group_of: IntArray
    excluded: dict[int, IntArray]
    """Participant index -> excluded peer indices (only peers that exist)."""
    current: IntArray
    """Participant index -> current peer index, -1 for none or unknown."""
    offset_of: IntArray
    """Participant index -> UTC offset in quarter hours."""
    score_bound: int
    """No matrix-product score (continuity aside) exceeds this."""
    dtype: type[np.floating]
    _availability: dict[int, FloatArray] = field(default_factory=dict)

    @property
    def n(self) -> int:
        return len(self.problem.participants)

    @property
    def m(self) -> int:
        return len(self.problem.peers)

    def availability(self, offset: int) -> FloatArray:
        """Peer availability columns as seen by participants at `offset`, shape (m, 28)."""
        cached = self._availability.get(offset)
        if cached is None:
            # Peer quarter hours rotated into the participant's local week, summed per day-part.
            index = (np.arange(QUARTERS_PER_WEEK) - offset) % QUARTERS_PER_WEEK
            local = self.peer_utc[:, index].reshape(self.m, N_SLOTS, QUARTERS_PER_SLOT)
            cached = local.sum(axis=2, dtype=np.int32).astype(self.dtype)
            self._availability[offset] = cached
        return cached

    def peer_rows(self, offset: int, cols: IntArray) -> FloatArray:
        """Full peer rows (static and availability) of peers `cols` for participants at `offset`."""
        return np.hstack([self.Y_static[cols], self.availability(offset)[cols]])

    def pair_scores(self, rows: IntArray, cols: IntArray) -> IntArray:
        """Matrix-product scores (no continuity bonus) of the pairs (rows[i], cols[i])."""
        out = np.zeros(len(rows), dtype=np.int64)
        offsets = self.offset_of[rows]
        for offset in np.unique(offsets):
            sel = np.flatnonzero(offsets == offset)
            for start in range(0, len(sel), 65536):
                part = sel[start : start + 65536]
                peer = self.peer_rows(int(offset), cols[part]).astype(np.float64)
                exact = np.einsum("ij,ij->i", self.X[rows[part]].astype(np.float64), peer)
                out[part] = np.rint(exact).astype(np.int64)
        return out


def encode(problem: Problem, units: UnitWeights) -> Encoding:
    """Builds the matrices and hard-rule groups for `problem`."""
    participants, peers = problem.participants, problem.peers
    n, m = len(participants), len(peers)

    peer_experiences = [q.experiences for q in peers]
    peer_known = set().union(*peer_experiences) if peers else set()
    # Experiences no peer has can never be shared, so they need no column.
    experience_col = {
        e: i for i, e in enumerate(sorted({e for p in participants for e in p.experiences} & peer_known))
    }
    n_exp = len(experience_col)
    band_col = {b: i for i, b in enumerate(sorted({b for p in participants for b in p.peer_age_bands}))}
    n_bands = len(band_col)
    base_format = n_exp
    base_band = base_format + len(FORMATS)
    col_no_pref = base_band + n_bands
    n_static = col_no_pref + 1
    base_slot = n_static

    X = np.zeros((n, n_static + N_SLOTS), dtype=np.float64)

    def fill(collections: list[Any], col_of: dict[Any, int], base: int, weight: int) -> None:
        # One flat pass per feature family (nested Python loops are the slow part at this scale).
        counts = np.fromiter(map(len, collections), dtype=np.int64, count=n)
        flat = list(itertools.chain.from_iterable(collections))
        cols = np.fromiter(map(col_of.get, flat, itertools.repeat(-1)), dtype=np.int64, count=len(flat))
        rows = np.repeat(np.arange(n), counts)
        keep = cols >= 0
        X[rows[keep], base + cols[keep]] += weight  # pairs are distinct within a family

    slot_col = {slot: slot for slot in range(N_SLOTS)}
    fill([p.experiences for p in participants], experience_col, 0, units.shared_experience)
    fill([p.priority_experiences for p in participants], experience_col, 0, units.priority_experience)
    fill([p.formats for p in participants], FORMAT_INDEX, base_format, units.shared_format)
    fill([p.peer_age_bands for p in participants], band_col, base_band, units.age_band)
    X[:, col_no_pref] = [0 if p.peer_age_bands else units.age_band for p in participants]
    fill([p.slots for p in participants], slot_col, base_slot, units.availability_per_quarter)

    Y = np.zeros((m, n_static), dtype=np.float64)
    local = np.zeros((m, N_SLOTS), dtype=np.bool_)
    peer_offsets = np.zeros(m, dtype=np.int64)
    for j, q in enumerate(peers):
        for e in q.experiences:
            col = experience_col.get(e)
            if col is not None:
                Y[j, col] = 1.0
        for f in q.formats:
            Y[j, base_format + FORMAT_INDEX[f]] = 1.0
        if q.age_band is not None and q.age_band in band_col:
            Y[j, base_band + band_col[q.age_band]] = 1.0
        local[j, list(q.slots)] = True
        peer_offsets[j] = q.offset
    Y[:, col_no_pref] = 1.0
    # A peer's UTC quarter t is their local quarter t + offset.
    local_quarters = np.repeat(local, QUARTERS_PER_SLOT, axis=1)
    index = (np.arange(QUARTERS_PER_WEEK)[None, :] + peer_offsets[:, None]) % QUARTERS_PER_WEEK
    peer_utc = np.take_along_axis(local_quarters, index, axis=1)

    # Largest possible product score: every feature at its largest peer value.
    peer_max = np.ones(n_static + N_SLOTS)
    peer_max[base_slot:] = QUARTERS_PER_SLOT
    score_bound = int((X @ peer_max).max()) if n else 0
    dtype: type[np.floating] = np.float32 if score_bound < EXACT_FLOAT32_LIMIT else np.float64

    remaining = np.array([q.remaining for q in peers], dtype=np.int64)
    groups, group_of = _groups(participants, peers, remaining)
    key_to_peer = {q.key: j for j, q in enumerate(peers)}
    excluded: dict[int, IntArray] = {}
    current = np.full(n, -1, dtype=np.int64)
    for i, p in enumerate(participants):
        if p.exclude_peers:
            found = sorted(key_to_peer[k] for k in p.exclude_peers if k in key_to_peer)
            if found:
                excluded[i] = np.array(found, dtype=np.int64)
        if p.current_peer is not None:
            current[i] = key_to_peer.get(p.current_peer, -1)

    return Encoding(
        problem=problem,
        units=units,
        X=X.astype(dtype),
        Y_static=Y.astype(dtype),
        peer_utc=peer_utc,
        remaining=remaining,
        groups=groups,
        group_of=group_of,
        excluded=excluded,
        current=current,
        offset_of=np.array([p.offset for p in participants], dtype=np.int64),
        score_bound=score_bound,
        dtype=dtype,
    )


def _groups(
    participants: tuple[Participant, ...], peers: tuple[Peer, ...], remaining: IntArray
) -> tuple[list[Group], IntArray]:
    m = len(peers)
    speaks: dict[str, npt.NDArray[np.bool_]] = {}
    for language in {lang for p in participants for lang in p.languages}:
        speaks[language] = np.array([language in q.languages for q in peers], dtype=np.bool_)
    gender_of: dict[str, npt.NDArray[np.bool_]] = {}
    for wanted in {p.peer_gender for p in participants if p.peer_gender is not None}:
        gender_of[wanted] = np.array([q.gender == wanted for q in peers], dtype=np.bool_)
    has_room = remaining > 0

    members: dict[tuple[frozenset[str], str | None, int], list[int]] = {}
    for i, p in enumerate(participants):
        members.setdefault((p.languages, p.peer_gender, p.offset), []).append(i)

    peers_for: dict[tuple[frozenset[str], str | None], tuple[IntArray, int, int, IntArray]] = {}
    groups: list[Group] = []
    group_of = np.full(len(participants), -1, dtype=np.int64)
    for (languages, gender, offset), rows in members.items():
        found = peers_for.get((languages, gender))
        if found is None:
            language_ok = np.zeros(m, dtype=np.bool_)
            for language in languages:
                language_ok |= speaks[language]
            fitting = language_ok & gender_of[gender] if gender is not None else language_ok
            found = (
                np.flatnonzero(fitting & has_room).astype(np.int64),
                int(language_ok.sum()),
                int(fitting.sum()),
                np.flatnonzero(fitting).astype(np.int64),
            )
            peers_for[(languages, gender)] = found
        cols, n_language, n_gender, fitting_cols = found
        group_of[rows] = len(groups)
        groups.append(
            Group(
                rows=np.array(rows, dtype=np.int64),
                cols=cols,
                offset=offset,
                language_cols=n_language,
                gender_cols=n_gender,
                fitting_cols=fitting_cols,
            )
        )
    return groups, group_of
