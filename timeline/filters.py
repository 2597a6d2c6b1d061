"""The filters an analyst applies, as one object shared by the CLI, the dashboard and its URL.

URL form (contract): ?country=AZE&country=RUS&since=2001-01-01&until=2025-12-31&type=detention&actor=Putin&q=text
An event passes the date range when its span overlaps it.  Undated events (only known to be
before publication) are judged where the timeline draws them, at their publication date:
otherwise every old filter window would fill with recent "earlier" reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

# URL parameter name -> attribute, for the repeatable (list) parameters
_LIST_PARAMS = {"country": "countries", "actor": "actors", "type": "types", "lang": "langs", "precision": "precisions", "source": "sources"}
_SCALAR_PARAMS = {"since": "since", "until": "until", "q": "query", "min_conf": "min_confidence"}


def _valid_date(v) -> str | None:
    if not v:
        return None
    try:
        return date.fromisoformat(str(v)[:10]).isoformat()
    except ValueError:
        return None


@dataclass
class Filters:
    countries: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    since: str | None = None
    until: str | None = None
    query: str = ""
    langs: list[str] = field(default_factory=list)
    precisions: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # article ids
    min_confidence: float = 0.0

    def __post_init__(self):
        self.countries = [c.strip().upper() for c in self.countries if c and c.strip()]
        self.since = _valid_date(self.since)
        self.until = _valid_date(self.until)
        try:
            self.min_confidence = float(self.min_confidence or 0)
        except (TypeError, ValueError):
            self.min_confidence = 0.0

    @classmethod
    def from_params(cls, params) -> Filters:
        """From URL query parameters: a mapping whose values are a str or a list of str."""

        def values(name):
            if hasattr(params, "get_all"):
                return list(params.get_all(name))
            v = params.get(name) if hasattr(params, "get") else None
            if v is None:
                return []
            return list(v) if isinstance(v, (list, tuple)) else [v]

        kw = {attr: [x for x in values(name) if x] for name, attr in _LIST_PARAMS.items()}
        for name, attr in _SCALAR_PARAMS.items():
            vals = values(name)
            if vals:
                kw[attr] = vals[-1]
        return cls(**kw)

    def to_params(self) -> dict[str, list[str] | str]:
        """URL query parameters for this view (empty filters left out)."""
        out: dict[str, list[str] | str] = {}
        for name, attr in _LIST_PARAMS.items():
            if getattr(self, attr):
                out[name] = list(getattr(self, attr))
        for name, attr in _SCALAR_PARAMS.items():
            v = getattr(self, attr)
            if v:
                out[name] = str(v)
        return out

    def is_empty(self) -> bool:
        return not self.to_params()

    def apply(self, df):
        """The rows of an events frame (from Store.events_frame) that pass every filter.

        Vectorised (lists are exploded, never looped over in Python) so that it stays fast
        on 100,000 events.  A `_search` column (lower-cased text to search), when the loader
        added one, saves rebuilding it on every call.
        """
        if df.empty:
            return df
        mask = df["event_id"].notna().to_numpy().copy()
        if self.countries:
            mask &= _any_in_list(df["countries"], lambda s: s.isin(set(self.countries)))
        if self.actors:
            pattern = "|".join(re.escape(a.lower()) for a in self.actors)
            mask &= _any_in_list(df["actors"], lambda s: s.str.lower().str.contains(pattern, regex=True, na=False))
        if self.types:
            mask &= df["event_type"].isin(self.types).to_numpy()
        if self.langs:
            mask &= df["lang"].isin(self.langs).to_numpy()
        if self.precisions:
            mask &= df["precision"].isin(self.precisions).to_numpy()
        if self.sources:
            mask &= df["article_id"].isin(self.sources).to_numpy()
        if self.min_confidence:
            mask &= (df["confidence"].fillna(0) >= self.min_confidence).to_numpy()
        if self.since:
            mask &= (df["end"].fillna("9999-12-31") >= self.since).to_numpy()
        if self.until:
            mask &= (df["start"].fillna(df["end"]).fillna("") <= self.until).to_numpy()
        if self.query:
            hay = df["_search"] if "_search" in df else search_text(df)
            mask &= hay.str.contains(self.query.lower(), regex=False).to_numpy()
        return df[mask]


def _any_in_list(col, test):
    """Per row of a column of lists: does any element pass `test` (a vectorised predicate)?"""
    import numpy as np

    s = col.reset_index(drop=True).explode()
    s = s[s.notna()]
    hit = np.zeros(len(col), dtype=bool)
    if len(s):
        ok = test(s.astype(str)).to_numpy()
        hit[s.index.to_numpy()[ok]] = True
    return hit


def search_text(df):
    """Lower-cased summary, sentence, title, actors and places of each event, for `q`."""

    def joined(col):
        return df[col].str.join(" ").fillna("")

    return (
        df["summary"].fillna("") + "\n" + df["sentence"].fillna("") + "\n" + df["title"].fillna("")
        + "\n" + joined("actors") + "\n" + joined("places")
    ).str.lower()
