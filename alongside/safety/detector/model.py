"""The result type of a screening and the ordered list of levels."""

from __future__ import annotations

from dataclasses import dataclass

#: The levels a screening can return, from least to most serious.
LEVELS: tuple[str, ...] = ("none", "concern", "urgent")

_RANK = {name: rank for rank, name in enumerate(LEVELS)}


def level_rank(level: str) -> int:
    """The position of `level` in LEVELS (0 for none); raises ValueError for an unknown level."""
    try:
        return _RANK[level]
    except KeyError:
        raise ValueError(f"unknown screening level {level!r}") from None


@dataclass(frozen=True, slots=True)
class Screening:
    """What the screening found in one piece of text.

    `level` is one of LEVELS. `categories` is sorted and holds each category once, whatever order
    it was given in. `reasons` quote the words that triggered each finding, most serious first.
    """

    level: str = "none"
    categories: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        level_rank(self.level)
        # A frozen dataclass can still normalise itself once, here, so callers may pass any iterable.
        object.__setattr__(self, "categories", tuple(sorted(set(self.categories))))
        object.__setattr__(self, "reasons", tuple(self.reasons))

    @property
    def flagged(self) -> bool:
        """True when the level is concern or urgent."""
        return self.level != "none"

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict: {"level": str, "categories": [str], "reasons": [str]}."""
        return {"level": self.level, "categories": list(self.categories), "reasons": list(self.reasons)}


NONE = Screening()
