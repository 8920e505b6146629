"""Turns raw text into normalised tokens that the patterns are written against.

Each normalised token remembers which word of the original text it came from, so a finding can quote
the writer's own words back ("kms", not "kill myself"). Sentence and clause boundaries become the
tokens "." and "," so that no pattern can run across them, and each token records the sentence and
clause it belongs to for the context rules.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from alongside.safety.detector.words import (
    APOSTROPHE_FORMS,
    COMMON_WORDS,
    FUZZY_TARGETS,
    IS_BEFORE_S,
    PHRASES,
    SLANG,
    SLANG_BY_LOCALE,
)

_TOKEN_RE = re.compile(
    r"(?P<abbr>(?:[^\W\d_]\.)+[^\W\d_]\.?)"
    r"|(?P<word>[^\W_]+(?:(?:['’ʼ‘`´]|[*@$#]+)[^\W_]+)*)"
    r"|(?P<sent>[.!?;…]+|\n+)"
    r"|(?P<clause>[,:()\[\]{}\"“”«»—–]|\s-+\s|--+)"
    r"|(?P<laugh>[\U0001F602\U0001F923\U0001F480\U0001F606\U0001F639])"
)
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'", "´": "'"})
_RUN3 = re.compile(r"([a-z])\1{2,}")
_RUN2 = re.compile(r"([a-z])\1+")

# Words that start a new clause: negation and tense do not carry across them.
CONJUNCTIONS = frozenset(
    [
        "but",
        "and",
        "because",
        "though",
        "although",
        "however",
        "except",
        "yet",
        "whereas",
        "pero",
        "y",
        "aunque",
        "porque",
        "sino",
        "mientras",
    ]
)

SENTENCE = "."
CLAUSE = ","

_known_words: set[str] = set(COMMON_WORDS) | set(FUZZY_TARGETS)
for _tokens in SLANG.values():
    _known_words.update(_tokens)


def add_known_words(words: set[str]) -> None:
    """Registers the pattern vocabulary, so that its words are never respelled."""
    _known_words.update(words)
    _normalise_word.cache_clear()


def _fold(word: str) -> str:
    """Lowercase, strip accents, unify apostrophes."""
    word = unicodedata.normalize("NFKD", word.casefold().translate(_APOSTROPHES))
    return "".join(ch for ch in word if not unicodedata.combining(ch))


def _build_fuzzy_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for target in FUZZY_TARGETS:
        for i in range(1, len(target)):  # keep the first letter: misspellings rarely change it
            index.setdefault(target[:i] + target[i + 1 :], target)
    return index


_MISSING_LETTER = _build_fuzzy_index()


def _fuzzy(word: str) -> str | None:
    """The risk word `word` is one dropped, doubled or swapped letter away from, if any."""
    if len(word) < 4 or not word.isalpha():
        return None
    hit = _MISSING_LETTER.get(word)
    if hit is not None:
        return hit
    for i in range(1, len(word)):
        extra = word[:i] + word[i + 1 :]
        if extra in FUZZY_TARGETS:
            return extra
    for i in range(1, len(word) - 1):
        swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        if swapped in FUZZY_TARGETS:
            return swapped
    return None


def _respell(word: str) -> str:
    """Undo stretched letters ("diee", "soooo") and one-letter slips in risk words."""
    if word in _known_words or not word.isalpha():
        return word
    candidates = []
    if _RUN3.search(word):
        candidates.append(_RUN3.sub(r"\1\1", word))
    single = _RUN2.sub(r"\1", word)
    if single != word:
        candidates.append(single)
    for candidate in candidates:
        if candidate in _known_words:
            return candidate
    for candidate in [*candidates, word]:
        fixed = _fuzzy(candidate)
        if fixed is not None:
            return fixed
    return candidates[-1] if candidates else word


def _split_apostrophe(word: str) -> tuple[str, ...]:
    if word in APOSTROPHE_FORMS:
        return APOSTROPHE_FORMS[word]
    base, _, suffix = word.rpartition("'")
    base = base.replace("'", "")
    if suffix == "t" and base.endswith("n"):
        return (base + "t",)  # "don't" -> "dont", expanded by SLANG
    if suffix == "s":
        return (base, "is") if base in IS_BEFORE_S else (base,)
    if suffix == "re":
        return (base, "are")
    if suffix == "ve":
        return (base, "have")
    if suffix == "ll":
        return (base, "will")
    if suffix == "d":
        return (base, "would")
    if suffix == "m":
        return (base, "am")
    return (base + suffix,)


# Words people censor with symbols to get past filters ("k*ll", "s*icide", "d!e" is left alone).
_CENSORABLE = [
    "kill",
    "killing",
    "killed",
    "myself",
    "suicide",
    "suicidal",
    "die",
    "dying",
    "dead",
    "death",
    "overdose",
    "overdosing",
    "self",
    "harm",
    "cut",
    "cutting",
    "hang",
    "hanging",
    "noose",
    "pills",
    "unalive",
]
_CENSOR_MARKS = re.compile(r"[*@$#]+")


def _uncensor(word: str) -> str:
    pattern = re.compile(_CENSOR_MARKS.sub(lambda m: "." * len(m.group()), word) + r"\Z")
    matches = [w for w in _CENSORABLE if len(w) == len(word) and pattern.match(w)]
    if len(matches) == 1:
        return matches[0]
    return _CENSOR_MARKS.sub("", word)


@lru_cache(maxsize=65536)
def _normalise_word(raw: str, locale: str) -> tuple[str, ...]:
    word = _fold(raw).replace(".", "")
    if _CENSOR_MARKS.search(word):
        word = _uncensor(word)
    pieces = _split_apostrophe(word) if "'" in word else (word,)
    local = SLANG_BY_LOCALE.get(locale, {})
    out: list[str] = []
    for piece in pieces:
        if not piece:
            continue
        mapped = local.get(piece) or SLANG.get(piece)
        if mapped is None:
            respelled = _respell(piece)
            mapped = local.get(respelled) or SLANG.get(respelled) or (respelled,)
        out.extend(mapped)
    return tuple(out)


# "ill" is "i will" typed without an apostrophe unless it follows a word that makes it "sick".
_ILL_IS_SICK = frozenset(
    [
        "am",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "feel",
        "feeling",
        "felt",
        "so",
        "very",
        "really",
        "too",
        "mentally",
        "seriously",
        "terminally",
        "an",
        "get",
        "got",
        "getting",
        "fell",
        "falling",
        "look",
        "looks",
        "looked",
        "gravely",
        "critically",
    ]
)


@dataclass(slots=True)
class Doc:
    """One message, tokenised and normalised.

    `tokens[i]` came from the original words `first[i]`..`last[i]` (indices into `spans`, -1 for the
    boundary tokens "." and ","); `sentence[i]` and `clause[i]` number the sentence and clause it is
    in; `offsets[i]` is where it starts in `norm`, the tokens joined by single spaces; `bounds[s]` is
    the character range of sentence s in `norm`, including the "." that closes it.
    """

    text: str
    tokens: list[str] = field(default_factory=list)
    first: list[int] = field(default_factory=list)
    last: list[int] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    sentence: list[int] = field(default_factory=list)
    clause: list[int] = field(default_factory=list)
    offsets: list[int] = field(default_factory=list)
    bounds: list[tuple[int, int]] = field(default_factory=list)
    norm: str = ""

    def token_at(self, char: int) -> int:
        """The index of the token covering position `char` of `norm`."""
        return bisect_right(self.offsets, char) - 1

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Token indices [first, last) covered by the characters [start, end) of `norm`."""
        return self.token_at(start), self.token_at(end - 1) + 1

    def quote(self, first: int, last: int) -> str:
        """The original words behind tokens [first, last)."""
        starts = [self.first[i] for i in range(first, last) if self.first[i] >= 0]
        ends = [self.last[i] for i in range(first, last) if self.last[i] >= 0]
        if not starts:
            return ""
        return self.text[self.spans[min(starts)][0] : self.spans[max(ends)][1]]


def analyse(text: str, locale: str = "en") -> Doc:
    """Tokenise and normalise `text`. Never raises on any string input."""
    text = unicodedata.normalize("NFC", text)
    doc = Doc(text=text)
    spans = doc.spans
    raw: list[tuple[str, int, int]] = []  # (normalised token, first and last original word)
    add = raw.append
    normalise = _normalise_word
    for match in _TOKEN_RE.finditer(text):
        kind = match.lastgroup
        if kind == "word" or kind == "abbr":
            origin = len(spans)
            spans.append(match.span())
            for tok in normalise(match.group(), locale):
                add((tok, origin, origin))
        elif kind == "laugh":
            origin = len(spans)
            spans.append(match.span())
            add(("lol", origin, origin))
        elif raw:
            # Merge runs of boundaries, keeping the stronger; drop leading ones.
            boundary = SENTENCE if kind == "sent" else CLAUSE
            last = raw[-1][0]
            if last in (SENTENCE, CLAUSE):
                if boundary == SENTENCE:
                    raw[-1] = (SENTENCE, -1, -1)
            else:
                add((boundary, -1, -1))
    if not _PHRASE_FIRST.isdisjoint(tok for tok, _, _ in raw):
        raw = _apply_phrases(raw)

    tokens, firsts, lasts = doc.tokens, doc.first, doc.last
    sentences, clauses, offsets, bounds = doc.sentence, doc.clause, doc.offsets, doc.bounds
    sentence = clause = pos = 0
    sentence_start = 0
    previous = SENTENCE
    count = len(raw)
    for i, (tok, first_word, last_word) in enumerate(raw):
        if tok == "ill" and previous not in _ILL_IS_SICK and i + 1 < count and raw[i + 1][1] >= 0:
            pieces: tuple[str, ...] = ("i", "will")
        else:
            pieces = (tok,)
        for piece in pieces:
            if piece in CONJUNCTIONS:
                clause += 1
            # A boundary token belongs to the sentence and clause it closes.
            tokens.append(piece)
            firsts.append(first_word)
            lasts.append(last_word)
            sentences.append(sentence)
            clauses.append(clause)
            offsets.append(pos)
            pos += len(piece) + 1
            if piece == SENTENCE:
                bounds.append((sentence_start, pos - 1))
                sentence_start = pos
                sentence += 1
                clause += 1
            elif piece == CLAUSE:
                clause += 1
            previous = piece
    if sentence_start < pos:
        bounds.append((sentence_start, pos - 1))
    doc.norm = " ".join(tokens)
    return doc


_PHRASE_FIRST = {key[0] for key in PHRASES}
_BOUNDARIES = (SENTENCE, CLAUSE)


def _apply_phrases(raw: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    if not any(item[0] in _PHRASE_FIRST for item in raw):
        return raw
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(raw):
        tok = raw[i][0]
        if tok in _PHRASE_FIRST:
            for key, value in PHRASES.items():
                n = len(key)
                if key[0] == tok and tuple(item[0] for item in raw[i : i + n]) == key:
                    first, last = raw[i][1], raw[i + n - 1][2]
                    out.extend((v, first, last) for v in value)
                    i += n
                    break
            else:
                out.append(raw[i])
                i += 1
        else:
            out.append(raw[i])
            i += 1
    return out
