from __future__ import annotations

from datetime import datetime

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alongside.core.fields import EncryptedTextField
from alongside.core.models import OrganizationScoped

# Cravings at or above this, together with asking to talk, are a signal for the peer supporter.
STRONG_CRAVING = 9


class CheckIn(OrganizationScoped):
    """A participant's daily check-in: one per local day, editable that day.

    Mood is always asked; sleep is optional; cravings and use only when substance use applies
    to the participant; medication only when they track it. A check-in added for a past day
    (up to three days back) is marked late; `created_at` is when it was entered.
    """

    MOOD_CHOICES = [
        (1, _("Very low")),
        (2, _("Low")),
        (3, _("Okay")),
        (4, _("Good")),
        (5, _("Very good")),
    ]
    # A five-point quality scale rather than hours: one tap, no arithmetic at 7 a.m., honest
    # for broken or daytime sleep (shift work, early recovery), and on the same scale as mood.
    SLEEP_CHOICES = [
        (1, _("Very poorly")),
        (2, _("Poorly")),
        (3, _("Okay")),
        (4, _("Well")),
        (5, _("Very well")),
    ]

    participant = models.ForeignKey("accounts.Membership", on_delete=models.CASCADE, related_name="checkins")
    day = models.DateField(_("day"), help_text=_("The participant's local date."))
    mood = models.PositiveSmallIntegerField(
        _("mood"), choices=MOOD_CHOICES, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    sleep_quality = models.PositiveSmallIntegerField(
        _("sleep"),
        choices=SLEEP_CHOICES,
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    cravings = models.PositiveSmallIntegerField(
        _("cravings"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(10)],
        help_text=_("0 (none) to 10 (strongest); asked only when substance use applies."),
    )
    used = models.BooleanField(_("used"), null=True, blank=True)
    took_medication = models.BooleanField(_("took medication"), null=True, blank=True)
    wants_to_talk = models.BooleanField(_("I'd like to talk to my peer"), default=False)
    note = EncryptedTextField(_("journal note"), blank=True)
    screening_level = models.CharField(max_length=10, default="none")
    is_late = models.BooleanField(
        _("added later"), default=False, help_text=_("Entered after the day it is for.")
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-day"]
        constraints = [
            models.UniqueConstraint(fields=["participant", "day"], name="one_checkin_per_day"),
            models.CheckConstraint(
                condition=Q(cravings__isnull=True) | Q(cravings__lte=10), name="checkin_cravings_0_to_10"
            ),
            models.CheckConstraint(
                condition=Q(sleep_quality__isnull=True) | Q(sleep_quality__gte=1, sleep_quality__lte=5),
                name="checkin_sleep_1_to_5",
            ),
        ]
        indexes = [
            models.Index(fields=["organization", "day"]),
            # Every read of one participant's check-ins is also filtered by organization (the
            # scope); without this the planner may walk the organization's whole (org, day) index.
            models.Index(fields=["organization", "participant", "day"], name="checkin_org_participant_day"),
        ]

    def __str__(self) -> str:
        return f"{self.participant_id} {self.day}: {self.mood}"

    @property
    def entered_at(self) -> datetime:
        """When the check-in was first entered (for a late one, after its day)."""
        return self.created_at

    @property
    def strong_craving_and_talk(self) -> bool:
        """Cravings of 9 or 10 together with asking to talk: the peer should hear about it."""
        return self.wants_to_talk and (self.cravings or 0) >= STRONG_CRAVING

    @property
    def reports_use(self) -> bool:
        return self.used is True


class RecoveryPeriod(OrganizationScoped):
    """One stretch of recovery, from its start date to a setback (or still going).

    A participant has at most one open period. Recording a setback ends it and starts another;
    earlier periods are kept, because time in recovery counts even after a setback. Dates are
    the participant's local dates, so time zones and daylight saving never change a count.
    """

    class EndReason(models.TextChoices):
        SETBACK = "setback", _("Setback")
        DATE_CHANGED = "date_changed", _("Start date changed")

    participant = models.ForeignKey(
        "accounts.Membership", on_delete=models.CASCADE, related_name="recovery_periods"
    )
    started_on = models.DateField(_("started on"))
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    end_reason = models.CharField(_("why it ended"), max_length=20, choices=EndReason.choices, blank=True)
    end_note = EncryptedTextField(_("private note"), blank=True)
    end_note_screening_level = models.CharField(max_length=10, default="none")
    created_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["participant"], condition=Q(ended_on__isnull=True), name="one_open_recovery_period"
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="recovery_period_ends_after_start",
            ),
        ]
        indexes = [models.Index(fields=["participant", "started_on"])]

    def __str__(self) -> str:
        return f"{self.participant_id} from {self.started_on} to {self.ended_on or '…'}"

    @property
    def is_open(self) -> bool:
        return self.ended_on is None

    @property
    def length_days(self) -> int | None:
        """Days from start to end for a closed period; None while it is still going."""
        return (self.ended_on - self.started_on).days if self.ended_on else None


class CheckInPreference(OrganizationScoped):
    """A participant's own choices: check-in reminders and whether their peer supporter may see
    their recovery counter. No row means the defaults: no reminders, nothing shared."""

    participant = models.OneToOneField(
        "accounts.Membership", on_delete=models.CASCADE, related_name="checkin_preference"
    )
    reminders_on = models.BooleanField(_("remind me to check in"), default=False)
    remind_at = models.TimeField(_("reminder time"), null=True, blank=True)
    remind_in_app = models.BooleanField(_("in the app"), default=True)
    remind_by_email = models.BooleanField(_("by email"), default=False)
    quiet_from = models.TimeField(_("quiet hours from"), null=True, blank=True)
    quiet_until = models.TimeField(_("quiet hours until"), null=True, blank=True)
    # The participant's local day of the last reminder: at most one a day.
    last_reminded_on = models.DateField(null=True, blank=True)
    share_counter_with_peer = models.BooleanField(
        _("share my recovery counter with my peer supporter"), default=False
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["reminders_on"])]

    def __str__(self) -> str:
        return f"check-in preferences of {self.participant_id}"
