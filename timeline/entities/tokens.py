"""Turn a document's title and body into Tokens with their match keys."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate, compress, repeat

from ..document import Document
from ..lang import resource
from . import morph
from .gazetteer import index
from .text import SKELETON_TABLE, TOKEN_RE, Token, is_cyrillic, normalize_apostrophes, skeleton
from .wordcache import persisted, table

_JOIN_GAP = re.compile(r"^[ \t\u00a0]*-?[ \t\u00a0]*$|^[ \t\u00a0]*\n?[ \t\u00a0]*$")
_SPLIT_RE = re.compile(f"({TOKEN_RE.pattern})")  # re.split keeps the words
_POSSESSIVE = re.compile(r"['’]s$|['’]$")


@lru_cache(maxsize=8)
def _endings(lang: str) -> tuple[tuple[str, str], ...]:
    return tuple((a, b) for a, b in resource(lang, "entities").get("names", {}).get("endings", []))


@lru_cache(maxsize=8)
def _ending_set(lang: str) -> tuple[str, ...]:
    return tuple({a for a, _ in _endings(lang)})


def guessed_nominatives(word: str, lang: str) -> list[str]:
    """Nominative guesses for a capitalised word the dictionary may lack ("Мерца" -> "мерц")."""
    low = word.lower()
    if not low.endswith(_ending_set(lang)):  # one C call rules out most words
        return []
    return [low[: len(low) - len(a)] + b for a, b in _endings(lang) if low.endswith(a) and len(low) - len(a) >= 3]


def _token_keys(word: str, lang: str | None) -> tuple[frozenset[str], tuple[str, ...]]:
    w = normalize_apostrophes(word)
    sk = skeleton(w)
    if is_cyrillic(w):
        if w[:1].islower():
            # lower case: only the forms of words some name or cue contains matter (no analyser)
            lems = index(lang).lower_forms.get(sk, ())
            if not lems:
                return frozenset((sk,)), (w.lower(),)
            return frozenset((sk, *map(skeleton, lems))), lems
        mlang = lang if lang in morph.MORPH_LANGS else "uk" if lang is None else None
        if not mlang:
            return frozenset((sk,)), ()
        lems = morph.lemmas(mlang, w)
        keys = {sk, *map(skeleton, lems)}
        if w[:1].isupper() and not morph.any_pos(mlang, w, morph.FUNCTION_POS):
            keys.update(map(skeleton, guessed_nominatives(w, mlang)))
        return frozenset(keys), lems
    base = _POSSESSIVE.sub("", w)
    if base != w:
        return frozenset((sk, skeleton(base))), (w.lower(),)
    return frozenset((sk,)), (w.lower(),)


@persisted("token_keys", maxsize=300_000)
def token_keys(word: str, lang: str | None) -> tuple[frozenset[str], tuple[str, ...]]:
    """(keys, lemmas) of a word: skeletons of its surface form and of its lemmas."""
    return _token_keys(word, lang)


@lru_cache(maxsize=16)
def _keep_sets(lang: str | None) -> tuple[frozenset[str], ...]:
    """(skeletons of lower-case words names and cues contain, name particles, role words,
    first keys of names that may start in lower case, skeletons of role heads, and the
    skeletons of all the words the first three sets hold: a word outside it is left out)."""
    from .people import name_data, role_words

    idx = index(lang)
    sks = frozenset(idx.lower_forms) | frozenset(idx.lower_first) | frozenset(idx.inner_lower)
    particles, rwords = name_data(lang)[0], role_words(lang)
    any_sk = sks | frozenset(map(skeleton, particles)) | frozenset(map(skeleton, rwords))
    return sks, particles, rwords, frozenset(idx.lower_first), _role_heads(lang), any_sk


def keep_lower(word: str, lang: str | None) -> bool:
    """Does a lower-case word matter (part or cue of a name)?  Others are left out of the
    token list: a name never contains them, and leaving them out halves the work."""
    return lower_kind(word, lang) != 0


@lru_cache(maxsize=16)
def _role_heads(lang: str | None) -> frozenset[str]:
    """First words of role phrases and single-word roles, and saint words: cues wherever they are."""
    from .people import roles, saint_words

    return frozenset(skeleton(r.split()[0]) for r in roles(lang) if r.strip()) | frozenset(skeleton(w) for w in saint_words(lang))


def lower_kind(word: str, lang: str | None) -> int:
    """0: a lower-case word to leave out; 2: keep it (a name may start with it, a role cue, a
    particle); 1: keep it only right after a kept word (a word inside a name or a role phrase:
    "Bosnia and Herzegovina", "міністр закордонних справ", "minister of defence"); "of", "the",
    "на" elsewhere are not worth a token; 3: "the", kept only before a capital.

    Called once per distinct word (doc_tokens keeps the answer): a few set look-ups."""
    sks, particles, rwords, lower_first, heads, any_sk = _keep_sets(lang)
    sk = skeleton(word)  # the same as the skeleton of the apostrophe-normalised lower case
    if sk not in any_sk and "-" not in word:
        return 0  # most words: one look-up
    low = normalize_apostrophes(word.lower())
    if low in particles:
        return 2
    if "-" in word:
        head, _, tail = word.partition("-")
        if tail[:1].isupper() and head.lower() in particles:
            return 2
    if sk not in sks and low not in rwords:
        return 0
    if low == "the":
        return 3  # "the Hague", "the Gambia": only before a capital
    keys, lems = token_keys(word, lang)
    if any(k in lower_first for k in keys) or sk in heads or any(skeleton(x) in heads for x in lems):
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


def _word_info(lang: str | None) -> dict[str, tuple | None]:
    """Per-language cache across articles and runs (wordcache): word -> (keys, lemmas, kind),
    or None for a lower-case word that is left out.  Bounded: cleared past 400 000 words."""
    d = table(f"doc_tokens.{lang}")
    if len(d) > 400_000:
        d.clear()
    return d


def _learn(words: list[str], kinds: list, info: dict, lang: str | None) -> None:
    """Fill in kinds[k] for the words seen for the first time (False), and remember them."""
    new = [k for k, ki in enumerate(kinds) if ki is False]
    # most new lower-case words are ruled out by their skeleton (lower_kind's first test),
    # made for all of them in one translate
    lower = [words[k] for k in new if words[k][:1].islower() and "-" not in words[k]]
    if lower:
        any_sk = _keep_sets(lang)[5]
        for w, sk in zip(lower, "\n".join(lower).lower().translate(SKELETON_TABLE).split("\n"), strict=True):
            if sk not in any_sk:
                info[w] = None
    for k in new:
        w = words[k]
        ki = info.get(w, False)
        if ki is False:
            kind = lower_kind(w, lang) if w[:1].islower() else 2
            ki = info[w] = (*token_keys(w, lang), kind) if kind else None
        kinds[k] = ki


def doc_tokens(doc: Document) -> list[Token]:
    """The kept words of the title and body as Tokens.

    The span is split into gaps and words at C speed (one `re.split`), the words' cached
    (keys, lemmas, kind) looked up through `map`, and only the kept candidates visited in
    Python: two in three words are left out and cost no Python loop step.
    """
    starts = {s.start for s in doc.sentences}
    text = doc.text
    lang = doc.lang
    info = _word_info(lang)
    get = info.get
    toks: list[Token] = []
    append = toks.append
    for a, b in spans(doc):
        parts = _SPLIT_RE.split(text[a:b])  # gap, word, gap, word, ..., gap
        words = parts[1::2]
        kinds = list(map(get, words, repeat(False)))
        if False in kinds:  # words seen for the first time
            _learn(words, kinds, info, lang)
        pos = list(accumulate(map(len, parts), initial=a))  # word k spans pos[2k+1]:pos[2k+2]
        p = -1  # index of the previous kept word
        for k, ki in zip(compress(range(len(kinds)), kinds), filter(None, kinds), strict=True):
            kind = ki[2]
            if kind == 1:  # only right after a kept word ("Bosnia and Herzegovina")
                if p != k - 1 or p < 0 or not _joined(parts[2 * k]):
                    continue
            elif kind == 3:  # "the" only before a capital
                e = pos[2 * k + 2]
                if not (text[e : e + 1] == " " and text[e + 1 : e + 2].isupper()):
                    continue
            s = pos[2 * k + 1]
            e = pos[2 * k + 2]
            # first word of a sentence, also after an opening quote or bracket
            initial = s == a or s in starts or (s - 1 in starts and text[s - 1] in "\"«„“'(")
            if p < 0:
                joined = near = False
            else:
                # a gap with left-out words in it holds letters: never joined
                joined = p == k - 1 and _joined(parts[2 * k])
                # near: also when only spaces, hyphens and left-out words lie between (same clause)
                near = joined or not "".join(parts[2 * p + 2 : 2 * k + 1 : 2]).strip(" \t\u00a0-")
            append(Token(s, e, words[k], ki[0], ki[1], initial, joined, near, k - p - 1))
            p = k
    return toks
