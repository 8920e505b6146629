from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alongside.core.fields import EncryptedTextField
from alongside.core.models import OrganizationScoped
from alongside.matching.engine import render_reasons
from alongside.participants.models import AGE_BANDS, GENDERS


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

    @property
    def reasons_text(self) -> list[str]:
        """Why this match was proposed, in the reader's language."""
        return render_reasons(self.reasons or [])


class PeerProfile(OrganizationScoped):
    """What a peer supporter offers: how many people they can walk with, their languages, lived
    experience, ways to meet and free time. Read by the matching engine; one per peer."""

    peer = models.OneToOneField("accounts.Membership", on_delete=models.CASCADE, related_name="peer_profile")
    capacity = models.PositiveSmallIntegerField(
        _("how many people you can walk with"),
        default=12,
        validators=[MinValueValidator(0), MaxValueValidator(60)],
        help_text=_("Between 0 and 60. Your supervisor may also change it."),
    )
    accepting_new = models.BooleanField(_("open to new participants"), default=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    gender = models.CharField(_("gender"), max_length=20, choices=GENDERS, blank=True)
    age_band = models.CharField(_("age"), max_length=10, choices=AGE_BANDS, blank=True)
    experiences = models.ManyToManyField("participants.ExperienceArea", blank=True, related_name="+")
    meeting_formats = models.JSONField(_("ways to meet"), default=list, blank=True)
    availability = models.JSONField(_("weekly availability"), default=list, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"peer profile of {self.peer_id}"


class MatchingSettings(OrganizationScoped):
    """How much each shared thing counts when the engine proposes a peer (the engine's Weights)."""

    shared_experience = models.FloatField(
        _("each shared lived experience"),
        default=2.0,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    priority_experience = models.FloatField(
        _("extra for an experience the participant marked most important"),
        default=2.0,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    availability_per_hour = models.FloatField(
        _("each hour of the week both are free"),
        default=0.2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    shared_format = models.FloatField(
        _("each shared way of meeting"),
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    age_band = models.FloatField(
        _("peer in the age group asked for"),
        default=1.0,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    continuity = models.FloatField(
        _("staying with the current peer"),
        default=3.0,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    updated_at = models.DateTimeField(default=timezone.now)

    WEIGHT_FIELDS = (
        "shared_experience",
        "priority_experience",
        "availability_per_hour",
        "shared_format",
        "age_band",
        "continuity",
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organization"], name="one_matching_settings_per_org")]

    def __str__(self) -> str:
        return f"matching settings of {self.organization_id}"


class MatchRun(OrganizationScoped):
    """One batch matching for everyone waiting: a draft the supervisor reviews, then approves."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        APPROVED = "approved", _("Approved")
        DISCARDED = "discarded", _("Replaced by a newer run")

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    approved_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    # [{"participant": membership id, "reason": "..."}] for those nobody could be proposed to.
    unassigned = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"match run {self.pk} ({self.status})"


class MatchProposal(OrganizationScoped):
    """A proposed pair waiting for decisions: the supervisor's (in a draft run), then the peer's."""

    class Kind(models.TextChoices):
        BATCH = "batch", _("Proposed by the coordinator")
        CHOSEN = "chosen", _("Chosen by the participant")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PENDING = "pending", _("Waiting for the peer supporter")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        REMOVED = "removed", _("Removed")

    OPEN = (Status.DRAFT, Status.PENDING)

    run = models.ForeignKey(
        MatchRun, null=True, blank=True, on_delete=models.CASCADE, related_name="proposals"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.BATCH)
    participant = models.ForeignKey("accounts.Membership", on_delete=models.CASCADE, related_name="+")
    peer = models.ForeignKey("accounts.Membership", on_delete=models.CASCADE, related_name="match_proposals")
    score = models.FloatField(default=0)
    reasons = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    decline_reason = EncryptedTextField(_("reason"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    match = models.ForeignKey(PeerMatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["organization", "status"])]

    def __str__(self) -> str:
        return f"proposal {self.participant_id} → {self.peer_id} ({self.status})"

    @property
    def reasons_text(self) -> list[str]:
        """Why this pair was proposed, in the reader's language."""
        return render_reasons(self.reasons or [])


class MatchExclusion(OrganizationScoped):
    """A pair the engine must not propose again: the peer declined, or a rematch asked for it."""

    class Cause(models.TextChoices):
        DECLINED = "declined", _("The peer supporter declined")
        REMATCH = "rematch", _("A rematch was asked for")

    participant = models.ForeignKey("accounts.Membership", on_delete=models.CASCADE, related_name="+")
    peer = models.ForeignKey("accounts.Membership", on_delete=models.CASCADE, related_name="+")
    cause = models.CharField(max_length=10, choices=Cause.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["participant", "peer"], name="one_exclusion_per_pair")]

    def __str__(self) -> str:
        return f"never {self.participant_id} with {self.peer_id}"


class MatchRequest(OrganizationScoped):
    """Something for the coordinator's queue: a participant asking for help choosing, or a
    participant or peer asking privately for a rematch. Only supervisors and admins read it."""

    class Kind(models.TextChoices):
        COORDINATOR = "coordinator", _("Asked the coordinator to choose")
        REMATCH = "rematch", _("Asked for a rematch")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        RESOLVED = "resolved", _("Resolved")

    kind = models.CharField(max_length=12, choices=Kind.choices)
    participant = models.ForeignKey("accounts.Membership", on_delete=models.CASCADE, related_name="+")
    requested_by = models.ForeignKey("accounts.Membership", on_delete=models.CASCADE, related_name="+")
    match = models.ForeignKey(PeerMatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reason = EncryptedTextField(_("reason"), blank=True)
    exclude_peer = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome = models.CharField(max_length=20, blank=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.kind} request for {self.participant_id} ({self.status})"
