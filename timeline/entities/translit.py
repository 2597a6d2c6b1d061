"""Romanisation of Cyrillic names with per-language tables (timeline/lang/<code>/entities.toml).

Ukrainian uses the national system (KMU 2010), Russian a BGN/PCGN-like one.  A Ukrainian
spelling of a non-Ukrainian person is first respelt the Russian way (є -> е, і -> и, г -> г),
which gives the usual English spelling of Russian and most foreign names ("Пєсков" -> Peskov).
"""

from __future__ import annotations

from functools import cache

from ..lang import resource
from .text import normalize_apostrophes

VOWELS = set("аеёиоуыэюяєіїaeiouy")
_UK_TO_RU = str.maketrans({"є": "е", "і": "и", "ї": "и", "ґ": "г", "'": "ь"})


@cache
def _table(lang: str) -> dict:
    return resource(lang, "entities").get("translit", {})


@cache
def _native_table(lang: str, country: str) -> dict | None:
    """The language's table with a country's overrides (`[translit_native]`): people of some
    Latin-script countries are spelt back nearer their own spelling (Estonian Цахкна -> Tsahkna)."""
    nat = resource(lang, "entities").get("translit_native", {})
    if country not in nat.get("countries", []):
        return None
    t = {k: dict(v) if isinstance(v, dict) else v for k, v in _table(lang).items()}
    for part in ("letters", "initial", "after_vowel", "clusters", "final"):
        t.setdefault(part, {}).update(nat.get(part, {}))
    return t


def romanize_word(word: str, lang: str, table: dict | None = None) -> str:
    """Romanise one word (lower or mixed case) and title-case it."""
    t = table if table is not None else _table(lang)
    if not t:
        return word
    letters, initial = t.get("letters", {}), t.get("initial", {})
    after_vowel, clusters, final = t.get("after_vowel", {}), t.get("clusters", {}), t.get("final", {})
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
        cl = next((c for c in clusters if rest.startswith(c)), None)
        if cl:
            out.append(clusters[cl])
            i += len(cl)
            continue
        if word_start and ch in initial:
            out.append(initial[ch])
        elif not word_start and ch in after_vowel and (w[i - 1] in VOWELS or w[i - 1] in "ьъ'"):
            out.append(after_vowel[ch])
        else:
            out.append(letters.get(ch, ch))
        i += 1
    s = "".join(out)
    return "-".join(part[:1].upper() + part[1:] for part in s.split("-"))


def uk_to_ru_spelling(word: str) -> str:
    return normalize_apostrophes(word.lower()).translate(_UK_TO_RU)


def romanize_name(parts: list[str], lang: str, country: str | None, given: int) -> str:
    """Romanise a person's name parts (nominative, lower case); the first `given` are given names."""
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
        if native is not None:
            return " ".join(romanize_word(p, "ru", native) for p in parts)
        return " ".join(en_given.get(p) if k < given and p in en_given else romanize_word(p, "ru") for k, p in enumerate(parts))
    return " ".join(romanize_word(p, lang) for p in parts)
