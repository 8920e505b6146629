from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alongside.core.fields import EncryptedTextField
from alongside.core.models import OrganizationScoped


class CheckIn(OrganizationScoped):
    """A participant's daily check-in: one per local day, editable that day."""

    MOOD_CHOICES = [
        (1, _("Very low")),
        (2, _("Low")),
        (3, _("Okay")),
        (4, _("Good")),
        (5, _("Very good")),
    ]

    participant = models.ForeignKey("accounts.Membership", on_delete=models.CASCADE, related_name="checkins")
    day = models.DateField(_("day"), help_text=_("The participant's local date."))
    mood = models.PositiveSmallIntegerField(
        _("mood"), choices=MOOD_CHOICES, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    wants_to_talk = models.BooleanField(_("I'd like to talk to my peer"), default=False)
    note = EncryptedTextField(_("journal note"), blank=True)
    screening_level = models.CharField(max_length=10, default="none")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-day"]
        constraints = [models.UniqueConstraint(fields=["participant", "day"], name="one_checkin_per_day")]
        indexes = [models.Index(fields=["organization", "day"])]

    def __str__(self) -> str:
        return f"{self.participant_id} {self.day}: {self.mood}"
