"""When two reports describe the same happening.

`merge_key` narrows the candidates cheaply (stored and indexed); `same_event` decides.
A report only merges into an event of the same type whose date agrees and whose
countries and actors overlap; undated reports merge only when their sentences are
near-identical, since "before publication" says nothing about sameness.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+")


def merge_key(rec: dict) -> str | None:
    if not rec.get("event_type"):
        return None
    return f"{rec['event_type']}|{rec.get('date_value') or 'PAST_REF'}"


def _words(s: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(s or "") if len(w) > 3}


def _overlap(a, b) -> bool:
    return bool(set(a or []) & set(b or []))


def same_event(a: dict, b: dict) -> bool:
    if merge_key(a) != merge_key(b) or merge_key(a) is None:
        return False
    if (a.get("date_value") or "PAST_REF") == "PAST_REF":
        wa, wb = _words(a.get("sentence", "")), _words(b.get("sentence", ""))
        return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= 0.8
    if not _overlap(a.get("countries"), b.get("countries")):
        return False
    if a.get("actors") and b.get("actors"):
        return _overlap(a.get("actors"), b.get("actors"))
    return True
