"""Fallback for languages without temporal resources but known to dateparser.

Weaker than the resource-driven tagger, and measured (`bench/fallback_eval.py`).  Two passes,
each asking dateparser only about short stretches of text, never the whole article:

1. Numbers: a window of up to two words before and four after each number ("3. September
   2025", "7 de abril de 2022"), cut at a sentence stop.  A match is kept only when it has a
   four-digit year, a month name or a clock time: "1,8", "3-2" or "się o 20" are not dates.
2. Words without digits, sentence by sentence: "gestern", "Dienstag", "la próxima semana",
   month names.

Every match is parsed twice, against the publication date and against a base 57 weeks and 7
hours later (every field differs but the weekday).  What moves with the base is relative: a day offset of at most one ("ayer") or
a weekday, this/last/next week, month or year are kept and anchored like the resource
patterns' (`rel`, `weekday`, `unit` + `shift`); anything else that moves ("18 Monaten",
"3 jours", "il y a six mois") is a duration dateparser reads as "ago" and is dropped.  What
stays put is a calendar date with the fields the match wrote.  Durations and sets are not
found; extents are dateparser's, trimmed of stopwords (from the language's
`language.toml`).  The language-free patterns (ISO, dotted dates, clock times) run first
and win where they overlap.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from ..document import Document
from ..lang import resource
from .detect import Candidate

# up to two words before and four after a number: where a date's month name and year live
_WINDOW = re.compile(r"(?:[^\W\d_][\w.]*\s+){0,2}\d{1,4}(?:[.,/\s-]*[^\s\d][\w.]*|[.,/\s-]*\d{1,4}){0,4}")
# a sentence stop inside a window: after a word of two letters or more or a year, never after
# a day number ("3. Juli" is German for the 3rd of July)
_STOP = re.compile(r"(?:(?<=[^\W\d_]{2})|(?<=\d{4}))[.!?](?=\s)")
_SENTENCE = re.compile(r"[^.!?\n]+")
_FOUR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")
_CLOCK = re.compile(
    r"(?<![\d,])(?:([01]?\d|2[0-3])\s?[:.h]\s?([0-5]\d)|([01]?\d|2[0-3])\s+(?:uhr|heures?|horas?|h))(?![\d,])", re.I
)
_SUFFIX = re.compile(r"(?<=\w)['’][^\W\d_]+")  # an apostrophe case ending: 2026'dan, Mayıs'ta
_PERIOD_FIELDS = {"year": ("year",), "month": ("year", "month"), "week": ("year", "month", "day")}
_NO_DATE = dt.datetime(2011, 6, 15, 12, 0)  # any base, for questions about a word alone
_SHIFTED = dt.timedelta(weeks=57, hours=7)  # the second base: year, month, day and hour differ, the weekday not


@cache
def _stopwords(lang: str) -> frozenset[str]:
    return frozenset(resource(lang, "language").get("stopwords", []))


def _settings(base: dt.datetime) -> dict:
    return {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True, "RELATIVE_BASE": base}


def _parser(lang: str, base: dt.datetime):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=[lang], settings=_settings(base))


@cache
def _is_month_word(lang: str, word: str) -> bool:
    """A month name, in any of its forms ("września", "Mayıs", "avril")."""
    if len(word) < 3 or word.lower() in _stopwords(lang):
        return False
    d = _parser(lang, _NO_DATE).get_date_data(word)
    return d.date_obj is not None and d.period == "month"


def fallback_candidates(doc: Document, cands: list[Candidate], start: int) -> list[Candidate]:
    """`cands` plus what dateparser finds in languages we have no data for."""
    try:
        from dateparser.search import search_dates
    except ImportError:  # the fallback is optional
        return cands
    lang, pub = doc.lang, doc.published
    base = dt.datetime(pub.year, pub.month, pub.day, 12, 0) if pub else _NO_DATE
    try:
        parsers = (_parser(lang, base), _parser(lang, base + _SHIFTED))
    except ValueError:  # a language dateparser does not know either
        return cands
    stops = _stopwords(lang)
    text = _SUFFIX.sub(lambda m: " " * len(m.group(0)), doc.text)  # same length: offsets hold
    taken = [(c.start, c.end) for c in cands]
    out = list(cands)

    def free(s: int, e: int) -> bool:
        return not any(s < te and ts < e for ts, te in taken)

    for w in _WINDOW.finditer(text, start):
        chunk = w.group(0)
        if (m := _STOP.search(chunk)) is not None and m.start() > 0:
            chunk = chunk[: m.start()]
        pos = 0
        for sub, _ in search_dates(chunk, languages=[lang], settings=_settings(base)) or []:
            i = chunk.find(sub, pos)
            if i < 0 or not any(ch.isdigit() for ch in sub):
                continue
            pos = i + len(sub)
            s, sub = _trim(parsers[0], w.start() + i, sub, stops)
            if sub is None:
                continue
            e = s + len(sub)
            if re.match(r"[,.]\d", doc.text[e : e + 2]) and " " in sub and sub.rsplit(" ", 1)[1].isdigit():
                sub = sub.rsplit(" ", 1)[0]  # "kwietniu 4,3 proc.": the number is a decimal
            if not free(s, s + len(sub)):
                continue
            cand = _with_digits(parsers, s, sub, lang, doc.text)
            if cand is not None:
                taken.append((cand.start, cand.end))
                out.append(cand)
    out += _words(text, start, lang, base, parsers, stops, free, taken)
    out.sort(key=lambda c: c.start)
    return out


def _trim(ddp, s: int, sub: str, stops: frozenset[str]) -> tuple[int, str | None]:
    """Drop leading words the date parses without ("Am", "le") and trailing stopwords."""
    sub = sub.rstrip(" ,;:")
    data = ddp.get_date_data(sub)
    while data.date_obj is None and " " in sub and not sub[0].isdigit():
        shorter = sub.split(" ", 1)[1]  # "Am 3. September 2025" parses only without "Am"
        s, sub, data = s + len(sub) - len(shorter), shorter, ddp.get_date_data(shorter)
    if data.date_obj is None:
        return s, None
    while " " in sub and not sub[0].isdigit():
        shorter = sub.split(" ", 1)[1]
        d2 = ddp.get_date_data(shorter)
        if d2.date_obj is None or d2.date_obj != data.date_obj:
            break
        s, sub, data = s + len(sub) - len(shorter), shorter, d2
    toks = sub.split(" ")
    while len(toks) > 1 and (toks[-1].lower().strip(".,") in stops or not toks[-1].strip(".,")):
        toks.pop()
    # "septiembre en 6": a bare small number after a stopword starts the next phrase
    if len(toks) > 2 and toks[-2].lower() in stops and toks[-1].isdigit() and len(toks[-1]) <= 2:
        toks = toks[:-2]
    # "24 de octubre a": a one-letter word is a preposition ("2026 r" keeps its "r.")
    while len(toks) > 1 and len(toks[-1]) == 1 and toks[-1].isalpha() and not toks[-2][-1:].isdigit():
        toks.pop()
    return s, " ".join(toks).rstrip(" ,;:")


def _with_digits(parsers, s: int, sub: str, lang: str, full_text: str) -> Candidate | None:
    """A match with a number: a clock time, or a date with its year, month or day."""
    d1, d2 = (p.get_date_data(sub) for p in parsers)
    if d1.date_obj is None or d2.date_obj is None:
        return None
    period = d1.period or "day"
    e = s + len(sub)
    if period == "time":
        m = _CLOCK.search(sub)
        if not m:
            return None  # "1:0" (a score), "17 h 21" read as hours ago
        hour, minute = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), "00")
        sem = {"hour": hour, "minute": minute}
        if d1.date_obj.date() == d2.date_obj.date():  # a date written with the time
            a = d1.date_obj
            sem.update(year=str(a.year), month=str(a.month), day=str(a.day))
        return Candidate(s, e, sub, "DATE", sem, f"fallback:{lang}")
    has_year = bool(_FOUR_DIGITS.search(sub))
    has_month = any(_is_month_word(lang, t.strip(".,")) for t in sub.split() if not t[0].isdigit())
    if not (has_year or has_month):
        return None  # "1,8", "3-2", "3 z 8", "9 Uhr" read as a day
    a, b = d1.date_obj, d2.date_obj
    names = _PERIOD_FIELDS.get(period, ("year", "month", "day"))
    if any(getattr(a, k) != getattr(b, k) for k in names if k != "year") or (has_year and a.year != b.year):
        return None  # it moved with the base: a duration read as "ago" ("18 Monaten", "3 jours")
    sem = {k: str(getattr(a, k)) for k in names}
    if not has_year:
        sem.pop("year")  # dateparser guessed it; anchoring decides
    if m := _SUFFIX.match(full_text, e):  # the case ending belongs to the word: "2026'dan"
        sub, e = full_text[s : m.end()], m.end()
    if full_text[e : e + 1] == "." and re.search(r"(?<![^\W\d_])[^\W\d_]{1,2}$", sub):
        sub, e = sub + ".", e + 1  # an abbreviation's stop: "2015 r."
    return Candidate(s, e, sub, "DATE", sem, f"fallback:{lang}")


def _words(text, start, lang, base, parsers, stops, free, taken) -> list[Candidate]:
    """Expressions without digits, read through what moves when the base moves."""
    from dateparser.search import search_dates

    out = []
    for m in _SENTENCE.finditer(text, start):
        pos = 0
        for sub, _ in search_dates(m.group(0), languages=[lang], settings=_settings(base)) or []:
            i = m.group(0).find(sub, pos)
            if i < 0 or any(ch.isdigit() for ch in sub):
                continue
            pos = i + len(sub)
            s = m.start() + i
            toks = sub.split()
            while toks and toks[0].lower() in stops:  # "am Dienstag", "la próxima semana"
                s += len(toks[0]) + 1
                toks.pop(0)
            sub = " ".join(toks).strip(" ,.")
            if len(sub) < 3 or sub.lower() in stops or not free(s, s + len(sub)):
                continue
            sem = _relative(parsers, base, sub, len(toks))
            if sem is None:
                continue
            taken.append((s, s + len(sub)))
            out.append(Candidate(s, s + len(sub), sub, "DATE", sem, f"fallback:{lang}"))
    return out


def _relative(parsers, base: dt.datetime, sub: str, n_words: int) -> dict | None:
    """The meaning of a digit-free date word: a month, a day offset, a weekday, or this, last or
    next week, month or year; None for anything else (durations dateparser reads as "ago")."""
    d1, d2 = (p.get_date_data(sub) for p in parsers)
    if d1.date_obj is None or d2.date_obj is None:
        return None
    a, b, period = d1.date_obj.date(), d2.date_obj.date(), d1.period or "day"
    days = (a - base.date()).days
    moved = days == (b - (base + _SHIFTED).date()).days
    if period == "month" and not moved and a.month == b.month:
        return {"month": str(a.month)}
    if period == "day" and moved:
        if abs(days) <= 1:
            return {"rel": str(days)}
        return {"weekday": str(a.isoweekday())} if n_words == 1 else None
    if period == "week":
        shift = days // 7 + (1 if days % 7 and days < 0 else 0)
        sem = {"unit": "W", "shift": str(shift)}
    elif period == "month":
        sem = {"unit": "M", "shift": str((a.year - base.year) * 12 + a.month - base.month)}
    elif period == "year":
        sem = {"unit": "Y", "shift": str(a.year - base.year)}
    else:
        return None
    return sem if abs(int(sem["shift"])) <= 1 else None  # "six mois", "fünf Jahre": durations
