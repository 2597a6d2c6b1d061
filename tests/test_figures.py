"""Figures and aggregation: marks per precision, customdata = event_id, escaped tooltips,
counts per period, the choropleth; and speed on 100,000 events."""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from timeline.aggregate import choose_freq, counts_by_country, counts_per_period
from timeline.figures import counts_figure, hover_texts, map_figure, timeline_figure

EVIL = '<script>alert(1)</script><img src=x onerror=alert(2)>'


def frame(rows: list[dict]) -> pd.DataFrame:
    base = {"event_id": "", "start": None, "end": None, "precision": "day", "date_value": "", "date_text": "", "event_type": "meeting",
            "summary": "", "sentence": "", "countries": [], "actors": [], "places": [], "article_id": "a1", "title": "T", "url": None,
            "published": "2025-01-02", "lang": "en", "confidence": 0.5, "n_sources": 1}
    return pd.DataFrame([base | r for r in rows])


SAMPLE = frame([
    {"event_id": "d1", "start": "2025-01-01", "end": "2025-01-01", "countries": ["AZE", "RUS"], "actors": ["Putin"]},
    {"event_id": "y1", "start": "2024-01-01", "end": "2024-12-31", "precision": "year", "event_type": "detention", "countries": ["RUS"]},
    {"event_id": "u1", "start": None, "end": "2025-01-02", "precision": "undated", "event_type": "statement", "summary": EVIL, "title": EVIL},
    {"event_id": "s1", "start": "2020-03-01", "end": "2020-05-31", "precision": "season", "countries": ["AZE"], "n_sources": 3},
])


def traces_by_id(fig):
    out = {}
    for t in fig.data:
        for cd in (t.customdata if t.customdata is not None else []):
            out.setdefault(cd, []).append(t)
    return out


def test_each_precision_has_its_mark():
    fig = timeline_figure(SAMPLE)
    by = traces_by_id(fig)
    assert by["d1"][0].type == "scatter" and by["d1"][0].marker.symbol == "circle" and len(by["d1"]) == 2  # two country lanes
    assert by["y1"][0].type == "bar" and by["s1"][0].type == "bar"
    assert by["u1"][0].marker.symbol == "triangle-left-open" and by["u1"][0].name == "statement"
    bar = by["y1"][0]
    assert bar.orientation == "h" and bar.x[0] == pytest.approx(366 * 86400 * 1000)
    assert fig.layout.xaxis.rangeslider.visible


@pytest.mark.parametrize(("lane", "lanes"), [("country", {"AZE", "RUS", "(none)"}), ("actor", {"Putin", "(none)"}), ("type", {"meeting", "detention", "statement"})])
def test_lanes(lane, lanes):
    fig = timeline_figure(SAMPLE, lane=lane)
    assert set(fig.layout.yaxis.categoryarray) == lanes


def test_hover_is_escaped_and_cues_before():
    h = hover_texts(SAMPLE)
    assert "before 2025-01-02" in h[2] and "<script" not in h[2] and "&lt;script&gt;" in h[2] and "<img" not in h[2]
    assert "2024-01-01 – 2024-12-31 (year)" in h[1] and "(+2 more)" in h[3]


def test_spans_under_points_and_range_follows_the_filter():
    fig = timeline_figure(SAMPLE, x_range=("2024-06-01", None))
    kinds = [t.type for t in fig.data]
    assert kinds.index("scatter") > max(i for i, k in enumerate(kinds) if k == "bar")
    lo, hi = fig.layout.xaxis.range
    assert str(lo) < "2024-06-01" < str(hi) and str(hi) < "2025-02-01"


def test_webgl_for_many_points_and_empty_figure():
    many = frame([{"event_id": f"e{i}", "start": "2025-01-01", "end": "2025-01-01"} for i in range(50)])
    assert {t.type for t in timeline_figure(many, gl_above=10).data} == {"scattergl"}
    assert timeline_figure(many.iloc[:0]).layout.annotations[0].text.startswith("No events")


def test_counts_per_period_and_figure():
    c = counts_per_period(SAMPLE, "year")
    assert c.set_index(["period_start", "event_type"])["n"].to_dict() == {
        ("2020-01-01", "meeting"): 1, ("2024-01-01", "detention"): 1, ("2025-01-01", "meeting"): 1, ("2025-01-01", "statement"): 1}
    m = counts_per_period(SAMPLE, "month")
    assert set(m["period_end"]) >= {"2025-01-31", "2020-03-31"}
    fig = counts_figure(c, "year")
    assert fig.layout.barmode == "stack" and "2024-01-01/2024-12-31" in list(fig.data[0].customdata) + list(fig.data[1].customdata)
    assert choose_freq(SAMPLE) == "month" and choose_freq(SAMPLE, max_bars=12) == "year"


def test_counts_figure_keeps_the_most_frequent_types():
    c = counts_per_period(big_frame(5000), "year")
    fig = counts_figure(c, "year", top=4)
    names = [t.name for t in fig.data]
    assert len(names) == 4 and "other types" in names
    assert sum(sum(t.y) for t in fig.data) == 5000


def test_map_figure():
    by = counts_by_country(SAMPLE)
    assert dict(zip(by["iso3"], by["n"], strict=False)) == {"AZE": 2, "RUS": 2}
    fig = map_figure(by)
    assert isinstance(fig.data[0], go.Choropleth) and list(fig.data[0].customdata) == list(by["iso3"])
    assert "Azerbaijan (AZE)" in list(fig.data[0].text)


def test_map_draws_offline_from_shipped_outlines():
    from timeline.dashboard.world import world_geojson

    gj = world_geojson()
    ids = {f["id"] for f in gj["features"]}
    assert {"AZE", "RUS", "UKR", "ARM", "USA", "CHN"} <= ids and len(ids) > 150
    fig = map_figure(counts_by_country(SAMPLE), geojson=gj)
    background, counted = fig.data
    assert background.customdata is None and list(counted.customdata) == ["AZE", "RUS"]
    assert fig.layout.geo.visible is False  # Plotly's CDN base map is not needed


def big_frame(n: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    days = pd.to_datetime("1990-01-01") + pd.to_timedelta(rng.integers(0, 35 * 365, n), unit="D")
    iso = np.array(["AZE", "RUS", "UKR", "ARM", "TUR", "GEO", "IRN", "KAZ"])
    types = np.array(["meeting", "statement", "detention", "death", "condemnation", "investigation"])
    start = days.strftime("%Y-%m-%d")
    return pd.DataFrame({
        "event_id": [f"e{i}" for i in range(n)], "start": start, "end": start, "precision": "day", "date_value": start, "date_text": "",
        "event_type": types[rng.integers(0, len(types), n)], "summary": "s", "sentence": "s",
        "countries": [list(x) for x in iso[rng.integers(0, len(iso), (n, 2))]], "actors": [["Ilham Aliyev"]] * n, "places": [[]] * n,
        "article_id": "a", "title": "t", "url": None, "published": start, "lang": "uk", "confidence": 0.5, "n_sources": 1,
    })


def test_aggregation_of_100k_events_is_fast():
    df = big_frame(100_000)
    t = time.perf_counter()
    c = counts_per_period(df, choose_freq(df))
    fig = counts_figure(c, "year")
    by = counts_by_country(df)
    elapsed = time.perf_counter() - t
    assert c["n"].sum() == 100_000 and by["n"].sum() == 200_000 and fig.data
    assert elapsed < 3.0, elapsed
