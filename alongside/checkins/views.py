from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from alongside.accounts.models import Membership
from alongside.checkins import milestones
from alongside.checkins.forms import CheckInForm, RecoveryStartForm, ReminderForm, SetbackForm, SharingForm
from alongside.checkins.models import CheckIn, CheckInPreference
from alongside.checkins.selectors import (
    TREND_WINDOWS,
    calendar_month_for,
    checkin_form_for,
    checkin_measures_for,
    trends_for,
)
from alongside.checkins.services import (
    ReminderPreferenceInput,
    checkin_days_open,
    checkin_save,
    reminder_preference_update,
)
from alongside.checkins.streaks import current_streak
from alongside.core.access import roles_required
from alongside.core.roles import Role
from alongside.core.timezones import today_of
from alongside.safety.escalation.shortcuts import crisis_redirect


def _participant(request: HttpRequest) -> Membership:
    return request.membership  # type: ignore[attr-defined,no-any-return]


def _locale() -> str:
    return (get_language() or "en")[:2]


@roles_required(Role.PARTICIPANT)
@require_http_methods(["GET", "POST"])
def checkin_today(request: HttpRequest) -> HttpResponse:
    """The check-in form (today, or a missed day up to three days back) and its submission.
    Saved first, then the person is told (and shown help if needed)."""
    participant = _participant(request)
    today = today_of(participant)
    if request.method == "GET":
        form = checkin_form_for(participant, today=today, with_day=True)
        wanted = request.GET.get("day", "")
        if wanted and wanted in {d.isoformat() for d in checkin_days_open(today)}:
            existing = CheckIn.objects.filter(participant=participant, day=wanted).first()
            form.initial = CheckInForm.initial_from(existing) if existing else {"day": wanted}
        return render(request, "checkins/checkin_form.html", {"form": form, "today": today})
    form = CheckInForm(request.POST, measures=checkin_measures_for(participant), today=today, with_day=True)
    if not form.is_valid():
        return render(
            request, "checkins/checkin_form.html", {"form": form, "today": today, "failed": True}, status=400
        )
    try:
        result = checkin_save(participant=participant, locale=_locale(), **form.measures())
    except ValidationError as exc:
        form.add_error(None, exc)
        return render(
            request, "checkins/checkin_form.html", {"form": form, "today": today, "failed": True}, status=400
        )
    if result.screening_level == "urgent":
        messages.warning(request, _("Your check-in is saved. You matter: help is available right now."))
        return crisis_redirect(participant)
    checkin = result.checkin
    if checkin.is_late:
        messages.success(request, _("Thank you. Your check-in for that day is saved."))
    elif checkin.wants_to_talk:
        messages.success(
            request, _("Thank you for checking in. Your peer supporter will see that you'd like to talk.")
        )
    else:
        messages.success(request, _("Thank you for checking in."))
    if checkin.used:
        messages.info(
            request,
            _(
                "Thank you for being honest. A slip doesn't undo your progress. If you'd like, you can "
                "restart your recovery counter from My recovery whenever you're ready."
            ),
        )
    return redirect("home")


@roles_required(Role.PARTICIPANT)
@require_GET
def checkin_history(request: HttpRequest) -> HttpResponse:
    """The participant's own check-ins, newest first, 30 to a page."""
    participant = _participant(request)
    today = today_of(participant)
    checkins = CheckIn.objects.filter(participant=participant).order_by("-day")
    page = Paginator(checkins, 30).get_page(request.GET.get("page"))
    streak = current_streak(checkins.values_list("day", flat=True)[:800], today)
    return render(
        request,
        "checkins/history.html",
        {"page": page, "streak": streak, "measures": checkin_measures_for(participant), "section": "list"},
    )


def _month_from(value: str) -> date | None:
    try:
        year, month = (int(part) for part in value.split("-"))
        return date(year, month, 1)
    except ValueError:
        return None


@roles_required(Role.PARTICIPANT)
@require_GET
def checkin_calendar(request: HttpRequest) -> HttpResponse:
    """A month of the participant's own check-ins as an accessible calendar table."""
    participant = _participant(request)
    today = today_of(participant)
    asked = request.GET.get("month", "")
    month = _month_from(asked) if asked else today.replace(day=1)
    unreadable = month is None
    if month is None or month > today:
        month = today.replace(day=1)
    shown = calendar_month_for(participant, month=month, today=today)
    return render(
        request,
        "checkins/calendar.html",
        {
            "month": shown,
            "weekdays": [(WEEKDAYS[i], WEEKDAYS_ABBR[i]) for i in shown.weekday_order],
            "unreadable_month": unreadable,
            "section": "calendar",
        },
    )


@roles_required(Role.PARTICIPANT)
@require_GET
def checkin_trends(request: HttpRequest) -> HttpResponse:
    """Mood, sleep and cravings over 7, 30 or 90 days: SVG charts with a table of the same data."""
    participant = _participant(request)
    try:
        days = int(request.GET.get("days", "30"))
    except ValueError:
        days = 30
    if days not in TREND_WINDOWS:
        days = 30
    return render(
        request,
        "checkins/trends.html",
        {
            "trends": trends_for(participant, days=days),
            "windows": TREND_WINDOWS,
            "mood_labels": dict(CheckIn.MOOD_CHOICES),
            "sleep_labels": dict(CheckIn.SLEEP_CHOICES),
            "section": "trends",
        },
    )


@roles_required(Role.PARTICIPANT)
@require_http_methods(["GET", "POST"])
def checkin_reminders(request: HttpRequest) -> HttpResponse:
    """The participant's reminder time, channels and quiet hours."""
    participant = _participant(request)
    preference = CheckInPreference.objects.filter(participant=participant).first()
    if request.method == "POST":
        form = ReminderForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                reminder_preference_update(
                    participant=participant,
                    actor=participant.user,
                    choices=ReminderPreferenceInput(
                        reminders_on=data["reminders_on"],
                        remind_at=data["remind_at"],
                        remind_in_app=data["remind_in_app"],
                        remind_by_email=data["remind_by_email"],
                        quiet_from=data["quiet_from"],
                        quiet_until=data["quiet_until"],
                    ),
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(
                    request,
                    _("Your reminder is saved.") if data["reminders_on"] else _("Reminders are off."),
                )
                return redirect("checkin_reminders")
        return render(request, "checkins/reminders.html", {"form": form}, status=400)
    initial = (
        {
            "reminders_on": preference.reminders_on,
            "remind_at": preference.remind_at,
            "remind_in_app": preference.remind_in_app,
            "remind_by_email": preference.remind_by_email,
            "quiet_from": preference.quiet_from,
            "quiet_until": preference.quiet_until,
        }
        if preference
        else ReminderForm.DEFAULT_INITIAL
    )
    return render(request, "checkins/reminders.html", {"form": ReminderForm(initial=initial)})


# Recovery counter and milestones --------------------------------------------------------------


def _recovery_page(
    request: HttpRequest,
    *,
    start_form: RecoveryStartForm | None = None,
    status: int = 200,
) -> HttpResponse:
    participant = _participant(request)
    today = today_of(participant)
    history = milestones.recovery_history_for(participant, today=today)
    return render(
        request,
        "checkins/recovery.html",
        {
            "history": history,
            "counter": history.counter,
            "today": today,
            "start_form": start_form
            or RecoveryStartForm(
                initial={"started_on": history.counter.started_on if history.counter else today}
            ),
            "sharing_form": SharingForm(initial={"share": milestones.recovery_sharing_of(participant)}),
        },
        status=status,
    )


@roles_required(Role.PARTICIPANT)
@require_GET
def recovery_overview(request: HttpRequest) -> HttpResponse:
    """The participant's recovery counter, milestones, earlier periods and sharing choice."""
    return _recovery_page(request)


@roles_required(Role.PARTICIPANT)
@require_POST
def recovery_start(request: HttpRequest) -> HttpResponse:
    """Set (or change) the recovery date."""
    participant = _participant(request)
    form = RecoveryStartForm(request.POST)
    if form.is_valid():
        try:
            milestones.recovery_period_start(
                participant=participant, started_on=form.cleaned_data["started_on"], actor=participant.user
            )
        except ValidationError as exc:
            form.add_error("started_on", exc)
        else:
            messages.success(request, _("Your recovery date is saved."))
            return redirect("recovery_overview")
    return _recovery_page(request, start_form=form, status=400)


@roles_required(Role.PARTICIPANT)
@require_http_methods(["GET", "POST"])
def recovery_setback(request: HttpRequest) -> HttpResponse:
    """Record a setback kindly: restart the counter, keep the history, an optional private note."""
    participant = _participant(request)
    counter = milestones.recovery_counter_for(participant)
    if request.method == "GET":
        return render(request, "checkins/setback.html", {"form": SetbackForm(), "counter": counter})
    form = SetbackForm(request.POST)
    if form.is_valid():
        try:
            result = milestones.recovery_setback_record(
                participant=participant,
                actor=participant.user,
                restart_on=form.cleaned_data["restart_on"],
                note=form.cleaned_data["note"],
                locale=_locale(),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            days = result.previous.length_days or 0
            if result.screening_level == "urgent":
                messages.warning(
                    request,
                    _(
                        "Your counter has restarted and your note is saved. You matter: help is available right now."
                    ),
                )
                return crisis_redirect(participant)
            messages.success(
                request,
                _(
                    "Your counter starts again. The %(days)s days before still count: they are part of your "
                    "story, and you can build on them."
                )
                % {"days": days},
            )
            return redirect("recovery_overview")
    return render(request, "checkins/setback.html", {"form": form, "counter": counter}, status=400)


@roles_required(Role.PARTICIPANT)
@require_POST
def recovery_sharing(request: HttpRequest) -> HttpResponse:
    """Turn sharing the recovery counter with the peer supporter on or off."""
    participant = _participant(request)
    form = SharingForm(request.POST)
    form.is_valid()  # a checkbox: absent means off
    share = bool(form.cleaned_data.get("share"))
    milestones.recovery_sharing_set(participant=participant, actor=participant.user, share=share)
    messages.success(
        request,
        _("Your peer supporter can now see your recovery counter.")
        if share
        else _("Your recovery counter is private to you."),
    )
    return redirect("recovery_overview")
