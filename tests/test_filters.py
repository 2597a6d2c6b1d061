import pandas as pd
import pytest

from timeline.filters import Filters


def frame():
    rows = [
        ("e1", "2001-01-01", "2001-12-31", "investigation", ["RUS"], ["Vladimir Putin"], "Crimes of 2001"),
        ("e2", "2025-06-27", "2025-06-27", "detention", ["AZE", "RUS"], [], "Raids in Yekaterinburg"),
        ("e3", None, "2025-09-03", "meeting", ["AZE", "CHN", "RUS"], ["Ilham Aliyev", "Vladimir Putin"], "SCO summit"),
        ("e4", "2020-09-27", "2020-11-10", "military", ["ARM", "AZE"], [], "War"),
    ]
    return pd.DataFrame(
        [
            {"event_id": i, "start": s, "end": e, "event_type": t, "countries": c, "actors": a, "summary": m, "sentence": m,
             "title": "", "places": [], "lang": "uk", "precision": "day", "article_id": "a", "confidence": 0.5}
            for i, s, e, t, c, a, m in rows
        ]
    )


@pytest.mark.parametrize(
    "params, ids",
    [
        ({}, ["e1", "e2", "e3", "e4"]),
        ({"country": ["AZE"]}, ["e2", "e3", "e4"]),
        ({"country": ["CHN", "ARM"]}, ["e3", "e4"]),
        ({"actor": ["Putin"]}, ["e1", "e3"]),
        ({"type": ["detention", "meeting"]}, ["e2", "e3"]),
        ({"since": "2025-01-01"}, ["e2", "e3"]),
        ({"until": "2010-12-31"}, ["e1"]),
        ({"since": "2020-10-01", "until": "2020-10-31"}, ["e4"]),
        ({"q": "yekaterinburg"}, ["e2"]),
        ({"since": "not a date"}, ["e1", "e2", "e3", "e4"]),
    ],
)
def test_apply(params, ids):
    assert list(Filters.from_params(params).apply(frame())["event_id"]) == ids


def test_url_round_trip():
    f = Filters(countries=["aze", "RUS"], since="2001-01-01", until="2025-12-31", types=["detention"], actors=["Putin"], query="text")
    p = f.to_params()
    assert p == {"country": ["AZE", "RUS"], "actor": ["Putin"], "type": ["detention"], "since": "2001-01-01", "until": "2025-12-31", "q": "text"}
    assert Filters.from_params(p) == f
