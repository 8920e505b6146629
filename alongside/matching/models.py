from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alongside.core.models import OrganizationScoped


class PeerMatch(OrganizationScoped):
    """A participant walking with a peer supporter. One active match per participant; ended
    matches stay as history."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        ENDED = "ended", _("Ended")

    participant = models.ForeignKey(
        "accounts.Membership", on_delete=models.CASCADE, related_name="peer_matches"
    )
    peer = models.ForeignKey("accounts.Membership", on_delete=models.CASCADE, related_name="caseload_matches")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    reasons = models.JSONField(
        default=list, blank=True, help_text=_("Why this match was proposed, in plain words.")
    )
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["participant"], condition=Q(status="active"), name="one_active_peer_per_participant"
            )
        ]

    def __str__(self) -> str:
        return f"{self.participant} ↔ {self.peer}"
