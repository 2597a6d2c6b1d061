"""Detection: find candidate expressions and describe them, without resolving anything.

Every pattern of the resources runs over the text; overlapping matches are settled by
length (the longest wins, then the earlier pattern).  A match yields one expression, or
one per member for enumerations and ranges.  Each expression carries `sem`: the raw
semantic fields of its groups (`{"day": "3", "month": "9", "year": "2025"}`), which
`anchor.py` turns into a TIMEX3 value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .resources import BUILTIN, Resources
from .scan import DEEP, HEAD, head_key, second_look, starts

# Fields that members of a range share when one of them leaves them out
# ("1 - 3 вересня 2025": the first member takes month and year from the second).
_SHARED = ("year", "month", "month_num", "shift", "unit_year", "century", "bc")
_CONTEXT = 24  # characters of context the reject rules see


@dataclass
class Candidate:
    start: int
    end: int
    text: str
    type: str
    sem: dict = field(default_factory=dict)
    rule: str = ""
    mod: str | None = None
    det: bool = False  # may take a determiner before it into its extent


def _fields(m: re.Match, member: str, pattern, res: Resources) -> dict:
    """Semantic fields of one member: its own `member__field` groups plus the shared ones."""
    out = {}
    groups = m.groupdict()
    for group, who, name in pattern.placeholders:
        raw = groups[group]
        if raw is None or (who and who != member):
            continue
        if name in res.vocab:
            out[name] = res.vocab[name].value(raw)
        elif name in BUILTIN:
            out[name] = raw
    return out


def _expressions(m: re.Match, pattern, res: Resources) -> list[Candidate]:
    static = pattern.fields
    if not pattern.members:
        sem = {**_fields(m, "", pattern, res), **static}
        return [Candidate(m.start(), m.end(), m.group(0), pattern.type, sem, pattern.name, det=pattern.det)]
    out = []
    for member in pattern.members:
        if m.group(member) is None:
            continue
        sem = {**_fields(m, member, pattern, res), **static}
        out.append(Candidate(m.start(member), m.end(member), m.group(member), pattern.type, sem, pattern.name))
    for c in out:  # members complete each other's coarser fields
        for other in out:
            for k in _SHARED:
                if k not in c.sem and k in other.sem:
                    c.sem[k] = other.sem[k]
    return out


def _rejected(text: str, start: int, end: int, res: Resources, pattern) -> bool:
    """Context vetoes concern bare numbers: a match that starts or ends with a digit."""
    if text[start].isdigit() and res.reject_before and res.reject_before.search(text[max(0, start - _CONTEXT) : start]):
        return True
    after = text[end : end + _CONTEXT]
    if pattern.reject_after and pattern.reject_after.match(after):
        return True
    return text[end - 1].isdigit() and bool(res.reject_after and res.reject_after.search(after))


def _add_mods(text: str, found: list[Candidate], res: Resources, lo: int) -> None:
    """Extend expressions over a part-of modifier just before them ("на початку вересня")."""
    mod, tail = res.vocab.get("mod"), res.mod_tail
    if not mod or not tail:
        return
    prev_end = lo
    for c in found:
        if {"weekday", "rel", "day"} & c.sem.keys():  # "early Friday" qualifies the day's part, not a period
            prev_end = c.end
            continue
        window_start = max(prev_end, c.start - 40)
        m = tail.search(text, window_start, c.start)
        if m:
            c.mod = mod.value(m.group(1))
            c.text = text[m.start() : c.end]
            c.start = m.start()
        prev_end = c.end


def _add_dets(text: str, found: list[Candidate], res: Resources, lo: int) -> None:
    """Extend the expressions that take one over a determiner just before them."""
    prev_end = lo
    for c in found:
        if c.det and res.det_tail and (m := res.det_tail.search(text, max(prev_end, c.start - 8), c.start)):
            c.text, c.start = text[m.start() : c.end], m.start()
        prev_end = c.end


def detect(text: str, res: Resources, start: int = 0, end: int | None = None) -> list[Candidate]:
    """Candidates in text[start:end], sorted by start, not overlapping."""
    end = len(text) if end is None else end
    matches = []
    patterns, heads, match, deeper, odd = res.patterns, res.heads, res.match, res.deeper, res.odd
    for at in starts(res.scan, res.scan_first, text, start, end):
        key = text[at : at + HEAD].lower()
        if not key.isprintable():  # head_key's common case inline: this runs at every start
            key = head_key(text, at)
        ranks = heads.get(key, ())
        # several patterns start so: DEEP characters rule most of them out (scan.build_deeper)
        if len(ranks) > 1 and key in deeper and at + DEEP <= end:
            ranks = second_look(text, at, deeper[key], odd)
            if ranks is None:
                ranks = heads[key]
        for rank in ranks:
            m = match[rank](text, at, end)
            if m is not None and (e := m.end()) > at:
                matches.append((at - e, rank, at, e, m))
    for rank in res.loose:
        for m in patterns[rank].regex.finditer(text, start, end):
            s, e = m.span()
            if e > s:
                matches.append((s - e, rank, s, e, m))
    # longest first, then the earlier pattern, then the earlier start: no two matches share
    # all three (one match per pattern and start), so the tuples sort without a key
    matches.sort()
    busy = bytearray(end + 1)  # characters already inside a chosen match
    found: list[Candidate] = []
    for _, rank, s, e, m in matches:
        # a vetoed match takes no room: asking only about those that would take some
        # chooses what filtering them all first would
        if any(busy[s:e]) or _rejected(text, s, e, res, patterns[rank]):
            continue
        busy[s:e] = b"\x01" * (e - s)
        found.extend(_expressions(m, patterns[rank], res))
    found.sort(key=lambda c: c.start)
    _add_mods(text, found, res, start)
    _add_dets(text, found, res, start)
    return found
