"""Counts of events (per period and type, per country), vectorised for 100,000-event frames.

An event is counted where the timeline draws it: at its start, or at its end (the
publication date) when only an upper bound is known.  No Streamlit here.
"""

from __future__ import annotations

import pandas as pd

# beyond this many events in view the timeline shows counts per period instead of events
DETAIL_LIMIT = 2000
FREQS = {"day": "D", "week": "W", "month": "M", "year": "Y"}


def event_dates(df: pd.DataFrame) -> pd.Series:
    """The date each event is drawn at, as datetime64 (NaT when unknown)."""
    return pd.to_datetime(df["start"].fillna(df["end"]), errors="coerce")


def choose_freq(df: pd.DataFrame, max_bars: int = 150) -> str:
    """The finest of month / year that keeps the number of bars readable."""
    d = event_dates(df).dropna()
    if d.empty:
        return "year"
    months = (d.max().year - d.min().year) * 12 + d.max().month - d.min().month + 1
    return "month" if months <= max_bars else "year"


def counts_per_period(df: pd.DataFrame, freq: str = "month", by: str = "event_type") -> pd.DataFrame:
    """Columns period_start, period_end (ISO dates), `by`, n; sorted by period."""
    cols = ["period_start", "period_end", by, "n"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    d = event_dates(df)
    keep = d.notna()
    per = d[keep].dt.to_period(FREQS[freq])
    g = pd.DataFrame({"period": per, by: df.loc[keep, by].fillna("(none)").to_numpy()})
    out = g.groupby(["period", by], sort=True, observed=True).size().reset_index(name="n")
    out["period_start"] = out["period"].dt.start_time.dt.date.astype(str)
    out["period_end"] = out["period"].dt.end_time.dt.date.astype(str)
    return out[cols].reset_index(drop=True)


def counts_by_country(df: pd.DataFrame) -> pd.DataFrame:
    """Columns iso3, n: events per country (an event counts for each of its countries)."""
    if df.empty:
        return pd.DataFrame({"iso3": pd.Series(dtype=str), "n": pd.Series(dtype=int)})
    s = df["countries"].explode().dropna()
    s = s[s != ""]
    out = s.value_counts().rename_axis("iso3").reset_index(name="n")
    return out


def counts_by(df: pd.DataFrame, col: str) -> pd.Series:
    """Events per value of a column (lists are exploded), most frequent first."""
    if df.empty:
        return pd.Series(dtype=int)
    s = df[col]
    if s.map(type).eq(list).any():
        s = s.explode()
    return s.dropna().value_counts()
