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


@lru_cache(maxsize=16)
def _keep_sets(lang: str | None) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(skeletons of lower-case words names and cues contain, name particles, role words)."""
    from .people import name_data, role_words

    idx = index(lang)
    return frozenset(idx.lower_forms) | frozenset(idx.lower_first) | frozenset(idx.inner_lower), name_data(lang)[0], role_words(lang)


@lru_cache(maxsize=300_000)
def keep_lower(word: str, lang: str | None) -> bool:
    """Does a lower-case word matter (part or cue of a name)?  Others are left out of the
    token list: a name never contains them, and leaving them out halves the work."""
    sks, particles, rwords = _keep_sets(lang)
    low = normalize_apostrophes(word.lower())
    if skeleton(low) in sks:
        return True
    head, _, tail = word.partition("-")
    if low in particles or (tail[:1].isupper() and head.lower() in particles):
        return True
    return low in rwords


@lru_cache(maxsize=16)
def _role_heads(lang: str | None) -> frozenset[str]:
    """First words of role phrases and single-word roles, and saint words: cues wherever they are."""
    from .people import roles, saint_words

    return frozenset(skeleton(r.split()[0]) for r in roles(lang) if r.strip()) | frozenset(skeleton(w) for w in saint_words(lang))


@lru_cache(maxsize=300_000)
def lower_kind(word: str, lang: str | None) -> int:
    """0: a lower-case word to leave out; 2: keep it (a name may start with it, a role cue, a
    particle); 1: keep it only right after a kept word (a word inside a name or a role phrase:
    "Bosnia and Herzegovina", "міністр закордонних справ", "minister of defence"); "of", "the",
    "на" elsewhere are not worth a token; 3: "the", kept only before a capital."""
    if not keep_lower(word, lang):
        return 0
    from .people import name_data

    low = normalize_apostrophes(word.lower())
    particles = name_data(lang)[0]
    head, _, tail = word.partition("-")
    if low in particles or (tail[:1].isupper() and head.lower() in particles):
        return 2
    if low == "the":
        return 3  # "the Hague", "the Gambia": only before a capital
    keys, lems = token_keys(word, lang)
    idx = index(lang)
    heads = _role_heads(lang)
    if any(k in idx.lower_first for k in keys) or skeleton(low) in heads or any(skeleton(x) in heads for x in lems):
        return 2
    return 1


def spans(doc: Document) -> list[tuple[int, int]]:
    out = []
    if doc.title_span:
        out.append(doc.title_span)
    out.append((doc.body_start, len(doc.text)))
    return out


def _joined(gap: str) -> bool:
    return gap == " " or bool(_JOIN_GAP.match(gap))


_WORD_CACHE: dict[str | None, dict[str, tuple | None]] = {}


def _word_info(lang: str | None) -> dict[str, tuple | None]:
    """Per-language cache across articles: word -> (keys, lemmas), or None for a lower-case
    word that is left out.  Bounded: cleared when it grows past 400 000 words."""
    d = _WORD_CACHE.get(lang)
    if d is None or len(d) > 400_000:
        d = _WORD_CACHE[lang] = {}
    return d


def doc_tokens(doc: Document) -> list[Token]:
    starts = {s.start for s in doc.sentences}
    text = doc.text
    lang = doc.lang
    info = _word_info(lang)
    get = info.get
    toks: list[Token] = []
    append = toks.append
    for a, b in spans(doc):
        prev_end = None  # end of the previous kept token
        last_end = None  # end of the previous word, kept or not
        clause = True  # no punctuation since the previous kept token
        dropped = 0  # words left out since the previous kept token
        last_word_end = -1  # end of the previous word
        for m in TOKEN_RE.finditer(text, a, b):
            s, e = m.span()
            w = m.group()
            if clause and last_end is not None and (s - last_end != 1 or text[last_end] != " "):
                clause = not text[last_end:s].strip(" \t\u00a0-")
            last_end = e
            ki = get(w, False)
            if ki is False:
                kind = lower_kind(w, lang) if w[:1].islower() else 2
                ki = info[w] = (*token_keys(w, lang), kind) if kind else None
            if ki is None or (ki[2] == 1 and (prev_end is None or prev_end != last_word_end or not _joined(text[prev_end:s]))) \
                    or (ki[2] == 3 and not (text[e : e + 1] == " " and text[e + 1 : e + 2].isupper())):
                dropped += 1
                last_word_end = e
                continue
            last_word_end = e
            # first word of a sentence, also after an opening quote or bracket
            initial = s == a or s in starts or (s - 1 in starts and text[s - 1] in "\"«„“'(")
            if prev_end is None:
                joined = False
            elif s - prev_end == 1 and text[prev_end] == " ":
                joined = True
            else:
                joined = _joined(text[prev_end:s])
            t = Token(s, e, w, ki[0], ki[1], initial, joined)
            t.near = joined or (prev_end is not None and clause)
            t.skipped = dropped
            append(t)
            prev_end = e
            clause = True
            dropped = 0
    return toks

