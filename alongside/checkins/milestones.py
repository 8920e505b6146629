"""Recovery periods, the recovery counter and milestones.

A recovery period runs from a start date to a setback (or is still going). Everything here
counts calendar dates in the participant's own time zone, never datetimes, so daylight saving
changes and leap years cannot move a count. Milestones: 1, 7, 30, 60 and 90 days, 6 months,
1 year and every year after.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from alongside.checkins.models import CheckInPreference, RecoveryPeriod
from alongside.checkins.services import NOTE_MAX_CHARS
from alongside.core.audit import audit_record
from alongside.core.roles import Role
from alongside.core.timezones import today_of
from alongside.safety.screening import screen_text

if TYPE_CHECKING:
    from alongside.accounts.models import Membership, User

# Date arithmetic (pure) ---------------------------------------------------------------------


def add_months(start: date, months: int) -> date:
    """The same day `months` later; a day the month lacks becomes its last day (31 Jan + 1 month
    is 28 or 29 Feb; 29 Feb + 12 months is 28 Feb)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Duration:
    """Whole years, months and days from one date to a later one, and the days in total."""

    years: int
    months: int
    days: int
    total_days: int

    def parts(self) -> list[str]:
        parts = []
        if self.years:
            parts.append(ngettext("%(n)s year", "%(n)s years", self.years) % {"n": self.years})
        if self.months:
            parts.append(ngettext("%(n)s month", "%(n)s months", self.months) % {"n": self.months})
        if self.days or not parts:
            parts.append(ngettext("%(n)s day", "%(n)s days", self.days) % {"n": self.days})
        return parts

    def __str__(self) -> str:
        parts = self.parts()
        if len(parts) == 1:
            return parts[0]
        return _("%(first)s and %(last)s") % {"first": ", ".join(parts[:-1]), "last": parts[-1]}


def duration_between(start: date, end: date) -> Duration:
    if end < start:
        raise ValueError("end is before start")
    months = (end.year - start.year) * 12 + end.month - start.month
    if add_months(start, months) > end:
        months -= 1
    rest = (end - add_months(start, months)).days
    return Duration(years=months // 12, months=months % 12, days=rest, total_days=(end - start).days)


@dataclass(frozen=True)
class Milestone:
    key: str
    label: str
    reached_on: date


def _milestone_label(key: str) -> str:
    kind, number = key.split("-")
    n = int(number)
    if kind == "day":
        return ngettext("%(n)s day", "%(n)s days", n) % {"n": n}
    if kind == "month":
        return ngettext("%(n)s month", "%(n)s months", n) % {"n": n}
    return ngettext("%(n)s year", "%(n)s years", n) % {"n": n}


def milestones_until(started_on: date, until: date) -> list[Milestone]:
    """Every milestone of a period that started on `started_on`, in order, up to and including
    the first one after `until` (the next to come)."""
    found = []
    for days in (1, 7, 30, 60, 90):
        found.append(Milestone(f"day-{days}", "", started_on + timedelta(days=days)))
    found.append(Milestone("month-6", "", add_months(started_on, 6)))
    years = 1
    while True:
        reached_on = add_months(started_on, 12 * years)
        found.append(Milestone(f"year-{years}", "", reached_on))
        if reached_on > until:
            break
        years += 1
    found.sort(key=lambda m: m.reached_on)
    return [Milestone(m.key, _milestone_label(m.key), m.reached_on) for m in found]


def warm_message(milestone: Milestone) -> str:
    """What the participant reads on the day they reach a milestone."""
    if milestone.key == "day-1":
        return _("One whole day. The first one is often the hardest, and you did it.")
    if milestone.key == "day-7":
        return _("A full week. Seven days of showing up for yourself.")
    if milestone.key.startswith("year-"):
        return _("%(milestone)s. Look how far you've come. Take a moment to be proud of that.") % {
            "milestone": milestone.label
        }
    return _("%(milestone)s today. Every one of those days was yours. Well done.") % {
        "milestone": milestone.label
    }


@dataclass(frozen=True)
class RecoveryCounter:
    """The current period's counter as of `today` (the participant's local date)."""

    period: RecoveryPeriod
    today: date
    duration: Duration
    reached: list[Milestone] = field(default_factory=list)
    next: Milestone | None = None

    @property
    def started_on(self) -> date:
        return self.period.started_on

    @property
    def days(self) -> int:
        return self.duration.total_days

    @property
    def days_to_next(self) -> int | None:
        return (self.next.reached_on - self.today).days if self.next else None

    @property
    def milestone_today(self) -> Milestone | None:
        return next((m for m in self.reached if m.reached_on == self.today), None)

    @property
    def celebration(self) -> str:
        today = self.milestone_today
        return warm_message(today) if today else ""


def counter_of(period: RecoveryPeriod, today: date) -> RecoveryCounter:
    """The counter of an open period (pure: no queries)."""
    # A start date after today (the participant's clock moved back across a date line) reads as 0.
    end = max(today, period.started_on)
    every = milestones_until(period.started_on, end)
    return RecoveryCounter(
        period=period,
        today=today,
        duration=duration_between(period.started_on, end),
        reached=[m for m in every if m.reached_on <= today],
        next=next((m for m in every if m.reached_on > today), None),
    )


# Services ---------------------------------------------------------------------------------


def _require_participant(participant: Membership) -> None:
    if participant.role != Role.PARTICIPANT:
        raise ValidationError(_("Only participants have a recovery counter."))


def _latest_setback(participant: Membership) -> RecoveryPeriod | None:
    return (
        RecoveryPeriod.objects.filter(
            participant=participant, end_reason=RecoveryPeriod.EndReason.SETBACK, ended_on__isnull=False
        )
        .order_by("-ended_on")
        .first()
    )


@transaction.atomic
def recovery_period_start(*, participant: Membership, started_on: date, actor: User) -> RecoveryPeriod:
    """Sets the participant's recovery start date (called by the intake wizard and the recovery
    page). Starts the first period; if one is open with another start date, ends it (kept in
    the history as "start date changed") and starts anew; the same date changes nothing.
    Refuses a future date (in the participant's time zone) and a date before their last
    setback. The caller's access rule decides who may call it. Audited as recovery.start."""
    _require_participant(participant)
    today = today_of(participant)
    if started_on > today:
        raise ValidationError(_("A recovery date can't be in the future. Choose today or an earlier day."))
    current = (
        RecoveryPeriod.objects.select_for_update()
        .filter(participant=participant, ended_on__isnull=True)
        .first()
    )
    if current is not None and current.started_on == started_on:
        return current
    setback = _latest_setback(participant)
    if setback is not None and setback.ended_on is not None and started_on < setback.ended_on:
        raise ValidationError(
            _("This date is before your last setback on %(date)s. Choose %(date)s or a later day.")
            % {"date": date_format(setback.ended_on, "DATE_FORMAT")}
        )
    now = timezone.now()
    if current is not None:
        current.ended_on = max(started_on, current.started_on)
        current.end_reason = RecoveryPeriod.EndReason.DATE_CHANGED
        current.ended_at = now
        current.save(update_fields=["ended_on", "end_reason", "ended_at"])
    period = RecoveryPeriod.objects.create(
        organization_id=participant.organization_id,
        participant=participant,
        started_on=started_on,
        created_by=actor,
        created_at=now,
    )
    audit_record(
        action="recovery.start",
        actor=actor,
        organization=participant.organization,
        subject=participant,
        obj=period,
    )
    return period


@dataclass(frozen=True)
class SetbackResult:
    previous: RecoveryPeriod
    current: RecoveryPeriod
    screening_level: str


@transaction.atomic
def recovery_setback_record(
    *,
    participant: Membership,
    actor: User,
    restart_on: date | None = None,
    note: str = "",
    locale: str = "en",
    now: datetime | None = None,
) -> SetbackResult:
    """The participant restarts their counter after a setback: the open period ends (with an
    optional private note, encrypted and screened for crisis language) and a new one starts
    on `restart_on` (default: their local today; not in the future, not before the current
    start). Earlier periods stay in the history. Only the participant may do this. Audited
    as recovery.setback."""
    _require_participant(participant)
    if actor.pk != participant.user_id:
        raise ValidationError(_("Only the participant can restart their recovery counter."))
    if len(note) > NOTE_MAX_CHARS:
        raise ValidationError(
            _("A note can be up to %(max)s characters; this one has %(count)s.")
            % {"max": f"{NOTE_MAX_CHARS:,}", "count": f"{len(note):,}"}
        )
    now = now or timezone.now()
    today = today_of(participant, now)
    restart_on = restart_on or today
    if restart_on > today:
        raise ValidationError(_("The new start can't be in the future. Choose today or an earlier day."))
    current = (
        RecoveryPeriod.objects.select_for_update()
        .filter(participant=participant, ended_on__isnull=True)
        .first()
    )
    if current is None:
        raise ValidationError(
            _("You haven't set a recovery date yet, so there is no counter to restart. You can set one now.")
        )
    if restart_on < current.started_on:
        raise ValidationError(
            _("The new start can't be before your current recovery date, %(date)s.")
            % {"date": date_format(current.started_on, "DATE_FORMAT")}
        )
    screening = screen_text(note, locale=locale)
    current.ended_on = restart_on
    current.end_reason = RecoveryPeriod.EndReason.SETBACK
    current.end_note = note
    current.end_note_screening_level = screening.level
    current.ended_at = now
    current.save(update_fields=["ended_on", "end_reason", "end_note", "end_note_screening_level", "ended_at"])
    from alongside.safety.escalation.services import respond_to_screening

    respond_to_screening(
        participant=participant, screening=screening, text=note, source="setback", source_id=current.pk
    )
    new_period = RecoveryPeriod.objects.create(
        organization_id=participant.organization_id,
        participant=participant,
        started_on=restart_on,
        created_by=actor,
        created_at=now,
    )
    audit_record(
        action="recovery.setback",
        actor=actor,
        organization=participant.organization,
        subject=participant,
        obj=current,
    )
    return SetbackResult(previous=current, current=new_period, screening_level=screening.level)


@transaction.atomic
def recovery_sharing_set(*, participant: Membership, actor: User, share: bool) -> CheckInPreference:
    """The participant chooses whether their peer supporter sees their recovery counter (off
    until they turn it on). Only the participant may choose. Audited as recovery.sharing."""
    _require_participant(participant)
    if actor.pk != participant.user_id:
        raise ValidationError(_("Only the participant can choose who sees their recovery counter."))
    preference, _created = CheckInPreference.objects.get_or_create(
        participant=participant, defaults={"organization_id": participant.organization_id}
    )
    preference.share_counter_with_peer = share
    preference.updated_at = timezone.now()
    preference.save(update_fields=["share_counter_with_peer", "updated_at"])
    audit_record(
        action="recovery.sharing",
        actor=actor,
        organization=participant.organization,
        subject=participant,
        obj=preference,
        reason="shared with peer" if share else "not shared",
    )
    return preference


# Selectors --------------------------------------------------------------------------------


def recovery_counter_for(participant: Membership, *, today: date | None = None) -> RecoveryCounter | None:
    """The participant's own counter from their open period, or None if they have not set a
    recovery date. For the participant themselves (no audit). One query."""
    period = (
        RecoveryPeriod.objects.filter(participant=participant, ended_on__isnull=True)
        .defer("end_note")
        .first()
    )
    if period is None:
        return None
    return counter_of(period, today or today_of(participant))


@dataclass(frozen=True)
class PastPeriod:
    period: RecoveryPeriod
    duration: Duration
    milestones: list[Milestone]

    @property
    def highest(self) -> Milestone | None:
        return self.milestones[-1] if self.milestones else None


@dataclass(frozen=True)
class RecoveryHistory:
    counter: RecoveryCounter | None
    past: list[PastPeriod]
    setbacks: int

    @property
    def total_days(self) -> int:
        """Every day in recovery across all periods: a setback doesn't take them away."""
        past = sum(
            p.duration.total_days
            for p in self.past
            if p.period.end_reason == RecoveryPeriod.EndReason.SETBACK
        )
        return past + (self.counter.days if self.counter else 0)


def recovery_history_for(participant: Membership, *, today: date | None = None) -> RecoveryHistory:
    """The participant's own counter and their earlier periods (newest first), with the private
    setback notes, for the participant themselves only. One query."""
    today = today or today_of(participant)
    periods = list(RecoveryPeriod.objects.filter(participant=participant).order_by("-started_on", "-id"))
    current = next((p for p in periods if p.ended_on is None), None)
    past = []
    for period in periods:
        if period.ended_on is None:
            continue
        past.append(
            PastPeriod(
                period=period,
                duration=duration_between(period.started_on, period.ended_on),
                milestones=[
                    m
                    for m in milestones_until(period.started_on, period.ended_on)
                    if m.reached_on <= period.ended_on
                ],
            )
        )
    return RecoveryHistory(
        counter=counter_of(current, today) if current else None,
        past=past,
        setbacks=sum(1 for p in periods if p.end_reason == RecoveryPeriod.EndReason.SETBACK),
    )


def recovery_sharing_of(participant: Membership) -> bool:
    return CheckInPreference.objects.filter(participant=participant, share_counter_with_peer=True).exists()


def shared_recovery_counter(*, viewer: Membership, participant: Membership) -> RecoveryCounter | None:
    """The participant's counter for their peer supporter, only if the participant chose to
    share it; None otherwise (and for anyone who is not their active peer supporter).
    `participant` must come from participants.selectors.participant_for. Two queries; audited
    as recovery.counter.read when shown."""
    if viewer.role != Role.PEER or viewer.pk == participant.pk:
        return None
    from alongside.participants.selectors import participants_visible_to

    if not participants_visible_to(viewer).filter(pk=participant.pk).exists():
        return None
    period = (
        RecoveryPeriod.objects.filter(
            participant=participant,
            ended_on__isnull=True,
            participant__checkin_preference__share_counter_with_peer=True,
        )
        .defer("end_note")
        .first()
    )
    if period is None:
        return None
    audit_record(
        action="recovery.counter.read",
        actor=viewer.user,
        organization=participant.organization,
        subject=participant,
        obj=period,
    )
    return counter_of(period, today_of(participant))


def milestone_card_for(participant: Membership, *, today: date | None = None) -> dict[str, object]:
    """Context for `checkins/_milestone_card.html` on the participant's home page: the counter
    (or None) and the next milestone. One query."""
    return {"recovery_counter": recovery_counter_for(participant, today=today)}
