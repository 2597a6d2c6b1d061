"""Plotly figures of events (no Streamlit here: pages call these and show the result).

Day events are points, spans (week .. decade) are bars across their span, and events known
only to be before publication are open markers at the publication date, with "before" in
their hover text.  Lanes are countries by default (an event sits in each of its countries'
lanes), or actors, or event types.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from urllib.parse import quote

import pandas as pd
import plotly.graph_objects as go

LANES = {"country": "countries", "actor": "actors", "type": "event_type"}
NO_LANE = "(none)"
OTHER_TYPES = "other types"
# 36 distinct colours: the event taxonomy has about thirty types
_PALETTE = [
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f",
    "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354", "#756bb1", "#636363",
    "#6baed6", "#fd8d3c", "#74c476", "#9e9ac8", "#969696", "#9c9ede", "#cedb9c", "#e7ba52", "#e7969c", "#de9ed6",
    "#0b6e4f", "#c2185b", "#5d4037", "#00838f", "#ad1457", "#283593",
]


def _lane_values(df: pd.DataFrame, lane: str) -> pd.DataFrame:
    col = LANES.get(lane, "countries")
    out = df.copy()
    if col == "event_type":
        out["lane"] = out[col].fillna(NO_LANE)
        return out
    out["lane"] = out[col]
    out = out.explode("lane")
    out["lane"] = out["lane"].fillna(NO_LANE).replace("", NO_LANE)
    return out


def _esc(s: pd.Series, limit: int | None = None) -> pd.Series:
    """Vectorised html.escape (article text must never render as markup in a tooltip)."""
    s = s.fillna("").astype(str)
    if limit:
        s = s.str.slice(0, limit)
    return (
        s.str.replace("&", "&amp;", regex=False).str.replace("<", "&lt;", regex=False)
        .str.replace(">", "&gt;", regex=False).str.replace('"', "&quot;", regex=False)
        .str.replace("'", "&#x27;", regex=False)
    )


def hover_texts(df: pd.DataFrame) -> pd.Series:
    """Tooltip per event: type, when (with the 'before' cue), summary, date text, source."""
    start, end = df["start"].fillna(""), df["end"].fillna("")
    prec = df["precision"].fillna("")
    span = start + " – " + end + " (" + prec + ")"
    span = span.mask(start == end, start)
    undated = (prec == "undated") | (start == "")
    span = span.mask(undated, ("before " + end).where(end != "", "undated"))
    src = df["title"].fillna("").astype(str)
    src = src.mask(src == "", df["article_id"].fillna("").astype(str))
    src = src.mask(src == "", "added by hand")
    extra = pd.Series("", index=df.index)
    if "n_sources" in df:
        more = df["n_sources"].fillna(1).astype(int) - 1
        extra = extra.mask(more > 0, " (+" + more.astype(str) + " more)")
    return (
        "<b>" + _esc(df["event_type"]) + "</b> · " + _esc(span) + "<br>" + _esc(df["summary"], 160)
        + "<br><i>date text:</i> " + _esc(df["date_text"]).replace("", "—") + "<br><i>source:</i> "
        + _esc(src, 80) + extra
    )


def type_colors(types) -> dict[str, str]:
    return {t: _PALETTE[i % len(_PALETTE)] for i, t in enumerate(sorted(set(types)))}


def timeline_figure(
    df: pd.DataFrame, lane: str = "country", height: int | None = None, gl_above: int = 400, x_range: tuple | None = None
) -> go.Figure:
    """The timeline of the given events (customdata of every mark = event_id).

    Traces with more than `gl_above` points are drawn with WebGL (scattergl).  Spans are
    drawn first so that points sit on top of them.  `x_range` (the filter's since/until,
    either may be None) keeps long spans that overlap the window from widening the view.
    """
    fig = go.Figure()
    if df.empty:
        return _empty(fig, height)
    d = _lane_values(df, lane)
    d["hover"] = hover_texts(d)
    colors = type_colors(d["event_type"].fillna(NO_LANE))
    lanes = sorted(d["lane"].unique(), key=lambda x: (x == NO_LANE, x))
    bars, marks = [], []
    for rank, (etype, g) in enumerate(d.groupby(d["event_type"].fillna(NO_LANE), sort=True)):
        color = colors[etype]
        undated_mask = (g["precision"] == "undated") | g["start"].isna()
        day = g[(g["precision"] == "day") & ~undated_mask]
        span = g[(g["precision"] != "day") & ~undated_mask]
        undated = g[undated_mask & g["end"].notna()]
        if not span.empty:
            starts = pd.to_datetime(span["start"])
            ends = pd.to_datetime(span["end"].fillna(span["start"])) + timedelta(days=1)
            bars.append(
                go.Bar(
                    base=starts, x=(ends - starts).dt.total_seconds() * 1000, y=span["lane"], orientation="h",
                    marker=dict(color=color, opacity=0.45, line=dict(color=color, width=1)),
                    name=etype, legendgroup=etype, legendrank=rank, customdata=span["event_id"], hovertext=span["hover"],
                    hoverinfo="text", width=0.4,
                )
            )
        scatter = go.Scattergl if len(day) > gl_above else go.Scatter
        if not day.empty:
            marks.append(
                scatter(
                    x=pd.to_datetime(day["start"]), y=day["lane"], mode="markers",
                    marker=dict(color=color, size=11, symbol="circle", line=dict(color="white", width=1)),
                    name=etype, legendgroup=etype, legendrank=rank, showlegend=span.empty, customdata=day["event_id"],
                    hovertext=day["hover"], hoverinfo="text",
                )
            )
        scatter = go.Scattergl if len(undated) > gl_above else go.Scatter
        if not undated.empty:
            marks.append(
                scatter(
                    x=pd.to_datetime(undated["end"]), y=undated["lane"], mode="markers",
                    marker=dict(color=color, size=12, symbol="triangle-left-open", line=dict(width=2, color=color)),
                    name=etype, legendgroup=etype, legendrank=rank, customdata=undated["event_id"],
                    showlegend=span.empty and day.empty,
                    hovertext=undated["hover"], hoverinfo="text",
                )
            )
    fig.add_traces(bars + marks)
    fig.update_layout(
        barmode="overlay",
        height=height or min(1400, max(340, 110 + 36 * len(lanes))),
        margin=dict(l=10, r=10, t=30, b=10),
        # beside the chart: a legend on top wraps into the range buttons on a narrow page
        legend=dict(orientation="v", yanchor="top", y=1, xanchor="left", x=1.01, title=None),
        hoverlabel=dict(align="left"),
        clickmode="event+select",
        xaxis=dict(type="date", rangeslider=dict(visible=True, thickness=0.06), rangeselector=_RANGE_BUTTONS),
        yaxis=dict(categoryorder="array", categoryarray=list(reversed(lanes)), title=None, automargin=True),
    )
    if x_range and any(x_range):
        lo, hi = x_range
        dates = pd.to_datetime(pd.concat([df["start"].dropna(), df["end"].dropna()]))
        lo = pd.Timestamp(lo) if lo else dates.min()
        hi = pd.Timestamp(hi) + timedelta(days=1) if hi else dates.max() + timedelta(days=1)
        pad = (hi - lo) * 0.02
        fig.update_xaxes(range=[lo - pad, hi + pad])
    return fig


_RANGE_BUTTONS = dict(
    buttons=[
        dict(count=1, label="1m", step="month", stepmode="backward"),
        dict(count=1, label="1y", step="year", stepmode="backward"),
        dict(count=10, label="10y", step="year", stepmode="backward"),
        dict(step="all", label="all"),
    ],
    x=1, xanchor="right", y=1.0, yanchor="bottom",
)


def _empty(fig: go.Figure, height: int | None, text: str = "No events match these filters") -> go.Figure:
    fig.update_layout(
        annotations=[dict(text=text, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper", font=dict(size=16))],
        xaxis=dict(visible=False), yaxis=dict(visible=False), height=height or 300,
    )
    return fig


def counts_figure(counts: pd.DataFrame, freq: str, by: str = "event_type", height: int = 420, top: int = 12) -> go.Figure:
    """Stacked bars of events per period (from aggregate.counts_per_period).

    The `top` most frequent values of `by` get their own colour, the rest are summed as
    "other types" (thirty colours cannot be told apart, and every trace costs drawing time).
    customdata of each bar = "period_start/period_end", so a click can narrow the range to it.
    No range slider here: a click on a bar or the date filter narrows the range.
    """
    fig = go.Figure()
    if counts.empty:
        return _empty(fig, height)
    colors = type_colors(counts[by])
    totals = counts.groupby(by)["n"].sum().sort_values(ascending=False)
    if len(totals) > top:
        keep = set(totals.index[: top - 1])
        other = OTHER_TYPES
        counts = counts.assign(**{by: counts[by].where(counts[by].isin(keep), other)})
        counts = counts.groupby(["period_start", "period_end", by], as_index=False)["n"].sum()
        colors[other] = "#c7c7c7"
    for key, g in counts.groupby(by, sort=True):
        fig.add_trace(
            go.Bar(
                x=pd.to_datetime(g["period_start"]), y=g["n"], name=str(key), marker_color=colors[key],
                customdata=g["period_start"] + "/" + g["period_end"],
                hovertemplate=f"<b>{_esc(pd.Series([str(key)])).iloc[0]}</b><br>%{{x|{'%Y' if freq == 'year' else '%b %Y'}}}: %{{y}} events<extra></extra>",
                xperiod="M1" if freq == "month" else "M12", xperiodalignment="start",
            )
        )
    fig.update_layout(
        barmode="stack", height=height, bargap=0.1,
        margin=dict(l=10, r=10, t=30, b=10),
        legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0, title=None),
        xaxis=dict(type="date"),
        yaxis=dict(title=f"events per {freq}"),
        clickmode="event+select",
    )
    return fig


_EMPTY_LAYERS = ("coastlines", "land", "ocean", "lakes", "rivers", "countries", "subunits")
_EMPTY_TOPOJSON = json.dumps(
    {"type": "Topology", "objects": {k: {"type": "GeometryCollection", "geometries": []} for k in _EMPTY_LAYERS}, "arcs": []},
    separators=(",", ":"),
)
# Plotly.js fetches its base map from a CDN even when the map is not shown; pointing it at an
# empty topology in a data: URL (the file name it appends becomes the fragment) keeps maps
# drawing offline, from the outlines inside the figure (see map_figure's `geojson`).
OFFLINE_MAP_CONFIG = {"topojsonURL": "data:application/json," + quote(_EMPTY_TOPOJSON) + "#"}


def map_figure(by_country: pd.DataFrame, height: int = 520, geojson: dict | None = None) -> go.Figure:
    """Choropleth of events per country (ISO-3); customdata = ISO-3 code.

    With `geojson` (a FeatureCollection whose feature ids are ISO-3 codes) the outlines come
    from the figure itself and Plotly's own base map, fetched from a CDN, is not used:
    every country is drawn in grey underneath and the counted ones coloured on top.
    """
    from .options import country_label

    fig = go.Figure()
    geo = dict(showframe=False, projection_type="natural earth", lataxis_range=[-58, 85])
    if geojson is not None:
        ids = [f["id"] for f in geojson["features"]]
        fig.add_trace(
            go.Choropleth(
                geojson=geojson, featureidkey="id", locations=ids, z=[0] * len(ids), showscale=False,
                colorscale=[[0, "#ececec"], [1, "#ececec"]], marker_line_color="#b5b5b5", marker_line_width=0.4,
                hoverinfo="skip", name="countries",
            )
        )
        geo |= dict(visible=False)
    else:
        geo |= dict(showcoastlines=True, showcountries=True, countrycolor="#bbb")
    if by_country.empty:
        fig.add_annotation(text="No events with a country match these filters", showarrow=False, x=0.5, y=0.5,
                           xref="paper", yref="paper", font=dict(size=16))
    else:
        labels = [country_label(c) for c in by_country["iso3"]]
        where = dict(geojson=geojson, featureidkey="id") if geojson is not None else dict(locationmode="ISO-3")
        fig.add_trace(
            go.Choropleth(
                **where, locations=by_country["iso3"], z=by_country["n"], text=labels, customdata=by_country["iso3"],
                colorscale="Blues", zmin=0, marker_line_color="#666", marker_line_width=0.6,
                colorbar=dict(title="events"), hovertemplate="%{text}: %{z} events<extra></extra>", name="events",
            )
        )
    fig.update_layout(height=height, margin=dict(l=0, r=0, t=10, b=0), geo=geo, clickmode="event+select")
    return fig


def date_bounds(df: pd.DataFrame) -> tuple[date | None, date | None]:
    if df.empty:
        return None, None
    vals = pd.concat([df["start"].dropna(), df["end"].dropna()])
    if vals.empty:
        return None, None
    return date.fromisoformat(min(vals)), date.fromisoformat(max(vals))
