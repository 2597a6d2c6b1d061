"""Litopys dashboard, timeline page (`streamlit run app.py`). Logic lives in `timeline/`."""

from __future__ import annotations

import streamlit as st

from timeline.dashboard import data, widgets

store = widgets.page_setup("Timeline", "🗓")
events = data.load_events(store.url)
flt = widgets.sidebar_filters(events, page="timeline", meta=data.load_meta(store.url))
shown = flt.apply(events)

st.title("Litopys · Timeline")
widgets.shown_caption(shown, events)
fig = widgets.timeline_view(shown, flt=flt)
event_id = widgets.event_picker(shown)
widgets.detail_for(store, events, event_id)
widgets.download_buttons(shown, flt, fig)
with st.expander(f"Events in view ({len(shown):,})", expanded=len(shown) <= 200):
    widgets.events_table(shown)
