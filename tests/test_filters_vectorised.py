"""The vectorised Filters.apply agrees with a plain per-row reading of the rules, and is fast."""

from __future__ import annotations

import time

import numpy as np
import pytest

from timeline.filters import Filters, search_text

from .test_figures import big_frame


def naive(flt: Filters, df):
    keep = []
    for _, r in df.iterrows():
        ok = True
        if flt.countries:
            ok &= bool(set(flt.countries) & set(r["countries"]))
        if flt.actors:
            ok &= any(n.lower() in a.lower() for a in r["actors"] for n in flt.actors)
        if flt.types:
            ok &= r["event_type"] in flt.types
        if flt.since:
            ok &= (r["end"] or "9999-12-31") >= flt.since
        if flt.until:
            ok &= (r["start"] or r["end"] or "") <= flt.until
        if flt.query:
            hay = "\n".join([r["summary"] or "", r["sentence"] or "", r["title"] or "", " ".join(r["actors"]), " ".join(r["places"])]).lower()
            ok &= flt.query.lower() in hay
        keep.append(ok)
    return df[np.array(keep, dtype=bool)]


CASES = [
    Filters(countries=["AZE"]),
    Filters(countries=["AZE", "TUR"], types=["meeting"]),
    Filters(actors=["aliyev"]),
    Filters(actors=["nobody"]),
    Filters(since="2000-01-01", until="2001-06-30"),
    Filters(query="ILHAM"),
    Filters(query="s\nt"),
    Filters(countries=["GEO"], since="2010-01-01", actors=["Aliyev"], types=["death", "statement"]),
]


@pytest.mark.parametrize("flt", CASES, ids=lambda f: str(f.to_params()))
def test_vectorised_equals_per_row(flt):
    df = big_frame(600, seed=3)
    df["countries"] = [[] if i % 7 == 0 else c for i, c in enumerate(df["countries"])]
    df["actors"] = [["Vladimir Putin", "Recep Erdogan"] if i % 5 == 0 else a for i, a in enumerate(df["actors"])]
    got = flt.apply(df)["event_id"].tolist()
    assert got == naive(flt, df)["event_id"].tolist()
    with_search = df.assign(_search=search_text(df))
    assert flt.apply(with_search)["event_id"].tolist() == got


def test_filtering_100k_events_is_fast():
    df = big_frame(100_000)
    df["_search"] = search_text(df)
    flt = Filters(countries=["AZE", "RUS"], actors=["Aliyev"], types=["meeting", "death"], since="2000-01-01", until="2020-12-31", query="s")
    t = time.perf_counter()
    out = flt.apply(df)
    elapsed = time.perf_counter() - t
    assert 0 < len(out) < len(df)
    assert elapsed < 2.0, elapsed
