"""The Store: everything that reads or writes the database goes through here.

One input = one transaction (`add_document`), so a failure leaves nothing half-written.
Analysts' edits are recorded in `edits` with the previous value, and the edited fields are
never overwritten when a later report merges into the event.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path

from sqlalchemy import create_engine, event, func, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from ..document import EVENT_COLUMNS, LIST_COLUMNS, Document
from .models import Article, Base, Edit, EventRow, EventSource

DEFAULT_SQLITE = "sqlite:///data/timeline.db"
_CHUNK = 500  # ids per IN (...) query, well below SQLite's and PostgreSQL's parameter limits
EDITABLE = ("start", "end", "precision", "date_value", "date_text", "event_type", "summary", "countries", "actors", "places", "confidence")


def default_db_url() -> str:
    return os.environ.get("TIMELINE_DB_URL") or DEFAULT_SQLITE


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _join(v) -> str:
    if v is None:
        return ""
    if isinstance(v, str):
        return ";".join(sorted({x.strip() for x in v.split(";") if x.strip()}))
    return ";".join(sorted({str(x) for x in v if x}))


def _date(v) -> date | None:
    if v in (None, ""):
        return None
    return v if isinstance(v, date) else date.fromisoformat(str(v)[:10])


@dataclass
class Prepared:
    """A document after extraction, reduced to what the store keeps: the annotations as their
    JSON, no per-token objects. Far smaller to hold for a large input and to send between
    processes; `add_documents` takes these or Documents alike."""

    article_id: str
    title: str | None
    url: str | None
    published: date | None
    lang: str | None
    path: str | None
    text: str
    body_start: int
    annotations: str
    events: list

    @classmethod
    def of(cls, doc: Document) -> Prepared:
        return cls(
            article_id=doc.article_id,
            title=doc.title,
            url=doc.url,
            published=doc.published,
            lang=doc.lang,
            path=doc.path,
            text=doc.text,
            body_start=doc.body_start,
            annotations=json.dumps(_annotations(doc), ensure_ascii=False),
            events=list(doc.events),
        )


@dataclass
class AddResult:
    article_id: str
    added: bool  # False: the same text was stored already
    events_added: int = 0
    events_merged: int = 0


def normalise_url(url: str) -> str:
    """`postgresql://` and `postgres://` mean psycopg 3 here (the driver we ship), not psycopg2."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def make_engine(url: str) -> Engine:
    url = normalise_url(url)
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        Path(url[len("sqlite:///") :]).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, future=True, pool_pre_ping=not url.startswith("sqlite"))
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):
            cur = dbapi_conn.cursor()
            # WAL: the dashboard reads while `ingest` writes; busy_timeout waits instead of failing
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

    return engine


class _Batch:
    """What one write transaction already knows, so each report costs no extra queries:
    event rows by id (prefetched in bulk) and merge candidates by merge key (loaded once,
    then kept up to date as the transaction adds and merges events).

    Within a key the candidates are grouped by date value, and a report is only compared
    (`same_event`, which decides) with the groups whose spans overlap its own; only those
    groups' rows are loaded: a key with thousands of events costs a comparison per distinct
    date, not a loaded row and a `same_event` per event.
    """

    def __init__(self, s: Session):
        self.s = s
        self.rows: dict[str, EventRow | None] = {}
        self.groups: dict[str, dict] = {}
        self.records: dict[str, dict] = {}
        self.sources: list[dict] = []  # event_sources and edits rows, written in bulk by write()
        self.edits: list[dict] = []

    def write(self) -> None:
        """The collected sources and merge edits, as two multi-row INSERTs (after the rows they refer to)."""
        if not (self.sources or self.edits):
            return
        self.s.flush()
        if self.sources:
            self.s.execute(insert(EventSource), self.sources)
        if self.edits:
            self.s.execute(insert(Edit), self.edits)
        self.sources, self.edits = [], []

    def prefetch(self, event_ids) -> None:
        ids = [i for i in dict.fromkeys(event_ids) if i and i not in self.rows]
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i : i + _CHUNK]
            found = {r.id: r for r in self.s.scalars(select(EventRow).where(EventRow.id.in_(chunk)))}
            for eid in chunk:
                self.rows[eid] = found.get(eid)

    def row(self, event_id: str) -> EventRow | None:
        if event_id not in self.rows:
            self.rows[event_id] = self.s.get(EventRow, event_id)
        return self.rows[event_id]

    def _values(self, key: str) -> dict:
        """date value -> [span, rows or None (not loaded yet)] for the events of a merge key:
        the distinct values come in one small query; the rows of a value only when needed."""
        if key not in self.groups:
            q = select(EventRow.date_value).where(EventRow.merge_key == key, EventRow.hidden.is_(False)).distinct()
            self.groups[key] = {(v or "PAST_REF"): [_span(v or "PAST_REF"), None] for v in self.s.scalars(q)}
        return self.groups[key]

    def _load(self, key: str, values: list[str]) -> None:
        groups = self.groups[key]
        for i in range(0, len(values), _CHUNK):
            chunk = values[i : i + _CHUNK]
            for v in chunk:
                groups[v][1] = []
            db_values = [v for v in chunk if v != "PAST_REF"]
            cond = EventRow.date_value.in_(db_values)
            if "PAST_REF" in chunk:
                cond = cond | EventRow.date_value.is_(None) | (EventRow.date_value == "PAST_REF")
            q = select(EventRow).where(EventRow.merge_key == key, EventRow.hidden.is_(False), cond)
            for r in self.s.scalars(q):
                r = self.rows.setdefault(r.id, r) or r
                groups[r.date_value or "PAST_REF"][1].append(r)

    def candidates(self, key: str, date_value: str | None = None) -> list[EventRow]:
        """The events of a merge key in the order they were stored; with `date_value`, only
        those whose dates could be the same happening's: the same value or overlapping spans
        (what any rule of `same_event` needs; undated sides are left to it)."""
        groups = self._values(key)
        b = _span(date_value) if date_value is not None else None
        if b is None:
            wanted = list(groups)
        else:
            lo, hi = b
            wanted = [va for va, (a, _rows) in groups.items() if a is None or va == date_value or (a[0] <= hi and lo <= a[1])]
        missing = [va for va in wanted if groups[va][1] is None]
        if missing:
            self._load(key, missing)
        picked = [r for va in wanted for r in groups[va][1]]
        picked.sort(key=lambda r: (r.created_at, r.id))
        return picked

    def record(self, row: EventRow) -> dict:
        rec = self.records.get(row.id)
        if rec is None:
            rec = self.records[row.id] = _row_record(row)
        return rec

    def added(self, row: EventRow) -> None:
        self.rows[row.id] = row
        if row.merge_key is not None and row.merge_key in self.groups:
            group = self.groups[row.merge_key].setdefault(row.date_value or "PAST_REF", [_span(row.date_value or "PAST_REF"), []])
            if group[1] is not None:  # else it is loaded, with this row, when first needed
                group[1].append(row)

    def changed(self, row: EventRow) -> None:
        self.records.pop(row.id, None)


@lru_cache(maxsize=1 << 16)
def _span(value: str) -> tuple[date, date] | None:
    from ..timex_values import value_span

    start, end, precision = value_span(value)
    return (start, end) if precision != "undated" and start and end else None


class Store:
    def __init__(self, url: str | None = None):
        self.url = normalise_url(url or default_db_url())
        self.engine = make_engine(self.url)
        Base.metadata.create_all(self.engine)
        self.Session = sessionmaker(self.engine, expire_on_commit=False)

    # -- writing -------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        with self.Session() as s:
            return s.get(Article, article_id) is not None

    def add_document(self, doc: Document, source: str | None = None) -> AddResult:
        """Store an article and its events in one transaction; a known text adds nothing."""
        return self.add_documents([doc], source)[0]

    def known_articles(self, article_ids) -> set[str]:
        """Which of these article ids are stored already: one query per thousand ids, not one each."""
        ids = list(dict.fromkeys(article_ids))
        found: set[str] = set()
        with self.Session() as s:
            for i in range(0, len(ids), _CHUNK):
                found.update(s.scalars(select(Article.id).where(Article.id.in_(ids[i : i + _CHUNK]))))
        return found

    def add_documents(self, docs: list[Document | Prepared], source: str | None = None) -> list[AddResult]:
        """Store the documents of one input (a table gives several) in one transaction.

        Set-based where it can be: the known article ids and the already stored event ids are
        fetched in one query per 500, merge candidates once per merge key, and the rows go to
        the database in a few bulk INSERTs at commit instead of a flush per event.
        """
        with self.Session.begin() as s:
            ids = list(dict.fromkeys(d.article_id for d in docs))
            known: set[str] = set()
            for i in range(0, len(ids), _CHUNK):
                known.update(s.scalars(select(Article.id).where(Article.id.in_(ids[i : i + _CHUNK]))))
            batch = _Batch(s)
            batch.prefetch([getattr(ev, "event_id", None) for d in docs if d.article_id not in known for ev in d.events])
            results = []
            for doc in docs:
                if doc.article_id in known:
                    results.append(AddResult(doc.article_id, added=False))
                    continue
                results.append(self._add_doc(s, doc, source, checked=True, batch=batch))
                known.add(doc.article_id)
                if len(batch.sources) >= 5000:
                    batch.write()
            batch.write()
            return results

    def _add_doc(self, s: Session, doc: Document | Prepared, source: str | None, checked: bool = False, batch: _Batch | None = None) -> AddResult:
        aid = doc.article_id
        if not checked and s.get(Article, aid) is not None:
            return AddResult(aid, added=False)
        own_batch = batch is None
        batch = batch or _Batch(s)
        s.add(
            Article(
                id=aid,
                title=doc.title,
                url=doc.url,
                published=doc.published,
                lang=doc.lang,
                source=source or doc.path,
                text=doc.text,
                body_start=doc.body_start,
                annotations=doc.annotations if isinstance(doc, Prepared) else json.dumps(_annotations(doc), ensure_ascii=False),
                ingested_at=_now(),
            )
        )
        res = AddResult(aid, added=True)
        for ev in doc.events:
            if self._add_event(s, ev.to_record() | _evidence(ev), aid, batch):
                res.events_merged += 1
            else:
                res.events_added += 1
        if own_batch:
            batch.write()
        return res

    def _add_event(self, s: Session, rec: dict, article_id: str | None, batch: _Batch | None = None) -> bool:
        """Add one report; True when it merged into an existing event."""
        from ..events.merge import merge_key, same_event  # here: storage must not need the events stage to open

        own_batch = batch is None
        batch = batch or _Batch(s)
        key = merge_key(rec)
        target = None
        if key is not None:
            for cand in batch.candidates(key, rec.get("date_value") or "PAST_REF"):
                if cand.id != rec["event_id"] and same_event(batch.record(cand), rec):
                    target = cand
                    break
        existing = batch.row(rec["event_id"])
        if target is None and existing is not None:
            target = existing  # the same report id (same text elsewhere): just another source
        now = _now()
        if target is None:
            target = EventRow(id=rec["event_id"], created_at=now, merge_key=key, article_id=article_id, hidden=False, manual=False, edited_fields="")
            _apply(target, rec, protected=set())
            target.updated_at = now
            s.add(target)
            batch.added(target)
            merged = False
        else:
            # fill what the event lacked, never touching what an analyst edited
            protected = set(filter(None, target.edited_fields.split(";")))
            for col in ("countries", "actors", "places"):
                if col not in protected:
                    setattr(target, col, _join(set(getattr(target, col).split(";")) | set(rec.get(col) or [])))
            target.confidence = max(target.confidence or 0, rec.get("confidence") or 0)
            target.updated_at = now
            batch.changed(target)
            merged = True
        batch.sources.append(
            {
                "event_id": target.id,
                "mention_id": rec["event_id"],
                "article_id": article_id,
                "sentence": rec.get("sentence") or "",
                "sentence_start": rec.get("sentence_start"),
                "sentence_end": rec.get("sentence_end"),
                "payload": json.dumps(rec, ensure_ascii=False, default=str),
                "added_at": now,
            }
        )
        if merged:
            batch.edits.append({"event_id": target.id, "action": "merge", "field": "sources", "old_value": None, "new_value": rec["event_id"], "author": "litopys", "at": now})
        if own_batch:
            batch.write()
        return merged

    # -- curation ------------------------------------------------------------------------

    def edit_event(self, event_id: str, changes: dict, author: str = "analyst") -> int:
        """Change fields of an event; each change is recorded with its previous value."""
        n = 0
        with self.Session.begin() as s:
            row = s.get(EventRow, event_id)
            if row is None:
                raise KeyError(event_id)
            edited = set(filter(None, row.edited_fields.split(";")))
            for field, new in changes.items():
                if field not in EDITABLE:
                    raise ValueError(f"not an editable field: {field}")
                old = _field_text(getattr(row, field))
                new_v = _coerce(field, new)
                if old == _field_text(new_v):
                    continue
                setattr(row, field, new_v)
                edited.add(field)
                s.add(Edit(event_id=event_id, action="edit", field=field, old_value=old, new_value=_field_text(new_v), author=author, at=_now()))
                n += 1
            if n:
                row.edited_fields = ";".join(sorted(edited))
                row.updated_at = _now()
        return n

    def set_hidden(self, event_id: str, hidden: bool = True, author: str = "analyst") -> None:
        """Mark an event wrong (hidden, not deleted) or restore it."""
        with self.Session.begin() as s:
            row = s.get(EventRow, event_id)
            if row is None:
                raise KeyError(event_id)
            if row.hidden != hidden:
                row.hidden = hidden
                s.add(Edit(event_id=event_id, action="hide" if hidden else "unhide", field="hidden", old_value=str(not hidden), new_value=str(hidden), author=author, at=_now()))

    def add_manual_event(self, rec: dict, author: str = "analyst") -> str:
        """An event added by hand: stored as its own source with no article."""
        import hashlib

        rec = dict(rec)
        rec.setdefault("sentence", "")
        rec.setdefault("confidence", 1.0)
        if not rec.get("event_id"):
            key = json.dumps(rec, sort_keys=True, default=str) + _now().isoformat()
            rec["event_id"] = "m" + hashlib.sha1(key.encode()).hexdigest()[:15]
        with self.Session.begin() as s:
            row = EventRow(id=rec["event_id"], created_at=_now(), updated_at=_now(), manual=True, merge_key=None, article_id=None)
            _apply(row, rec, protected=set())
            row.edited_fields = ";".join(f for f in EDITABLE if rec.get(f) not in (None, ""))
            s.add(row)
            s.flush()
            s.add(EventSource(event_id=row.id, mention_id=row.id, article_id=None, sentence=rec["sentence"], payload=json.dumps(rec, default=str, ensure_ascii=False), added_at=_now()))
            s.add(Edit(event_id=row.id, action="add", field=None, old_value=None, new_value=rec.get("summary"), author=author, at=_now()))
        return rec["event_id"]

    def split_source(self, event_id: str, source_id: int, author: str = "analyst") -> str:
        """Undo a merge: the source becomes its own event again, from its own extraction."""
        with self.Session.begin() as s:
            src = s.get(EventSource, source_id)
            if src is None or src.event_id != event_id:
                raise KeyError(source_id)
            n = s.scalar(select(func.count()).select_from(EventSource).where(EventSource.event_id == event_id))
            if n < 2:
                raise ValueError("an event with one source cannot be split")
            rec = json.loads(src.payload)
            new_id = src.mention_id if s.get(EventRow, src.mention_id) is None else f"{src.mention_id}-s{source_id}"
            row = EventRow(id=new_id, created_at=_now(), updated_at=_now(), merge_key=None, article_id=src.article_id)
            _apply(row, rec, protected=set())
            s.add(row)
            s.flush()
            src.event_id = new_id
            if s.get(EventRow, event_id).article_id == src.article_id:
                other = s.scalars(select(EventSource).where(EventSource.event_id == event_id)).first()
                s.get(EventRow, event_id).article_id = other.article_id if other else None
            s.add(Edit(event_id=event_id, action="split", field="sources", old_value=src.mention_id, new_value=new_id, author=author, at=_now()))
            s.add(Edit(event_id=new_id, action="split", field="sources", old_value=event_id, new_value=new_id, author=author, at=_now()))
        return new_id

    # -- reading -------------------------------------------------------------------------

    def events_frame(self, include_hidden: bool = False):
        """Every event with the contract's columns (lists as lists) plus curation extras."""
        import pandas as pd

        cols = EVENT_COLUMNS + ["cameo", "n_sources", "hidden", "manual", "edited_fields"]
        with self.engine.connect() as c:
            n_src = select(EventSource.event_id, func.count().label("n")).group_by(EventSource.event_id).subquery()
            q = (
                select(EventRow, Article.title, Article.url, Article.published, Article.lang, n_src.c.n)
                .join(Article, Article.id == EventRow.article_id, isouter=True)
                .join(n_src, n_src.c.event_id == EventRow.id, isouter=True)
            )
            if not include_hidden:
                q = q.where(EventRow.hidden.is_(False))
            rows = c.execute(q).all()
        recs = []
        for r in rows:
            m = r._mapping
            recs.append(
                {
                    "event_id": m["id"],
                    "start": _iso(m["start"]),
                    "end": _iso(m["end"]),
                    "precision": m["precision"],
                    "date_value": m["date_value"],
                    "date_text": m["date_text"],
                    "event_type": m["event_type"],
                    "summary": m["summary"],
                    "sentence": m["sentence"],
                    "countries": _split(m["countries"]),
                    "actors": _split(m["actors"]),
                    "places": _split(m["places"]),
                    "article_id": m["article_id"] or "",
                    "title": m["title"],
                    "url": m["url"],
                    "published": _iso(m["published"]),
                    "lang": m["lang"],
                    "confidence": m["confidence"],
                    "cameo": m["cameo"],
                    "n_sources": int(m["n"] or 0),
                    "hidden": bool(m["hidden"]),
                    "manual": bool(m["manual"]),
                    "edited_fields": m["edited_fields"],
                }
            )
        df = pd.DataFrame(recs, columns=cols)
        return df.sort_values(["start", "end", "event_id"], na_position="first", kind="stable").reset_index(drop=True)

    def event_sources(self, event_id: str) -> list[dict]:
        with self.engine.connect() as c:
            q = (
                select(EventSource, Article.title, Article.url, Article.published)
                .join(Article, Article.id == EventSource.article_id, isouter=True)
                .where(EventSource.event_id == event_id)
                .order_by(EventSource.id)
            )
            out = []
            for r in c.execute(q).all():
                m = r._mapping
                out.append(
                    {
                        "source_id": m["id"],
                        "mention_id": m["mention_id"],
                        "article_id": m["article_id"],
                        "title": m["title"],
                        "url": m["url"],
                        "published": _iso(m["published"]),
                        "sentence": m["sentence"],
                        "sentence_start": m["sentence_start"],
                        "sentence_end": m["sentence_end"],
                        "payload": json.loads(m["payload"] or "{}"),
                    }
                )
            return out

    def other_sources(self, event_ids=None) -> dict[str, list[dict]]:
        """For each event reported by more than one article, its reports other than the
        event's own article (one query for all events): the export's `sources` column."""
        with self.engine.connect() as c:
            q = (
                select(EventSource.event_id, EventSource.article_id, Article.title, Article.url, Article.published, EventRow.article_id.label("own"))
                .join(EventRow, EventRow.id == EventSource.event_id)
                .join(Article, Article.id == EventSource.article_id)
                .order_by(EventSource.event_id, EventSource.id)
            )
            wanted = None if event_ids is None else set(event_ids)
            out: dict[str, list[dict]] = {}
            for r in c.execute(q).all():
                m = r._mapping
                if m["article_id"] == m["own"] or (wanted is not None and m["event_id"] not in wanted):
                    continue
                lst = out.setdefault(m["event_id"], [])
                if all(x["article_id"] != m["article_id"] for x in lst):
                    lst.append({"article_id": m["article_id"], "title": m["title"], "url": m["url"], "published": _iso(m["published"])})
            return out

    def articles_frame(self):
        import pandas as pd

        with self.engine.connect() as c:
            n_ev = select(EventSource.article_id, func.count().label("n")).group_by(EventSource.article_id).subquery()
            q = select(Article.id, Article.title, Article.url, Article.published, Article.lang, Article.source, Article.ingested_at, n_ev.c.n).join(
                n_ev, n_ev.c.article_id == Article.id, isouter=True
            )
            rows = [dict(r._mapping) for r in c.execute(q).all()]
        df = pd.DataFrame(rows, columns=["id", "title", "url", "published", "lang", "source", "ingested_at", "n"])
        df = df.rename(columns={"n": "events"})
        df["events"] = df["events"].fillna(0).astype(int)
        return df.sort_values("published", ascending=False, na_position="last").reset_index(drop=True)

    def article(self, article_id: str) -> dict | None:
        with self.Session() as s:
            a = s.get(Article, article_id)
            if a is None:
                return None
            return {
                "id": a.id,
                "title": a.title,
                "url": a.url,
                "published": _iso(a.published),
                "lang": a.lang,
                "source": a.source,
                "text": a.text,
                "body_start": a.body_start,
                "annotations": json.loads(a.annotations or "{}"),
            }

    def edits_frame(self, event_id: str | None = None):
        import pandas as pd

        with self.engine.connect() as c:
            q = select(Edit).order_by(Edit.id.desc())
            if event_id:
                q = q.where(Edit.event_id == event_id)
            rows = [dict(r._mapping) for r in c.execute(q).all()]
        return pd.DataFrame(rows, columns=["id", "event_id", "action", "field", "old_value", "new_value", "author", "at"])

    def counts(self) -> dict:
        with self.Session() as s:
            return {
                "articles": s.scalar(select(func.count()).select_from(Article)),
                "events": s.scalar(select(func.count()).select_from(EventRow)),
                "sources": s.scalar(select(func.count()).select_from(EventSource)),
                "edits": s.scalar(select(func.count()).select_from(Edit)),
            }

    def is_empty(self) -> bool:
        return self.counts()["articles"] == 0

    # -- added for the dashboard (100,000 events): the same frame as events_frame, faster -----

    def events_frame_fast(self, include_hidden: bool = False):
        """`events_frame` through one Core query (no ORM objects): the same columns, values
        and order, about five times faster on large databases.  Dates are cast to text in SQL."""
        import pandas as pd
        from sqlalchemy import String, cast

        cols = EVENT_COLUMNS + ["cameo", "n_sources", "hidden", "manual", "edited_fields"]
        ev, art = EventRow.__table__.c, Article.__table__.c
        n_src = select(EventSource.event_id, func.count().label("n")).group_by(EventSource.event_id).subquery()
        q = (
            select(
                ev.id, cast(ev.start, String), cast(ev.end, String), ev.precision, ev.date_value, ev.date_text, ev.event_type,
                ev.summary, ev.sentence, ev.countries, ev.actors, ev.places, ev.article_id, art.title, art.url,
                cast(art.published, String), art.lang, ev.confidence, ev.cameo, n_src.c.n, ev.hidden, ev.manual, ev.edited_fields,
            )
            .select_from(EventRow.__table__)
            .join(Article.__table__, art.id == ev.article_id, isouter=True)
            .join(n_src, n_src.c.event_id == ev.id, isouter=True)
        )
        if not include_hidden:
            q = q.where(ev.hidden.is_(False))
        with self.engine.connect() as c:
            rows = [tuple(r) for r in c.execute(q)]
        names = ["event_id", "start", "end", "precision", "date_value", "date_text", "event_type", "summary", "sentence", "countries",
                 "actors", "places", "article_id", "title", "url", "published", "lang", "confidence", "cameo", "n_sources", "hidden",
                 "manual", "edited_fields"]
        df = pd.DataFrame(rows, columns=names)
        for col in ("countries", "actors", "places"):
            df[col] = [x.split(";") if x else [] for x in df[col].tolist()]
        for col in ("start", "end", "published"):
            df[col] = df[col].astype(object).where(df[col].notna(), None)
            df[col] = [v[:10] if v else None for v in df[col].tolist()]
        df["article_id"] = df["article_id"].fillna("")
        df["n_sources"] = df["n_sources"].fillna(0).astype(int)
        df["hidden"] = df["hidden"].astype(bool)
        df["manual"] = df["manual"].astype(bool)
        df = df[cols]
        return df.sort_values(["start", "end", "event_id"], na_position="first", kind="stable").reset_index(drop=True)


def _iso(v) -> str | None:
    return v.isoformat() if isinstance(v, date) else (v or None)


def _split(v: str | None) -> list[str]:
    return [x for x in (v or "").split(";") if x]


def _field_text(v) -> str:
    if isinstance(v, date):
        return v.isoformat()
    return "" if v is None else str(v)


def _coerce(field: str, v):
    if field in ("start", "end"):
        return _date(v)
    if field in LIST_COLUMNS:
        return _join(v)
    if field == "confidence":
        return float(v)
    return "" if v is None else str(v)


def _apply(row: EventRow, rec: dict, protected: set[str]) -> None:
    for col in ("start", "end", "precision", "date_value", "date_text", "event_type", "summary", "sentence", "countries", "actors", "places", "confidence", "cameo"):
        if col in protected:
            continue
        v = rec.get(col)
        if col in ("start", "end"):
            v = _date(v)
        elif col in LIST_COLUMNS:
            v = _join(v)
        elif col == "confidence":
            v = float(v if v is not None else 0.5)
        elif col == "precision":
            v = v or "undated"
        elif col == "date_value":
            v = v or "PAST_REF"
        elif v is None and col != "cameo":
            v = ""
        setattr(row, col, v)


def _row_record(row: EventRow) -> dict:
    return {
        "event_type": row.event_type,
        "date_value": row.date_value,
        "sentence": row.sentence,
        "countries": _split(row.countries),
        "actors": _split(row.actors),
        "places": _split(row.places),
    }


def _evidence(ev) -> dict:
    return {"sentence_start": ev.sentence_start, "sentence_end": ev.sentence_end, "date_start": ev.date_start, "date_end": ev.date_end}


def _annotations(doc: Document) -> dict:
    """What the source view highlights, kept with the article so it need not be recomputed."""
    return {
        "timexes": [t.to_dict() for t in doc.timexes],
        "entities": [e.to_dict() | {"role": e.role} for e in doc.entities],
        "sentences": [[s.start, s.end] for s in doc.sentences],
    }
