"""Writes for meetings: schedules, cancelling or moving one occurrence, answers with a
waiting list, and attendance.

Answers to one occurrence are serialized by locking its series row, so two people answering
at once never take the same last place, and a place that opens goes to the first person in
line (by the time they answered).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from alongside.accounts.models import Membership, validate_timezone
from alongside.core.timezones import today_in, zone_named
from alongside.groups import recurrence
from alongside.groups.models import (
    NAME_MAX,
    NOTE_MAX,
    Attendance,
    Frequency,
    GroupMember,
    MeetingRsvp,
    MeetingSeries,
    OccurrenceChange,
    SupportGroup,
)
from alongside.groups.schedules import Meeting, meeting_at, series_queryset
from alongside.groups.selectors import self_attendance_open
from alongside.groups.services.common import (
    Problems,
    group_url,
    meeting_url,
    notify,
    record,
    require_joiner,
    require_manager,
)

DURATION_MIN, DURATION_MAX = 15, 480
GOING, WAITLISTED, CANCELLED = (
    MeetingRsvp.Status.GOING,
    MeetingRsvp.Status.WAITLISTED,
    MeetingRsvp.Status.CANCELLED,
)


def _lock(series: MeetingSeries) -> MeetingSeries:
    """The series row, locked: answers to its occurrences change one at a time."""
    locked: MeetingSeries = series_queryset().select_for_update(of=("self",)).get(pk=series.pk)
    return locked


def _fresh(meeting: Meeting) -> Meeting:
    """The meeting recomputed from the locked series (a change may have just been saved)."""
    series = _lock(meeting.series)
    fresh = meeting_at(series, meeting.original_start)
    if fresh is None:
        raise ValidationError(_("This meeting is no longer on the schedule."))
    return fresh


# Schedules ----------------------------------------------------------------------------------


@transaction.atomic
def series_create(
    *,
    actor: Membership,
    group: SupportGroup,
    frequency: str,
    first_day: date,
    start_time: time,
    duration_minutes: int,
    title: str = "",
    until: date | None = None,
    timezone_name: str = "",
) -> MeetingSeries:
    """A facilitator, supervisor or admin adds a meeting schedule in a time zone (the group's
    unless another is given). A monthly schedule repeats on the same weekday of the month as
    the first meeting (the 2nd Tuesday, the last Friday). Audited."""
    require_manager(actor, group)
    problems = Problems()
    zone_name = timezone_name or group.timezone
    try:
        validate_timezone(zone_name)
    except ValidationError:
        problems.add("timezone", _("Choose a time zone from the list."))
        zone_name = "UTC"
    today = today_in(zone_named(zone_name))
    if frequency not in Frequency.values:
        problems.add("frequency", _("Choose how often the group meets."))
    if first_day < today:
        problems.add("first_day", _("The first meeting can't be in the past."))
    if until is not None and until < first_day:
        problems.add("until", _("The last day can't be before the first meeting."))
    if not DURATION_MIN <= duration_minutes <= DURATION_MAX:
        problems.add(
            "duration_minutes",
            _("A meeting lasts between %(min)s and %(max)s minutes.")
            % {"min": DURATION_MIN, "max": DURATION_MAX},
        )
    title = (title or "").strip()
    if len(title) > NAME_MAX:
        problems.add("title", _("Please keep the title to %(max)s characters or fewer.") % {"max": NAME_MAX})
    if not group.is_active:
        problems.add("__all__", _("This group is closed."))
    problems.raise_if_any()
    series = MeetingSeries.objects.create(
        organization=group.organization,
        group=group,
        title=title,
        frequency=frequency,
        first_day=first_day,
        start_time=start_time.replace(second=0, microsecond=0),
        duration_minutes=duration_minutes,
        month_week=recurrence.month_week_of(first_day) if frequency == Frequency.MONTHLY else 0,
        until=None if frequency == Frequency.ONCE else until,
        timezone=zone_name,
        created_by=actor,
    )
    record("group.series.create", actor=actor, group=group, obj=series, reason=frequency)
    return series


@transaction.atomic
def series_stop(*, actor: Membership, series: MeetingSeries, last_day: date | None = None) -> MeetingSeries:
    """A schedule stops after `last_day` (local to the schedule; today when not given), which
    cannot be in the past: meetings that took place stay in the record. Answers to meetings
    after it are withdrawn and the people who gave them told, once each. Audited."""
    require_manager(actor, series.group)
    series = _lock(series)
    today = today_in(zone_named(series.timezone))
    last_day = last_day or today
    if last_day < today:
        raise ValidationError(
            {"last_day": [_("Choose today or a later day: past meetings stay as they were.")]}
        )
    if last_day < series.first_day:
        last_day = series.first_day - timedelta(days=1)
    if series.until is None or last_day < series.until:
        series.until = last_day
        series.save(update_fields=["until"])
    cutoff = datetime.combine(last_day + timedelta(days=1), time(0), tzinfo=zone_named(series.timezone))
    dropped = list(
        MeetingRsvp.objects.filter(series=series, original_start__gte=cutoff)
        .exclude(status=CANCELLED)
        .select_related("member__user", "member__organization")
    )
    now = timezone.now()
    for answer in dropped:
        answer.status, answer.cancelled_at = CANCELLED, now
        answer.save(update_fields=["status", "cancelled_at"])
    told: set[int] = set()
    for answer in dropped:
        if answer.member_id in told:
            continue
        told.add(answer.member_id)
        notify(
            answer.member,
            kind="groups.schedule_stopped",
            title=gettext_lazy("Some meetings of %(group)s are cancelled"),
            body=gettext_lazy("The meetings you said you'd come to after %(date)s won't take place."),
            url=group_url(series.group),
            group=series.group.name,
            date=last_day,
        )
    record("group.series.stop", actor=actor, group=series.group, obj=series, reason=f"until={last_day}")
    return series


# One occurrence -----------------------------------------------------------------------------


def _answers_to(meeting: Meeting) -> list[MeetingRsvp]:
    return list(
        MeetingRsvp.objects.filter(series=meeting.series, original_start=meeting.original_start)
        .exclude(status=CANCELLED)
        .select_related("member__user", "member__organization")
    )


@transaction.atomic
def occurrence_cancel(*, actor: Membership, meeting: Meeting, note: str = "") -> OccurrenceChange:
    """Cancels one meeting that has not started (an EXDATE). Everyone who answered is told and
    their answers withdrawn. Audited."""
    require_manager(actor, meeting.group)
    meeting = _fresh(meeting)
    if meeting.cancelled:
        raise ValidationError(_("This meeting is already cancelled."))
    if meeting.has_started(timezone.now()):
        raise ValidationError(_("This meeting has already started, so it can't be cancelled."))
    note = (note or "").strip()[:NOTE_MAX]
    change, _created = OccurrenceChange.objects.update_or_create(
        series=meeting.series,
        original_start=meeting.original_start,
        defaults={
            "organization": meeting.group.organization,
            "kind": OccurrenceChange.Kind.CANCELLED,
            "new_start": None,
            "new_end": None,
            "note": note,
            "changed_by": actor,
            "changed_at": timezone.now(),
        },
    )
    now = timezone.now()
    for answer in _answers_to(meeting):
        answer.status, answer.cancelled_at = CANCELLED, now
        answer.save(update_fields=["status", "cancelled_at"])
        notify(
            answer.member,
            kind="groups.meeting_cancelled",
            title=gettext_lazy("%(group)s: a meeting is cancelled"),
            body=gettext_lazy("The meeting on %(when)s won't take place. %(note)s")
            if note
            else gettext_lazy("The meeting on %(when)s won't take place."),
            url=meeting_url(meeting),
            group=meeting.group.name,
            meeting=meeting,
            note=note,
        )
    record("group.meeting.cancel", actor=actor, group=meeting.group, obj=change, reason=meeting.key)
    return change


@transaction.atomic
def occurrence_move(
    *, actor: Membership, meeting: Meeting, new_start: datetime, duration_minutes: int, note: str = ""
) -> OccurrenceChange | None:
    """Moves one meeting that has not started to another time (an override with RECURRENCE-ID).
    Moving it back to its usual time removes the change. Answers keep their place; everyone
    who answered is told. Audited."""
    require_manager(actor, meeting.group)
    previous = _fresh(meeting)
    now = timezone.now()
    problems = Problems()
    if previous.cancelled:
        problems.add("__all__", _("This meeting is cancelled."))
    elif previous.has_started(now):
        problems.add("__all__", _("This meeting has already started, so it can't be moved."))
    if new_start <= now:
        problems.add("day", _("Choose a time that has not passed yet."))
    if not DURATION_MIN <= duration_minutes <= DURATION_MAX:
        problems.add(
            "duration_minutes",
            _("A meeting lasts between %(min)s and %(max)s minutes.")
            % {"min": DURATION_MIN, "max": DURATION_MAX},
        )
    problems.raise_if_any()
    new_end = new_start + timedelta(minutes=duration_minutes)
    series = previous.series
    back_to_usual = new_start == previous.original_start and duration_minutes == series.duration_minutes
    change: OccurrenceChange | None
    if back_to_usual:
        OccurrenceChange.objects.filter(series=series, original_start=previous.original_start).delete()
        change = None
    else:
        change, _created = OccurrenceChange.objects.update_or_create(
            series=series,
            original_start=previous.original_start,
            defaults={
                "organization": series.organization,
                "kind": OccurrenceChange.Kind.MOVED,
                "new_start": new_start,
                "new_end": new_end,
                "note": (note or "").strip()[:NOTE_MAX],
                "changed_by": actor,
                "changed_at": now,
            },
        )
    moved = meeting_at(_lock(series), previous.original_start)
    assert moved is not None
    answers = _answers_to(previous)
    MeetingRsvp.objects.filter(pk__in=[answer.pk for answer in answers]).update(starts_at=moved.start)
    for answer in answers:
        notify(
            answer.member,
            kind="groups.meeting_moved",
            title=gettext_lazy("%(group)s: a meeting has a new time"),
            body=gettext_lazy("It was %(was)s. It is now %(when)s."),
            url=meeting_url(moved),
            group=previous.group.name,
            meeting=moved,
            previous=previous,
        )
    record(
        "group.meeting.move",
        actor=actor,
        group=previous.group,
        obj=change or series,
        reason=f"{previous.key} -> {recurrence.occurrence_key(new_start)}",
    )
    return change


# Answers and the waiting list ---------------------------------------------------------------


def _require_current_member(member: Membership, group: SupportGroup) -> GroupMember:
    row = GroupMember.objects.filter(group=group, member=member, status=GroupMember.Status.ACTIVE).first()
    if row is None:
        raise ValidationError(_("Join the group first: then you can say you're coming."))
    if row.guidelines_version != group.guidelines_version:
        raise ValidationError(_("The group guidelines changed. Please read and accept them again first."))
    return row


def _going_count(series: MeetingSeries, original_start: datetime) -> int:
    return MeetingRsvp.objects.filter(series=series, original_start=original_start, status=GOING).count()


@transaction.atomic
def rsvp_set(*, member: Membership, meeting: Meeting) -> MeetingRsvp:
    """A member says they are coming. With a place free they are going; otherwise they join the
    waiting list, in the order people answered. Answering twice changes nothing."""
    require_joiner(member, meeting.group)
    meeting = _fresh(meeting)
    if not meeting.group.is_active:
        raise ValidationError(_("This group is closed."))
    _require_current_member(member, meeting.group)
    now = timezone.now()
    if meeting.cancelled:
        raise ValidationError(_("This meeting is cancelled."))
    if meeting.has_ended(now):
        raise ValidationError(_("This meeting is over."))
    answer = MeetingRsvp.objects.filter(
        series=meeting.series, original_start=meeting.original_start, member=member
    ).first()
    if answer is not None and answer.status in (GOING, WAITLISTED):
        return answer
    status = (
        GOING if _going_count(meeting.series, meeting.original_start) < meeting.group.capacity else WAITLISTED
    )
    if answer is None:
        answer = MeetingRsvp(
            organization=meeting.group.organization,
            series=meeting.series,
            original_start=meeting.original_start,
            member=member,
        )
    answer.status, answer.starts_at, answer.queued_at = status, meeting.start, now
    answer.cancelled_at = answer.promoted_at = None
    answer.save()
    return answer


@transaction.atomic
def rsvp_cancel(*, member: Membership, meeting: Meeting) -> MeetingRsvp:
    """A member is not coming after all. A place they free goes to the first on the waiting
    list, who is told."""
    answer = (
        MeetingRsvp.objects.filter(
            series=meeting.series, original_start=meeting.original_start, member=member
        )
        .exclude(status=CANCELLED)
        .first()
    )
    if answer is None:
        raise ValidationError(_("You haven't said you're coming to this meeting."))
    meeting = _fresh(meeting)
    now = timezone.now()
    if meeting.has_ended(now):
        raise ValidationError(_("This meeting is over."))
    was_going = answer.status == GOING
    answer.status, answer.cancelled_at = CANCELLED, now
    answer.save(update_fields=["status", "cancelled_at"])
    if was_going:
        _promote(meeting, now)
    return answer


def _promote(meeting: Meeting, now: datetime) -> list[MeetingRsvp]:
    """Fills free places from the waiting list, first come first served, and tells each person
    moved up. Call with the series locked."""
    if meeting.cancelled or meeting.has_ended(now):
        return []
    free = meeting.group.capacity - _going_count(meeting.series, meeting.original_start)
    if free <= 0:
        return []
    waiting = list(
        MeetingRsvp.objects.filter(
            series=meeting.series, original_start=meeting.original_start, status=WAITLISTED
        )
        .select_related("member__user", "member__organization")
        .order_by("queued_at", "pk")[:free]
    )
    for answer in waiting:
        answer.status, answer.promoted_at = GOING, now
        answer.save(update_fields=["status", "promoted_at"])
        notify(
            answer.member,
            kind="groups.place_opened",
            title=gettext_lazy("A place opened up: you're going to %(group)s"),
            body=gettext_lazy("You had been on the waiting list for the meeting on %(when)s. See you there."),
            url=meeting_url(meeting),
            group=meeting.group.name,
            meeting=meeting,
        )
    return waiting


def answers_drop(*, answers: Iterable[MeetingRsvp], now: datetime) -> None:
    """Withdraws answers (someone left or was removed) and fills the places they free."""
    freed: dict[int, set[datetime]] = defaultdict(set)
    for answer in answers:
        if answer.status == GOING:
            freed[answer.series_id].add(answer.original_start)
        answer.status, answer.cancelled_at = CANCELLED, now
        answer.save(update_fields=["status", "cancelled_at"])
    for series_id, starts in freed.items():
        series = series_queryset().select_for_update(of=("self",)).get(pk=series_id)
        for start in sorted(starts):
            meeting = meeting_at(series, start)
            if meeting is not None:
                _promote(meeting, now)


def promote_waitlists(*, group: SupportGroup, now: datetime) -> int:
    """After a group gets more places: moves people up on every coming meeting's waiting list."""
    pairs = (
        MeetingRsvp.objects.filter(series__group=group, status=WAITLISTED, starts_at__gt=now)
        .values_list("series_id", "original_start")
        .distinct()
    )
    by_series: dict[int, set[datetime]] = defaultdict(set)
    for series_id, start in pairs:
        by_series[series_id].add(start)
    promoted = 0
    for series_id, starts in by_series.items():
        series = series_queryset().select_for_update(of=("self",)).get(pk=series_id)
        series.group = group
        for start in sorted(starts):
            meeting = meeting_at(series, start)
            if meeting is not None:
                promoted += len(_promote(meeting, now))
    return promoted


# Attendance ---------------------------------------------------------------------------------


def _save_attendance(
    *,
    meeting: Meeting,
    person: Membership,
    attended: bool,
    source: str,
    recorded_by: Membership,
    now: datetime,
) -> tuple[Attendance, bool]:
    """Creates or updates one attendance row; says whether anything changed."""
    record_row = Attendance.objects.filter(
        series=meeting.series, original_start=meeting.original_start, member=person
    ).first()
    if record_row is not None and (record_row.attended, record_row.source) == (attended, source):
        return record_row, False
    if record_row is None:
        record_row = Attendance(
            organization=meeting.group.organization,
            series=meeting.series,
            original_start=meeting.original_start,
            member=person,
        )
    record_row.attended, record_row.source = attended, source
    record_row.recorded_by, record_row.recorded_at = recorded_by, now
    record_row.save()
    return record_row, True


@transaction.atomic
def attendance_take(
    *, actor: Membership, meeting: Meeting, listed_ids: Iterable[int], attended_ids: Iterable[int]
) -> list[Attendance]:
    """A facilitator, supervisor or admin records who was there, once the meeting has started:
    everyone listed is recorded as there or not. Only members, and people who answered or
    were recorded before, can be listed. Each change is audited."""
    require_manager(actor, meeting.group)
    now = timezone.now()
    if meeting.cancelled:
        raise ValidationError(_("This meeting was cancelled."))
    if not meeting.has_started(now):
        raise ValidationError(_("You can take attendance once the meeting has started."))
    listed, attended = set(listed_ids), set(attended_ids)
    if not attended <= listed:
        raise ValidationError(_("Choose people from the list."))
    at_meeting = Q(meeting_rsvps__series=meeting.series, meeting_rsvps__original_start=meeting.original_start)
    recorded = Q(
        meeting_attendance__series=meeting.series, meeting_attendance__original_start=meeting.original_start
    )
    member = Q(group_memberships__group=meeting.group, group_memberships__status=GroupMember.Status.ACTIVE)
    people = list(
        Membership.objects.filter(pk__in=listed)
        .filter(member | at_meeting | recorded)
        .distinct()
        .select_related("user")
    )
    if len(people) != len(listed):
        raise ValidationError(_("Choose people from the list."))
    saved = []
    for person in people:
        row, changed = _save_attendance(
            meeting=meeting,
            person=person,
            attended=person.pk in attended,
            source=Attendance.Source.FACILITATOR,
            recorded_by=actor,
            now=now,
        )
        saved.append(row)
        if changed:
            record(
                "group.attendance.record",
                actor=actor,
                group=meeting.group,
                person=person,
                obj=row,
                reason=f"{meeting.key} {'attended' if row.attended else 'absent'}",
            )
    return saved


@transaction.atomic
def attendance_self_record(*, member: Membership, meeting: Meeting, attended: bool = True) -> Attendance:
    """A member tells whether they were there, from the meeting's start until a week after it
    ended, unless a facilitator already took attendance for them. Audited."""
    require_joiner(member, meeting.group)
    if not GroupMember.objects.filter(
        group=meeting.group, member=member, status=GroupMember.Status.ACTIVE
    ).exists():
        raise ValidationError(_("Only members of the group can do this."))
    now = timezone.now()
    if meeting.cancelled:
        raise ValidationError(_("This meeting was cancelled."))
    if not self_attendance_open(meeting, now):
        raise ValidationError(
            _("You can say whether you were there once the meeting has started, and for a week after it.")
        )
    existing = Attendance.objects.filter(
        series=meeting.series, original_start=meeting.original_start, member=member
    ).first()
    if existing is not None and existing.source == Attendance.Source.FACILITATOR:
        raise ValidationError(_("Your facilitator already took attendance for this meeting."))
    row, changed = _save_attendance(
        meeting=meeting,
        person=member,
        attended=attended,
        source=Attendance.Source.SELF,
        recorded_by=member,
        now=now,
    )
    if changed:
        record(
            "group.attendance.record",
            actor=member,
            group=meeting.group,
            person=member,
            obj=row,
            reason=f"{meeting.key} {'attended' if attended else 'absent'} (self)",
        )
    return row
