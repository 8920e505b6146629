"""The crisis lines Alongside ships for each country it knows, and the emergency numbers.

A new organization gets a copy of its country's lines (alongside.safety.services
`crisis_lines_ensure_defaults`), which its admins then keep up to date; these defaults are also
what an anonymous visitor, or a member of an organization that lists none, sees. Checked against
docs/domain.md (the services' own published details). Names are the services' own and are not
translated; what they offer is.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from alongside.safety.models import CrisisLineKind


@dataclass(frozen=True)
class DefaultLine:
    name: str
    kind: str
    description: str | Promise
    phone: str = ""
    sms: str = ""
    sms_keyword: str = ""
    chat_url: str = ""
    hours: str | Promise = ""
    languages: str | Promise = ""


K = CrisisLineKind
DAY_AND_NIGHT = _("24/7")

EMERGENCY_NUMBERS = {"US": "911", "CA": "911", "GB": "999", "AU": "000"}
# Reaches emergency services from most mobile phones in most countries.
FALLBACK_EMERGENCY_NUMBER = "112"

COUNTRIES: list[tuple[str, str | Promise]] = [
    ("US", _("United States")),
    ("CA", _("Canada")),
    ("GB", _("United Kingdom")),
    ("AU", _("Australia")),
]

CRISIS_LINES: dict[str, list[DefaultLine]] = {
    "US": [
        DefaultLine(
            "988 Suicide & Crisis Lifeline",
            K.SUICIDE_CRISIS,
            _("Call or text 988, or chat online. Press 1 for the Veterans Crisis Line, 2 for Spanish."),
            phone="988",
            sms="988",
            chat_url="https://988lifeline.org",
            hours=DAY_AND_NIGHT,
            languages=_("English, Spanish"),
        ),
        DefaultLine(
            "Crisis Text Line",
            K.TEXT_LINE,
            _("Text HOME to 741741 to reach a trained crisis counselor."),
            sms="741741",
            sms_keyword="HOME",
            hours=DAY_AND_NIGHT,
            languages=_("English"),
        ),
        DefaultLine(
            "SAMHSA National Helpline",
            K.SUBSTANCE_USE,
            _(
                "Free, confidential treatment referral and information about mental health and "
                "substance use. TTY 1-800-487-4889."
            ),
            phone="1-800-662-4357",
            hours=DAY_AND_NIGHT,
            languages=_("English, Spanish"),
        ),
    ],
    "CA": [
        DefaultLine(
            "9-8-8 Suicide Crisis Helpline",
            K.SUICIDE_CRISIS,
            _("Call or text 9-8-8."),
            phone="988",
            sms="988",
            hours=DAY_AND_NIGHT,
            languages=_("English, French"),
        ),
    ],
    "GB": [
        DefaultLine(
            "Samaritans",
            K.SUICIDE_CRISIS,
            _("Call 116 123 free, whatever you are going through."),
            phone="116 123",
            hours=DAY_AND_NIGHT,
            languages=_("English"),
        ),
    ],
    "AU": [
        DefaultLine(
            "Lifeline",
            K.SUICIDE_CRISIS,
            _("Call 13 11 14 for crisis support."),
            phone="13 11 14",
            hours=DAY_AND_NIGHT,
            languages=_("English"),
        ),
    ],
}

# For a country Alongside has no list for: a directory of helplines in many countries.
INTERNATIONAL = [
    DefaultLine(
        "Find A Helpline",
        K.OTHER,
        _("Free, confidential crisis lines in many countries, searchable by country and topic."),
        chat_url="https://findahelpline.com",
    ),
]


def emergency_number_for(country: str) -> str:
    return EMERGENCY_NUMBERS.get((country or "").upper(), FALLBACK_EMERGENCY_NUMBER)


def default_lines_for(country: str) -> list[DefaultLine]:
    """The lines Alongside ships for a country; the international directory for any other."""
    return CRISIS_LINES.get((country or "").upper(), INTERNATIONAL)


def lines_for(country: str) -> tuple[str, list[DefaultLine]]:
    """The emergency number and the default crisis lines for a country."""
    return emergency_number_for(country), default_lines_for(country)
