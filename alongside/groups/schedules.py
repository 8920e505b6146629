"""From stored series to computed occurrences, and how they read in a person's time zone.

The bridge between the models and the pure `recurrence` module: a series and its changes
become a `recurrence.Schedule`; an occurrence comes back as a `Meeting` that knows its series
and group. Nothing here queries the database on its own when the caller has loaded the
series with their group and changes (`series_queryset`).
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Prefetch, QuerySet
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from alongside.core.timezones import zone_label, zone_named
from alongside.groups import recurrence
from alongside.groups.models import Frequency, MeetingSeries, OccurrenceChange, SupportGroup


def series_queryset() -> QuerySet[MeetingSeries]:
    """Series with what computing their occurrences needs, in two queries for any number."""
    return MeetingSeries.objects.select_related("group").prefetch_related(
        Prefetch("changes", queryset=OccurrenceChange.objects.order_by("original_start"))
    )


def schedule_of(series: MeetingSeries, **details: str) -> recurrence.Schedule:
    changes: Iterable[OccurrenceChange] = series.changes.all()
    return recurrence.Schedule(
        uid=series.ical_uid,
        summary=details.pop("summary", "") or series.title or series.group.name,
        zone=series.timezone,
        first_day=series.first_day,
        start_time=series.start_time,
        duration=series.duration,
        frequency=series.frequency,
        month_week=series.month_week,
        until=series.until,
        cancelled=frozenset(c.original_start for c in changes if c.kind == OccurrenceChange.Kind.CANCELLED),
        moved={
            c.original_start: recurrence.Moved(c.new_start, c.new_end)
            for c in changes
            if c.kind == OccurrenceChange.Kind.MOVED and c.new_start and c.new_end
        },
        **details,
    )


@dataclass(frozen=True)
class Meeting:
    """One occurrence of a series: its (possibly moved) times, and whether it was cancelled."""

    series: MeetingSeries
    occurrence: recurrence.Occurrence

    @property
    def group(self) -> SupportGroup:
        return self.series.group

    @property
    def key(self) -> str:
        return self.occurrence.key

    @property
    def original_start(self) -> datetime:
        return self.occurrence.original_start

    @property
    def start(self) -> datetime:
        return self.occurrence.start

    @property
    def end(self) -> datetime:
        return self.occurrence.end

    @property
    def cancelled(self) -> bool:
        return self.occurrence.cancelled

    @property
    def moved(self) -> bool:
        return self.occurrence.moved

    @property
    def title(self) -> str:
        return self.series.title or self.series.group.name

    @property
    def change(self) -> OccurrenceChange | None:
        return next((c for c in self.series.changes.all() if c.original_start == self.original_start), None)

    def has_started(self, now: datetime) -> bool:
        return now >= self.start

    def has_ended(self, now: datetime) -> bool:
        return now >= self.end


def upcoming_meetings(
    series_list: Iterable[MeetingSeries], *, after: datetime, per_series: int
) -> list[Meeting]:
    """The next occurrences of each series (in progress ones included), earliest first."""
    meetings = [
        Meeting(series, occurrence)
        for series in series_list
        for occurrence in recurrence.upcoming(schedule_of(series), after, per_series)
    ]
    return sorted(meetings, key=lambda m: (m.start, m.series.pk))


def meetings_between(
    series_list: Iterable[MeetingSeries], start: datetime, end: datetime, *, include_cancelled: bool = False
) -> list[Meeting]:
    meetings = [
        Meeting(series, occurrence)
        for series in series_list
        for occurrence in recurrence.occurrences_between(
            schedule_of(series), start, end, include_cancelled=include_cancelled
        )
    ]
    return sorted(meetings, key=lambda m: (m.start, m.series.pk))


def meeting_at(series: MeetingSeries, original_start: datetime) -> Meeting | None:
    occurrence = recurrence.occurrence_at(schedule_of(series), original_start)
    return Meeting(series, occurrence) if occurrence is not None else None


# How times read ------------------------------------------------------------------------------


def day_text(moment: datetime) -> str:
    return _("%(weekday)s, %(date)s") % {
        "weekday": formats.date_format(moment, "l"),
        "date": formats.date_format(moment, "DATE_FORMAT"),
    }


def time_text(moment: datetime) -> str:
    return formats.time_format(moment, "TIME_FORMAT")


def zone_text(zone: zoneinfo.ZoneInfo | str) -> str:
    return zone_label(zone)


def when_text(start: datetime, end: datetime, zone: zoneinfo.ZoneInfo) -> str:
    """'Thursday, March 6, 2025, 7:00 PM to 8:00 PM (America/New York time)' in `zone`."""
    local_start, local_end = start.astimezone(zone), end.astimezone(zone)
    return _("%(day)s, %(start)s to %(end)s (%(zone)s time)") % {
        "day": day_text(local_start),
        "start": time_text(local_start),
        "end": time_text(local_end),
        "zone": zone_text(zone),
    }


ORDINALS = {
    1: pgettext_lazy("week of the month", "first"),
    2: pgettext_lazy("week of the month", "second"),
    3: pgettext_lazy("week of the month", "third"),
    4: pgettext_lazy("week of the month", "fourth"),
    recurrence.LAST_WEEK: pgettext_lazy("week of the month", "last"),
}


def schedule_text(series: MeetingSeries, *, today: date | None = None) -> str:
    """How a series repeats, in its own time zone: 'Every Thursday at 7:00 PM (America/New York
    time)'."""
    zone = zone_named(series.timezone)
    first = datetime.combine(series.first_day, series.start_time, tzinfo=zone)
    values = {
        "weekday": formats.date_format(first, "l"),
        "time": time_text(first),
        "zone": zone_text(zone),
        "date": day_text(first),
    }
    if series.frequency == Frequency.ONCE:
        text = _("Once, on %(date)s at %(time)s (%(zone)s time)") % values
    elif series.frequency == Frequency.DAILY:
        text = _("Every day at %(time)s (%(zone)s time)") % values
    elif series.frequency == Frequency.WEEKLY:
        text = _("Every %(weekday)s at %(time)s (%(zone)s time)") % values
    elif series.frequency == Frequency.BIWEEKLY:
        text = _("Every other %(weekday)s at %(time)s (%(zone)s time)") % values
    else:
        week = series.month_week or recurrence.month_week_of(series.first_day)
        text = _("The %(ordinal)s %(weekday)s of every month at %(time)s (%(zone)s time)") % {
            **values,
            "ordinal": ORDINALS.get(week, ""),
        }
    if series.until is not None and series.frequency != Frequency.ONCE:
        text += " " + _("until %(date)s") % {"date": formats.date_format(series.until, "DATE_FORMAT")}
    return text
