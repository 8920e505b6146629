"""Seeded, realistic peer-matching inputs for benchmarks.

The mix loosely follows US recovery and mental-health peer programmes: mostly English speakers with
a large Spanish-speaking minority and a few other languages; substance-use and mood experiences far
more common than psychosis or military service; peers spread over the US time zones, carrying part
of a caseload already; about a third of participants asking for a peer of a given gender.
"""

from __future__ import annotations

from typing import Any

import numpy as np

EXPERIENCES = {
    "alcohol": 0.42,
    "opioids": 0.30,
    "stimulants": 0.17,
    "depression": 0.45,
    "anxiety": 0.40,
    "bipolar": 0.10,
    "psychosis": 0.05,
    "trauma": 0.35,
    "grief": 0.15,
    "incarceration": 0.14,
    "homelessness": 0.12,
    "veteran": 0.07,
    "lgbtq+": 0.10,
    "parenting": 0.25,
    "chronic_pain": 0.12,
}
OTHER_LANGUAGES = {"vi": 0.25, "zh": 0.2, "tl": 0.15, "ar": 0.1, "ht": 0.1, "ru": 0.1, "ko": 0.1}
TIME_ZONES = {
    "America/New_York": 0.45,
    "America/Chicago": 0.27,
    "America/Denver": 0.06,
    "America/Phoenix": 0.03,
    "America/Los_Angeles": 0.16,
    "America/Anchorage": 0.015,
    "Pacific/Honolulu": 0.015,
}
AGE_BANDS = ["18-24", "25-34", "35-44", "45-54", "55-64", "65+"]
PEER_AGE_WEIGHTS = [0.05, 0.22, 0.28, 0.22, 0.16, 0.07]
GENDERS = ["woman", "man", "non-binary"]
FORMATS = {"chat": 0.6, "phone": 0.65, "video": 0.45, "in_person": 0.35}
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
PARTS = ["night", "morning", "afternoon", "evening"]
# People in programmes are mostly free in the evenings and at weekends.
PART_WEIGHTS = {"night": 0.15, "morning": 0.8, "afternoon": 1.0, "evening": 1.6}
SLOTS = [f"{d}-{p}" for d in DAYS for p in PARTS]
SLOT_WEIGHTS = np.array(
    [PART_WEIGHTS[p] * (1.3 if d in ("sat", "sun") else 1.0) for d in DAYS for p in PARTS], dtype=float
)
SLOT_WEIGHTS /= SLOT_WEIGHTS.sum()


def _pick(rng: np.random.Generator, table: dict[str, float]) -> str:
    names = list(table)
    weights = np.array([table[n] for n in names], dtype=float)
    return names[int(rng.choice(len(names), p=weights / weights.sum()))]


def _languages(rng: np.random.Generator, english: float, spanish: float) -> list[str]:
    chosen = []
    if rng.random() < english:
        chosen.append("en")
    if rng.random() < spanish:
        chosen.append("es")
    if not chosen or rng.random() < 0.04:
        chosen.append(_pick(rng, OTHER_LANGUAGES))
    return chosen


def _experiences(rng: np.random.Generator) -> list[str]:
    names = [e for e, p in EXPERIENCES.items() if rng.random() < p]
    return names or [_pick(rng, EXPERIENCES)]


def _availability(rng: np.random.Generator) -> list[str]:
    count = int(rng.integers(4, 11))
    return [SLOTS[i] for i in sorted(rng.choice(len(SLOTS), size=count, replace=False, p=SLOT_WEIGHTS))]


def _formats(rng: np.random.Generator) -> list[str]:
    names = [f for f, p in FORMATS.items() if rng.random() < p]
    return names or [_pick(rng, FORMATS)]


def generate(n_participants: int, n_peers: int, seed: int = 1, caseload: float = 1.0) -> dict[str, Any]:
    """A matching input with the given numbers of people, identical for identical arguments.

    Each peer's current caseload is drawn uniformly between 0 and `caseload` times their capacity.
    """
    rng = np.random.default_rng(seed)
    peers = []
    for j in range(n_peers):
        capacity = int(rng.integers(8, 31))
        peers.append(
            {
                "id": 1000 + j,
                "capacity": capacity,
                "current_caseload": int(rng.integers(0, int(capacity * caseload) + 1)),
                "languages": _languages(rng, 0.85, 0.3),
                "gender": GENDERS[int(rng.choice(3, p=[0.55, 0.41, 0.04]))],
                "age_band": AGE_BANDS[int(rng.choice(len(AGE_BANDS), p=PEER_AGE_WEIGHTS))],
                "experiences": _experiences(rng),
                "availability": _availability(rng),
                "formats": _formats(rng),
                "timezone": _pick(rng, TIME_ZONES),
            }
        )
    participants = []
    for i in range(n_participants):
        experiences = _experiences(rng)
        n_priority = int(rng.integers(0, min(2, len(experiences)) + 1))
        gender_roll = rng.random()
        peer_gender = "woman" if gender_roll < 0.22 else "man" if gender_roll < 0.31 else None
        if rng.random() < 0.25:
            first = int(rng.integers(0, len(AGE_BANDS) - 1))
            bands = AGE_BANDS[first : first + int(rng.integers(1, 3))]
        else:
            bands = []
        record: dict[str, Any] = {
            "id": f"p{i}",
            "languages": _languages(rng, 0.8, 0.25),
            "experiences": experiences,
            "priority_experiences": [str(e) for e in rng.choice(experiences, n_priority, replace=False)],
            "peer_gender": peer_gender,
            "peer_age_bands": bands,
            "availability": _availability(rng),
            "formats": _formats(rng),
            "timezone": _pick(rng, TIME_ZONES),
            "exclude_peers": [],
            "current_peer": None,
        }
        if n_peers and rng.random() < 0.02:
            record["exclude_peers"] = [1000 + int(j) for j in rng.integers(0, n_peers, size=2)]
        if n_peers and rng.random() < 0.05:
            record["current_peer"] = 1000 + int(rng.integers(0, n_peers))
        participants.append(record)
    return {"peers": peers, "participants": participants}
