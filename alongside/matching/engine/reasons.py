"""Every word the matching engine says to people, from one place.

All sentences and labels live in `MESSAGES` and are produced by `say`. The engine itself speaks
English; an application that translates (the Django project does, in MatchingConfig.ready)
installs a translator with `use_translations`, and every sentence is then looked up in the active
language's catalogue. The English texts are marked with `pgettext("matching reason", ...)` so that
the standard message extraction finds them, in a context of their own: inside a sentence, words
such as day and language names are written differently from the same words on their own. Reasons are written to be read by the participant: short, warm,
and naming the actual things shared.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

CONTEXT = "matching reason"


def pgettext(context: str, message: str) -> str:
    """Marks `message` for extraction into the translation catalogues (in `context`); translating
    happens in `say`, through the installed translator."""
    return message


MESSAGES: dict[str, str] = {
    # Why a match was proposed.
    "reason.shared_experiences": pgettext(
        "matching reason", "you both have lived experience of {experiences}"
    ),
    "reason.shared_times": pgettext("matching reason", "you are both free on {times}"),
    "reason.shared_times_your_time": pgettext("matching reason", "you are both free on {times} (your time)"),
    "reason.shared_formats": pgettext("matching reason", "you both like to meet {formats}"),
    "reason.age_band": pgettext(
        "matching reason", "your peer is in the age group you asked for ({age_band})"
    ),
    "reason.peer_gender": pgettext("matching reason", "your peer is the gender you asked for"),
    "reason.shared_languages": pgettext("matching reason", "you both speak {languages}"),
    "reason.continuity": pgettext("matching reason", "continuing with your current peer"),
    # Why nobody was proposed.
    "unassigned.no_language": pgettext("matching reason", "no peer shares a language"),
    "unassigned.no_gender": pgettext("matching reason", "no peer of the requested gender shares a language"),
    "unassigned.all_excluded": pgettext(
        "matching reason", "every peer who fits is on the list of people not to be matched with"
    ),
    "unassigned.gender_full": pgettext("matching reason", "no peer of the requested gender has room"),
    "unassigned.all_full": pgettext("matching reason", "every compatible peer is full"),
    "unassigned.taken": pgettext(
        "matching reason", "the free places with compatible peers all went to other participants"
    ),
    # Building blocks.
    "more": pgettext("matching reason", "{count} more"),
    "times.and_one_other_time": pgettext("matching reason", "{times}, and at one other time in the week"),
    "times.and_other_times": pgettext("matching reason", "{times}, and at {count} other times in the week"),
    "list.and": pgettext("matching reason", "{items} and {last}"),
    "list.or": pgettext("matching reason", "{items} or {last}"),
    "list.separator": pgettext("matching reason", ", "),
    "times.days_part": pgettext("matching reason", "{days} {part}"),
    "formats.by": pgettext("matching reason", "by {ways}"),
    "formats.by_or_in_person": pgettext("matching reason", "{by}, or in person"),
    "formats.in_person": pgettext("matching reason", "in person"),
    # Days and parts of the day, as in "Tuesday evenings".
    "day.mon": pgettext("matching reason", "Monday"),
    "day.tue": pgettext("matching reason", "Tuesday"),
    "day.wed": pgettext("matching reason", "Wednesday"),
    "day.thu": pgettext("matching reason", "Thursday"),
    "day.fri": pgettext("matching reason", "Friday"),
    "day.sat": pgettext("matching reason", "Saturday"),
    "day.sun": pgettext("matching reason", "Sunday"),
    "part.night": pgettext("matching reason", "nights"),
    "part.morning": pgettext("matching reason", "mornings"),
    "part.afternoon": pgettext("matching reason", "afternoons"),
    "part.evening": pgettext("matching reason", "evenings"),
    # Ways to meet, as in "by chat or phone".
    "format.chat": pgettext("matching reason", "chat"),
    "format.phone": pgettext("matching reason", "phone"),
    "format.video": pgettext("matching reason", "video call"),
    # Lived experiences, as in "lived experience of opioid recovery".
    "experience.alcohol": pgettext("matching reason", "alcohol recovery"),
    "experience.opioids": pgettext("matching reason", "opioid recovery"),
    "experience.stimulants": pgettext("matching reason", "stimulant recovery"),
    "experience.cannabis": pgettext("matching reason", "cannabis recovery"),
    "experience.gambling": pgettext("matching reason", "gambling recovery"),
    "experience.depression": pgettext("matching reason", "depression"),
    "experience.anxiety": pgettext("matching reason", "anxiety"),
    "experience.bipolar": pgettext("matching reason", "bipolar disorder"),
    "experience.psychosis": pgettext("matching reason", "psychosis"),
    "experience.trauma": pgettext("matching reason", "trauma"),
    "experience.grief": pgettext("matching reason", "grief"),
    "experience.incarceration": pgettext("matching reason", "incarceration"),
    "experience.homelessness": pgettext("matching reason", "homelessness"),
    "experience.veteran": pgettext("matching reason", "military service"),
    "experience.lgbtq+": pgettext("matching reason", "being LGBTQ+"),
    "experience.lgbtq": pgettext("matching reason", "being LGBTQ+"),
    "experience.parenting": pgettext("matching reason", "parenting"),
    "experience.chronic_pain": pgettext("matching reason", "chronic pain"),
    "experience.eating_disorder": pgettext("matching reason", "an eating disorder"),
    # Languages, when given as ISO 639-1 codes.
    "language.en": pgettext("matching reason", "English"),
    "language.es": pgettext("matching reason", "Spanish"),
    "language.fr": pgettext("matching reason", "French"),
    "language.pt": pgettext("matching reason", "Portuguese"),
    "language.zh": pgettext("matching reason", "Chinese"),
    "language.vi": pgettext("matching reason", "Vietnamese"),
    "language.tl": pgettext("matching reason", "Tagalog"),
    "language.ar": pgettext("matching reason", "Arabic"),
    "language.ko": pgettext("matching reason", "Korean"),
    "language.ru": pgettext("matching reason", "Russian"),
    "language.ht": pgettext("matching reason", "Haitian Creole"),
    "language.de": pgettext("matching reason", "German"),
    "language.it": pgettext("matching reason", "Italian"),
    "language.pl": pgettext("matching reason", "Polish"),
    "language.hi": pgettext("matching reason", "Hindi"),
    "language.ja": pgettext("matching reason", "Japanese"),
    "language.so": pgettext("matching reason", "Somali"),
    "language.asl": pgettext("matching reason", "American Sign Language"),
}


def _untranslated(message: str) -> str:
    return message


def _english() -> str:
    return "en"


_translate: Callable[[str], str] = _untranslated
_language: Callable[[], str] = _english


def use_translations(*, translate: Callable[[str], str], language: Callable[[], str]) -> None:
    """Installs a translator: `translate(english)` gives the text in the active language, and
    `language()` names that language (cached sentences are kept per language)."""
    global _translate, _language
    _translate = translate
    _language = language


def current_language() -> str:
    """The language sentences are produced in right now (a cache key for built sentences)."""
    return _language() or "en"


def say(message_id: str, default: str | None = None, **values: str) -> str:
    """The text for `message_id` in the active language, filled with `values`.

    Labels missing from the catalogue fall back to `default` (for example a programme's own
    experience name), so new vocabulary never breaks matching.
    """
    template = MESSAGES.get(message_id)
    if template is None:
        if default is None:
            raise KeyError(message_id)
        return default
    text = _translate(template)
    if not values:
        return text
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        # A translation with broken placeholders must not stop matching: say it in English.
        return template.format(**values)


def is_message(message_id: object) -> bool:
    return isinstance(message_id, str) and message_id in MESSAGES


def label(kind: str, code: str) -> str:
    """A readable name for a vocabulary code, e.g. ("experience", "chronic_pain") -> "chronic pain"."""
    return _label(current_language(), kind, code)


@functools.lru_cache(maxsize=4096)
def _label(language: str, kind: str, code: str) -> str:
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
