"""Crisis escalation: incidents raised by screening, alerts that must be acknowledged, the
on-call rota, and the debrief after an urgent incident.

An incident is never deleted. A false alarm is marked as such and kept for evaluation.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alongside.core.fields import EncryptedTextField
from alongside.core.models import OrganizationScoped


class EscalationSettings(OrganizationScoped):
    """How fast an urgent alert must be acknowledged before it goes to the next person."""

    acknowledge_within_minutes = models.PositiveSmallIntegerField(
        _("minutes to acknowledge an urgent alert"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_(
            "If nobody acknowledges in time, the alert goes to the next person on call, then to the admins."
        ),
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organization"], name="one_escalation_settings_per_org")
        ]


class OnCallShift(OrganizationScoped):
    """One person on call for a stretch of time. Several people can be on call at once; `tier`
    says who is alerted first (1), who next (2), and so on."""

    member = models.ForeignKey("accounts.Membership", on_delete=models.CASCADE, related_name="on_call_shifts")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    tier = models.PositiveSmallIntegerField(
        _("order"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(9)],
        help_text=_("1 is alerted first; 2 if 1 does not answer in time; and so on."),
    )
    created_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["starts_at", "tier", "pk"]
        indexes = [models.Index(fields=["organization", "ends_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="shift_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"on call {self.member_id} {self.starts_at:%Y-%m-%d %H:%M}"


class Incident(OrganizationScoped):
    """Something a participant wrote (or a pattern in their check-ins) that needs a person.

    `urgent` incidents alert people and escalate until acknowledged; `concern` incidents put the
    participant on their peer's needs-attention list with the reason."""

    class Level(models.TextChoices):
        CONCERN = "concern", _("Concern")
        URGENT = "urgent", _("Urgent")

    class Status(models.TextChoices):
        OPEN = "open", _("Waiting for someone")
        ACKNOWLEDGED = "acknowledged", _("Someone is on it")
        CLOSED = "closed", _("Closed")

    class Source(models.TextChoices):
        CHECKIN = "checkin", _("Check-in note")
        CHECKIN_SIGNAL = "checkin_signal", _("Check-in answers")
        SETBACK = "setback", _("Recovery note")
        PLAN = "plan", _("Recovery plan")
        INTAKE = "intake", _("Intake")
        SAFETY_PLAN = "safety_plan", _("Safety plan")
        CHAT = "chat", _("Conversation")
        GROUP = "group", _("Group")
        OTHER = "other", _("Other")

    participant = models.ForeignKey("accounts.Membership", on_delete=models.CASCADE, related_name="incidents")
    level = models.CharField(max_length=10, choices=Level.choices)
    status = models.CharField(max_length=15, choices=Status.choices, default=Status.OPEN)
    source = models.CharField(max_length=20, choices=Source.choices)
    source_id = models.PositiveBigIntegerField(null=True, blank=True)
    categories = models.JSONField(default=list, blank=True)
    # What was written, and the words that raised it: participant text, so encrypted.
    excerpt = EncryptedTextField(blank=True)
    reasons = EncryptedTextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    escalation_step = models.PositiveSmallIntegerField(default=0)
    next_escalation_at = models.DateTimeField(null=True, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        "accounts.Membership", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    participant_safe_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        "accounts.Membership", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome = models.CharField(max_length=30, blank=True)
    outcome_note = EncryptedTextField(blank=True)
    false_alarm = models.BooleanField(default=False)
    follow_up_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["organization", "status", "level"]),
            models.Index(fields=["status", "next_escalation_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.level} incident {self.pk}"

    @property
    def is_urgent(self) -> bool:
        return self.level == self.Level.URGENT

    @property
    def outcome_label(self) -> str:
        from alongside.safety.escalation.forms import OUTCOME_CHOICES

        return str(dict(OUTCOME_CHOICES).get(self.outcome, self.outcome))

    @property
    def reason_list(self) -> list[str]:
        return [line for line in (self.reasons or "").splitlines() if line]


class IncidentEvent(OrganizationScoped):
    """One line of an incident's timeline: detected, alerted, escalated, seen, acknowledged,
    contacted, note, safe reported, outcome, follow-up, false alarm."""

    class Kind(models.TextChoices):
        DETECTED = "detected", _("Detected")
        ALERTED = "alerted", _("Alert sent")
        ESCALATED = "escalated", _("Escalated")
        SEEN = "seen", _("Opened")
        ACKNOWLEDGED = "acknowledged", _("Acknowledged")
        SAFE = "safe", _("Said they are safe right now")
        TALK = "talk", _("Asked to talk now")
        CONTACTED = "contacted", _("Contact made")
        NOTE = "note", _("Note")
        CLOSED = "closed", _("Closed")
        FALSE_ALARM = "false_alarm", _("Marked as a false alarm")
        FOLLOW_UP = "follow_up", _("Follow-up")
        DEBRIEF = "debrief", _("Debrief")

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        "accounts.Membership", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    detail = EncryptedTextField(blank=True)
    recipients = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.kind} ({self.incident_id})"


class Alert(OrganizationScoped):
    """One person asked to respond to an urgent incident, at one step of the ladder."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="alerts")
    recipient = models.ForeignKey(
        "accounts.Membership", on_delete=models.CASCADE, related_name="crisis_alerts"
    )
    step = models.PositiveSmallIntegerField()
    why = models.CharField(max_length=20)  # "peer", "on_call", "admin", "supervisor"
    sent_at = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["sent_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["incident", "recipient"], name="one_alert_per_person_per_incident"
            )
        ]

    def __str__(self) -> str:
        return f"alert {self.incident_id} → {self.recipient_id}"


class Debrief(OrganizationScoped):
    """After an urgent incident, the peer who handled it takes a moment with their supervisor.
    The written reflection is the supervision entry."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="debriefs")
    member = models.ForeignKey("accounts.Membership", on_delete=models.CASCADE, related_name="debriefs")
    created_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)
    reflection = EncryptedTextField(_("how it went, and what would help"), blank=True)
    support_wanted = models.BooleanField(
        _("I would like to talk it through with my supervisor"), default=False
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["incident", "member"], name="one_debrief_per_person")]

    def __str__(self) -> str:
        return f"debrief {self.incident_id} ({self.member_id})"
