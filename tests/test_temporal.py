"""The temporal stage on the issue's cases: detection, anchoring, rejection, interface."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.document import Document
from timeline.sentences import split_sentences
from timeline.temporal import find_timexes, tag_timexes
from timeline.temporal.anchor import is_narrative
from timeline.temporal.detect import detect
from timeline.temporal.resources import compiled

PUB = "2025-09-03"  # a Wednesday

# (lang, text, [(text, value), ...]) with publication date PUB
CASES = [
    ("uk", "Саміт відбувся 3 вересня 2025 року.", [("3 вересня 2025 року", "2025-09-03")]),
    ("uk", "Наказ від 03.09.2025 і звіт від 2025-09-03.", [("03.09.2025", "2025-09-03"), ("2025-09-03", "2025-09-03")]),
    ("ru", "Встреча прошла 3-го сентября.", [("3-го сентября", "2025-09-03")]),
    ("en", "It was signed on September 3, 2025 and on 3 Sept.", [("September 3, 2025", "2025-09-03"), ("3 Sept.", "2025-09-03")]),
    ("uk", "Виставка триватиме з 1 по 3 вересня.", [("1", "2025-09-01"), ("3 вересня", "2025-09-03")]),
    ("uk", "Ціни 2019–2021 зросли.", [("2019", "2019"), ("2021", "2021")]),
    ("uk", "Злочини скоєно у 2001, 2010 і 2011 роках.", [("2001", "2001"), ("2010", "2010"), ("2011 роках", "2011")]),
    ("uk", "Це сталося у 2001 р. і в 2002-му.", [("2001 р.", "2001"), ("2002-му", "2002")]),
    ("ru", "Это было в 2001-м.", [("2001-м", "2001")]),
    ("uk", "У 1990-ті та в 90-х роках.", [("1990-ті", "199"), ("90-х роках", "199")]),
    ("en", "Prices fell in the 1990s.", [("the 1990s", "199")]),
    ("uk", "Споруда XX століття.", [("XX століття", "19")]),
    ("uk", "Навесні 2024 року врожай загинув.", [("Навесні 2024 року", "2024-SP")]),
    ("uk", "У третьому кварталі 2025 року прибуток зріс.", [("третьому кварталі 2025 року", "2025-Q3")]),
    ("en", "Sales in the first half of 2025 grew.", [("the first half of 2025", "2025-H1")]),
    ("uk", "На 35-му тижні 2025 року.", [("35-му тижні 2025 року", "2025-W35")]),
    ("uk", "На початку вересня уряд пішов.", [("початку вересня", "2025-09")]),
    ("ru", "В конце марта выпал снег.", [("конце марта", "2025-03")]),
    ("en", "Talks stalled in mid-March and early 2024.", [("mid-March", "2025-03"), ("early 2024", "2024")]),
    ("uk", "Вибух пролунав о 14:30.", [("14:30", "2025-09-03T14:30")]),
    ("uk", "Вчора і позавчора, а сьогодні ні.", [("Вчора", "2025-09-02"), ("позавчора", "2025-09-01"), ("сьогодні", "2025-09-03")]),
    ("uk", "Минулого тижня він поїхав, а два роки тому повернувся.", [("Минулого тижня", "2025-W35"), ("два роки тому", "2023")]),
    ("ru", "На прошлой неделе и в прошлом месяце.", [("прошлой неделе", "2025-W35"), ("прошлом месяце", "2025-08")]),
    ("en", "He left last Tuesday; next month and this year are busy now.", [("last Tuesday", "2025-09-02"), ("next month", "2025-10"), ("this year", "2025"), ("now", "PRESENT_REF")]),
    ("en", "The firm recently cut jobs.", [("recently", "PAST_REF")]),
    ("uk", "У 2010 році його звільнили, а наступного року засудили.", [("2010 році", "2010"), ("наступного року", "2026")]),
    ("ru", "Это случилось 5 мая 2019 года, а в тот же день его задержали.", [("5 мая 2019 года", "2019-05-05"), ("тот же день", "2019-05-05")]),
    ("en", "The plant opened in 1990 and closed the following year.", [("1990", "1990"), ("the following year", "1991")]),
    ("uk", "Ще у 2014 році, 27 лютого, захопили Раду. А 5 березня — ні.", [("2014 році", "2014"), ("27 лютого", "2014-02-27"), ("5 березня", "2025-03-05")]),
]

# things that are not dates
REJECT = [
    ("uk", "Затримали 2000 осіб, зібрали 1500 гривень, інфляція 12 %."),
    ("uk", "62-річний пілот Су-25 і F-16 програв 2:1."),
    ("uk", "Телефон 067-123-45-67, вулиця Хрещатик, 22, стаття 115 і стаття 2010."),
    ("en", "You may march if you want."),
    ("ru", "Песню исполнила Мая Кристалинская."),
    ("en", "It cost $2000 and 1999 people came."),
]


@pytest.mark.parametrize(("lang", "text", "expect"), CASES, ids=[c[1][:30] for c in CASES])
def test_case(lang, text, expect):
    got = [(t["text"], t["value"]) for t in find_timexes(text, published=PUB, lang=lang)]
    assert got == expect


@pytest.mark.parametrize(("lang", "text"), REJECT, ids=[r[1][:30] for r in REJECT])
def test_rejects_non_dates(lang, text):
    assert [t for t in find_timexes(text, published=PUB, lang=lang) if t["type"] in ("DATE", "TIME")] == []


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [("uk", "Вчора це сталося.", "PAST_REF"), ("uk", "Це сталося 3 вересня.", "XXXX-09-03"), ("en", "Next month.", "FUTURE_REF")],
)
def test_no_publication_date_stays_unresolved(lang, text, value):
    assert [t["value"] for t in find_timexes(text, lang=lang)] == [value]


def test_durations_and_sets_are_typed():
    found = find_timexes("Облога тривала 10 місяців, звіти виходили щотижня.", published=PUB, lang="uk")
    assert [(t["text"], t["type"], t["value"]) for t in found] == [("10 місяців", "DURATION", "P10M"), ("щотижня", "SET", "P1W")]


def test_mod_is_kept():
    doc = split_sentences(Document.from_text("На початку вересня і наприкінці 2024 року.", published=PUB, lang="uk"))
    assert [(t.value, t.mod) for t in tag_timexes(doc).timexes] == [("2025-09", "START"), ("2024", "END")]


def test_title_tagged_header_not():
    text = "date 2025-09-03 Вчора у Києві\n\nУ 2001 році все почалося."
    doc = tag_timexes(split_sentences(Document.from_text(text, lang="uk")))
    assert [(t.text, t.value, text[t.start : t.end]) for t in doc.timexes] == [
        ("Вчора", "2025-09-02", "Вчора"),
        ("2001 році", "2001", "2001 році"),
    ]


def test_detection_is_unanchored():
    cands = detect("Минулого тижня", compiled(("uk",)))
    assert [(c.text, c.sem) for c in cands] == [("Минулого тижня", {"shift": "-1", "unit": "W"})]


def test_history_reads_as_narrative():
    text = "Війни 1853, 1877, 1904, 1914, 1918 і 1939 років. У 1940 році мир. У 1941 році 22 червня почалася війна."
    found = find_timexes(text, published="2018-05-19", lang="uk")
    assert found[-1]["value"] == "1941-06-22"


def test_news_with_a_few_past_years_stays_news():
    text = "Розслідують злочини 2001, 2010 і 2011 років. Затримання почалися 27 червня."
    found = find_timexes(text, published="2025-07-01", lang="uk")
    assert found[-1]["value"] == "2025-06-27"
    assert not is_narrative(detect("Вчора, у 2001, 2010, 2011 роках", compiled(("uk",))), date(2025, 9, 3))


def test_seed_article():
    seed = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_dbcce7b43ab26e22.txt"
    if not seed.exists():
        pytest.skip("seed article not available")
    text = seed.read_text(encoding="utf-8")
    found = find_timexes(text)
    assert [(t["text"], t["type"], t["value"]) for t in found] == [
        ("2001", "DATE", "2001"), ("2010", "DATE", "2010"), ("2011 років", "DATE", "2011")
    ]


def test_fallback_language_uses_dateparser():
    found = find_timexes("Am 3. September 2025 trafen sich die Minister.", published=PUB, lang="de")
    assert [(t["text"], t["value"]) for t in found] == [("3. September 2025", "2025-09-03")]


def test_the_tense_is_worked_out_only_for_expressions_that_depend_on_it(monkeypatch):
    import sys

    temporal = sys.modules["timeline.temporal"]
    calls = []
    real = temporal._tense

    def counted(before, after, res):
        calls.append(before)
        return real(before, after, res)

    monkeypatch.setattr(temporal, "_tense", counted)
    absolute = "date 2025-09-10 Новини\nУгоду підписали 3 вересня 2025 року. Переговори тривали 3 дні."
    assert [t["value"] for t in find_timexes(absolute, lang="uk")] == ["2025-09-03", "P3D"]
    # a day without a year a week before publication: this year, whatever the tense
    assert [t["value"] for t in find_timexes("date 2025-09-10 Новини\nУгоду підпишуть 5 вересня.", lang="uk")] == ["2025-09-05"]
    assert calls == []
    # a bare weekday needs it, once, however often resolving asks
    found = find_timexes("date 2025-09-10 Новини\nЗустріч відбудеться у понеділок.", lang="uk")
    assert [t["value"] for t in found] == ["2025-09-15"] and len(calls) == 1


def test_tagging_without_the_sentence_stage_gives_the_same_expressions():
    """The CLI's timex command skips the sentences stage: the temporal stage then splits
    the paragraphs it asks about, and must find what it finds after a full split."""
    from timeline.langdetect import detect_language

    texts = [
        "date 2025-03-10 Новини\nУ 2014 році, 5 березня, почалося. Зустріч відбудеться у понеділок.\n\nУ 2014 році. 5 березня теж.",
        "date 2025-09-10 News\nThe deal, signed in 2019, on March 5 changed it. Talks will resume on Monday.",
    ] + [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parent / "data" / "dev").glob("*.txt"))]
    for text in texts:
        full = tag_timexes(split_sentences(detect_language(Document.from_text(text)))).timexes
        lazy = tag_timexes(detect_language(Document.from_text(text))).timexes
        assert lazy == full
    # a year given just before, in the same sentence only; the tense of the sentence
    values = [[t.value for t in tag_timexes(detect_language(Document.from_text(text))).timexes] for text in texts[:2]]
    assert values == [["2014", "2014-03-05", "2025-03-10", "2014", "2025-03-05"], ["2019", "2019-03-05", "2025-09-15"]]
