"""A country adjective that names a language is not the country ("англійською мовою", "in English")."""

from __future__ import annotations

import pytest

from timeline.entities import find_entities


@pytest.mark.parametrize(
    "text, lang, countries",
    [
        ("Заняття проходитимуть англійською мовою.", "uk", []),
        ("Переговори з англійською делегацією.", "uk", ["GBR"]),
        ("Документ опубликован на английском языке.", "ru", []),
        ("Classes are taught in English. English officials disagreed.", "en", ["GBR"]),
        ("Protesters shouted in Spanish, then left.", "en", []),
        ("Strikes hit targets in Russian cities and in Ukrainian territory.", "en", ["RUS", "UKR"]),
        ("Shares fell in American Stock Exchange trading.", "en", ["USA"]),
    ],
)
def test_language_use(text, lang, countries):
    found = [e["country"] for e in find_entities(text, lang=lang) if e["kind"] == "country"]
    assert found == countries
