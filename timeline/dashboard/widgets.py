"""Sidebar filters kept in the URL, the chart, the table and the downloads."""

from __future__ import annotations

from datetime import date

import streamlit as st

from ..export import export_meta, to_csv, to_jsonl, to_timelinejs
from ..figures import LANES, date_bounds, timeline_figure
from ..filters import Filters
from ..options import country_label, options_of


def _sync_url(flt: Filters) -> None:
    params = flt.to_params()
    current = {k: st.query_params.get_all(k) for k in st.query_params}
    wanted = {k: (v if isinstance(v, list) else [v]) for k, v in params.items()}
    if current != wanted:
        st.query_params.from_dict(params)


def sidebar_filters(events) -> Filters:
    """Filter widgets, initialised from the URL and written back to it on every change."""
    url = Filters.from_params(st.query_params)
    opts = options_of(events)
    sb = st.sidebar
    sb.header("Filters")
    countries = sb.multiselect(
        "Countries", options=sorted(set(opts["countries"]) | set(url.countries)), default=url.countries,
        format_func=country_label, key="f_country",
    )
    actors = sb.multiselect("Actors", options=sorted(set(opts["actors"]) | set(url.actors)), default=url.actors, key="f_actor")
    types = sb.multiselect("Event types", options=sorted(set(opts["types"]) | set(url.types)), default=url.types, key="f_type")
    lo, hi = date_bounds(events)
    c1, c2 = sb.columns(2)
    since = c1.date_input("Since", value=date.fromisoformat(url.since) if url.since else None, min_value=date(1, 1, 1), key="f_since")
    until = c2.date_input("Until", value=date.fromisoformat(url.until) if url.until else None, min_value=date(1, 1, 1), key="f_until")
    if lo and hi:
        sb.caption(f"Stored events span {lo} – {hi}")
    query = sb.text_input("Text", value=url.query, key="f_q", placeholder="search summaries, sentences, titles")
    flt = Filters(
        countries=countries, actors=actors, types=types,
        since=since.isoformat() if since else None, until=until.isoformat() if until else None,
        query=query, langs=url.langs, precisions=url.precisions, sources=url.sources, min_confidence=url.min_confidence,
    )
    _sync_url(flt)
    return flt


def timeline_chart(shown) -> None:
    lane = st.radio("Lanes", options=list(LANES), horizontal=True, key="lane", format_func=str.capitalize)
    st.plotly_chart(timeline_figure(shown, lane=lane), width="stretch", key="timeline_chart")


TABLE_COLUMNS = ["start", "end", "precision", "event_type", "summary", "countries", "actors", "places", "date_text", "title", "confidence"]


def events_table(shown) -> None:
    view = shown[TABLE_COLUMNS].copy()
    for col in ("countries", "actors", "places"):
        view[col] = view[col].map(", ".join)
    st.dataframe(view, hide_index=True, width="stretch")


def download_buttons(shown, flt: Filters) -> None:
    records = shown.to_dict("records")
    meta = export_meta(flt, len(records))
    c1, c2, c3 = st.columns(3)
    c1.download_button("Download CSV", to_csv(records).encode("utf-8"), "litopys-events.csv", "text/csv", key="dl_csv")
    c2.download_button("Download JSON Lines", to_jsonl(records).encode("utf-8"), "litopys-events.jsonl", "application/jsonl", key="dl_jsonl")
    c3.download_button("Download TimelineJS", to_timelinejs(records, meta).encode("utf-8"), "litopys-timelinejs.json", "application/json", key="dl_tljs")
