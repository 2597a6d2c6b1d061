"""Find gazetteer names (countries, places, organisations, ministries) in the tokens."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from itertools import compress, repeat
from operator import attrgetter, is_not

from ..lang import resource
from . import morph
from .gazetteer import Entry, index
from .text import Token, skeleton
from .wordcache import persisted

# a place whose name is also a dictionary word must be at least this large to be taken at a
# sentence start; a place of a language without morphology too
BIG_CITY = 1_000_000
MIN_PLACE_POP = 15_000


@dataclass
class Match:
    i: int  # first token
    n: int  # number of tokens
    entries: list[Entry]

    @property
    def j(self) -> int:
        return self.i + self.n


@cache
def _entity_words(lang: str | None, section: str, key: str) -> frozenset[str]:
    """A word list of the entity data, merged over the article's language and English (all
    three for an unknown language)."""
    words: set[str] = set()
    for lg in ("uk", "ru", "en") if lang is None else (lang, "en"):
        words.update(resource(lg, "entities").get(section, {}).get(key, []))
    return frozenset(words)


def stop_words(lang: str | None) -> frozenset[str]:
    return _entity_words(lang, "stop", "words")


_NEXT_WORD = re.compile(r"\s+(\w+)")
_PREV_WORD = re.compile(r"(\w+)\s+$")


def _names_a_language(text: str, start: int, end: int, lang: str | None) -> bool:
    """A country adjective naming a language (`[language_use]` of the entity data): a word
    after it ("англійською мовою"), or a word before it and nothing after ("in English.")."""
    m = _NEXT_WORD.match(text, end)
    nxt = m.group(1).lower() if m is not None else None
    if nxt is not None and nxt in _entity_words(lang, "language_use", "after"):
        return True
    # "in English." but not "in Russian cities" or "in American Stock Exchange": no word may follow
    if nxt is not None and nxt not in _entity_words(lang, "language_use", "joiners"):
        return False
    m = _PREV_WORD.search(text, max(0, start - 20), start)
    return m is not None and m.group(1).lower() in _entity_words(lang, "language_use", "before")


def _cap_ok(entry: Entry, toks: list[Token]) -> bool:
    first = toks[0]
    if entry.cap == "upper":
        return all(t.upper or not t.text.isalpha() for t in toks if t.text[:1].isupper() or t is first) and first.upper
    if entry.cap == "title":
        return first.cap
    return True


_PLACE_OK: dict[tuple, bool] = {}


def _place_ok(entry: Entry, toks: list[Token], lang: str | None, stops: frozenset[str], in_title: bool) -> bool:
    """Is the city a place here?  Cached per (entry, first word, at a sentence or title start,
    number of words): it depends on nothing else (the index's entries live as long as the
    process, so their id names them)."""
    if entry.source not in ("city",):
        return True
    first = toks[0]
    key = (id(entry), first.text, first.initial or in_title, len(toks), lang)
    r = _PLACE_OK.get(key)
    if r is None:
        if len(_PLACE_OK) > 300_000:
            _PLACE_OK.clear()
        r = _PLACE_OK[key] = _city_ok(entry, toks, lang, stops, in_title)
    return r


def _city_ok(entry: Entry, toks: list[Token], lang: str | None, stops: frozenset[str], in_title: bool) -> bool:
    first = toks[0]
    if len(toks) == 1 and (set(first.lemmas[:1]) & stops or first.text.lower() in stops):
        return False
    if len(toks) == 1 and len(first.text) <= 2:
        return False
    if first.upper and len(first.text) <= 4:
        return False  # IATA-like codes and acronyms
    if lang in morph.MORPH_LANGS and not any("\u0400" <= c <= "\u04ff" for c in first.text) and entry.pop < BIG_CITY:
        return False  # a Latin word in a Cyrillic text ("NATO Summit")
    mlang = lang if lang in morph.MORPH_LANGS else None
    word = first.text
    common = morph.place_is_common_word(mlang, word) if mlang and any("\u0400" <= c <= "\u04ff" for c in word) else False
    if mlang and common and morph.person_tags(mlang, word):
        common = False
    if first.initial or in_title:
        if common or lang not in morph.MORPH_LANGS:
            return entry.pop >= BIG_CITY
        # the Ukrainian dictionary does not mark place names: a known word opening a sentence
        # ("Саміт") is taken only as a big city or a Ukrainian one
        if mlang == "uk" and len(toks) == 1 and morph.is_known("uk", word) and entry.country != "UKR":
            return entry.pop >= BIG_CITY
    if common and entry.pop < BIG_CITY:
        return False
    if len(toks) == 1 and mlang and entry.pop < BIG_CITY and morph.is_known(mlang, word) and morph.person_tags(mlang, word):
        # "Шевченка", "Лариса", "Франка": a name in the dictionary; only big or Ukrainian towns
        if entry.country != "UKR" or entry.pop < 50_000:
            return False

    return entry.pop >= MIN_PLACE_POP


@persisted("noun_reading", maxsize=50_000)
def _noun_reading(lang: str | None, word: str, key: str) -> bool:
    return any(p.tag.POS == "NOUN" and skeleton(p.normal_form) == key for p in morph.parses(lang, word))


@persisted("not_only_noun", maxsize=50_000)
def _not_only_noun(lang: str | None, word: str) -> bool:
    if lang not in morph.MORPH_LANGS:
        return False
    return any(p.tag.POS not in ("NOUN", None) for p in morph.parses(lang, word)) and morph.is_known(lang, word)


def _given_name_before_name(toks: list[Token], i: int, n: int, lang: str | None) -> bool:
    """"Вікторія Рощина", "George Simion": a city named like a given name, then a name."""
    if n != 1 or i + 1 >= len(toks) or not toks[i + 1].joined or not toks[i + 1].cap or toks[i + 1].upper:
        return False
    if lang in morph.MORPH_LANGS:
        from .translit import origin_only_given_name

        # (or a foreign given name of name_origins.toml: "Сона Карапетян", "Сельчук Доган")
        return "Name" in morph.person_tags(lang, toks[i].text) or origin_only_given_name(toks[i].text)
    from .people import given_names_en

    return toks[i].text.lower() in given_names_en()


_PREP_BEFORE = re.compile(r"(?:^|\s)(?:в|у|во|на|із|из|з|до|по|от|від)[ \t\u00a0]+$", re.IGNORECASE)


def _foreign_given_before_name(toks: list[Token], i: int, n: int, lang: str | None, text: str | None) -> bool:
    """"Гаяне Арутюнян": a foreign given name of name_origins.toml (here also a case form of Гаяна) before a
    capitalised word, with no preposition before it, is a person's name, not the country."""
    if n != 1 or lang not in morph.MORPH_LANGS or i + 1 >= len(toks) or not toks[i + 1].joined or not toks[i + 1].cap or toks[i + 1].upper:
        return False
    from .translit import origin_only_given_name

    t = toks[i]
    if not origin_only_given_name(t.text):
        return False
    return not (text and _PREP_BEFORE.search(text, max(0, t.start - 6), t.start))


# per language: word -> the (keys, entry) pairs whose first key the word's keys meet, as
# (one-word names, {second key: longer names}), each pair with its rank in the index's order
_CANDS: dict[str | None, dict[str, tuple]] = {}
_NONE: tuple = ((), {})
_TEXT = attrgetter("text")


def _by_second_key(cands: tuple) -> tuple:
    if not cands:
        return _NONE
    singles = []
    by_second: dict[str, list] = {}
    for k, (keys, entry) in enumerate(cands):
        if len(keys) == 1:
            singles.append((k, keys, entry))
        else:
            by_second.setdefault(keys[1], []).append((k, keys, entry))
    return tuple(singles), {a: tuple(b) for a, b in by_second.items()}


def find(toks: list[Token], lang: str | None, title_end: int = -1, text: str | None = None) -> list[Match]:
    idx = index(lang)
    stops = stop_words(lang)
    out: list[Match] = []
    get = idx.first.get
    lower_first = idx.lower_first
    ntoks = len(toks)
    cands_cache = _CANDS.setdefault(lang, {})
    if len(cands_cache) > 300_000:
        cands_cache.clear()
    # each word's candidates at C speed; only the few words that start some name are visited
    words = list(map(cands_cache.get, map(_TEXT, toks)))
    if None in words:  # words seen for the first time
        for i in [i for i, w in enumerate(words) if w is None]:
            t = toks[i]
            word = cands_cache.get(t.text)
            if word is None:
                if t.cap:
                    buckets = [b for b in map(get, t.keys) if b]
                else:  # only names that may start in lower case (adjectives, demonyms, ministries)
                    buckets = [get(k) for k in t.keys if k in lower_first]
                word = cands_cache[t.text] = _by_second_key(tuple(x for b in buckets for x in b))
            words[i] = word
    for i in compress(range(ntoks), map(is_not, words, repeat(_NONE))):
        t = toks[i]
        singles, by_second = words[i]
        cands = singles
        if by_second and i + 1 < ntoks and toks[i + 1].joined:
            # longer names only through the next word's keys (most start with a common word)
            groups = [g for g in map(by_second.get, toks[i + 1].keys) if g]
            if groups:
                cands = sorted(singles + tuple(x for g in groups for x in g)) if len(groups) > 1 or singles else groups[0]
        if not cands:
            continue
        found: dict[int, list[Entry]] = {}
        for _, keys, entry in cands:
            n = len(keys)
            if i + n > ntoks:
                continue
            ok = True
            for m in range(1, n):
                tm = toks[i + m]
                if not tm.joined or keys[m] not in tm.keys:
                    ok = False
                    break
            if not ok:
                continue
            span = toks[i : i + n]
            if not _cap_ok(entry, span):
                continue
            if n == 1 and len(t.text) <= 3 and keys[0] != skeleton(t.text) and not t.upper:
                continue  # a short word matched only through a lemma or a guess ("Буд" -> Буда)
            if entry.kind == "place" and not _place_ok(entry, span, lang, stops, t.start < title_end):
                continue
            if entry.source == "adjective" and text is not None and _names_a_language(text, t.start, span[-1].end, lang):
                continue  # "англійською мовою", "in English": the language, not the country
            if entry.kind in ("country", "organization", "place") and entry.cap != "any" and n == 1 and not t.upper:
                # "Того ж дня", "Мали": a sentence-initial word that can be a function word or verb
                if t.initial and _not_only_noun(lang, t.text) and (entry.source not in ("extra", "region", "org") or entry.pop < BIG_CITY):
                    continue
                if t.initial and morph.best_pos(lang, t.text) in morph.FUNCTION_POS:
                    continue  # "Крім того" (Крім ~ Крим)
                if entry.kind == "place" and morph.best_pos(lang, t.text) in ("ADJF", "ADJS") and not _noun_reading(lang, t.text, keys[0]):
                    continue  # "Київському": an adjective is not the place ("Мінську" is both)
            if entry.kind == "place" and lang not in morph.MORPH_LANGS and entry.source == "city" and entry.pop < 500_000:
                # English: a small town's name inside a longer capitalised name ("Liberal Democratic")
                nb = [toks[i - 1] if i > 0 and t.joined else None, toks[i + n] if i + n < len(toks) and toks[i + n].joined else None]
                if any(x is not None and x.cap and x.text.lower() not in stops and not x.text.endswith(("'s", "’s")) for x in nb):
                    continue
            if entry.kind == "place" and entry.source == "city" and _given_name_before_name(toks, i, n, lang):
                continue
            if entry.kind == "country" and _foreign_given_before_name(toks, i, n, lang, text):
                continue
            bucket = found.setdefault(n, [])
            if entry not in bucket:
                bucket.append(entry)
        for n, entries in found.items():
            out.append(Match(i, n, entries))
    return out


KIND_RANK = {"country": 0, "organization": 1, "ministry": 1, "place": 2}


_SOURCE_RANK = {"extra": 0, "region": 0, "alias": 0, "cldr": 0, "org": 0, "adjective": 1, "demonym": 1}


def best_entry(entries: list[Entry], doc_countries: set[str]) -> Entry:
    if len(entries) == 1:
        return entries[0]

    def key(e: Entry):
        src = _SOURCE_RANK.get(e.source, 2)
        # a country the article names is worth one order of magnitude of population
        weight = math.log10(max(e.pop, 1)) + (1.0 if e.country in doc_countries else 0.0)
        return (KIND_RANK.get(e.kind, 3), src, -weight)

    return min(entries, key=key)


def select(matches: list[Match]) -> list[Match]:
    """Non-overlapping matches, longest first, then leftmost."""
    taken: set[int] = set()
    out = []
    for m in sorted(matches, key=lambda m: (-m.n, m.i)):
        if any(k in taken for k in range(m.i, m.j)):
            continue
        taken.update(range(m.i, m.j))
        out.append(m)
    return sorted(out, key=lambda m: m.i)
