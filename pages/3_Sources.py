"""Sources: the stored articles; one article with its dates and entities highlighted, and its events."""

from __future__ import annotations

import streamlit as st

from timeline.dashboard import data, widgets
from timeline.highlight import highlight_html, legend_html, safe_link

store = widgets.page_setup("Sources", "📰")


def _event_spans(url: str, event_ids: list[str], article_id: str):
    """Where this article's event sentences are, to outline them."""
    for eid in event_ids[:200]:
        for src in data.load_sources(url, eid):
            if src.get("article_id") == article_id and isinstance(src.get("sentence_start"), int) and isinstance(src.get("sentence_end"), int):
                yield src["sentence_start"], src["sentence_end"]


events = data.load_events(store.url)
flt = widgets.sidebar_filters(events, page="sources", meta=data.load_meta(store.url))
shown = flt.apply(events)
articles = data.load_articles(store.url)

st.title("Litopys · Sources")
widgets.shown_caption(shown, events)
st.caption(f"{len(articles):,} articles stored")
if flt.sources:
    articles = articles[articles["id"].isin(flt.sources)]
elif not flt.is_empty():
    articles = articles[articles["id"].isin(set(shown["article_id"]))]
    st.caption(f"{len(articles):,} articles have events that pass the filters")

view = articles[["published", "title", "lang", "events", "source", "id"]]
picked = st.dataframe(view, hide_index=True, width="stretch", key="articles_table", on_select="rerun", selection_mode="single-row",
                      column_config={"id": st.column_config.TextColumn("article id"), "events": st.column_config.NumberColumn("events")})
ids = articles["id"].tolist()
labels = dict(zip(ids, (f"{p or '????-??-??'} · {t or i}" for i, t, p in articles[["id", "title", "published"]].itertuples(index=False)), strict=False))
rows = picked.selection.rows if picked is not None and hasattr(picked, "selection") else []
if rows and rows[0] < len(ids):
    st.session_state["article_pick"] = ids[rows[0]]
if st.session_state.get("article_pick") not in set(ids):
    st.session_state["article_pick"] = ids[0] if ids else None
article_id = st.selectbox("Article", ids, format_func=lambda i: labels.get(i, i), key="article_pick")

if article_id:
    art = data.load_article(store.url, article_id)
    if art is None:
        st.warning("This article is no longer stored.")
    else:
        ann = art.get("annotations") or {}
        st.html(
            f"<h3 style='margin:.2rem 0'>{safe_link(art.get('url'), art.get('title') or article_id) if art.get('url') else widgets._h(art.get('title') or article_id)}</h3>"
            f"<div style='color:#777'>published {widgets._h(art.get('published') or 'unknown')} · language {widgets._h(art.get('lang') or '?')}"
            f" · {len(ann.get('timexes') or [])} temporal expressions · {len(ann.get('entities') or [])} entity mentions</div>"
        )
        st.html(legend_html())
        own = events[events["article_id"] == article_id]
        text = art["text"] or ""
        body = art.get("body_start") or 0
        body += len(text[body:]) - len(text[body:].lstrip())
        spans = [(s, e) for s, e in _event_spans(store.url, own["event_id"].tolist(), article_id)]
        st.html(highlight_html(text, ann, focus=spans, start=body, max_height="36rem"))
        st.subheader(f"Events from this article ({len(own)})")
        if len(own):
            widgets.events_table(own)
            widgets.download_buttons(own, flt, key="src_dl")
        else:
            st.caption("No events were extracted from this article.")
