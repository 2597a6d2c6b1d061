"""Cached loaders: the only functions wrapped in st.cache_data / st.cache_resource.

Every write goes through the Store and is followed by `refresh()`, which forgets the cached
frames so every page shows the new state.
"""

from __future__ import annotations

import streamlit as st

from ..filters import search_text
from ..seed import seed_if_empty
from ..storage import Store, default_db_url


@st.cache_resource(show_spinner=False)
def _store(url: str) -> Store:
    return Store(url)


def get_store() -> Store:
    return _store(default_db_url())


def ensure_seeded(store: Store) -> None:
    if store.is_empty():
        with st.spinner("First start: reading the sample articles…"):
            seed_if_empty(store)
        refresh()


# A resource, not cache_data: cache_data hands every rerun a copy (a pickle round trip of
# 100,000 rows with list columns costs seconds).  The frame is shared, so it is never
# modified in place: filtering returns new frames.  `refresh()` drops it after a write.
@st.cache_resource(show_spinner="Loading events…", ttl=600, max_entries=4)
def load_events(url: str, include_hidden: bool = False):
    """The events frame with a lower-cased `_search` column for the text filter (never exported)."""
    store = _store(url)
    loader = getattr(store, "events_frame_fast", None) or store.events_frame
    df = loader(include_hidden=include_hidden)
    df["_search"] = search_text(df) if len(df) else df["summary"]
    return df


@st.cache_resource(show_spinner=False, ttl=600, max_entries=4)
def load_meta(url: str, include_hidden: bool = False) -> dict:
    """The sidebar's choices and date bounds of the cached frame (computed once per frame)."""
    from .widgets import frame_meta

    return frame_meta(load_events(url, include_hidden))


@st.cache_data(show_spinner=False, ttl=600, max_entries=4)
def load_articles(url: str):
    return _store(url).articles_frame()


@st.cache_data(show_spinner=False, ttl=600, max_entries=64)
def load_article(url: str, article_id: str):
    return _store(url).article(article_id)


@st.cache_data(show_spinner=False, ttl=600, max_entries=256)
def load_sources(url: str, event_id: str):
    return _store(url).event_sources(event_id)


@st.cache_data(show_spinner=False, ttl=600, max_entries=8)
def load_edits(url: str, event_id: str | None = None):
    return _store(url).edits_frame(event_id)


def refresh() -> None:
    """After a write: forget cached frames so every page shows the new state."""
    st.cache_data.clear()
    load_events.clear()
    load_meta.clear()
