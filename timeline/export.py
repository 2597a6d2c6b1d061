"""Event records -> CSV (Excel-safe), JSON Lines and TimelineJS JSON.

CSV: UTF-8 with a byte-order mark so Excel opens Cyrillic correctly; a cell that would
start with = + - @ tab or CR gets a leading apostrophe so a spreadsheet shows it as text
and never runs it as a formula (OWASP "CSV injection").
"""

from __future__ import annotations

import csv
import io
import json
import sys
from datetime import UTC, datetime

from . import __version__
from .document import EVENT_COLUMNS, EXTRA_EVENT_COLUMNS, LIST_COLUMNS

# the contract's characters, and their full-width forms, which some spreadsheets also evaluate
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
COLUMNS = EVENT_COLUMNS + EXTRA_EVENT_COLUMNS


def _is_missing(v) -> bool:
    if v is None:
        return True
    try:
        return v != v  # NaN from pandas
    except Exception:
        return False


def _as_list(v) -> list:
    if _is_missing(v) or v == "":
        return []
    if isinstance(v, str):
        return [x for x in v.split(";") if x]
    return list(v)


def safe_cell(value) -> str:
    """One CSV cell as text a spreadsheet will not execute."""
    if _is_missing(value):
        return ""
    if isinstance(value, float):
        s = f"{value:.3f}".rstrip("0").rstrip(".") if value == value else ""
    elif isinstance(value, (list, tuple)):
        s = ";".join(map(str, value))
    elif isinstance(value, dict):
        s = json.dumps(value, ensure_ascii=False)
    else:
        s = str(value)
    if s.startswith(_FORMULA_START):
        s = "'" + s
    return s


def _plain(record: dict) -> dict:
    """Record with the contract's keys in order, lists as lists, missing values as None."""
    out = {}
    for k in COLUMNS:
        v = record.get(k)
        if k in LIST_COLUMNS:
            out[k] = _as_list(v)
        elif k == "sources":
            out[k] = v if isinstance(v, list) else (json.loads(v) if isinstance(v, str) and v else [])
        else:
            out[k] = None if _is_missing(v) else (v.item() if hasattr(v, "item") else v)
    for k, v in record.items():  # extra columns beyond the contract keep their place after it
        if k not in out and not k.startswith("_"):
            out[k] = None if _is_missing(v) else (v.item() if hasattr(v, "item") else v)
    return out


def to_csv(records: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    rows = [_plain(r) for r in records]
    header = list(COLUMNS)
    for r in rows:
        header += [k for k in r if k not in header]
    w.writerow(header)
    for r in rows:
        w.writerow(
            [safe_cell((json.dumps(r[k], ensure_ascii=False, default=str) if r.get(k) else "") if k == "sources" else r.get(k)) for k in header]
        )
    return "\ufeff" + buf.getvalue()


def to_jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(_plain(r), ensure_ascii=False, default=str) + "\n" for r in records)


def _tl_date(iso: str | None) -> dict | None:
    if not iso:
        return None
    y, m, d = iso.split("-")
    return {"year": int(y), "month": int(m), "day": int(d)}


def to_timelinejs(records: list[dict], meta: dict | None = None) -> str:
    """TimelineJS3 JSON: one slide per event; undated events are placed at publication."""
    from html import escape

    events = []
    for r in map(_plain, records):
        start = r["start"] or r["end"] or r["published"]
        if not start:
            continue
        ev = {
            "unique_id": r["event_id"],
            "start_date": _tl_date(start),
            "text": {"headline": escape(r["summary"] or ""), "text": escape(r["sentence"] or "")},
            "group": r["event_type"],
        }
        if r["precision"] not in ("day", "undated") and r["end"] and r["end"] != start:
            ev["end_date"] = _tl_date(r["end"])
        if r["precision"] == "undated":
            ev["display_date"] = f"before {r['end']}" if r["end"] else "undated"
        events.append(ev)
    return json.dumps({"events": events, "litopys": meta or {}}, ensure_ascii=False, indent=1) + "\n"


def export_meta(filters, count: int, fmt: str | None = None) -> dict:
    """What an export states about itself: filters, time, Litopys version, event count."""
    meta = {
        "litopys_version": __version__,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "filters": filters.to_params() if hasattr(filters, "to_params") else dict(filters or {}),
        "events": count,
    }
    if fmt:
        meta["format"] = fmt
    return meta


def render(records: list[dict], fmt: str, meta: dict | None = None) -> str:
    if fmt == "csv":
        return to_csv(records)
    if fmt == "jsonl":
        return to_jsonl(records)
    if fmt == "timelinejs":
        return to_timelinejs(records, meta)
    raise ValueError(f"unknown format {fmt!r}")


def write_events(records: list[dict], fmt: str, output: str | None = None, meta: dict | None = None) -> None:
    """Write to a file (with a `.meta.json` sidecar when meta is given) or to standard output."""
    text = render(records, fmt, meta)
    if output:
        with open(output, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        if meta is not None:
            with open(output + ".meta.json", "w", encoding="utf-8") as fh:
                json.dump(meta, fh, ensure_ascii=False, indent=1)
        return
    if fmt == "csv" and text.startswith("\ufeff") and sys.stdout.isatty():
        text = text[1:]  # a terminal shows the BOM as noise; files and pipes keep it
    sys.stdout.write(text)
    if meta is not None:
        print("# " + json.dumps(meta, ensure_ascii=False), file=sys.stderr)
