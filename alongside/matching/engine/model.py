"""People to be matched, read from plain dicts (the JSON exchange format) and checked.

Peer supporter record::

    {"id": "peer-7",                 # required: string or integer, unique among peers
     "capacity": 12,                 # required: integer >= 0, how many people they can walk with
     "current_caseload": 9,          # optional, default 0: integer >= 0
     "languages": ["en", "es"],      # required: list of strings (may be empty)
     "timezone": "America/Chicago",  # required: IANA time-zone name
     "gender": "woman",              # optional string or null
     "age_band": "35-44",            # optional string or null
     "experiences": ["alcohol"],     # optional list of strings
     "availability": ["tue-evening"],# optional list of day-part labels, see timeslots
     "formats": ["chat", "phone"]}   # optional list from chat, phone, video, in_person

Participant record::

    {"id": 17,                       # required: string or integer, unique among participants
     "languages": ["en"],            # required: list of strings (may be empty)
     "timezone": "America/New_York", # required: IANA time-zone name
     "experiences": [...],           # optional list of strings
     "priority_experiences": [...],  # optional list; these count as experiences too
     "peer_gender": null,            # optional string or null (null: no preference)
     "peer_age_bands": [...],        # optional list (empty: no preference)
     "availability": [...], "formats": [...],   # optional, as for peers
     "exclude_peers": ["peer-3"],    # optional list of peer ids never to propose
     "current_peer": "peer-7"}       # optional peer id or null

Missing optional lists are empty, a missing caseload is 0, missing preferences are null. Ids are
kept exactly as given in the output; for comparisons an id is read as text, so 17 and "17" name the
same person (and would clash as duplicates). Languages, genders, age bands, experiences and formats
are compared without regard to letter case. Unknown extra fields are ignored.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from alongside.matching.engine.timeslots import SLOT_INDEX, UnknownTimeZone, week_mask, zone_offset_quarters

FORMATS: tuple[str, ...] = ("chat", "phone", "video", "in_person")
FORMAT_INDEX: dict[str, int] = {name: i for i, name in enumerate(FORMATS)}

PersonId = str | int


class MatchingInputError(ValueError):
    """Input that cannot be matched as it stands; the message names the offending record."""


# Not frozen: frozen dataclasses are noticeably slower to build, and runs build 100,000s of these.
# Treat them as read-only all the same.
@dataclass(slots=True, eq=False)
class Peer:
    """A peer supporter, normalised. `key` is the id as text, used for every comparison."""

    id: PersonId
    key: str
    capacity: int
    current_caseload: int
    languages: frozenset[str]
    gender: str | None
    age_band: str | None
    experiences: frozenset[str]
    slots: tuple[int, ...]
    formats: frozenset[str]
    timezone: str
    offset: int

    @property
    def remaining(self) -> int:
        """Places left: capacity minus current caseload (can be zero or below when over-full)."""
        return self.capacity - self.current_caseload

    @property
    def week(self) -> int:
        """Free time as UTC quarter hours of the reference week (672-bit integer)."""
        return week_mask(self.slots, self.offset)


@dataclass(slots=True, eq=False)
class Participant:
    """A person looking for a peer supporter, normalised. `experiences` includes the priority ones."""

    id: PersonId
    key: str
    languages: frozenset[str]
    experiences: frozenset[str]
    priority_experiences: frozenset[str]
    peer_gender: str | None
    peer_age_bands: frozenset[str]
    slots: tuple[int, ...]
    formats: frozenset[str]
    timezone: str
    offset: int
    exclude_peers: frozenset[str]
    current_peer: str | None

    @property
    def week(self) -> int:
        """Free time as UTC quarter hours of the reference week (672-bit integer)."""
        return week_mask(self.slots, self.offset)


@dataclass(frozen=True)
class Problem:
    """Everyone in one matching run, in input order."""

    peers: tuple[Peer, ...]
    participants: tuple[Participant, ...]


def describe(kind: str, index: int | None, raw: Any) -> str:
    """How error messages name a record: ``participants[3] (id "p17")``."""
    where = kind if index is None else f"{kind}[{index}]"
    if isinstance(raw, Mapping):
        rid = raw.get("id")
        if isinstance(rid, str):
            return f'{where} (id "{rid}")'
        if isinstance(rid, int) and not isinstance(rid, bool):
            return f"{where} (id {rid})"
    return where


def _fail(kind: str, index: int | None, raw: Any, problem: str) -> MatchingInputError:
    return MatchingInputError(f"{describe(kind, index, raw)}: {problem}")


def _id(value: Any) -> bool:
    return (isinstance(value, str) and value.strip() != "") or (
        isinstance(value, int) and not isinstance(value, bool)
    )


# Fast path for well-formed records: plain dict look-ups through caches of every word and day-part
# label seen so far. Any surprise returns None and the careful reader below names the problem.
_WORDS: dict[str, str] = {}
_SLOTS: dict[str, int] = {}
_EMPTY: frozenset[str] = frozenset()


def _learn_word(item: Any) -> str | None:
    if type(item) is not str or not item.strip():
        return None
    if len(_WORDS) > 200_000:
        _WORDS.clear()
    word = _WORDS[item] = item.strip().casefold()
    return word


def _fast_words(value: Any) -> frozenset[str] | None:
    if value is None or value == []:
        return _EMPTY
    if type(value) is not list:
        return None
    try:
        return frozenset([_WORDS[item] for item in value])
    except (KeyError, TypeError):
        words = [_learn_word(item) for item in value]
        return None if None in words else frozenset(words)  # type: ignore[arg-type]


def _fast_slots(value: Any) -> tuple[int, ...] | None:
    if value is None:
        return ()
    if type(value) is not list:
        return None
    try:
        return tuple(sorted({_SLOTS[item] for item in value}))
    except (KeyError, TypeError):
        for item in value:
            word = _learn_word(item)
            if word is None or word not in SLOT_INDEX:
                return None
            _SLOTS[item] = SLOT_INDEX[word]
        return tuple(sorted({_SLOTS[item] for item in value}))


def _fast_word(value: Any) -> str | bool | None:
    """The normalised word, None for null, False when it needs the careful reader."""
    if value is None:
        return None
    if type(value) is not str:
        return False
    word = _WORDS.get(value)
    return word if word is not None else (_learn_word(value) or False)


def _fast_id(value: Any) -> bool:
    kind = type(value)
    return (kind is str and value.strip() != "") or kind is int


def _fast_refs(value: Any) -> frozenset[str] | None:
    if value is None or value == []:
        return _EMPTY
    if type(value) is not list or not all(_fast_id(item) for item in value):
        return None
    return frozenset(str(item) for item in value)


def _fast_zone(value: Any) -> int | None:
    if type(value) is not str:
        return None
    try:
        return zone_offset_quarters(value)
    except UnknownTimeZone:
        return None


def _fast_count(value: Any, default: int | None) -> int | None:
    if value is None:
        return default
    return value if type(value) is int and value >= 0 else None


def _fast_peer(raw: dict[str, Any]) -> Peer | None:
    get = raw.get
    zone: Any = get("timezone")
    pid: Any = get("id")
    offset = _fast_zone(zone)
    capacity = _fast_count(get("capacity"), None)
    caseload = _fast_count(get("current_caseload"), 0)
    languages = _fast_words(get("languages"))
    experiences = _fast_words(get("experiences"))
    formats = _fast_words(get("formats"))
    slots = _fast_slots(get("availability"))
    gender = _fast_word(get("gender"))
    age_band = _fast_word(get("age_band"))
    if (
        not _fast_id(pid)
        or offset is None
        or capacity is None
        or caseload is None
        or get("languages") is None
        or languages is None
        or experiences is None
        or formats is None
        or not formats <= FORMAT_INDEX.keys()
        or slots is None
        or gender is False
        or age_band is False
    ):
        return None
    return Peer(
        id=pid,
        key=str(pid),
        capacity=capacity,
        current_caseload=caseload,
        languages=languages,
        gender=gender,  # type: ignore[arg-type]
        age_band=age_band,  # type: ignore[arg-type]
        experiences=experiences,
        slots=slots,
        formats=formats,
        timezone=zone,
        offset=offset,
    )


def _fast_participant(raw: dict[str, Any]) -> Participant | None:
    get = raw.get
    zone: Any = get("timezone")
    pid: Any = get("id")
    offset = _fast_zone(zone)
    languages = _fast_words(get("languages"))
    experiences = _fast_words(get("experiences"))
    priority = _fast_words(get("priority_experiences"))
    bands = _fast_words(get("peer_age_bands"))
    formats = _fast_words(get("formats"))
    slots = _fast_slots(get("availability"))
    gender = _fast_word(get("peer_gender"))
    excluded = _fast_refs(get("exclude_peers"))
    current = get("current_peer")
    if (
        not _fast_id(pid)
        or offset is None
        or get("languages") is None
        or languages is None
        or experiences is None
        or priority is None
        or bands is None
        or formats is None
        or not formats <= FORMAT_INDEX.keys()
        or slots is None
        or gender is False
        or excluded is None
        or (current is not None and not _fast_id(current))
    ):
        return None
    return Participant(
        id=pid,
        key=str(pid),
        languages=languages,
        experiences=experiences | priority if priority else experiences,
        priority_experiences=priority,
        peer_gender=gender,  # type: ignore[arg-type]
        peer_age_bands=bands,
        slots=slots,
        formats=formats,
        timezone=zone,
        offset=offset,
        exclude_peers=excluded,
        current_peer=None if current is None else str(current),
    )


class _Reader:
    """Reads the fields of one record, raising errors that name it."""

    __slots__ = ("index", "kind", "raw")

    def __init__(self, kind: str, index: int | None, raw: Any) -> None:
        if not isinstance(raw, Mapping):
            raise _fail(kind, index, raw, f"must be an object, not {type(raw).__name__}")
        self.kind, self.index, self.raw = kind, index, raw

    def fail(self, problem: str) -> MatchingInputError:
        return _fail(self.kind, self.index, self.raw, problem)

    def ident(self) -> tuple[PersonId, str]:
        if "id" not in self.raw or self.raw["id"] is None:
            raise self.fail('missing "id"')
        value = self.raw["id"]
        if not _id(value):
            raise self.fail('"id" must be a non-empty string or an integer')
        return value, str(value)

    def word_set(self, field: str, *, required: bool = False) -> frozenset[str]:
        return frozenset(self.words(field, required=required))

    def words(self, field: str, *, required: bool = False) -> list[str]:
        value = self.raw.get(field)
        if value is None:
            if required:
                raise self.fail(f'missing "{field}"')
            return []
        if not isinstance(value, list):
            raise self.fail(f'"{field}" must be a list, not {type(value).__name__}')
        out = []
        for item in value:
            if not isinstance(item, str) or not item.strip():
                raise self.fail(f'"{field}" must contain only non-empty strings, found {item!r}')
            out.append(item.strip().casefold())
        return out

    def word(self, field: str) -> str | None:
        value = self.raw.get(field)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f'"{field}" must be a non-empty string or null')
        return value.strip().casefold()

    def count(self, field: str, *, required: bool) -> int:
        if field not in self.raw or self.raw[field] is None:
            if required:
                raise self.fail(f'missing "{field}"')
            return 0
        value = self.raw[field]
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(f'"{field}" must be a whole number, not {value!r}')
        if value < 0:
            raise self.fail(f'"{field}" must not be negative, got {value}')
        return value

    def timezone(self) -> tuple[str, int]:
        value = self.raw.get("timezone")
        if value is None:
            raise self.fail('missing "timezone"')
        if not isinstance(value, str):
            raise self.fail(f'"timezone" must be a string, not {type(value).__name__}')
        try:
            return value, zone_offset_quarters(value)
        except UnknownTimeZone:
            raise self.fail(f'unknown time zone "{value}"') from None

    def slots(self) -> tuple[int, ...]:
        labels = self.words("availability")
        try:
            return tuple(sorted({SLOT_INDEX[label] for label in labels}))
        except KeyError:
            bad = next(label for label in labels if label not in SLOT_INDEX)
            raise self.fail(
                f'unknown availability "{bad}" (expected a day and a part of the day, like "tue-evening")'
            ) from None

    def formats(self) -> frozenset[str]:
        names = self.words("formats")
        for name in names:
            if name not in FORMAT_INDEX:
                raise self.fail(f'unknown format "{name}" (expected one of {", ".join(FORMATS)})')
        return frozenset(names)

    def peer_refs(self, field: str) -> frozenset[str]:
        value = self.raw.get(field)
        if value is None or value == []:
            return frozenset()
        if not isinstance(value, list):
            raise self.fail(f'"{field}" must be a list, not {type(value).__name__}')
        for item in value:
            if not _id(item):
                raise self.fail(f'"{field}" must contain only peer ids, found {item!r}')
        return frozenset(str(item) for item in value)

    def peer_ref(self, field: str) -> str | None:
        value = self.raw.get(field)
        if value is None:
            return None
        if not _id(value):
            raise self.fail(f'"{field}" must be a peer id or null, not {value!r}')
        return str(value)


def read_peer(raw: Any, index: int | None = None) -> Peer:
    """Checks and normalises one peer supporter record; raises MatchingInputError naming it."""
    if type(raw) is dict:
        fast = _fast_peer(raw)
        if fast is not None:
            return fast
    r = _Reader("peers", index, raw)
    pid, key = r.ident()
    zone, offset = r.timezone()
    return Peer(
        id=pid,
        key=key,
        capacity=r.count("capacity", required=True),
        current_caseload=r.count("current_caseload", required=False),
        languages=r.word_set("languages", required=True),
        gender=r.word("gender"),
        age_band=r.word("age_band"),
        experiences=r.word_set("experiences"),
        slots=r.slots(),
        formats=r.formats(),
        timezone=zone,
        offset=offset,
    )


def read_participant(raw: Any, index: int | None = None) -> Participant:
    """Checks and normalises one participant record; raises MatchingInputError naming it."""
    if type(raw) is dict:
        fast = _fast_participant(raw)
        if fast is not None:
            return fast
    r = _Reader("participants", index, raw)
    pid, key = r.ident()
    zone, offset = r.timezone()
    priority = r.word_set("priority_experiences")
    experiences = r.word_set("experiences")
    return Participant(
        id=pid,
        key=key,
        languages=r.word_set("languages", required=True),
        experiences=experiences | priority if priority else experiences,
        priority_experiences=priority,
        peer_gender=r.word("peer_gender"),
        peer_age_bands=r.word_set("peer_age_bands"),
        slots=r.slots(),
        formats=r.formats(),
        timezone=zone,
        offset=offset,
        exclude_peers=r.peer_refs("exclude_peers"),
        current_peer=r.peer_ref("current_peer"),
    )


def _read_all(kind: str, records: Any, reader: Any) -> tuple[Any, ...]:
    if records is None:
        raise MatchingInputError(f'input: missing "{kind}" list')
    if not isinstance(records, Sequence) or isinstance(records, str | bytes):
        raise MatchingInputError(f'input: "{kind}" must be a list')
    people = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(records):
        person = reader(raw, index)
        first = seen.setdefault(person.key, index)
        if first != index:
            raise _fail(kind, index, raw, f"id is already used by {kind}[{first}]")
        people.append(person)
    return tuple(people)


def read_problem(data: Any) -> Problem:
    """Checks and normalises a whole matching input ``{"peers": [...], "participants": [...]}``.

    Raises MatchingInputError on the first malformed record, naming it, e.g.
    ``participants[3] (id "p17"): unknown time zone "Mars/Base"``.
    """
    if not isinstance(data, Mapping):
        raise MatchingInputError('input: must be an object with "peers" and "participants" lists')
    peers = _read_all("peers", data.get("peers"), read_peer)
    participants = _read_all("participants", data.get("participants"), read_participant)
    return Problem(peers=peers, participants=participants)
