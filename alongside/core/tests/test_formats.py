"""Dates and times never end in an abbreviation's period ("5 p.m..") in any language offered."""

from __future__ import annotations

import zoneinfo
from datetime import date, datetime, timedelta

import pytest
from django.conf import settings
from django.utils import formats, translation

NAMED_FORMATS = (
    "DATE_FORMAT",
    "DATETIME_FORMAT",
    "SHORT_DATE_FORMAT",
    "SHORT_DATETIME_FORMAT",
    "TIME_FORMAT",
    "MONTH_DAY_FORMAT",
    "YEAR_MONTH_FORMAT",
)
NEW_YORK = zoneinfo.ZoneInfo("America/New_York")
# Every hour of a day (noon and midnight included) and a day in every month (for abbreviations).
MOMENTS = [datetime(2026, 3, 8, 0, 30, tzinfo=NEW_YORK) + timedelta(hours=h) for h in range(24)] + [
    datetime(2026, month, 9, 17, 0, tzinfo=NEW_YORK) for month in range(1, 13)
]


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
@pytest.mark.parametrize("name", NAMED_FORMATS)
def test_no_date_or_time_format_ends_in_a_full_stop(language: str, name: str) -> None:
    with translation.override(language):
        for moment in MOMENTS:
            value = moment.date() if name in ("DATE_FORMAT", "SHORT_DATE_FORMAT") else moment
            shown = (
                formats.date_format(value, name)
                if name != "TIME_FORMAT"
                else formats.time_format(value, name)
            )
            assert not shown.endswith("."), f"{language} {name}: {shown!r}"


def test_an_english_afternoon_reads_as_a_clock_does() -> None:
    moment = datetime(2026, 3, 9, 17, 5, tzinfo=NEW_YORK)
    with translation.override("en"):
        assert formats.time_format(moment, "TIME_FORMAT") == "5:05 PM"
        assert formats.date_format(moment, "DATETIME_FORMAT") == "March 9, 2026, 5:05 PM"
        assert formats.date_format(date(2026, 3, 9), "DATE_FORMAT") == "March 9, 2026"
    with translation.override("es"):
        assert formats.time_format(moment, "TIME_FORMAT") == "17:05"
