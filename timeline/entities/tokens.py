"""Turn a document's title and body into Tokens with their match keys."""

from __future__ import annotations

import re
from functools import lru_cache

from ..document import Document
from ..lang import resource
from . import morph
from .gazetteer import index
from .text import TOKEN_RE, Token, is_cyrillic, normalize_apostrophes, skeleton

_JOIN_GAP = re.compile(r"^[ \t\u00a0]*-?[ \t\u00a0]*$|^[ \t\u00a0]*\n?[ \t\u00a0]*$")
_POSSESSIVE = re.compile(r"['’]s$|['’]$")


@lru_cache(maxsize=8)
def _endings(lang: str) -> tuple[tuple[str, str], ...]:
    return tuple((a, b) for a, b in resource(lang, "entities").get("names", {}).get("endings", []))


def guessed_nominatives(word: str, lang: str) -> list[str]:
    """Nominative guesses for a capitalised word the dictionary may lack ("Мерца" -> "мерц")."""
    low = word.lower()
    return [low[: len(low) - len(a)] + b for a, b in _endings(lang) if low.endswith(a) and len(low) - len(a) >= 3]


@lru_cache(maxsize=300_000)
def token_keys(word: str, lang: str | None) -> tuple[frozenset[str], tuple[str, ...]]:
    """(keys, lemmas) of a word: skeletons of its surface form and of its lemmas."""
    w = normalize_apostrophes(word)
    sk = skeleton(w)
    keys = {sk}
    lems: tuple[str, ...] = ()
    if w[:1].islower() and is_cyrillic(w):
        # lower case: only the forms of words some name or cue contains matter (no analyser)
        lems = index(lang).lower_forms.get(sk, ())
        keys.update(skeleton(x) for x in lems)
        return frozenset(keys), lems or (w.lower(),)
    if is_cyrillic(w):
        mlang = lang if lang in morph.MORPH_LANGS else "uk" if lang is None else None
        if mlang:
            lems = morph.lemmas(mlang, w)
            keys.update(skeleton(x) for x in lems)
            if w[:1].isupper() and not any(p.tag.POS in morph.FUNCTION_POS for p in morph.parses(mlang, w)):
                keys.update(skeleton(x) for x in guessed_nominatives(w, mlang))
    else:
        base = _POSSESSIVE.sub("", w)
        if base != w:
            keys.add(skeleton(base))
        lems = (w.lower(),)
    return frozenset(keys), lems


def spans(doc: Document) -> list[tuple[int, int]]:
    out = []
    if doc.title_span:
        out.append(doc.title_span)
    out.append((doc.body_start, len(doc.text)))
    return out


def _joined(gap: str) -> bool:
    return gap == " " or bool(_JOIN_GAP.match(gap))


def doc_tokens(doc: Document) -> list[Token]:
    starts = {s.start for s in doc.sentences}
    text = doc.text
    lang = doc.lang
    toks: list[Token] = []
    for a, b in spans(doc):
        prev_end = None
        for m in TOKEN_RE.finditer(text, a, b):
            s, e, w = m.start(), m.end(), m.group()
            keys, lems = token_keys(w, lang)
            # first word of a sentence, also after an opening quote or bracket
            initial = s == a or s in starts or (s - 1 in starts and text[s - 1] in "\"«„“'(")
            gap = text[prev_end:s] if prev_end is not None else None
            joined = gap == " " or (gap is not None and _joined(gap))
            toks.append(Token(s, e, w, keys, lems, initial, joined))
            prev_end = e
    return toks
