"""What a TIMEX3 value means as a span of days: (start, end, precision).

`2001` -> 2001-01-01..2001-12-31, year; `2025-09` -> month; `2025-W35` -> week;
`2024-SP` -> season; `2025-Q3` -> quarter (and `2025-H1`, a half year); `199` -> decade;
`19` -> a century, reported with `decade` precision, the coarsest the contract names.
`PAST_REF` (only known to be before publication) -> (None, published, undated).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})(?:-XX)?$")  # "-XX": some day of that month
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(?:-WE)?$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")
# underspecified inside a known year ("the next day" after "in 1592"): the year
_SOME_PART = re.compile(r"^(\d{4})-(?:XX|XX-XX|WXX|QX)$")

# Northern-hemisphere meteorological seasons; winter spans the turn of the year.
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 2)}


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def value_span(value: str | None, published: date | None = None) -> tuple[date | None, date | None, str]:
    """Bounds and precision of a TIMEX3 DATE/TIME value; unknown forms are `undated`."""
    v = (value or "").strip()
    if m := _DAY.match(v):
        try:
            d = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None, published, "undated"
        return d, d, "day"
    if m := _MONTH.match(v):
        y, mo = int(m[1]), int(m[2])
        if 1 <= mo <= 12:
            return date(y, mo, 1), _month_end(y, mo), "month"
    if m := _YEAR.match(v):
        y = int(m[1])
        if y >= 1:
            return date(y, 1, 1), date(y, 12, 31), "year"
    if m := _WEEK.match(v):
        y, w = int(m[1]), int(m[2])
        try:
            start = date.fromisocalendar(y, w, 1)
        except ValueError:
            return None, published, "undated"
        return start, start + timedelta(days=6), "week"
    if m := _SEASON.match(v):
        y = int(m[1])
        a, b = _SEASONS[m[2]]
        if a > b:  # winter: December of this year to February of the next
            return date(y, a, 1), _month_end(y + 1, b), "season"
        return date(y, a, 1), _month_end(y, b), "season"
    if m := _QUARTER.match(v):
        y, q = int(m[1]), int(m[2])
        return date(y, 3 * q - 2, 1), _month_end(y, 3 * q), "quarter"
    if m := _HALF.match(v):
        y, h = int(m[1]), int(m[2])
        return date(y, 6 * h - 5, 1), _month_end(y, 6 * h), "quarter"
    if m := _SOME_PART.match(v):
        y = int(m[1])
        if y >= 1:
            return date(y, 1, 1), date(y, 12, 31), "year"
    if m := _DECADE.match(v):
        d = int(m[1]) * 10
        if d >= 1:
            return date(d, 1, 1), date(d + 9, 12, 31), "decade"
    if m := _CENTURY.match(v):
        c = int(m[1]) * 100
        if c >= 1:
            return date(c, 1, 1), date(c + 99, 12, 31), "decade"
    return None, published, "undated"


def is_datable(value: str | None) -> bool:
    """True when the value pins a span on the calendar (not PAST_REF, not XXXX-...)."""
    return value_span(value)[2] != "undated"
