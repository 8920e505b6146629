"""Whether a participant and a peer supporter can be matched, how well, and why.

Hard rules (all must hold, otherwise there is no score):

* they share at least one language;
* the peer is of the gender the participant asked for, if they asked;
* the peer has room: capacity minus current caseload is above zero;
* the participant has not asked never to be matched with this peer (``exclude_peers``).

Weighted preferences (see `Weights`): shared lived experience (priority experiences count more),
hours of the week both are free, shared ways to meet, the age band the participant asked for, and
staying with the current peer. Scores are never negative; higher is better.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from alongside.matching.engine.model import (
    FORMATS,
    Participant,
    Peer,
    read_participant,
    read_peer,
)
from alongside.matching.engine.reasons import current_language, join_and, join_or, label, say
from alongside.matching.engine.timeslots import DAY_PARTS, DAYS, slot_mask
from alongside.matching.engine.weights import UnitWeights, Weights, to_points

DEFAULT_WEIGHTS = Weights()

# A shared time slot is named in the reasons only when at least an hour of it overlaps.
_MIN_NAMED_OVERLAP_QUARTERS = 4
_PART_ORDER_IN_REASONS = tuple(DAY_PARTS.index(p) for p in ("morning", "afternoon", "evening", "night"))


def hard_rule_broken(participant: Participant, peer: Peer) -> str | None:
    """The first hard rule the pair breaks, as a short code, or None when they may be matched.

    Codes: "language", "gender", "excluded", "full".
    """
    if participant.languages.isdisjoint(peer.languages):
        return "language"
    if participant.peer_gender is not None and peer.gender != participant.peer_gender:
        return "gender"
    if peer.key in participant.exclude_peers:
        return "excluded"
    if peer.remaining <= 0:
        return "full"
    return None


def pair_units(participant: Participant, peer: Peer, units: UnitWeights) -> int | None:
    """Score in whole score units, or None when a hard rule is broken.

    This is the reference definition; the batch solver computes exactly the same numbers in bulk.
    """
    if hard_rule_broken(participant, peer) is not None:
        return None
    shared = participant.experiences & peer.experiences
    total = units.shared_experience * len(shared)
    total += units.priority_experience * len(shared & participant.priority_experiences)
    total += units.availability_per_quarter * (participant.week & peer.week).bit_count()
    total += units.shared_format * len(participant.formats & peer.formats)
    if not participant.peer_age_bands or peer.age_band in participant.peer_age_bands:
        total += units.age_band
    if participant.current_peer == peer.key:
        total += units.continuity
    return total


def _as_participant(participant: Mapping[str, Any] | Participant) -> Participant:
    return participant if isinstance(participant, Participant) else read_participant(participant)


def _as_peer(peer: Mapping[str, Any] | Peer) -> Peer:
    return peer if isinstance(peer, Peer) else read_peer(peer)


def score(
    participant: Mapping[str, Any] | Participant,
    peer: Mapping[str, Any] | Peer,
    weights: Weights | None = None,
) -> float | None:
    """How well `peer` suits `participant`, in points; None when any hard rule is broken.

    Accepts records in the JSON exchange format (or already-read records). Raises
    MatchingInputError when a record is malformed.
    """
    units = UnitWeights.from_weights(weights or DEFAULT_WEIGHTS)
    result = pair_units(_as_participant(participant), _as_peer(peer), units)
    return None if result is None else to_points(result)


def shared_times(participant: Participant, peer: Peer) -> list[int]:
    """The participant's own day-parts during which the peer is free for at least an hour."""
    peer_week = peer.week
    offset = participant.offset
    return [
        slot
        for slot in participant.slots
        if (slot_mask(slot, offset) & peer_week).bit_count() >= _MIN_NAMED_OVERLAP_QUARTERS
    ]


@functools.lru_cache(maxsize=4096)
def _days_phrase(language: str, days: tuple[int, ...], part: int) -> str:
    names = [label("day", DAYS[day]) for day in days]
    return say("times.days_part", days=join_and(names), part=label("part", DAY_PARTS[part]))


def _times_phrase(language: str, slots: tuple[int, ...]) -> str:
    per_part = len(DAY_PARTS)
    days: list[list[int]] = [[] for _ in DAY_PARTS]
    for slot in slots:
        days[slot % per_part].append(slot // per_part)
    return join_and(
        [_days_phrase(language, tuple(days[part]), part) for part in _PART_ORDER_IN_REASONS if days[part]]
    )


@functools.lru_cache(maxsize=256)
def _formats_phrase(language: str, formats: frozenset[str]) -> str:
    chosen = [name for name in FORMATS if name in formats]
    remote = [label("format", name) for name in chosen if name != "in_person"]
    if not remote:
        return say("formats.in_person")
    by = say("formats.by", ways=join_or(remote))
    return say("formats.by_or_in_person", by=by) if "in_person" in chosen else by


# Reasons repeat a lot across a run, so each sentence is built once per distinct content and
# language (the first argument of each cached builder is the language, a cache key only).
_MAX_NAMED_EXPERIENCES = 4
_MAX_NAMED_TIMES = 3


@functools.lru_cache(maxsize=65536)
def _experiences_reason(language: str, shared: frozenset[str], priority: frozenset[str]) -> str:
    names = sorted(label("experience", e) for e in shared & priority)
    names += sorted(label("experience", e) for e in shared - priority)
    if len(names) > _MAX_NAMED_EXPERIENCES:
        more = say("more", count=str(len(names) - _MAX_NAMED_EXPERIENCES + 1))
        names = [*names[: _MAX_NAMED_EXPERIENCES - 1], more]
    return say("reason.shared_experiences", experiences=join_and(names))


@functools.lru_cache(maxsize=16384)
def _times_reason(language: str, slots: tuple[int, ...], others: int, same_zone: bool) -> str:
    times = _times_phrase(language, slots)
    if others == 1:
        times = say("times.and_one_other_time", times=times)
    elif others:
        times = say("times.and_other_times", times=times, count=str(others))
    return say("reason.shared_times" if same_zone else "reason.shared_times_your_time", times=times)


@functools.lru_cache(maxsize=1024)
def _languages_reason(language: str, languages: frozenset[str]) -> str:
    return say("reason.shared_languages", languages=join_and(sorted(label("language", c) for c in languages)))


@functools.lru_cache(maxsize=256)
def _formats_reason(language: str, formats: frozenset[str]) -> str:
    return say("reason.shared_formats", formats=_formats_phrase(language, formats))


@functools.lru_cache(maxsize=256)
def _age_band_reason(language: str, age_band: str) -> str:
    return say("reason.age_band", age_band=age_band)


@functools.lru_cache(maxsize=16)
def _fixed_reason(language: str, message_id: str) -> str:
    return say(message_id)


def _best_times(participant: Participant, peer: Peer) -> tuple[tuple[int, ...], int]:
    """Up to three shared day-parts (longest overlap first, then week order) and how many others."""
    peer_week = peer.week
    offset = participant.offset
    overlaps = []
    for slot in participant.slots:
        hours = (slot_mask(slot, offset) & peer_week).bit_count()
        if hours >= _MIN_NAMED_OVERLAP_QUARTERS:
            overlaps.append((-hours, slot))
    if len(overlaps) <= _MAX_NAMED_TIMES:
        return tuple(slot for _, slot in overlaps), 0
    overlaps.sort()
    named = sorted(slot for _, slot in overlaps[:_MAX_NAMED_TIMES])
    return tuple(named), len(overlaps) - _MAX_NAMED_TIMES


def match_reasons(participant: Participant, peer: Peer) -> list[str]:
    """Plain-English reasons this pair fits, naming what they actually share, most personal first.

    In the active language; equal to ``render_reasons(reason_codes(participant, peer))``, built
    without the detour for speed (a batch run explains every assignment)."""
    language = current_language()
    reasons = []
    if participant.current_peer == peer.key:
        reasons.append(_fixed_reason(language, "reason.continuity"))
    shared = participant.experiences & peer.experiences
    if shared:
        reasons.append(_experiences_reason(language, shared, participant.priority_experiences & shared))
    times, others = _best_times(participant, peer)
    if times:
        reasons.append(_times_reason(language, times, others, participant.offset == peer.offset))
    formats = participant.formats & peer.formats
    if formats:
        reasons.append(_formats_reason(language, formats))
    if participant.peer_age_bands and peer.age_band in participant.peer_age_bands:
        reasons.append(_age_band_reason(language, peer.age_band or ""))
    if participant.peer_gender is not None and peer.gender == participant.peer_gender:
        reasons.append(_fixed_reason(language, "reason.peer_gender"))
    languages = participant.languages & peer.languages
    if languages:
        reasons.append(_languages_reason(language, languages))
    return reasons


def reason_codes(participant: Participant, peer: Peer) -> list[list[Any]]:
    """The same reasons as `match_reasons` as plain JSON data (what is shared, not the words), so a
    stored match can be explained later in whichever language its reader uses."""
    codes: list[list[Any]] = []
    if participant.current_peer == peer.key:
        codes.append(["continuity"])
    shared = participant.experiences & peer.experiences
    if shared:
        codes.append(["experiences", sorted(shared), sorted(participant.priority_experiences & shared)])
    times, others = _best_times(participant, peer)
    if times:
        codes.append(["times", list(times), others, participant.offset == peer.offset])
    formats = participant.formats & peer.formats
    if formats:
        codes.append(["formats", sorted(formats)])
    if participant.peer_age_bands and peer.age_band in participant.peer_age_bands:
        codes.append(["age_band", peer.age_band or ""])
    if participant.peer_gender is not None and peer.gender == participant.peer_gender:
        codes.append(["peer_gender"])
    languages = participant.languages & peer.languages
    if languages:
        codes.append(["languages", sorted(languages)])
    return codes


def render_reason(code: Sequence[Any]) -> str | None:
    """One reason from `reason_codes` in the active language; None for a code this version does
    not know (data written by a newer version), which callers skip."""
    language = current_language()
    kind, *values = code
    try:
        if kind == "continuity":
            return _fixed_reason(language, "reason.continuity")
        if kind == "peer_gender":
            return _fixed_reason(language, "reason.peer_gender")
        if kind == "experiences":
            return _experiences_reason(language, frozenset(values[0]), frozenset(values[1]))
        if kind == "times":
            return _times_reason(language, tuple(int(s) for s in values[0]), int(values[1]), bool(values[2]))
        if kind == "formats":
            return _formats_reason(language, frozenset(values[0]))
        if kind == "age_band":
            return _age_band_reason(language, str(values[0]))
        if kind == "languages":
            return _languages_reason(language, frozenset(values[0]))
    except (IndexError, TypeError, ValueError):
        return None
    return None


def render_reasons(codes: Iterable[Sequence[Any] | str]) -> list[str]:
    """Stored reasons for display: codes rendered in the active language (plain strings, as older
    records hold, pass through)."""
    rendered = []
    for code in codes:
        text = code if isinstance(code, str) else render_reason(code) if code else None
        if text:
            rendered.append(text)
    return rendered


def suggest(
    participant: Mapping[str, Any] | Participant,
    peers: Sequence[Mapping[str, Any] | Peer],
    k: int = 3,
    weights: Weights | None = None,
    *,
    codes: bool = False,
) -> list[dict[str, Any]]:
    """The `k` best peer supporters for one participant who pass every hard rule.

    Returns ``[{"peer": id, "score": points, "reasons": [...]}, ...]``, best first; equal scores keep
    the peers' input order. Fewer than `k` entries when fewer peers are compatible. With `codes`,
    each entry also has "reason_codes" (see `reason_codes`). Raises
    MatchingInputError when a record is malformed.
    """
    if k <= 0:
        return []
    units = UnitWeights.from_weights(weights or DEFAULT_WEIGHTS)
    person = _as_participant(participant)
    scored: list[tuple[int, int, Peer]] = []
    for index, raw in enumerate(peers):
        peer = _as_peer(raw)
        result = pair_units(person, peer, units)
        if result is not None:
            scored.append((-result, index, peer))
    scored.sort(key=lambda item: (item[0], item[1]))
    found = []
    for neg, _, peer in scored[:k]:
        item: dict[str, Any] = {
            "peer": peer.id,
            "score": to_points(-neg),
            "reasons": match_reasons(person, peer),
        }
        if codes:
            item["reason_codes"] = reason_codes(person, peer)
        found.append(item)
    return found


def unassigned_reason(participant: Participant, peers: Iterable[Peer]) -> str:
    """Why nobody could be proposed to `participant`, in plain words, from the hard rules.

    The checks go from the most basic rule to the least: language, requested gender, do-not-match
    list, room. When compatible peers do have room, their places went to other participants.
    """
    speaks = [peer for peer in peers if not participant.languages.isdisjoint(peer.languages)]
    return say(_unassigned_message(participant, speaks))


def _unassigned_message(participant: Participant, speaks: Sequence[Peer]) -> str:
    if not speaks:
        return "unassigned.no_language"
    fitting = [p for p in speaks if participant.peer_gender is None or p.gender == participant.peer_gender]
    if not fitting:
        return "unassigned.no_gender"
    allowed = [p for p in fitting if p.key not in participant.exclude_peers]
    if not allowed:
        return "unassigned.all_excluded"
    if all(p.remaining <= 0 for p in allowed):
        return "unassigned.gender_full" if participant.peer_gender is not None else "unassigned.all_full"
    return "unassigned.taken"


__all__ = [
    "DEFAULT_WEIGHTS",
    "hard_rule_broken",
    "match_reasons",
    "pair_units",
    "score",
    "shared_times",
    "suggest",
    "unassigned_reason",
]
