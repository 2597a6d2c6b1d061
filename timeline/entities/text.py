"""Tokens of an article and the spelling-insensitive keys they are matched by."""

from __future__ import annotations

import re

# words (with inner apostrophes and hyphens), dotted abbreviations (U.S., U.K.) and digits
# followed by letters ("5G"); the lookahead only makes a run of digits fail fast (the pattern
# is a hot path: every article is split with it)
TOKEN_RE = re.compile(r"[A-Z]\.(?:[A-Z]\.)+|[^\W\d_]+(?:['’ʼ`\-][^\W\d_]+)*|\d+(?=[^\W\d_])[^\W\d_]+")
CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
SKELETON_TABLE = str.maketrans({
    "ё": "е", "є": "е", "э": "е", "і": "и", "ї": "и", "ы": "и", "ґ": "г", "ь": None, "ъ": None,
    "'": None, "’": None, "ʼ": None, "`": None, ".": None, "ў": "у",
})
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'"})


def skeleton(word: str) -> str:
    """Lower case, Ukrainian and Russian spellings merged (є/е/э, і/и/ы, ь dropped)."""
    return word.lower().translate(SKELETON_TABLE)


def normalize_apostrophes(word: str) -> str:
    if word.isalpha() and "ʼ" not in word:  # most words: no translate (ʼ is a letter to isalpha)
        return word
    return word.translate(_APOSTROPHES)


def is_cyrillic(word: str) -> bool:
    """Any Cyrillic letter (names mix scripts rarely; the first letters decide fast)."""
    for c in word[:3]:
        if "\u0400" <= c <= "\u04ff":
            return True
    return bool(CYRILLIC_RE.search(word, 3)) if len(word) > 3 else False


def tokenize(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in TOKEN_RE.finditer(text)]


class Token:
    """One word of the article with what matching needs to know about it."""

    __slots__ = ("start", "end", "text", "keys", "lemmas", "initial", "joined", "near", "skipped", "cap", "upper")

    def __init__(self, start: int, end: int, text: str, keys: frozenset[str] = frozenset(), lemmas: tuple[str, ...] = (),
                 initial: bool = False, joined: bool = True, near: bool | None = None, skipped: int = 0) -> None:
        self.start, self.end, self.text = start, end, text
        self.keys = keys  # surface skeleton + lemma skeletons (+ nominative guesses)
        self.lemmas = lemmas  # dictionary lemmas (lower case), best first
        self.initial = initial  # first word of a sentence (or of the title)
        self.joined = joined  # only spaces (or a hyphen) separate it from the previous token
        self.near = joined if near is None else near  # ... or also lower-case words left out of the list (same clause)
        self.skipped = skipped  # how many such words
        self.cap = text[:1].isupper()  # starts with a capital
        self.upper = self.cap and text.isupper() and len(text) >= 2  # all capitals

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"
