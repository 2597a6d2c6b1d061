"""Ingest: paste text, upload files (several at once), or give a URL or a feed."""

from __future__ import annotations

from datetime import date

import streamlit as st
from streamlit.errors import StreamlitAPIException

from timeline import ingest
from timeline.dashboard import data, widgets

store = widgets.page_setup("Ingest", "📥")
ss = st.session_state
st.title("Litopys · Ingest")
st.caption("Articles are read, their dates, entities and events extracted and stored. Re-adding the same text adds nothing.")

LANG_CHOICES = {"": "detect automatically", "uk": "Ukrainian", "ru": "Russian", "en": "English"}


def show_summary(summaries: list, label: str) -> None:
    total = ingest.Summary()
    for s in summaries:
        for f in ("inputs", "articles", "events", "merged", "duplicates"):
            setattr(total, f, getattr(total, f) + getattr(s, f))
        total.failures.extend(s.failures)
    ss["ingest_result"] = (label, total)


def options_row(prefix: str):
    a, b = st.columns(2)
    published = a.date_input("Publication date (optional)", value=None, min_value=date(1, 1, 1), format="YYYY-MM-DD", key=f"{prefix}_published")
    lang = b.selectbox("Language", list(LANG_CHOICES), format_func=LANG_CHOICES.get, key=f"{prefix}_lang")
    return published, lang or None


paste, upload, link = st.tabs(["Paste text", "Upload files", "URL or feed"])
with paste:
    with st.form("ingest_paste"):
        title = st.text_input("Title (optional)")
        text = st.text_area("Article text", height=220, placeholder="Paste the article here. A first line `date YYYY-MM-DD Title` gives the date and title.")
        published, lang = options_row("paste")
        go_paste = st.form_submit_button("Add text", type="primary")
    if go_paste:
        if not (text or "").strip():
            st.warning("Paste some text first.")
        else:
            with st.spinner("Reading the text…"):
                s = ingest.ingest_text(store, text, published=published, title=title or None, lang=lang)
            show_summary([s], "pasted text")

with upload:
    files = st.file_uploader("Articles (.txt, .md, .html, .csv, .jsonl, .rss, .xml)", accept_multiple_files=True, key="ingest_files")
    published_u, lang_u = options_row("upload")
    if st.button("Ingest the files", type="primary", disabled=not files, key="ingest_upload_go"):
        bar = st.progress(0.0, text="Starting…")
        results = []
        for i, f in enumerate(files, 1):
            bar.progress((i - 1) / len(files), text=f"Reading {f.name} ({i}/{len(files)})")
            results.append(ingest.ingest_upload(store, f.name, f.getvalue(), published=published_u, lang=lang_u))
        bar.progress(1.0, text=f"Done: {len(files)} file(s)")
        show_summary(results, f"{len(files)} uploaded file(s)")

with link:
    url = st.text_input("URL of an article or an RSS/Atom feed", key="ingest_url", placeholder="https://…")
    published_l, lang_l = options_row("url")
    if st.button("Fetch and add", type="primary", disabled=not url, key="ingest_url_go"):
        bar = st.progress(0.0, text=f"Fetching {url}")
        s = ingest.ingest_inputs(
            [url.strip()], store=store, published=published_l, lang=lang_l,
            on_progress=lambda i, n, item: bar.progress(i / max(n, 1), text=f"{i}/{n}: {item}"),
        )
        bar.progress(1.0, text="Done")
        show_summary([s], url)

if ss.get("ingest_result"):
    label, total = ss["ingest_result"]
    if total.articles or total.duplicates:
        data.refresh()
    box = st.error if total.failures and not total.articles else st.warning if total.failures else st.success
    box(f"{label}: {total.line()}")
    for msg in total.failures:
        st.text(f"✗ {msg}")
    if total.events:
        try:
            st.page_link("app.py", label="See them on the timeline", icon="🗓")
        except StreamlitAPIException:  # a page run on its own (tests) has no page list
            pass
    ss.pop("ingest_result")

counts = store.counts()
st.caption(f"Stored: {counts['articles']:,} articles, {counts['events']:,} events, {counts['edits']:,} audit entries.")
