"""When a group meets: RFC 5545 recurrence, computed by icalendar and recurring-ical-events.

Pure: plain data in, plain data out, nothing from Django. A meeting series is one VEVENT with
an RRULE whose DTSTART carries the group's time zone, so a 7 pm meeting stays at 7 pm local
time across daylight-saving changes. A cancelled occurrence is an EXDATE; a moved one is an
overriding VEVENT with the same UID and a RECURRENCE-ID naming the original start. The same
components make up the calendar feeds, so what a calendar app shows is exactly what the
application computes.

An occurrence is identified by its series and its original start (the RECURRENCE-ID), which
does not change when the occurrence is moved.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import icalendar
import recurring_ical_events

ONCE = "once"
DAILY = "daily"
WEEKLY = "weekly"
BIWEEKLY = "biweekly"
MONTHLY = "monthly"  # on the same weekday of the month: "the second Tuesday"
FREQUENCIES = (ONCE, DAILY, WEEKLY, BIWEEKLY, MONTHLY)

ICAL_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
LAST_WEEK = -1
PRODID = "-//Alongside//Support groups//EN"
KEY_FORMAT = "%Y%m%dT%H%M%SZ"
# How far ahead `upcoming` looks before it settles for fewer occurrences than asked for.
UPCOMING_HORIZON = timedelta(days=800)


@dataclass(frozen=True)
class Moved:
    start: datetime
    end: datetime


@dataclass(frozen=True)
class Schedule:
    """One meeting series and its exceptions, as plain data.

    `first_day` and `start_time` are local to `zone`; `until` is the last local day a meeting
    may fall on. `cancelled` and the keys of `moved` are original starts (any aware datetime
    naming the same instant).
    """

    uid: str
    summary: str
    zone: str
    first_day: date
    start_time: time
    duration: timedelta
    frequency: str
    month_week: int = 0
    until: date | None = None
    cancelled: frozenset[datetime] = frozenset()
    moved: Mapping[datetime, Moved] = field(default_factory=dict)
    description: str = ""
    location: str = ""
    url: str = ""

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.zone)

    @property
    def first_start(self) -> datetime:
        return datetime.combine(self.first_day, self.start_time, tzinfo=self.tz)

    def without_exceptions(self) -> Schedule:
        return replace(self, cancelled=frozenset(), moved={})


@dataclass(frozen=True)
class Occurrence:
    uid: str
    original_start: datetime
    start: datetime
    end: datetime
    moved: bool = False
    cancelled: bool = False

    @property
    def key(self) -> str:
        return occurrence_key(self.original_start)


def occurrence_key(original_start: datetime) -> str:
    """The original start in UTC, compact: how an occurrence is named in URLs."""
    return original_start.astimezone(UTC).strftime(KEY_FORMAT)


def parse_occurrence_key(key: str) -> datetime | None:
    try:
        return datetime.strptime(key, KEY_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return None


def month_week_of(day: date) -> int:
    """Which of its weekdays in the month `day` is: 1 to 4, or LAST_WEEK for a fifth one."""
    week = (day.day - 1) // 7 + 1
    return LAST_WEEK if week == 5 else week


def is_last_weekday_of_month(day: date) -> bool:
    return (day + timedelta(days=7)).month != day.month


def rule(schedule: Schedule) -> dict[str, Any]:
    """The RRULE for a schedule. A one-off meeting is a rule with a single occurrence, so that
    cancelling or moving it works the same way as for a repeating one."""
    weekday = ICAL_WEEKDAYS[schedule.first_day.weekday()]
    if schedule.frequency == ONCE:
        return {"FREQ": "DAILY", "COUNT": 1}
    if schedule.frequency == DAILY:
        recur: dict[str, Any] = {"FREQ": "DAILY"}
    elif schedule.frequency == WEEKLY:
        recur = {"FREQ": "WEEKLY", "BYDAY": weekday}
    elif schedule.frequency == BIWEEKLY:
        recur = {"FREQ": "WEEKLY", "INTERVAL": 2, "BYDAY": weekday}
    elif schedule.frequency == MONTHLY:
        week = schedule.month_week or month_week_of(schedule.first_day)
        recur = {"FREQ": "MONTHLY", "BYDAY": f"{week}{weekday}"}
    else:
        raise ValueError(f"unknown frequency {schedule.frequency!r}")
    if schedule.until is not None:
        # With a TZID on DTSTART, RFC 5545 wants UNTIL in UTC: the end of the last local day.
        last_moment = datetime.combine(schedule.until, time(23, 59, 59), tzinfo=schedule.tz)
        recur["UNTIL"] = last_moment.astimezone(UTC)
    return recur


def events(schedule: Schedule, *, stamp: datetime) -> list[icalendar.Event]:
    """The series as VEVENTs: the master with its RRULE and EXDATEs, then one override per
    moved occurrence."""
    tz = schedule.tz
    master = icalendar.Event()
    master.add("uid", schedule.uid)
    master.add("dtstamp", stamp.astimezone(UTC))
    master.add("dtstart", schedule.first_start)
    master.add("dtend", schedule.first_start + schedule.duration)
    master.add("summary", schedule.summary)
    master.add("rrule", rule(schedule))
    for original in sorted(schedule.cancelled):
        master.add("exdate", original.astimezone(tz))
    _details(master, schedule)
    overrides = []
    for original, moved in sorted(schedule.moved.items()):
        if original in schedule.cancelled:
            continue
        override = icalendar.Event()
        override.add("uid", schedule.uid)
        override.add("dtstamp", stamp.astimezone(UTC))
        override.add("recurrence-id", original.astimezone(tz))
        override.add("dtstart", moved.start.astimezone(tz))
        override.add("dtend", moved.end.astimezone(tz))
        override.add("summary", schedule.summary)
        _details(override, schedule)
        overrides.append(override)
    return [master, *overrides]


def _details(event: icalendar.Event, schedule: Schedule) -> None:
    if schedule.description:
        event.add("description", schedule.description)
    if schedule.location:
        event.add("location", schedule.location)
    if schedule.url:
        event.add("url", schedule.url)


def calendar(components: Iterable[icalendar.Event], *, stamp: datetime, name: str = "") -> icalendar.Calendar:
    """A VCALENDAR holding `components` and a VTIMEZONE for every zone they use."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.calendar_name = name
    starts = []
    for component in components:
        cal.add_component(component)
        starts.append(component.decoded("dtstart").date())
    first = min(starts, default=stamp.date())
    cal.add_missing_timezones(
        first_date=first - timedelta(days=31), last_date=max(first, stamp.date()) + timedelta(days=3660)
    )
    return cal


def schedule_calendar(schedule: Schedule, *, stamp: datetime | None = None) -> icalendar.Calendar:
    stamp = stamp or datetime.now(UTC)
    return calendar(events(schedule, stamp=stamp), stamp=stamp)


def _occurrence(schedule: Schedule, component: icalendar.Event) -> Occurrence:
    start = component.decoded("dtstart")
    end = component.decoded("dtend")
    recurrence_id = component.get("recurrence-id")
    original = recurrence_id.dt if recurrence_id is not None else start
    return Occurrence(
        uid=schedule.uid,
        original_start=original.astimezone(schedule.tz),
        start=start.astimezone(schedule.tz),
        end=end.astimezone(schedule.tz),
        moved=original in schedule.moved,
    )


def occurrences_between(
    schedule: Schedule, start: datetime, end: datetime, *, include_cancelled: bool = False
) -> list[Occurrence]:
    """Occurrences that overlap [start, end), by their (possibly moved) times, earliest first.
    Cancelled ones are left out unless asked for (then by their original times)."""
    query = recurring_ical_events.of(schedule_calendar(schedule))
    found = [_occurrence(schedule, component) for component in query.between(start, end)]
    if include_cancelled:
        duration = schedule.duration
        for original in schedule.cancelled:
            if original < end and original + duration > start:
                found.append(
                    Occurrence(
                        uid=schedule.uid,
                        original_start=original.astimezone(schedule.tz),
                        start=original.astimezone(schedule.tz),
                        end=(original + duration).astimezone(schedule.tz),
                        cancelled=True,
                    )
                )
    return sorted(found, key=lambda occurrence: (occurrence.start, occurrence.original_start))


def upcoming(schedule: Schedule, after: datetime, limit: int) -> list[Occurrence]:
    """The next `limit` occurrences that have not ended by `after` (one in progress counts).

    Asks the library for widening windows rather than iterating with `after()`, which walks
    every occurrence since the series began and is several times slower."""
    window = timedelta(days=35)
    while True:
        found = occurrences_between(schedule, after, after + window)
        if len(found) >= limit or window > UPCOMING_HORIZON:
            return found[:limit]
        window *= 3


def occurrence_at(schedule: Schedule, original_start: datetime) -> Occurrence | None:
    """The occurrence whose original start is `original_start`, with any change applied (a
    cancelled one is returned marked as such), or None if the rule has no such occurrence."""
    plain = schedule.without_exceptions()
    query = recurring_ical_events.of(schedule_calendar(plain))
    for component in query.between(original_start, original_start + timedelta(seconds=1)):
        occurrence = _occurrence(plain, component)
        if occurrence.original_start != original_start:
            continue
        if original_start in schedule.cancelled:
            return replace(occurrence, cancelled=True)
        moved = schedule.moved.get(original_start)
        if moved is not None:
            return replace(
                occurrence,
                start=moved.start.astimezone(schedule.tz),
                end=moved.end.astimezone(schedule.tz),
                moved=True,
            )
        return occurrence
    return None
