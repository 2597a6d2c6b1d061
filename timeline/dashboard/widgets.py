"""Widgets shared by the pages: the sidebar filters kept in the URL, the timeline (events or
counts per period), the event detail, the table and the downloads.

Pages are thin: they call these.  Filtering, aggregation, figures, highlighting and export
live in their own modules and never import Streamlit.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from .. import aggregate
from ..aggregate import choose_freq, counts_per_period
from ..export import export_meta, to_csv, to_jsonl, to_timelinejs
from ..figures import LANES, counts_figure, date_bounds, timeline_figure
from ..filters import Filters
from ..highlight import highlight_html, highlight_in_sentence, legend_html, safe_link
from ..options import country_label, options_of
from . import data

PRECISIONS = ["day", "week", "month", "season", "quarter", "year", "decade", "undated"]
# Filters attribute -> widget key
KEYS = {
    "countries": "f_country", "actors": "f_actor", "types": "f_type", "since": "f_since", "until": "f_until",
    "query": "f_q", "langs": "f_lang", "precisions": "f_precision", "sources": "f_source", "min_confidence": "f_min_conf",
}
LANGS = {"uk": "Ukrainian (uk)", "ru": "Russian (ru)", "en": "English (en)"}


# -- page frame -------------------------------------------------------------------------


def page_setup(title: str, icon: str = "🗓"):
    """Page config, the store (seeded on first start) and the cached events frame."""
    st.set_page_config(page_title=f"Litopys · {title}", page_icon=icon, layout="wide")
    store = data.get_store()
    data.ensure_seeded(store)
    return store


# -- filters in the sidebar and the URL ----------------------------------------------------


def _state_from_filters(flt: Filters) -> None:
    ss = st.session_state
    for attr, key in KEYS.items():
        v = getattr(flt, attr)
        if attr in ("since", "until"):
            v = date.fromisoformat(v) if v else None
        elif attr == "min_confidence":
            v = float(v or 0.0)
        elif isinstance(v, list):
            v = list(v)
        ss[key] = v


def _clear_filters() -> None:
    _state_from_filters(Filters())


def add_country_filter(iso3: str) -> None:
    """Add a country to the filter (used by the map's click); takes effect on the next run."""
    cur = list(st.session_state.get(KEYS["countries"]) or [])
    if iso3 and iso3 not in cur:
        st.session_state[KEYS["countries"]] = cur + [iso3]


def frame_meta(events: pd.DataFrame) -> dict:
    """What the sidebar offers for a frame (computed once per cached frame by data.load_meta)."""
    return {
        "options": options_of(events), "bounds": date_bounds(events), "titles": _article_titles(events),
        "langs": sorted(events["lang"].dropna().unique()) if len(events) else [],
    }


def sidebar_filters(events: pd.DataFrame, page: str, meta: dict | None = None) -> Filters:
    """Filter widgets shared by every page, initialised from the URL and written back to it.

    Switching pages drops the URL's parameters, so the last filters are also kept in the
    session and restored when a page opens with an empty URL.
    """
    ss = st.session_state
    from_url = Filters.from_params(st.query_params)
    url_params = from_url.to_params()
    last = ss.get("_flt_params")
    if not url_params and last and ss.get("_flt_page") != page:
        _state_from_filters(Filters.from_params(last))
    elif last is None or url_params != last or any(k not in ss for k in KEYS.values()):
        _state_from_filters(from_url)

    meta = meta or frame_meta(events)
    opts, titles = meta["options"], meta["titles"]
    sb = st.sidebar
    sb.header("Filters")

    def union(options, key):
        cur = ss.get(key) or []
        return list(options) + [x for x in cur if x not in set(options)]

    countries = sb.multiselect("Countries", union(opts["countries"], "f_country"), format_func=country_label, key="f_country",
                               placeholder="all countries")
    actors = sb.multiselect("Actors", union(opts["actors"], "f_actor"), key="f_actor", placeholder="all actors")
    types = sb.multiselect("Event types", union(sorted(opts["types"]), "f_type"), key="f_type", placeholder="all types")
    c1, c2 = sb.columns(2)
    since = c1.date_input("Since", min_value=date(1, 1, 1), max_value=date(2999, 12, 31), key="f_since", format="YYYY-MM-DD")
    until = c2.date_input("Until", min_value=date(1, 1, 1), max_value=date(2999, 12, 31), key="f_until", format="YYYY-MM-DD")
    lo, hi = meta["bounds"]
    if lo and hi:
        sb.caption(f"Stored events span {lo} – {hi}")
    query = sb.text_input("Text", key="f_q", placeholder="search summaries, sentences, titles")
    with sb.expander("More filters", expanded=bool(ss.get("f_lang") or ss.get("f_precision") or ss.get("f_source") or ss.get("f_min_conf"))):
        langs = st.multiselect("Language", union(meta["langs"], "f_lang"),
                               format_func=lambda c: LANGS.get(c, c), key="f_lang", placeholder="all languages")
        precisions = st.multiselect("Date precision", union(PRECISIONS, "f_precision"), key="f_precision", placeholder="any precision")
        sources = st.multiselect("Source article", union(list(titles), "f_source"), format_func=lambda a: titles.get(a) or a,
                                 key="f_source", placeholder="all articles")
        min_conf = st.slider("Minimum confidence", 0.0, 1.0, step=0.05, key="f_min_conf")
    b1, b2 = sb.columns(2)
    b1.button("Clear filters", on_click=_clear_filters, key="f_clear")
    b2.button("Reload data", on_click=data.refresh, key="f_reload", help="Read the database again (after an ingest from the command line)")
    flt = Filters(
        countries=countries, actors=actors, types=types,
        since=since.isoformat() if isinstance(since, date) else None,
        until=until.isoformat() if isinstance(until, date) else None,
        query=query or "", langs=langs, precisions=precisions, sources=sources, min_confidence=min_conf,
    )
    params = flt.to_params()
    current = Filters.from_params(st.query_params).to_params()
    if current != params or len(st.query_params) != len(params):
        st.query_params.from_dict(params)
    ss["_flt_params"] = params
    ss["_flt_page"] = page
    return flt


def _article_titles(events: pd.DataFrame) -> dict[str, str]:
    if events.empty:
        return {}
    pairs = events.loc[events["article_id"].fillna("") != "", ["article_id", "title", "published"]].drop_duplicates("article_id")
    pairs = pairs.sort_values("published", ascending=False, na_position="last")
    return {a: f"{p or '????-??-??'} · {(t or a)[:70]}" for a, t, p in pairs.itertuples(index=False)}


def shown_caption(shown: pd.DataFrame, events: pd.DataFrame) -> None:
    st.caption(f"{len(shown):,} of {len(events):,} events shown".replace(",", "\u202f"))


# -- the timeline -----------------------------------------------------------------------------


def _selected_customdata(key: str):
    state = st.session_state.get(key)
    try:
        points = state["selection"]["points"]
    except (KeyError, TypeError):
        return None
    if not points:
        return None
    cd = points[0].get("customdata")
    if isinstance(cd, (list, tuple)):
        cd = cd[0] if cd else None
    return cd


def _pick_event() -> None:
    ev = _selected_customdata("timeline_chart")
    if ev:
        st.session_state["detail_event"] = ev


def _narrow_to_period() -> None:
    cd = _selected_customdata("counts_chart")
    if cd and "/" in str(cd):
        a, b = str(cd).split("/")[:2]
        st.session_state[KEYS["since"]] = date.fromisoformat(a)
        st.session_state[KEYS["until"]] = date.fromisoformat(b)


def timeline_view(shown: pd.DataFrame, detail_limit: int | None = None, flt: Filters | None = None):
    """Events as marks, or counts per period by type when more than `detail_limit` are in view.

    Returns the figure drawn (for the HTML download).
    """
    detail_limit = aggregate.DETAIL_LIMIT if detail_limit is None else detail_limit
    c1, c2 = st.columns([3, 2])
    lane = c1.radio("Lanes", options=list(LANES), horizontal=True, key="lane", format_func=str.capitalize)
    if len(shown) > detail_limit:
        freq = choose_freq(shown)
        st.info(
            f"{len(shown):,} events in view: showing counts per {freq} by event type. "
            "Narrow the date range or the other filters, or click a bar, to see the events themselves."
        )
        fig = counts_figure(counts_per_period(shown, freq), freq)
        st.plotly_chart(fig, key="counts_chart", on_select=_narrow_to_period, selection_mode="points", width="stretch")
        return fig
    c2.caption("● day · ▬ span (week … decade) · ◁ open: undated, reported before the publication date. Click a mark for its sources.")
    fig = timeline_figure(shown, lane=lane, x_range=(flt.since, flt.until) if flt else None)
    st.plotly_chart(fig, key="timeline_chart", on_select=_pick_event, selection_mode="points", width="stretch")
    return fig


def _when(start, end, precision=None) -> str:
    start = None if pd.isna(start) else start
    end = None if pd.isna(end) else end
    if precision == "undated" or not start:
        return f"before {end}" if end else "undated"
    return f"{start} – {end}" if end and end != start else str(start)


def _event_label(r) -> str:
    when = _when(r.start, r.end, r.precision)
    return f"{when} · {r.event_type} · {(r.summary or '')[:90]}"


def event_picker(shown: pd.DataFrame, label: str = "Event details", key: str = "detail_event") -> str | None:
    """A selectbox of the events in view (also set by clicking the chart)."""
    if shown.empty or len(shown) > aggregate.DETAIL_LIMIT:
        return None
    ids = shown["event_id"].tolist()
    if st.session_state.get(key) not in set(ids):
        st.session_state[key] = None
    labels = dict(zip(ids, (_event_label(r) for r in shown.itertuples(index=False)), strict=False))
    return st.selectbox(label, ids, format_func=lambda i: labels.get(i, i), key=key, index=None, placeholder="click a mark on the chart or choose an event")


def event_detail(store, event: dict) -> None:
    """The event: its sentence with the date and entities highlighted, the article, every other source."""
    url = store.url
    when = _when(event.get("start"), event.get("end"), event.get("precision"))
    st.markdown(f"**{_md_escape(event.get('summary') or '')}**")
    facts = {
        "when": f"{when} ({event.get('precision') or '?'})", "type": event.get("event_type"),
        "confidence": f"{float(event.get('confidence') or 0):.2f}", "date value": event.get("date_value"), "date text": event.get("date_text"),
        "countries": ", ".join(map(country_label, event.get("countries") or [])),
        "actors": ", ".join(event.get("actors") or []), "places": ", ".join(event.get("places") or []),
        "event id": event.get("event_id"),
    }
    st.html("<table class='litopys-facts'>" + "".join(
        f"<tr><th style='text-align:left;padding-right:1rem'>{k}</th><td>{_h(v)}</td></tr>" for k, v in facts.items() if v
    ) + "</table>")
    st.html(legend_html())
    sources = data.load_sources(url, event["event_id"]) or []
    if not sources:
        st.html(highlight_in_sentence(event.get("sentence") or "", _needles(event)))
    for i, src in enumerate(sources):
        head = "Source" if i == 0 else f"Other source {i}"
        title = src.get("title") or ("added by hand" if not src.get("article_id") else src.get("article_id"))
        st.html(
            f"<div style='margin-top:.6rem'><b>{head}:</b> {safe_link(src.get('url'), title) if src.get('url') else _h(title)}"
            f"{' · published ' + _h(src['published']) if src.get('published') else ''}</div>"
        )
        st.html(source_sentence_html(url, src, event))


def source_sentence_html(url: str, src: dict, event: dict) -> str:
    art = data.load_article(url, src["article_id"]) if src.get("article_id") else None
    s, e = src.get("sentence_start"), src.get("sentence_end")
    if art and isinstance(s, int) and isinstance(e, int) and e > s:
        return highlight_html(art["text"], art.get("annotations") or {}, focus=(s, e), start=s, end=e, max_height="14rem")
    payload = src.get("payload") or {}
    return highlight_in_sentence(src.get("sentence") or event.get("sentence") or "", _needles(payload or event))


def _needles(rec: dict) -> dict[str, list[str]]:
    return {"timex": [rec.get("date_text") or ""], "person": list(rec.get("actors") or []), "place": list(rec.get("places") or [])}


def _h(v) -> str:
    from html import escape

    return escape("" if v is None else str(v))


def _md_escape(s: str) -> str:
    """Text for st.markdown shown literally: HTML escaped and every markdown character backslashed."""
    from html import escape

    out = escape(s or "")
    for ch in "\\`*_{}[]()#+-.!|<>~$":
        out = out.replace(ch, "\\" + ch)
    return out


def detail_for(store, events: pd.DataFrame, event_id: str | None) -> None:
    if not event_id:
        return
    row = events[events["event_id"] == event_id]
    if row.empty:
        return
    with st.container(border=True):
        event_detail(store, row.iloc[0].to_dict())


# -- table and downloads -------------------------------------------------------------------------

TABLE_COLUMNS = ["start", "end", "precision", "event_type", "summary", "countries", "actors", "places", "date_text", "title", "confidence"]
TABLE_ROWS = 1000


def list_text(s: pd.Series) -> pd.Series:
    """A column of lists as '; '-joined text, vectorised."""
    return s.str.join("; ").fillna("")


def events_table(shown: pd.DataFrame, limit: int = TABLE_ROWS) -> None:
    view = shown[TABLE_COLUMNS].head(limit).copy()
    for col in ("countries", "actors", "places"):
        view[col] = list_text(view[col])
    view["start"] = view["start"].fillna("")  # undated: no start is known, not "None"
    if len(shown) > limit:
        st.caption(f"The first {limit:,} of {len(shown):,} events; the downloads hold all of them.")
    st.dataframe(view, hide_index=True, width="stretch", key="events_table")


def records_of(shown: pd.DataFrame) -> list[dict]:
    return shown.drop(columns=[c for c in shown.columns if c.startswith("_")]).to_dict("records")


def download_buttons(shown: pd.DataFrame, flt: Filters, fig=None, key: str = "dl", config: dict | None = None) -> None:
    """Download CSV (exactly the filtered events, the contract's CSV), JSON Lines, TimelineJS, chart HTML.

    The files are generated only when a button is clicked.  PNG: use the camera button in
    the chart's toolbar (drawn by the browser; server-side PNG would need kaleido + Chrome).
    """
    meta = export_meta(flt, len(shown))
    cols = st.columns(4 if fig is not None else 3)
    cols[0].download_button("Download CSV", lambda: to_csv(records_of(shown)).encode("utf-8"), "litopys-events.csv", "text/csv",
                            key=f"{key}_csv", on_click="ignore", icon=":material/download:")
    cols[1].download_button("Download JSON Lines", lambda: to_jsonl(records_of(shown)).encode("utf-8"), "litopys-events.jsonl",
                            "application/jsonl", key=f"{key}_jsonl", on_click="ignore")
    cols[2].download_button("Download TimelineJS", lambda: to_timelinejs(records_of(shown), meta).encode("utf-8"),
                            "litopys-timelinejs.json", "application/json", key=f"{key}_tljs", on_click="ignore")
    if fig is not None:
        cols[3].download_button("Download chart (HTML)", lambda: fig.to_html(include_plotlyjs=True, full_html=True, config=config).encode("utf-8"),
                                "litopys-chart.html", "text/html", key=f"{key}_html", on_click="ignore",
                                help="A self-contained page with plotly.js embedded (works offline). For a PNG, use the camera button on the chart.")
