"""The real dashboard through streamlit.testing.v1.AppTest, on a seeded temporary database."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from .conftest import ROOT


@pytest.fixture
def app(sqlite_url, monkeypatch):
    monkeypatch.setenv("TIMELINE_DB_URL", sqlite_url)

    def make(**params):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
        for k, v in params.items():
            at.query_params[k] = v
        return at.run()

    return make


def shown_count(at) -> tuple[int, int]:
    cap = next(c.value for c in at.caption if " events shown" in c.value)
    shown, _of, total = cap.split()[:3]
    return int(shown), int(total)


def test_first_start_seeds_samples_and_shows_all(app):
    at = app()
    assert not at.exception
    shown, total = shown_count(at)
    assert total > 0 and shown == total
    assert at.get("plotly_chart")
    assert [b.label for b in at.get("download_button")][:1] == ["Download CSV"]


def test_url_filter_is_applied_and_shown_in_widget(app):
    at = app(country="AZE")
    assert not at.exception
    assert at.sidebar.multiselect(key="f_country").value == ["AZE"]
    shown, total = shown_count(at)
    assert 0 < shown < total
    df = at.dataframe[0].value
    assert all("AZE" in c for c in df["countries"])


def test_widget_change_updates_url_and_view(app):
    at = app()
    _, total = shown_count(at)
    at.sidebar.multiselect(key="f_type").set_value(["detention"]).run()
    assert at.query_params["type"] in (["detention"], "detention")
    shown, _ = shown_count(at)
    assert 0 < shown < total
    assert set(at.dataframe[0].value["event_type"]) == {"detention"}
