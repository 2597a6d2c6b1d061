"""Tokens of an article and the spelling-insensitive keys they are matched by."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# words (with inner apostrophes and hyphens) and dotted abbreviations (U.S., U.K.)
TOKEN_RE = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:['’ʼ`\-][^\W\d_]+)*|\d+[^\W\d_]+|[^\W\d_]+\d+")
CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_SKELETON = str.maketrans({
    "ё": "е", "є": "е", "э": "е", "і": "и", "ї": "и", "ы": "и", "ґ": "г", "ь": None, "ъ": None,
    "'": None, "’": None, "ʼ": None, "`": None, ".": None, "ў": "у",
})
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'"})


def skeleton(word: str) -> str:
    """Lower case, Ukrainian and Russian spellings merged (є/е/э, і/и/ы, ь dropped)."""
    return word.lower().translate(_SKELETON)


def normalize_apostrophes(word: str) -> str:
    return word.translate(_APOSTROPHES)


def is_cyrillic(word: str) -> bool:
    return bool(CYRILLIC_RE.search(word))


def tokenize(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in TOKEN_RE.finditer(text)]


@dataclass
class Token:
    start: int
    end: int
    text: str
    keys: frozenset[str] = frozenset()  # surface skeleton + lemma skeletons
    lemmas: tuple[str, ...] = ()  # dictionary lemmas (lower case), best first
    initial: bool = False  # first word of a sentence (or of the title)
    joined: bool = True  # only spaces (or a hyphen) separate it from the previous token
    covered: object = None  # the entity that took it
    info: dict = field(default_factory=dict)

    cap: bool = False  # starts with a capital
    upper: bool = False  # all capitals, two letters or more

    def __post_init__(self) -> None:
        self.cap = self.text[:1].isupper()
        self.upper = self.cap and self.text.isupper() and sum(c.isalpha() for c in self.text) >= 2
