"""Fallback for languages without temporal resources but known to dateparser.

Weaker than the resource-driven tagger, on purpose cheap: dateparser runs only on short
windows around numbers (a date in a language we have no data for almost always has a
digit: "3. September 2025", "3 septembre"), never over the whole text.  What it misses:
dates written without digits (weekday names, "yesterday", "last month"), durations and
sets; extents are dateparser's.  The language-free patterns (ISO, dotted dates, clock
times) still run before it, and win where they overlap.
"""

from __future__ import annotations

import re

from ..document import Document
from .detect import Candidate

# up to two words before and three after a number: where a date's month name lives
_WINDOW = re.compile(r"(?:[^\W\d_][\w.]*\s+){0,2}\d{1,4}(?:[.,/\s-]*[^\s\d][\w.]*|[.,/\s-]*\d{1,4}){0,3}")
_FOUR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")
_PERIOD_FIELDS = {"year": ("year",), "month": ("year", "month"), "week": ("year", "month", "day")}


def fallback_candidates(doc: Document, cands: list[Candidate], start: int) -> list[Candidate]:
    """`cands` plus what dateparser finds near numbers in languages we have no data for."""
    try:
        from dateparser.date import DateDataParser
        from dateparser.search import search_dates
    except ImportError:  # the fallback is optional
        return cands
    settings = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True}
    try:
        ddp = DateDataParser(languages=[doc.lang], settings=settings)
    except ValueError:  # a language dateparser does not know either
        return cands
    taken = [(c.start, c.end) for c in cands]
    out = list(cands)
    for w in _WINDOW.finditer(doc.text, start):
        found = search_dates(w.group(0), languages=[doc.lang], settings=settings) or []
        pos = 0
        for sub, _ in found:
            i = w.group(0).find(sub, pos)
            if i < 0 or not any(ch.isdigit() for ch in sub):
                continue
            pos = i + len(sub)
            s, e = w.start() + i, w.start() + i + len(sub)
            if any(s < te and ts < e for ts, te in taken):
                continue
            s, sub, data = _trim(ddp, s, sub)
            if data is None:
                continue
            names = _PERIOD_FIELDS.get(data.period or "day", ("year", "month", "day"))
            sem = {k: str(getattr(data.date_obj, k)) for k in names}
            if not _FOUR_DIGITS.search(sub):
                sem.pop("year")  # dateparser guessed it; anchoring decides
            taken.append((s, e))
            out.append(Candidate(s, e, sub, "DATE", sem, f"fallback:{doc.lang}"))
    out.sort(key=lambda c: c.start)
    return out


def _trim(ddp, s: int, sub: str):
    """Drop leading words (prepositions: "Am", "le") that the date parses without."""
    data = ddp.get_date_data(sub)
    while " " in sub and not sub[0].isdigit():
        shorter = sub.split(" ", 1)[1]
        d2 = ddp.get_date_data(shorter)
        if d2.date_obj is None or (data.date_obj is not None and d2.date_obj != data.date_obj):
            break
        s, sub, data = s + len(sub) - len(shorter), shorter, d2
    return s, sub, (data if data.date_obj is not None else None)
