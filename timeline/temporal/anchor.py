"""Anchoring: turn the semantic fields of detected candidates into TIMEX3 values.

Deictic expressions ("вчора", "last Tuesday", "this year") resolve against the publication
date; anaphoric ones ("наступного дня", "the following year") against the last date the
text mentioned.  A document whose explicit years lie far from its publication date is read
as a narrative (a history article): there, underspecified dates ("11 грудня") also take the
year of the last mentioned date.  The sentence's tense decides last vs next for a bare
weekday or month.  Without any anchor a value stays honestly unresolved (`XXXX-09-03`,
`PAST_REF`), never invented.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from .detect import Candidate

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_LOOKALIKE = str.maketrans("ІХ", "IX")  # Cyrillic letters written for Roman numerals
_REF_SIGN = {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}
_DURATION_UNIT = {"D": "D", "W": "W", "M": "M", "Y": "Y", "Q": "Q", "DE": "DE", "CE": "CE", "HR": "H", "MIN": "M", "SEC": "S"}
_TIME_UNITS = {"HR", "MIN", "SEC"}
_SEASON_MID = {"SP": 4, "SU": 7, "FA": 10, "WI": 13}  # middle month; a winter is named by its December
_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-Q([1-4]))?(?![\dW])")


@dataclass
class Point:
    """A resolved anchor: year, and month/day when known (a quarter keeps its first month)."""

    year: int
    month: int | None = None
    day: int | None = None
    quarter: int | None = None

    @classmethod
    def of(cls, d: date | None) -> Point | None:
        return cls(d.year, d.month, d.day) if d else None

    def date(self) -> date | None:
        return date(self.year, self.month, self.day) if self.month and self.day else None


_UNKNOWN = object()


@dataclass
class Context:
    published: date | None
    ref: Point | None = None  # last mentioned date
    narrative: bool = False
    year_here: tuple[int, int, int] | None = None  # (start, end offset, year) of the last explicit year
    start: int = 0  # the current expression's offset
    quarter: Point | None = None  # the last quarter mentioned (a report on a quarter)
    sentence_of: Callable[[int], int] | None = None  # offset -> id of its sentence, -1 between sentences
    tense_of: Callable[[], str | None] | None = None  # works out the current expression's tense
    _tense: object = _UNKNOWN

    def at(self, start: int, tense_of: Callable[[], str | None] | None) -> None:
        """Move to the next expression."""
        self.start, self.tense_of, self._tense = start, tense_of, _UNKNOWN

    def same_sentence(self, pos: int) -> bool:
        """Offset `pos` lies in the current expression's sentence (never when it is in none)."""
        if self.sentence_of is None:
            return False
        here = self.sentence_of(self.start)
        return here >= 0 and self.sentence_of(pos) == here

    @property
    def tense(self) -> str | None:
        """"past", "future" or None; worked out when first asked (few expressions need it)."""
        if self._tense is _UNKNOWN:
            self._tense = self.tense_of() if self.tense_of is not None else None
        return self._tense


def _int(v) -> int | None:
    if v is None:  # most calls: a field the expression lacks (an exception costs more)
        return None
    try:
        return int(v)
    except (TypeError, ValueError):
        return None


def roman(text: str) -> int | None:
    total, prev = 0, 0
    for ch in reversed(text.upper().translate(_LOOKALIKE)):
        v = _ROMAN.get(ch)
        if v is None:
            return None
        total += -v if v < prev else v
        prev = max(prev, v)
    return total or None


def _year(sem: dict) -> int | None:
    if sem.get("cent_word") or sem.get("millennium"):  # a year in words: century, tens, ones
        base = _int(sem.get("millennium")) or int(sem["cent_word"]) * 100 + (_int(sem.get("tens_word")) or 0) * 10
        return base + (_int(sem.get("ones_word")) or 0)
    y, y2 = _int(sem.get("year")), _int(sem.get("year2"))
    if y2 is not None:
        if y is not None:  # "2024/25": the century of the range's first year
            end = y // 100 * 100 + y2 + (100 if y % 100 > y2 else 0)
            return end if end - y <= 20 else None
        return 1900 + y2 if y2 >= 30 else 2000 + y2
    return y


def _month(sem: dict) -> int | None:
    m = _int(sem.get("month")) or _int(sem.get("month_num"))
    return m if m and 1 <= m <= 12 else None


def _ymd(y: int, m: int | None = None, d: int | None = None) -> str:
    out = f"{y:04d}"
    if m:
        out += f"-{m:02d}"
        if d:
            out += f"-{d:02d}"
    return out


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _valid_day(y: int, m: int, d: int) -> bool:
    return 1 <= d <= calendar.monthrange(y, m)[1]


def _pick_year(sem: dict, month: int, day: int | None, ctx: Context) -> int | None:
    """Year of an underspecified day/month: the narrative's year, else the one near publication.

    Near publication means the nearest of last, this and next year, where the sentence's
    tense makes the other direction three times as far ("by Jan. 14" in a January article
    is this January even in a past-tense sentence; "set on Aug. 6" in February is last year),
    and, without a tense, the future twice as far (news mostly reports what happened:
    "in March" in an October article is this March).
    """
    if ctx.narrative and ctx.ref:
        # a story runs forward: January after a December reference is the next January
        if ctx.ref.month and ctx.ref.month - month >= 9:
            return ctx.ref.year + 1
        return ctx.ref.year
    if ctx.year_here and ctx.start - ctx.year_here[1] <= 25 and ctx.same_sentence(ctx.year_here[0]):
        return ctx.year_here[2]  # "у 2014 році, 5 березня": the year just given
    pub = ctx.published
    if pub is None:
        return ctx.ref.year if ctx.ref else None
    shift = _int(sem.get("shift"))
    if shift is not None:  # "last November": the latest one before this month; "next April"
        if shift < 0:  # the month just gone is "last month"; "last February" in March was a year ago
            return pub.year if month < pub.month - 1 else pub.year - 1
        if shift == 0:
            return pub.year
        return pub.year if month > pub.month else pub.year + 1
    deltas = {}
    for y in (pub.year - 1, pub.year, pub.year + 1):
        last = calendar.monthrange(y, month)[1]
        deltas[y] = (date(y, month, min(day or 15, last)) - pub).days

    def nearest(tense: str | None) -> int:
        def cost(y: int) -> float:
            delta = deltas[y]
            if (delta > 0 and tense == "past") or (delta < 0 and tense == "future"):
                return 3 * abs(delta)
            return 2 * delta if delta > 0 and tense is None else abs(delta)

        return min(deltas, key=cost)

    # the tense is worked out only when it changes the answer (mostly it does not)
    years = {nearest(tense) for tense in (None, "past", "future")}
    return years.pop() if len(years) == 1 else nearest(ctx.tense)


def _base(sem: dict, ctx: Context) -> Point | None:
    """What a relative expression counts from."""
    if sem.get("anaphoric") or ctx.narrative:
        return ctx.ref or Point.of(ctx.published)
    return Point.of(ctx.published) or ctx.ref


def _shifted(base: Point, unit: str, n: int, sem: dict) -> str | None:
    """`base` moved by n units, written at that unit's precision."""
    if unit == "Y":
        y = base.year + n
        mid = _SEASON_MID.get(sem.get("season") or "")
        if n == -1 and mid and sem.get("nearest") and base.month and base.month - mid >= 3:
            y = base.year  # "last spring" in October: this year's, over; "last fall" in February: last year's
        if (m := _month(sem)) is not None:
            d = _int(sem.get("day"))
            return _ymd(y, m, d if d and _valid_day(y, m, d) else None)
        if sem.get("season"):
            return f"{y:04d}-{sem['season']}"
        return _ymd(y)
    if unit == "DE":
        return f"{base.year // 10 + n:03d}"
    if unit == "CE":
        return f"{base.year // 100 + n:02d}"
    if base.month is None:
        # "the next day" after "in 1592": some day of that year, not a made-up date
        under = {"M": "-XX", "Q": "-QX", "W": "-WXX", "WE": "-WXX", "D": "-XX-XX"}.get(unit)
        return f"{base.year:04d}{under}" if under else None
    if unit == "M":
        return _ymd(*_add_months(base.year, base.month, n))
    if unit == "Q":
        q = (base.month - 1) // 3 + n
        return f"{base.year + q // 4:04d}-Q{q % 4 + 1}"
    d = base.date()
    if d is None:
        if unit == "D":
            return f"{base.year:04d}-{base.month:02d}-XX"
        return f"{base.year:04d}-WXX" if unit in ("W", "WE") else None
    if unit in ("W", "WE"):
        iy, iw, _ = (d + timedelta(weeks=n)).isocalendar()
        return f"{iy:04d}-W{iw:02d}" + ("-WE" if unit == "WE" else "")
    if unit == "D":
        return (d + timedelta(days=n)).isoformat()
    return None


def _weekday(sem: dict, base: Point | None, ctx: Context) -> str:
    wd = _int(sem["weekday"])
    d = base.date() if base else None
    if d is None:
        return f"XXXX-WXX-{wd}"
    shift = _int(sem.get("shift"))
    cur = d.isoweekday()
    if shift == -1:
        delta = -(((cur - wd) % 7) or 7)
    elif shift == 1:
        delta = ((wd - cur) % 7) or 7
    elif shift == 0:
        delta = wd - cur
    elif ctx.tense == "future":
        delta = (wd - cur) % 7
    else:
        delta = -((cur - wd) % 7)
    return (d + timedelta(days=delta)).isoformat()


def _time_suffix(sem: dict) -> str:
    hour = _hour(sem)
    if hour is not None:
        if sem.get("ampm") == "PM" and hour < 12:
            hour += 12
        elif sem.get("ampm") == "AM" and hour == 12:
            hour = 0
        elif sem.get("part") in ("AF", "EV", "NI") and 1 <= hour < 12 and not (sem.get("part") == "NI" and hour < 5):
            hour += 12
        return f"T{hour:02d}:{_int(sem.get('minute')) or 0:02d}"
    if sem.get("part"):
        return f"T{sem['part']}"
    return ""


def _count(sem: dict) -> str:
    """How many units: a number word's value ("X" for "кілька"), digits, else one."""
    return sem.get("num") or sem.get("digits") or "1"


def _hour(sem: dict) -> int | None:
    """The clock hour: digits, or a word ("о шостій")."""
    return _int(sem.get("hour") or sem.get("hour_word"))


def _duration(sem: dict) -> str:
    unit = sem.get("unit", "X")
    n = _count(sem)
    if isinstance(n, str) and n.replace(".", "", 1).isdigit() and "." in n:
        n = n.rstrip("0").rstrip(".")
    letter = _DURATION_UNIT.get(unit, "X")
    if unit == "DE":
        return f"P{_int(n) * 10 if _int(n) else 'X'}Y"
    if unit == "CE":
        return f"P{_int(n) * 100 if _int(n) else 'X'}Y"
    return f"PT{n}{letter}" if unit in _TIME_UNITS else f"P{n}{letter}"


def _calendar(sem: dict, ctx: Context) -> str | None:
    """Explicit calendar fields, the year inferred when left out."""
    year = _year(sem)
    month, day = _month(sem), _int(sem.get("day"))
    if sem.get("bc") and (n := year or _int(sem.get("digits"))):
        return f"BC{n:04d}"
    unit = sem.get("unit")
    ordinal = _int(sem.get("ordinal")) or (roman(sem["roman"]) if sem.get("roman") else None)
    if ordinal is None and unit in ("CE", "Q", "W"):  # "20th century", "Q3", "week 35"
        ordinal = _int(sem.get("digits"))
    if unit == "CE" and ordinal:
        return f"{ordinal - 1:02d}" if ordinal <= 30 else None
    if (dec := sem.get("decade_digits")) is not None:
        return _decade(dec, ctx)
    if (dec := sem.get("decade")) is not None:
        return str(dec)
    if year is None and (month or sem.get("season") or (ordinal and unit in ("Q", "H", "W"))):
        if month:
            year = _pick_year(sem, month, day, ctx)
        else:  # "this year's third quarter", "the third quarter"
            base = _base(sem, ctx)
            year = base.year + (_int(sem.get("shift")) or 0) if base else None
    if year is None:
        if month:
            return "XXXX-" + f"{month:02d}" + (f"-{day:02d}" if day else "")
        return None
    if month:
        return _ymd(year, month, day if day and _valid_day(year, month, day) else None)
    if sem.get("season"):
        return f"{year:04d}-{sem['season']}"
    if ordinal and unit == "Q" and ordinal <= 4:
        return f"{year:04d}-Q{ordinal}"
    if ordinal and unit == "H" and ordinal <= 2:
        return f"{year:04d}-H{ordinal}"
    if ordinal and unit == "W" and ordinal <= 53:
        return f"{year:04d}-W{ordinal:02d}"
    return _ymd(year)


def _holiday(sem: dict, ctx: Context) -> str | None:
    """A named day: "MM-DD" fixed ("12-25"), or "MM-W-N" the N-th weekday W of a month
    ("11-4-4" Thanksgiving: the fourth Thursday of November)."""
    parts = [int(p) for p in str(sem["holiday"]).split("-")]
    month = parts[0]
    fixed = parts[1] if len(parts) == 2 else None
    year = _year(sem) or _pick_year(sem, month, fixed or 15, ctx)
    if year is None:
        return f"XXXX-{month:02d}-{fixed:02d}" if fixed else f"XXXX-{month:02d}"
    if fixed is None:
        wd, nth = parts[1], parts[2]
        fixed = 1 + (wd - date(year, month, 1).isoweekday()) % 7 + 7 * (nth - 1)
    return _ymd(year, month, fixed)


def _decade(digits: str, ctx: Context) -> str:
    n = int(digits)
    if n >= 1000:
        return f"{n // 10:03d}"
    # "90-х": the 1990s; "10-х" the 2010s only once they have begun
    now = ctx.published.year if ctx.published else 2000
    return f"{(200 + n // 10) if 2000 + n <= now and n < 30 else 190 + n // 10:03d}"


def resolve(c: Candidate, ctx: Context) -> tuple[str | None, str]:
    """(value, anchor) of one candidate; anchor is "published", "narrative" or None."""
    sem = c.sem
    if c.type == "DURATION":
        return _duration(sem), None
    if c.type == "SET":
        return sem.get("set") or _duration(sem), None
    if "ref" in sem:
        return sem["ref"], None
    base = _base(sem, ctx)
    how = "narrative" if (sem.get("anaphoric") or ctx.narrative) and ctx.ref else "published"
    if "rel" in sem:
        n = _int(sem["rel"]) or 0
        if n == 0 and ctx.narrative and not sem.get("anaphoric"):
            return "PRESENT_REF", None
        d = base.date() if base else None
        if d is None:
            if sem.get("anaphoric") and base is not None:  # "вечером" after "in 1592"
                return (_shifted(base, "D", n, sem) or f"{base.year:04d}-XX-XX") + _time_suffix(sem), how
            return _REF_SIGN[(n > 0) - (n < 0)], None
        return (d + timedelta(days=n)).isoformat() + _time_suffix(sem), how
    if "weekday" in sem and "month" not in sem:
        return _weekday(sem, base, ctx) + _time_suffix(sem) if base else f"XXXX-WXX-{sem['weekday']}", how
    unit = sem.get("unit")
    shift = _int(sem.get("shift"))
    if "dir" in sem and unit:
        n = _int(_count(sem))
        sign = _int(sem["dir"]) or -1
        if sem.get("past_span") and ctx.tense == "past":
            # "the largest protest in a decade", "his second letter in two weeks": told in the
            # past tense, the phrase measures a stretch of time; it is not a date ahead
            c.type = "DURATION"
            lead = len(c.text) - len(c.text.split(" ", 1)[-1])
            c.start, c.text = c.start + lead, c.text[lead:]
            return _duration(sem), None
        if n is None or base is None:
            return _REF_SIGN[sign], None
        if unit == "Y" and sign < 0 and n == 1 and ctx.quarter and base.year - ctx.quarter.year <= 1:
            # "a year earlier" in a report on a quarter: that quarter a year before
            return f"{ctx.quarter.year - n:04d}-Q{ctx.quarter.quarter}", "narrative"
        if unit in ("DE", "CE"):  # "a decade ago": the year ten years back
            unit, n = "Y", n * (10 if unit == "DE" else 100)
        if unit in _TIME_UNITS:
            return (base.date() or date(base.year, 1, 1)).isoformat(), how
        return _shifted(base, unit, sign * n, sem) or _REF_SIGN[sign], how
    if shift is not None and unit and not sem.get("ordinal"):
        if unit == "Q" and sem.get("anaphoric") and not (ctx.ref and ctx.ref.quarter) and ctx.published:
            # "the quarter" with none mentioned: the last completed one, as reports use it
            base, shift = Point.of(ctx.published), shift - 1
        if base is None:
            return _REF_SIGN[(shift > 0) - (shift < 0)], None
        if unit == "WE" and shift == 0 and (d := base.date()) is not None:
            # "the weekend" is the nearest one: early in a week, or told in the past tense on
            # a weekday, the one just gone (the previous ISO week's); on a Sunday, a coming one
            wd = d.isoweekday()
            if ctx.tense == "future":
                shift = 1 if wd == 7 else 0
            elif wd <= 3 or (wd <= 5 and ctx.tense == "past"):
                shift = -1
        return _shifted(base, unit, shift, sem), how
    if sem.get("holiday"):
        return _holiday(sem, ctx), None if _year(sem) is not None else how
    value = _calendar(sem, ctx)
    if value and (_hour(sem) is not None or sem.get("part")):
        if len(value) < 10:  # a clock time alone: the day of its anchor
            d = base.date() if base else None
            value = d.isoformat() if d else ""
        value += _time_suffix(sem)
    elif value is None and _hour(sem) is not None:
        d = base.date() if base else None
        value = (d.isoformat() if d else "") + _time_suffix(sem)
    absolute = _year(sem) is not None or "roman" in sem or "decade_digits" in sem or sem.get("unit") == "CE"
    return value, None if absolute else how


def point_of(value: str | None) -> Point | None:
    m = _VALUE.match(value or "")
    if not m:
        return None
    if m[4]:
        q = int(m[4])
        return Point(int(m[1]), 3 * q - 2, quarter=q)
    return Point(int(m[1]), _int(m[2]), _int(m[3]))


def is_narrative(cands: list[Candidate], published: date | None) -> bool:
    """A history article: many explicit years, mostly far from publication, and barely any
    deixis ("yesterday", weekdays, "last year"), which news is full of.  A news story that
    recalls a few past years ("злочинів 2001, 2010 і 2011 років") stays news."""
    if published is None:
        return True
    years = [y for c in cands if (y := -1 if c.sem.get("bc") else _year(c.sem)) is not None]
    far = sum(abs(y - published.year) > 1 for y in years)
    deictic = sum(1 for c in cands if not c.sem.get("anaphoric") and ({"rel", "weekday", "dir", "shift"} & c.sem.keys()))
    return far >= 8 and far >= 0.75 * len(years) and deictic <= 0.15 * far


def _moves(ref: Point | None, p: Point) -> bool:
    """Whether a newly resolved date becomes the reference: a bare year within the
    reference's year keeps the finer reference ("in 1941 ... 22 June ... 1941")."""
    if ref is None or p.month is not None:
        return True
    return p.year != ref.year


def anchor(
    cands: list[Candidate],
    published: date | None,
    tenses: list[Callable[[], str | None]],
    sentence_of: Callable[[int], int] | None = None,
) -> list[tuple[str | None, str]]:
    """Values for candidates in text order; each resolved date becomes the next reference.

    `tenses` (a function per candidate giving "past", "future" or None) and `sentence_of`
    (offset -> an id of its sentence, -1 between sentences) come from the sentences; without
    them every expression is read on its own."""
    ctx = Context(published, narrative=is_narrative(cands, published), sentence_of=sentence_of)
    out = []
    for c, tense_of in zip(cands, tenses, strict=True):
        start = c.start  # resolving may move it
        ctx.at(start, tense_of)
        value, how = resolve(c, ctx)
        out.append((value, how))
        if (year := _year(c.sem)) is not None and not c.sem.get("bc"):
            ctx.year_here = (start, c.end, year)
        if c.type == "DATE" and (q := point_of(value)) and q.quarter and "dir" not in c.sem and (_int(c.sem.get("shift")) or 0) >= 0:
            ctx.quarter = q
        if c.sem.get("anaphoric") or "dir" in c.sem:
            continue  # "a year earlier" does not move the narrative's reference
        if c.type in ("DATE", "TIME") and (p := point_of(value)) is not None and _moves(ctx.ref, p):
            ctx.ref = p
    return out
