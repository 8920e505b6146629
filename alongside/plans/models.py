"""The recovery plan: a participant's own goals and steps, wellness toolbox, and job search.

The plan belongs to the participant. Their peer supporter can suggest goals and steps (the
participant decides), leave notes, and set the next review date. Everything the participant
writes is their own words and is encrypted at rest; what the peer may see of the wellness
toolbox and the job search is the participant's choice, section by section.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alongside.core.fields import EncryptedTextField
from alongside.core.models import OrganizationScoped

TITLE_MAX = 200
TEXT_MAX = 5000


class LifeArea(models.TextChoices):
    HEALTH = "health", _("Health and wellbeing")
    HOME = "home", _("Home")
    PURPOSE = "purpose", _("Purpose")
    COMMUNITY = "community", _("Community and relationships")
    EMPLOYMENT = "employment", _("Work and employment")
    EDUCATION = "education", _("Education and training")


class Progress(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    SET_ASIDE = "set_aside", _("Set aside")


class Decision(models.TextChoices):
    """Whether a goal or step is part of the plan. The participant's own are accepted; a peer's
    suggestion waits for the participant, who accepts or declines it."""

    ACCEPTED = "accepted", _("In the plan")
    SUGGESTED = "suggested", _("Suggested")
    DECLINED = "declined", _("Declined")


class WellnessSection(models.TextChoices):
    TOOLBOX = "toolbox", _("My wellness toolbox")
    TRIGGERS = "triggers", _("Triggers")
    WARNING_SIGNS = "warning_signs", _("Early warning signs")


class ApplicationStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    INTERVIEW = "interview", _("Interview")
    OFFER = "offer", _("Offer")
    NOT_SELECTED = "not_selected", _("Not selected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ReadinessKind(models.TextChoices):
    DOCUMENT = "document", _("Document")
    SKILL = "skill", _("Skill")


class ReadinessStatus(models.TextChoices):
    HAVE = "have", _("I have this")
    NEED = "need", _("I need this")


# The sections a participant can share with their peer supporter (all private by default).
SHARABLE_SECTIONS = ("toolbox", "triggers", "warning_signs", "work")


class RecoveryPlan(OrganizationScoped):
    """One participant's plan: the next review date and what they share with their peer."""

    participant = models.OneToOneField(
        "accounts.Membership", on_delete=models.CASCADE, related_name="recovery_plan"
    )
    next_review_on = models.DateField(_("next plan review"), null=True, blank=True)
    review_set_by = models.ForeignKey(
        "accounts.Membership", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    share_toolbox = models.BooleanField(_("peer supporter can see my wellness toolbox"), default=False)
    share_triggers = models.BooleanField(_("peer supporter can see my triggers"), default=False)
    share_warning_signs = models.BooleanField(
        _("peer supporter can see my early warning signs"), default=False
    )
    share_work = models.BooleanField(_("peer supporter can see my job search and checklist"), default=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["next_review_on"])]

    def __str__(self) -> str:
        return f"recovery plan of {self.participant_id}"

    def shares(self, section: str) -> bool:
        return bool(getattr(self, f"share_{section}", False))


class Goal(OrganizationScoped):
    """Something the participant wants in one area of life, in their own words."""

    plan = models.ForeignKey(RecoveryPlan, on_delete=models.CASCADE, related_name="goals")
    life_area = models.CharField(_("life area"), max_length=20, choices=LifeArea.choices)
    title = EncryptedTextField(_("goal"))
    why = EncryptedTextField(_("why it matters to me"), blank=True)
    who_helps = EncryptedTextField(_("who helps"), blank=True)
    target_date = models.DateField(_("target date"), null=True, blank=True)
    status = models.CharField(
        _("progress"), max_length=20, choices=Progress.choices, default=Progress.NOT_STARTED
    )
    decision = models.CharField(max_length=20, choices=Decision.choices, default=Decision.ACCEPTED)
    suggested_by = models.ForeignKey(
        "accounts.Membership", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    screening_level = models.CharField(max_length=10, default="none")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["plan", "decision"])]

    def __str__(self) -> str:
        return f"goal {self.pk} of plan {self.plan_id}"


class Step(OrganizationScoped):
    """One concrete thing to do towards a goal."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="steps")
    title = EncryptedTextField(_("step"))
    who_helps = EncryptedTextField(_("who helps"), blank=True)
    target_date = models.DateField(_("target date"), null=True, blank=True)
    status = models.CharField(
        _("progress"), max_length=20, choices=Progress.choices, default=Progress.NOT_STARTED
    )
    decision = models.CharField(max_length=20, choices=Decision.choices, default=Decision.ACCEPTED)
    suggested_by = models.ForeignKey(
        "accounts.Membership", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    screening_level = models.CharField(max_length=10, default="none")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"step {self.pk} of goal {self.goal_id}"


class PeerNote(OrganizationScoped):
    """A note from the peer supporter to the participant, shown on the participant's plan."""

    plan = models.ForeignKey(RecoveryPlan, on_delete=models.CASCADE, related_name="peer_notes")
    author = models.ForeignKey("accounts.Membership", null=True, on_delete=models.SET_NULL, related_name="+")
    body = EncryptedTextField(_("note"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"peer note {self.pk} on plan {self.plan_id}"


class WellnessEntry(OrganizationScoped):
    """One line of the wellness toolbox, a trigger, or an early warning sign, with what the
    participant will do about it (for triggers and warning signs)."""

    plan = models.ForeignKey(RecoveryPlan, on_delete=models.CASCADE, related_name="wellness_entries")
    section = models.CharField(_("section"), max_length=20, choices=WellnessSection.choices)
    text = EncryptedTextField(_("in my words"))
    response = EncryptedTextField(_("what I'll do"), blank=True)
    screening_level = models.CharField(max_length=10, default="none")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["plan", "section"])]

    def __str__(self) -> str:
        return f"{self.section} entry {self.pk} of plan {self.plan_id}"


class JobApplication(OrganizationScoped):
    """One job the participant applied for, in the job search tracker."""

    plan = models.ForeignKey(RecoveryPlan, on_delete=models.CASCADE, related_name="job_applications")
    goal = models.ForeignKey(
        Goal, null=True, blank=True, on_delete=models.SET_NULL, related_name="job_applications"
    )
    employer = EncryptedTextField(_("employer"))
    role = EncryptedTextField(_("job"))
    status = models.CharField(
        _("status"), max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.APPLIED
    )
    applied_on = models.DateField(_("date applied"), null=True, blank=True)
    next_action = EncryptedTextField(_("next step"), blank=True)
    next_action_on = models.DateField(_("next step by"), null=True, blank=True)
    screening_level = models.CharField(max_length=10, default="none")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"job application {self.pk} of plan {self.plan_id}"


class ReadinessItem(OrganizationScoped):
    """A document or skill the participant has or needs for work (ID, resume, references...)."""

    plan = models.ForeignKey(RecoveryPlan, on_delete=models.CASCADE, related_name="readiness_items")
    kind = models.CharField(
        _("kind"), max_length=20, choices=ReadinessKind.choices, default=ReadinessKind.DOCUMENT
    )
    name = EncryptedTextField(_("name"))
    status = models.CharField(
        _("status"), max_length=10, choices=ReadinessStatus.choices, default=ReadinessStatus.NEED
    )
    screening_level = models.CharField(max_length=10, default="none")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kind", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.kind} {self.pk} of plan {self.plan_id}"


class PlanReviewReminder(OrganizationScoped):
    """A review reminder that was sent: one per plan, review date, kind and person, ever."""

    class Kind(models.TextChoices):
        DAY_BEFORE = "day_before", _("The day before")
        DAY_OF = "day_of", _("On the day")

    plan = models.ForeignKey(RecoveryPlan, on_delete=models.CASCADE, related_name="review_reminders")
    review_on = models.DateField()
    kind = models.CharField(max_length=20, choices=Kind.choices)
    recipient = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "review_on", "kind", "recipient"], name="plan_review_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} reminder for plan {self.plan_id} on {self.review_on}"
