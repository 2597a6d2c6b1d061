"""When two reports describe the same happening.

`merge_key(rec)` narrows the candidates cheaply (stored, indexed, compared for equality);
`same_event(a, b)` decides.  Records are `Event.to_record()` dicts.  The rule (TAXONOMY.md,
"Merging"):

- the same event type;
- compatible dates: the same TIMEX3 value, or one value's span contains the other's when the
  coarser one spans at most a month (`2025-06` and `2025-06-27` merge; `2025` and
  `2025-06-27` do not: a year says too little); both undated is compatible only with
  similar sentences; a dated and an undated report never merge across articles;
- countries overlap (when both have some); when only one side has countries, the actors
  must overlap;
- actors overlap when both have actors; places overlap when both have places (strikes on
  Kharkiv and on Odesa the same day are two events);
- undated reports: besides the above, their sentences must be similar (word overlap),
  since "before publication" says nothing about sameness.

Because compatible values may differ, the key is `type|year` for dated reports
(`type|PAST_REF` for undated; a decade or century keeps its own value) and `same_event`
decides within it.

`merge_in_article(events)` merges duplicates inside one article (the same happening told
twice): same type, compatible dates (an undated mention may join a dated one when the
actors overlap), and entity evidence; the title's event joins the first body event of its
type whose countries do not contradict it; the kept event lists the other sentence in
`sources`.
"""

from __future__ import annotations

import re

from ..timex_values import value_span
from .lexicon import taxonomy

_WORD = re.compile(r"\w+")
_UNDATED = "PAST_REF"
_MONTH_DAYS = 31


def _value(rec: dict) -> str:
    return rec.get("date_value") or _UNDATED


def _dated(v: str) -> bool:
    return value_span(v)[2] != "undated"


def merge_key(rec: dict) -> str | None:
    if not rec.get("event_type"):
        return None
    v = _value(rec)
    if not _dated(v):
        return f"{rec['event_type']}|{_UNDATED}"
    year = v[:4] if len(v) >= 4 and v[:4].isdigit() else v
    return f"{rec['event_type']}|{year}"


def _words(s: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(s or "") if len(w) > 3}


def similarity(a: str, b: str) -> float:
    """Jaccard overlap of the longer words of two sentences."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


def _overlap(a, b) -> bool:
    return bool(set(a or []) & set(b or []))


def dates_compatible(va: str, vb: str, max_coarse_days: int = _MONTH_DAYS) -> bool:
    """Equal values, or the coarser span (at most `max_coarse_days` long) contains the finer."""
    if va == vb:
        return True
    if not (_dated(va) and _dated(vb)):
        return False
    sa, ea, _ = value_span(va)
    sb, eb, _ = value_span(vb)
    if sa <= sb and eb <= ea:
        outer = (sa, ea)
    elif sb <= sa and ea <= eb:
        outer = (sb, eb)
    else:
        return False
    return (outer[1] - outer[0]).days + 1 <= max_coarse_days


def _entities_agree(a: dict, b: dict) -> bool:
    ca, cb = a.get("countries") or [], b.get("countries") or []
    aa, ab = a.get("actors") or [], b.get("actors") or []
    pa, pb = a.get("places") or [], b.get("places") or []
    if aa and ab and not _overlap(aa, ab):
        return False
    if pa and pb and not _overlap(pa, pb):
        return False  # strikes on Kharkiv and on Odesa the same day are two events
    if ca and cb:
        return _overlap(ca, cb)
    if ca or cb:  # one side has no countries: only the actors can tie them
        return _overlap(aa, ab)
    return True


def same_event(a: dict, b: dict) -> bool:
    ka = merge_key(a)
    if ka is None or ka != merge_key(b):
        return False
    va, vb = _value(a), _value(b)
    if not dates_compatible(va, vb) and not (va == vb == _UNDATED):
        return False
    if not _entities_agree(a, b):
        return False
    if va == _UNDATED:
        return similarity(a.get("sentence", ""), b.get("sentence", "")) >= 0.5
    return True


def same_in_article(a, b, negated: frozenset | set = frozenset()) -> bool:
    """Two events of one article (Event objects) tell the same happening.

    Never a reported non-happening with a happening (`negated` holds the event ids of
    negated ones); reports of a weak type (statements) only when their sentences are alike,
    since one article quotes several statements of the same people.
    """
    if a.event_type != b.event_type or ((a.event_id in negated) != (b.event_id in negated)):
        return False
    if taxonomy()[a.event_type].weak and similarity(a.sentence, b.sentence) < 0.4:
        return False
    va, vb = a.date_value or _UNDATED, b.date_value or _UNDATED
    one_undated = (va == _UNDATED) != (vb == _UNDATED)
    if not one_undated and not dates_compatible(va, vb) and va != vb:
        return False
    ca, cb = set(a.countries), set(b.countries)
    aa, ab = set(a.actors), set(b.actors)
    if a.places and b.places and not set(a.places) & set(b.places):
        return False
    if one_undated:  # an undated mention joins a dated one only on shared actors
        return bool(aa & ab) and (not (ca and cb) or bool(ca & cb))
    if aa and ab:
        # shared people are not enough (one president attends two summits): their countries
        # must match too, or the sentences be alike
        return bool(aa & ab) and (not (ca and cb) or ca == cb or similarity(a.sentence, b.sentence) >= 0.3)
    if ca and cb:
        return ca == cb or ((ca <= cb or cb <= ca) and similarity(a.sentence, b.sentence) >= 0.2)
    if ca or cb or aa or ab:
        return False
    return similarity(a.sentence, b.sentence) >= 0.5


def _title_joins(title, body) -> bool:
    """The title's event is the body's when they share type and polarity, the title has no
    other date, and their countries do not contradict (a title summarises the lead)."""
    if title.event_type != body.event_type:
        return False
    if (title.date_value or _UNDATED) not in (_UNDATED, body.date_value):
        return False
    ct, cb = set(title.countries), set(body.countries)
    return not (ct and cb) or bool(ct & cb)


def merge_in_article(
    events: list, negated: frozenset | set = frozenset(), title_ids: frozenset | set = frozenset()
) -> list:
    """Keep one event per happening; the others become sources of the kept one.

    The kept event is the more confident (the earlier on a tie) and keeps its own
    countries, actors and places (each comes from its own clause).
    """
    kept: list = []
    for ev in events:
        target = next((k for k in kept if same_in_article(k, ev, negated)), None)
        if target is None and title_ids:
            target = next(
                (
                    k
                    for k in kept
                    if (k.event_id in title_ids) != (ev.event_id in title_ids)
                    and (k.event_id in negated) == (ev.event_id in negated)
                    and _title_joins(*((k, ev) if k.event_id in title_ids else (ev, k)))
                ),
                None,
            )
        if target is None:
            kept.append(ev)
            continue
        primary, other = (target, ev) if target.confidence >= ev.confidence else (ev, target)
        if primary is ev:
            kept[kept.index(target)] = ev
            ev.sources.extend(target.sources)
            target.sources = []
        primary.sources.append(
            {"sentence": other.sentence, "sentence_start": other.sentence_start, "event_id": other.event_id}
        )
    return kept
