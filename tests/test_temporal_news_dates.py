"""Anchoring news dates: the year of a bare month, the nearest tense cue, named days,
the weekend, periods of a report ("the full year", "a year earlier" after a quarter)."""

from __future__ import annotations

import pytest

from timeline.temporal import find_timexes


def _values(text: str, published: str, lang: str = "en") -> list[tuple[str, str]]:
    return [(t["text"], t["value"]) for t in find_timexes(text, published=published, lang=lang)]


@pytest.mark.parametrize(
    ("text", "published", "expect"),
    [
        # no tense cue: a month that has passed this year, rather than one to come
        ("Shares traded at $30 in March.", "2004-10-28", [("March", "2004-03")]),
        # a future cue: next year's January; a past cue: last year's August
        ("The merger will close in January.", "2004-10-28", [("January", "2005-01")]),
        ("The index hit a record high set on Aug. 6.", "2005-02-07", [("Aug. 6", "2004-08-06")]),
        # the nearest cue decides: "will" is nearer than "announced"
        ("The firm announced on Monday that the plant will reopen on Feb. 1.", "2004-10-28", [("Monday", "2004-10-25"), ("Feb. 1", "2005-02-01")]),
        # "last April" in October is this year's April; "last February" in March a year ago
        ("Holders approved the plan last April.", "2004-10-28", [("last April", "2004-04")]),
        ("Two helicopters crashed last February.", "2004-03-02", [("last February", "2003-02")]),
        ("The strike began last spring.", "2004-10-28", [("last spring", "2004-SP")]),
        # the weekend just gone, told on a Monday
        ("Talks went on over the weekend.", "2004-11-01", [("the weekend", "2004-W44-WE")]),
        ("Sales for the full year rose; the deal closes by year-end.", "2004-10-28", [("the full year", "2004"), ("year-end", "2004")]),
        ("He arrived on Thanksgiving Day.", "2005-01-10", [("Thanksgiving Day", "2004-11-25")]),
        ("Net rose in the third quarter, up from $9 million a year earlier.", "2004-10-28", [("the third quarter", "2004-Q3"), ("a year earlier", "2003-Q3")]),
        ("In nineteen eighty-four he left.", "2004-10-28", [("nineteen eighty-four", "1984")]),
        ("The offer expires at 5 p.m. EST, Nov. 6.", "2004-10-28", [("5 p.m. EST, Nov. 6", "2004-11-06T17:00")]),
    ],
)
def test_english_news_dates(text, published, expect):
    assert _values(text, published) == expect


@pytest.mark.parametrize(
    ("lang", "text", "expect"),
    [
        ("ru", "В начале 2000-х он уехал.", [("начале 2000-х", "200")]),
        ("uk", "На початку 2000-х він поїхав.", [("початку 2000-х", "200")]),
        ("ru", "В начале 2000 года он уехал.", [("начале 2000 года", "2000")]),
        ("ru", "В последние годы цены росли.", [("последние годы", "PAST_REF")]),
    ],
)
def test_decades_and_recent_years(lang, text, expect):
    assert _values(text, "2019-04-18", lang) == expect


@pytest.mark.parametrize(
    ("lang", "text", "expect"),
    [
        ("uk", "Місто святкує своє 1500-ліття; прийшло 1000 і більше гостей. У 2001 і 2002 роках.", [("2001", "2001"), ("2002 роках", "2002")]),
        ("ru", "Городу исполнилось 1000-летие; пришло 1500 и более гостей. В 2001 и 2002 годах.", [("2001", "2001"), ("2002 годах", "2002")]),
    ],
)
def test_anniversaries_and_open_counts_are_not_years(lang, text, expect):
    assert _values(text, "2019-04-18", lang) == expect
