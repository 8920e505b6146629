"""Check-ins, trends and the recovery counter over the API (/api/v1/checkins/...).

Every operation is the signed-in participant's own data; another person's check-in id is a 404.
Bad input is a problem detail: 422 for a malformed body or parameter, 400 for a rule it breaks.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import get_language
from ninja import Field, Router, Schema, Status

from alongside.accounts.models import Membership
from alongside.api.access import api_access
from alongside.api.problems import problem
from alongside.checkins import milestones
from alongside.checkins.models import CheckIn, RecoveryPeriod
from alongside.checkins.selectors import TREND_WINDOWS, my_checkins, trends_for
from alongside.checkins.services import checkin_save
from alongside.core.access import Access
from alongside.core.roles import Role
from alongside.core.timezones import today_of

ROUTER_PREFIX = "/checkins"
router = Router(tags=["checkins"])
PARTICIPANT = Access(roles=frozenset({Role.PARTICIPANT}))
MAX_RANGE_DAYS = 366


def _participant(request: HttpRequest) -> Membership:
    return request.membership  # type: ignore[attr-defined,no-any-return]


def _locale() -> str:
    return (get_language() or "en")[:2]


class CheckInOut(Schema):
    id: int
    day: date
    mood: int
    sleep_quality: int | None
    cravings: int | None
    used: bool | None
    took_medication: bool | None
    wants_to_talk: bool
    note: str
    is_late: bool
    entered_at: datetime
    updated_at: datetime


class CheckInSaved(CheckInOut):
    created: bool
    help_url: str | None = Field(None, description="Set when the note suggests the person may need help now.")


class CheckInAnswers(Schema):
    mood: int = Field(..., ge=1, le=5, description="1 (very low) to 5 (very good)")
    sleep_quality: int | None = Field(None, ge=1, le=5, description="1 (very poorly) to 5 (very well)")
    cravings: int | None = Field(
        None, ge=0, le=10, description="0 (none) to 10; only when substance use applies"
    )
    used: bool | None = Field(None, description="Only when substance use applies")
    took_medication: bool | None = Field(None, description="Only when the participant tracks medication")
    wants_to_talk: bool = False
    note: str = Field("", description="Private journal note, at most 5,000 characters")


class CheckInIn(CheckInAnswers):
    day: date | None = Field(
        None, description="Default: today in the participant's time zone; up to 3 days back"
    )


def _saved(checkin: CheckIn, *, created: bool, screening_level: str) -> dict[str, Any]:
    return {
        **CheckInOut.model_validate(checkin).model_dump(),
        "created": created,
        "help_url": reverse("crisis_help") if screening_level == "urgent" else None,
    }


def _save(request: HttpRequest, answers: CheckInAnswers, day: date | None) -> Any:
    result = checkin_save(
        participant=_participant(request),
        day=day,
        mood=answers.mood,
        sleep_quality=answers.sleep_quality,
        cravings=answers.cravings,
        used=answers.used,
        took_medication=answers.took_medication,
        wants_to_talk=answers.wants_to_talk,
        note=answers.note,
        locale=_locale(),
    )
    body = _saved(result.checkin, created=result.created, screening_level=result.screening_level)
    return Status(201 if result.created else 200, body)


@router.get("/", response=list[CheckInOut])
@api_access(PARTICIPANT)
def checkins_list(request: HttpRequest, start: date | None = None, end: date | None = None) -> Any:
    """My check-ins from `start` to `end` (inclusive, my local dates), newest first. Default:
    the last 30 days; at most 366 days at a time."""
    participant = _participant(request)
    end = end or today_of(participant)
    start = start or end - timedelta(days=29)
    if start > end:
        return problem(request, 400, "The start date is after the end date.", kind="rejected")
    if (end - start).days >= MAX_RANGE_DAYS:
        return problem(request, 400, f"Ask for at most {MAX_RANGE_DAYS} days at a time.", kind="rejected")
    return list(my_checkins(participant, start=start, end=end))


@router.post("/", response={200: CheckInSaved, 201: CheckInSaved})
@api_access(PARTICIPANT)
def checkins_save(request: HttpRequest, payload: CheckInIn) -> Any:
    """Save my check-in for a day (default today; a missed day up to 3 days back is marked
    late): 201 when created, 200 when today's was updated. On an update a null measure keeps
    what was saved."""
    return _save(request, payload, payload.day)


class TrendPoint(Schema):
    day: date
    value: int | None


class TrendSeries(Schema):
    average: float | None
    values: list[TrendPoint]


class TrendsOut(Schema):
    days: int
    start: date
    end: date
    checkins: int
    mood: TrendSeries
    sleep: TrendSeries
    cravings: TrendSeries | None


@router.get("/trends", response=TrendsOut)
@api_access(PARTICIPANT)
def checkins_trends(request: HttpRequest, days: int = 30) -> Any:
    """My mood, sleep and cravings for each of the last 7, 30 or 90 days (null: no answer)."""
    if days not in TREND_WINDOWS:
        return problem(request, 400, "`days` can be 7, 30 or 90.", kind="rejected")
    trends = trends_for(_participant(request), days=days)
    rows = list(reversed(trends.rows))

    def series(key: str) -> list[dict[str, Any]]:
        return [{"day": row.day, "value": getattr(row.checkin, key) if row.checkin else None} for row in rows]

    return {
        "days": trends.days,
        "start": trends.start,
        "end": trends.end,
        "checkins": trends.checkin_count,
        "mood": {"average": trends.mood.average, "values": series("mood")},
        "sleep": {"average": trends.sleep.average, "values": series("sleep_quality")},
        "cravings": (
            {"average": trends.cravings.average, "values": series("cravings")} if trends.cravings else None
        ),
    }


@router.get("/{int:checkin_id}", response=CheckInOut)
@api_access(PARTICIPANT)
def checkins_get(request: HttpRequest, checkin_id: int) -> Any:
    """One of my check-ins (404 for anyone else's)."""
    return get_object_or_404(CheckIn, pk=checkin_id, participant=_participant(request))


@router.put("/{int:checkin_id}", response={200: CheckInSaved})
@api_access(PARTICIPANT)
def checkins_update(request: HttpRequest, checkin_id: int, payload: CheckInAnswers) -> Any:
    """Change one of my check-ins, on the day it was made (404 for anyone else's)."""
    checkin = get_object_or_404(CheckIn, pk=checkin_id, participant=_participant(request))
    return _save(request, payload, checkin.day)


class MilestoneOut(Schema):
    key: str
    label: str
    reached_on: date


class PeriodOut(Schema):
    id: int
    started_on: date
    ended_on: date | None
    end_reason: str
    days: int
    note: str


class CounterOut(Schema):
    started_on: date
    days: int
    years: int
    months: int
    remaining_days: int
    text: str
    milestone_today: MilestoneOut | None
    celebration: str
    next_milestone: MilestoneOut | None
    milestones_reached: list[MilestoneOut]


class RecoveryOut(Schema):
    counter: CounterOut | None
    periods: list[PeriodOut]
    total_days: int
    shared_with_peer: bool


class SetbackIn(Schema):
    restart_on: date | None = Field(None, description="Default: today in the participant's time zone")
    note: str = Field("", description="Private note, encrypted, at most 5,000 characters")


class SetbackOut(Schema):
    previous: PeriodOut
    current: PeriodOut
    help_url: str | None


def _period(period: RecoveryPeriod, today: date) -> dict[str, Any]:
    return {
        "id": period.pk,
        "started_on": period.started_on,
        "ended_on": period.ended_on,
        "end_reason": period.end_reason,
        "days": ((period.ended_on or today) - period.started_on).days,
        "note": period.end_note,
    }


def _milestone(milestone: milestones.Milestone | None) -> dict[str, Any] | None:
    if milestone is None:
        return None
    return {"key": milestone.key, "label": milestone.label, "reached_on": milestone.reached_on}


@router.get("/recovery", response=RecoveryOut)
@api_access(PARTICIPANT)
def recovery_get(request: HttpRequest) -> Any:
    """My recovery counter, milestones reached and next, and every recovery period."""
    participant = _participant(request)
    today = today_of(participant)
    history = milestones.recovery_history_for(participant, today=today)
    counter = history.counter
    periods = ([counter.period] if counter else []) + [past.period for past in history.past]
    return {
        "counter": (
            {
                "started_on": counter.started_on,
                "days": counter.days,
                "years": counter.duration.years,
                "months": counter.duration.months,
                "remaining_days": counter.duration.days,
                "text": str(counter.duration),
                "milestone_today": _milestone(counter.milestone_today),
                "celebration": counter.celebration,
                "next_milestone": _milestone(counter.next),
                "milestones_reached": [_milestone(m) for m in counter.reached],
            }
            if counter
            else None
        ),
        "periods": [_period(p, today) for p in periods],
        "total_days": history.total_days,
        "shared_with_peer": milestones.recovery_sharing_of(participant),
    }


@router.post("/recovery/setback", response={201: SetbackOut})
@api_access(PARTICIPANT)
def recovery_setback_create(request: HttpRequest, payload: SetbackIn) -> Any:
    """Record a setback: my current period ends (with an optional private note) and a new one
    starts today or on `restart_on`. Earlier periods are kept."""
    participant = _participant(request)
    result = milestones.recovery_setback_record(
        participant=participant,
        actor=participant.user,
        restart_on=payload.restart_on,
        note=payload.note,
        locale=_locale(),
    )
    today = today_of(participant)
    return Status(
        201,
        {
            "previous": _period(result.previous, today),
            "current": _period(result.current, today),
            "help_url": reverse("crisis_help") if result.screening_level == "urgent" else None,
        },
    )
