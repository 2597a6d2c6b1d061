"""Choices offered by the filters, and how they are labelled."""

from __future__ import annotations

from functools import cache


@cache
def country_label(iso3: str) -> str:
    """'Azerbaijan (AZE)': the same English name the entity stage gives ("Russia", not
    pycountry's "Russian Federation"); the code alone when unknown."""
    try:
        from .entities.gazetteer import country_name

        name = country_name(iso3)
    except Exception:
        name = iso3
    return f"{name} ({iso3})" if name and name != iso3 else iso3


def options_of(events) -> dict[str, list[str]]:
    """The distinct countries, actors and types of an events frame, most frequent first."""
    if events.empty:
        return {"countries": [], "actors": [], "types": []}

    def ranked(series):
        return list(series.explode().dropna().value_counts().index)

    return {
        "countries": ranked(events["countries"]),
        "actors": ranked(events["actors"]),
        "types": ranked(events["event_type"]),
    }


@cache
def event_types() -> tuple[str, ...]:
    """The documented event taxonomy (timeline/events/taxonomy.toml), sorted."""
    import tomllib
    from pathlib import Path

    path = Path(__file__).resolve().parent / "events" / "taxonomy.toml"
    try:
        with open(path, "rb") as fh:
            return tuple(sorted((tomllib.load(fh).get("types") or {}).keys()))
    except (OSError, ValueError):
        return ()


PRECISIONS = ("day", "week", "month", "season", "quarter", "year", "decade", "undated")
