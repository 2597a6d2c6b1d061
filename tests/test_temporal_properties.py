"""Property tests of the temporal tagger: any text, no crash, sound spans, well-formed values."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.temporal import find_timexes

_DATE = r"(?:BC)?\d{4}(?:-\d{2}(?:-\d{2})?)?|\d{4}-(?:SP|SU|FA|AU|WI|Q[1-4]|H[12]|W\d{2}(?:-WE)?)|\d{2,3}|XXXX-\d{2}(?:-\d{2})?|XXXX-WXX-[1-7]|\d{4}-(?:XX|XX-XX|WXX|QX|\d{2}-XX)"
_TIME = rf"(?:{_DATE})?T(?:\d{{2}}:\d{{2}}|MO|AF|EV|NI)"
VALUE = {
    "DATE": re.compile(rf"(?:{_DATE}|PAST_REF|PRESENT_REF|FUTURE_REF)"),
    "TIME": re.compile(rf"(?:{_TIME}|{_DATE}|PAST_REF|PRESENT_REF|FUTURE_REF)"),
    "DURATION": re.compile(r"PT?(?:\d+(?:\.\d+)?|X)[YMWDHSQ]"),
    "SET": re.compile(r"PT?(?:\d+(?:\.\d+)?|X)[YMWDHSQ]|XXXX-WXX-[1-7]"),
}

# text built from pieces the tagger reacts to, glued by arbitrary characters
_PIECES = st.sampled_from(
    ["3", "03.09.2025", "2025", "1990-х", "90-х", "XX", "вересня", "сентября", "September", "May", "Sept.",
     "року", "году", "р.", "г.", "вчора", "минулого", "тижня", "прошлой", "неделе", "last", "Tuesday",
     "ago", "тому", "назад", "14:30", "о", "в", "на початку", "в конце", "mid-", "early", "the", "quarter",
     "третьому", "кварталі", "Су-25", "62-річний", "%", "2:1", "стаття 115", "—", "-", ",", ".", "\n", " "]
)
TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=30).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sampled_from([None, "uk", "ru", "en"]), st.sampled_from([None, date(2025, 9, 3), date(1998, 2, 27)]))
def test_any_text_gives_sound_timexes(text, lang, published):
    found = find_timexes(text, published=published, lang=lang)
    starts = [t["start"] for t in found]
    assert starts == sorted(starts)
    for t in found:
        assert text[t["start"] : t["end"]] == t["text"]
        assert t["text"].strip() == t["text"] and t["text"]
        assert VALUE[t["type"]].fullmatch(t["value"]), t


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_unicode_never_raises(text):
    for t in find_timexes(text, published="2025-09-03"):
        assert text[t["start"] : t["end"]] == t["text"]


_FALLBACK_PIECES = st.sampled_from(
    ["3.", "3", "2025", "September", "septembre", "września", "Eylül", "martes", "gestern", "hier", "am", "le",
     "de", "r.", "Uhr", "14.30", "1:0", "4,3", "'dan", "Jahren", "jours", ",", ".", "\n", " "]
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.one_of(_FALLBACK_PIECES, st.text(max_size=5)), max_size=20).map(" ".join),
    st.sampled_from(["de", "fr", "pl", "tr", "es"]),
)
def test_fallback_languages_give_sound_timexes(text, lang):
    """The dateparser fallback: no crash, spans slice to their text, values well-formed."""
    for t in find_timexes(text, published=date(2025, 9, 3), lang=lang):
        assert text[t["start"] : t["end"]] == t["text"] and t["text"].strip() == t["text"]
        assert VALUE[t["type"]].fullmatch(t["value"]), t
