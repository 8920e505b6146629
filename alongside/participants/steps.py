"""The intake wizard's steps, in order, and which answers each one holds.

Privacy comes first: nothing a participant tells us is kept until they have agreed to how it is
used. Every step after that may be skipped; the summary at the end is where intake is finished.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# Bump when the privacy explanation or the programme's terms change in substance: people who
# agreed to an older version are asked again before they can finish intake.
CONSENT_VERSION = "2026-1"


@dataclass(frozen=True)
class IntakeStep:
    slug: str
    title: str | Promise
    fields: tuple[str, ...]
    optional: bool


STEPS: tuple[IntakeStep, ...] = (
    IntakeStep("consent", _("Your privacy"), ("consent",), optional=False),
    IntakeStep("about", _("About you"), ("focus", "languages", "age_band", "gender"), optional=True),
    IntakeStep("experiences", _("Your lived experience"), ("experience_ids",), optional=True),
    IntakeStep(
        "peer",
        _("Your peer supporter"),
        ("priority_experience_ids", "peer_gender", "peer_age_bands"),
        optional=True,
    ),
    IntakeStep(
        "meeting", _("Meeting and time"), ("meeting_formats", "availability", "timezone"), optional=True
    ),
    IntakeStep("recovery", _("Your recovery"), ("recovery_start", "tracks_medication"), optional=True),
    IntakeStep("hopes", _("What you hope for"), ("hopes",), optional=True),
    IntakeStep("summary", _("Check your answers"), (), optional=False),
)
BY_SLUG: dict[str, IntakeStep] = {step.slug: step for step in STEPS}
SLUGS: tuple[str, ...] = tuple(step.slug for step in STEPS)
FIRST = SLUGS[0]
SUMMARY = "summary"
# The question steps, for "step n of N" (the summary is not a question).
QUESTION_COUNT = len(STEPS) - 1


def step_after(slug: str) -> str:
    index = SLUGS.index(slug)
    return SLUGS[min(index + 1, len(SLUGS) - 1)]


def step_before(slug: str) -> str:
    index = SLUGS.index(slug)
    return SLUGS[max(index - 1, 0)]


def step_number(slug: str) -> int:
    """1-based position of a step (the summary counts as the last question plus one)."""
    return SLUGS.index(slug) + 1
