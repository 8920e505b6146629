"""The shape of a detection rule, and the helpers the language modules use to declare theirs.

A rule is a regular expression over *normalised* text (see normalize.py): lowercase ASCII words
separated by single spaces, with "," and "." standing for clause and sentence boundaries. Patterns
may use macros written <NAME>, expanded from the language's macro table, so that lists such as
medication names are written once.

Each rule names a *kind* (what sort of expression it is: a death wish, a plan, a relapse...) and the
categories it reports. The kind, not the rule, decides how context changes the level: see engine.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from alongside.safety.detector.anchors import first_stems, stems_of

# Categories reported in Screening.categories.
SUICIDE = "suicide"
SELF_HARM = "self_harm"
OVERDOSE = "overdose"
SUBSTANCE = "substance_use"
VIOLENCE = "violence"
ABUSE = "abuse"
PSYCHOSIS = "psychosis"
HOUSING = "housing"
HOPELESSNESS = "hopelessness"
HARASSMENT = "harassment"

# Kinds of expression.
ACT = "act"  # killing oneself, a method: urgent in the first person unless framed as a thought
STATE = "state"  # suicidal thoughts or feelings: concern, urgent with a plan, means or timing
PASSIVE = "passive"  # wishing to be dead or not to wake up: like STATE
BURDEN = "burden"  # others would be better off: concern, urgent with preparations or means
HOPELESS = "hopeless"  # no way out, cannot go on: like BURDEN
FAREWELL = "farewell"  # goodbye notes, "by the time you read this": urgent on its own
SAFETY = "safety"  # "I'm not safe tonight": urgent on its own
MEANS_STRONG = "means_strong"  # a loaded gun, a noose, saved-up pills: urgent on its own
MEANS_AT_HAND = "means_at_hand"  # pills in my hand: concern, urgent with anything else
# Weak signals: nothing on their own, urgent in pairs or next to a death wish or hopelessness.
PREP = "prep"
SOFT_PREP = "soft_prep"  # "love you all", "thanks for everything": only with something harder
PLAN = "plan"
PLAN_STRONG = "plan_strong"  # how and when decided: urgent on its own
IMPLICIT = "implicit"
TIMING = "timing"
MEANS_HAVE = "means_have"
LOCATION = "location"
RESEARCH = "research"
SH = "sh"  # self-harm urge or act: concern, urgent with stated intent
SH_SEVERE = "sh_severe"  # injury needing care: urgent
OD_ACT = "od_act"  # an overdose taken or being taken: urgent unless in the past
OD_SIGNS = "od_signs"  # not breathing, blue lips: urgent
MISUSE = "misuse"  # a few extra pills: concern
RELAPSE = "relapse"
CRAVING = "craving"
USE = "use"
NEAR_USE = "near_use"  # calling the dealer, parked outside the liquor store
ABUSE_ACT = "abuse"  # someone hurting, controlling or assaulting the writer: concern
THREAT = "threat"  # someone threatening to kill the writer: urgent
VIOLENCE_NOW = "violence_now"  # violence happening now: urgent
VIOLENCE_INTENT = "violence_intent"  # going to hurt someone: urgent
VIOLENCE_URGE = "violence_urge"  # wanting to hurt someone: concern
PSYCHOSIS_SIGN = "psychosis"
COMMAND = "command"  # voices ordering harm: urgent
HOUSING_LOSS = "housing"
HARASS = "harass"  # telling someone to kill themselves
IDIOM = "idiom"  # cancels overlapping findings ("this exam is killing me")
TOPIC = "topic"  # cancels overlapping findings ("suicide prevention", "died of an overdose")

SUPPRESSORS = frozenset({IDIOM, TOPIC})
WEAK = frozenset({PREP, SOFT_PREP, PLAN, IMPLICIT, TIMING, MEANS_HAVE, LOCATION, RESEARCH})

_MACRO = re.compile(r"<([A-Z_]+)>")
_DEFAULT_SUPPRESSES = frozenset({SUICIDE, SELF_HARM, OVERDOSE, VIOLENCE, ABUSE})


@dataclass(frozen=True, slots=True)
class Part:
    """One alternative pattern of a rule, compiled on its own so it can be indexed on its own words.

    stems: token prefixes of which any match contains one (see anchors.stems_of), None if unknown.
    first: (prefix, exact) stems the first token of a match begins with, None if unknown.
    """

    regex: re.Pattern[str]
    stems: frozenset[str] | None
    first: frozenset[tuple[str, bool]] | None


@dataclass(frozen=True, slots=True)
class Rule:
    """One detection pattern with what it means.

    subject: "self", "other" or "you" when the words settle who is at risk ("kill myself"), "poss"
    when a possessive inside the match does ("end my life" / "end his life"), None to look at the
    words before the match. tense: "past" when the words are past on their own ("relapsed").
    regex: all the rule's patterns as one alternation; parts: the same patterns one by one, which is
    how the engine tries them (see Part). needs: the name of a context marker that
    must be present somewhere in the message for the rule to count. suppresses: for idioms and
    topics, the categories of the findings they cancel. unless: for idioms, a pattern that, found
    anywhere in the message, switches the idiom off ("gonna kill me when she sees" is an idiom
    unless the message also mentions a weapon or a threat); for other rules, the same pattern found
    anywhere switches the finding off ("make sure my dog gets a good home" unless the writer is
    moving). hypothetical: an "if", a fear or a plan to avoid it earlier in the clause cancels the
    finding ("if I keep drinking I'm going to die"). intent: the words state intent on their own
    ("se va a matar"), as "going to" before them would. alone: a weak sign (a preparation) that is
    worth a person's look even with nothing else in the message: concern on its own.
    """

    name: str
    kind: str
    categories: tuple[str, ...]
    regex: re.Pattern[str]
    parts: tuple[Part, ...]
    lang: str
    subject: str | None = None
    tense: str | None = None
    needs: str | None = None
    suppresses: frozenset[str] = _DEFAULT_SUPPRESSES
    unless: re.Pattern[str] | None = None
    hypothetical: bool = False
    intent: bool = False
    alone: bool = False


def expand(pattern: str, macros: Mapping[str, str]) -> str:
    """Replace <NAME> macros, recursively."""
    for _ in range(10):
        expanded = _MACRO.sub(lambda m: macros[m.group(1)], pattern)
        if expanded == pattern:
            return expanded
        pattern = expanded
    raise ValueError(f"macro expansion does not terminate: {pattern[:80]}")


def compile_pattern(pattern: str, macros: Mapping[str, str]) -> re.Pattern[str]:
    """Compile a rule pattern so that it ends on a token boundary.

    The start is not anchored here: a leading assertion stops the regular-expression engine from
    skipping ahead to the characters a pattern can begin with, which makes it twenty times slower.
    Callers check the start themselves (see `find_all`).
    """
    return re.compile(r"(?:" + expand(pattern, macros) + r")(?![a-z0-9])")


def find_all(
    regex: re.Pattern[str], text: str, start: int = 0, end: int | None = None
) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) spans of `regex` in text[start:end] that begin at a token."""
    end = len(text) if end is None else end
    spans = []
    pos = start
    while pos < end:
        m = regex.search(text, pos, end)
        if m is None:
            break
        if m.start() > 0 and text[m.start() - 1] != " ":
            pos = m.start() + 1
            continue
        if m.end() > m.start():
            spans.append((m.start(), m.end()))
        pos = max(m.end(), m.start() + 1)
    return spans


class RuleSet:
    """Collects a language's rules; `add` is called once per rule at import time."""

    def __init__(self, lang: str, macros: Mapping[str, str]) -> None:
        self.lang = lang
        self.macros = dict(macros)
        self.rules: list[Rule] = []

    def add(
        self,
        name: str,
        kind: str,
        categories: str | Iterable[str],
        *patterns: str,
        subject: str | None = None,
        tense: str | None = None,
        needs: str | None = None,
        suppresses: Iterable[str] | None = None,
        unless: str | None = None,
        hypothetical: bool = False,
        intent: bool = False,
        alone: bool = False,
    ) -> None:
        """Declare a rule; several patterns become one alternation."""
        cats = (categories,) if isinstance(categories, str) else tuple(categories)
        regex = compile_pattern("|".join(f"(?:{p})" for p in patterns), self.macros)
        parts = []
        for p in patterns:
            part = compile_pattern(p, self.macros)
            parts.append(Part(part, stems_of(part), first_stems(part)))
        self.rules.append(
            Rule(
                name=f"{self.lang}.{name}",
                kind=kind,
                categories=cats,
                regex=regex,
                parts=tuple(parts),
                lang=self.lang,
                subject=subject,
                tense=tense,
                needs=needs,
                suppresses=frozenset(suppresses) if suppresses is not None else _DEFAULT_SUPPRESSES,
                unless=compile_pattern(unless, self.macros) if unless else None,
                hypothetical=hypothetical,
                intent=intent,
                alone=alone,
            )
        )

    def vocabulary(self) -> set[str]:
        """Every literal word the patterns mention, so normalisation leaves them as written."""
        words: set[str] = set()
        for rule in self.rules:
            words.update(re.findall(r"[a-z]{2,}", rule.regex.pattern))
        return words
