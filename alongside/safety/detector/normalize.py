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
from itertools import accumulate, chain, repeat
from operator import add
from typing import cast

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
    r"|(?P<clause>[,:()\[\]{}\"“”«»—–'‘’`´]|\s-+\s|--+)"
    r"|(?P<amp>(?<=\s)[&+](?=\s)|(?<=[^\W\d_])[&+](?=[^\W\d_]))"
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
    _chunk.cache_clear()
    _simple.cache_clear()


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


# Words a doubled letter may be undone towards ("diee", "deadd"). A word with no run of three letters
# is only shortened to one of these: most doubled letters are spelling ("peer", "teen", "odd"), and
# shortening them to any known word read "that's odd" as an overdose and "a teen" as "a ten".
_DOUBLED_TARGETS = FUZZY_TARGETS | frozenset(
    ["die", "dead", "kill", "cut", "hurt", "end", "gone", "alone", "help", "done", "sad", "tired", "want"]
)


def _respell(word: str) -> str:
    """Undo stretched letters ("diee", "soooo") and one-letter slips in risk words."""
    if word in _known_words or not word.isalpha():
        return word
    candidates = []
    stretched = _RUN3.search(word) is not None
    if stretched:
        candidates.append(_RUN3.sub(r"\1\1", word))
    single = _RUN2.sub(r"\1", word)
    if single != word and (stretched or (len(single) >= 3 and single in _DOUBLED_TARGETS)):
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
    the character range of sentence s in `norm`, including the "." that closes it. `quoted` holds the
    character ranges of `text` between a pair of quotation marks (a song line, what someone said).

    Where the words and quotation marks are in `text` is only needed to quote the writer back, so it
    is worked out on first use: analyse records for each word the whitespace-separated chunk it is in
    (`chunks`, `word_chunk`) and, when it is not the whole chunk, where in the chunk (`word_part`).
    """

    text: str
    tokens: list[str] = field(default_factory=list)
    first: list[int] = field(default_factory=list)
    last: list[int] = field(default_factory=list)
    sentence: list[int] = field(default_factory=list)
    clause: list[int] = field(default_factory=list)
    offsets: list[int] = field(default_factory=list)
    bounds: list[tuple[int, int]] = field(default_factory=list)
    norm: str = ""
    chunks: list[str] = field(default_factory=list)
    word_chunk: list[int] = field(default_factory=list)
    word_part: list[tuple[int, int] | None] = field(default_factory=list)
    quote_marks: list[tuple[int, int, int]] = field(default_factory=list)
    located: tuple[list[int], list[tuple[int, int]]] | None = None

    def _locate(self) -> tuple[list[int], list[tuple[int, int]]]:
        """Where each chunk starts in `text`, and the quoted ranges (worked out once)."""
        if self.located is None:
            bases = []
            pos = 0
            find = self.text.find
            for chunk in self.chunks:
                base = find(chunk, pos)
                bases.append(base)
                pos = base + len(chunk)
            quoted = []
            opened = -1  # where the open quotation began, -1 when none is open
            for number, start, stop in self.quote_marks:
                if opened < 0:
                    opened = bases[number] + stop
                else:
                    quoted.append((opened, bases[number] + start))
                    opened = -1
            self.located = (bases, quoted)
        return self.located

    def span(self, word: int) -> tuple[int, int]:
        """The character range in `text` of original word number `word`."""
        base = self._locate()[0][self.word_chunk[word]]
        part = self.word_part[word]
        if part is None:
            return base, base + len(self.chunks[self.word_chunk[word]])
        return base + part[0], base + part[1]

    @property
    def spans(self) -> list[tuple[int, int]]:
        """The character range in `text` of each original word."""
        return [self.span(word) for word in range(len(self.word_chunk))]

    @property
    def quoted(self) -> list[tuple[int, int]]:
        """The character ranges of `text` between a pair of quotation marks."""
        return self._locate()[1] if len(self.quote_marks) > 1 else []

    def token_at(self, char: int) -> int:
        """The index of the token covering position `char` of `norm`."""
        return bisect_right(self.offsets, char) - 1

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Token indices [first, last) covered by the characters [start, end) of `norm`."""
        return self.token_at(start), self.token_at(end - 1) + 1

    def in_quotes(self, first: int, last: int) -> bool:
        """Whether the original words behind tokens [first, last) all stand between quotation marks."""
        if len(self.quote_marks) < 2 or not self.quoted:
            return False
        words = [self.first[i] for i in range(first, last) if self.first[i] >= 0]
        if not words:
            return False
        start, end = self.span(min(words))[0], self.span(max(words))[1]
        return any(a <= start and end <= b for a, b in self.quoted)

    def quote(self, first: int, last: int) -> str:
        """The original words behind tokens [first, last)."""
        starts = [self.first[i] for i in range(first, last) if self.first[i] >= 0]
        ends = [self.last[i] for i in range(first, last) if self.last[i] >= 0]
        if not starts:
            return ""
        return self.text[self.span(min(starts))[0] : self.span(max(ends))[1]]


def analyse(text: str, locale: str = "en") -> Doc:
    """Tokenise and normalise `text`. Never raises on any string input."""
    text = unicodedata.normalize("NFC", text)
    doc = Doc(text=text)
    chunks, word_chunk, word_part = doc.chunks, doc.word_chunk, doc.word_part
    # The normalised tokens and, for each, the original word it came from (-1 for boundaries).
    toks: list[str] = []
    words: list[int] = []
    for number, line in enumerate(text.split("\n")):
        if number and toks:
            _boundary(toks, words, SENTENCE)  # a line break ends a sentence
        line_chunks = line.split()
        if not line_chunks:
            continue
        # Most chunks are one word from end to end ("kms", "don't"); runs of them are taken in bulk,
        # with the normalisation of each looked up in C (a cache hit runs no Python code).
        simples = list(map(_simple, line_chunks, repeat(locale)))
        at = 0
        count = len(line_chunks)
        while at < count:
            try:
                stop = simples.index(None, at)
            except ValueError:
                stop = count
            if stop > at:
                plain = cast(list[tuple[str, ...]], simples[at:stop])  # no None before `stop`
                word = len(word_chunk)
                chunk = len(chunks)
                toks.extend(chain.from_iterable(plain))
                words.extend(
                    chain.from_iterable(map(repeat, range(word, word + len(plain)), map(len, plain)))
                )
                word_chunk.extend(range(chunk, chunk + len(plain)))
                word_part.extend(repeat(None, len(plain)))
                chunks.extend(line_chunks[at:stop])
            if stop < count:
                _analyse_chunk(doc, line_chunks[stop], locale, toks, words)
            at = stop + 1
    firsts, lasts = words, list(words)
    present = set(toks)
    if not _SPECIAL.isdisjoint(present):  # a token that may start a phrase, "would" or "ill"
        if not _PHRASE_FIRST.isdisjoint(present) and _has_phrase(toks, present):
            toks, firsts, lasts = _apply_phrases(toks, firsts, lasts)
        if "would" in present:
            # "he'd been" and "i'd had" are "had", never "would": "would been" is no English.
            i = -1
            try:
                while True:
                    i = toks.index("would", i + 1)
                    if i + 1 < len(toks) and toks[i + 1] in ("been", "had"):
                        toks[i] = "had"
            except ValueError:
                pass
        if "ill" in present:
            toks, firsts, lasts = _split_ill(toks, firsts, lasts)
    tokens = doc.tokens = toks
    doc.first = firsts
    doc.last = lasts
    # Offsets in `norm`, and sentence and clause numbers filled in runs between the boundary tokens
    # (a boundary token belongs to the sentence and clause it closes; a conjunction opens a clause).
    count = len(tokens)
    doc.offsets = list(map(add, accumulate(map(len, tokens), initial=0), range(count)))
    breaks = _BREAKS
    marks = [(i, breaks[tok]) for i, tok in enumerate(tokens) if tok in breaks]
    sentences: list[int] = []
    clauses: list[int] = []
    bounds = doc.bounds
    sentence = clause = 0
    start = 0  # first token not yet numbered
    sentence_start = 0  # first token of the current sentence
    for i, brk in marks:
        if brk == _CONJUNCTION:
            length = i - start  # the conjunction itself opens the new clause
            sentences += [sentence] * length
            clauses += [clause] * length
            clause += 1
            start = i
            continue
        length = i + 1 - start
        sentences += [sentence] * length
        clauses += [clause] * length
        start = i + 1
        clause += 1
        if brk == _SENTENCE_BREAK:
            bounds.append((doc.offsets[sentence_start], doc.offsets[i] + 1))
            sentence_start = i + 1
            sentence += 1
    length = count - start
    sentences += [sentence] * length
    clauses += [clause] * length
    if sentence_start < count:
        bounds.append((doc.offsets[sentence_start], doc.offsets[count - 1] + len(tokens[count - 1])))
    doc.sentence = sentences
    doc.clause = clauses
    doc.norm = " ".join(tokens)
    return doc


def _analyse_chunk(doc: Doc, chunk: str, locale: str, toks: list[str], words: list[int]) -> None:
    """The tokens of a chunk that is not one plain word: punctuation, quotation marks, emoji..."""
    number = len(doc.chunks)
    doc.chunks.append(chunk)
    for kind, start, stop, value in _chunk(chunk, locale):
        if kind == _WORD:
            origin = len(doc.word_chunk)
            doc.word_chunk.append(number)
            doc.word_part.append((start, stop))
            toks.extend(value)
            words.extend([origin] * len(value))
        elif kind == _QUOTE:
            doc.quote_marks.append((number, start, stop))
            if toks:
                _boundary(toks, words, CLAUSE)
        elif toks:
            _boundary(toks, words, value[0])


def _boundary(toks: list[str], words: list[int], boundary: str) -> None:
    """Add a sentence or clause boundary, merging runs of them into the stronger one."""
    last = toks[-1]
    if last in (SENTENCE, CLAUSE):
        if boundary == SENTENCE:
            toks[-1] = SENTENCE
    else:
        toks.append(boundary)
        words.append(-1)


_WORD, _QUOTE, _BREAK = 0, 1, 2
# Tokens after which analyse has more to do: phrase starts, "would" ("would been"), "ill".
_SPECIAL = frozenset({*(key[0] for key in PHRASES), "would", "ill"})
_Entry = tuple[int, int, int, tuple[str, ...]]


@lru_cache(maxsize=65536)
def _simple(chunk: str, locale: str) -> tuple[str, ...] | None:
    """The normalised tokens of a chunk that is one word from end to end ("kms", "don't"), else None."""
    entries = _chunk(chunk, locale)
    if len(entries) == 1:
        kind, start, stop, value = entries[0]
        if kind == _WORD and start == 0 and stop == len(chunk):
            return value
    return None


@lru_cache(maxsize=65536)
def _chunk(chunk: str, locale: str) -> tuple[_Entry, ...]:
    """The tokens of one whitespace-separated chunk of text: (kind, start, end, value) with positions in
    the chunk. Words (and "&", emoji that laugh) carry their normalised tokens; boundaries carry the
    boundary token. Chunks repeat from message to message ("i", "the", "lol,"), so each is worked out
    once: matching the tokenising expression over every message was a fifth of the time screening took.
    """
    entries: list[_Entry] = []
    padded = " " + chunk + " "  # so that "&" and " - " standing alone are seen with the spaces around them
    for match in _TOKEN_RE.finditer(padded):
        kind = match.lastgroup
        start, stop = match.start() - 1, match.end() - 1
        if kind == "word" or kind == "abbr":
            entries.append((_WORD, start, stop, _normalise_word(match.group(), locale)))
        elif kind == "amp":  # "pills + the wine", "drunk&high": "and", which the patterns join on
            entries.append((_WORD, start, stop, ("and",)))
        elif kind == "laugh":
            entries.append((_WORD, start, stop, ("lol",)))
        elif kind == "clause" and match.group() in _QUOTES:
            entries.append((_QUOTE, start, stop, (CLAUSE,)))
        else:
            entries.append(
                (_BREAK, max(start, 0), min(stop, len(chunk)), (SENTENCE if kind == "sent" else CLAUSE,))
            )
    return tuple(entries)


_CONJUNCTION, _CLAUSE_BREAK, _SENTENCE_BREAK = 1, 2, 3
_BREAKS = {**dict.fromkeys(CONJUNCTIONS, _CONJUNCTION), CLAUSE: _CLAUSE_BREAK, SENTENCE: _SENTENCE_BREAK}


def _split_ill(
    toks: list[str], firsts: list[int], lasts: list[int]
) -> tuple[list[str], list[int], list[int]]:
    """ "ill" is "i will" typed without an apostrophe, unless a word before it makes it "sick"."""
    out: list[str] = []
    out_first: list[int] = []
    out_last: list[int] = []
    previous = SENTENCE
    count = len(toks)
    for i, tok in enumerate(toks):
        if tok == "ill" and previous not in _ILL_IS_SICK and i + 1 < count and firsts[i + 1] >= 0:
            out += ("i", "will")
            out_first += (firsts[i], firsts[i])
            out_last += (lasts[i], lasts[i])
            previous = "will"
        else:
            out.append(tok)
            out_first.append(firsts[i])
            out_last.append(lasts[i])
            previous = tok
    return out, out_first, out_last


_QUOTES = frozenset("\"“”«»'‘’`´")
_PHRASE_FIRST = {key[0] for key in PHRASES}


_PHRASES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _key in PHRASES:
    _PHRASES_BY_FIRST.setdefault(_key[0], []).append(_key)


def _has_phrase(toks: list[str], present: set[str]) -> bool:
    """Whether any phrase of PHRASES occurs in `toks` (found with list.index, in C)."""
    for first in _PHRASE_FIRST.intersection(present):
        keys = _PHRASES_BY_FIRST[first]
        i = -1
        try:
            while True:
                i = toks.index(first, i + 1)
                for key in keys:
                    if tuple(toks[i : i + len(key)]) == key:
                        return True
        except ValueError:
            continue
    return False


def _apply_phrases(
    toks: list[str], firsts: list[int], lasts: list[int]
) -> tuple[list[str], list[int], list[int]]:
    """Rewrite multi-token phrases ("sewer slide" -> "suicide"); the result spans the phrase's words."""
    out: list[str] = []
    out_first: list[int] = []
    out_last: list[int] = []
    i = 0
    count = len(toks)
    while i < count:
        tok = toks[i]
        if tok in _PHRASE_FIRST:
            for key, value in PHRASES.items():
                n = len(key)
                if key[0] == tok and tuple(toks[i : i + n]) == key:
                    first, last = firsts[i], lasts[i + n - 1]
                    out.extend(value)
                    out_first.extend([first] * len(value))
                    out_last.extend([last] * len(value))
                    i += n
                    break
            else:
                out.append(tok)
                out_first.append(firsts[i])
                out_last.append(lasts[i])
                i += 1
        else:
            out.append(tok)
            out_first.append(firsts[i])
            out_last.append(lasts[i])
            i += 1
    return out, out_first, out_last
