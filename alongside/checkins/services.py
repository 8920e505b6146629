"""Writes for check-ins and check-in reminders. Keyword-only, transactional, audited."""

from __future__ import annotations

import logging
import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from alongside.accounts.models import Membership, User
from alongside.checkins.models import CheckIn, CheckInPreference
from alongside.core.audit import audit_record
from alongside.core.notifications import notification_send
from alongside.core.roles import Role
from alongside.core.timezones import today_of, zone_of
from alongside.participants.models import ParticipantProfile
from alongside.safety.screening import screen_text

logger = logging.getLogger("alongside.checkins")

NOTE_MAX_CHARS = 5000
# A participant may add a check-in they missed for up to this many days back.
LATE_DAYS = 3


def checkin_days_open(today: date) -> list[date]:
    """The days a check-in may be added for: today, then up to LATE_DAYS back."""
    return [today - timedelta(days=back) for back in range(LATE_DAYS + 1)]


@dataclass(frozen=True)
class CheckInResult:
    checkin: CheckIn
    created: bool
    screening_level: str


def _check_measures(*, mood: int, sleep_quality: int | None, cravings: int | None, note: str) -> None:
    if mood not in range(1, 6):
        raise ValidationError(_("Mood is a number from 1 to 5."))
    if sleep_quality is not None and sleep_quality not in range(1, 6):
        raise ValidationError(_("Sleep is a number from 1 (very poorly) to 5 (very well)."))
    if cravings is not None and cravings not in range(11):
        raise ValidationError(_("Cravings are a number from 0 (none) to 10 (strongest)."))
    if len(note) > NOTE_MAX_CHARS:
        raise ValidationError(
            _("A journal note can be up to %(max)s characters; this one has %(count)s.")
            % {"max": f"{NOTE_MAX_CHARS:,}", "count": f"{len(note):,}"}
        )


def _check_applies(
    *, participant: Membership, cravings: int | None, used: bool | None, took_medication: bool | None
) -> None:
    """Cravings and use are asked only when substance use applies; medication only when the
    participant tracks it. Looked up only when one of them was given."""
    if cravings is None and used is None and took_medication is None:
        return
    profile = (
        ParticipantProfile.objects.filter(participant=participant).only("focus", "tracks_medication").first()
    )
    substance_use = profile is not None and profile.substance_use_applies
    if (cravings is not None or used is not None) and not substance_use:
        raise ValidationError(
            _("Cravings and use are recorded only when substance use is part of your recovery.")
        )
    if took_medication is not None and not (profile is not None and profile.tracks_medication):
        raise ValidationError(_("Medication is recorded only when you have chosen to track it."))


@transaction.atomic
def checkin_save(
    *,
    participant: Membership,
    mood: int,
    wants_to_talk: bool = False,
    note: str = "",
    locale: str = "en",
    day: date | None = None,
    sleep_quality: int | None = None,
    cravings: int | None = None,
    used: bool | None = None,
    took_medication: bool | None = None,
    now: datetime | None = None,
) -> CheckInResult:
    """Saves the participant's check-in for `day` (default: their local today), creating or
    updating the one check-in of that day.

    A missed day up to three days back may be added; it is marked late. A check-in can be
    changed on the day it was entered. On an update, a measure given as None keeps what was
    saved (a form cannot un-choose a radio button, and nothing saved is lost); the note is
    replaced as written. The note is screened for crisis language before anything is written
    and stored encrypted. Only the participant themselves may call this. Audited as
    checkin.save.
    """
    if participant.role != Role.PARTICIPANT:
        raise ValidationError(_("Only participants check in."))
    _check_measures(mood=mood, sleep_quality=sleep_quality, cravings=cravings, note=note)
    now = now or timezone.now()
    today = today_of(participant, now)
    day = day or today
    if day > today:
        raise ValidationError(_("That day hasn't happened yet. You can check in for today or a past day."))
    if day < today - timedelta(days=LATE_DAYS):
        raise ValidationError(
            _("A missed check-in can be added for up to %(days)s days back.") % {"days": LATE_DAYS}
        )
    _check_applies(participant=participant, cravings=cravings, used=used, took_medication=took_medication)
    screening = screen_text(note, locale=locale)
    checkin, created = CheckIn.objects.select_for_update().get_or_create(
        participant=participant,
        day=day,
        defaults={
            "organization_id": participant.organization_id,
            "mood": mood,
            "sleep_quality": sleep_quality,
            "cravings": cravings,
            "used": used,
            "took_medication": took_medication,
            "wants_to_talk": wants_to_talk,
            "note": note,
            "screening_level": screening.level,
            "is_late": day < today,
            "created_at": now,
            "updated_at": now,
        },
    )
    if not created:
        entered_on = today_of(participant, checkin.created_at)
        if checkin.day != today and entered_on != today:
            raise ValidationError(
                _(
                    "Your check-in for %(day)s is saved as it was. Check-ins can be changed on the day they're made."
                )
                % {"day": date_format(checkin.day, "DATE_FORMAT")}
            )
        checkin.mood = mood
        for field, value in (
            ("sleep_quality", sleep_quality),
            ("cravings", cravings),
            ("used", used),
            ("took_medication", took_medication),
        ):
            if value is not None:
                setattr(checkin, field, value)
        checkin.wants_to_talk = wants_to_talk
        checkin.note = note
        checkin.screening_level = screening.level
        checkin.updated_at = now
        checkin.save(
            update_fields=[
                "mood",
                "sleep_quality",
                "cravings",
                "used",
                "took_medication",
                "wants_to_talk",
                "note",
                "screening_level",
                "updated_at",
            ]
        )
    audit_record(
        action="checkin.save",
        actor=participant.user,
        organization=participant.organization,
        subject=participant,
        obj=checkin,
        reason="late" if checkin.is_late else "",
    )
    _crisis_follow_up(participant=participant, checkin=checkin, screening=screening, today=today)
    return CheckInResult(checkin=checkin, created=created, screening_level=screening.level)


def _crisis_follow_up(*, participant: Membership, checkin: CheckIn, screening: Any, today: date) -> None:
    """What was written goes to crisis escalation; so do answers that need a person even
    without words (strong cravings with a wish to talk, three days of the lowest mood)."""
    from alongside.safety.escalation.services import checkin_signals_respond, respond_to_screening

    respond_to_screening(
        participant=participant,
        screening=screening,
        text=checkin.note,
        source="checkin",
        source_id=checkin.pk,
    )
    if checkin.day == today:
        moods = list(
            CheckIn.objects.filter(participant=participant, day__gt=today - timedelta(days=3))
            .order_by("-day")
            .values_list("mood", flat=True)
        )
        checkin_signals_respond(participant=participant, checkin=checkin, recent_moods=moods)


# Reminders ----------------------------------------------------------------------------------


def in_quiet_hours(moment: time, quiet_from: time | None, quiet_until: time | None) -> bool:
    """Whether a local wall-clock time falls in quiet hours [from, until), which may wrap past
    midnight (22:00 to 07:00). No quiet hours when either end is missing or both are equal."""
    if quiet_from is None or quiet_until is None or quiet_from == quiet_until:
        return False
    if quiet_from < quiet_until:
        return quiet_from <= moment < quiet_until
    return moment >= quiet_from or moment < quiet_until


def reminder_due_at(day: date, remind_at: time, zone: zoneinfo.ZoneInfo) -> datetime:
    """The instant the reminder for `day` falls due. On the night clocks spring forward a time
    in the gap (02:30) comes out as the same instant an hour later on the new clock (03:30);
    on the night they fall back, a time that happens twice counts from its first occurrence."""
    return datetime.combine(day, remind_at, tzinfo=zone)


@dataclass(frozen=True)
class ReminderPreferenceInput:
    reminders_on: bool
    remind_at: time | None
    remind_in_app: bool
    remind_by_email: bool
    quiet_from: time | None
    quiet_until: time | None


@transaction.atomic
def reminder_preference_update(
    *, participant: Membership, actor: User, choices: ReminderPreferenceInput
) -> CheckInPreference:
    """The participant sets when and how they are reminded to check in, and their quiet hours.
    Only the participant may change their own reminders. Audited as checkin.reminders.update."""
    if participant.role != Role.PARTICIPANT or actor.pk != participant.user_id:
        raise ValidationError(_("Only the participant can change their check-in reminders."))
    if (choices.quiet_from is None) != (choices.quiet_until is None):
        raise ValidationError(_("Give quiet hours both a start and an end, or leave both empty."))
    if choices.quiet_from is not None and choices.quiet_from == choices.quiet_until:
        raise ValidationError(_("Quiet hours need different start and end times."))
    if choices.reminders_on:
        if choices.remind_at is None:
            raise ValidationError(_("Choose the time you'd like to be reminded."))
        if not (choices.remind_in_app or choices.remind_by_email):
            raise ValidationError(_("Choose at least one way to be reminded: in the app or by email."))
        if choices.remind_by_email and not participant.user.email:
            raise ValidationError(_("Add an email address to your account to get reminders by email."))
        if in_quiet_hours(choices.remind_at, choices.quiet_from, choices.quiet_until):
            raise ValidationError(
                _(
                    "Your reminder time is inside your quiet hours, so it would never be sent. "
                    "Pick another time or change your quiet hours."
                )
            )
    preference, _created = CheckInPreference.objects.get_or_create(
        participant=participant, defaults={"organization_id": participant.organization_id}
    )
    preference.reminders_on = choices.reminders_on
    preference.remind_at = choices.remind_at
    preference.remind_in_app = choices.remind_in_app
    preference.remind_by_email = choices.remind_by_email
    preference.quiet_from = choices.quiet_from
    preference.quiet_until = choices.quiet_until
    preference.updated_at = timezone.now()
    preference.save()
    audit_record(
        action="checkin.reminders.update",
        actor=actor,
        organization=participant.organization,
        subject=participant,
        obj=preference,
    )
    return preference


def _reminder_wanted(preference: CheckInPreference, now: datetime) -> date | None:
    """The participant's local day a reminder is due for at `now`, or None.

    Due from the chosen local time until the end of that local day, outside quiet hours."""
    if preference.remind_at is None:
        return None
    zone = zone_of(preference.participant)
    local_now = now.astimezone(zone)
    today = local_now.date()
    if preference.last_reminded_on == today:
        return None
    if now < reminder_due_at(today, preference.remind_at, zone):
        return None
    if in_quiet_hours(local_now.time(), preference.quiet_from, preference.quiet_until):
        return None
    return today


def reminders_send_due(*, now: datetime | None = None) -> int:
    """Sends every check-in reminder due at `now`, across all organizations and time zones.

    A participant is reminded at most once per local day, at or after their chosen local time,
    never inside their quiet hours, and never once they have checked in for that day. Safe to
    run twice at once: each reminder is claimed by a compare-and-set on `last_reminded_on`
    in the same transaction as the notification. Returns how many were sent.
    """
    now = now or timezone.now()
    with scopes_disabled():
        preferences = list(
            CheckInPreference.objects.filter(
                reminders_on=True,
                remind_at__isnull=False,
                participant__is_active=True,
                participant__role=Role.PARTICIPANT,
                participant__user__is_active=True,
                participant__organization__is_active=True,
            )
            .filter(Q(remind_in_app=True) | Q(remind_by_email=True))
            .select_related("participant__user", "participant__organization")
        )
        due = [(p, day) for p in preferences if (day := _reminder_wanted(p, now)) is not None]
        if not due:
            return 0
        checked_in = set(
            CheckIn.objects.filter(
                participant_id__in=[p.participant_id for p, _day in due],
                day__in={day for _p, day in due},
            ).values_list("participant_id", "day")
        )
        sent = 0
        for preference, day in due:
            if (preference.participant_id, day) in checked_in:
                continue
            try:
                sent += _reminder_send(preference=preference, day=day)
            except Exception:  # one person's failure must not stop everyone else's reminder
                logger.exception("check-in reminder for participant %s failed", preference.participant_id)
    return sent


@transaction.atomic
def _reminder_send(*, preference: CheckInPreference, day: date) -> int:
    claimed = (
        CheckInPreference.objects.filter(pk=preference.pk)
        .filter(Q(last_reminded_on__isnull=True) | ~Q(last_reminded_on=day))
        .update(last_reminded_on=day)
    )
    if claimed != 1:
        return 0
    participant = preference.participant
    user = participant.user
    language = participant.preferred_language
    with translation.override(language):
        title = _("Time for your check-in")
        # Says nothing about how the person is doing: emails and lock screens can be seen by others.
        body = _("How are you today? A check-in takes less than a minute.")
        if preference.remind_in_app:
            notification_send(
                user=user,
                kind="checkin_reminder",
                title=title,
                body=body,
                url=reverse("checkin_today"),
                organization=participant.organization,
                email=preference.remind_by_email,
            )
        elif user.email:  # email only: nothing kept in the app
            message = f"{body}\n\n{settings.SITE_URL}{reverse('checkin_today')}"
            transaction.on_commit(lambda: send_mail(title, message, None, [user.email]))
    return 1
