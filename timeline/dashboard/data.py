"""Cached loaders: the only functions wrapped in st.cache_data / st.cache_resource."""

from __future__ import annotations

import streamlit as st

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
        st.cache_data.clear()


@st.cache_data(show_spinner=False, ttl=60)
def load_events(url: str, include_hidden: bool = False):
    return _store(url).events_frame(include_hidden=include_hidden)


def refresh() -> None:
    """After a write: forget cached frames so every page shows the new state."""
    st.cache_data.clear()
