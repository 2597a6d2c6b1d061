"""Merging across articles through the real store: two reports of one happening become one
event that keeps both sources; a different happening stays apart."""

from __future__ import annotations

from timeline.document import Document, Entity, Timex
from timeline.events import assemble_events
from timeline.sentences import split_sentences
from timeline.storage.store import Store


def doc(text, published, timexes=(), entities=()):
    d = split_sentences(Document.from_text(text, published=published, lang="en"))
    for t, v in timexes:
        i = text.index(t)
        d.timexes.append(Timex(t, i, i + len(t), "DATE", v))
    for t, kind, name, country in entities:
        i = text.index(t)
        d.entities.append(Entity(t, i, i + len(t), kind, name, country))
    return assemble_events(d)


def test_two_articles_one_meeting(sqlite_url):
    ents = [("Putin", "person", "Vladimir Putin", "RUS"), ("Erdogan", "person", "Recep Tayyip Erdoğan", "TUR")]
    a = doc("Putin and Erdogan met in Tianjin on September 1.", "2025-09-02", [("September 1", "2025-09-01")], ents)
    b = doc("In September, Putin held talks with Erdogan.", "2025-09-10", [("September", "2025-09")], ents)
    c = doc("Putin and Erdogan met in Sochi on September 8.", "2025-09-10", [("September 8", "2025-09-08")], ents)
    store = Store(sqlite_url)
    store.add_document(a)
    res_b = store.add_document(b)
    res_c = store.add_document(c)
    assert res_b.events_merged == 1  # a month contains the day, same actors and countries
    assert res_c.events_merged == 0  # another day: another meeting
    frame = store.events_frame()
    meetings = frame[frame.event_type == "meeting"]
    assert len(meetings) == 2
    merged = meetings[meetings.date_value == "2025-09-01"].iloc[0]
    assert len(store.event_sources(merged.event_id)) == 2
