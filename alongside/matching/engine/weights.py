"""How much each shared thing counts when proposing a peer supporter.

Weights are organization settings. Scores are kept internally as whole numbers of score units
(1/4000 of a point) so that the batch solver works on exact integers: every weight is rounded to
that grid once, here, and both the single-pair score and the batch solver use the rounded values.
`availability_per_hour` is applied per overlapping quarter hour, so it is rounded to 1/1000 of a
point per hour. Rounding therefore never differs between the reported scores and the optimum.
"""

from __future__ import annotations

import math
from dataclasses import astuple, dataclass, fields

SCORE_UNITS_PER_POINT = 4000
MAX_WEIGHT = 1000
"""Keeps every score, and the solver's large constant, well inside exact integer arithmetic."""


@dataclass(frozen=True)
class Weights:
    """Points awarded for what a participant and a peer supporter have in common.

    All weights must be finite, non-negative and at most `MAX_WEIGHT` points.
    """

    shared_experience: float = 2.0
    """For each lived experience both people share."""
    priority_experience: float = 2.0
    """Extra, on top of `shared_experience`, when the participant marked that experience a priority."""
    availability_per_hour: float = 0.2
    """For each hour of the week both people are free (after time-zone conversion)."""
    shared_format: float = 0.5
    """For each way of meeting both people are happy with (chat, phone, video, in person)."""
    age_band: float = 1.0
    """When the peer is in an age band the participant asked for, or the participant has no preference."""
    continuity: float = 3.0
    """When the peer is the participant's current peer: changing peers has a cost for people."""

    def __post_init__(self) -> None:
        for field in fields(self):
            value = getattr(self, field.name)
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise TypeError(f"weight {field.name} must be a number")
            if not math.isfinite(value) or value < 0 or value > MAX_WEIGHT:
                raise ValueError(f"weight {field.name} must be between 0 and {MAX_WEIGHT}, got {value!r}")


@dataclass(frozen=True)
class UnitWeights:
    """`Weights` rounded to whole score units; availability is per quarter hour."""

    shared_experience: int
    priority_experience: int
    availability_per_quarter: int
    shared_format: int
    age_band: int
    continuity: int

    @property
    def common_divisor(self) -> int:
        """Largest whole number dividing every weight (1 when all are zero); every score is a multiple."""
        return math.gcd(*astuple(self)) or 1

    @classmethod
    def from_weights(cls, weights: Weights) -> UnitWeights:
        def units(points: float) -> int:
            return math.floor(points * SCORE_UNITS_PER_POINT + 0.5)

        return cls(
            shared_experience=units(weights.shared_experience),
            priority_experience=units(weights.priority_experience),
            availability_per_quarter=units(weights.availability_per_hour / 4),
            shared_format=units(weights.shared_format),
            age_band=units(weights.age_band),
            continuity=units(weights.continuity),
        )


def to_points(units: int) -> float:
    """Score units back to points, as shown to people and written to the output."""
    return units / SCORE_UNITS_PER_POINT
