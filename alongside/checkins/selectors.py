"""Reads of check-ins. A participant reading their own needs no audit; anyone else goes through
participants.selectors first and is audited here."""

from __future__ import annotations

import calendar
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import mean
from typing import Any

from django.db.models import QuerySet
from django.utils.formats import get_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from alongside.accounts.models import Membership
from alongside.checkins.charts import LineChart, line_chart
from alongside.checkins.forms import CheckInForm
from alongside.checkins.models import CheckIn
from alongside.checkins.services import LATE_DAYS
from alongside.core.audit import audit_record
from alongside.core.timezones import today_of
from alongside.participants.models import ParticipantProfile

TREND_WINDOWS = (7, 30, 90)


def checkins_of(*, viewer: Membership, participant: Membership, days: int | None = None) -> QuerySet[CheckIn]:
    """A participant's check-ins, newest first, for someone already allowed to see that
    participant (see participants.selectors). Audited as checkin.read when the viewer is not
    the participant."""
    checkins = CheckIn.objects.filter(participant=participant).order_by("-day")
    if days is not None:
        checkins = checkins[:days]
    if viewer.pk != participant.pk:
        audit_record(
            action="checkin.read",
            actor=viewer.user,
            organization=participant.organization,
            subject=participant,
        )
    return checkins


def my_checkins(participant: Membership, *, start: date, end: date) -> QuerySet[CheckIn]:
    """The participant's own check-ins from `start` to `end` inclusive, newest first."""
    return CheckIn.objects.filter(participant=participant, day__gte=start, day__lte=end).order_by("-day")


@dataclass(frozen=True)
class Measures:
    """Which optional questions this participant is asked."""

    substance_use: bool = False
    medication: bool = False


def checkin_measures_for(participant: Membership) -> Measures:
    """Read-only (does not create a profile). One query."""
    profile = (
        ParticipantProfile.objects.filter(participant=participant).only("focus", "tracks_medication").first()
    )
    if profile is None:
        return Measures()
    return Measures(substance_use=profile.substance_use_applies, medication=profile.tracks_medication)


def checkin_form_for(
    participant: Membership, *, today: date | None = None, with_day: bool = False
) -> CheckInForm:
    """The check-in form for this participant: the questions that apply to them, filled in with
    today's check-in if there is one. Two queries."""
    today = today or today_of(participant)
    measures = checkin_measures_for(participant)
    todays = CheckIn.objects.filter(participant=participant, day=today).first()
    return CheckInForm(
        measures=measures,
        today=today,
        with_day=with_day,
        initial=CheckInForm.initial_from(todays) if todays else None,
    )


# Trends ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrendRow:
    day: date
    checkin: CheckIn | None


@dataclass(frozen=True)
class Trend:
    key: str
    days: int
    chart: LineChart
    values: list[int]
    low: int
    high: int
    labels: Mapping[int, Any]

    @property
    def count(self) -> int:
        return len(self.values)

    @property
    def average(self) -> float | None:
        return round(mean(self.values), 1) if self.values else None

    @property
    def lowest(self) -> int | None:
        return min(self.values) if self.values else None

    @property
    def highest(self) -> int | None:
        return max(self.values) if self.values else None

    def label(self, value: int | None) -> str:
        if value is None:
            return ""
        return str(self.labels.get(value, value))

    @property
    def name(self) -> str:
        return {"mood": _("Mood"), "sleep": _("Sleep"), "cravings": _("Cravings")}[self.key]

    @property
    def title(self) -> str:
        return {
            "mood": _("Your mood over the last %(days)s days"),
            "sleep": _("Your sleep over the last %(days)s days"),
            "cravings": _("Your cravings over the last %(days)s days"),
        }[self.key] % {"days": self.days}

    @property
    def scale(self) -> str:
        return {
            "mood": _("1 = very low, 3 = okay, 5 = very good."),
            "sleep": _("1 = very poorly, 3 = okay, 5 = very well."),
            "cravings": _("0 = none, 10 = the strongest."),
        }[self.key]

    @property
    def description(self) -> str:
        """What the chart shows, in words, for people who do not see it."""
        if not self.values:
            return str(_("No answers in these days yet. The table below lists every day."))
        summary = ngettext(
            "%(count)s answer; average %(average)s.",
            "%(count)s answers; average %(average)s.",
            self.count,
        ) % {"count": self.count, "average": number_format(self.average or 0, 1)}
        extremes = _("Lowest: %(low)s. Highest: %(high)s.") % {
            "low": self.label(self.lowest),
            "high": self.label(self.highest),
        }
        return f"{summary} {extremes} {self.scale} " + str(_("The table below lists every day."))


@dataclass(frozen=True)
class TrendSet:
    days: int
    start: date
    end: date
    rows: list[TrendRow]
    mood: Trend
    sleep: Trend
    cravings: Trend | None

    @property
    def checkin_count(self) -> int:
        return sum(1 for row in self.rows if row.checkin is not None)

    @property
    def charts(self) -> list[Trend]:
        return [t for t in (self.mood, self.sleep, self.cravings) if t is not None]


def _trend(
    key: str,
    days: list[date],
    values: list[int | None],
    low: int,
    high: int,
    ticks: list[int],
    labels: Mapping[int, Any],
) -> Trend:
    return Trend(
        key=key,
        days=len(days),
        chart=line_chart(days=days, values=values, low=low, high=high, y_ticks=ticks),
        values=[v for v in values if v is not None],
        low=low,
        high=high,
        labels=labels,
    )


def trends_for(participant: Membership, *, days: int, today: date | None = None) -> TrendSet:
    """The participant's own mood, sleep and (when substance use applies, or they have
    recorded any) cravings over the last `days` days ending today. Two queries, whatever the
    length of their history."""
    if days not in TREND_WINDOWS:
        raise ValueError(f"days must be one of {TREND_WINDOWS}")
    today = today or today_of(participant)
    start = today - timedelta(days=days - 1)
    checkins = {
        c.day: c
        for c in CheckIn.objects.filter(participant=participant, day__gte=start, day__lte=today).only(
            "day", "mood", "sleep_quality", "cravings", "used", "took_medication", "wants_to_talk", "is_late"
        )
    }
    span = [start + timedelta(days=i) for i in range(days)]
    rows = [TrendRow(day=d, checkin=checkins.get(d)) for d in reversed(span)]
    moods = [checkins[d].mood if d in checkins else None for d in span]
    sleeps = [checkins[d].sleep_quality if d in checkins else None for d in span]
    cravings = [checkins[d].cravings if d in checkins else None for d in span]
    show_cravings = any(v is not None for v in cravings) or checkin_measures_for(participant).substance_use
    return TrendSet(
        days=days,
        start=start,
        end=today,
        rows=rows,
        mood=_trend("mood", span, moods, 1, 5, [1, 2, 3, 4, 5], dict(CheckIn.MOOD_CHOICES)),
        sleep=_trend("sleep", span, sleeps, 1, 5, [1, 2, 3, 4, 5], dict(CheckIn.SLEEP_CHOICES)),
        cravings=_trend("cravings", span, cravings, 0, 10, [0, 5, 10], {}) if show_cravings else None,
    )


def trend_card_for(participant: Membership, *, today: date | None = None) -> dict[str, object]:
    """Context for `checkins/_trend_card.html` on the participant's home page: a 7-day mood
    sparkline with its table. One query."""
    today = today or today_of(participant)
    start = today - timedelta(days=6)
    moods = dict(
        CheckIn.objects.filter(participant=participant, day__gte=start, day__lte=today).values_list(
            "day", "mood"
        )
    )
    span = [start + timedelta(days=i) for i in range(7)]
    values = [moods.get(d) for d in span]
    labels = dict(CheckIn.MOOD_CHOICES)
    return {
        "mood_sparkline": line_chart(
            days=span,
            values=values,
            low=1,
            high=5,
            y_ticks=[],
            width=160,
            height=40,
            x_tick_count=0,
            margin_left=4,
            margin_right=4,
            margin_top=4,
            margin_bottom=4,
        ),
        "mood_week": [(d, labels.get(moods[d]) if d in moods else None) for d in span],
        "mood_week_count": len(moods),
    }


# Calendar -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CalendarDay:
    day: date
    in_month: bool
    checkin: CheckIn | None
    is_today: bool
    is_future: bool
    can_add: bool


@dataclass(frozen=True)
class CalendarMonth:
    first: date
    weeks: list[list[CalendarDay]]
    weekday_order: list[int]  # 0 = Monday, as in `calendar`
    previous: date
    next: date | None
    checkin_count: int


def first_weekday() -> int:
    """The first day of the week for the active language (Django counts from Sunday = 0;
    Python's calendar from Monday = 0)."""
    return (int(get_format("FIRST_DAY_OF_WEEK")) - 1) % 7


def calendar_month_for(participant: Membership, *, month: date, today: date | None = None) -> CalendarMonth:
    """One month of the participant's own check-ins as weeks of days. One query."""
    today = today or today_of(participant)
    first = month.replace(day=1)
    weeks = calendar.Calendar(first_weekday()).monthdatescalendar(first.year, first.month)
    checkins = {
        c.day: c
        for c in CheckIn.objects.filter(
            participant=participant, day__gte=weeks[0][0], day__lte=weeks[-1][-1]
        ).only("day", "mood", "is_late", "wants_to_talk")
    }
    oldest_addable = today - timedelta(days=LATE_DAYS)
    grid = [
        [
            CalendarDay(
                day=d,
                in_month=d.month == first.month,
                checkin=checkins.get(d) if d.month == first.month else None,
                is_today=d == today,
                is_future=d > today,
                can_add=d.month == first.month and oldest_addable <= d <= today and d not in checkins,
            )
            for d in week
        ]
        for week in weeks
    ]
    following = (first + timedelta(days=32)).replace(day=1)
    return CalendarMonth(
        first=first,
        weeks=grid,
        weekday_order=[(first_weekday() + i) % 7 for i in range(7)],
        previous=(first - timedelta(days=1)).replace(day=1),
        next=following if following <= today else None,
        checkin_count=sum(1 for d in checkins if d.month == first.month),
    )


# Signals for the peer supporter's caseload ----------------------------------------------------


def checkin_signals(recent: Sequence[CheckIn], today: date) -> list[str]:
    """What a participant's recent check-ins (any order, already loaded: no queries) tell
    their peer supporter, for the caseload's needs-attention reasons: cravings of 9 or 10
    together with asking to talk, today or yesterday; and saying they used, in the last seven
    days. Journal notes are never read here."""
    reasons = []
    if any(c.strong_craving_and_talk and (today - c.day).days <= 1 for c in recent):
        reasons.append(_("Strong cravings and asked to talk"))
    if any(c.reports_use and 0 <= (today - c.day).days <= 7 for c in recent):
        reasons.append(_("Said they used in the last week"))
    return reasons
