"""Event stage on hand-made documents: timexes and entities are given, so these tests check
the event logic alone (clauses, triggers, date governance, entities, merging)."""

from __future__ import annotations

import pytest

from timeline.document import Document, Entity, Timex
from timeline.events import assemble_events, event_id
from timeline.events.clauses import split_clauses
from timeline.events.lexicon import Lexicon, taxonomy, tokens
from timeline.events.merge import dates_compatible, merge_key, same_event
from timeline.lang import resource
from timeline.sentences import split_sentences


def make(text, lang, published="2025-09-03", timexes=(), entities=()):
    """A document with timexes [(text, value)] and entities [(text, kind, name, country)]."""
    doc = split_sentences(Document.from_text(text, published=published, lang=lang))
    pos = 0
    for t, v in timexes:
        i = text.index(t, pos if text.find(t, pos) >= 0 else 0)
        doc.timexes.append(Timex(t, i, i + len(t), "DATE", v))
        pos = i + len(t)
    for t, kind, name, country in entities:
        i = text.index(t)
        while i >= 0:  # every mention
            doc.entities.append(Entity(t, i, i + len(t), kind, name, country))
            i = text.find(t, i + len(t))
    doc.timexes.sort(key=lambda t: t.start)
    doc.entities.sort(key=lambda e: e.start)
    return assemble_events(doc)


def types_of(doc):
    return [e.event_type for e in doc.events]


# -- data ----------------------------------------------------------------------------------


def test_every_language_names_only_known_types_and_every_type_has_a_cameo_entry():
    tax = taxonomy()
    for lang in ("uk", "ru", "en"):
        res = resource(lang, "events")
        assert set(res["triggers"]) <= set(tax)
        assert set(res["labels"]) >= set(res["triggers"])
    for name, info in tax.items():
        assert info.cameo is None or (len(info.cameo) == 2 and info.cameo.isdigit()), name


# -- triggers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("uk", "Поліція затримала трьох чоловіків.", "detention"),
        ("uk", "Затриманих доправили до відділку.", "detention"),
        ("uk", "Міністерство рішуче засудило дії силовиків.", "condemnation"),
        ("uk", "Суд засудив його до п'яти років.", "court"),
        ("uk", "Лідери провели переговори.", "meeting"),
        ("uk", "Лідери зустрілися в Женеві.", "meeting"),
        ("uk", "Двоє людей загинули.", "death"),
        ("uk", "У Молдові відбулися парламентські вибори.", "election"),
        ("uk", "Вона назвала результат вибором на користь Європи.", "statement"),
        ("uk", "ЄС ухвалив новий пакет санкцій.", "sanction"),
        ("uk", "Росія завдала ракетного удару.", "attack"),
        ("ru", "Полиция задержала двух подозреваемых.", "detention"),
        ("ru", "МИД осудил действия силовиков.", "condemnation"),
        ("ru", "Стороны провели переговоры в Стамбуле.", "meeting"),
        ("ru", "Бундестаг избрал канцлера.", "election"),
        ("ru", "В результате обстрела погибли пять человек.", "death"),
        ("ru", "Суд приговорил его к пяти годам.", "court"),
        ("en", "Police arrested two suspects.", "detention"),
        ("en", "The ministry condemned the strike on the city.", "condemnation"),
        ("en", "The leaders met in Geneva.", "meeting"),
        ("en", "Five people were killed.", "death"),
        ("en", "The EU imposed new sanctions.", "sanction"),
        ("en", "He said the conditions were not met.", "statement"),
        ("en", "Japan's parliament elected a new prime minister.", "election"),
        ("en", "Russia's foreign ministry called the decision reckless.", "statement"),
        ("en", "The alliance raised its target after Russia annexed Crimea.", "military_action"),  # not "crime"
        ("uk", "Партія назвала затримання політичним переслідуванням.", "statement"),
        ("uk", "Сторона повідомила батькові про її смерть.", "death"),
        ("ru", "У побережья Камчатки произошло землетрясение.", "accident"),
    ],
)
def test_trigger_types(lang, text, expected):
    doc = make(text, lang)
    assert types_of(doc)[:1] == [expected]


@pytest.mark.parametrize(
    "lang, text",
    [
        ("uk", "Наступного разу все буде інакше."),  # "наступ" is not an offensive here
        ("en", "The method is new."),  # "met" only as a whole word
        ("ru", "Это был его выбор."),  # choice, not elections
    ],
)
def test_no_trigger(lang, text):
    assert make(text, lang).events == []


def test_language_without_data_gives_no_events():
    assert make("Police arrested two suspects.", "xx").events == []


# -- clauses -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, text, kinds",
    [
        ("uk", "Поліція провела обшуки, а в Кишиневі затримали підозрюваних.", ["main", "coord"]),
        ("uk", "Пєсков заявив, що зустріч відбулася.", ["main", "report"]),
        ("uk", "Міністерство засудило дії силовиків, вимагаючи пояснень.", ["main", "gerund"]),
        ("uk", "Під час саміту, що проходив у Китаї, лідери не зустрілися.", ["main"]),  # relative clause stays
        ("uk", "Вони зустрілися; переговори тривали годину.", ["main", "coord"]),
        ("ru", "Песков заявил, что встреча не состоится.", ["main", "report"]),
        ("ru", "Полиция провела обыски, но задержанных нет.", ["main", "coord"]),
        ("en", "The ministry said that the talks failed.", ["main", "report"]),
        ("en", "Police arrested two men, but released them later.", ["main", "coord"]),
        ("en", "The city, which lies on the river, was shelled.", ["main"]),
    ],
)
def test_clause_kinds(lang, text, kinds):
    lex = Lexicon.for_lang(lang)
    toks = tokens(text)
    clauses = split_clauses(text, 0, toks, lex.triggers(toks), lex)
    assert [c.kind for c in clauses] == kinds
    assert all(text[c.start : c.end] == text[c.start : c.end].strip(" ,;") for c in clauses)


# -- entities come from the clause ---------------------------------------------------------


def test_countries_from_the_clause_not_the_adverbial_clause():
    text = "Алієв зробив заяву під час форуму в Шуші, відповідаючи на запитання українського журналіста."
    doc = make(
        text,
        "uk",
        entities=[
            ("Алієв", "person", "Ilham Aliyev", "AZE"),
            ("Шуші", "place", "Shusha", "AZE"),
            ("українського", "country", "Ukraine", "UKR"),
        ],
    )
    ev, forum = doc.events
    assert ev.event_type == "statement"
    assert ev.countries == ["AZE"] and ev.actors == ["Ilham Aliyev"] and ev.places == ["Shusha"]
    assert forum.event_type == "summit" and forum.countries == ["AZE"]  # "під час форуму" took place too


def test_countries_never_from_another_sentence():
    text = "Президент Росії прибув до Баку. Поліція затримала двох людей."
    doc = make(text, "uk", entities=[("Росії", "country", "Russia", "RUS"), ("Баку", "place", "Baku", "AZE")])
    det = next(e for e in doc.events if e.event_type == "detention")
    assert det.countries == [] and det.places == []


def test_statement_takes_the_countries_of_what_it_reports():
    text = "Міністерство оборони Росії заявило, що не планувало уражати об'єкти на території Польщі."
    doc = make(
        text,
        "uk",
        entities=[
            ("Міністерство оборони Росії", "organization", "Ministry of Defence of Russia", "RUS"),
            ("Польщі", "country", "Poland", "POL"),
        ],
    )
    assert doc.events[0].event_type == "statement" and doc.events[0].countries == ["POL", "RUS"]


def test_clause_without_entities_takes_its_sentence():
    text = "Перед виборами поліція провела сотні обшуків, а в Кишиневі затримали кількох підозрюваних."
    doc = make(text, "uk", entities=[("Кишиневі", "place", "Chisinau", "MDA")])
    inv = next(e for e in doc.events if e.event_type == "investigation")
    assert inv.countries == ["MDA"]


# -- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, text, timexes, expected",
    [
        # the date in the clause governs
        (
            "uk",
            "Учора, 2 вересня, у Молдові відбулися вибори.",
            [("Учора", "2025-09-02"), ("2 вересня", "2025-09-02")],
            [("election", "2025-09-02")],
        ),
        # an enumeration gives one event per date, each a year
        (
            "uk",
            "Затримання пов'язані з розслідуванням злочинів 2001, 2010 і 2011 років.",
            [("2001", "2001"), ("2010", "2010"), ("2011 років", "2011")],
            [("crime", "2001"), ("crime", "2010"), ("crime", "2011")],
        ),
        (
            "en",
            "She won the elections in 2020 and 2024.",
            [("2020", "2020"), ("2024", "2024")],
            [("election", "2020"), ("election", "2024")],
        ),
        # a coarser value containing a finer one adds no event
        (
            "en",
            "The prize was awarded in 2025, on October 10.",
            [("2025", "2025"), ("October 10", "2025-10-10")],
            [("award", "2025-10-10")],
        ),
        # the date goes to the nearest strong trigger, not the reporting verb
        (
            "uk",
            "У жовтні 2024 року сторона повідомила батькові про її смерть.",
            [("жовтні 2024 року", "2024-10")],
            [("death", "2024-10")],
        ),
        # a date in the reported content does not date the statement
        (
            "uk",
            "Силовики заявили, що затримання пов'язані зі злочинами 2001 року.",
            [("2001 року", "2001")],
            [("statement", "PAST_REF"), ("crime", "2001")],
        ),
        # a TIME value dates the event to its day
        (
            "ru",
            "Вечером 25 октября полиция задержала двух подозреваемых.",
            [("Вечером 25 октября", "2025-10-25TEV")],
            [("detention", "2025-10-25")],
        ),
    ],
)
def test_date_governance(lang, text, timexes, expected):
    doc = make(text, lang, published="2025-10-28", timexes=timexes)
    assert [(e.event_type, e.date_value) for e in doc.events] == expected


@pytest.mark.parametrize(
    "lang, text, timexes, expected",
    [
        (
            "en",
            "Trump and Xi met on Thursday, their first meeting since 2019.",
            [("Thursday", "2025-10-30"), ("2019", "2019")],
            ["2025-10-30"],
        ),
        ("uk", "Іспанія заявила, що виконає зобов'язання до 2035 року.", [("2035 року", "2035")], ["PAST_REF"]),
        ("ru", "Стороны подписали соглашение, действующее до 2030 года.", [("2030 года", "2030")], ["PAST_REF"]),
        ("en", "The sanctions imposed after 2014 remain.", [("2014", "2014")], ["PAST_REF"]),
    ],
)
def test_bounds_and_targets_do_not_date(lang, text, timexes, expected):
    doc = make(text, lang, published="2025-10-31", timexes=timexes)
    assert [e.date_value for e in doc.events][:1] == expected


def test_year_event_spans_the_year():
    doc = make("Злочин 2001 року розслідують.", "uk", timexes=[("2001 року", "2001")])
    ev = next(e for e in doc.events if e.date_value == "2001")
    assert (ev.start, ev.end, ev.precision) == ("2001-01-01", "2001-12-31", "year")


def test_undated_event_is_bounded_by_publication():
    (ev,) = make("Поліція затримала двох людей.", "uk").events
    assert (ev.start, ev.end, ev.precision, ev.date_value, ev.date_text) == (
        None,
        "2025-09-03",
        "undated",
        "PAST_REF",
        "",
    )


def test_event_of_the_publication_year_ends_at_publication():
    doc = make("У 2025 році поліція затримала двох людей.", "uk", timexes=[("2025 році", "2025")])
    (ev,) = doc.events
    assert (ev.start, ev.end) == ("2025-01-01", "2025-09-03")


@pytest.mark.parametrize(
    "lang, text, timexes",
    [
        ("uk", "Наступного тижня відбудеться зустріч лідерів.", [("Наступного тижня", "2025-W37")]),
        ("en", "The leaders will meet on September 10.", [("September 10", "2025-09-10")]),
        ("uk", "Зустріч лідерів відбудеться в Женеві.", []),  # undated plan
        ("en", "Putin will meet Xi in Beijing.", []),
        ("ru", "Встреча может состояться в Женеве.", []),
    ],
)
def test_future_events_are_dropped(lang, text, timexes):
    assert make(text, lang, timexes=timexes).events == []


def test_plan_cue_far_from_the_trigger_does_not_drop_the_event():
    text = "Defense Secretary Pete Hegseth, who will now also be called secretary of war, said the change reflected a focus."
    assert types_of(make(text, "en")) == ["statement"]


def test_continuation_cue_takes_the_previous_date_and_nothing_else_does():
    text = "Учора поліція затримала п'ятдесят людей. Водночас двоє людей загинули. Ще кількох поранили."
    doc = make(text, "uk", timexes=[("Учора", "2025-09-02")])
    got = {e.event_type: e.date_value for e in doc.events}
    assert got["detention"] == "2025-09-02"
    assert got["death"] == "2025-09-02"  # "Водночас" continues the dated detention
    text2 = "Учора поліція затримала п'ятдесят людей. Двоє людей загинули."
    doc2 = make(text2, "uk", timexes=[("Учора", "2025-09-02")])
    assert {e.event_type: e.date_value for e in doc2.events}["death"] == "PAST_REF"


def test_future_dated_event_never_appears():
    doc = make(
        "Поліція затримала двох людей 5 вересня.", "uk", published="2025-09-03", timexes=[("5 вересня", "2025-09-05")]
    )
    assert doc.events == []


# -- negation, quotes, title ---------------------------------------------------------------


def test_negated_happening_is_kept_with_lower_confidence():
    pos = make("Алієв і Путін провели двосторонню зустріч.", "uk").events[0]
    neg = make("Алієв і Путін не провели двосторонню зустріч.", "uk").events[0]
    assert neg.event_type == pos.event_type == "meeting"
    assert neg.confidence < pos.confidence
    assert "не відбулося" in neg.summary


def test_triggers_inside_a_long_quote_are_not_events():
    text = '"Ми не допустимо нових атак на наші міста", — сказав президент.'
    assert types_of(make(text, "uk")) == ["statement"]


def test_title_event_is_less_confident_than_the_same_body_event():
    text = "date 2025-09-03 Поліція затримала двох людей\n\nПоліція затримала двох людей."
    doc = make(text, "uk")
    assert len(doc.events) == 1  # merged within the article
    ev = doc.events[0]
    assert ev.sentence_start > doc.body_start
    assert ev.sources and ev.sources[0]["sentence"] == "Поліція затримала двох людей"


# -- confidence, ids, summary --------------------------------------------------------------


def test_confidence_bounds_and_stable_ids(seed_text):
    from timeline.extract import extract_document

    a = extract_document(seed_text)
    b = extract_document(seed_text)
    assert [e.event_id for e in a.events] == [e.event_id for e in b.events]
    assert len({e.event_id for e in a.events}) == len(a.events)
    for e in a.events:
        assert 0.0 <= e.confidence <= 1.0
        assert e.summary and len(e.summary) <= 200 and "\n" not in e.summary
        assert e.sentence == a.text[e.sentence_start : e.sentence_end]
        assert e.cameo == taxonomy()[e.event_type].cameo


def test_event_id_is_a_hash_of_article_offset_type_and_date():
    assert event_id("a", 1, "meeting", "2025") == event_id("a", 1, "meeting", "2025")
    assert (
        len(
            {
                event_id("a", 1, "meeting", "2025"),
                event_id("a", 2, "meeting", "2025"),
                event_id("a", 1, "death", "2025"),
                event_id("a", 1, "meeting", "2024"),
            }
        )
        == 4
    )


# -- merging -------------------------------------------------------------------------------


def rec(
    type_="meeting",
    value="2025-06-27",
    countries=("AZE", "RUS"),
    actors=(),
    sentence="Алієв і Путін провели зустріч у Москві.",
    places=(),
):
    return {
        "event_type": type_,
        "date_value": value,
        "countries": list(countries),
        "actors": list(actors),
        "places": list(places),
        "sentence": sentence,
    }


@pytest.mark.parametrize(
    "a, b, same",
    [
        (rec(), rec(), True),
        (rec(), rec(type_="statement"), False),
        (rec(value="2025-06"), rec(value="2025-06-27"), True),  # a month contains the day
        (rec(value="2025-06-27"), rec(value="2025-06"), True),
        (rec(value="2025"), rec(value="2025-06-27"), False),  # a year says too little
        (rec(value="2025-06-26"), rec(value="2025-06-27"), False),
        (rec(countries=("AZE",)), rec(countries=("RUS", "AZE")), True),
        (rec(countries=("UKR",)), rec(countries=("RUS", "AZE")), False),
        (rec(actors=("Vladimir Putin",)), rec(actors=("Vladimir Putin", "Ilham Aliyev")), True),
        (rec(actors=("Emmanuel Macron",)), rec(actors=("Vladimir Putin",)), False),
        (rec(countries=()), rec(), False),  # one side without countries: actors must tie them
        (rec(countries=(), actors=("Vladimir Putin",)), rec(actors=("Vladimir Putin",)), True),
        (rec(value="PAST_REF"), rec(value="PAST_REF"), True),  # undated: same sentence
        (rec(value="PAST_REF"), rec(value="PAST_REF", sentence="Лідери обговорили торгівлю газом та нафтою."), False),
        (rec(value="PAST_REF"), rec(), False),  # dated and undated never across articles
        (rec(places=("Kharkiv",)), rec(places=("Odesa",)), False),  # two places: two events
        (rec(places=("Kharkiv",)), rec(places=("Kharkiv", "Kyiv")), True),
        (rec(places=("Kharkiv",)), rec(), True),
    ],
)
def test_same_event(a, b, same):
    assert same_event(a, b) is same
    assert same_event(b, a) is same
    if same:
        assert merge_key(a) == merge_key(b)


def test_merge_key_is_type_and_year():
    assert merge_key(rec(value="2025-06-27")) == merge_key(rec(value="2025-06")) == "meeting|2025"
    assert merge_key(rec(value="PAST_REF")) == "meeting|PAST_REF"
    assert merge_key({"event_type": ""}) is None


@pytest.mark.parametrize(
    "a, b, ok",
    [
        ("2025-06", "2025-06-27", True),
        ("2025-W26", "2025-06-27", True),
        ("2025", "2025-06-27", False),
        ("2025-06-01", "2025-06-27", False),
        ("PAST_REF", "2025-06", False),
    ],
)
def test_dates_compatible(a, b, ok):
    assert dates_compatible(a, b) is ok


def test_in_article_duplicates_merge_but_different_deaths_do_not():
    text = (
        "Поліція затримала п'ятдесят азербайджанців у Єкатеринбурзі. "
        "Російські силовики затримали азербайджанців під час операції. "
        "Двоє людей загинули. "
        "Брати Сафарови померли після затримання."
    )
    doc = make(
        text,
        "uk",
        entities=[
            ("азербайджанців", "country", "Azerbaijan", "AZE"),
            ("Єкатеринбурзі", "place", "Yekaterinburg", "RUS"),
            ("Російські", "country", "Russia", "RUS"),
            ("Сафарови", "person", "Safarov", None),
        ],
    )
    dets = [e for e in doc.events if e.event_type == "detention"]
    assert len(dets) == 1 and len(dets[0].sources) == 1
    assert len([e for e in doc.events if e.event_type == "death"]) == 2


def test_negated_and_positive_mentions_never_merge():
    text = "Алієв і Путін не провели зустріч. Путін провів зустріч з Пашиняном."
    doc = make(
        text,
        "uk",
        entities=[("Путін", "person", "Vladimir Putin", "RUS"), ("Пашиняном", "person", "Nikol Pashinyan", "ARM")],
    )
    assert len([e for e in doc.events if e.event_type == "meeting"]) == 2


# -- invariants on generated documents -----------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = [
    ("Поліція затримала двох людей", None),
    ("Лідери не провели зустріч", None),
    ("Водночас двоє людей загинули", None),
    ("Пєсков заявив, що переговори відбудуться", None),
    ("У 2001 році сталося вбивство", ("2001", "2001")),
    ("5 вересня відбудеться саміт", ("5 вересня", "2025-09-05")),
    ("Учора Росія завдала удару", ("Учора", "2025-09-02")),
    ('"Ми не погодимося. Ніколи", — сказав президент', None),
    ("Міністерство засудило дії силовиків, вимагаючи пояснень", None),
]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), min_size=1, max_size=6), st.sampled_from(["date 2025-09-03 Заголовок\n\n", ""])
)
def test_invariants(pieces, header):
    text = header + ". ".join(p for p, _ in pieces) + "."
    doc = split_sentences(Document.from_text(text, published="2025-09-03", lang="uk"))
    pos = 0
    for p, tx in pieces:
        at = text.index(p, pos)
        if tx:
            i = text.index(tx[0], at)
            doc.timexes.append(Timex(tx[0], i, i + len(tx[0]), "DATE", tx[1]))
        pos = at + len(p)
    doc = assemble_events(doc)
    ids = [e.event_id for e in doc.events]
    assert len(ids) == len(set(ids))
    again = assemble_events(doc)
    assert [e.event_id for e in again.events] == ids
    for e in doc.events:
        assert 0 <= e.confidence <= 1
        assert e.end is not None and e.end <= "2025-09-03"
        assert e.start is None or e.start <= e.end
        assert (e.start is None) == (e.precision == "undated") == (e.date_value == "PAST_REF")
        assert text[e.sentence_start : e.sentence_end] == e.sentence
        assert e.cameo == taxonomy()[e.event_type].cameo


def test_undated_title_joins_the_dated_lead():
    text = "date 2025-04-12 Thousands protest in Belgrade\n\nTens of thousands rallied in Belgrade on Saturday. Police said nothing."
    doc = make(
        text,
        "en",
        published="2025-04-12",
        timexes=[("Saturday", "2025-04-12")],
        entities=[("Belgrade", "place", "Belgrade", "SRB")],
    )
    (ev,) = [e for e in doc.events if e.event_type == "protest"]
    assert ev.date_value == "2025-04-12" and ev.sources[0]["sentence"] == "Thousands protest in Belgrade"


def test_statement_about_the_future_is_a_past_statement():
    assert types_of(make("Vucic said he would not resign.", "en")) == ["statement"]


@pytest.mark.parametrize(
    "lang, text, timexes, expected",
    [
        ("ru", "Кирк основал организацию в 2012 году.", [("2012 году", "2012")], [("other", "2012")]),
        ("en", "It received its current name in 1949.", [("1949", "1949")], [("other", "1949")]),
        ("uk", "Історія стосунків з 1991 року", [("1991 року", "1991")], []),  # a heading: no final stop
        ("uk", "Новий закон набуде чинності у 2026 році.", [("2026 році", "2026")], []),  # after publication
        ("en", "The plant will open in 2024.", [("2024", "2024")], []),  # a plan
        ("en", "The alliance has existed since 1949.", [("1949", "1949")], []),  # a bound
    ],
)
def test_dated_sentence_without_trigger_is_an_other_event(lang, text, timexes, expected):
    doc = make(text, lang, published="2025-09-03", timexes=timexes)
    assert [(e.event_type, e.date_value) for e in doc.events] == expected
    assert all(e.confidence < 0.5 for e in doc.events)


def test_title_without_trigger_gives_no_other_event():
    doc = make("date 2025-09-03 Кирк основал организацию в 2012 году.\n\nТекст.", "ru", timexes=[("2012 году", "2012")])
    assert doc.events == []


@pytest.mark.parametrize(
    "lang, text, kinds",
    [
        ("ru", "Делегация, которая прибыла в Москву, провела переговоры.", ["main"]),
        ("ru", "МИД осудил удар, заявив о провокации.", ["main", "gerund"]),
        ("ru", "МИД осудил удар, подчеркивая его жестокость.", ["main", "gerund"]),
        ("ru", "Полиция задержала пятерых, включая двух подростков.", ["main"]),
        ("uk", "Поліція затримала п'ятьох, включаючи двох підлітків.", ["main"]),
        ("en", "Leaders from Moscow, Beijing and Delhi met on Monday.", ["main"]),
        ("en", "Police detained five people, including two minors.", ["main"]),
        ("en", "The ministry condemned the strike, calling it a war crime.", ["main", "gerund"]),
    ],
)
def test_participle_clauses(lang, text, kinds):
    lex = Lexicon.for_lang(lang)
    toks = tokens(text)
    assert [c.kind for c in split_clauses(text, 0, toks, lex.triggers(toks), lex)] == kinds


def test_trigger_lists_have_no_duplicates_and_no_stem_in_two_types():
    for lang in ("uk", "ru", "en"):
        res = resource(lang, "events")
        where: dict[str, str] = {}
        for etype, words in res["triggers"].items():
            assert len(words) == len(set(words)), (lang, etype)
            for w in words:
                assert where.setdefault(w, etype) == etype, (lang, w, where[w], etype)


def test_same_time_anaphora_takes_the_last_dated_happening():
    text = (
        "Учора російські війська завдали удару по Харкову. Загинули десять людей. Того ж вечора мер заявив про жалобу."
    )
    doc = make(text, "uk", published="2024-05-26", timexes=[("Учора", "2024-05-25")])
    got = {e.event_type: e.date_value for e in doc.events}
    assert got == {"attack": "2024-05-25", "death": "PAST_REF", "statement": "2024-05-25"}


@pytest.mark.parametrize(
    "lang, text, timexes, expected",
    [
        (
            "uk",
            "22 червня США атакували об'єкти в Ірані. Наступного дня Тегеран випустив ракети по базі.",
            [("22 червня", "2025-06-22")],
            "2025-06-23",
        ),
        (
            "en",
            "Police detained him on March 19. The next day, a court ordered his arrest.",
            [("March 19", "2025-03-19")],
            "2025-03-20",
        ),
        (
            "ru",
            "В марте полиция задержала его. На следующий день суд арестовал его.",
            [("марте", "2025-03")],
            "PAST_REF",
        ),  # a day after a month
    ],
)
def test_next_day_anaphora(lang, text, timexes, expected):
    doc = make(text, lang, published="2025-06-30", timexes=timexes)
    assert doc.events[-1].date_value == expected


@pytest.mark.parametrize(
    "lang, text, timexes",
    [
        ("uk", "Навчання тривали з 13 по 24 червня.", [("13", "2025-06-13"), ("24 червня", "2025-06-24")]),
        ("en", "The summit was held on June 13-14.", [("June 13", "2025-06-13"), ("14", "2025-06-14")]),
    ],
)
def test_a_range_is_dated_by_its_start(lang, text, timexes):
    doc = make(text, lang, published="2025-06-30", timexes=timexes)
    assert [e.date_value for e in doc.events] == ["2025-06-13"]


@pytest.mark.parametrize(
    "lang, text, negated",
    [
        ("uk", "Лідери не провели зустріч.", True),
        ("uk", "Лідери не лише провели зустріч, а й підписали угоду.", False),
        ("ru", "Стороны не только провели переговоры.", False),
        ("en", "The leaders did not meet.", True),
        ("en", "The leaders not only met but signed a deal.", False),
        ("ru", "Обошлось без жертв.", True),  # no casualties: a reported non-death
    ],
)
def test_negation(lang, text, negated):
    doc = make(text, lang)
    if negated:
        assert doc.events and "(" in doc.events[0].summary.split(":")[0]
    else:
        assert all("(" not in e.summary.split(":")[0] for e in doc.events)


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list("абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАБВГЗПУ abcdeMNT.,;:!?\"«»„“”—–-'’\n0123456789")
        ),
        max_size=300,
    ),
    st.sampled_from(["uk", "ru", "en"]),
)
def test_any_text_assembles(text, lang):
    doc = split_sentences(Document.from_text(text, published="2025-09-03", lang=lang))
    for s in doc.sentences:
        assert text[s.start : s.end] == s.text and s.text.strip() == s.text and s.text
    for e in assemble_events(doc).events:
        assert e.sentence == text[e.sentence_start : e.sentence_end]


def test_framing_happening_gets_its_own_event():
    text = "Під час саміту в Китаї Алієв і Путін не провели двосторонню зустріч."
    doc = make(
        text,
        "uk",
        entities=[
            ("Китаї", "country", "China", "CHN"),
            ("Алієв", "person", "Ilham Aliyev", "AZE"),
            ("Путін", "person", "Vladimir Putin", "RUS"),
        ],
    )
    got = {e.event_type: e for e in doc.events}
    assert set(got) == {"meeting", "summit"}
    assert "не відбулося" in got["meeting"].summary and "не відбулося" not in got["summit"].summary
    assert got["summit"].countries == ["AZE", "CHN", "RUS"]


def test_one_president_at_two_summits_gives_two_events():
    text = "Алієв виступив на саміті ШОС у Китаї. Раніше Алієв виступив на форумі в Шуші."
    doc = make(
        text,
        "uk",
        entities=[
            ("Алієв", "person", "Ilham Aliyev", "AZE"),
            ("Китаї", "country", "China", "CHN"),
            ("Шуші", "place", "Shusha", "AZE"),
        ],
    )
    assert len([e for e in doc.events if e.event_type == "summit"]) == 2
