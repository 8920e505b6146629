from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from alongside.core.fields import EncryptedTextField
from alongside.core.models import OrganizationScoped

# Lived-experience areas every new organization starts with; admins can rename, hide and add.
DEFAULT_EXPERIENCE_AREAS: list[tuple[str, str]] = [
    ("alcohol", gettext_noop("Alcohol")),
    ("opioids", gettext_noop("Opioids")),
    ("stimulants", gettext_noop("Stimulants")),
    ("cannabis", gettext_noop("Cannabis")),
    ("depression", gettext_noop("Depression")),
    ("anxiety", gettext_noop("Anxiety")),
    ("bipolar", gettext_noop("Bipolar disorder")),
    ("psychosis", gettext_noop("Psychosis")),
    ("trauma", gettext_noop("Trauma")),
    ("grief", gettext_noop("Grief and loss")),
    ("eating", gettext_noop("Eating disorders")),
    ("self_harm", gettext_noop("Self-harm")),
    ("incarceration", gettext_noop("Incarceration")),
    ("homelessness", gettext_noop("Homelessness")),
    ("veteran", gettext_noop("Military service")),
    ("lgbtq", gettext_noop("LGBTQ+")),
    ("parenting", gettext_noop("Parenting")),
    ("chronic_pain", gettext_noop("Chronic pain")),
]

DEFAULT_LABELS = dict(DEFAULT_EXPERIENCE_AREAS)

MEETING_FORMATS: list[tuple[str, str]] = [
    ("chat", _("Chat")),
    ("phone", _("Phone")),
    ("video", _("Video")),
    ("in_person", _("In person")),
]
WEEKDAYS: list[tuple[str, str]] = [
    ("mon", _("Monday")),
    ("tue", _("Tuesday")),
    ("wed", _("Wednesday")),
    ("thu", _("Thursday")),
    ("fri", _("Friday")),
    ("sat", _("Saturday")),
    ("sun", _("Sunday")),
]
DAY_PARTS: list[tuple[str, str]] = [
    ("morning", _("Morning (6–12)")),
    ("afternoon", _("Afternoon (12–18)")),
    ("evening", _("Evening (18–24)")),
    ("night", _("Night (0–6)")),
]
AGE_BANDS: list[tuple[str, str]] = [
    ("18-24", "18–24"),
    ("25-34", "25–34"),
    ("35-44", "35–44"),
    ("45-54", "45–54"),
    ("55-64", "55–64"),
    ("65+", "65+"),
]
GENDERS: list[tuple[str, str]] = [
    ("woman", _("Woman")),
    ("man", _("Man")),
    ("nonbinary", _("Non-binary")),
]


class ExperienceArea(OrganizationScoped):
    """One area of lived experience in an organization's own taxonomy (e.g. opioids, grief)."""

    slug = models.SlugField(max_length=50)
    label = models.CharField(_("name"), max_length=80)
    is_active = models.BooleanField(_("shown"), default=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "label"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "slug"], name="experience_area_slug_unique")
        ]

    def __str__(self) -> str:
        return self.display_label

    @property
    def display_label(self) -> str:
        """The default areas keep their translations until an admin renames them."""
        if DEFAULT_LABELS.get(self.slug) == self.label:
            return gettext(self.label)
        return self.label


class ParticipantProfile(OrganizationScoped):
    """What a participant told us at intake: what brings them, their lived experience, and
    what they hope for in a peer. Built step by step by the intake wizard."""

    class Focus(models.TextChoices):
        MENTAL_HEALTH = "mental_health", _("Mental health")
        SUBSTANCE_USE = "substance_use", _("Substance use")
        BOTH = "both", _("Both")

    participant = models.OneToOneField(
        "accounts.Membership", on_delete=models.CASCADE, related_name="profile"
    )
    focus = models.CharField(_("what brings you"), max_length=20, choices=Focus.choices, blank=True)
    experiences = models.ManyToManyField(ExperienceArea, blank=True, related_name="+")
    priority_experiences = models.ManyToManyField(ExperienceArea, blank=True, related_name="+")
    languages = models.JSONField(_("languages"), default=list, blank=True)
    gender = models.CharField(_("gender"), max_length=20, choices=GENDERS, blank=True)
    age_band = models.CharField(_("age"), max_length=10, choices=AGE_BANDS, blank=True)
    peer_gender = models.CharField(_("peer's gender"), max_length=20, choices=GENDERS, blank=True)
    peer_age_bands = models.JSONField(_("peer's age"), default=list, blank=True)
    meeting_formats = models.JSONField(_("ways to meet"), default=list, blank=True)
    availability = models.JSONField(_("weekly availability"), default=list, blank=True)
    recovery_start = models.DateField(_("recovery start date"), null=True, blank=True)
    hopes = EncryptedTextField(_("what you hope for"), blank=True)
    hopes_screening_level = models.CharField(max_length=10, default="none")
    tracks_medication = models.BooleanField(_("track medication in check-ins"), default=False)
    consented_at = models.DateTimeField(null=True, blank=True)
    consent_version = models.CharField(max_length=20, blank=True)
    intake_step = models.CharField(max_length=30, blank=True)
    intake_completed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"profile of {self.participant_id}"

    @property
    def substance_use_applies(self) -> bool:
        return self.focus in (self.Focus.SUBSTANCE_USE, self.Focus.BOTH)
