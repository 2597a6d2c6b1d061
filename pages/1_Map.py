"""Map: events per country (choropleth on ISO-3); clicking a country adds it to the filter."""

from __future__ import annotations

import streamlit as st

from timeline.aggregate import counts_by_country
from timeline.dashboard import data, widgets
from timeline.dashboard.world import world_geojson
from timeline.figures import OFFLINE_MAP_CONFIG, map_figure
from timeline.options import country_label

store = widgets.page_setup("Map", "🗺")
events = data.load_events(store.url)
flt = widgets.sidebar_filters(events, page="map", meta=data.load_meta(store.url))
shown = flt.apply(events)


def _on_country_click() -> None:
    iso = widgets._selected_customdata("map_chart")
    if iso:
        widgets.add_country_filter(str(iso))


st.title("Litopys · Map")
widgets.shown_caption(shown, events)
by_country = counts_by_country(shown)
fig = map_figure(by_country, geojson=world_geojson())
st.caption("Events per country (an event counts for each country it involves). Click a country to filter by it.")
st.plotly_chart(fig, key="map_chart", on_select=_on_country_click, selection_mode="points", width="stretch", config=OFFLINE_MAP_CONFIG)
no_country = int((shown["countries"].str.len() == 0).sum()) if len(shown) else 0
if no_country:
    st.caption(f"{no_country:,} events in view name no country and are not on the map.")
table = by_country.assign(country=by_country["iso3"].map(country_label))[["country", "iso3", "n"]]
st.dataframe(table.rename(columns={"n": "events"}), hide_index=True, width="content", key="country_table")
widgets.download_buttons(shown, flt, fig, key="map_dl", config=OFFLINE_MAP_CONFIG)
