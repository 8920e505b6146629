"""The screening pipeline: normalise, match rules, weigh each match in its context, combine.

1. normalize.analyse turns the text into tokens with sentence and clause numbers.
2. Only rules whose anchor words occur in the text are tried; each match is a *hit*.
3. Idioms and topics ("this exam is killing me", "suicide prevention") cancel the hits they overlap.
4. Each remaining hit becomes a *finding*: who it is about, whether it is negated, past (also when the
   words themselves are: "wanted to die", "me cortaba"), recovered from, hypothetical, part of a class,
   a book or a quoted song, or someone else's crisis told as handled, all judged from the words around it.
5. The kind of expression and that context decide each finding's level; weak signals (a note, a
   rope, a date) raise death wishes and hopelessness to urgent and count on their own in pairs (two
   stretches of words, not two rules on the same words), or with a bare "tonight" standing beside
   them; the strongest of them (rules marked `alone`) are concern even on their own; a laugh makes a
   lone death wish hyperbole.
6. The message gets the highest level found, the categories of what counted, and reasons that quote
   the writer's own words.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from operator import attrgetter
from typing import NamedTuple

from alongside.safety.detector import lexicon as lx
from alongside.safety.detector import rules_en, rules_es
from alongside.safety.detector.anchors import StemIndex, first_stems, max_tokens
from alongside.safety.detector.markers import (
    FIRST_PERSON,
    GROUP,
    IDEATION_WORDS,
    INTENT_WORDS,
    MARKER_FIRST,
    MARKER_FIRST_INDEX,
    MARKER_INDEX,
    MARKER_NAMES,
    MARKERS,
    NEGATION_BRIDGE,
    NEGATION_I_OK,
    NEGATORS,
    PAST_WORDS,
    PRESENT_WORDS,
    RECOVERY_NEGATORS,
    SECOND_PERSON,
    THIRD_PERSON,
)
from alongside.safety.detector.model import LEVELS, NONE, Screening
from alongside.safety.detector.normalize import SENTENCE, Doc, add_known_words, analyse

RULES: tuple[lx.Rule, ...] = (*rules_en.RULES, *rules_es.RULES)
add_known_words(rules_en.VOCABULARY | rules_es.VOCABULARY)

NONE_LEVEL, CONCERN, URGENT = 0, 1, 2
MAX_REASONS = 6
# Urgent reasons after which the rest of a long message is not weighed (see screen).
_ENOUGH_URGENT = 4


# Every alternative of every rule, indexed by the words it needs and the words it can start with.
PARTS: tuple[tuple[int, lx.Part], ...] = tuple(
    (r, part) for r, rule in enumerate(RULES) for part in rule.parts
)
PART_INDEX = StemIndex([part.stems for _, part in PARTS])
_FIRST_INDEX = StemIndex([part.first or frozenset() for _, part in PARTS])
_SEARCHED = frozenset(i for i, (_, part) in enumerate(PARTS) if part.first is None)
_ALWAYS_STARTABLE = frozenset(PART_INDEX.always) - _SEARCHED
_MATCHERS = tuple(part.regex.match for _, part in PARTS)
_RULE_OF = tuple(r for r, _ in PARTS)
# A rule's `unless` pattern is tried only at the tokens it can start with, like the rules themselves;
# one whose first words cannot be worked out is searched for over the whole message.
_RULE_NUMBER = {rule.name: r for r, rule in enumerate(RULES)}
_UNLESS_FIRST = [first_stems(rule.unless) if rule.unless is not None else frozenset() for rule in RULES]
_UNLESS_INDEX = StemIndex(list(_UNLESS_FIRST))


_PARTS_OF = attrgetter("parts")


class _Token(NamedTuple):
    """Everything the indexes say about one token, looked up once per distinct token and kept.

    parts: rule parts with a stem in the token; part_set: the same as a set; starters: parts that may
    start at the token; markers and marker_starts: the same for context markers, by name; unless: rules
    whose `unless` pattern may start at the token.
    """

    parts: tuple[int, ...]
    part_set: frozenset[int]
    starters: frozenset[int]
    markers: tuple[str, ...]
    marker_starts: tuple[str, ...]
    unless: tuple[int, ...]


_TOKENS: dict[str, _Token] = {}
_TOKENS_KEPT = 200_000


def _token(tok: str) -> _Token:
    info = _TOKENS.get(tok)
    if info is None:
        parts = PART_INDEX.for_token(tok)
        info = _Token(
            parts,
            frozenset(parts),
            _FIRST_INDEX.set_for_token(tok),
            tuple(MARKER_NAMES[m] for m in MARKER_INDEX.for_token(tok)),
            tuple(MARKER_NAMES[m] for m in MARKER_FIRST_INDEX.for_token(tok)),
            _UNLESS_INDEX.for_token(tok),
        )
        if len(_TOKENS) < _TOKENS_KEPT:
            _TOKENS[tok] = info
    return info


def _infos(doc: Doc) -> list[_Token]:
    infos = list(map(_TOKENS.get, doc.tokens))
    if None in infos:
        return [info or _token(tok) for info, tok in zip(infos, doc.tokens, strict=True)]
    return infos  # type: ignore[return-value]


# Kinds grouped by how context treats them.
_SUICIDAL_SOFT = frozenset({lx.STATE, lx.PASSIVE, lx.BURDEN, lx.HOPELESS})
_ESCALATORS = frozenset(
    {
        lx.FAREWELL,
        lx.SAFETY,
        lx.MEANS_STRONG,
        lx.PLAN_STRONG,
        lx.MEANS_AT_HAND,
        *lx.WEAK,
    }
)
_ESCALATORS_FOR_HOPELESS = _ESCALATORS - {lx.MEANS_HAVE}
_SOFT_OR_ACT = frozenset({*_SUICIDAL_SOFT, lx.SH, lx.ACT})
_OTHER_ESCALATORS = frozenset(
    {lx.FAREWELL, lx.MEANS_STRONG, lx.MEANS_AT_HAND, lx.PREP, lx.PLAN, lx.MEANS_HAVE, lx.LOCATION}
)
# Preparations written to someone: the "you" in them is the reader, not the one at risk.
_ADDRESSED = frozenset({lx.PREP, lx.SOFT_PREP, lx.IMPLICIT, lx.PLAN, lx.TIMING})
_TIMED_WEAK = frozenset({lx.PLAN, lx.IMPLICIT, lx.TIMING, lx.PREP})
_SUBSTANCE_KINDS = frozenset({lx.RELAPSE, lx.CRAVING, lx.USE, lx.NEAR_USE, lx.MISUSE})
_FEARABLE = _SUBSTANCE_KINDS
_NEGATED_RESIDUAL = frozenset({lx.SUICIDE, lx.SELF_HARM, lx.OVERDOSE})
_LETHAL_MEANS = frozenset(
    [
        "gun",
        "guns",
        "pistol",
        "rifle",
        "shotgun",
        "revolver",
        "glock",
        "handgun",
        "firearm",
        "blade",
        "blades",
        "razor",
        "razors",
        "rope",
        "noose",
        "knife",
        "knives",
        "belt",
        "cord",
        "weapon",
    ]
)
_AFTER = frozenset({"after", "despues"})
_FREE_FROM = frozenset(
    [
        "clean",
        "free",
        "recovered",
        "recovering",
        "recovery",
        "sober",
        "healed",
        "healing",
        "libre",
        "limpio",
        "limpia",
    ]
)


@dataclass(slots=True)
class Hit:
    """One rule match, as token indices [first, last)."""

    rule: lx.Rule
    first: int
    last: int

    def overlaps(self, other: Hit) -> bool:
        return self.first < other.last and other.first < self.last


@dataclass(slots=True)
class Finding:
    """A hit weighed in context."""

    hit: Hit
    doc: Doc
    kind: str = ""
    subject: str = "self"
    explicit: bool = False
    active: bool = True
    negated: bool = False
    past: bool = False
    recent: bool = False
    intent: bool = False
    ideation: bool = False
    level: int = NONE_LEVEL
    weak: bool = False
    cause: tuple[int, int] | Finding | str | None = None
    quoted: str | None = None

    @property
    def because(self) -> str:
        """The words that raised the finding's level ("tonight", the other finding's words), if any."""
        cause = self.cause
        if cause is None:
            return ""
        if isinstance(cause, str):
            return cause
        if isinstance(cause, Finding):
            return cause.quote
        return self.doc.quote(*cause)

    @property
    def quote(self) -> str:
        """The writer's own words behind the hit (worked out when a reason needs them)."""
        if self.quoted is None:
            self.quoted = self.doc.quote(self.hit.first, self.hit.last)
        return self.quoted

    @property
    def categories(self) -> tuple[str, ...]:
        return self.hit.rule.categories

    @property
    def about_self(self) -> bool:
        return self.subject in ("self", "we")


Span = tuple[int, int] | None
_DATES = ("recent", "distant", "past")


class Context:
    """Where the context markers are in one message: which sentences hold their words (one pass over
    the tokens when the context is made), and where they match, sentence by sentence on first use."""

    def __init__(self, doc: Doc, bounds: list[tuple[int, int]], infos: list[_Token] | None = None) -> None:
        self.doc = doc
        self.bounds = bounds
        self.infos = infos if infos is not None else _infos(doc)
        self.sentences: dict[str, set[int]] = {}
        self._sentences: dict[str, set[int]] | None = None
        self._cache: dict[tuple[str, int], list[tuple[int, int]]] = {}
        self._unless: dict[int, bool] = {}
        self._unless_starts: dict[int, list[int]] | None = None
        self._starts: dict[str, list[int]] = {}
        self._clause_words: dict[int, set[str]] = {}
        self._recovered: tuple[tuple[int, int] | None] | None = None
        self._dated: dict[int, tuple[list[tuple[int, int]], ...]] = {}
        self.escalators: dict[tuple[frozenset[str], int], list[Finding]] = {}
        self._scan()

    def recovered(self) -> tuple[int, int] | None:
        """The message's recovery framing, if any (see _recovered), worked out once."""
        if self._recovered is None:
            self._recovered = (_recovered(self),)
        return self._recovered[0]

    def dated(self, tok: int) -> tuple[Span, Span, Span, Span, Span] | None:
        """(recent in clause, recent in sentence, distant in clause, distant in sentence, past in
        sentence) around token `tok`, or None when the sentence holds no date words at all."""
        sentence = self.doc.sentence[tok]
        dates = self._dated.get(sentence)
        if dates is None:
            found = self.sentences
            dates = self._dated[sentence] = tuple(
                self._in(name, sentence) if sentence in found.get(name, ()) else [] for name in _DATES
            )
        recent, distant, past = dates
        if not (recent or distant or past):
            return None
        clause_of = self.doc.clause
        clause = clause_of[tok]
        return (
            next((span for span in recent if clause_of[span[0]] == clause), None),
            recent[0] if recent else None,
            next((span for span in distant if clause_of[span[0]] == clause), None),
            distant[0] if distant else None,
            past[0] if past else None,
        )

    def clause_words(self, tok: int) -> set[str]:
        """The words of the clause holding token `tok` (worked out once per clause)."""
        doc = self.doc
        clause = doc.clause[tok]
        words = self._clause_words.get(clause)
        if words is None:  # clause numbers never go down, so the clause is found by bisection
            lo = bisect_left(doc.clause, clause, 0, tok + 1)
            hi = bisect_right(doc.clause, clause, tok)
            words = self._clause_words[clause] = set(doc.tokens[lo:hi])
        return words

    def unless(self, rule: lx.Rule) -> bool:
        """Whether the rule's `unless` pattern occurs anywhere in the message (searched once)."""
        if rule.unless is None:
            return False
        r = _RULE_NUMBER[rule.name]
        found = self._unless.get(r)
        if found is None:
            if _UNLESS_FIRST[r] is None:
                found = bool(lx.find_all(rule.unless, self.doc.norm))
            else:
                if self._unless_starts is None:
                    starts: dict[int, list[int]] = {}
                    for i, info in enumerate(self.infos):
                        for u in info.unless:
                            starts.setdefault(u, []).append(i)
                    self._unless_starts = starts
                match, norm, offsets = rule.unless.match, self.doc.norm, self.doc.offsets
                found = False
                for i in self._unless_starts.get(r, ()):
                    m = match(norm, offsets[i])
                    if m is not None and m.end() > offsets[i]:
                        found = True
                        break
            self._unless[r] = found
        return found

    def _scan(self) -> dict[str, set[int]]:
        """One pass over the tokens: which sentences hold each marker's words, and where markers may start."""
        if self._sentences is None:
            found: defaultdict[str, set[int]] = defaultdict(set)
            starts: defaultdict[str, list[int]] = defaultdict(list)
            sentence_of = self.doc.sentence
            for i, info in enumerate(self.infos):
                if info.markers:
                    for name in info.markers:
                        found[name].add(sentence_of[i])
                if info.marker_starts:
                    for name in info.marker_starts:
                        starts[name].append(i)
            for m in MARKER_INDEX.always:
                found[MARKER_NAMES[m]] = set(range(len(self.bounds)))
            self._sentences = self.sentences = found
            self._starts = starts
        return self._sentences

    def _in(self, name: str, sentence: int) -> list[tuple[int, int]]:
        key = (name, sentence)
        spans = self._cache.get(key)
        if spans is None:
            spans = []
            if sentence in self.sentences.get(name, ()):
                start, end = self.bounds[sentence]
                doc = self.doc
                if MARKER_FIRST[name] is None:
                    found = lx.find_all(MARKERS[name], doc.norm, start, end)
                else:
                    found = []
                    last = start
                    regex = MARKERS[name]
                    starts = self._starts.get(name, [])
                    offsets = doc.offsets
                    first = bisect_left(doc.sentence, sentence)  # the sentence's first token
                    for k in range(bisect_left(starts, first), len(starts)):
                        pos = offsets[starts[k]]
                        if pos < last:
                            continue
                        if pos >= end:
                            break
                        m = regex.match(doc.norm, pos, end)
                        if m is not None and m.end() > pos:
                            found.append((pos, m.end()))
                            last = m.end()
                spans = [doc.token_range(a, b) for a, b in found]
            self._cache[key] = spans
        return spans

    def in_sentence(self, name: str, tok: int) -> tuple[int, int] | None:
        sentences = self.sentences.get(name)
        if sentences is None or self.doc.sentence[tok] not in sentences:
            return None  # the marker's words are not in the sentence: nothing to match
        spans = self._in(name, self.doc.sentence[tok])
        return spans[0] if spans else None

    def in_clause(self, name: str, tok: int) -> tuple[int, int] | None:
        sentences = self.sentences.get(name)
        if sentences is None or self.doc.sentence[tok] not in sentences:
            return None
        clause = self.doc.clause[tok]
        for span in self._in(name, self.doc.sentence[tok]):
            if self.doc.clause[span[0]] == clause:
                return span
        return None

    def before_in_clause(self, name: str, tok: int) -> tuple[int, int] | None:
        sentences = self.sentences.get(name)
        if sentences is None or self.doc.sentence[tok] not in sentences:
            return None
        clause = self.doc.clause[tok]
        for span in self._in(name, self.doc.sentence[tok]):
            if span[0] < tok and self.doc.clause[span[0]] == clause:
                return span
        return None

    def spans(self, name: str) -> list[tuple[int, int]]:
        return [
            span for sentence in sorted(self.sentences.get(name, ())) for span in self._in(name, sentence)
        ]

    def anywhere(self, name: str) -> tuple[int, int] | None:
        for sentence in sorted(self.sentences.get(name, ())):
            spans = self._in(name, sentence)
            if spans:
                return spans[0]
        return None

    def quote(self, span: tuple[int, int] | None) -> str:
        return self.doc.quote(*span) if span else ""


def _lang(locale: str) -> str:
    return "es" if (locale or "").lower().replace("_", "-").split("-")[0] == "es" else "en"


def _candidates(doc: Doc, infos: list[_Token] | None = None) -> dict[int, list[int]]:
    """The parts that cannot be indexed by their first word (searched for instead), each with the token
    positions holding one of its stems; empty when no token of the message holds a stem of any part.

    The parts that are indexed need no such list: _hits finds the nearest stem of each as it walks.
    """
    infos = infos if infos is not None else _infos(doc)
    if not any(map(_PARTS_OF, infos)):
        return {}
    picked: dict[int, list[int]] = {}
    for p in _SEARCHED:  # none at present: every part has first words to be indexed by
        where = [i for i, info in enumerate(infos) if p in info.part_set]
        if where or p in PART_INDEX.always:
            picked[p] = where or [0]
    picked[-1] = []  # the message has words some rule needs, even if none of them is a searched part
    return picked


# No match runs longer than this many tokens; a rule is only tried where one of its stems lies within
# that distance ahead, which keeps long run-on messages cheap. Most parts can cover far fewer tokens
# (anchors.max_tokens counts the spaces a match can hold), and their stem must lie within that span.
_REACH = 40
_SPAN = tuple(
    min(_REACH, bound - 1) if (bound := max_tokens(part.regex)) is not None else _REACH for _, part in PARTS
)
# Sentences of this many tokens or more also check each part's span (see _hits).
_LONG = 4 * _REACH


def _hits(
    doc: Doc,
    picked: dict[int, list[int]],
    bounds: list[tuple[int, int]],
    lo: int = 0,
    hi: int | None = None,
    infos: list[_Token] | None = None,
) -> list[Hit]:
    """Rule matches in tokens [lo, hi), which must be whole sentences (the whole message by default)."""
    hi = len(doc.tokens) if hi is None else hi
    infos = infos if infos is not None else _infos(doc)
    found: dict[tuple[int, int, int], Hit] = {}
    last_end: dict[int, int] = {}
    offsets, sentence_of, norm = doc.offsets, doc.sentence, doc.norm
    always = PART_INDEX.always
    matchers, rule_of, span = _MATCHERS, _RULE_OF, _SPAN
    # Walk back through each sentence keeping, for every part, the nearest token from here on that holds
    # one of its stems (dict updates done in C): a part is only tried where it can start and such a
    # word follows within reach, and the two are intersected in C rather than looked up one by one.
    pending: list[tuple[int, Iterable[int]]] = []
    start = lo
    while start < hi:
        stop = bisect_left(sentence_of, sentence_of[start] + 1, start, hi)
        found_here: list[tuple[int, Iterable[int]]] = []
        add = found_here.append
        seen = set(_ALWAYS_STARTABLE)
        steps = zip(range(stop - 1, start - 1, -1), reversed(infos[start:stop]), strict=True)
        if stop - start < _LONG:
            for i, info in steps:
                part_set = info.part_set
                if part_set:
                    seen |= part_set
                starters = info.starters
                if starters:
                    live = starters & seen
                    if live:
                        add((i, live))
        else:
            # A long run-on sentence: the stem must also lie within the most tokens a match of the part
            # can cover, or the part would be tried all along the sentence for a word far away.
            nearest = dict.fromkeys(_ALWAYS_STARTABLE, stop - 1)
            for i, info in steps:
                part_set = info.part_set
                if part_set:
                    seen |= part_set
                    nearest.update(dict.fromkeys(info.parts, i))
                starters = info.starters
                if starters:
                    candidates = starters & seen
                    if candidates:
                        near = [p for p in candidates if nearest[p] <= i + span[p] or p in always]
                        if near:
                            add((i, near))
        found_here.reverse()
        pending += found_here
        start = stop
    for i, tried in pending:
        pos = offsets[i]
        end = bounds[sentence_of[i]][1]
        for p in tried:
            if p in last_end and pos < last_end[p]:
                continue
            m = matchers[p](norm, pos, end)
            if m is not None:
                stop = m.end()
                if stop > pos:
                    last_end[p] = stop
                    r = rule_of[p]
                    first, last = doc.token_range(pos, stop)
                    found.setdefault((r, first, last), Hit(RULES[r], first, last))
    first_sentence = sentence_of[lo] if lo < hi else 0
    last_sentence = sentence_of[hi - 1] if lo < hi else -1
    for p in _SEARCHED.intersection(picked):  # picked holds only searched parts
        r, part = PARTS[p]
        sentences = range(len(bounds)) if p in always else sorted({sentence_of[i] for i in picked[p]})
        for sentence in sentences:
            if not first_sentence <= sentence <= last_sentence:
                continue
            for a, b in lx.find_all(part.regex, norm, *bounds[sentence]):
                first, last = doc.token_range(a, b)
                found.setdefault((r, first, last), Hit(RULES[r], first, last))
    # Alternatives of one rule can match nested stretches of text; keep the widest. The order does not
    # depend on the order the parts were tried in: by position, the widest first, then by rule.
    hits = [found[key] for key in sorted(found, key=lambda key: (key[1], -key[2], key[0]))]
    kept: list[Hit] = []
    widest: dict[str, list[Hit]] = {}
    for hit in hits:
        same = widest.get(hit.rule.name)
        if same is None:
            widest[hit.rule.name] = [hit]
        elif any(k.first <= hit.first and hit.last <= k.last for k in same):
            continue
        else:
            same.append(hit)
        kept.append(hit)
    return kept


# A run-on sentence this long is matched in windows of this many starting tokens, so that a message
# already holding enough urgent reasons stops partway through it as it would between sentences. A match
# starting in one window can reach at most _REACH tokens into the next, so idioms that could cancel it
# all start in the same, the previous or the next window (see screen).
_WINDOW = _REACH


class _WindowState:
    """What matching one long sentence window by window carries over from one window to the next."""

    __slots__ = ("last_end", "widest")

    def __init__(self) -> None:
        self.last_end: dict[int, int] = {}
        self.widest: dict[str, list[Hit]] = {}


def _window_hits(
    doc: Doc,
    bounds: list[tuple[int, int]],
    a: int,
    b: int,
    stop: int,
    infos: list[_Token],
    state: _WindowState,
) -> list[Hit]:
    """Rule matches starting at tokens [a, b) of the long sentence that ends before token `stop`.

    The same matches, in the same order, as _hits finds there for the whole sentence: the walk back
    only needs the tokens a match starting in the window can reach, and the state keeps overlapping
    matches of one part and matches nested in wider ones of the same rule from being found twice.
    """
    offsets, sentence_of, norm = doc.offsets, doc.sentence, doc.norm
    always = PART_INDEX.always
    matchers, rule_of, span = _MATCHERS, _RULE_OF, _SPAN
    ahead = min(stop, b + _REACH)
    seen = set(_ALWAYS_STARTABLE)
    nearest = dict.fromkeys(_ALWAYS_STARTABLE, stop - 1)
    pending: list[tuple[int, list[int]]] = []
    for i in range(ahead - 1, a - 1, -1):
        info = infos[i]
        part_set = info.part_set
        if part_set:
            seen |= part_set
            nearest.update(dict.fromkeys(info.parts, i))
        if i >= b:
            continue
        starters = info.starters
        if starters:
            candidates = starters & seen
            if candidates:
                near = [p for p in candidates if nearest[p] <= i + span[p] or p in always]
                if near:
                    pending.append((i, near))
    pending.reverse()
    found: dict[tuple[int, int, int], Hit] = {}
    last_end = state.last_end
    for i, tried in pending:
        pos = offsets[i]
        end = bounds[sentence_of[i]][1]
        for p in tried:
            if p in last_end and pos < last_end[p]:
                continue
            m = matchers[p](norm, pos, end)
            if m is not None:
                hit_end = m.end()
                if hit_end > pos:
                    last_end[p] = hit_end
                    r = rule_of[p]
                    first, last = doc.token_range(pos, hit_end)
                    found.setdefault((r, first, last), Hit(RULES[r], first, last))
    kept: list[Hit] = []
    widest = state.widest
    for key in sorted(found, key=lambda key: (key[1], -key[2], key[0])):
        hit = found[key]
        same = widest.get(hit.rule.name)
        if same is None:
            widest[hit.rule.name] = [hit]
        elif any(k.first <= hit.first and hit.last <= k.last for k in same):
            continue
        else:
            same.append(hit)
        kept.append(hit)
    return kept


def _sentence_batches(
    doc: Doc,
    picked: dict[int, list[int]],
    bounds: list[tuple[int, int]],
    lo: int,
    hi: int,
    infos: list[_Token],
    ctx: Context,
) -> Iterator[list[Hit]]:
    """The matches in sentence [lo, hi), suppressed idioms and topics removed: all at once for an ordinary
    sentence, window by window for a long run-on one (each window's matches only once the next window's
    idioms are known, since those can overlap them)."""
    if hi - lo < _LONG or _SEARCHED:
        hits = _hits(doc, picked, bounds, lo, hi, infos)
        yield _remove_suppressed(hits, ctx) if hits else hits
        return
    state = _WindowState()
    windows = [(a, min(hi, a + _WINDOW)) for a in range(lo, hi, _WINDOW)]
    previous: list[Hit] = []
    current = _window_hits(doc, bounds, *windows[0], hi, infos, state)
    for k in range(len(windows)):
        following = (
            _window_hits(doc, bounds, *windows[k + 1], hi, infos, state) if k + 1 < len(windows) else []
        )
        if current:
            batch = previous + current + following
            keep = {id(h) for h in current}
            yield [h for h in _remove_suppressed(batch, ctx) if id(h) in keep]
        previous, current = current, following


def _remove_suppressed(hits: list[Hit], ctx: Context) -> list[Hit]:
    """Drop idioms and topics, and the findings they overlap."""
    suppressors = [
        h
        for h in hits
        if (h.rule.kind in lx.SUPPRESSORS or h.rule.kind == lx.HARASS) and not ctx.unless(h.rule)
    ]
    kept = []
    for hit in hits:
        if hit.rule.kind in lx.SUPPRESSORS:
            continue
        if any(
            s is not hit and s.overlaps(hit) and not s.rule.suppresses.isdisjoint(hit.rule.categories)
            for s in suppressors
        ):
            continue
        kept.append(hit)
    return kept


def _subject(doc: Doc, hit: Hit) -> tuple[str, bool]:
    """Who the expression is about, and whether a word said so (rather than chat dropping the "I")."""
    rule = hit.rule
    if rule.subject in ("self", "other", "you"):
        return rule.subject, True
    if rule.kind in (lx.THREAT, lx.ABUSE_ACT):
        # The one threatening is usually named inside the match: "scared my dad will kill me".
        for tok in doc.tokens[hit.first : hit.last]:
            if tok in THIRD_PERSON and tok not in ("her", "him", "them"):
                return "other", True
    if rule.subject == "poss":
        for tok in doc.tokens[hit.first : hit.last]:
            if tok in ("my", "myself", "me", "mi"):
                return "self", True
            if tok in ("nos", "nuestro", "nuestra", "mis"):
                return "self", True
            if tok in ("his", "her", "their", "himself", "herself", "themselves", "themself", "su"):
                return "other", True
    sentence = doc.sentence[hit.first]
    j = hit.first - 1
    steps = 0
    while j >= 0 and steps < 12 and doc.sentence[j] == sentence and doc.tokens[j] != SENTENCE:
        tok = doc.tokens[j]
        if tok in FIRST_PERSON:
            return "self", True
        if tok in SECOND_PERSON:
            return "you", True
        if tok in GROUP:
            return "we", True
        if tok in THIRD_PERSON:
            return "other", True
        j -= 1
        steps += 1
    return "self", False


def _negated(doc: Doc, hit: Hit, ctx: Context) -> bool:
    """A negation attached to the expression ("not going to", "no urge to"), within its clause."""
    first = hit.first
    clause = doc.clause[first]
    recovery_verbs = hit.rule.kind in _SUBSTANCE_KINDS or hit.rule.kind == lx.SH
    j = first - 1
    steps = 0
    while j >= 0 and steps < 7 and doc.clause[j] == clause:
        tok = doc.tokens[j]
        if tok in NEGATORS:
            following = doc.tokens[j + 1] if j + 1 < len(doc.tokens) else ""
            if following in ("only", "matter", "one"):
                return False
            return ctx.in_sentence("negation_cancel", first) is None
        if recovery_verbs and tok in RECOVERY_NEGATORS:
            return True
        if tok in ("from", "of") and j > 0 and doc.tokens[j - 1] in _FREE_FROM:
            return True  # "clean from self harm", "free of cravings"
        if tok in NEGATION_BRIDGE or (tok == "i" and j > 0 and doc.tokens[j - 1] in NEGATION_I_OK):
            j -= 1
            steps += 1
            continue
        return False
    return False


def _words_before(doc: Doc, hit: Hit, window: int) -> list[str]:
    clause = doc.clause[hit.first]
    start = hit.first
    while start > 0 and hit.first - start < window and doc.clause[start - 1] == clause:
        start -= 1
    return doc.tokens[start : hit.first]


# Words that may stand between an intent or a thought and what it is about ("going *to really* kill").
_LINK = frozenset(
    [
        "to",
        "i",
        "am",
        "is",
        "are",
        "just",
        "really",
        "gonna",
        "going",
        "about",
        "finally",
        "so",
        "actually",
        "literally",
        "want",
        "wanna",
        "ready",
        "be",
        "try",
        "trying",
        "of",
        "on",
        "in",
        "me",
        "myself",
        "a",
        "the",
        "seriously",
        "honestly",
        "probably",
        "definitely",
        "keep",
        "kept",
        "still",
        "constantly",
        "always",
        "voy",
        "a",
        "me",
    ]
)


def _attached(before: list[str], words: frozenset[str]) -> bool:
    """Whether one of `words` governs what follows: found going back with only linking words between.

    "about" states intent only as "about to" ("about to jump"), never as "thinking about".
    """
    following = ""
    for tok in reversed(before):
        if tok in words and (tok != "about" or following == "to"):
            return True
        if tok not in _LINK:
            return False
        following = tok
    return False


_REPORTING = frozenset(
    ["says", "said", "sings", "sang", "goes", "dice", "dijo", "canta", "decia", "writes", "wrote"]
)


def _reported(doc: Doc, hit: Hit) -> bool:
    """Whether the match follows a reporting verb closely ("the song says i want to", "dice que quiero")."""
    return not _REPORTING.isdisjoint(doc.tokens[max(0, hit.first - 3) : hit.first])


def _past_inside(tokens: list[str], lang: str) -> bool:
    """Whether the match states its own past: it opens with a past auxiliary or verb ("wanted to
    die", "felt like a burden"), or, in Spanish, holds a verb in the imperfect ("me cortaba",
    "pensaba en matarme"), which tells a habit that is over unless something says it still goes on.
    """
    if not tokens:
        return False
    if tokens[0] in PAST_WORDS:
        return True
    if tokens[0] in ("me", "se", "yo") and len(tokens) > 1 and tokens[1] in PAST_WORDS:
        return True
    return lang == "es" and any(len(t) > 4 and t.endswith(_IMPERFECT) for t in tokens[:3])


_IMPERFECT = ("aba", "aban", "abas")


def _recovered(ctx: Context) -> tuple[int, int] | None:
    """Recovery framing ("in a good place now"), unless it only dates a relapse ("after 2 years clean")."""
    doc = ctx.doc
    for span in ctx.spans("recovered"):
        if span[0] > 0 and doc.tokens[span[0] - 1] in _AFTER:
            continue
        return span
    return None


def _reported_denial(hit: Hit, ctx: Context) -> bool:
    """A question someone asked the writer about the finding, answered "no" after it.

    "My therapist asked if I was having thoughts of suicide and I said no": the question comes before
    the finding in its sentence, the answer after it there or in the next sentence, and nothing in the
    message takes the answer back ("I said no but I lied").
    """
    doc = ctx.doc
    asked = ctx.in_sentence("asked_if", hit.first)
    if asked is None or asked[0] >= hit.first:
        return False
    sentence = doc.sentence[hit.first]
    answered = any(span[0] >= hit.last for span in ctx._in("said_no", sentence))
    if not answered and sentence + 1 < len(ctx.bounds):
        answered = bool(ctx._in("said_no", sentence + 1))
    return answered and ctx.anywhere("denial_cancel") is None


def _weigh(hit: Hit, doc: Doc, ctx: Context) -> Finding:
    """Everything about one hit that does not depend on the other findings."""
    f = Finding(hit=hit, doc=doc, kind=hit.rule.kind)
    rule = hit.rule
    kind = rule.kind
    if rule.needs is not None and ctx.anywhere(rule.needs) is None:
        f.active = False
        return f
    if rule.unless is not None and ctx.unless(rule):
        f.active = False
        return f
    f.subject, f.explicit = _subject(doc, hit)

    if kind != lx.FAREWELL or hit.first > 0:
        f.negated = _negated(doc, hit, ctx)
    if f.negated:
        f.active = False
        return f

    # "She asked if I was suicidal and I said no": a question reported with its answer.
    if kind not in (lx.OD_SIGNS, lx.VIOLENCE_NOW, lx.THREAT) and _reported_denial(hit, ctx):
        f.active = False
        return f

    # Someone else's crisis the writer reports as taken care of ("we called the crisis team and he's
    # getting support"): a peer telling their day, not a danger now.
    if (
        f.subject == "other"
        and kind not in (lx.OD_SIGNS, lx.VIOLENCE_NOW)
        and ctx.anywhere("resolved") is not None
    ):
        f.active = False
        return f

    # A class, a book, a volunteer shift: talk about the subject, unless the writer speaks of themself.
    # Words in quotation marks, or reported with "says", in a sentence about a song or a film are the
    # song's, not the writer's: "the song goes 'i want to die in your arms'".
    if kind not in (lx.OD_SIGNS, lx.VIOLENCE_NOW, lx.COMMAND) and ctx.in_sentence("edu", hit.first):
        about_self = (
            f.explicit
            and f.subject == "self"
            and not doc.in_quotes(hit.first, hit.last)
            and not _reported(doc, hit)
        )
        if not about_self:
            f.active = False
            return f

    if kind == lx.LOCATION and ctx.in_sentence("errand", hit.first) is not None:
        f.active = False  # "on the roof fixing the gutters", "heading to the bridge for the fireworks"
        return f

    if (kind in _FEARABLE or rule.hypothetical) and ctx.before_in_clause("fear", hit.first):
        f.active = False
        return f

    before = _words_before(doc, hit, 5)
    clause_words = ctx.clause_words(hit.first)
    f.intent = rule.intent or _attached(before, INTENT_WORDS)
    f.ideation = _attached(before, IDEATION_WORDS) and not f.intent
    present = not clause_words.isdisjoint(PRESENT_WORDS)
    inside = doc.tokens[hit.first : hit.last]
    f.past = (
        rule.tense == "past" or any(w in PAST_WORDS for w in before[-4:]) or _past_inside(inside, rule.lang)
    ) and not present
    # Dates belong to their clause ("years ago I tried..., today I'm well"), but a sentence with no
    # other date lends its date to the whole of it ("Last night, I took all my pills").
    dated = ctx.dated(hit.first)
    if dated is None:  # no date of any kind in the sentence
        if f.past and not f.recent and ctx.recovered() is not None:
            f.active = False
        return f
    recent_clause, recent_sentence, distant_clause, distant_sentence, past_sentence = dated
    if recent_clause and distant_clause and distant_clause[0] <= recent_clause[0] < distant_clause[1]:
        recent_clause = None  # "five years ago today" dates an anniversary
    f.recent = recent_clause is not None or (recent_sentence is not None and distant_sentence is None)
    if past_sentence is not None and not present and not f.recent:
        f.past = True

    distant = distant_clause is not None or (f.past and distant_sentence is not None)
    if distant and not present and recent_clause is None:
        f.active = False
        f.past = True
        return f
    if f.past and not f.recent and ctx.recovered() is not None:
        f.active = False
        return f
    return f


def rule_at_place(f: Finding) -> bool:
    """Whether a location finding puts the writer at a place to fall from ("I'm on the bridge"), not on the way
    there nor by water, where people swim and fish."""
    return not f.hit.rule.name.endswith((".heading_to", ".by_water"))


def _soon_after(ctx: Context, f: Finding) -> tuple[int, int] | None:
    """A "tonight" or "right now" that stands on its own, right after the finding or as the whole of a
    clause in its sentence or the next ("I've made up my mind. Tonight."), not the date of something
    else the writer is doing ("Tonight I'm telling my sponsor")."""
    doc = ctx.doc
    sentence = doc.sentence[f.hit.first]
    for s in (sentence, sentence + 1):
        if s >= len(ctx.bounds) or s not in ctx.sentences.get("now", ()):
            continue
        for span in ctx._in("now", s):
            if f.hit.first <= span[0] < f.hit.last:
                continue
            clause = doc.clause[span[0]]
            lo = bisect_left(doc.clause, clause)
            hi = bisect_right(doc.clause, clause)
            rest = [
                t
                for i, t in enumerate(doc.tokens[lo:hi], lo)
                if not (span[0] <= i < span[1]) and not (f.hit.first <= i < f.hit.last)
            ]
            if all(t in _TIME_FILLER for t in rest):
                return span
    return None


# Words that may stand beside a bare "tonight" without giving it anything else to date.
_TIME_FILLER = frozenset(
    [
        ",",
        ".",
        "it",
        "is",
        "its",
        "s",
        "then",
        "so",
        "and",
        "yes",
        "ok",
        "okay",
        "happening",
        "for",
        "sure",
        "real",
        "i",
        "am",
        "m",
        "im",
        "y",
        "ya",
        "hoy",
        "es",
        "sera",
        "entonces",
        "pues",
        "lo",
        "hago",
    ]
)


def _now(ctx: Context, f: Finding) -> bool:
    """Whether the finding's sentence says it is happening right now or tonight."""
    span = ctx.in_sentence("now", f.hit.first)
    return span is not None and not (f.hit.first <= span[0] < f.hit.last)


def _escalator(
    findings: list[Finding], exclude: Finding, kinds: frozenset[str], ctx: Context | None = None
) -> Finding | None:
    """The first other active finding of one of `kinds`, if any.

    With `ctx`, the first two such findings are kept for the findings as they stand (whether a finding
    is active never changes once it is weighed), so that deciding every finding of a long message does
    not read the whole list again each time.
    """
    if ctx is None:
        for other in findings:
            if other.active and other is not exclude and other.kind in kinds:
                return other
        return None
    key = (kinds, len(findings))
    firsts = ctx.escalators.get(key)
    if firsts is None:
        found: list[Finding] = []
        for other in findings:
            if other.active and other.kind in kinds:
                found.append(other)
                if len(found) == 2:
                    break
        firsts = ctx.escalators[key] = found
    for other in firsts:
        if other is not exclude:
            return other
    return None


def _decide(f: Finding, findings: list[Finding], ctx: Context) -> None:
    """Set f.level (and f.cause) from its kind, its context and the other findings."""
    kind = f.kind
    doc = ctx.doc
    time = ctx.in_sentence("time", f.hit.first)
    if time and f.hit.first <= time[0] < f.hit.last:
        time = None  # "don't want to wake up tomorrow": the date belongs to the wish itself
    escalators = _ESCALATORS
    if kind in (lx.BURDEN, lx.HOPELESS):
        escalators = _ESCALATORS_FOR_HOPELESS
    other_esc = _escalator(findings, f, escalators, ctx)

    if f.subject == "you" and kind not in (lx.HARASS, lx.THREAT, lx.ABUSE_ACT) and kind not in _ADDRESSED:
        return  # ("you" after a goodbye is who it is for: "I need you to know none of this is your fault")

    if kind in (lx.ACT, lx.STATE, lx.PASSIVE) and f.subject == "we":
        return  # "we jumped in the river": people do things together for fun, not to die
    if kind == lx.ACT:
        if f.subject == "other":
            if f.past:
                f.level = CONCERN if f.recent else NONE_LEVEL
            elif f.intent or time or other_esc:
                f.level = URGENT
                f.cause = time if time and not f.intent else other_esc
            else:
                f.level = CONCERN
            return
        if f.past:
            f.level = URGENT if f.recent else CONCERN
            return
        if f.ideation:
            kind = lx.STATE
        else:
            f.level = URGENT
            return

    if kind in _SUICIDAL_SOFT:
        if ctx.in_sentence("laugh", f.hit.first) and (
            f.past or (not f.intent and other_esc is None and ctx.anywhere("distress") is None)
        ):
            # "that meeting was so long I wanted to die lol", "this cold is so bad i want to die lmao":
            # hyperbole, with nothing else in the message that is wrong
            return
        if f.subject == "other":
            if kind in (lx.BURDEN, lx.HOPELESS) or f.past:
                return
            # "says she wants to die and isn't answering": someone else's wish with a sign of acting on it
            sign = _escalator(findings, f, _OTHER_ESCALATORS, ctx)
            f.level = URGENT if (f.intent or time or sign) else CONCERN
            if sign is not None and not (f.intent or time):
                f.cause = sign
            return
        if f.past:
            f.level = CONCERN
            return
        f.level = CONCERN
        if (kind in (lx.STATE, lx.PASSIVE) and (f.intent or time)) or (kind == lx.BURDEN and time):
            f.level = URGENT
            f.cause = time
        elif other_esc is not None:
            f.level = URGENT
            f.cause = other_esc
        return

    if kind in (
        lx.FAREWELL,
        lx.SAFETY,
        lx.MEANS_STRONG,
        lx.PLAN_STRONG,
        lx.COMMAND,
        lx.VIOLENCE_NOW,
        lx.SH_SEVERE,
    ):
        f.level = CONCERN if f.past and not f.recent else URGENT
        return

    if kind == lx.MEANS_AT_HAND:
        lethal = not _LETHAL_MEANS.isdisjoint(doc.tokens[f.hit.first : f.hit.last])
        soft = _escalator(findings, f, _SOFT_OR_ACT, ctx)
        if lethal or time or soft or other_esc or ctx.anywhere("distress"):
            f.level = URGENT
            f.cause = time or soft
        else:
            f.level = CONCERN
        return

    if kind in lx.WEAK:
        f.weak = True
        if kind == lx.LOCATION and rule_at_place(f) and f.subject == "self" and not f.past and _now(ctx, f):
            # Standing on a bridge is a weak sign; standing on it right now, tonight, is not.
            f.level = URGENT
            f.cause = ctx.in_sentence("now", f.hit.first)
        return

    if kind == lx.SH:
        if f.subject == "other":
            f.level = CONCERN
            return
        f.level = CONCERN
        if f.intent and not f.past:
            f.level = URGENT
        return

    if kind == lx.OD_ACT:
        if ctx.anywhere("emergency"):
            f.level = URGENT
            f.cause = ctx.anywhere("emergency")
        elif f.past:
            f.level = URGENT if f.recent and f.subject != "other" else CONCERN
        else:
            f.level = URGENT
        return

    if kind == lx.OD_SIGNS:
        f.level = NONE_LEVEL if f.past and not f.recent else URGENT
        return

    if kind in _SUBSTANCE_KINDS or kind == lx.HOUSING_LOSS:
        f.level = NONE_LEVEL if f.subject == "other" else CONCERN
        return

    if kind == lx.ABUSE_ACT:
        if f.hit.rule.subject is None and f.subject != "other" and not _done_to_writer(doc, f.hit):
            return  # "(I) took my meds": the writer is not describing someone else's control
        f.level = CONCERN
        weapon = ctx.anywhere("weapon")
        if weapon and not f.past:
            f.level = URGENT
            f.cause = weapon
        return

    if kind == lx.THREAT and f.hit.rule.subject is None and f.subject != "other" and f.hit.rule.lang == "en":
        return  # "this heat wave is going to kill me": a threat needs someone making it
    if kind in (lx.THREAT, lx.VIOLENCE_INTENT):
        f.level = CONCERN if f.past and not f.recent and kind == lx.VIOLENCE_INTENT else URGENT
        return

    if kind == lx.VIOLENCE_URGE:
        weapon = ctx.anywhere("weapon")
        f.level = URGENT if (weapon or time) else CONCERN
        if f.level == URGENT:
            f.cause = weapon or time
        return

    if kind in (lx.PSYCHOSIS_SIGN, lx.HARASS):
        f.level = CONCERN
        return


_OBJECT_ME = frozenset({"me", "us"})


def _nested(a: Hit, b: Hit) -> bool:
    return (a.first <= b.first and b.last <= a.last) or (b.first <= a.first and a.last <= b.last)


def _done_to_writer(doc: Doc, hit: Hit) -> bool:
    """Whether the match has the writer as its object ("threw a plate at me", "won't let me leave"),
    and the writer is not also the one doing it ("I hit me" is not a sentence people write)."""
    words = doc.tokens[hit.first : hit.last]
    if _OBJECT_ME.isdisjoint(words):
        return False
    return not (hit.first > 0 and doc.tokens[hit.first - 1] in ("i", "yo"))


def _distinct_signals(weak: list[Finding]) -> list[list[Finding]]:
    """Weak findings grouped by the words they cover: two rules matching the same words, or one
    inside the other ("took my meds" read as both having and taking pills), are one signal; two
    separate or merely touching stretches ("put my affairs in order, updated my will", "decided" and
    "decided how and when") are two.
    """
    groups: list[list[Finding]] = []
    for f in sorted(weak, key=lambda f: (f.hit.first, -f.hit.last)):
        for group in groups:
            if any(_nested(g.hit, f.hit) for g in group):
                group.append(f)
                break
        else:
            groups.append([f])
    return groups


def _cause_key(cause: tuple[int, int] | Finding | str | None) -> object:
    return (cause.hit.first, cause.hit.last) if isinstance(cause, Finding) else cause


def _reason(f: Finding) -> str:
    text = f'{LEVELS[f.level]}: "{f.quote}"'
    if f.because and f.because != f.quote:
        text += f' with "{f.because}"'
    return text


def screen(text: str, locale: str = "en") -> Screening:
    """Screen one message for crisis language.

    Returns a Screening whose level is "urgent" for intent, a plan, preparations, means at hand, an
    attempt or overdose in progress, or danger from or to another person; "concern" for passive death
    wishes, hopelessness, self-harm urges, strong cravings or a relapse, abuse, or losing housing; and
    "none" otherwise, including for idioms, negated or long-past experiences and talk about training.
    English and Spanish are always both screened; `locale` ("en", "es", "es-MX"...) decides how
    ambiguous chat abbreviations are read. Never raises for any str; empty text is level none.
    """
    if not isinstance(text, str):
        raise TypeError(f"screen() needs a str, not {type(text).__name__}")
    if not text or text.isspace():
        return NONE
    doc = analyse(text, _lang(locale))
    infos = _infos(doc)
    picked = _candidates(doc, infos)
    if not picked:
        return NONE
    bounds = doc.bounds
    ctx = Context(doc, bounds, infos)
    findings: list[Finding] = []
    # Sentences are matched and weighed in order. A long message full of crisis language stops once it
    # holds enough urgent reasons: its level cannot change any more (nothing lowers another finding's
    # level); only reasons and categories found solely further on are left out. Each finding is decided
    # as it comes, against the findings so far: the others can only raise its level (they escalate, or
    # take away the benefit of the doubt a laugh gives), so a finding urgent now is urgent in the end.
    urgent_reasons: set[tuple[int, int, object]] = set()
    sentence_of = doc.sentence
    total = len(doc.tokens)
    lo = 0
    while lo < total and len(urgent_reasons) < _ENOUGH_URGENT:
        hi = bisect_left(sentence_of, sentence_of[lo] + 1, lo)
        for hits in _sentence_batches(doc, picked, bounds, lo, hi, infos, ctx):
            for hit in hits:
                if len(urgent_reasons) >= _ENOUGH_URGENT:
                    break  # a long run-on sentence: what follows in it can no longer change the level
                f = _weigh(hit, doc, ctx)
                findings.append(f)
                if f.active and f.kind not in lx.WEAK:
                    _decide(f, findings, ctx)
                    if f.level == URGENT:  # counted by where the words are, without quoting them yet
                        urgent_reasons.add((f.hit.first, f.hit.last, _cause_key(f.cause)))
            if len(urgent_reasons) >= _ENOUGH_URGENT:
                break
        lo = hi
    if not findings:
        return NONE
    for f in findings:
        if f.active:
            f.level, f.cause = NONE_LEVEL, None
            _decide(f, findings, ctx)

    # Preparations rarely come alone: two of them (one more than a kind word) make it urgent.
    weak = [f for f in findings if f.active and f.weak]
    if len(weak) >= 2:
        signals = _distinct_signals(weak)
        hard = [group for group in signals if any(f.kind != lx.SOFT_PREP for f in group)]
        if (len(signals) >= 2 and hard) or len(signals) >= 3:
            for f in weak:
                f.level = URGENT
    # A preparation with "tonight" or "right now" beside it (its own sentence or the next): "I've made up
    # my mind. Tonight." The date is what turns a decision into a plan.
    for f in weak:
        if f.level < URGENT and f.kind in _TIMED_WEAK and f.about_self and not f.past:
            when = _soon_after(ctx, f)
            if when is not None:
                f.level = URGENT
                f.cause = when
    # One preparation on its own is still worth a person's look: "I know exactly how and when", "I won't
    # be here for my birthday". Places and means alone are not (a bridge, a bottle of pills).
    for f in weak:
        if (
            f.level == NONE_LEVEL
            and f.hit.rule.alone
            and f.about_self
            and not f.past
            and ctx.anywhere("laugh") is None
        ):
            f.level = CONCERN
    counted = [f for f in findings if f.active and f.level > NONE_LEVEL]

    if not counted:
        denied = [f for f in findings if f.negated and not _NEGATED_RESIDUAL.isdisjoint(f.categories)]
        distress = ctx.anywhere("distress")
        if denied and distress:
            f = denied[0]
            f.level = CONCERN
            f.cause = distress
            counted = [f]
    if not counted:
        return NONE

    level = max(f.level for f in counted)
    categories = {c for f in counted for c in f.categories}
    counted.sort(key=lambda f: (-f.level, f.hit.first))
    reasons: list[str] = []
    for f in counted:
        reason = _reason(f)
        if reason not in reasons:
            reasons.append(reason)
            if len(reasons) == MAX_REASONS:
                break  # the rest would be cut off: do not quote them
    return Screening(level=LEVELS[level], categories=tuple(categories), reasons=tuple(reasons))
