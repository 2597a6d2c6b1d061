"""Curation without Streamlit: the editable table's rows, and its edits -> Store calls."""

from __future__ import annotations

from datetime import date

import pandas as pd

from ..options import PRECISIONS

EDIT_COLUMNS = ["start", "end", "date_value", "precision", "event_type", "countries", "actors", "summary"]
LIST_FIELDS = ("countries", "actors", "places")


def editor_frame(events: pd.DataFrame) -> pd.DataFrame:
    """The rows of the curation table: lists as '; ' text, dates as dates, `wrong` = hidden."""
    view = pd.DataFrame(
        {
            "event_id": events["event_id"],
            "wrong": events["hidden"].astype(bool) if "hidden" in events else False,
            "start": pd.to_datetime(events["start"], errors="coerce").dt.date,
            "end": pd.to_datetime(events["end"], errors="coerce").dt.date,
            "date_value": events["date_value"].fillna(""),
            "precision": events["precision"].fillna("undated"),
            "event_type": events["event_type"].fillna(""),
            "countries": _joined(events["countries"]),
            "actors": _joined(events["actors"]),
            "summary": events["summary"].fillna(""),
            "sources": events["n_sources"].fillna(1).astype(int) if "n_sources" in events else 1,
            "edited": events["edited_fields"].fillna("") if "edited_fields" in events else "",
            "title": events["title"].fillna(""),
            "confidence": events["confidence"].astype(float),
        }
    )
    return view.reset_index(drop=True)


def _joined(s: pd.Series) -> pd.Series:
    return s.str.join("; ").fillna("")


def split_list(v) -> list[str]:
    if v is None or (isinstance(v, float) and v != v):
        return []
    if isinstance(v, (list, tuple)):
        return [str(x).strip() for x in v if str(x).strip()]
    return [x.strip() for x in str(v).replace(",", ";").split(";") if x.strip()]


def _norm(field: str, v):
    if field in ("start", "end"):
        if v in (None, "") or (isinstance(v, float) and v != v):
            return None
        if isinstance(v, pd.Timestamp):
            v = v.date()
        return v.isoformat() if isinstance(v, date) else date.fromisoformat(str(v)[:10]).isoformat()
    if field == "countries":
        return sorted({x.upper() for x in split_list(v)})
    if field in LIST_FIELDS:
        return sorted(set(split_list(v)))
    return "" if v is None else str(v).strip()


def validate(changes: dict) -> list[str]:
    problems = []
    if "precision" in changes and changes["precision"] not in PRECISIONS:
        problems.append(f"precision must be one of {', '.join(PRECISIONS)}")
    for c in changes.get("countries") or []:
        if len(c) != 3 or not c.isalpha():
            problems.append(f"{c!r} is not an ISO 3166-1 alpha-3 code")
    s, e = changes.get("start"), changes.get("end")
    if s and e and s > e:
        problems.append("start is after end")
    return problems


def changes_from_editor(view: pd.DataFrame, edited_rows: dict) -> list[tuple[str, dict, bool | None]]:
    """(event_id, field changes, hidden or None) per edited row of `editor_frame(...)`.

    Values equal to the current ones are dropped; dates are ISO strings, lists are lists.
    Raises ValueError with a readable message for a value that cannot be stored.
    """
    out = []
    for pos, row_changes in (edited_rows or {}).items():
        row = view.iloc[int(pos)]
        changes: dict = {}
        hidden = None
        for col, new in row_changes.items():
            if col == "wrong":
                if bool(new) != bool(row["wrong"]):
                    hidden = bool(new)
                continue
            if col not in EDIT_COLUMNS:
                continue
            try:
                new_v, old_v = _norm(col, new), _norm(col, row[col])
            except ValueError as e:
                raise ValueError(f"{row['event_id']}: {col}: {e}") from e
            if new_v != old_v:
                changes[col] = new_v
        effective = {"start": _norm("start", row["start"]), "end": _norm("end", row["end"])} | changes
        problems = validate(effective)
        if problems:
            raise ValueError(f"{row['event_id']}: " + "; ".join(problems))
        if changes or hidden is not None:
            out.append((row["event_id"], changes, hidden))
    return out


def apply_changes(store, changes: list[tuple[str, dict, bool | None]], author: str = "analyst") -> int:
    """Write the changes through the Store (which records each with its previous value)."""
    n = 0
    for event_id, fields, hidden in changes:
        if fields:
            n += store.edit_event(event_id, fields, author=author)
        if hidden is not None:
            store.set_hidden(event_id, hidden, author=author)
            n += 1
    return n


def manual_record(**kw) -> dict:
    """An event typed in by hand, as a record for Store.add_manual_event."""
    start, end = _norm("start", kw.get("start")), _norm("end", kw.get("end"))
    precision = kw.get("precision") or ("day" if start and start == end else "undated" if not start else "year")
    rec = {
        "start": start, "end": end or start, "precision": precision,
        "date_value": kw.get("date_value") or (start if precision == "day" else (start or "")[:4] if precision == "year" else "PAST_REF" if precision == "undated" else start or ""),
        "date_text": kw.get("date_text") or "", "event_type": kw.get("event_type") or "statement",
        "summary": (kw.get("summary") or "").strip(), "sentence": (kw.get("sentence") or kw.get("summary") or "").strip(),
        "countries": _norm("countries", kw.get("countries")), "actors": _norm("actors", kw.get("actors")),
        "places": _norm("places", kw.get("places")), "confidence": 1.0,
    }
    problems = validate(rec)
    if not rec["summary"]:
        problems.append("a summary is required")
    if not rec["end"] and precision != "undated":
        problems.append("a date is required (or choose precision 'undated' with the publication date as end)")
    if problems:
        raise ValueError("; ".join(problems))
    return rec
