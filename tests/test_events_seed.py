"""Acceptance: the seed article through the real pipeline (sentences, timexes, entities, events).

Countries come from the entity stage; dates from the temporal stage.  Each expected event is
looked up by a phrase of its sentence (or of a sentence merged into it, `sources`).
"""

from __future__ import annotations

import pytest

from timeline.extract import extract_document


@pytest.fixture(scope="module")
def seed_events():
    from tests.conftest import SEED

    return extract_document(SEED.read_text(encoding="utf-8")).events


def find(events, phrase, types):
    def sentences(e):
        return [e.sentence] + [s.get("sentence", "") for s in e.sources]

    hits = [e for e in events if any(phrase in s for s in sentences(e)) and e.event_type in types]
    assert hits, f"no {types} event for «{phrase}»: {[(e.event_type, e.sentence[:60]) for e in events]}"
    return hits


def undated(e):
    return (e.date_value, e.precision, e.start, e.end) == ("PAST_REF", "undated", None, "2025-09-03")


@pytest.mark.parametrize(
    "phrase, types, countries",
    [
        ("не провели двосторонню зустріч", {"summit", "meeting"}, ["AZE", "CHN", "RUS"]),
        ("провів двосторонні переговори", {"meeting"}, ["ARM", "RUS", "TUR"]),
        ("зробив резонансну заяву під час форуму в місті Шуша", {"statement"}, ["AZE"]),
        ("затримали близько 50 осіб", {"detention"}, ["AZE", "RUS"]),
        ("рішуче засудило дії російських силовиків", {"condemnation"}, ["AZE", "RUS"]),
    ],
)
def test_seed_undated_events_with_their_countries(seed_events, phrase, types, countries):
    hits = find(seed_events, phrase, types)
    assert any(e.countries == countries and undated(e) for e in hits), [(e.countries, e.date_value) for e in hits]


@pytest.mark.parametrize("phrase", ["двоє людей загинули", "Сафарови — померли"])
def test_seed_deaths(seed_events, phrase):
    hits = find(seed_events, phrase, {"death"})
    assert all(undated(e) for e in hits)


def test_two_deaths_stay_two_events(seed_events):
    a = find(seed_events, "двоє людей загинули", {"death"})
    b = find(seed_events, "Сафарови — померли", {"death"})
    assert {e.event_id for e in a}.isdisjoint({e.event_id for e in b})


def test_seed_crimes_one_event_per_year(seed_events):
    hits = find(seed_events, "злочинів 2001, 2010 і 2011 років", {"crime", "investigation", "death"})
    dated = sorted((e.date_value, e.start, e.end, e.precision) for e in hits if e.date_value != "PAST_REF")
    assert dated == [
        ("2001", "2001-01-01", "2001-12-31", "year"),
        ("2010", "2010-01-01", "2010-12-31", "year"),
        ("2011", "2011-01-01", "2011-12-31", "year"),
    ]
    # the clause names only the victim; "Московські силовики" in the same sentence gives the country
    assert all("RUS" in e.countries for e in hits if e.date_value != "PAST_REF")


def test_seed_nothing_outside_2001_to_publication(seed_events):
    for e in seed_events:
        assert e.end and "2001-01-01" <= e.end <= "2025-09-03", (e.event_type, e.date_value, e.sentence[:60])
        assert e.start is None or "2001-01-01" <= e.start <= "2025-09-03"
        assert e.precision != "day" or e.date_value[:4] not in ("2001", "2010", "2011")
