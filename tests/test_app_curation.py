"""Curation logic without Streamlit: the editable table's edits -> Store calls, validation."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.dashboard.curation import apply_changes, changes_from_editor, editor_frame, manual_record
from timeline.storage import Store

from .test_app_pages import build_sample_db


@pytest.fixture
def store(tmp_path):
    url = f"sqlite:///{tmp_path / 'c.db'}"
    ids = build_sample_db(url)
    s = Store(url)
    yield s, ids
    s.engine.dispose()


EDIT_CASES = [
    ({"summary": "New"}, {"summary": "New"}, None),
    ({"start": date(2025, 8, 1), "end": "2025-08-31", "precision": "month", "date_value": "2025-08"},
     {"start": "2025-08-01", "end": "2025-08-31", "precision": "month", "date_value": "2025-08"}, None),
    ({"countries": "aze; chn, rus"}, {"countries": ["AZE", "CHN", "RUS"]}, None),
    ({"countries": "AZE; RUS"}, {}, None),  # unchanged: nothing to record
    ({"actors": "Ilham Aliyev;  Xi Jinping "}, {"actors": ["Ilham Aliyev", "Xi Jinping"]}, None),
    ({"wrong": True}, {}, True),
    ({"event_type": "summit", "wrong": False}, {"event_type": "summit"}, None),
]


@pytest.mark.parametrize(("edits", "fields", "hidden"), EDIT_CASES)
def test_changes_from_editor(store, edits, fields, hidden):
    s, ids = store
    view = editor_frame(s.events_frame().query("event_id == @ids['meeting']"))
    changes = changes_from_editor(view, {0: edits})
    if not fields and hidden is None:
        assert changes == []
        return
    (eid, got_fields, got_hidden), = changes
    assert eid == ids["meeting"] and got_fields == fields and got_hidden == hidden
    apply_changes(s, changes)
    ev = s.events_frame(include_hidden=True).set_index("event_id").loc[eid]
    for k, v in fields.items():
        assert (list(ev[k]) if isinstance(v, list) else ev[k]) == v
    audit = s.edits_frame(eid).query("action == 'edit'")
    assert set(fields) == set(audit["field"]) and audit["old_value"].notna().all()
    assert bool(ev["hidden"]) == bool(hidden)


@pytest.mark.parametrize(
    "edits", [{"precision": "fortnight"}, {"countries": "Azerbaijan"}, {"start": "2025-13-01"}, {"start": "2025-10-01", "end": "2025-09-01"}]
)
def test_invalid_edits_are_refused(store, edits):
    s, ids = store
    view = editor_frame(s.events_frame().query("event_id == @ids['meeting']"))
    with pytest.raises(ValueError):
        changes_from_editor(view, {0: edits})


def test_manual_record():
    rec = manual_record(start=date(2025, 1, 2), end=None, precision="day", summary="x", countries="aze")
    assert rec["start"] == rec["end"] == "2025-01-02" and rec["date_value"] == "2025-01-02" and rec["countries"] == ["AZE"]
    assert manual_record(start=date(2025, 1, 1), end=date(2025, 12, 31), precision="year", summary="y")["date_value"] == "2025"
    with pytest.raises(ValueError):
        manual_record(start=None, summary="", precision="day")
