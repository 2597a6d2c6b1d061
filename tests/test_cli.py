"""The command line as users and scripts run it: real processes, real files."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from timeline.document import EVENT_COLUMNS

from .conftest import ROOT


def cli(*args, **kw):
    return subprocess.run([sys.executable, "-m", "timeline", *args], cwd=ROOT, capture_output=True, text=True, timeout=300, **kw)


@pytest.mark.parametrize("command", ["timex", "entities", "extract", "ingest", "export"])
def test_help(command):
    r = cli(command, "--help")
    assert r.returncode == 0 and "usage:" in r.stdout


def test_extract_seed_csv(seed_path):
    r = cli("extract", str(seed_path), "--format", "csv")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(r.stdout[1:])))
    assert list(rows[0])[: len(EVENT_COLUMNS)] == EVENT_COLUMNS
    for row in rows:
        assert row["published"] == "2025-09-03"
        assert row["end"] <= "2025-09-03"
        assert not row["start"] or row["start"] >= "2001-01-01"
        if row["precision"] == "undated":
            assert row["start"] == "" and row["end"] == "2025-09-03" and row["date_value"] == "PAST_REF"
    years = {row["date_value"]: row for row in rows if row["precision"] == "year"}
    for y in ("2001", "2010", "2011"):
        assert years[y]["start"] == f"{y}-01-01" and years[y]["end"] == f"{y}-12-31"
    assert not any(row["precision"] == "day" and row["start"][:4] in ("2001", "2010", "2011") for row in rows)


def test_extract_ids_are_stable(seed_path):
    a = [json.loads(x)["event_id"] for x in cli("extract", str(seed_path)).stdout.splitlines()]
    b = [json.loads(x)["event_id"] for x in cli("extract", str(seed_path)).stdout.splitlines()]
    assert a == b and len(set(a)) == len(a)


def test_timex_lines(seed_path):
    r = cli("timex", str(seed_path), "--format", "jsonl")
    assert r.returncode == 0
    text = seed_path.read_text(encoding="utf-8")
    for line in r.stdout.splitlines():
        obj = json.loads(line)
        assert obj["file"] == str(seed_path)
        assert text[obj["start"] : obj["end"]] == obj["text"]
        assert obj["type"] in ("DATE", "TIME", "DURATION", "SET")


def test_bad_inputs_one_line_each_and_others_processed(tmp_path, seed_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    missing = tmp_path / "missing.txt"
    r = cli("timex", str(empty), str(seed_path), str(binary), str(missing))
    assert r.returncode == 1
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 3 and "Traceback" not in r.stderr
    for bad, line in zip((empty, binary, missing), lines, strict=True):
        assert line.startswith(str(bad) + ": ")
    assert str(seed_path) in r.stdout  # the good input was still processed


def test_ingest_then_export_filters(tmp_path, seed_path):
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    r = cli("ingest", str(seed_path), "--db", db)
    assert r.returncode == 0, r.stderr
    assert "ingested 1 articles" in r.stdout
    again = cli("ingest", str(seed_path), "--db", db)
    assert "ingested 0 articles" in again.stdout and "1 duplicates skipped" in again.stdout
    out = tmp_path / "years.csv"
    r = cli("export", "--db", db, "--since", "2001-01-01", "--until", "2011-12-31", "--format", "csv", "-o", str(out))
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows and all("2001" <= row["start"][:4] <= "2011" for row in rows)
    meta = json.loads((tmp_path / "years.csv.meta.json").read_text())
    assert meta["events"] == len(rows) and meta["filters"] == {"since": "2001-01-01", "until": "2011-12-31"}


def test_timex_lines_are_the_api_dicts_as_json(tmp_path):
    from timeline import find_timexes

    path = tmp_path / 'звіт "київ" \\ 3.txt'
    text = "date 2025-09-10 Звіт\nУгоду підписали 3 вересня 2025 року, а вчора — ще одну.\n"
    path.write_text(text, encoding="utf-8")
    r = cli("timex", str(path))
    assert r.returncode == 0
    expected = [json.dumps({"file": str(path), **t}, ensure_ascii=False) for t in find_timexes(text)]
    assert r.stdout.splitlines() == expected and len(expected) == 2
