"""Weekly availability as day-parts, compared on one clock.

People say when they are free with day-part labels in their own time zone: ``"tue-evening"``,
``"sat-morning"``. A day-part is six hours of local wall-clock time:

=========  ===========
night      00:00-06:00 (the small hours of that day)
morning    06:00-12:00
afternoon  12:00-18:00
evening    18:00-24:00
=========  ===========

To compare two people in different zones, each week is laid onto UTC in quarter hours (672 per
week). The shift used is the zone's UTC offset during a fixed reference week, the week of Monday
1 January 2024, so the answer never depends on the day the matching runs. Daylight-saving changes
are deliberately not modelled: a weekly routine stays the same routine. The week wraps around, so
a Sunday evening in Honolulu lands on Monday morning in UTC.
"""

from __future__ import annotations

import functools
import zoneinfo
from datetime import datetime, timedelta

DAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_PARTS: tuple[str, ...] = ("night", "morning", "afternoon", "evening")
SLOT_LABELS: tuple[str, ...] = tuple(f"{day}-{part}" for day in DAYS for part in DAY_PARTS)
SLOT_INDEX: dict[str, int] = {label: i for i, label in enumerate(SLOT_LABELS)}
N_SLOTS = len(SLOT_LABELS)

QUARTERS_PER_SLOT = 24
QUARTERS_PER_WEEK = N_SLOTS * QUARTERS_PER_SLOT  # 672

# Mid-week noon of the reference week: far from any midnight, so the offset read here is the one
# people live with that week.
_REFERENCE_INSTANT = datetime(2024, 1, 3, 12, 0)  # noqa: DTZ001 - naive on purpose, zone attached below


class UnknownTimeZone(ValueError):
    """Raised for a name the IANA time-zone database does not know."""


@functools.lru_cache(maxsize=1024)
def zone_offset_quarters(zone_name: str) -> int:
    """UTC offset of `zone_name` in the reference week, in whole quarter hours (east positive).

    Raises UnknownTimeZone when the name is not an IANA zone.
    """
    if not isinstance(zone_name, str) or not zone_name or zone_name != zone_name.strip():
        raise UnknownTimeZone(zone_name)
    try:
        zone = zoneinfo.ZoneInfo(zone_name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise UnknownTimeZone(zone_name) from exc
    offset = _REFERENCE_INSTANT.replace(tzinfo=zone).utcoffset() or timedelta(0)
    return int(offset.total_seconds() // 900)


def slot_utc_start(slot: int, offset_quarters: int) -> int:
    """First UTC quarter hour of local day-part `slot` for someone at `offset_quarters`."""
    return (slot * QUARTERS_PER_SLOT - offset_quarters) % QUARTERS_PER_WEEK


@functools.lru_cache(maxsize=65536)
def slot_mask(slot: int, offset_quarters: int) -> int:
    """The UTC quarter hours covered by one local day-part, as a 672-bit integer."""
    start = slot_utc_start(slot, offset_quarters)
    bits = (1 << QUARTERS_PER_SLOT) - 1
    end = start + QUARTERS_PER_SLOT
    if end <= QUARTERS_PER_WEEK:
        return bits << start
    spill = end - QUARTERS_PER_WEEK
    return ((bits << start) & ((1 << QUARTERS_PER_WEEK) - 1)) | ((1 << spill) - 1)


@functools.lru_cache(maxsize=65536)
def week_mask(slots: tuple[int, ...], offset_quarters: int) -> int:
    """Union of the UTC quarter hours of several local day-parts, as a 672-bit integer."""
    mask = 0
    for slot in slots:
        mask |= slot_mask(slot, offset_quarters)
    return mask
