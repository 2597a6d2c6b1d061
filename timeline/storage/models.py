"""Tables: articles, events (one row per distinct happening), the sources of each event
(every report of it: article + sentence + what was extracted there), and analysts' edits.

An event's current values live in `events`; `event_sources.payload` keeps each report's
own extraction so that a merge can be undone (split) without loss. `edits` is the audit
trail; `events.edited_fields` lists what analysts changed, which re-ingestion never touches.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Article(Base):
    __tablename__ = "articles"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)
    lang: Mapped[str | None] = mapped_column(String(16))
    source: Mapped[str | None] = mapped_column(Text)  # the input as the user named it
    text: Mapped[str] = mapped_column(Text)
    body_start: Mapped[int] = mapped_column(Integer, default=0)
    annotations: Mapped[str] = mapped_column(Text, default="{}")  # JSON: timexes, entities, sentences
    ingested_at: Mapped[datetime] = mapped_column(DateTime)


class EventRow(Base):
    __tablename__ = "events"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    start: Mapped[date | None] = mapped_column(Date)
    end: Mapped[date | None] = mapped_column(Date)
    precision: Mapped[str] = mapped_column(String(16))
    date_value: Mapped[str] = mapped_column(String(64))
    date_text: Mapped[str] = mapped_column(Text, default="")
    event_type: Mapped[str] = mapped_column(String(32), index=True)
    cameo: Mapped[str | None] = mapped_column(String(8))
    summary: Mapped[str] = mapped_column(Text, default="")
    sentence: Mapped[str] = mapped_column(Text, default="")
    countries: Mapped[str] = mapped_column(Text, default="")  # ;-separated ISO3, sorted
    actors: Mapped[str] = mapped_column(Text, default="")
    places: Mapped[str] = mapped_column(Text, default="")
    article_id: Mapped[str | None] = mapped_column(ForeignKey("articles.id"), index=True)
    confidence: Mapped[float] = mapped_column(Float, default=0.5)
    merge_key: Mapped[str | None] = mapped_column(String(128), index=True)  # candidates for merging share it
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)  # marked wrong by an analyst
    manual: Mapped[bool] = mapped_column(Boolean, default=False)  # added by hand
    edited_fields: Mapped[str] = mapped_column(Text, default="")  # ;-separated
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class EventSource(Base):
    __tablename__ = "event_sources"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id"), index=True)
    mention_id: Mapped[str] = mapped_column(String(32), index=True)  # the report's own event_id
    article_id: Mapped[str | None] = mapped_column(ForeignKey("articles.id"), index=True)
    sentence: Mapped[str] = mapped_column(Text, default="")
    sentence_start: Mapped[int | None] = mapped_column(Integer)
    sentence_end: Mapped[int | None] = mapped_column(Integer)
    payload: Mapped[str] = mapped_column(Text, default="{}")  # JSON of the report's own extraction
    added_at: Mapped[datetime] = mapped_column(DateTime)


class Edit(Base):
    __tablename__ = "edits"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(String(32), index=True)
    action: Mapped[str] = mapped_column(String(16))  # edit, hide, unhide, add, merge, split
    field: Mapped[str | None] = mapped_column(String(32))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(64), default="analyst")
    at: Mapped[datetime] = mapped_column(DateTime)


Index("ix_events_start_end", EventRow.start, EventRow.end)
