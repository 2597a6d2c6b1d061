"""Romanisation of Cyrillic names with per-language tables (timeline/lang/<code>/entities.toml).

Ukrainian uses the national system (KMU 2010), Russian a BGN/PCGN-like one.  A Ukrainian
spelling of a non-Ukrainian person is first respelt the Russian way (є -> е, і -> и, г -> г),
which gives the usual English spelling of Russian and most foreign names ("Пєсков" -> Peskov).
"""

from __future__ import annotations

from functools import cache, lru_cache

from ..lang import resource
from .text import normalize_apostrophes

VOWELS = set("аеёиоуыэюяєіїaeiouy")
# Ukrainian е is the sound e (Ердоган, Ейтан): Russian э; є is Russian е
_UK_TO_RU = str.maketrans({"е": "э", "є": "е", "і": "и", "ї": "и", "ґ": "г", "'": "ь"})


@cache
def _table(lang: str) -> dict:
    return resource(lang, "entities").get("translit", {})


@cache
def _native_table(lang: str, country: str) -> dict | None:
    """The language's table with a country's overrides (`[[translit_native]]`): people of
    Latin-script countries are spelt back nearer their own spelling (Estonian Цахкна -> Tsahkna,
    Polish Кшиштоф -> Krzysztof, Turkish Йылмаз -> Yılmaz); others only get their own
    convention (Kazakh -аев -> -ayev).  `replace = true` drops the language's letters first."""
    nat = resource(lang, "entities").get("translit_native", [])
    if isinstance(nat, dict):
        nat = [nat]
    entry = next((n for n in nat if country in n.get("countries", [])), None)
    if entry is None:
        return None
    t = {k: dict(v) if isinstance(v, dict) else v for k, v in _table(lang).items()}
    for part in ("letters", "initial", "after_vowel", "after_sign", "before_consonant", "clusters", "initial_clusters", "final"):
        t.setdefault(part, {}).update(entry.get(part, {}))
    t["native"] = entry.get("native", True)
    return t


def romanize_word(word: str, lang: str, table: dict | None = None) -> str:
    """Romanise one word (lower or mixed case) and title-case it.

    Table parts: `letters`; `initial` at a word start; `after_vowel` after a vowel and
    `after_sign` after ь/ъ/apostrophe (default: `after_vowel`); `before_consonant` before a
    consonant letter (Russian medial й -> i: Айгерим -> Aigerim); `clusters` anywhere and
    `initial_clusters` at a word start (several letters at once); `final` at a word end."""
    t = table if table is not None else _table(lang)
    if not t:
        return word
    letters, initial = t.get("letters", {}), t.get("initial", {})
    after_vowel, clusters, final = t.get("after_vowel", {}), t.get("clusters", {}), t.get("final", {})
    after_sign = t.get("after_sign", after_vowel)
    before_cons, init_cl = t.get("before_consonant", {}), t.get("initial_clusters", {})
    w = normalize_apostrophes(word.lower())
    out: list[str] = []
    i = 0
    while i < len(w):
        ch = w[i]
        if ch == "-":
            out.append("-")
            i += 1
            continue
        word_start = i == 0 or w[i - 1] == "-"
        rest = w[i:]
        fin = next((f for f in final if rest == f or rest.startswith(f) and rest[len(f) :][:1] == "-"), None)
        if fin:
            out.append(final[fin])
            i += len(fin)
            continue
        cl = next((c for c in init_cl if rest.startswith(c)), None) if word_start and init_cl else None
        cl = cl or next((c for c in clusters if rest.startswith(c)), None)
        if cl:
            out.append(init_cl[cl] if word_start and cl in init_cl else clusters[cl])
            i += len(cl)
            continue
        nxt = w[i + 1 : i + 2]
        if word_start and ch in initial:
            out.append(initial[ch])
        elif not word_start and w[i - 1] in VOWELS and ch in after_vowel:
            out.append(after_vowel[ch])
        elif not word_start and w[i - 1] in "ьъ'" and ch in after_sign:
            out.append(after_sign[ch])
        elif ch in before_cons and not word_start and nxt.isalpha() and nxt not in VOWELS and nxt not in "ьъ":
            out.append(before_cons[ch])
        else:
            out.append(letters.get(ch, ch))
        i += 1
    s = "".join(out)
    return "-".join(part[:1].upper() + part[1:] for part in s.split("-"))


def uk_to_ru_spelling(word: str) -> str:
    return normalize_apostrophes(word.lower()).translate(_UK_TO_RU)


def romanize_name(parts: list[str] | tuple[str, ...], lang: str, country: str | None, given: int) -> str:
    """Romanise a person's name parts (nominative, lower case); the first `given` are given names."""
    return _romanize_name(tuple(parts), lang, country, given)


@lru_cache(maxsize=50_000)
def _romanize_name(parts: tuple[str, ...], lang: str, country: str | None, given: int) -> str:
    if lang == "uk" and country not in (None, "UKR"):
        ru_given = resource("uk", "entities").get("given_names_ru", {})
        conv = []
        for k, p in enumerate(parts):
            if k < given and country in ("RUS", "BLR") and p in ru_given:
                conv.append(ru_given[p])
            else:
                conv.append(uk_to_ru_spelling(p))
        parts, lang = conv, "ru"
    if lang == "ru":
        en_given = resource("ru", "entities").get("given_names_en", {})
        native = _native_table("ru", country) if country else None
        if native is not None and native.get("native"):
            return " ".join(romanize_word(p, "ru", native) for p in parts)
        if native is not None:  # a country's own convention, usual spellings of given names
            return " ".join(en_given.get(p) if k < given and p in en_given else romanize_word(p, "ru", native) for k, p in enumerate(parts))
        return " ".join(en_given.get(p) if k < given and p in en_given else romanize_word(p, "ru") for k, p in enumerate(parts))
    return " ".join(romanize_word(p, lang) for p in parts)
