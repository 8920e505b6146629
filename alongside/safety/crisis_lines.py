"""Crisis lines by country, shown on the "Get help now" page.

Defaults for the countries Alongside ships with; the organization's country decides which are
shown first. Numbers checked against the services' own published details.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class CrisisLine:
    name: str
    how: str | Promise
    phone: str = ""
    sms: str = ""
    hours: str | Promise = ""


EMERGENCY_NUMBERS = {"US": "911", "CA": "911", "GB": "999", "AU": "000"}

CRISIS_LINES: dict[str, list[CrisisLine]] = {
    "US": [
        CrisisLine(
            "988 Suicide & Crisis Lifeline",
            _("Call or text 988. Press 1 for veterans, 2 for Spanish."),
            phone="988",
            sms="988",
            hours=_("24/7"),
        ),
        CrisisLine("Crisis Text Line", _("Text HOME to 741741."), sms="741741", hours=_("24/7")),
        CrisisLine(
            "SAMHSA National Helpline",
            _("Treatment referral and information, English and Spanish. TTY 1-800-487-4889."),
            phone="1-800-662-4357",
            hours=_("24/7"),
        ),
    ],
    "CA": [
        CrisisLine(
            "9-8-8 Suicide Crisis Helpline",
            _("Call or text 9-8-8, English or French."),
            phone="988",
            sms="988",
            hours=_("24/7"),
        ),
    ],
    "GB": [
        CrisisLine("Samaritans", _("Call 116 123, free."), phone="116123", hours=_("24/7")),
    ],
    "AU": [
        CrisisLine("Lifeline", _("Call 13 11 14."), phone="131114", hours=_("24/7")),
    ],
}


def lines_for(country: str) -> tuple[str, list[CrisisLine]]:
    """The emergency number and crisis lines for a country (falls back to the US list)."""
    country = (country or "US").upper()
    return EMERGENCY_NUMBERS.get(country, "112"), CRISIS_LINES.get(country, CRISIS_LINES["US"])
