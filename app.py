"""Litopys dashboard, timeline page (`streamlit run app.py`). Logic lives in `timeline/`."""

from __future__ import annotations

import streamlit as st

from timeline.dashboard import data, widgets

st.set_page_config(page_title="Litopys · Timeline", page_icon="🗓", layout="wide")

store = data.get_store()
data.ensure_seeded(store)
events = data.load_events(store.url)

flt = widgets.sidebar_filters(events)
shown = flt.apply(events)

st.title("Litopys · Timeline")
st.caption(f"{len(shown)} of {len(events)} events shown")
widgets.timeline_chart(shown)
widgets.events_table(shown)
widgets.download_buttons(shown, flt)
