from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from alongside.core.fields import EncryptedTextField
from alongside.core.models import OrganizationScoped

StrOrPromise = str | Promise

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

MEETING_FORMATS: list[tuple[str, StrOrPromise]] = [
    ("chat", _("Chat")),
    ("phone", _("Phone")),
    ("video", _("Video")),
    ("in_person", _("In person")),
]
WEEKDAYS: list[tuple[str, StrOrPromise]] = [
    ("mon", _("Monday")),
    ("tue", _("Tuesday")),
    ("wed", _("Wednesday")),
    ("thu", _("Thursday")),
    ("fri", _("Friday")),
    ("sat", _("Saturday")),
    ("sun", _("Sunday")),
]
DAY_PARTS: list[tuple[str, StrOrPromise]] = [
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
GENDERS: list[tuple[str, StrOrPromise]] = [
    ("woman", _("Woman")),
    ("man", _("Man")),
    ("nonbinary", _("Non-binary")),
]


# Languages a participant may ask to speak with their peer, stored as ISO 639 codes (639-1
# where one exists; American Sign Language has only a 639-3 code). Each is shown with its own
# name too, so someone who does not read the interface language still finds theirs.
SPOKEN_LANGUAGES: list[tuple[str, StrOrPromise, str]] = [
    ("en", _("English"), "English"),
    ("es", _("Spanish"), "Español"),
    ("fr", _("French"), "Français"),
    ("pt", _("Portuguese"), "Português"),
    ("zh", _("Chinese"), "中文"),
    ("vi", _("Vietnamese"), "Tiếng Việt"),
    ("tl", _("Tagalog"), "Tagalog"),
    ("ar", _("Arabic"), "العربية"),
    ("ko", _("Korean"), "한국어"),
    ("ru", _("Russian"), "Русский"),
    ("ht", _("Haitian Creole"), "Kreyòl ayisyen"),
    ("uk", _("Ukrainian"), "Українська"),
    ("pl", _("Polish"), "Polski"),
    ("de", _("German"), "Deutsch"),
    ("it", _("Italian"), "Italiano"),
    ("hi", _("Hindi"), "हिन्दी"),
    ("fa", _("Persian"), "فارسی"),
    ("so", _("Somali"), "Soomaali"),
    ("ase", _("American Sign Language"), "ASL"),
]
SPOKEN_LANGUAGE_CODES = frozenset(code for code, _label, _own in SPOKEN_LANGUAGES)


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
    # Set when a staff member registered the participant in person (a walk-in); that staff
    # member may then help with the intake until it is finished.
    registered_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return f"profile of {self.participant_id}"

    @property
    def substance_use_applies(self) -> bool:
        return self.focus in (self.Focus.SUBSTANCE_USE, self.Focus.BOTH)


class ParticipantHandover(OrganizationScoped):
    """An emailed, one-time link that hands a pre-registered account (a walk-in registered by
    staff) over to the participant: they choose a username and password and are signed in.

    Only the hash of the link's token is stored. Creating a new link for a participant
    withdraws the older ones.
    """

    participant = models.ForeignKey("accounts.Membership", on_delete=models.CASCADE, related_name="handovers")
    email = models.EmailField(_("email"))
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"handover for {self.participant_id}"

    @property
    def is_pending(self) -> bool:
        return self.used_at is None and self.revoked_at is None and self.expires_at > timezone.now()
