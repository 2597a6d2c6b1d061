"""Entity stage: countries, places, people and organisations.

`tag_entities(doc)` fills doc.entities (sorted, non-overlapping, title and body only).
`find_entities(text, lang)` is the same for a plain string, as contract dicts.
`country_name(iso3, lang)` gives a country's canonical English (or localised) name.

Canonical names: countries use CLDR's English name ("Russia", "Türkiye", "United States"),
cities geonames' English name ("Yekaterinburg"), organisations and well-known people the
resources' names (timeline/resources/*.toml), other people a romanisation of the nominative.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import compress, repeat
from operator import attrgetter, ge

from ..document import Document, Entity
from . import matcher, morph, people, wordcache
from .gazetteer import Entry, country_name
from .tokens import doc_tokens

__all__ = ["tag_entities", "find_entities", "country_name"]

_START = attrgetter("start")


def _merge_ministries(sel: list[matcher.Match], chosen: dict[int, Entry], toks) -> list[tuple[int, int, Entry]]:
    """Ministry + country ("МЗС Азербайджану", "російське МЗС") -> one organisation."""
    out: list[tuple[int, int, Entry]] = []
    skip: set[int] = set()
    for k, m in enumerate(sel):
        if k in skip:
            continue
        e = chosen[m.i]
        if e.kind != "ministry":
            out.append((m.i, m.j, e))
            continue
        nxt = sel[k + 1] if k + 1 < len(sel) else None
        prev = out[-1] if out else None
        country, start, end = None, m.i, m.j
        if nxt and nxt.i == m.j and toks[nxt.i].joined and chosen[nxt.i].kind == "country" and chosen[nxt.i].source != "adjective":
            country, end = chosen[nxt.i].country, nxt.j
            skip.add(k + 1)
        elif prev and prev[1] == m.i and toks[m.i].joined and prev[2].kind == "country" and prev[2].source == "adjective":
            country, start = prev[2].country, prev[0]
            out.pop()
        if country is None:
            if e.needs_country:
                continue
            out.append((start, end, Entry("organization", e.name, None, e.pop, source="ministry")))
            continue
        name = f"{e.name} of {country_name(country)}"
        out.append((start, end, Entry("organization", name, country, e.pop, source="ministry")))
    return out


def _outside(toks: list, timexes: list) -> list:
    """The tokens that do not start inside a temporal expression (one bisect per token, at C
    speed: a token is kept when it starts at or after the end of the last expression that
    starts before it)."""
    merged: list[list[int]] = []
    for a, b in sorted((x.start, x.end) for x in timexes):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    starts = [a for a, _ in merged]
    ends = [-1] + [b for _, b in merged]  # ends[k]: end of the k-th expression; none before: -1
    tstarts = list(map(_START, toks))
    last = map(bisect_right, repeat(starts), tstarts)
    return list(compress(toks, map(ge, tstarts, map(ends.__getitem__, last))))


def tag_entities(doc: Document) -> Document:
    toks = doc_tokens(doc)
    lang = doc.lang
    if doc.timexes:
        toks = _outside(toks, doc.timexes)
        text = doc.text
        for k in range(1, len(toks)):
            t = toks[k]
            if t.joined:
                gap = text[toks[k - 1].end : t.start]
                if gap != " " and gap.strip(" \t-"):
                    t.joined = False
    title_end = doc.title_span[1] if doc.title_span else -1
    matches = matcher.find(toks, lang, title_end, doc.text)
    doc_countries = {e.country for m in matches for e in m.entries if e.kind == "country" and len(m.entries) == 1}
    sel = matcher.select(matches)
    chosen = {m.i: matcher.best_entry(m.entries, doc_countries) for m in sel}
    spans_e = _merge_ministries(sel, chosen, toks)
    ents_by_tok: dict[int, Entry] = {}
    blocked: set[int] = set()
    for a, b, e in spans_e:
        for k in range(a, b):
            ents_by_tok[k] = e
            if e.kind != "place":
                blocked.add(k)
    stops = matcher.stop_words(lang)
    persons = people.detect(toks, lang, ents_by_tok, blocked, stops, doc.text)
    persons = _resolve_surnames(persons, toks, lang, ents_by_tok, blocked, stops)

    # people against places: a full name, a known person or a role wins; else a big place
    final: list[tuple[int, int, Entry | people.Person]] = []
    taken: set[int] = set()
    place_spans = {(a, b): e for a, b, e in spans_e if e.kind == "place"}
    for p in persons:
        pi, pj = p.i, p.i + p.n
        clash = [(a, b, e) for (a, b), e in place_spans.items() if a < pj and pi < b]  # overlapping spans
        if any(a <= p.i and p.i + p.n <= b and b - a > p.n for a, b, _ in clash):
            continue  # the place is the longer name ("Dar es Salaam")
        if clash and not (p.known or p.full or p.role):
            if any(e.pop >= 100_000 or e.source in ("extra", "region") for _, _, e in clash):
                continue
        for a, b, _ in clash:
            place_spans.pop((a, b), None)
        final.append((pi, pj, p))
        taken.update(range(pi, pj))
    for a, b, e in spans_e:
        if e.kind == "place" and (a, b) not in place_spans:
            continue
        if taken and any(k in taken for k in range(a, b)):
            continue
        final.append((a, b, e))
    final.sort(key=lambda x: x[0])
    out: list[Entity] = []
    for a, b, e in final:
        s, t = toks[a].start, toks[b - 1].end
        if isinstance(e, Entry) and e.source == "region":
            continue  # "Азії", "Кавказу": read as the region (not a namesake town), not reported
        if isinstance(e, people.Person):
            out.append(Entity(doc.text[s:t], s, t, "person", e.name, e.country, e.role))
        else:
            out.append(Entity(doc.text[s:t], s, t, e.kind, e.name, e.country, lat=e.lat, lon=e.lon))
    doc.entities = out
    wordcache.settle()
    return doc


def _resolve_surnames(persons, toks, lang, ents, blocked, stops):
    """A surname alone takes the full name (and country) used elsewhere in the article: of the
    nearest such mention before it (two Pelypases: the one just spoken of), else the first after."""
    full: dict[str, list[people.Person]] = {}
    for p in persons:
        if p.full or p.known:
            for k in (p.surname_key, *sorted(toks[p.i + p.n - 1].keys)):
                refs = full.setdefault(k, [])
                if p not in refs:
                    refs.append(p)

    def nearest(keys, at: int):
        refs = [r for k in keys for r in full.get(k, ())]
        if not refs:
            return None
        before = [r for r in refs if r.i < at]
        return max(before, key=lambda r: r.i) if before else min(refs, key=lambda r: r.i)

    by_name: dict[str, people.Person] = {}
    for p in persons:
        if p.full:
            by_name.setdefault(p.name, p)
    for p in persons:
        if not p.full and not p.known:
            ref = nearest([p.surname_key], p.i) or nearest(sorted(toks[p.i + p.n - 1].keys), p.i)
            if ref is not None and ref is not p:
                p.name, p.country = ref.name, p.country or ref.country
                p.role = p.role or None
        ref = by_name.get(p.name)
        if ref is not None and p.country is None:
            p.country = ref.country
    # the same person's country from any mention
    countries: dict[str, str] = {}
    for p in persons:
        if p.country:
            countries.setdefault(p.name, p.country)
    for p in persons:
        if p.country is None:
            p.country = countries.get(p.name)
    # bare surnames the detector left out ("Гордон" at a sentence start)
    if not full:
        return sorted(persons, key=lambda p: p.i)
    covered = {k for p in persons for k in range(p.i, p.i + p.n)}
    full_keys = frozenset(full)  # (isdisjoint with a dict would walk the whole dict)
    extra = []
    for k, t in enumerate(toks):
        if not t.cap or t.upper or t.keys.isdisjoint(full_keys) or k in covered or k in blocked:
            continue
        if t.text.lower() in stops or (lang in morph.MORPH_LANGS and morph.best_pos(lang, t.text) in morph.FUNCTION_POS):
            continue
        ref = nearest(sorted(t.keys), k)
        if ref is not None:
            extra.append(people.Person(k, 1, ref.name, ref.country, None, ref.surname_key, frozenset(), ref.known, False))
    return sorted(persons + extra, key=lambda p: p.i)


def find_entities(text: str, lang: str | None = None) -> list[dict]:
    """Entities of a plain text (with or without the `date YYYY-MM-DD Title` header).

    The temporal stage only guards against tagging date words, so if it fails the entities
    are still returned (with a warning) rather than nothing.
    """
    import warnings

    from ..langdetect import detect_language
    from ..pipeline import tag_timexes
    from ..sentences import split_sentences

    doc = split_sentences(detect_language(Document.from_text(text, lang=lang)))
    try:
        doc = tag_timexes(doc)
    except Exception as exc:  # noqa: BLE001
        warnings.warn(f"temporal stage failed ({exc!r}); entities found without it", RuntimeWarning, stacklevel=2)
        doc.timexes = []
    return [e.to_dict() for e in tag_entities(doc).entities]
