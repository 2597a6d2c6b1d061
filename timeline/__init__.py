"""Litopys: news articles in several languages -> an event timeline analysts can trust.

Public API (contract): `find_timexes` and `extract_events`.  Imports are lazy so that
`python -m timeline timex` stays light.
"""

from __future__ import annotations

__version__ = "0.1.0"


def find_timexes(text, published=None, lang=None) -> list:
    """Temporal expressions of `text` as contract dicts (text, start, end, type, value)."""
    from .temporal import find_timexes as _find

    return _find(text, published=published, lang=lang)


def extract_events(text, published=None, lang=None, title=None, url=None):
    """Events of one article as a pandas DataFrame with the contract's columns."""
    from .extract import extract_events as _extract

    return _extract(text, published=published, lang=lang, title=title, url=url)


__all__ = ["__version__", "extract_events", "find_timexes"]
