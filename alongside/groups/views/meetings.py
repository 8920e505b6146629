"""Meeting schedules and single meetings: answers, the waiting list, attendance, cancelling
or moving one meeting, and its calendar file."""

from __future__ import annotations

from datetime import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alongside.core.timezones import zone_label, zone_named
from alongside.groups import ics, selectors, services
from alongside.groups.forms import (
    AttendanceForm,
    CancelForm,
    MoveForm,
    SelfAttendanceForm,
    SeriesForm,
    StopSeriesForm,
)
from alongside.groups.models import MeetingSeries
from alongside.groups.schedules import Meeting
from alongside.groups.views.common import (
    add_errors,
    browsers,
    joiners,
    managers,
    membership_of,
    tell_problems,
)


def _meeting_url(meeting: Meeting) -> str:
    return reverse("groups_occurrence", kwargs={"series_id": meeting.series.pk, "start": meeting.key})


# Schedules ----------------------------------------------------------------------------------


@managers
@require_http_methods(["GET", "POST"])
def series_create(request: HttpRequest, group_id: int) -> HttpResponse:
    me = membership_of(request)
    group = selectors.group_to_manage(viewer=me, group_id=group_id)
    form = SeriesForm(
        request.POST if request.method == "POST" else None,
        initial={"frequency": "weekly", "duration_minutes": 60, "timezone": group.timezone},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.series_create(
                actor=me,
                group=group,
                title=data["title"],
                frequency=data["frequency"],
                first_day=data["first_day"],
                start_time=data["start_time"],
                duration_minutes=data["duration_minutes"],
                until=data["until"],
                timezone_name=data["timezone"],
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The meeting schedule is saved."))
            return redirect("groups_manage", group_id=group.pk)
    failed = request.method == "POST"
    return render(
        request,
        "groups/series_form.html",
        {"form": form, "group": group, "failed": failed},
        status=400 if failed else 200,
    )


@managers
@require_POST
def series_stop(request: HttpRequest, series_id: int) -> HttpResponse:
    me = membership_of(request)
    series = MeetingSeries.objects.filter(pk=series_id).select_related("group").first()
    if series is None:
        raise Http404
    group = selectors.group_to_manage(viewer=me, group_id=series.group_id)
    form = StopSeriesForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the last day the group meets on this schedule."))
        return redirect("groups_manage", group_id=group.pk)
    series.group = group
    try:
        services.series_stop(actor=me, series=series, last_day=form.cleaned_data["last_day"])
    except ValidationError as exc:
        tell_problems(request, exc)
    else:
        messages.success(request, _("The schedule stops after that day."))
    return redirect("groups_manage", group_id=group.pk)


# One meeting --------------------------------------------------------------------------------


@browsers
def occurrence(request: HttpRequest, series_id: int, start: str) -> HttpResponse:
    """One meeting: when and where, the viewer's answer or place in line, their attendance;
    for those who manage the group also who is coming, attendance and changes."""
    me = membership_of(request)
    meeting = selectors.meeting_for(viewer=me, series_id=series_id, key=start)
    page = selectors.meeting_page(viewer=me, meeting=meeting)
    zone = zone_named(meeting.series.timezone)
    attendance_form = (
        AttendanceForm(
            people=[(line.member.pk, line.member.user.shown_name) for line in page.attendance],
            initial={
                "listed": [line.member.pk for line in page.attendance],
                "present": [
                    line.member.pk
                    for line in page.attendance
                    if (line.record.attended if line.record else line.answer == "going")
                ],
            },
        )
        if page.may_take_attendance
        else None
    )
    return render(
        request,
        "groups/meeting.html",
        {
            "page": page,
            "meeting": meeting,
            "attendance_form": attendance_form,
            "cancel_form": CancelForm(),
            "self_form": SelfAttendanceForm(),
            "meeting_over": meeting.has_ended(timezone.now()),
            "zone_name": zone_label(zone),
        },
    )


@browsers
def occurrence_ics(request: HttpRequest, series_id: int, start: str) -> HttpResponse:
    """One meeting as a calendar file (RFC 5545) to add to any calendar."""
    me = membership_of(request)
    meeting = selectors.meeting_for(viewer=me, series_id=series_id, key=start)
    calendar = ics.meeting_calendar(meeting, now=timezone.now())
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    local_day = meeting.start.date().isoformat()
    response["Content-Disposition"] = f'attachment; filename="meeting-{local_day}.ics"'
    return response


@joiners
@require_POST
def rsvp(request: HttpRequest, series_id: int, start: str) -> HttpResponse:
    me = membership_of(request)
    meeting = selectors.meeting_for(viewer=me, series_id=series_id, key=start)
    try:
        answer = services.rsvp_set(member=me, meeting=meeting)
    except ValidationError as exc:
        tell_problems(request, exc)
    else:
        if answer.status == "going":
            messages.success(request, _("You're going. See you there!"))
        else:
            messages.success(
                request,
                _("This meeting is full, so you're on the waiting list. We'll tell you if a place opens up."),
            )
    return redirect(_meeting_url(meeting))


@joiners
@require_POST
def rsvp_cancel(request: HttpRequest, series_id: int, start: str) -> HttpResponse:
    me = membership_of(request)
    meeting = selectors.meeting_for(viewer=me, series_id=series_id, key=start)
    try:
        services.rsvp_cancel(member=me, meeting=meeting)
    except ValidationError as exc:
        tell_problems(request, exc)
    else:
        messages.success(request, _("Okay, you're not going. Thanks for letting the group know."))
    return redirect(_meeting_url(meeting))


@joiners
@require_POST
def attendance_self(request: HttpRequest, series_id: int, start: str) -> HttpResponse:
    me = membership_of(request)
    meeting = selectors.meeting_for(viewer=me, series_id=series_id, key=start)
    form = SelfAttendanceForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose whether you were there."))
        return redirect(_meeting_url(meeting))
    try:
        services.attendance_self_record(member=me, meeting=meeting, attended=form.cleaned_data["attended"])
    except ValidationError as exc:
        tell_problems(request, exc)
    else:
        messages.success(request, _("Thank you. It's noted."))
    return redirect(_meeting_url(meeting))


@managers
@require_POST
def attendance_take(request: HttpRequest, series_id: int, start: str) -> HttpResponse:
    me = membership_of(request)
    meeting = selectors.meeting_for(viewer=me, series_id=series_id, key=start)
    selectors.group_to_manage(viewer=me, group_id=meeting.group.pk)
    listed = request.POST.getlist("listed")
    people = [(int(pk), "") for pk in listed if pk.isdigit()]
    form = AttendanceForm(request.POST, people=people)
    if not form.is_valid():
        messages.error(request, _("Attendance was not saved: please try again."))
        return redirect(_meeting_url(meeting))
    try:
        services.attendance_take(
            actor=me,
            meeting=meeting,
            listed_ids=form.cleaned_data["listed"],
            attended_ids=form.cleaned_data["present"],
        )
    except ValidationError as exc:
        tell_problems(request, exc)
    else:
        messages.success(request, _("Attendance is saved."))
    return redirect(_meeting_url(meeting))


@managers
@require_POST
def occurrence_cancel(request: HttpRequest, series_id: int, start: str) -> HttpResponse:
    me = membership_of(request)
    meeting = selectors.meeting_for(viewer=me, series_id=series_id, key=start)
    selectors.group_to_manage(viewer=me, group_id=meeting.group.pk)
    form = CancelForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        services.occurrence_cancel(actor=me, meeting=meeting, note=note)
    except ValidationError as exc:
        tell_problems(request, exc)
    else:
        messages.success(request, _("The meeting is cancelled. Everyone who was coming has been told."))
    return redirect(_meeting_url(meeting))


@managers
@require_http_methods(["GET", "POST"])
def occurrence_move(request: HttpRequest, series_id: int, start: str) -> HttpResponse:
    me = membership_of(request)
    meeting = selectors.meeting_for(viewer=me, series_id=series_id, key=start)
    selectors.group_to_manage(viewer=me, group_id=meeting.group.pk)
    zone = zone_named(meeting.series.timezone)
    form = MoveForm(
        request.POST if request.method == "POST" else None,
        initial={
            "day": meeting.start.astimezone(zone).date(),
            "start_time": meeting.start.astimezone(zone).time(),
            "duration_minutes": int((meeting.end - meeting.start).total_seconds() // 60),
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        new_start = datetime.combine(data["day"], data["start_time"], tzinfo=zone)
        try:
            services.occurrence_move(
                actor=me,
                meeting=meeting,
                new_start=new_start,
                duration_minutes=data["duration_minutes"],
                note=data["note"],
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(
                request, _("The meeting has its new time. Everyone who was coming has been told.")
            )
            return redirect(_meeting_url(meeting))
    failed = request.method == "POST"
    return render(
        request,
        "groups/meeting_move.html",
        {"form": form, "meeting": meeting, "zone_name": zone_label(zone), "failed": failed},
        status=400 if failed else 200,
    )
