"""Morphology through pymorphy3: one lazy analyzer per language, cached look-ups."""

from __future__ import annotations

from functools import cache, lru_cache

from .text import normalize_apostrophes
from .wordcache import persisted

MORPH_LANGS = ("uk", "ru")
PERSON_TAGS = frozenset({"Name", "Surn", "Patr"})
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct")


@cache
def analyzer(lang: str | None):
    if lang not in MORPH_LANGS:
        return None
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


@lru_cache(maxsize=200_000)
def parses(lang: str, word: str) -> tuple:
    """pymorphy3 parses of a word (lower case); () when the language has no analyzer."""
    morph = analyzer(lang)
    if morph is None:
        return ()
    return tuple(morph.parse(normalize_apostrophes(word.lower())))


def parse_lemmas(lang: str, word: str) -> tuple[str, ...]:
    """Distinct normal forms, most likely first (apostrophes as '); not kept on disk (the
    index builder asks for every name's words)."""
    out: list[str] = []
    for p in parses(lang, word):
        nf = normalize_apostrophes(p.normal_form)
        if nf not in out:
            out.append(nf)
    return tuple(out)


lemmas = persisted("lemmas")(parse_lemmas)


@lru_cache(maxsize=200_000)
def is_known(lang: str, word: str) -> bool:
    morph = analyzer(lang)
    return bool(morph and morph.word_is_known(word.lower()))


@cache
def given_names(lang: str) -> frozenset[str]:
    """Given names listed in the language data (the dictionaries miss a few: "Володимир")."""
    from ..lang import resource

    names: set[str] = set()
    uk = resource("uk", "entities").get("given_names_ru", {})
    if lang == "uk":
        names.update(uk)
    elif lang == "ru":
        names.update(uk.values())
        names.update(resource("ru", "entities").get("given_names_en", {}))
    return frozenset(n.replace("ё", "е") for n in names) | frozenset(names)


@persisted("person_tags")
def person_tags(lang: str, word: str) -> frozenset[str]:
    """Which of Name/Surn/Patr the word can be."""
    tags: set[str] = set()
    for p in parses(lang, word):
        tags |= PERSON_TAGS & p.tag.grammemes
    if "Name" not in tags and any(x in given_names(lang) for x in lemmas(lang, word)[:3]):
        tags.add("Name")
    return frozenset(tags)


@persisted("is_common_word")
def is_common_word(lang: str, word: str) -> bool:
    """A dictionary word whose likeliest reading is not a name (a capitalised one is just a sentence start)."""
    ps = parses(lang, word)
    if not ps or not is_known(lang, word):
        return False
    best = ps[0]
    return not ({"Name", "Surn", "Patr", "Geox", "Orgn"} & best.tag.grammemes)


@lru_cache(maxsize=50_000)
def is_adjective(lang: str, word: str) -> bool:
    return any(p.tag.POS in ("ADJF",) and p.normal_form == word for p in parses(lang, word)) and is_known(lang, word)


_POS_OF: dict = {}


def pos_of(tag) -> str | None:
    """tag.POS through a dict: the property intersects sets on every call; the tags of a
    dictionary are a few thousand shared objects."""
    pos = _POS_OF.get(tag, _POS_OF)
    if pos is _POS_OF:
        if len(_POS_OF) > 50_000:
            _POS_OF.clear()
        pos = _POS_OF[tag] = tag.POS
    return pos


def any_pos(lang: str, word: str, pos: frozenset[str]) -> bool:
    """Can the word be any of these parts of speech?"""
    return any(pos_of(p.tag) in pos for p in parses(lang, word))


FUNCTION_POS = frozenset({"NPRO", "PREP", "CONJ", "PRCL", "ADVB", "VERB", "INFN", "NUMR", "INTJ", "PRED", "GRND", "COMP"})
_UK_TO_RU = str.maketrans({"є": "е", "і": "и", "ї": "и", "ґ": "г", "'": "ь"})


@persisted("best_pos")
def best_pos(lang: str, word: str) -> str | None:
    ps = parses(lang, word)
    pos = ps[0].tag.POS if ps and is_known(lang, word) else None
    return None if pos is None else str(pos)  # a plain str (pymorphy3's subclass cannot be stored)


@persisted("place_is_common_word")
def place_is_common_word(lang: str, word: str) -> bool:
    """Is this capitalised word more likely an ordinary word than a place name?

    Russian marks place names (Geox); the Ukrainian dictionary does not, so a Ukrainian word
    is looked up in its Russian spelling as well ("Мир", "Дом", "Ізюм" are words; "Львів" is not).
    """
    if lang == "ru":
        return is_common_word("ru", word)
    if lang == "uk":
        if best_pos("uk", word) in FUNCTION_POS or best_pos("uk", word) in ("ADJF", "ADJS"):
            return True
        ru = normalize_apostrophes(word.lower()).translate(_UK_TO_RU)
        return is_common_word("ru", ru)
    return False
