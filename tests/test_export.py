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


# -- the `export` command against a real database, as a table of filters x formats -------------

import subprocess  # noqa: E402
import sys  # noqa: E402

from timeline.storage import Store  # noqa: E402

from .conftest import ROOT  # noqa: E402
from .test_storage import doc_with  # noqa: E402

EVENTS = {
    # key: (article title, body, event fields)
    "raids": ("Рейди", "У 2001 році поліція затримала людей.", {"event_type": "detention", "date_value": "2001", "date_text": "2001", "start": "2001-01-01", "end": "2001-12-31", "countries": ["AZE", "RUS"], "actors": ["Vladimir Putin"], "summary": "=cmd|' /C calc'!A0"}),
    "meeting": ("Зустріч", "3 вересня 2025 року відбулася зустріч.", {"event_type": "meeting", "date_value": "2025-09-03", "start": "2025-09-03", "end": "2025-09-03", "precision": "day", "countries": ["AZE"], "actors": ["Ilham Aliyev"], "summary": "Aliyev met Xi in Tianjin"}),
    "statement": ("Заява", "Раніше МЗС зробило заяву.", {"event_type": "statement", "date_value": "PAST_REF", "start": None, "end": "2025-09-03", "precision": "undated", "date_text": "", "countries": ["UKR"], "summary": "+380 hotline announced"}),
    "hidden": ("Помилка", "У 2010 році сталася помилка.", {"event_type": "death", "date_value": "2010", "start": "2010-01-01", "end": "2010-12-31", "countries": ["RUS"], "summary": "wrong"}),
}


@pytest.fixture(scope="module")
def export_db(tmp_path_factory):
    d = tmp_path_factory.mktemp("export")
    url = f"sqlite:///{d / 'e.db'}"
    store = Store(url)
    ids = {}
    for key, (title, body, ev) in EVENTS.items():
        doc = doc_with(title, body, [ev], published="2025-09-03")
        store.add_document(doc, source=f"{key}.txt")
        ids[key] = doc.events[0].event_id
    # a second report of the raids from another article: one event, two sources
    store.add_document(doc_with("Рейди 2", "Нагадаємо: у 2001 році поліція затримала людей.", [EVENTS["raids"][2]], published="2025-09-04"))
    store.set_hidden(ids["hidden"], True)
    store.engine.dispose()
    return url, ids, d


def export(*args):
    return subprocess.run([sys.executable, "-m", "timeline", "export", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


FILTER_CASES = [
    ([], {"raids", "meeting", "statement"}, {}),
    (["--country", "RUS"], {"raids"}, {"country": ["RUS"]}),
    (["--country", "aze"], {"raids", "meeting"}, {"country": ["AZE"]}),
    (["--country", "UKR", "--country", "RUS"], {"raids", "statement"}, {"country": ["UKR", "RUS"]}),
    (["--actor", "putin"], {"raids"}, {"actor": ["putin"]}),
    (["--type", "meeting", "--type", "statement"], {"meeting", "statement"}, {"type": ["meeting", "statement"]}),
    (["--since", "2002-01-01"], {"meeting", "statement"}, {"since": "2002-01-01"}),
    (["--until", "2011-12-31"], {"raids"}, {"until": "2011-12-31"}),
    (["--since", "2025-09-03", "--until", "2025-09-03"], {"meeting", "statement"}, {"since": "2025-09-03", "until": "2025-09-03"}),
    (["--query", "TIANJIN"], {"meeting"}, {"q": "TIANJIN"}),
    (["--country", "AZE", "--type", "detention", "--since", "2001-06-01"], {"raids"}, {"country": ["AZE"], "type": ["detention"], "since": "2001-06-01"}),
    (["--country", "CHN"], set(), {"country": ["CHN"]}),
]


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "timelinejs"])
@pytest.mark.parametrize("flags, expected, params", FILTER_CASES, ids=[" ".join(c[0]) or "no filter" for c in FILTER_CASES])
def test_export_command(export_db, tmp_path, fmt, flags, expected, params):
    url, ids, _d = export_db
    want = {ids[k] for k in expected}
    out = tmp_path / f"out.{fmt}"
    r = export("--db", url, "--format", fmt, "-o", str(out), *flags)
    assert r.returncode == 0, r.stderr
    text = out.read_text(encoding="utf-8")
    meta = json.loads((tmp_path / f"out.{fmt}.meta.json").read_text(encoding="utf-8"))
    assert meta["filters"] == params and meta["events"] == len(want) and meta["format"] == fmt
    assert meta["litopys_version"] and meta["exported_at"].endswith("+00:00")
    if fmt == "csv":
        assert text.startswith("\ufeff")
        rows = list(csv.DictReader(io.StringIO(text[1:])))
        assert {row["event_id"] for row in rows} == want
        for row in rows:
            assert not row["summary"].startswith(("=", "+", "-", "@"))  # shown as text, never run
        if ids["raids"] in want:
            raids = next(row for row in rows if row["event_id"] == ids["raids"])
            assert raids["summary"] == "'=cmd|' /C calc'!A0" and raids["countries"] == "AZE;RUS"
            (other,) = json.loads(raids["sources"])
            assert other["title"] == "Рейди 2" and other["published"] == "2025-09-04"
    elif fmt == "jsonl":
        objs = [json.loads(line) for line in text.splitlines()]
        assert {o["event_id"] for o in objs} == want
        for o in objs:
            assert list(o)[: len(EVENT_COLUMNS)] == EVENT_COLUMNS and isinstance(o["countries"], list)
    else:
        doc = json.loads(text)
        assert {e["unique_id"] for e in doc["events"]} == want
        assert doc["litopys"]["events"] == len(want) and doc["litopys"]["filters"] == params


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "timelinejs"])
def test_export_to_stdout_states_itself_on_stderr(export_db, fmt):
    url, ids, _d = export_db
    r = export("--db", url, "--format", fmt, "--country", "AZE")
    assert r.returncode == 0, r.stderr
    (line,) = r.stderr.splitlines()
    assert line.startswith("# ")
    meta = json.loads(line[2:])
    assert meta["events"] == 2 and meta["filters"] == {"country": ["AZE"]} and meta["format"] == fmt
    if fmt == "csv":
        assert r.stdout.startswith("\ufeff")  # a pipe or a file keeps the BOM
        assert len(list(csv.DictReader(io.StringIO(r.stdout[1:])))) == 2


@pytest.mark.parametrize(
    "db, phrase",
    [("sqlite:///{d}/typo.db", "no such database file"), ("not a url", "not a database URL"), ("postgresql+psycopg://u:pw@127.0.0.1:{port}/x", "cannot open the database")],
)
def test_export_from_a_database_that_is_not_there(export_db, db, phrase):
    from .conftest import free_port

    _url, _ids, d = export_db
    db = db.format(d=d, port=free_port())
    r = export("--db", db)
    assert r.returncode == 2 and phrase in r.stderr and "pw" not in r.stderr and len(r.stderr.splitlines()) == 1
    assert not (d / "typo.db").exists()


@pytest.mark.parametrize("value", ["\uff1d1+1", "\uff0b1", "\uff0d1", "\uff20x"])
def test_full_width_formula_starts_are_neutralised(value):
    assert safe_cell(value) == "'" + value
