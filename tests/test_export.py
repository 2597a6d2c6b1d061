import csv
import io
import json

import pytest

from timeline.document import EVENT_COLUMNS
from timeline.export import safe_cell, to_csv, to_jsonl, to_timelinejs

REC = {
    "event_id": "abc",
    "start": "2001-01-01",
    "end": "2001-12-31",
    "precision": "year",
    "date_value": "2001",
    "date_text": "2001",
    "event_type": "investigation",
    "summary": "=HYPERLINK(\"http://x\")",
    "sentence": "Розслідування злочинів 2001 року.",
    "countries": ["RUS", "AZE"],
    "actors": ["Vladimir Putin"],
    "places": [],
    "article_id": "a1",
    "title": "-Заголовок",
    "url": None,
    "published": "2025-09-03",
    "lang": "uk",
    "confidence": 0.8,
}


@pytest.mark.parametrize(
    "value, shown",
    [("=1+1", "'=1+1"), ("+380", "'+380"), ("-5", "'-5"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("ok", "ok"), (None, ""), (["A", "B"], "A;B"), (0.5, "0.5")],
)
def test_safe_cell(value, shown):
    assert safe_cell(value) == shown


def test_csv_has_bom_contract_header_and_no_formula():
    text = to_csv([REC])
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0][: len(EVENT_COLUMNS)] == EVENT_COLUMNS
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["summary"].startswith("'=")
    assert row["title"] == "'-Заголовок"
    assert row["countries"] == "RUS;AZE"
    assert row["sentence"] == REC["sentence"]


def test_jsonl_lists_are_arrays():
    obj = json.loads(to_jsonl([REC]).splitlines()[0])
    assert list(obj)[: len(EVENT_COLUMNS)] == EVENT_COLUMNS
    assert obj["countries"] == ["RUS", "AZE"] and obj["places"] == []


def test_timelinejs_spans_and_undated():
    undated = REC | {"event_id": "u", "start": None, "end": "2025-09-03", "precision": "undated", "date_value": "PAST_REF"}
    out = json.loads(to_timelinejs([REC, undated], {"events": 2}))
    a, b = out["events"]
    assert a["start_date"] == {"year": 2001, "month": 1, "day": 1} and a["end_date"]["year"] == 2001
    assert b["display_date"] == "before 2025-09-03" and "end_date" not in b
    assert out["litopys"] == {"events": 2}
