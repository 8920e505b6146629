"""The screening pipeline: normalise, match rules, weigh each match in its context, combine.

1. normalize.analyse turns the text into tokens with sentence and clause numbers.
2. Only rules whose anchor words occur in the text are tried; each match is a *hit*.
3. Idioms and topics ("this exam is killing me", "suicide prevention") cancel the hits they overlap.
4. Each remaining hit becomes a *finding*: who it is about, whether it is negated, past, recovered
   from, hypothetical, or part of a class or a book, all judged from the words around it.
5. The kind of expression and that context decide each finding's level; weak signals (a note, a
   rope, a date) raise death wishes and hopelessness to urgent and count on their own in pairs.
6. The message gets the highest level found, the categories of what counted, and reasons that quote
   the writer's own words.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from alongside.safety.detector import lexicon as lx
from alongside.safety.detector import rules_en, rules_es
from alongside.safety.detector.anchors import StemIndex
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


# Kinds grouped by how context treats them.
_SUICIDAL_SOFT = frozenset({lx.STATE, lx.PASSIVE, lx.BURDEN, lx.HOPELESS})
_ESCALATORS = frozenset(
    {
        lx.FAREWELL,
        lx.SAFETY,
        lx.MEANS_STRONG,
        lx.MEANS_AT_HAND,
        *lx.WEAK,
    }
)
# Kinds whose level does not depend on the other findings (see screen's early exit).
_SELF_CONTAINED = frozenset(
    {
        lx.ACT,
        lx.FAREWELL,
        lx.SAFETY,
        lx.MEANS_STRONG,
        lx.COMMAND,
        lx.VIOLENCE_NOW,
        lx.SH_SEVERE,
        lx.OD_SIGNS,
        lx.OD_ACT,
        lx.THREAT,
        lx.VIOLENCE_INTENT,
    }
)
_OTHER_ESCALATORS = frozenset(
    {lx.FAREWELL, lx.MEANS_STRONG, lx.MEANS_AT_HAND, lx.PREP, lx.PLAN, lx.MEANS_HAVE, lx.LOCATION}
)
_SUBSTANCE_KINDS = frozenset({lx.RELAPSE, lx.CRAVING, lx.USE, lx.NEAR_USE, lx.MISUSE})
_FEARABLE = _SUBSTANCE_KINDS | {lx.HOUSING_LOSS}
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
    quote: str
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
    because: str = ""

    @property
    def categories(self) -> tuple[str, ...]:
        return self.hit.rule.categories

    @property
    def about_self(self) -> bool:
        return self.subject in ("self", "we")


class Context:
    """Where the context markers are in one message, found sentence by sentence on first use."""

    def __init__(self, doc: Doc, bounds: list[tuple[int, int]]) -> None:
        self.doc = doc
        self.bounds = bounds
        self._sentences: dict[str, set[int]] | None = None
        self._starts: dict[str, list[int]] = {}
        self._cache: dict[tuple[str, int], list[tuple[int, int]]] = {}

    def _scan(self) -> dict[str, set[int]]:
        """One pass over the tokens: which sentences hold each marker's words, and where markers may start."""
        if self._sentences is None:
            found: dict[str, set[int]] = {}
            starts: dict[str, list[int]] = {}
            sentence_of = self.doc.sentence
            for i, tok in enumerate(self.doc.tokens):
                for m in MARKER_INDEX.for_token(tok):
                    found.setdefault(MARKER_NAMES[m], set()).add(sentence_of[i])
                for m in MARKER_FIRST_INDEX.for_token(tok):
                    starts.setdefault(MARKER_NAMES[m], []).append(i)
            for m in MARKER_INDEX.always:
                found[MARKER_NAMES[m]] = set(range(len(self.bounds)))
            self._sentences = found
            self._starts = starts
        return self._sentences

    def _in(self, name: str, sentence: int) -> list[tuple[int, int]]:
        key = (name, sentence)
        spans = self._cache.get(key)
        if spans is None:
            spans = []
            if sentence in self._scan().get(name, ()):
                start, end = self.bounds[sentence]
                doc = self.doc
                if MARKER_FIRST[name] is None:
                    found = lx.find_all(MARKERS[name], doc.norm, start, end)
                else:
                    found = []
                    last = start
                    regex = MARKERS[name]
                    for i in self._starts.get(name, ()):
                        pos = doc.offsets[i]
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
        spans = self._in(name, self.doc.sentence[tok])
        return spans[0] if spans else None

    def in_clause(self, name: str, tok: int) -> tuple[int, int] | None:
        clause = self.doc.clause[tok]
        for span in self._in(name, self.doc.sentence[tok]):
            if self.doc.clause[span[0]] == clause:
                return span
        return None

    def before_in_clause(self, name: str, tok: int) -> tuple[int, int] | None:
        clause = self.doc.clause[tok]
        for span in self._in(name, self.doc.sentence[tok]):
            if span[0] < tok and self.doc.clause[span[0]] == clause:
                return span
        return None

    def spans(self, name: str) -> list[tuple[int, int]]:
        return [span for sentence in sorted(self._scan().get(name, ())) for span in self._in(name, sentence)]

    def anywhere(self, name: str) -> tuple[int, int] | None:
        for sentence in sorted(self._scan().get(name, ())):
            spans = self._in(name, sentence)
            if spans:
                return spans[0]
        return None

    def quote(self, span: tuple[int, int] | None) -> str:
        return self.doc.quote(*span) if span else ""


def _lang(locale: str) -> str:
    return "es" if (locale or "").lower().replace("_", "-").split("-")[0] == "es" else "en"


def _candidates(doc: Doc) -> dict[int, list[int]]:
    """Rule parts worth trying, each with the token positions holding one of its stems."""
    picked: dict[int, list[int]] = {}
    index = PART_INDEX
    for i, tok in enumerate(doc.tokens):
        for p in index.for_token(tok):
            found = picked.get(p)
            if found is None:
                picked[p] = [i]
            else:
                found.append(i)
    if picked and index.always:
        for p in index.always:
            picked[p] = [0]
    return picked


# No match runs longer than this many tokens; a rule is only tried where one of its stems lies within
# that distance ahead, which keeps long run-on messages cheap.
_REACH = 40


def _hits(
    doc: Doc, picked: dict[int, list[int]], bounds: list[tuple[int, int]], lo: int = 0, hi: int | None = None
) -> list[Hit]:
    """Rule matches in tokens [lo, hi), which must be whole sentences (the whole message by default)."""
    hi = len(doc.tokens) if hi is None else hi
    found: dict[tuple[int, int, int], Hit] = {}
    last_end = [0] * len(PARTS)
    tokens, offsets, sentence_of, norm = doc.tokens, doc.offsets, doc.sentence, doc.norm
    always = PART_INDEX.always
    matchers, rule_of = _MATCHERS, _RULE_OF
    stems_of = PART_INDEX.set_for_token
    starters_of = _FIRST_INDEX.set_for_token
    # Walk back through each sentence collecting the parts that have one of their words from here to
    # the end of the sentence: a part is only tried where it can start and such a word follows, and
    # the two sets are intersected in C rather than looked up one by one.
    pending: list[tuple[int, frozenset[int], int]] = []
    seen: set[int] = set()
    current = -1
    last_token = 0
    for i in range(hi - 1, lo - 1, -1):
        tok = tokens[i]
        if sentence_of[i] != current:
            current = sentence_of[i]
            seen = set(_ALWAYS_STARTABLE)
            last_token = i
        seen |= stems_of(tok)
        starters = starters_of(tok)
        if starters:
            live = starters & seen
            if live:
                pending.append((i, live, last_token))
    for i, live, last_token in reversed(pending):
        pos = offsets[i]
        end = bounds[sentence_of[i]][1]
        far = last_token > i + _REACH  # a long run-on sentence: check the word is close enough too
        for p in sorted(live) if len(live) > 1 else live:
            if pos < last_end[p]:
                continue
            if far and p not in always:
                where = picked[p]
                k = bisect_left(where, i)
                if k == len(where) or where[k] > i + _REACH:
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
    for p in _SEARCHED.intersection(picked):
        r, part = PARTS[p]
        sentences = range(len(bounds)) if p in always else sorted({sentence_of[i] for i in picked[p]})
        for sentence in sentences:
            if not first_sentence <= sentence <= last_sentence:
                continue
            for a, b in lx.find_all(part.regex, norm, *bounds[sentence]):
                first, last = doc.token_range(a, b)
                found.setdefault((r, first, last), Hit(RULES[r], first, last))
    # Alternatives of one rule can match nested stretches of text; keep the widest.
    hits = sorted(found.values(), key=lambda h: (h.first, -h.last))
    kept: list[Hit] = []
    for hit in hits:
        if any(k.rule is hit.rule and k.first <= hit.first and hit.last <= k.last for k in kept):
            continue
        kept.append(hit)
    return kept


def _remove_suppressed(hits: list[Hit], doc: Doc) -> list[Hit]:
    suppressors = [
        h
        for h in hits
        if h.rule.kind in lx.SUPPRESSORS or h.rule.kind == lx.HARASS
        if h.rule.unless is None or not lx.find_all(h.rule.unless, doc.norm)
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
    if rule.kind == lx.THREAT:
        # The one threatening is usually named inside the match: "scared my dad will kill me".
        for tok in doc.tokens[hit.first : hit.last]:
            if tok in THIRD_PERSON and tok not in ("her", "him", "them"):
                return "other", True
    if rule.subject == "poss":
        for tok in doc.tokens[hit.first : hit.last]:
            if tok in ("my", "myself", "me", "mi"):
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
    """Whether one of `words` governs what follows: found going back with only linking words between."""
    for tok in reversed(before):
        if tok in words:
            return True
        if tok not in _LINK:
            return False
    return False


def _clause_words(doc: Doc, tok: int) -> set[str]:
    clause = doc.clause[tok]
    lo = tok
    while lo > 0 and doc.clause[lo - 1] == clause:
        lo -= 1
    hi = tok
    while hi + 1 < len(doc.tokens) and doc.clause[hi + 1] == clause:
        hi += 1
    return set(doc.tokens[lo : hi + 1])


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
    f = Finding(hit=hit, quote=doc.quote(hit.first, hit.last), kind=hit.rule.kind)
    rule = hit.rule
    kind = rule.kind
    if rule.needs is not None and ctx.anywhere(rule.needs) is None:
        f.active = False
        return f
    if rule.unless is not None and lx.find_all(rule.unless, doc.norm):
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

    # A class, a book, a volunteer shift: talk about the subject, unless the writer speaks of themself.
    about_self = f.explicit and f.subject == "self"
    if (
        not about_self
        and kind not in (lx.OD_SIGNS, lx.VIOLENCE_NOW, lx.COMMAND)
        and ctx.in_sentence("edu", hit.first)
    ):
        f.active = False
        return f

    if (kind in _FEARABLE or rule.hypothetical) and ctx.before_in_clause("fear", hit.first):
        f.active = False
        return f

    before = _words_before(doc, hit, 5)
    clause_words = _clause_words(doc, hit.first)
    f.intent = rule.intent or _attached(before, INTENT_WORDS)
    f.ideation = _attached(before, IDEATION_WORDS) and not f.intent
    present = not clause_words.isdisjoint(PRESENT_WORDS)
    f.past = (rule.tense == "past" or any(w in PAST_WORDS for w in before[-4:])) and not present
    # Dates belong to their clause ("years ago I tried..., today I'm well"), but a sentence with no
    # other date lends its date to the whole of it ("Last night, I took all my pills").
    recent_clause = ctx.in_clause("recent", hit.first)
    recent_sentence = ctx.in_sentence("recent", hit.first)
    distant_clause = ctx.in_clause("distant", hit.first)
    distant_sentence = ctx.in_sentence("distant", hit.first)
    if recent_clause and distant_clause and distant_clause[0] <= recent_clause[0] < distant_clause[1]:
        recent_clause = None  # "five years ago today" dates an anniversary
    f.recent = recent_clause is not None or (recent_sentence is not None and distant_sentence is None)
    if ctx.in_sentence("past", hit.first) is not None and not present and not f.recent:
        f.past = True

    distant = distant_clause is not None or (f.past and distant_sentence is not None)
    if distant and not present and recent_clause is None:
        f.active = False
        f.past = True
        return f
    if f.past and not f.recent and _recovered(ctx) is not None:
        f.active = False
        return f
    return f


def _escalator(findings: list[Finding], exclude: Finding, kinds: frozenset[str]) -> Finding | None:
    """The first other active finding of one of `kinds`, if any."""
    for other in findings:
        if other.active and other is not exclude and other.kind in kinds:
            return other
    return None


def _decide(f: Finding, findings: list[Finding], ctx: Context) -> None:
    """Set f.level (and f.because) from its kind, its context and the other findings."""
    kind = f.kind
    doc = ctx.doc
    time = ctx.in_sentence("time", f.hit.first)
    if time and f.hit.first <= time[0] < f.hit.last:
        time = None  # "don't want to wake up tomorrow": the date belongs to the wish itself
    escalators = _ESCALATORS
    if kind in (lx.BURDEN, lx.HOPELESS):
        escalators = _ESCALATORS - {lx.MEANS_HAVE, lx.LOCATION}
    other_esc = _escalator(findings, f, escalators)

    if f.subject == "you" and kind not in (lx.HARASS, lx.THREAT, lx.ABUSE_ACT):
        return

    if kind in (lx.ACT, lx.STATE, lx.PASSIVE) and f.subject == "we":
        return  # "we jumped in the river": people do things together for fun, not to die
    if kind == lx.ACT:
        if f.subject == "other":
            if f.past:
                f.level = CONCERN if f.recent else NONE_LEVEL
            elif f.intent or time or other_esc:
                f.level = URGENT
                f.because = (
                    ctx.quote(time) if time and not f.intent else (other_esc.quote if other_esc else "")
                )
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
        if f.past and ctx.in_sentence("laugh", f.hit.first):
            return  # "that meeting was so long I wanted to die lol"
        if f.subject == "other":
            if kind in (lx.BURDEN, lx.HOPELESS) or f.past:
                return
            # "says she wants to die and isn't answering": someone else's wish with a sign of acting on it
            sign = _escalator(findings, f, _OTHER_ESCALATORS)
            f.level = URGENT if (f.intent or time or sign) else CONCERN
            if sign is not None and not (f.intent or time):
                f.because = sign.quote
            return
        if f.past:
            f.level = CONCERN
            return
        f.level = CONCERN
        if kind in (lx.STATE, lx.PASSIVE) and (f.intent or time):
            f.level = URGENT
            f.because = ctx.quote(time) if time else ""
        elif kind == lx.BURDEN and time:
            f.level = URGENT
            f.because = ctx.quote(time)
        elif other_esc is not None:
            f.level = URGENT
            f.because = other_esc.quote
        return

    if kind in (lx.FAREWELL, lx.SAFETY, lx.MEANS_STRONG, lx.COMMAND, lx.VIOLENCE_NOW, lx.SH_SEVERE):
        f.level = CONCERN if f.past and not f.recent else URGENT
        return

    if kind == lx.MEANS_AT_HAND:
        lethal = not _LETHAL_MEANS.isdisjoint(doc.tokens[f.hit.first : f.hit.last])
        soft = _escalator(findings, f, frozenset({*_SUICIDAL_SOFT, lx.SH, lx.ACT}))
        if lethal or time or soft or other_esc or ctx.anywhere("distress"):
            f.level = URGENT
            f.because = ctx.quote(time) if time else (soft.quote if soft else "")
        else:
            f.level = CONCERN
        return

    if kind in lx.WEAK:
        f.weak = True
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
            f.because = ctx.quote(ctx.anywhere("emergency"))
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
        if f.hit.rule.subject is None and f.subject == "self" and f.explicit:
            return  # "I took my meds": the writer is not describing someone else's control
        f.level = CONCERN
        weapon = ctx.anywhere("weapon")
        if weapon and not f.past:
            f.level = URGENT
            f.because = ctx.quote(weapon)
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
            f.because = ctx.quote(weapon or time)
        return

    if kind in (lx.PSYCHOSIS_SIGN, lx.HARASS):
        f.level = CONCERN
        return


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
    picked = _candidates(doc)
    if not picked:
        return NONE
    bounds = doc.bounds
    ctx = Context(doc, bounds)
    findings: list[Finding] = []
    # Sentences are matched and weighed in order. A long message full of crisis language stops once it
    # holds enough urgent reasons: its level cannot change any more (nothing lowers another finding's
    # level); only reasons and categories found solely further on are left out.
    urgent_reasons: set[str] = set()
    sentence_of = doc.sentence
    total = len(doc.tokens)
    lo = 0
    while lo < total and len(urgent_reasons) < _ENOUGH_URGENT:
        hi = bisect_left(sentence_of, sentence_of[lo] + 1, lo)
        hits = _hits(doc, picked, bounds, lo, hi)
        lo = hi
        if hits:
            hits = _remove_suppressed(hits, doc)
        for hit in hits:
            f = _weigh(hit, doc, ctx)
            findings.append(f)
            if f.active and f.kind in _SELF_CONTAINED:
                _decide(f, findings, ctx)
                if f.level == URGENT:
                    urgent_reasons.add(_reason(f))
    if not findings:
        return NONE
    for f in findings:
        if f.active:
            f.level, f.because = NONE_LEVEL, ""
            _decide(f, findings, ctx)

    # Preparations rarely come alone: two of them (one more than a kind word) make it urgent.
    weak = [f for f in findings if f.active and f.weak]
    names = {f.hit.rule.name for f in weak}
    hard = {f.hit.rule.name for f in weak if f.kind != lx.SOFT_PREP}
    if (len(names) >= 2 and hard) or len(names) >= 3:
        for f in weak:
            f.level = URGENT
    counted = [f for f in findings if f.active and f.level > NONE_LEVEL]

    if not counted:
        denied = [f for f in findings if f.negated and not _NEGATED_RESIDUAL.isdisjoint(f.categories)]
        distress = ctx.anywhere("distress")
        if denied and distress:
            f = denied[0]
            f.level = CONCERN
            f.because = ctx.quote(distress)
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
    return Screening(level=LEVELS[level], categories=tuple(categories), reasons=tuple(reasons[:MAX_REASONS]))
