"""The one object that flows through every stage: an article and what we found in it.

Stages (see `timeline.pipeline`) fill the lists in order: sentences -> timexes ->
entities -> events. Offsets are Python `str` indices into `Document.text`, which is the
whole decoded input, header line included (contract: ../shared/contract.md).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date

try:  # the builtin module: importing hashlib loads OpenSSL (~2 ms at every start) for the same digest
    from _sha1 import sha1
except ImportError:  # a Python built without it
    from hashlib import sha1


@dataclass
class Sentence:
    start: int
    end: int
    text: str


@dataclass
class Timex:
    """A TIMEX3 temporal expression.

    `value` is the normalised TIMEX3 value (`2025-09-03`, `2001`, `P3D`, `PAST_REF`, ...);
    detection may leave it None and the anchoring step fills it.  `anchor` records what a
    relative value was resolved against ("published", "narrative"), None when absolute.
    `mod` is the TIMEX3 mod attribute (START, MID, END, APPROX, BEFORE, ...).
    """

    text: str
    start: int
    end: int
    type: str  # DATE, TIME, DURATION, SET
    value: str | None
    mod: str | None = None
    anchor: str | None = None
    rule: str | None = None  # the resource pattern that matched, for debugging and tests

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end, "type": self.type, "value": self.value}


@dataclass
class Entity:
    """A country, place, person or organisation mention.

    `name` is canonical English (Latin script), identical for every form and spelling.
    `country` is ISO 3166-1 alpha-3 or None.  `role` is a person's role ("president",
    "spokesperson") when the text gives one.
    """

    text: str
    start: int
    end: int
    kind: str  # country, place, person, organization
    name: str
    country: str | None = None
    role: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "name": self.name,
            "country": self.country,
        }


# Contract column order for extract/export (CSV header order); extras come after.
EVENT_COLUMNS = [
    "event_id",
    "start",
    "end",
    "precision",
    "date_value",
    "date_text",
    "event_type",
    "summary",
    "sentence",
    "countries",
    "actors",
    "places",
    "article_id",
    "title",
    "url",
    "published",
    "lang",
    "confidence",
]
EXTRA_EVENT_COLUMNS = ["cameo", "sources"]
LIST_COLUMNS = ("countries", "actors", "places")


@dataclass
class Event:
    event_id: str
    start: str | None  # ISO date or None (only an upper bound known)
    end: str | None
    precision: str  # day, week, month, season, quarter, year, decade, undated
    date_value: str  # TIMEX3 value, PAST_REF for undated
    date_text: str
    event_type: str
    summary: str
    sentence: str
    countries: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    article_id: str = ""
    title: str | None = None
    url: str | None = None
    published: str | None = None
    lang: str | None = None
    confidence: float = 0.5
    cameo: str | None = None
    sources: list[dict] = field(default_factory=list)  # other reports of the same event
    # where the evidence sits in the article, for highlighting (not exported as columns)
    sentence_start: int | None = None
    sentence_end: int | None = None
    date_start: int | None = None
    date_end: int | None = None

    def to_record(self) -> dict:
        """Contract columns in order, then the extras."""
        d = asdict(self)
        return {k: d[k] for k in EVENT_COLUMNS + EXTRA_EVENT_COLUMNS}


HEADER_RE = re.compile(r"^\ufeff?\s*date (\d{4}-\d{2}-\d{2})[ \t]*([^\n]*)")


@dataclass
class Document:
    text: str
    published: date | None = None
    lang: str | None = None
    title: str | None = None
    url: str | None = None
    path: str | None = None  # the input as the user named it
    body_start: int = 0  # offset where the body begins (after a header line)
    title_span: tuple[int, int] | None = None
    sentences: list[Sentence] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    @property
    def article_id(self) -> str:
        """Stable id of the article's text: whitespace-insensitive, so re-ingesting adds nothing."""
        norm = " ".join(self.text[self.body_start :].split())
        if self.title:
            norm = " ".join(self.title.split()) + "\n" + norm
        return sha1(norm.encode("utf-8")).hexdigest()[:16]

    @classmethod
    def from_text(
        cls,
        text: str,
        published: date | str | None = None,
        lang: str | None = None,
        title: str | None = None,
        url: str | None = None,
        path: str | None = None,
    ) -> Document:
        """Build a document; a `date YYYY-MM-DD Title` header line gives date and title.

        An explicit `published` argument wins over the header (the user said so).
        """
        if isinstance(published, str) and published:
            published = date.fromisoformat(published)
        doc = cls(text=text, published=published or None, lang=lang, title=title, url=url, path=path)
        m = HEADER_RE.match(text)
        if m:
            try:
                header_date = date.fromisoformat(m.group(1))
            except ValueError:
                header_date = None
            if header_date is not None:
                if doc.published is None:
                    doc.published = header_date
                if m.group(2).strip():
                    doc.title_span = (m.start(2), m.start(2) + len(m.group(2).rstrip()))
                    if doc.title is None:
                        doc.title = m.group(2).strip()
                doc.body_start = m.end()
        return doc
