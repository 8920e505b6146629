"""Safety plans and the organization's crisis lines.

A safety plan (Stanley-Brown structure) belongs to the participant: six sections and their
reasons for living, each a list of entries in their own words, encrypted at rest. Every change
keeps the version it replaced. The participant may share it with their peer supporter (who can
then read it and suggest additions the participant accepts or dismisses) and with a trusted
person outside the app through a private, expiring, revocable link.

Crisis lines are the organization's own list (seeded from `alongside.safety.crisis_lines` for
its country), shown on the "Get help now" page, in every participant's plan and to responders.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alongside.core.fields import EncryptedTextField
from alongside.core.models import OrganizationScoped


class Section(models.TextChoices):
    """The six Stanley-Brown steps, in order, and the participant's reasons for living."""

    WARNING_SIGNS = "warning_signs", _("Warning signs")
    COPING_STRATEGIES = "coping_strategies", _("Things I can do on my own")
    DISTRACTIONS = "distractions", _("People and places that take my mind off things")
    PEOPLE_TO_ASK = "people_to_ask", _("People I can ask for help")
    PROFESSIONALS = "professionals", _("Professionals and services I can contact")
    SAFE_ENVIRONMENT = "safe_environment", _("Making my surroundings safer")
    REASONS_FOR_LIVING = "reasons_for_living", _("My reasons for living")


# Sections whose entries may carry a phone number (people and services to call).
CONTACT_SECTIONS = frozenset({Section.DISTRACTIONS, Section.PEOPLE_TO_ASK, Section.PROFESSIONALS})

# What each section asks, in the participant's words.
SECTION_PROMPTS = {
    Section.WARNING_SIGNS: _(
        "Thoughts, feelings, moods, situations or things I do that tell me a crisis may be starting."
    ),
    Section.COPING_STRATEGIES: _(
        "Things I can do by myself to take my mind off my problems, without contacting anyone."
    ),
    Section.DISTRACTIONS: _("People I can be with and places I can go that help me feel better."),
    Section.PEOPLE_TO_ASK: _("People I can tell that I am struggling and ask for help."),
    Section.PROFESSIONALS: _(
        "Counsellors, doctors, services and crisis lines I can contact in a crisis. Your "
        "organization's crisis lines are always shown here too."
    ),
    Section.SAFE_ENVIRONMENT: _(
        "What I will do to make where I am safer, such as putting away or handing over things I "
        "could use to hurt myself."
    ),
    Section.REASONS_FOR_LIVING: _("The people, things and hopes that matter most to me."),
}


@dataclass(frozen=True)
class Entry:
    """One line of a section, in the participant's own words, with a phone number for people
    and services to call."""

    text: str
    phone: str = ""

    def as_json(self) -> dict[str, str]:
        return {"text": self.text, "phone": self.phone} if self.phone else {"text": self.text}

    @property
    def tel_href(self) -> str:
        return tel_href(self.phone)


def entries_from_list(items: list[dict[str, str]]) -> list[Entry]:
    return [Entry(text=str(item.get("text", "")), phone=str(item.get("phone", ""))) for item in items]


def entries_from_json(stored: str) -> list[Entry]:
    return entries_from_list(json.loads(stored)) if stored else []


def entries_to_json(entries: list[Entry]) -> str:
    return json.dumps([entry.as_json() for entry in entries], ensure_ascii=False) if entries else ""


Content = dict[str, list[Entry]]


def content_to_json(content: Content) -> str:
    return json.dumps(
        {section: [entry.as_json() for entry in entries] for section, entries in content.items()},
        ensure_ascii=False,
    )


class SafetyPlan(OrganizationScoped):
    """One participant's safety plan, as it is now. Each section field holds the section's
    entries as encrypted JSON: a list of {"text": ..., "phone": ...}."""

    participant = models.OneToOneField(
        "accounts.Membership", on_delete=models.CASCADE, related_name="safety_plan"
    )
    warning_signs = EncryptedTextField(_("warning signs"), blank=True)
    coping_strategies = EncryptedTextField(_("things I can do on my own"), blank=True)
    distractions = EncryptedTextField(_("people and places that take my mind off things"), blank=True)
    people_to_ask = EncryptedTextField(_("people I can ask for help"), blank=True)
    professionals = EncryptedTextField(_("professionals and services I can contact"), blank=True)
    safe_environment = EncryptedTextField(_("making my surroundings safer"), blank=True)
    reasons_for_living = EncryptedTextField(_("my reasons for living"), blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    updated_by = models.ForeignKey(
        "accounts.Membership", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    screening_level = models.CharField(max_length=10, default="none")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("safety plan")
        verbose_name_plural = _("safety plans")

    def __str__(self) -> str:
        return f"safety plan of {self.participant_id}"

    def entries(self, section: str) -> list[Entry]:
        return entries_from_json(getattr(self, section))

    def set_entries(self, section: str, entries: list[Entry]) -> None:
        setattr(self, section, entries_to_json(entries))

    def content(self) -> Content:
        """Every section's entries, in section order."""
        return {section: self.entries(section) for section in Section.values}

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, section) for section in Section.values)


class SafetyPlanVersion(OrganizationScoped):
    """A version of the plan that a later change replaced: nothing the participant wrote is
    lost by an edit, an accepted suggestion or a restore."""

    plan = models.ForeignKey(SafetyPlan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    content = EncryptedTextField(_("the plan as it was"))
    saved_by = models.ForeignKey(
        "accounts.Membership", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    saved_at = models.DateTimeField(_("saved"))
    replaced_at = models.DateTimeField(_("replaced"), default=timezone.now)

    class Meta:
        verbose_name = _("earlier version of a safety plan")
        verbose_name_plural = _("earlier versions of a safety plan")
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="safety_plan_version_unique")]

    def __str__(self) -> str:
        return f"version {self.number} of safety plan {self.plan_id}"

    def sections(self) -> Content:
        stored = json.loads(self.content) if self.content else {}
        return {section: entries_from_list(stored.get(section, [])) for section in Section.values}


class SafetyPlanShare(OrganizationScoped):
    """The participant let one person in the organization (their peer supporter) read the plan
    and suggest additions. Revoking keeps the row, so the history of who could see it stays."""

    plan = models.ForeignKey(SafetyPlan, on_delete=models.CASCADE, related_name="shares")
    person = models.ForeignKey("accounts.Membership", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(_("shared"), default=timezone.now)
    revoked_at = models.DateTimeField(_("stopped sharing"), null=True, blank=True)

    class Meta:
        verbose_name = _("safety plan sharing")
        verbose_name_plural = _("safety plan sharing")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "person"],
                condition=Q(revoked_at__isnull=True),
                name="safety_plan_share_active_once",
            )
        ]

    def __str__(self) -> str:
        return f"safety plan {self.plan_id} shared with {self.person_id}"


class SuggestionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for you")
    ACCEPTED = "accepted", _("Added to the plan")
    DISMISSED = "dismissed", _("Dismissed")


class SafetyPlanSuggestion(OrganizationScoped):
    """An addition the peer supporter suggests for one section. It joins the plan only if the
    participant accepts it."""

    plan = models.ForeignKey(SafetyPlan, on_delete=models.CASCADE, related_name="suggestions")
    section = models.CharField(_("section"), max_length=20, choices=Section.choices)
    text = EncryptedTextField(_("suggestion"))
    phone = EncryptedTextField(_("phone"), blank=True)
    suggested_by = models.ForeignKey(
        "accounts.Membership", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=SuggestionStatus.choices, default=SuggestionStatus.PENDING
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    screening_level = models.CharField(max_length=10, default="none")
    created_at = models.DateTimeField(_("suggested"), default=timezone.now)

    class Meta:
        verbose_name = _("safety plan suggestion")
        verbose_name_plural = _("safety plan suggestions")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["plan", "status"])]

    def __str__(self) -> str:
        return f"suggestion {self.pk} for safety plan {self.plan_id}"


class SafetyPlanLink(OrganizationScoped):
    """A private link to a read-only copy of the plan for a trusted person outside the app.
    Only the SHA-256 of its secret is kept; it expires and can be revoked; every view is
    audited and counted."""

    plan = models.ForeignKey(SafetyPlan, on_delete=models.CASCADE, related_name="links")
    label = EncryptedTextField(_("who it is for"))
    token_hash = models.CharField(max_length=64, unique=True)
    screening_level = models.CharField(max_length=10, default="none")
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    last_viewed_at = models.DateTimeField(_("last opened"), null=True, blank=True)
    view_count = models.PositiveIntegerField(_("times opened"), default=0)

    class Meta:
        verbose_name = _("private link to a safety plan")
        verbose_name_plural = _("private links to a safety plan")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"link {self.pk} to safety plan {self.plan_id}"

    def is_open(self, now: datetime | None = None) -> bool:
        return self.revoked_at is None and self.expires_at > (now or timezone.now())


class CrisisLineKind(models.TextChoices):
    SUICIDE_CRISIS = "suicide_crisis", _("Suicide and crisis line")
    TEXT_LINE = "text_line", _("Text line")
    SUBSTANCE_USE = "substance_use", _("Substance use help and referral")
    VETERANS = "veterans", _("Veterans")
    YOUTH = "youth", _("Young people")
    ORGANIZATION = "organization", _("Our organization")
    OTHER = "other", _("Other")


class CrisisLine(OrganizationScoped):
    """One way to reach help that the organization lists: a national crisis line, a text line,
    or its own warm line (kind "organization", shown as the organization's contact)."""

    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(
        _("kind"), max_length=20, choices=CrisisLineKind.choices, default=CrisisLineKind.SUICIDE_CRISIS
    )
    phone = models.CharField(_("phone number to call"), max_length=40, blank=True)
    sms = models.CharField(_("number to text"), max_length=40, blank=True)
    sms_keyword = models.CharField(_("word to text"), max_length=40, blank=True)
    chat_url = models.URLField(_("chat or web address"), max_length=300, blank=True)
    hours = models.CharField(_("hours"), max_length=120, blank=True)
    description = models.TextField(_("description"), blank=True)
    languages = models.CharField(_("languages"), max_length=120, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("shown"), default=True)
    checked_on = models.DateField(_("details last checked"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("crisis line")
        verbose_name_plural = _("crisis lines")
        ordering = ["position", "id"]
        indexes = [models.Index(fields=["organization", "is_active", "position"])]

    def __str__(self) -> str:
        return self.name

    @property
    def tel_href(self) -> str:
        return tel_href(self.phone)

    @property
    def sms_href(self) -> str:
        return sms_href(self.sms, self.sms_keyword)


def dial_digits(number: str) -> str:
    """A number as a phone dials it: digits and a leading plus."""
    digits = "".join(ch for ch in number if ch.isdigit())
    return ("+" + digits) if number.strip().startswith("+") else digits


def tel_href(number: str) -> str:
    return f"tel:{dial_digits(number)}" if number and dial_digits(number) else ""


def sms_href(number: str, keyword: str = "") -> str:
    if not number or not dial_digits(number):
        return ""
    # "?&body=" is the form both Android and iOS messaging apps read.
    return f"sms:{dial_digits(number)}" + (f"?&body={quote(keyword)}" if keyword else "")
