"""The filters an analyst applies, as one object shared by the CLI, the dashboard and its URL.

URL form (contract): ?country=AZE&country=RUS&since=2001-01-01&until=2025-12-31&type=detention&actor=Putin&q=text
An event passes the date range when its span overlaps it.  Undated events (only known to be
before publication) are judged where the timeline draws them, at their publication date:
otherwise every old filter window would fill with recent "earlier" reports.
"""

from __future__ import annotations

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
        """The rows of an events frame (from Store.events_frame) that pass every filter."""
        if df.empty:
            return df
        mask = df["event_id"].notna()
        if self.countries:
            want = set(self.countries)
            mask &= df["countries"].map(lambda cs: bool(want & set(cs)))
        if self.actors:
            needles = [a.lower() for a in self.actors]
            mask &= df["actors"].map(lambda acts: any(n in a.lower() for a in acts for n in needles))
        if self.types:
            mask &= df["event_type"].isin(self.types)
        if self.langs:
            mask &= df["lang"].isin(self.langs)
        if self.precisions:
            mask &= df["precision"].isin(self.precisions)
        if self.sources:
            mask &= df["article_id"].isin(self.sources)
        if self.min_confidence:
            mask &= df["confidence"].fillna(0) >= self.min_confidence
        if self.since:
            mask &= df["end"].fillna("9999-12-31") >= self.since
        if self.until:
            mask &= df["start"].fillna(df["end"]).fillna("") <= self.until
        if self.query:
            q = self.query.lower()
            hay = (
                df["summary"].fillna("") + "\n" + df["sentence"].fillna("") + "\n" + df["title"].fillna("")
                + "\n" + df["actors"].map(" ".join) + "\n" + df["places"].map(" ".join)
            ).str.lower()
            mask &= hay.str.contains(q, regex=False)
        return df[mask]
