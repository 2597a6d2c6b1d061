"""The dashboard's loader: Store.events_frame_fast gives exactly Store.events_frame."""

from __future__ import annotations

from timeline.storage import Store

from .test_app_pages import build_sample_db


def test_fast_loader_equals_events_frame(tmp_path):
    url = f"sqlite:///{tmp_path / 'd.db'}"
    ids = build_sample_db(url)
    store = Store(url)
    store.set_hidden(ids["detention"], True)
    store.add_manual_event({"start": "2025-01-01", "end": "2025-01-01", "precision": "day", "date_value": "2025-01-01", "event_type": "visit",
                            "summary": "by hand", "countries": ["AZE"]})
    for hidden in (False, True):
        slow, fast = store.events_frame(include_hidden=hidden), store.events_frame_fast(include_hidden=hidden)
        assert list(fast.columns) == list(slow.columns)
        assert fast.to_dict("records") == slow.to_dict("records")
    assert len(store.events_frame_fast(include_hidden=True)) == len(store.events_frame_fast()) + 1
