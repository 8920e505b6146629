"""Work out, from a compiled pattern, which words must be in a text for the pattern to match.

Rules and markers are regular expressions over normalised tokens. Trying every one of them on every
sentence would make long messages slow, so each pattern gets a set of *stems*: token prefixes such
that any match contains a token starting with one of them ("kill" for "kill(?:ing)? myself"). A
pattern is only tried on sentences holding such a token. Deriving the stems from the pattern itself,
rather than listing them by hand next to it, means they cannot drift apart.

The analysis walks the parse tree of the `re` module. If it cannot find a safe set (or the parser's
internals change), the pattern simply has no stems and is tried everywhere: slower, never wrong.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

_parser: Any
_c: Any
try:  # the parser is internal to `re`; without it every pattern is tried everywhere
    _parser = importlib.import_module("re._parser")
    _c = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - other Python versions
    _parser = None
    _c = None

_SPACE = ord(" ")

# Stems that would select nearly every sentence; a candidate set containing one is a poor choice.
_COMMON = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "for",
        "from",
        "get",
        "go",
        "going",
        "got",
        "had",
        "has",
        "have",
        "he",
        "her",
        "him",
        "his",
        "how",
        "i",
        "if",
        "in",
        "is",
        "it",
        "just",
        "like",
        "me",
        "my",
        "no",
        "not",
        "now",
        "of",
        "on",
        "or",
        "our",
        "out",
        "she",
        "so",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "they",
        "this",
        "to",
        "up",
        "us",
        "was",
        "we",
        "were",
        "what",
        "when",
        "will",
        "with",
        "would",
        "you",
        "your",
        "all",
        "one",
        "some",
        "very",
        "de",
        "el",
        "la",
        "lo",
        "los",
        "las",
        "me",
        "mi",
        "no",
        "que",
        "se",
        "te",
        "un",
        "una",
        "y",
        "ya",
        "yo",
        "en",
        "es",
        "por",
        "con",
        "para",
    ]
)


def _weak(stem: str) -> bool:
    return len(stem) < 3 or stem in _COMMON


def _score(stems: frozenset[str]) -> tuple[int, int]:
    return (sum(1 for s in stems if _weak(s)), len(stems))


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if _score(a) <= _score(b) else b


def _analyse(items: Any, at_start: bool | None) -> tuple[frozenset[str] | None, bool | None]:
    """(best required stem set, whether the sequence ends on a token start).

    at_start is True when the sequence begins where a token begins, False when inside a token, None
    when unknown.
    """
    best: frozenset[str] | None = None
    run: list[str] = []
    run_at_start = False

    def flush() -> None:
        nonlocal best, run
        if run and run_at_start:
            best = _better(best, frozenset({"".join(run)}))
        run = []

    for op, av in items:
        if op is _c.LITERAL:
            if av == _SPACE:
                flush()
                at_start = True
            else:
                if not run:
                    run_at_start = at_start is True
                run.append(chr(av))
                at_start = False
        elif op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero-width
        elif op is _c.SUBPATTERN:
            inner = av[-1]
            mid_token = bool(run)
            flush()
            sub_best, sub_end = _analyse(inner, False if mid_token else at_start)
            if not mid_token:
                best = _better(best, sub_best)
            at_start = sub_end
        elif op is _c.BRANCH:
            alternatives = av[1]
            mid_token = bool(run)
            if mid_token and run_at_start:
                # "g(?:ive|ave)": the parser factors common prefixes out; put them back together.
                best = _better(best, frozenset("".join(run) + _literal_prefix(alt) for alt in alternatives))
                run = []
            flush()
            start = False if mid_token else at_start
            results = [_analyse(alt, start) for alt in alternatives]
            if not mid_token and all(r[0] is not None for r in results):
                union: frozenset[str] = frozenset()
                for r in results:
                    union |= r[0] or frozenset()
                best = _better(best, union)
            ends = {r[1] for r in results}
            at_start = ends.pop() if len(ends) == 1 else None
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            low, _, body = av
            mid_token = bool(run)
            flush()
            start = False if mid_token else at_start
            sub_best, sub_end = _analyse(body, start)
            if low >= 1 and not mid_token:
                best = _better(best, sub_best)
            # Skipping an optional repeat leaves the position as it was; taking it ends where the body ends.
            at_start = (start if sub_end == start else None) if low == 0 else sub_end
        else:  # a character class, any character, a category: the token is no longer known
            flush()
            at_start = False
    flush()
    return best, at_start


def _literal_prefix(items: Any) -> str:
    chars = []
    for op, av in items:
        if op is not _c.LITERAL or av == _SPACE:
            break
        chars.append(chr(av))
    return "".join(chars)


Stem = tuple[str, bool]  # (prefix, True when the token must be exactly that word)


def _charset(av: Any) -> frozenset[Stem] | None:
    """First characters of a small character class such as [6-9] or \\d, as one-letter stems."""
    chars: set[str] = set()
    for op, value in av:
        if op is _c.LITERAL:
            chars.add(chr(value))
        elif op is _c.RANGE and value[1] - value[0] < 12:
            chars.update(chr(c) for c in range(value[0], value[1] + 1))
        elif op is _c.CATEGORY and value is _c.CATEGORY_DIGIT:
            chars.update("0123456789")
        else:
            return None
    return frozenset((ch, False) for ch in chars) if chars and " " not in chars else None


def _run_prefixes(items: list[Any], start: int, then_space: bool) -> frozenset[Stem]:
    """Stems of the token starting at items[start], through one factored-out branch.

    then_space: whether the enclosing sequence continues with a space after `items`.
    """
    run = []
    i = start
    while i < len(items) and items[i][0] is _c.LITERAL and items[i][1] != _SPACE:
        run.append(chr(items[i][1]))
        i += 1
    head = "".join(run)

    def ends_token(j: int, seq: list[Any], outer_space: bool) -> bool:
        if j < len(seq):
            return seq[j][0] is _c.LITERAL and seq[j][1] == _SPACE
        return outer_space

    if i < len(items) and items[i][0] is _c.BRANCH:
        after_space = ends_token(i + 1, items, then_space)
        stems = set()
        for alt in items[i][1][1]:
            alt = list(alt)
            prefix = _literal_prefix(alt)
            stems.add((head + prefix, ends_token(len(prefix), alt, after_space)))
        return frozenset(stems)
    return frozenset({(head, ends_token(i, items, then_space))})


def _first(items: Any, then_space: bool = False) -> tuple[frozenset[Stem] | None, bool]:
    """(stems the first token of a match can start with, whether the sequence can match nothing)."""
    items = list(items)
    found: set[Stem] = set()
    for index, (op, av) in enumerate(items):
        rest_space = index + 1 < len(items) and items[index + 1] == (_c.LITERAL, _SPACE)
        if op is _c.LITERAL:
            if av == _SPACE:
                return None, False
            return frozenset(found | _run_prefixes(items, index, then_space)), False
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue
        stems: frozenset[Stem] | None
        if op is _c.SUBPATTERN:
            stems, nullable = _first(av[-1], rest_space)
        elif op is _c.BRANCH:
            collected: set[Stem] = set()
            nullable = False
            for alt in av[1]:
                alt_stems, alt_nullable = _first(alt, rest_space)
                if alt_stems is None:
                    return None, False
                collected |= alt_stems
                nullable = nullable or alt_nullable
            stems = frozenset(collected)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            stems, nullable = _first(av[2], av[1] == 1 and rest_space)
            if stems is not None and av[1] != 1:
                stems = frozenset((s, False) for s, _ in stems)
            nullable = nullable or av[0] == 0
        elif op is _c.IN:
            stems, nullable = _charset(av), False
        else:
            return None, False
        if stems is None:
            return None, False
        found |= stems
        if not nullable:
            return frozenset(found), False
    return frozenset(found), True


def first_stems(regex: re.Pattern[str]) -> frozenset[Stem] | None:
    """Stems the first token of any match of `regex` starts with (exact words or prefixes); None if unknown."""
    if _parser is None:
        return None
    try:
        stems, nullable = _first(list(_parser.parse(regex.pattern, regex.flags)))
    except Exception:  # internals changed: match by searching instead
        return None
    if stems is None or nullable or any(not s for s, _ in stems):
        return None
    return stems


def stems_of(regex: re.Pattern[str]) -> frozenset[str] | None:
    """Token prefixes of which any match of `regex` contains at least one; None if unknown.

    The pattern is assumed to start matching at the beginning of a token, as lexicon.find_all ensures.
    """
    if _parser is None:
        return None
    try:
        tree = _parser.parse(regex.pattern, regex.flags)
        best, _ = _analyse(list(tree), True)
    except Exception:  # any surprise in the parser's internals: fall back to trying everywhere
        return None
    if best is None or any(not s for s in best):
        return None
    return best


def _max_spaces(items: Any) -> int | None:
    """The most spaces a match of the sequence can hold; None when there is no bound."""
    total = 0
    for op, av in items:
        if op is _c.LITERAL:
            total += av == _SPACE
        elif op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero-width
        elif op is _c.IN:
            for item_op, value in av:
                if item_op is _c.NEGATE or (item_op is _c.LITERAL and value == _SPACE):
                    return None
                if item_op is _c.RANGE and value[0] <= _SPACE <= value[1]:
                    return None
                if item_op is _c.CATEGORY and value not in (_c.CATEGORY_WORD, _c.CATEGORY_DIGIT):
                    return None
        elif op is _c.CATEGORY:
            if av not in (_c.CATEGORY_WORD, _c.CATEGORY_DIGIT):
                return None
        elif op is _c.SUBPATTERN:
            inner = _max_spaces(av[-1])
            if inner is None:
                return None
            total += inner
        elif op is _c.BRANCH:
            widest = 0
            for alternative in av[1]:
                inner = _max_spaces(alternative)
                if inner is None:
                    return None
                widest = max(widest, inner)
            total += widest
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            _, high, body = av
            inner = _max_spaces(body)
            if inner is None:
                return None
            if inner:
                if high is _c.MAXREPEAT or high >= _c.MAXREPEAT:
                    return None
                total += inner * high
        else:  # any character, a back reference...: no bound
            return None
    return total


def max_tokens(regex: re.Pattern[str]) -> int | None:
    """The most tokens a match of `regex` can cover (spaces + 1); None when unbounded or unknown."""
    if _parser is None:
        return None
    try:
        spaces = _max_spaces(list(_parser.parse(regex.pattern, regex.flags)))
    except Exception:  # internals changed: no bound
        return None
    return None if spaces is None else spaces + 1


class StemIndex:
    """Which patterns to try for which tokens.

    Each pattern has a set of stems, plain prefixes or (prefix, exact) pairs; None means "always".
    """

    def __init__(self, stems: list[frozenset[str] | frozenset[Stem] | None]) -> None:
        self.always = tuple(i for i, s in enumerate(stems) if s is None)
        self._exact: dict[str, list[int]] = {}
        self._by_stem: dict[str, list[int]] = {}
        for i, entries in enumerate(stems):
            for entry in entries or ():
                stem, exact = entry if isinstance(entry, tuple) else (entry, False)
                (self._exact if exact else self._by_stem).setdefault(stem, []).append(i)
        self._lengths = tuple(sorted({len(stem) for stem in self._by_stem}))
        self._memo: dict[str, tuple[int, ...]] = {}
        self._set_memo: dict[str, frozenset[int]] = {}

    def for_token(self, token: str) -> tuple[int, ...]:
        """Indices of the patterns with a stem that is `token` or begins it."""
        found = self._memo.get(token)
        if found is None:
            hits: set[int] = set(self._exact.get(token, ()))
            for n in self._lengths:
                if n > len(token):
                    break
                ids = self._by_stem.get(token[:n])
                if ids:
                    hits.update(ids)
            found = tuple(sorted(hits))
            if len(self._memo) < 100_000:
                self._memo[token] = found
        return found

    def set_for_token(self, token: str) -> frozenset[int]:
        """The same as for_token, as a set, for intersecting with the patterns worth trying."""
        found = self._set_memo.get(token)
        if found is None:
            found = frozenset(self.for_token(token))
            if len(self._set_memo) < 100_000:
                self._set_memo[token] = found
        return found
