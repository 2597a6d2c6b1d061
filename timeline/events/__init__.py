"""Event stage: reported happenings with their date, countries, actors and places.

STUB (owned by the events work): one event per sentence that holds a trigger word from
`timeline/lang/<code>/events.toml`, dated by the sentence's first DATE timex, else undated.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache

from ..document import Document, Event
from ..lang import resource
from ..timex_values import value_span


@cache
def _triggers(lang: str) -> list[tuple[str, re.Pattern]]:
    res = resource(lang or "", "events")
    return [
        (t["type"], re.compile(r"\b(?:" + "|".join(map(re.escape, t["words"])) + r")", re.IGNORECASE))
        for t in res.get("types", [])
    ]


def event_id(article_id: str, sentence_start: int, event_type: str, date_value: str) -> str:
    key = f"{article_id}|{sentence_start}|{event_type}|{date_value}"
    return hashlib.sha1(key.encode()).hexdigest()[:16]


def assemble_events(doc: Document) -> Document:
    events = []
    published = doc.published.isoformat() if doc.published else None
    for s in doc.sentences:
        etype = next((t for t, rx in _triggers(doc.lang) if rx.search(s.text)), None)
        if etype is None:
            continue
        tx = [t for t in doc.timexes if s.start <= t.start < s.end and t.type in ("DATE", "TIME")]
        ents = [e for e in doc.entities if s.start <= e.start < s.end]
        dated = [t for t in tx if value_span(t.value)[2] != "undated"] or [None]
        for t in dated:
            value = t.value if t else "PAST_REF"
            start, end, precision = value_span(value, doc.published)
            if t and doc.published and start and start > doc.published:
                continue
            events.append(
                Event(
                    event_id=event_id(doc.article_id, s.start, etype, value),
                    start=start.isoformat() if start else None,
                    end=end.isoformat() if end else published,
                    precision=precision,
                    date_value=value,
                    date_text=t.text if t else "",
                    event_type=etype,
                    summary=s.text[:120],
                    sentence=s.text,
                    countries=sorted({e.country for e in ents if e.country}),
                    actors=sorted({e.name for e in ents if e.kind in ("person", "organization")}),
                    places=sorted({e.name for e in ents if e.kind == "place"}),
                    article_id=doc.article_id,
                    title=doc.title,
                    url=doc.url,
                    published=published,
                    lang=doc.lang,
                    confidence=0.5,
                    sentence_start=s.start,
                    sentence_end=s.end,
                    date_start=t.start if t else None,
                    date_end=t.end if t else None,
                )
            )
    doc.events = events
    return doc
