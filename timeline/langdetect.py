"""Language stage: pick the language whose resource data best fits the text.

Scores come from `timeline/lang/<code>/language.toml` (distinctive letters and stopwords),
so a new language folder is detected without touching this engine.
"""

from __future__ import annotations

import re
from functools import cache

from .document import Document
from .lang import languages, resource

_WORD = re.compile(r"\w+", re.UNICODE)
_LETTER = re.compile(r"[^\W\d_]")
_SCRIPT_LETTERS = {"Cyrillic": re.compile("[\u0400-\u04ff]"), "Latin": re.compile("[a-zA-Z]")}


@cache
def _profiles() -> dict[str, tuple[str, frozenset[str], frozenset[str]]]:
    out = {}
    for code in languages():
        res = resource(code, "language")
        out[code] = (res.get("script", ""), frozenset(res.get("letters", [])), frozenset(res.get("stopwords", [])))
    return out


def _script_share(text: str, script: str, letters: int) -> float:
    """Share of the text's letters written in `script` (regex counts: this runs per document)."""
    rx = _SCRIPT_LETTERS.get(script)
    if not letters or rx is None:
        return 0.0
    return len(rx.findall(text)) / letters


def guess_language(text: str) -> str | None:
    """Best-fitting language code, or None when nothing fits (no letters, unknown script)."""
    sample = text[:5000].lower()
    words = _WORD.findall(sample)
    if not words:
        return None
    best, best_score = None, 0.0
    n_letters = len(_LETTER.findall(sample))
    for code, (script, letters, stops) in _profiles().items():
        share = _script_share(sample, script, n_letters)
        if share < 0.3:
            continue
        stop_hits = sum(w in stops for w in words) / len(words)
        letter_hits = sum(sample.count(ch) for ch in letters) / max(1, len(sample))
        score = share + 3 * stop_hits + 20 * letter_hits
        if score > best_score:
            best, best_score = code, score
    return best


def detect_language(doc: Document) -> Document:
    """Keep a language the user gave; otherwise guess it from the body text."""
    if not doc.lang:
        doc.lang = guess_language(doc.text[doc.body_start :]) or guess_language(doc.text)
    return doc
