"""Meeting recurrence with RFC 5545 rules: no database, plain data in and out."""

from __future__ import annotations

import zoneinfo
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import icalendar
import recurring_ical_events

from alongside.groups import recurrence
from alongside.groups.recurrence import Moved, Schedule

NY = zoneinfo.ZoneInfo("America/New_York")
MADRID = zoneinfo.ZoneInfo("Europe/Madrid")


def schedule(**overrides) -> Schedule:
    values = {
        "uid": "series-1@alongside",
        "summary": "Thursday circle",
        "zone": "America/New_York",
        "first_day": date(2025, 1, 2),  # a Thursday
        "start_time": time(19, 0),
        "duration": timedelta(minutes=90),
        "frequency": recurrence.WEEKLY,
    }
    return Schedule(**{**values, **overrides})


def starts(found) -> list[datetime]:
    return [occurrence.start for occurrence in found]


def between(s: Schedule, start: date, end: date, **kwargs) -> list[recurrence.Occurrence]:
    return recurrence.occurrences_between(
        s, datetime.combine(start, time(0), tzinfo=NY), datetime.combine(end, time(0), tzinfo=NY), **kwargs
    )


def test_a_weekly_meeting_falls_on_the_same_weekday_every_week() -> None:
    found = between(schedule(), date(2025, 1, 1), date(2025, 2, 1))
    assert [o.start.date() for o in found] == [date(2025, 1, d) for d in (2, 9, 16, 23, 30)]
    assert all(o.start.time() == time(19) and o.end - o.start == timedelta(minutes=90) for o in found)


def test_a_biweekly_meeting_skips_every_other_week() -> None:
    found = between(schedule(frequency=recurrence.BIWEEKLY), date(2025, 1, 1), date(2025, 3, 1))
    assert [o.start.date() for o in found] == [
        date(2025, 1, 2),
        date(2025, 1, 16),
        date(2025, 1, 30),
        date(2025, 2, 13),
        date(2025, 2, 27),
    ]


def test_a_monthly_meeting_is_on_the_same_weekday_of_the_month() -> None:
    # 11 March 2025 is the 2nd Tuesday of March.
    s = schedule(first_day=date(2025, 3, 11), frequency=recurrence.MONTHLY, month_week=2)
    found = between(s, date(2025, 3, 1), date(2025, 8, 1))
    assert [o.start.date() for o in found] == [
        date(2025, 3, 11),
        date(2025, 4, 8),
        date(2025, 5, 13),
        date(2025, 6, 10),
        date(2025, 7, 8),
    ]
    assert {o.start.weekday() for o in found} == {1}


def test_a_fifth_weekday_becomes_the_last_weekday_of_each_month() -> None:
    assert recurrence.month_week_of(date(2025, 1, 31)) == recurrence.LAST_WEEK  # the 5th Friday
    assert recurrence.month_week_of(date(2025, 1, 10)) == 2
    s = schedule(first_day=date(2025, 1, 31), frequency=recurrence.MONTHLY, month_week=-1)
    found = between(s, date(2025, 1, 1), date(2025, 4, 1))
    assert [o.start.date() for o in found] == [date(2025, 1, 31), date(2025, 2, 28), date(2025, 3, 28)]


def test_a_daily_meeting_happens_every_day() -> None:
    s = schedule(frequency=recurrence.DAILY, first_day=date(2025, 1, 1), start_time=time(12))
    found = between(s, date(2025, 1, 1), date(2025, 1, 8))
    assert [o.start.date() for o in found] == [date(2025, 1, d) for d in range(1, 8)]


def test_a_one_off_meeting_happens_once() -> None:
    s = schedule(frequency=recurrence.ONCE)
    assert starts(between(s, date(2024, 12, 1), date(2026, 1, 1))) == [datetime(2025, 1, 2, 19, tzinfo=NY)]


def test_seven_pm_stays_seven_pm_local_time_across_the_spring_and_autumn_clock_changes() -> None:
    # The US moved its clocks on 9 March and 2 November 2025.
    s = schedule(first_day=date(2025, 2, 27))
    found = between(s, date(2025, 2, 26), date(2025, 11, 14))
    assert {o.start.astimezone(NY).time() for o in found} == {time(19)}
    by_day = {o.start.date(): o.start.astimezone(UTC).hour for o in found}
    assert by_day[date(2025, 3, 6)] == 0  # 19:00 EST is midnight UTC
    assert by_day[date(2025, 3, 13)] == 23  # 19:00 EDT is 23:00 UTC
    assert by_day[date(2025, 10, 30)] == 23
    assert by_day[date(2025, 11, 6)] == 0


def test_the_clock_change_of_the_group_zone_is_used_not_the_viewers() -> None:
    # Europe changes its clocks three weeks after the US: the local time in Madrid holds.
    s = schedule(zone="Europe/Madrid", first_day=date(2025, 3, 6))
    found = between(s, date(2025, 3, 1), date(2025, 4, 10))
    assert {o.start.astimezone(MADRID).time() for o in found} == {time(19)}
    assert [o.start.astimezone(UTC).hour for o in found] == [18, 18, 18, 18, 17]


def test_a_cancelled_occurrence_is_left_out_and_the_others_stay() -> None:
    cancelled = datetime(2025, 1, 16, 19, tzinfo=NY)
    s = schedule(cancelled=frozenset({cancelled.astimezone(UTC)}))  # any aware form of the instant
    found = between(s, date(2025, 1, 1), date(2025, 2, 1))
    assert [o.start.day for o in found] == [2, 9, 23, 30]
    with_cancelled = between(s, date(2025, 1, 1), date(2025, 2, 1), include_cancelled=True)
    assert [(o.start.day, o.cancelled) for o in with_cancelled][2] == (16, True)


def test_a_moved_occurrence_keeps_its_original_start_as_its_identity() -> None:
    original = datetime(2025, 1, 16, 19, tzinfo=NY)
    moved = Moved(datetime(2025, 1, 17, 18, tzinfo=NY), datetime(2025, 1, 17, 20, tzinfo=NY))
    s = schedule(moved={original: moved})
    found = between(s, date(2025, 1, 1), date(2025, 2, 1))
    assert [o.start.day for o in found] == [2, 9, 17, 23, 30]
    friday = found[2]
    assert (friday.original_start, friday.start, friday.end, friday.moved) == (
        original,
        moved.start,
        moved.end,
        True,
    )
    assert friday.key == "20250117T000000Z"


def test_a_meeting_moved_into_another_week_is_found_at_its_new_time() -> None:
    original = datetime(2025, 1, 16, 19, tzinfo=NY)
    s = schedule(
        moved={original: Moved(datetime(2025, 2, 3, 19, tzinfo=NY), datetime(2025, 2, 3, 20, tzinfo=NY))}
    )
    assert [o.start.day for o in between(s, date(2025, 1, 14), date(2025, 1, 20))] == []
    assert [o.original_start for o in between(s, date(2025, 2, 3), date(2025, 2, 4))] == [original]


def test_an_occurrence_is_found_by_its_original_start_with_its_change_applied() -> None:
    original = datetime(2025, 1, 16, 19, tzinfo=NY)
    moved_to = datetime(2025, 1, 17, 18, tzinfo=NY)
    s = schedule(
        moved={original: Moved(moved_to, moved_to + timedelta(hours=1))},
        cancelled=frozenset({datetime(2025, 1, 23, 19, tzinfo=NY)}),
    )
    assert recurrence.occurrence_at(s, original).start == moved_to
    assert recurrence.occurrence_at(s, datetime(2025, 1, 23, 19, tzinfo=NY)).cancelled is True
    assert recurrence.occurrence_at(s, datetime(2025, 1, 9, 19, tzinfo=NY)).moved is False
    assert recurrence.occurrence_at(s, datetime(2025, 1, 9, 18, tzinfo=NY)) is None  # not on the rule
    assert recurrence.occurrence_at(s, datetime(2025, 1, 10, 19, tzinfo=NY)) is None


def test_nothing_happens_after_the_last_day() -> None:
    s = schedule(until=date(2025, 1, 23))
    assert [o.start.day for o in between(s, date(2025, 1, 1), date(2025, 3, 1))] == [2, 9, 16, 23]


def test_upcoming_counts_a_meeting_in_progress_and_finds_far_ones() -> None:
    s = schedule(frequency=recurrence.MONTHLY, first_day=date(2025, 1, 9), month_week=2)
    during = datetime(2025, 1, 9, 19, 30, tzinfo=NY)
    found = recurrence.upcoming(s, during, 8)
    assert found[0].start == datetime(2025, 1, 9, 19, tzinfo=NY)
    assert len(found) == 8
    assert found[-1].start.date() == date(2025, 8, 14)


def test_an_occurrence_key_names_the_original_start_in_utc() -> None:
    original = datetime(2025, 7, 3, 19, tzinfo=NY)
    key = recurrence.occurrence_key(original)
    assert key == "20250703T230000Z"
    assert recurrence.parse_occurrence_key(key) == original
    assert recurrence.parse_occurrence_key("not-a-time") is None


def test_the_calendar_file_is_valid_and_reads_back_the_same_occurrences() -> None:
    original = datetime(2025, 1, 16, 19, tzinfo=NY)
    s = schedule(
        cancelled=frozenset({datetime(2025, 1, 23, 19, tzinfo=NY)}),
        moved={original: Moved(datetime(2025, 1, 17, 18, tzinfo=NY), datetime(2025, 1, 17, 19, tzinfo=NY))},
        location="41 Wharf Street",
    )
    stamp = datetime(2025, 1, 1, tzinfo=UTC)
    text = recurrence.calendar(recurrence.events(s, stamp=stamp), stamp=stamp).to_ical()
    assert b"DTSTART;TZID=America/New_York:20250102T190000" in text
    assert b"RRULE:FREQ=WEEKLY;BYDAY=TH" in text
    assert b"RECURRENCE-ID;TZID=America/New_York:20250116T190000" in text
    assert b"EXDATE;TZID=America/New_York:20250123T190000" in text
    parsed = icalendar.Calendar.from_ical(text)
    assert [tz.tz_name for tz in parsed.timezones] == ["America/New_York"]
    for event in parsed.walk("VEVENT"):
        assert event["UID"] == "series-1@alongside" and "DTSTAMP" in event
    window = (datetime(2025, 1, 1, tzinfo=UTC), datetime(2025, 2, 1, tzinfo=UTC))
    read_back = [e.decoded("dtstart") for e in recurring_ical_events.of(parsed).between(*window)]
    assert read_back == starts(recurrence.occurrences_between(s, *window))


def test_a_schedule_without_its_exceptions_has_every_occurrence() -> None:
    s = schedule(cancelled=frozenset({datetime(2025, 1, 9, 19, tzinfo=NY)}))
    assert len(between(replace(s).without_exceptions(), date(2025, 1, 1), date(2025, 1, 17))) == 3
    assert len(between(s, date(2025, 1, 1), date(2025, 1, 17))) == 2
