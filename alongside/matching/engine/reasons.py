"""Every word the matching engine says to people, from one place.

All sentences and labels live in `MESSAGES` and are produced by `say`, so a translator can later
swap the catalogue (or wrap `say` with gettext) without touching the matching logic. Reasons are
written to be read by the participant: short, warm, and naming the actual things shared.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

MESSAGES: dict[str, str] = {
    # Why a match was proposed.
    "reason.shared_experiences": "you both have lived experience of {experiences}",
    "reason.shared_times": "you are both free on {times}",
    "reason.shared_times_your_time": "you are both free on {times} (your time)",
    "reason.shared_formats": "you both like to meet {formats}",
    "reason.age_band": "your peer is in the age group you asked for ({age_band})",
    "reason.peer_gender": "your peer is the gender you asked for",
    "reason.shared_languages": "you both speak {languages}",
    "reason.continuity": "continuing with your current peer",
    # Why nobody was proposed.
    "unassigned.no_language": "no peer shares a language",
    "unassigned.no_gender": "no peer of the requested gender shares a language",
    "unassigned.all_excluded": "every peer who fits is on the list of people not to be matched with",
    "unassigned.gender_full": "no peer of the requested gender has room",
    "unassigned.all_full": "every compatible peer is full",
    "unassigned.taken": "the free places with compatible peers all went to other participants",
    # Building blocks.
    "more": "{count} more",
    "times.and_one_other_time": "{times}, and at one other time in the week",
    "times.and_other_times": "{times}, and at {count} other times in the week",
    "list.and": "{items} and {last}",
    "list.or": "{items} or {last}",
    "list.separator": ", ",
    "times.days_part": "{days} {part}",
    "formats.by": "by {ways}",
    "formats.by_or_in_person": "{by}, or in person",
    "formats.in_person": "in person",
    # Days and parts of the day, as in "Tuesday evenings".
    "day.mon": "Monday",
    "day.tue": "Tuesday",
    "day.wed": "Wednesday",
    "day.thu": "Thursday",
    "day.fri": "Friday",
    "day.sat": "Saturday",
    "day.sun": "Sunday",
    "part.night": "nights",
    "part.morning": "mornings",
    "part.afternoon": "afternoons",
    "part.evening": "evenings",
    # Ways to meet, as in "by chat or phone".
    "format.chat": "chat",
    "format.phone": "phone",
    "format.video": "video call",
    # Lived experiences, as in "lived experience of opioid recovery".
    "experience.alcohol": "alcohol recovery",
    "experience.opioids": "opioid recovery",
    "experience.stimulants": "stimulant recovery",
    "experience.cannabis": "cannabis recovery",
    "experience.gambling": "gambling recovery",
    "experience.depression": "depression",
    "experience.anxiety": "anxiety",
    "experience.bipolar": "bipolar disorder",
    "experience.psychosis": "psychosis",
    "experience.trauma": "trauma",
    "experience.grief": "grief",
    "experience.incarceration": "incarceration",
    "experience.homelessness": "homelessness",
    "experience.veteran": "military service",
    "experience.lgbtq+": "being LGBTQ+",
    "experience.lgbtq": "being LGBTQ+",
    "experience.parenting": "parenting",
    "experience.chronic_pain": "chronic pain",
    "experience.eating_disorder": "an eating disorder",
    # Languages, when given as ISO 639-1 codes.
    "language.en": "English",
    "language.es": "Spanish",
    "language.fr": "French",
    "language.pt": "Portuguese",
    "language.zh": "Chinese",
    "language.vi": "Vietnamese",
    "language.tl": "Tagalog",
    "language.ar": "Arabic",
    "language.ko": "Korean",
    "language.ru": "Russian",
    "language.ht": "Haitian Creole",
    "language.de": "German",
    "language.it": "Italian",
    "language.pl": "Polish",
    "language.hi": "Hindi",
    "language.ja": "Japanese",
    "language.so": "Somali",
    "language.asl": "American Sign Language",
}


def say(message_id: str, default: str | None = None, **values: str) -> str:
    """The text for `message_id`, filled with `values`.

    Labels missing from the catalogue fall back to `default` (for example a programme's own
    experience name), so new vocabulary never breaks matching.
    """
    template = MESSAGES.get(message_id)
    if template is None:
        if default is None:
            raise KeyError(message_id)
        return default
    return template.format(**values) if values else template


@functools.lru_cache(maxsize=4096)
def label(kind: str, code: str) -> str:
    """A readable name for a vocabulary code, e.g. ("experience", "chronic_pain") -> "chronic pain"."""
    return say(f"{kind}.{code}", default=code.replace("_", " "))


def join_and(items: Iterable[str]) -> str:
    """Joins words as "a", "a and b", "a, b and c"."""
    return _join(list(items), "list.and")


def join_or(items: Iterable[str]) -> str:
    """Joins words as "a", "a or b", "a, b or c"."""
    return _join(list(items), "list.or")


def _join(items: list[str], message_id: str) -> str:
    if len(items) <= 1:
        return items[0] if items else ""
    return say(message_id, items=say("list.separator").join(items[:-1]), last=items[-1])
