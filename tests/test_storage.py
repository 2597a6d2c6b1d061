"""Storage against a real SQLite file AND a real PostgreSQL server (the `db_url` fixture).

Most documents here carry hand-made events, so that storage is tested on its own terms
(merging, audit, transactions) whatever the extraction stages currently produce; one test
runs the seed through the whole pipeline.
"""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from sqlalchemy import select

from timeline.document import Document, Event
from timeline.ingest import ingest_inputs, ingest_text
from timeline.pipeline import run
from timeline.storage import Store
from timeline.storage.models import Article


def doc_with(title: str, body: str, events: list[dict], published: str = "2025-07-01") -> Document:
    """A document with the given events (no extraction run): each dict overrides the defaults."""
    doc = Document.from_text(f"date {published} {title}\n{body}")
    for i, over in enumerate(events):
        sent = over.get("sentence", body)
        ev = {
            "event_id": f"{doc.article_id}-{i}",
            "start": "2024-01-01",
            "end": "2024-12-31",
            "precision": "year",
            "date_value": "2024",
            "date_text": "2024",
            "event_type": "detention",
            "summary": sent[:60],
            "sentence": sent,
            "countries": ["AZE"],
            "actors": [],
            "places": [],
            "article_id": doc.article_id,
            "title": title,
            "published": published,
            "lang": "uk",
            "confidence": 0.5,
            "sentence_start": doc.body_start,
            "sentence_end": doc.body_start + len(sent),
        } | over
        doc.events.append(Event(**ev))
    return doc


@pytest.fixture
def store(db_url):
    s = Store(db_url)
    yield s
    s.engine.dispose()


def test_dialect_is_what_the_url_says(store, db_url):
    assert store.engine.dialect.name == db_url.split(":")[0].split("+")[0]
    assert store.is_empty() and store.counts() == {"articles": 0, "events": 0, "sources": 0, "edits": 0}


@pytest.mark.parametrize(
    "events, n_events, n_sources",
    [
        ([], 0, 0),
        ([{}], 1, 1),
        ([{}, {"event_type": "statement", "date_value": "2024-05", "start": "2024-05-01", "end": "2024-05-31", "precision": "month"}], 2, 2),
        ([{"countries": ["RUS", "AZE", "RUS"], "actors": ["Ilham Aliyev"], "places": ["Yekaterinburg"]}], 1, 1),
        ([{"start": None, "end": "2025-07-01", "precision": "undated", "date_value": "PAST_REF", "date_text": ""}], 1, 1),
    ],
)
def test_add_and_read_back(store, events, n_events, n_sources):
    doc = doc_with("Заголовок «з лапками»", "Поліція затримала двох людей у 2024 році в Єкатеринбурзі.", events)
    res = store.add_document(doc, source="in.txt")
    assert res.added and res.events_added == n_events and res.events_merged == 0
    assert store.counts() == {"articles": 1, "events": n_events, "sources": n_sources, "edits": 0}
    art = store.article(doc.article_id)
    assert art["text"] == doc.text and art["title"] == "Заголовок «з лапками»" and art["published"] == "2025-07-01"
    assert art["source"] == "in.txt" and art["body_start"] == doc.body_start
    df = store.events_frame()
    assert len(df) == n_events
    for ev in doc.events:
        row = df.set_index("event_id").loc[ev.event_id]
        assert row["start"] == ev.start and row["end"] == ev.end and row["precision"] == ev.precision
        assert row["countries"] == sorted(set(ev.countries)) and row["actors"] == ev.actors and row["places"] == ev.places
        assert row["published"] == "2025-07-01" and row["title"] == doc.title and row["n_sources"] == 1
        (src,) = store.event_sources(ev.event_id)
        assert src["sentence"] == ev.sentence and src["payload"]["event_type"] == ev.event_type
    arts = store.articles_frame()
    assert list(arts["id"]) == [doc.article_id] and arts["events"].iloc[0] == n_events


@pytest.mark.parametrize("variant", ["same", "more whitespace", "other source name"])
def test_readding_the_same_text_adds_nothing(store, variant):
    body = "Поліція затримала двох людей у 2024 році."
    store.add_document(doc_with("T", body, [{}]), source="a.txt")
    again_body = {"same": body, "more whitespace": "  Поліція   затримала двох\nлюдей у 2024 році.  ", "other source name": body}[variant]
    res = store.add_document(doc_with("T", again_body, [{}]), source="b.txt" if variant == "other source name" else "a.txt")
    assert not res.added
    assert store.counts() == {"articles": 1, "events": 1, "sources": 1, "edits": 0}


def test_the_same_event_from_two_articles_merges_and_can_be_split(store):
    a = doc_with("A", "У 2024 році поліція затримала двох людей в Азербайджані.", [{"actors": ["Police"]}])
    b = doc_with("B", "Як повідомлялося, у 2024 році поліція затримала двох людей в Азербайджані.", [{"actors": ["Police"]}])
    store.add_document(a)
    res = store.add_document(b)
    assert res.added and res.events_merged == 1 and res.events_added == 0
    df = store.events_frame()
    assert len(df) == 1 and df["n_sources"].iloc[0] == 2
    target = df["event_id"].iloc[0]
    sources = store.event_sources(target)
    assert {s["article_id"] for s in sources} == {a.article_id, b.article_id}
    new_id = store.split_source(target, sources[1]["source_id"])
    assert len(store.event_sources(target)) == 1 and len(store.event_sources(new_id)) == 1
    assert set(store.edits_frame(target)["action"]) >= {"merge", "split"}
    with pytest.raises(ValueError):
        store.split_source(target, sources[0]["source_id"])


def test_failed_transaction_leaves_nothing(store):
    good = doc_with("G", "Поліція затримала двох людей у 2024 році.", [{}])
    bad = doc_with("B", "Ще одна заява президента.", [{}])
    bad.events.append(None)  # a broken event fails the insert midway, after `good` was written
    with pytest.raises(AttributeError):
        store.add_documents([good, bad])
    assert store.counts() == {"articles": 0, "events": 0, "sources": 0, "edits": 0}
    assert store.add_documents([good])[0].added  # and the store is still usable


EDIT_CASES = [
    ({"summary": "Corrected"}, {"summary": "Corrected"}),
    ({"countries": ["RUS"]}, {"countries": ["RUS"]}),
    ({"start": "2024-06-27", "end": "2024-06-27", "precision": "day"}, {"start": "2024-06-27", "end": "2024-06-27", "precision": "day"}),
    ({"event_type": "death", "confidence": 0.9}, {"event_type": "death", "confidence": 0.9}),
    ({"actors": "Vladimir Putin;Ilham Aliyev"}, {"actors": ["Ilham Aliyev", "Vladimir Putin"]}),
]


@pytest.mark.parametrize("changes, expected", EDIT_CASES)
def test_edits_are_audited_and_survive_reingestion_and_merges(store, changes, expected):
    a = doc_with("A", "У 2024 році поліція затримала двох людей в Азербайджані.", [{"actors": ["Police"]}])
    store.add_document(a)
    eid = a.events[0].event_id
    before = store.events_frame().set_index("event_id").loc[eid]
    assert store.edit_event(eid, changes) == len(changes)
    assert store.edit_event(eid, changes) == 0  # the same values again: no change, no audit line
    edits = store.edits_frame(eid)
    assert len(edits) == len(changes) and set(edits["action"]) == {"edit"}
    for _, e in edits.iterrows():
        assert e["old_value"] == _text(before[e["field"]])
    # re-ingesting the same text, and another report of the same event, never overwrite the edit
    store.add_document(doc_with("A", "У 2024 році поліція затримала двох людей в Азербайджані.", [{"actors": ["Police"]}]))
    store.add_document(doc_with("C", "Нагадаємо: у 2024 році поліція затримала двох людей в Азербайджані.", [{"actors": ["Police"], "countries": ["AZE", "GEO"]}]))
    row = store.events_frame().set_index("event_id").loc[eid]
    for k, v in expected.items():
        assert row[k] == v, k
    assert set(row["edited_fields"].split(";")) == set(changes)


def _text(v) -> str:
    if isinstance(v, list):
        return ";".join(v)
    return "" if v is None else str(v)


def test_hidden_stays_hidden_and_is_audited(store):
    a = doc_with("A", "Поліція затримала двох людей у 2024 році.", [{}])
    store.add_document(a)
    eid = a.events[0].event_id
    store.set_hidden(eid, True)
    store.set_hidden(eid, True)  # no second audit line
    store.add_document(doc_with("A", "Поліція затримала двох людей у 2024 році.", [{}]))
    assert eid not in set(store.events_frame()["event_id"])
    assert store.events_frame(include_hidden=True).set_index("event_id").loc[eid, "hidden"]
    store.set_hidden(eid, False)
    assert list(store.edits_frame(eid)["action"]) == ["unhide", "hide"]
    with pytest.raises(KeyError):
        store.set_hidden("nope", True)
    with pytest.raises(ValueError):
        store.edit_event(eid, {"sentence": "not editable"})


def test_manual_event(store):
    eid = store.add_manual_event(
        {"start": "2025-06-27", "end": "2025-06-27", "precision": "day", "date_value": "2025-06-27", "event_type": "detention", "summary": "Raids", "countries": ["RUS"]}
    )
    row = store.events_frame().set_index("event_id").loc[eid]
    assert row["manual"] and row["countries"] == ["RUS"] and row["n_sources"] == 1 and row["article_id"] == ""
    assert list(store.edits_frame(eid)["action"]) == ["add"]


def test_seed_through_the_whole_pipeline(store, seed_text):
    doc = run(Document.from_text(seed_text))
    first = store.add_document(doc)
    assert first.added and first.events_added + first.events_merged == len(doc.events)
    assert not store.add_document(run(Document.from_text(seed_text))).added
    df = store.events_frame()
    assert set(df["article_id"]) <= {doc.article_id} and (df["published"] == "2025-09-03").all()


def test_a_table_input_is_all_or_nothing(store, tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("text,published\nПоліція затримала людей у 2024 році.,2025-01-01\nЗаява МЗС.,2025-01-02\nТретій рядок,not-a-date\n", encoding="utf-8")
    s = ingest_inputs([str(table)], store=store)
    assert len(s.failures) == 1 and "row 3" in s.failures[0] and s.articles == 0
    assert store.counts()["articles"] == 0


def test_a_failing_write_mid_table_rolls_back_the_whole_input(store, tmp_path, monkeypatch):
    table = tmp_path / "t.jsonl"
    table.write_text("".join(f'{{"text": "Стаття номер {i}: поліція затримала людей у 2024 році.", "published": "2025-01-0{i}"}}\n' for i in range(1, 6)), encoding="utf-8")
    real = Store._add_doc
    calls = []

    def flaky(self, s, doc, source, **kw):
        calls.append(doc.article_id)
        if len(calls) == 4:
            raise RuntimeError("disk full")
        return real(self, s, doc, source, **kw)

    monkeypatch.setattr(Store, "_add_doc", flaky)
    s = ingest_inputs([str(table)], store=store)
    assert s.failures and "disk full" in s.failures[0] and str(table) in s.failures[0]
    assert store.counts() == {"articles": 0, "events": 0, "sources": 0, "edits": 0}
    monkeypatch.setattr(Store, "_add_doc", real)
    s = ingest_inputs([str(table)], store=store)
    assert s.articles == 5 and not s.failures


def test_a_reader_reads_while_a_writer_transaction_is_open(store, db_url):
    """The dashboard keeps reading while `ingest` is in the middle of an input."""
    store.add_document(doc_with("A", "Перша стаття: поліція затримала людей у 2024 році.", [{}]))
    writer = Store(db_url)
    reader = Store(db_url)
    started, release, done = threading.Event(), threading.Event(), threading.Event()

    def write():
        with writer.Session.begin() as s:
            writer._add_doc(s, doc_with("B", "Друга стаття: заява МЗС у 2024 році.", [{"event_type": "statement"}]), "b.txt")
            s.flush()  # the rows are written inside the open transaction
            started.set()
            release.wait(30)
        done.set()

    t = threading.Thread(target=write)
    t.start()
    try:
        assert started.wait(30)
        t0 = time.monotonic()
        seen = reader.counts()
        frame = reader.events_frame()
        assert time.monotonic() - t0 < 5  # not blocked by the writer
        assert seen["articles"] == 1 and len(frame) == 1  # and not seeing its uncommitted rows
    finally:
        release.set()
        t.join(30)
    assert done.is_set() and reader.counts()["articles"] == 2
    writer.engine.dispose()
    reader.engine.dispose()


def test_a_writer_commits_while_a_reader_transaction_is_open(store, db_url, tmp_path):
    """A long dashboard read does not stop `ingest` from committing (WAL on SQLite, MVCC on PostgreSQL)."""
    store.counts()
    if db_url.startswith("sqlite"):
        con = sqlite3.connect(tmp_path / "timeline.db", isolation_level=None)
        con.execute("BEGIN")
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 0  # holds a read snapshot
        writer = Store(db_url)
        with writer.engine.connect() as c:  # fail fast instead of waiting 30 s if this were not WAL
            c.exec_driver_sql("PRAGMA busy_timeout=2000")
        res = ingest_text(writer, "Поліція затримала людей у 2024 році.", published="2025-01-01")
        assert res.articles == 1 and not res.failures
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 0  # its snapshot is kept
        con.execute("COMMIT")
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        con.close()
    else:
        with store.engine.connect().execution_options(isolation_level="REPEATABLE READ") as c:
            assert c.scalar(select(Article.id).limit(1)) is None
            res = ingest_text(store, "Поліція затримала людей у 2024 році.", published="2025-01-01")
            assert res.articles == 1 and not res.failures
            assert c.scalar(select(Article.id).limit(1)) is None
        assert store.counts()["articles"] == 1


def test_plain_postgresql_urls_mean_psycopg3(pg_server):
    from .conftest import new_pg_database

    url = new_pg_database(pg_server).replace("postgresql+psycopg://", "postgresql://")
    store = Store(url)
    assert store.engine.dialect.driver == "psycopg" and store.is_empty()
    res = ingest_text(store, "Поліція затримала людей у 2024 році.", published="2025-01-01")
    assert res.articles == 1 and store.counts()["articles"] == 1
    store.engine.dispose()


def _merge_outcome(store):
    ev = store.events_frame()
    return sorted(
        (e, tuple(sorted(s["mention_id"] for s in store.event_sources(e))), tuple(c), tuple(a))
        for e, c, a in zip(ev["event_id"], ev["countries"], ev["actors"], strict=True)
    )


def test_candidate_narrowing_changes_no_merge_decision(tmp_path, monkeypatch):
    """The store compares a report only with events whose date spans overlap its own; the
    outcome must equal comparing it with every event of its merge key."""
    import random

    from timeline.storage import store as store_mod

    rnd = random.Random(7)
    values = ["2024", "2024-05", "2024-05-01", "2024-05-02", "2024-05-31", "2024-06", "2024-W18", "2024-W22", "2024-SP", "2024-Q2", "2024-H1", "PAST_REF", "202", "2024-05-01T10:00"]
    docs = []
    for i in range(120):
        v = rnd.choice(values)
        ev = {
            "event_type": rnd.choice(["detention", "meeting"]),
            "date_value": v,
            "countries": rnd.sample(["AZE", "RUS", "UKR"], rnd.randint(0, 2)),
            "actors": rnd.sample(["Ilham Aliyev", "Vladimir Putin", "Police"], rnd.randint(0, 2)),
            "places": rnd.sample(["Baku", "Moscow"], rnd.randint(0, 1)),
            "sentence": rnd.choice(["Поліція затримала людей у Москві.", "Президенти зустрілися в Баку.", "Поліція затримала двох людей у Москві."]),
        }
        docs.append(doc_with(f"D{i}", f"Стаття {i}. " + ev["sentence"], [ev]))
    outcomes = []
    real = store_mod._Batch.candidates
    for narrowed in (True, False):
        if not narrowed:  # the reference: every candidate of the key goes to same_event
            monkeypatch.setattr(store_mod._Batch, "candidates", lambda self, key, date_value=None: real(self, key))
        store = Store(f"sqlite:///{tmp_path / f'n{narrowed}.db'}")
        store.add_documents(docs[:60])  # one transaction, then candidates loaded from the database
        for d in docs[60:]:
            store.add_document(d)
        outcomes.append(_merge_outcome(store))
        store.engine.dispose()
    assert outcomes[0] == outcomes[1]
    assert any(len(srcs) > 1 for _e, srcs, _c, _a in outcomes[0])  # merges did happen
