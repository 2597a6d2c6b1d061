"""Language stage: pick the language whose resource data best fits the text.

Scores come from `timeline/lang/<code>/language.toml` (distinctive letters and stopwords),
so a new language folder is detected without touching this engine.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from .document import Document
from .lang import languages, resource

_WORD = re.compile(r"\w+", re.UNICODE)
_DIGIT = re.compile(r"\d")
_ASCII_LETTERS = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _count_cyrillic(utf8: bytes) -> int:
    """Characters U+0400..U+04FF: in UTF-8 exactly the sequences led by the bytes D0..D3."""
    return utf8.count(b"\xd0") + utf8.count(b"\xd1") + utf8.count(b"\xd2") + utf8.count(b"\xd3")


def _count_latin(utf8: bytes) -> int:
    """Characters a-z, A-Z (ASCII bytes never occur inside a multi-byte sequence)."""
    return len(utf8) - len(utf8.translate(None, _ASCII_LETTERS))


_SCRIPT_COUNTS = {"Cyrillic": _count_cyrillic, "Latin": _count_latin}


@cache
def _profiles() -> dict[str, tuple[str, frozenset[str], frozenset[str]]]:
    out = {}
    for code in languages():
        res = resource(code, "language")
        out[code] = (res.get("script", ""), frozenset(res.get("letters", [])), frozenset(res.get("stopwords", [])))
    return out


def guess_language(text: str) -> str | None:
    """Best-fitting language code, or None when nothing fits (no letters, unknown script).

    Runs once a document: the counts are made once (a script's share of the letters, each
    word's frequency) and shared by the languages that use them."""
    sample = text[:5000].lower()
    tokens = _WORD.findall(sample)
    if not tokens:
        return None
    words = Counter(tokens)
    present = set(words)  # a set: `stops & present` then walks the smaller of the two
    n_words = len(tokens)
    best, best_score = None, 0.0
    # letters ([^\W\d_]): the words' characters (\w) but digits and underscores
    n_letters = len("".join(tokens)) - len(_DIGIT.findall(sample)) - sample.count("_")
    utf8 = sample.encode("utf-8", "surrogatepass")
    shares: dict[str, float] = {}
    for code, (script, letters, stops) in _profiles().items():
        if script not in shares:  # the share of the sample's letters written in `script`
            count = _SCRIPT_COUNTS.get(script)
            shares[script] = count(utf8) / n_letters if n_letters and count is not None else 0.0
        share = shares[script]
        if share < 0.3:
            continue
        stop_hits = sum(map(words.__getitem__, stops & present)) / n_words
        letter_hits = sum(map(sample.count, letters)) / max(1, len(sample))
        score = share + 3 * stop_hits + 20 * letter_hits
        if score > best_score:
            best, best_score = code, score
    return best


def detect_language(doc: Document) -> Document:
    """Keep a language the user gave; otherwise guess it from the body text."""
    if not doc.lang:
        doc.lang = guess_language(doc.text[doc.body_start :]) or guess_language(doc.text)
    return doc
