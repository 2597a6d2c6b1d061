"""Continents and regions block namesake towns (Asia, Philippines; Caucasia, Colombia) and are
not reported as places."""

from __future__ import annotations

import pytest

from timeline.entities import find_entities


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Переговори щодо безпеки в Центральній Азії та на Кавказі.", "uk"),
        ("Ситуация на Кавказе и в Азии обостряется.", "ru"),
        ("Security in Asia and the Caucasus was discussed.", "en"),
        ("Вони поїхали до Європи через Балкани.", "uk"),
    ],
)
def test_regions_are_not_places_or_towns(text, lang):
    found = find_entities(text, lang=lang)
    assert [e for e in found if e["kind"] == "place"] == []
    assert all(e["country"] not in ("PHL", "COL") for e in found)


def test_a_region_does_not_hide_the_country_next_to_it():
    found = find_entities("У Центральній Азії Казахстан підписав угоду.", lang="uk")
    assert [(e["kind"], e["country"]) for e in found] == [("country", "KAZ")]
