"""Plotly figures of events (no Streamlit here: pages call these and show the result).

Day events are points, spans (week .. decade) are bars across their span, and events known
only to be before publication are open markers at the publication date, with "before" in
their hover text.  Lanes are countries by default (an event sits in each of its countries'
lanes), or actors, or event types.
"""

from __future__ import annotations

from datetime import date, timedelta
from html import escape

import pandas as pd
import plotly.graph_objects as go

LANES = {"country": "countries", "actor": "actors", "type": "event_type"}
NO_LANE = "(none)"
_PALETTE = [
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
    "#e377c2", "#17becf", "#bcbd22", "#7f7f7f", "#393b79", "#637939",
]


def _lane_values(df: pd.DataFrame, lane: str) -> pd.DataFrame:
    col = LANES.get(lane, "countries")
    out = df.copy()
    if col == "event_type":
        out["lane"] = out[col].fillna(NO_LANE)
        return out
    out["lane"] = out[col].map(lambda xs: list(xs) if len(xs) else [NO_LANE])
    return out.explode("lane")


def _hover(r) -> str:
    when = r["date_text"] or ""
    if r["precision"] == "undated":
        span = f"before {r['end']}" if r["end"] else "undated"
    elif r["start"] == r["end"]:
        span = r["start"]
    else:
        span = f"{r['start']} – {r['end']} ({r['precision']})"
    src = r["title"] or r["article_id"] or ""
    # article text is escaped: markup inside an article never renders in a tooltip
    return (
        f"<b>{escape(str(r['event_type']))}</b> · {escape(span)}<br>{escape(str(r['summary'] or ''))[:160]}"
        f"<br><i>date text:</i> {escape(when) or '—'}<br><i>source:</i> {escape(str(src))[:80]}"
    )


def type_colors(types) -> dict[str, str]:
    return {t: _PALETTE[i % len(_PALETTE)] for i, t in enumerate(sorted(set(types)))}


def timeline_figure(df: pd.DataFrame, lane: str = "country", height: int | None = None) -> go.Figure:
    """The timeline of the given events."""
    fig = go.Figure()
    if df.empty:
        fig.update_layout(
            annotations=[dict(text="No events match these filters", showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")],
            xaxis=dict(visible=False), yaxis=dict(visible=False), height=height or 300,
        )
        return fig
    d = _lane_values(df, lane)
    d["hover"] = d.apply(_hover, axis=1)
    colors = type_colors(d["event_type"])
    lanes = sorted(d["lane"].unique(), key=lambda x: (x == NO_LANE, x))
    for etype, g in d.groupby("event_type", sort=True):
        color = colors[etype]
        day = g[g["precision"] == "day"]
        span = g[~g["precision"].isin(["day", "undated"]) & g["start"].notna()]
        undated = g[(g["precision"] == "undated") | g["start"].isna()]
        if not span.empty:
            starts = pd.to_datetime(span["start"])
            ends = pd.to_datetime(span["end"]) + timedelta(days=1)
            fig.add_trace(
                go.Bar(
                    base=starts, x=(ends - starts).dt.total_seconds() * 1000, y=span["lane"], orientation="h",
                    marker=dict(color=color, opacity=0.45, line=dict(color=color, width=1)),
                    name=etype, legendgroup=etype, customdata=span["event_id"], hovertext=span["hover"],
                    hoverinfo="text", width=0.5,
                )
            )
        if not day.empty:
            fig.add_trace(
                go.Scatter(
                    x=pd.to_datetime(day["start"]), y=day["lane"], mode="markers",
                    marker=dict(color=color, size=11, symbol="circle", line=dict(color="white", width=1)),
                    name=etype, legendgroup=etype, showlegend=span.empty, customdata=day["event_id"],
                    hovertext=day["hover"], hoverinfo="text",
                )
            )
        if not undated.empty:
            fig.add_trace(
                go.Scatter(
                    x=pd.to_datetime(undated["end"]), y=undated["lane"], mode="markers",
                    marker=dict(color=color, size=12, symbol="triangle-left-open", line=dict(width=2)),
                    name=f"{etype} (before publication)", legendgroup=etype, customdata=undated["event_id"],
                    hovertext=undated["hover"], hoverinfo="text",
                )
            )
    fig.update_layout(
        barmode="overlay",
        height=height or max(320, 60 + 42 * len(lanes)),
        margin=dict(l=10, r=10, t=30, b=10),
        legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0, title=None),
        hoverlabel=dict(align="left"),
        xaxis=dict(type="date", rangeslider=dict(visible=True, thickness=0.06)),
        yaxis=dict(categoryorder="array", categoryarray=list(reversed(lanes)), title=None),
    )
    return fig


def date_bounds(df: pd.DataFrame) -> tuple[date | None, date | None]:
    if df.empty:
        return None, None
    vals = pd.concat([df["start"].dropna(), df["end"].dropna()])
    if vals.empty:
        return None, None
    return date.fromisoformat(min(vals)), date.fromisoformat(max(vals))
