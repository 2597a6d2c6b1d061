"""Storage against a real SQLite file (PostgreSQL runs the same tests, see test_storage_pg)."""

from __future__ import annotations

import sqlite3

import pytest

from timeline.document import Document
from timeline.pipeline import run
from timeline.storage import Store


@pytest.fixture
def store(sqlite_url):
    return Store(sqlite_url)


def test_sqlite_is_in_wal_mode(store, tmp_path):
    store.counts()
    con = sqlite3.connect(tmp_path / "timeline.db")
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_add_seed_then_readd_adds_nothing(store, seed_text):
    doc = run(Document.from_text(seed_text))
    first = store.add_document(doc)
    assert first.added and first.events_added + first.events_merged == len(doc.events) > 0
    again = store.add_document(run(Document.from_text(seed_text)))
    assert not again.added
    c = store.counts()
    assert c["articles"] == 1 and c["sources"] == len(doc.events)
    df = store.events_frame()
    assert set(df["article_id"]) == {doc.article_id}
    assert (df["published"] == "2025-09-03").all()


def test_failed_transaction_leaves_nothing(store):
    good = run(Document.from_text("date 2025-01-02 T\nПоліція затримала двох людей у 2024 році."))
    bad = run(Document.from_text("date 2025-01-03 U\nЩе одна заява президента."))
    bad.events.append(None)  # a broken event fails the insert midway, after `good` was written
    with pytest.raises(AttributeError):
        store.add_documents([good, bad])
    assert store.counts() == {"articles": 0, "events": 0, "sources": 0, "edits": 0}


def test_edits_are_audited_and_survive_reingestion(store, seed_text):
    doc = run(Document.from_text(seed_text))
    store.add_document(doc)
    eid = store.events_frame()["event_id"].iloc[0]
    assert store.edit_event(eid, {"summary": "Corrected", "countries": ["AZE"]}) == 2
    store.set_hidden(eid, True)
    edits = store.edits_frame(eid)
    assert set(edits["action"]) == {"edit", "hide"}
    assert "Corrected" in set(edits["new_value"])
    assert eid not in set(store.events_frame()["event_id"])
    store.set_hidden(eid, False)
    store.add_document(run(Document.from_text(seed_text)))  # re-ingest: nothing overwritten
    row = store.events_frame().set_index("event_id").loc[eid]
    assert row["summary"] == "Corrected" and row["countries"] == ["AZE"]


def test_manual_event_and_split(store):
    eid = store.add_manual_event({"start": "2025-06-27", "end": "2025-06-27", "precision": "day", "date_value": "2025-06-27",
                                  "event_type": "detention", "summary": "Raids", "countries": ["RUS"]})
    row = store.events_frame().set_index("event_id").loc[eid]
    assert row["manual"] and row["countries"] == ["RUS"]
    text = "date 2025-07-01 {}\nУ 2024 році поліція затримала двох людей в Азербайджані."
    a = run(Document.from_text(text.format("A")))
    b = run(Document.from_text(text.format("B")))
    store.add_document(a)
    res = store.add_document(b)
    if res.events_merged:  # the same happening from two articles: one event, two sources
        merged = store.events_frame()
        target = merged[merged["n_sources"] == 2]["event_id"].iloc[0]
        sources = store.event_sources(target)
        new_id = store.split_source(target, sources[1]["source_id"])
        assert len(store.event_sources(target)) == 1 and len(store.event_sources(new_id)) == 1
        assert set(store.edits_frame(target)["action"]) >= {"merge", "split"}
