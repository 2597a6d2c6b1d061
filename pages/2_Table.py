"""Table and curation: the filtered events, sortable and editable; every change is audited."""

from __future__ import annotations

from datetime import date

import streamlit as st

from timeline.dashboard import curation, data, widgets
from timeline.options import PRECISIONS, event_types

EDITOR_ROWS = 2000

store = widgets.page_setup("Table & curation", "✏️")
show_hidden = st.sidebar.toggle("Show events marked wrong", key="show_hidden",
                                help="Events marked wrong are hidden, never deleted; show them to review or restore them.")
events = data.load_events(store.url, include_hidden=show_hidden)
flt = widgets.sidebar_filters(events, page="table", meta=data.load_meta(store.url, include_hidden=show_hidden))
shown = flt.apply(events)
ss = st.session_state

st.title("Litopys · Table & curation")
widgets.shown_caption(shown, events)
if ss.get("curation_message"):
    st.success(ss.pop("curation_message"))

# -- the editable table ------------------------------------------------------------------------
view = curation.editor_frame(shown.head(EDITOR_ROWS))
if len(shown) > EDITOR_ROWS:
    st.caption(f"Editing the first {EDITOR_ROWS:,} of {len(shown):,} events; narrow the filters to reach the others.")
types = sorted(set(event_types()) | set(view["event_type"]))
editor_key = f"curation_editor_{ss.get('editor_version', 0)}"
st.caption("Click a column header to sort. Edit cells, tick “wrong” to hide an event, then save. Lists are separated by “;”.")
st.data_editor(
    view, key=editor_key, hide_index=True, width="stretch", num_rows="fixed",
    disabled=["event_id", "sources", "edited", "title", "confidence"],
    column_config={
        "event_id": st.column_config.TextColumn("event id", width="small"),
        "wrong": st.column_config.CheckboxColumn("wrong", help="marked wrong: hidden from every view, never deleted"),
        "start": st.column_config.DateColumn("start", format="YYYY-MM-DD"),
        "end": st.column_config.DateColumn("end", format="YYYY-MM-DD"),
        "precision": st.column_config.SelectboxColumn("precision", options=list(PRECISIONS), required=True),
        "event_type": st.column_config.SelectboxColumn("type", options=types, required=True),
        "countries": st.column_config.TextColumn("countries", help="ISO 3166-1 alpha-3 codes, ';'-separated"),
        "actors": st.column_config.TextColumn("actors", help="';'-separated"),
        "summary": st.column_config.TextColumn("summary", width="large"),
        "sources": st.column_config.NumberColumn("sources", help="reports merged into this event"),
        "edited": st.column_config.TextColumn("edited fields"),
        "confidence": st.column_config.NumberColumn("confidence", format="%.2f"),
    },
)
edited_rows = (ss.get(editor_key) or {}).get("edited_rows") or {}


def _save() -> None:
    try:
        changes = curation.changes_from_editor(view, (ss.get(editor_key) or {}).get("edited_rows") or {})
        n = curation.apply_changes(store, changes)
    except (ValueError, KeyError) as e:
        ss["curation_error"] = str(e)
        return
    data.refresh()
    ss["editor_version"] = ss.get("editor_version", 0) + 1
    ss["curation_message"] = f"Saved {n} change(s) to {len(changes)} event(s); see the audit trail below."


c1, c2 = st.columns([1, 4])
c1.button(f"Save {len(edited_rows)} edited row(s)", on_click=_save, disabled=not edited_rows, type="primary", key="save_edits")
if ss.get("curation_error"):
    st.error("Not saved: " + ss.pop("curation_error"))
widgets.download_buttons(shown, flt, key="table_dl")

# -- one event: correct, mark wrong, split ------------------------------------------------------
st.subheader("Correct one event")
event_id = widgets.event_picker(shown.head(EDITOR_ROWS) if len(shown) > EDITOR_ROWS else shown, label="Event", key="curate_event")
if event_id:
    ev = shown[shown["event_id"] == event_id].iloc[0].to_dict()
    with st.form(f"correct_{event_id}"):
        a, b, c = st.columns(3)
        start = a.text_input("Start (YYYY-MM-DD)", ev.get("start") or "")
        end = b.text_input("End (YYYY-MM-DD)", ev.get("end") or "")
        date_value = c.text_input("Date value (TIMEX3)", ev.get("date_value") or "")
        a, b = st.columns(2)
        precision = a.selectbox("Precision", PRECISIONS, index=PRECISIONS.index(ev["precision"]) if ev.get("precision") in PRECISIONS else len(PRECISIONS) - 1)
        etypes = sorted(set(types) | {ev.get("event_type") or "statement"})
        event_type = b.selectbox("Type", etypes, index=etypes.index(ev.get("event_type") or "statement"))
        countries = st.text_input("Countries (ISO-3, ';'-separated)", "; ".join(ev.get("countries") or []))
        actors = st.text_input("Actors (';'-separated)", "; ".join(ev.get("actors") or []))
        summary = st.text_area("Summary", ev.get("summary") or "", height=80)
        wrong = st.checkbox("Wrong: hide this event (it is kept, and can be restored)", value=bool(ev.get("hidden")))
        submitted = st.form_submit_button("Save correction", type="primary")
    if submitted:
        row = curation.editor_frame(shown[shown["event_id"] == event_id])
        edits = {"start": start or None, "end": end or None, "date_value": date_value, "precision": precision, "event_type": event_type,
                 "countries": countries, "actors": actors, "summary": summary, "wrong": wrong}
        try:
            changes = curation.changes_from_editor(row, {0: edits})
            n = curation.apply_changes(store, changes)
        except (ValueError, KeyError) as e:
            st.error(f"Not saved: {e}")
        else:
            data.refresh()
            ss["curation_message"] = f"Saved {n} change(s) to event {event_id}." if n else "Nothing changed."
            st.rerun()
    sources = data.load_sources(store.url, event_id)
    if len(sources) > 1:
        st.markdown("**Sources of this event** — split one off to undo a wrong merge:")
        for src in sources:
            s1, s2 = st.columns([5, 1])
            s1.text(f"{src.get('published') or ''} · {src.get('title') or 'added by hand'}\n{(src.get('sentence') or '')[:300]}")
            if s2.button("Split off", key=f"split_{src['source_id']}"):
                new_id = store.split_source(event_id, src["source_id"])
                data.refresh()
                ss["curation_message"] = f"Split source {src['source_id']} off into event {new_id}."
                st.rerun()
    st.markdown("**Audit trail of this event**")
    trail = data.load_edits(store.url, event_id)
    if trail.empty:
        st.caption("No changes yet.")
    else:
        st.table(trail[["at", "action", "field", "old_value", "new_value", "author"]].head(50).set_index("at"))

# -- add an event by hand -----------------------------------------------------------------------
st.subheader("Add an event by hand")
with st.form("add_event", clear_on_submit=True):
    a, b, c = st.columns(3)
    m_start = a.date_input("Start", value=None, min_value=date(1, 1, 1), format="YYYY-MM-DD")
    m_end = b.date_input("End (empty: same as start)", value=None, min_value=date(1, 1, 1), format="YYYY-MM-DD")
    m_precision = c.selectbox("Precision", PRECISIONS, index=0)
    a, b = st.columns(2)
    m_type = a.selectbox("Type", types, index=types.index("statement") if "statement" in types else 0)
    m_countries = b.text_input("Countries (ISO-3, ';'-separated)")
    m_actors = st.text_input("Actors (';'-separated)")
    m_summary = st.text_input("Summary")
    m_sentence = st.text_area("Source text or note (optional)", height=68)
    add = st.form_submit_button("Add event")
if add:
    try:
        rec = curation.manual_record(start=m_start, end=m_end or m_start, precision=m_precision, event_type=m_type, countries=m_countries,
                                     actors=m_actors, summary=m_summary, sentence=m_sentence)
        new_id = store.add_manual_event(rec)
    except ValueError as e:
        st.error(f"Not added: {e}")
    else:
        data.refresh()
        ss["curation_message"] = f"Added event {new_id}."
        st.rerun()

# -- audit ----------------------------------------------------------------------------------------
st.subheader("Audit trail")
edits = data.load_edits(store.url)
kinds = st.multiselect("Actions", ["edit", "hide", "unhide", "add", "merge", "split"], default=["edit", "hide", "unhide", "add", "split"], key="audit_actions")
st.dataframe(edits[edits["action"].isin(kinds)], hide_index=True, width="stretch", key="audit_table")
