"""Romanisation of Cyrillic names with per-language tables (timeline/lang/<code>/entities.toml).

Ukrainian uses the national system (KMU 2010), Russian a BGN/PCGN-like one.  A Ukrainian
spelling of a non-Ukrainian person is first respelt the Russian way (є -> е, і -> и, г -> г),
which gives the usual English spelling of Russian and most foreign names ("Пєсков" -> Peskov).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from ..lang import resource
from .text import normalize_apostrophes
from .wordcache import persisted

VOWELS = set("аеёиоуыэюяєіїaeiouy")
# Ukrainian е is the sound e (Ердоган, Ейтан): Russian э; є is Russian е
_UK_TO_RU = str.maketrans({"е": "э", "є": "е", "і": "и", "ї": "и", "ґ": "г", "'": "ь"})


@cache
def _table(lang: str) -> dict:
    return resource(lang, "entities").get("translit", {})


@cache
def _native_table(lang: str, country: str, by_shape: bool = False) -> dict | None:
    """The language's table with a country's overrides (`[[translit_native]]`): people of
    Latin-script countries are spelt back nearer their own spelling (Estonian Цахкна -> Tsahkna,
    Polish Кшиштоф -> Krzysztof, Turkish Йылмаз -> Yılmaz); others only get their own
    convention (Kazakh -аев -> -ayev).  `replace = true` drops the language's letters first."""
    nat = resource(lang, "entities").get("translit_native", [])
    if isinstance(nat, dict):
        nat = [nat]
    # (`shape_only`: the table serves names whose shape gives the origin, not a role-phrase country)
    entry = next((n for n in nat if country in n.get("countries", []) and (by_shape or not n.get("shape_only"))), None)
    if entry is None:
        return None
    t = {k: dict(v) if isinstance(v, dict) else v for k, v in _table(lang).items()}
    for part in ("letters", "initial", "after_vowel", "after_sign", "before_consonant", "clusters", "initial_clusters", "final"):
        t.setdefault(part, {}).update(entry.get(part, {}))
    t["native"] = entry.get("native", True)
    t["uk_letters"] = entry.get("uk_letters", {})
    return t


def native_table_exists(country: str, by_shape: bool = False) -> bool:
    """The country has its own `[[translit_native]]` entry (for a role-phrase country, or with
    `by_shape` for an origin guessed from the name)."""
    return _native_table("ru", country, by_shape) is not None


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


def romanize_name(parts: list[str] | tuple[str, ...], lang: str, country: str | None, given: int, by_shape: bool = False) -> str:
    """Romanise a person's name parts (nominative, lower case); the first `given` are given
    names; `by_shape`: the country is the origin guessed from the name's shape."""
    return _romanize_name(tuple(parts), lang, country, given, by_shape)


@persisted("romanize_name", maxsize=50_000)
def _romanize_name(parts: tuple[str, ...], lang: str, country: str | None, given: int, by_shape: bool = False) -> str:
    if lang == "uk" and country not in (None, "UKR"):
        ru_given = resource("uk", "entities").get("given_names_ru", {})
        nat = _native_table("ru", country, by_shape) if country else None
        # (a table that replaces the Russian letters reads Ukrainian е as e: Віорел -> Viorel)
        tr = _UK_TO_RU_NATIVE if nat is not None and nat.get("native") else _UK_TO_RU
        if nat is not None and nat.get("uk_letters"):
            # (a country's own reading of Ukrainian letters: и is Estonian õ, Kazakh and Turkish ы)
            tr = {**tr, **str.maketrans(nat["uk_letters"])}
        conv = []
        for k, p in enumerate(parts):
            if k < given and country in ("RUS", "BLR") and p in ru_given:
                conv.append(ru_given[p])
            else:
                conv.append(normalize_apostrophes(p.lower()).translate(tr))
        parts, lang = conv, "ru"
    if lang == "ru":
        en_given = resource("ru", "entities").get("given_names_en", {})
        native = _native_table("ru", country, by_shape) if country else None
        if native is not None and native.get("native"):
            return " ".join(romanize_word(p, "ru", native) for p in parts)
        if native is not None:  # a country's own convention, usual spellings of given names
            return " ".join(en_given.get(p) if k < given and p in en_given else romanize_word(p, "ru", native) for k, p in enumerate(parts))
        return " ".join(en_given.get(p) if k < given and p in en_given else romanize_word(p, "ru") for k, p in enumerate(parts))
    return " ".join(romanize_word(p, lang) for p in parts)


# --- origin of a name from its shape (timeline/resources/name_origins.toml) ---

_ORIGINS_PATH = Path(__file__).resolve().parent.parent / "resources" / "name_origins.toml"
# Ukrainian spelling respelt for comparison with the Russian-spelt tables (е/э merged)
_LIGHT = str.maketrans({"і": "и", "ї": "и", "є": "е", "э": "е", "ё": "е", "ґ": "г", "ы": "и", "'": "ь"})
# Ukrainian spelling respelt for a table that replaces the Russian letters: Ukrainian е is e
_UK_TO_RU_NATIVE = str.maketrans({"є": "е", "і": "и", "ї": "и", "ґ": "г", "'": "ь"})


def _light(word: str) -> str:
    return normalize_apostrophes(word.lower()).translate(_LIGHT)


@dataclass(frozen=True)
class Origin:
    name: str
    country: str
    indeclinable: bool
    written: tuple[str, ...] = ()  # surname endings never a case form (Portuguese -у for o: Пейшоту)
    a_stem: tuple[str, ...] = ()  # endings only an -а surname's case form has (Spanish Сапаты -> Сапата)


@cache
def _origin_data() -> dict:
    """Indexes of name_origins.toml: given names (skeleton) -> origins, surname endings
    (light key) -> origins, the Latin given names and the Palladius syllables."""
    with _ORIGINS_PATH.open("rb") as fh:
        d = tomllib.load(fh)
    uk_ru = resource("uk", "entities").get("given_names_ru", {})
    slavic = frozenset(_light(n) for n in [*uk_ru, *uk_ru.values(), *resource("ru", "entities").get("given_names_en", {})])
    given: dict[str, set[Origin]] = {}
    strong: dict[str, set[Origin]] = {}
    weak: dict[str, set[Origin]] = {}
    prefixes: dict[str, set[Origin]] = {}
    by_country: dict[str, Origin] = {}
    for o in d.get("origin", []):
        org = Origin(o["name"], o["country"], bool(o.get("indeclinable")), tuple(o.get("written_endings", ())), tuple(o.get("a_stem_endings", ())))
        by_country.setdefault(org.country, org)
        for g in o.get("given", []):
            if _light(g) not in slavic:
                given.setdefault(_light(g), set()).add(org)
        for table, key in ((strong, "suffixes"), (weak, "weak"), (prefixes, "prefixes")):
            for s in o.get(key, []):
                table.setdefault(_light(s), set()).add(org)
    ch = d.get("chinese", {})
    syll = {k: v for k, v in ch.get("syllables", {}).items()}
    jp = d.get("japanese", {})
    return {
        "given": given, "strong": strong, "weak": weak, "prefixes": prefixes, "by_country": by_country,
        "strong_lens": sorted({len(s) for s in strong}, reverse=True), "weak_lens": sorted({len(s) for s in weak}, reverse=True),
        "prefix_lens": sorted({len(s) for s in prefixes}, reverse=True),
        "latin": {_light(k): v for k, v in d.get("given_latin", {}).items() if _light(k) not in slavic}, "slavic": slavic,
        "ch_surnames": frozenset(ch.get("surnames", [])), "syllables": syll,
        "syll_lens": sorted({len(s) for s in syll}, reverse=True),
        "jp_surnames": frozenset(jp.get("surnames", [])), "jp_syllables": jp.get("syllables", {}),
        "jp_geminate": frozenset(jp.get("geminate", [])),
    }


@lru_cache(maxsize=100_000)
def origin_given_name(word: str) -> bool:
    """A given name of some origin in the table, or one with a usual Latin spelling."""
    d = _origin_data()
    k = _light(word)
    return k in d["given"] or k in d["latin"]


def given_name_origins(word: str) -> frozenset[Origin]:
    """The origins whose given names include this word."""
    return frozenset(_origin_data()["given"].get(_light(word), ()))


@lru_cache(maxsize=50_000)
def origin_only_given_name(word: str) -> bool:
    """A given name of some origin in the table (not merely one with a usual Latin spelling)."""
    return _light(word) in _origin_data()["given"]


@lru_cache(maxsize=50_000)
def latin_given_name(word: str) -> str | None:
    """The usual Latin spelling of a common foreign given name ("джозеф" -> Joseph), hyphenated
    ones part by part ("жан-пьер" -> Jean-Pierre)."""
    lat = _origin_data()["latin"]
    if "-" in word:
        outs = [lat.get(_light(p)) for p in word.split("-")]
        return "-".join(outs) if all(outs) else None  # type: ignore[arg-type]
    return lat.get(_light(word))


@cache
def origin_of_country(country: str | None) -> Origin | None:
    """The origin of a country, or of another country sharing its romanisation table (MDA:
    Romanian)."""
    if not country:
        return None
    by = _origin_data()["by_country"]
    if country in by:
        return by[country]
    nat = resource("ru", "entities").get("translit_native", [])
    entry = next((n for n in (nat if isinstance(nat, list) else [nat]) if country in n.get("countries", [])), None)
    return next((by[c] for c in (entry or {}).get("countries", []) if c in by), None)


def _longest(word: str, table: dict[str, set[Origin]], lens: list[int], prefix: bool = False) -> set[Origin]:
    for n in lens:
        if len(word) >= n + 2:  # (a stem of two letters at least: not Рене as -ене)
            hit = table.get(word[:n] if prefix else word[-n:])
            if hit:
                return hit
    return set()


@lru_cache(maxsize=50_000)
def guess_origin(parts: tuple[str, ...], given: int, surface: str = "") -> Origin | None:
    """The origin of a name (nominative lower-case parts, the first `given` given names) from
    its shape: a surname ending or beginning that marks one origin alone (-дзе, -аускас,
    -ейра, Кип-), or a given name of one origin (Золтан, Віорел, Клер), or a given name of
    several origins with a surname ending one of them shares (Томаш + -ський: Polish).  A
    surname ending against a given name of another origin, or no evidence: None.  `surface`
    is the surname as written (an indeclinable one the case guess may have cut)."""
    if len(parts) < 2 or given < 1:
        return None
    d = _origin_data()
    if _light(parts[0]) in d["slavic"]:
        return None  # a Ukrainian or Russian given name: someone of here (Іван Гветадзе, Ігор Григорян)
    sur = _light(parts[-1])
    strong = _longest(sur, d["strong"], d["strong_lens"]) or _longest(sur, d["prefixes"], d["prefix_lens"], True)
    weak = _longest(sur, d["weak"], d["weak_lens"])
    if not weak and surface:
        weak = _longest(_light(surface), d["weak"], d["weak_lens"])
    g: set[Origin] = set()
    for p in parts[:given]:
        hit = d["given"].get(_light(p))
        if hit:
            g = hit
            break
    if strong:
        if len(strong) != 1 or (g and not g & strong):
            return None
        return next(iter(strong))
    if len(g) == 1:
        return next(iter(g))
    if g and len(g & weak) == 1:
        return next(iter(g & weak))
    return None


@lru_cache(maxsize=50_000)
def strong_surname(word: str) -> bool:
    """The surname has an ending (or beginning) that marks an origin alone (-аускас, -дзе)."""
    d = _origin_data()
    w = _light(word)
    return bool(_longest(w, d["strong"], d["strong_lens"]) or _longest(w, d["prefixes"], d["prefix_lens"], True))


def _syllables(word: str) -> list[str] | None:
    """A word cut into Palladius syllables (fewest pieces), or None."""
    d = _origin_data()
    syll, lens = d["syllables"], d["syll_lens"]
    n = len(word)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        if best[i] is None:
            continue
        for ln in lens:
            piece = word[i : i + ln]
            if len(piece) == ln and piece in syll:
                cand = best[i] + [syll[piece]]  # type: ignore[operator]
                if best[i + ln] is None or len(cand) < len(best[i + ln]):  # type: ignore[arg-type]
                    best[i + ln] = cand
    return best[n]


@lru_cache(maxsize=50_000)
def chinese_name(parts: tuple[str, ...], lang: str) -> str | None:
    """Pinyin for a Chinese name in Palladius spelling (Чжан Вэй -> Zhang Wei, Ван Лінь ->
    Wang Lin): two or three words of at most three syllables each, the first a common Chinese
    surname."""
    if not 2 <= len(parts) <= 3:
        return None
    d = _origin_data()
    words = [normalize_apostrophes(p.lower()).translate(_UK_TO_RU if lang == "uk" else _YO) for p in parts]
    if words[0] not in d["ch_surnames"] and words[0].replace("э", "е") not in d["ch_surnames"]:
        return None
    out = []
    for w in words:
        m = _CH_CASE.match(w)  # Сяопина, Цзэминя, Цзюню: a declined -н/-нь syllable
        if m and _syllables(m.group(1) + ("ь" if m.group(2) in ("я", "ю", "ем", "ем") else "")):
            w = m.group(1) + ("ь" if m.group(2) in ("я", "ю", "ем") else "")
        sy = _syllables(w)
        if not sy or len(sy) > 3:
            return None
        out.append("".join(sy))
    return " ".join(x[:1].upper() + x[1:] for x in out)


def _polivanov(word: str) -> str | None:
    """Hepburn for a word made of Polivanov syllables (Russian spelling), or None: fewest
    pieces, й only after a vowel, a doubled к/т/п/с doubling the next consonant."""
    d = _origin_data()
    syll, gem = d["jp_syllables"], d["jp_geminate"]
    n = len(word)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        cur = best[i]
        if cur is None:
            continue
        for ln in (3, 2, 1):
            piece = word[i : i + ln]
            if len(piece) != ln or piece not in syll or (piece == "й" and not (cur and cur[-1][-1:] in "aiueo")):
                continue
            cand = cur + [syll[piece]]
            if best[i + ln] is None or len(cand) < len(best[i + ln]):  # type: ignore[arg-type]
                best[i + ln] = cand
        if word[i] in gem and word[i + 1 : i + 2] == word[i] and cur and cur[-1][-1:] in "aiueo":
            for ln in (3, 2):  # a doubled consonant: the syllable after it, its first letter doubled
                piece = word[i + 1 : i + 1 + ln]
                if len(piece) == ln and piece in syll:
                    r = syll[piece]
                    cand = cur + [("t" if r.startswith("ch") else r[0]) + r]
                    if best[i + 1 + ln] is None or len(cand) < len(best[i + 1 + ln]):  # type: ignore[arg-type]
                        best[i + 1 + ln] = cand
    return "".join(best[n]) if best[n] else None


_JP_UK = str.maketrans({"і": "и", "ї": "и", "е": "э", "є": "э", "'": ""})
_JP_RU = str.maketrans({"е": "э"})
_JP_CASE = re.compile(r"^(.*)(ы|и|э|у|ой|ою)$")


def _jp_spelling(word: str, lang: str) -> str:
    w = normalize_apostrophes(word.lower())
    if lang == "ru" and w[:1] == "е":
        w = "ё" + w[1:]  # Есихидэ: ё written as е
    return w.translate(_JP_UK if lang == "uk" else _JP_RU)


@lru_cache(maxsize=50_000)
def japanese_word(word: str, lang: str) -> bool:
    """The word is made of Polivanov syllables."""
    return _polivanov(_jp_spelling(word, lang)) is not None


@lru_cache(maxsize=50_000)
def japanese_name(parts: tuple[str, ...], lang: str) -> str | None:
    """Hepburn for a Japanese name in Polivanov spelling (Синдзо Абэ -> Shinzo Abe, Кендзі
    Мацумото -> Kenji Matsumoto): two words made of Polivanov syllables, one of them a common
    Japanese surname, in the text's order.  A word that is a Ukrainian, Russian or other listed
    given name (Ирина Сато) rules it out."""
    if len(parts) != 2:
        return None
    d = _origin_data()
    if any(_light(p) in d["slavic"] or _light(p) in d["given"] or _light(p) in d["latin"] for p in parts):
        return None
    words = [_jp_spelling(p, lang) for p in parts]
    for k, w in enumerate(words):  # a declined surname in -а: Окады, Кисиде, Танакою
        m = _JP_CASE.match(w)
        if w not in d["jp_surnames"] and m and m.group(1) + "а" in d["jp_surnames"]:
            words[k] = m.group(1) + "а"
    if not any(w in d["jp_surnames"] for w in words):
        return None
    out = [_polivanov(w) for w in words]
    if not all(out):
        return None
    return " ".join(x[:1].upper() + x[1:] for x in out)  # type: ignore[index]


_YO = str.maketrans({"ё": "е"})
_CH_CASE = re.compile(r"^(.*н)(а|у|ом|я|ю|ем)$")
