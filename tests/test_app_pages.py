"""Every dashboard page through AppTest, on a hand-made database (independent of what the
extraction stages currently produce): each widget's effect on what is shown, curation with
its audit trail, the source view's highlighting, and escaping of hostile article text."""

from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from timeline.document import Document, Entity, Event, Sentence, Timex
from timeline.storage import Store

from .conftest import ROOT

EVIL = '<script>alert("x")</script> <img src=x onerror=alert(2)> **bold** [link](javascript:alert(1))'
PAGES = ["app.py", "pages/1_Map.py", "pages/2_Table.py", "pages/3_Sources.py", "pages/4_Ingest.py"]


def _doc(published: str, title: str, body: str, lang: str, url: str | None = None) -> Document:
    doc = Document.from_text(f"date {published} {title}\n{body}", lang=lang, url=url)
    doc.sentences = [Sentence(doc.body_start, len(doc.text), body)]
    return doc


def _mark(doc: Document, needle: str, kind: str, name: str | None = None, country: str | None = None, value: str | None = None):
    i = doc.text.index(needle, doc.body_start)
    if kind == "timex":
        doc.timexes.append(Timex(needle, i, i + len(needle), "DATE", value))
    else:
        doc.entities.append(Entity(needle, i, i + len(needle), kind, name or needle, country))


def _event(doc: Document, n: int, sentence: str, **kw) -> Event:
    s = doc.text.index(sentence)
    base = dict(
        event_id=f"{doc.article_id[:8]}-{n}", start="2025-09-01", end="2025-09-01", precision="day", date_value="2025-09-01",
        date_text="", event_type="meeting", summary=sentence[:80], sentence=sentence, countries=[], actors=[], places=[],
        article_id=doc.article_id, title=doc.title, url=doc.url, published=doc.published.isoformat(), lang=doc.lang,
        confidence=0.8, sentence_start=s, sentence_end=s + len(sentence),
    )
    return Event(**(base | kw))


def build_sample_db(url: str) -> dict:
    """Three articles, six events (one with two sources), one article full of hostile markup."""
    store = Store(url)
    a = _doc(
        "2025-09-02", "Aliyev and Putin met in Tianjin",
        "Ilham Aliyev met Vladimir Putin in Tianjin on 1 September 2025. Azerbaijan and Russia discussed the Aktau crash.",
        "en", "https://example.org/tianjin",
    )
    _mark(a, "1 September 2025", "timex", value="2025-09-01")
    _mark(a, "Ilham Aliyev", "person", "Ilham Aliyev", "AZE")
    _mark(a, "Vladimir Putin", "person", "Vladimir Putin", "RUS")
    _mark(a, "Tianjin", "place", "Tianjin", "CHN")
    _mark(a, "Azerbaijan", "country", "Azerbaijan", "AZE")
    _mark(a, "Russia", "country", "Russia", "RUS")
    s1 = "Ilham Aliyev met Vladimir Putin in Tianjin on 1 September 2025."
    a.events = [
        _event(a, 1, s1, date_text="1 September 2025", countries=["AZE", "RUS"], actors=["Ilham Aliyev", "Vladimir Putin"],
               places=["Tianjin"], summary="Aliyev and Putin meet in Tianjin"),
        _event(a, 2, "Azerbaijan and Russia discussed the Aktau crash.", start="2025-09", end="2025-09-30", precision="month",
               date_value="2025-09", event_type="statement", countries=["AZE", "RUS"], summary="Talks about the Aktau crash"),
    ]
    a.events[1].start = "2025-09-01"
    b = _doc(
        "2025-07-01", "Затримання в Єкатеринбурзі",
        "У 2024 році в Єкатеринбурзі затримали азербайджанців. Раніше Баку засудив рейди.",
        "uk",
    )
    _mark(b, "2024 році", "timex", value="2024")
    _mark(b, "Єкатеринбурзі", "place", "Yekaterinburg", "RUS")
    _mark(b, "Баку", "place", "Baku", "AZE")
    b.events = [
        _event(b, 1, "У 2024 році в Єкатеринбурзі затримали азербайджанців.", start="2024-01-01", end="2024-12-31", precision="year",
               date_value="2024", date_text="2024 році", event_type="detention", countries=["RUS"], places=["Yekaterinburg"],
               summary="Azerbaijanis detained in Yekaterinburg", confidence=0.6),
        _event(b, 2, "Раніше Баку засудив рейди.", start=None, end="2025-07-01", precision="undated", date_value="PAST_REF",
               event_type="condemnation", countries=["AZE"], places=["Baku"], summary="Baku condemned the raids", confidence=0.4),
    ]
    c = _doc("2025-09-03", "Hostile <b>markup</b> article", f"Reported on 2 September 2025: {EVIL} Ilham Aliyev spoke.", "en")
    _mark(c, "2 September 2025", "timex", value="2025-09-02")
    _mark(c, "Ilham Aliyev", "person", "Ilham Aliyev", "AZE")
    c_sentence = c.text[c.body_start:]
    c.events = [
        _event(c, 1, c_sentence, start="2025-09-02", end="2025-09-02", date_value="2025-09-02", date_text="2 September 2025",
               event_type="accusation", countries=["AZE"], actors=["Ilham Aliyev"], summary=f"Statement {EVIL}"),
        # the same report id as the Tianjin meeting: stored as its second source
        _event(c, 9, c_sentence, event_id=a.events[0].event_id, countries=["AZE", "RUS"], summary="second report of the meeting"),
    ]
    store.add_documents([a, b, c])
    ids = {
        "meeting": a.events[0].event_id, "talks": a.events[1].event_id, "detention": b.events[0].event_id,
        "condemnation": b.events[1].event_id, "evil": c.events[0].event_id,
        "articles": {"a": a.article_id, "b": b.article_id, "c": c.article_id},
    }
    store.engine.dispose()
    return ids


@pytest.fixture
def sample(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'pages.db'}"
    monkeypatch.setenv("TIMELINE_DB_URL", url)
    ids = build_sample_db(url)
    return url, ids


def run_page(page: str = "app.py", **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / page), default_timeout=300)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def shown(at) -> tuple[int, int]:
    cap = next(c.value for c in at.caption if " events shown" in c.value)
    n, _of, total = cap.split()[:3]
    return int(n.replace("\u202f", "")), int(total.replace("\u202f", ""))


def frame_with(at, column: str):
    """The st.dataframe that has this column (AppTest does not expose a dataframe's key)."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def html_bodies(at) -> str:
    return "\n".join(str(getattr(h, "proto", h).body) for h in at.get("html"))


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_and_offers_csv_where_events_show(sample, page):
    at = run_page(page)
    assert not at.exception, at.exception
    labels = [b.label for b in at.get("download_button")]
    if page != "pages/4_Ingest.py":
        assert "Download CSV" in labels
        assert shown(at)[1] == 5


# URL -> what is shown (the widget shows the URL's value too)
URL_CASES = [
    ({}, 5, {}),
    ({"country": "AZE"}, 4, {"f_country": ["AZE"]}),
    ({"country": ["AZE", "RUS"]}, 5, {"f_country": ["AZE", "RUS"]}),
    ({"country": "RUS"}, 3, {}),
    ({"type": "detention"}, 1, {"f_type": ["detention"]}),
    ({"actor": "Putin"}, 1, {"f_actor": ["Putin"]}),
    ({"since": "2025-01-01"}, 4, {"f_since": date(2025, 1, 1)}),
    ({"until": "2024-12-31"}, 1, {"f_until": date(2024, 12, 31)}),
    ({"since": "2025-09-02", "until": "2025-09-30"}, 2, {}),
    ({"q": "aktau"}, 1, {"f_q": "aktau"}),
    ({"lang": "uk"}, 2, {"f_lang": ["uk"]}),
    ({"precision": "undated"}, 1, {"f_precision": ["undated"]}),
    ({"min_conf": "0.7"}, 3, {"f_min_conf": 0.7}),
    ({"country": "AZE", "type": "statement"}, 1, {}),
    ({"country": "AZE", "type": ["statement", "accusation"]}, 2, {"f_type": ["statement", "accusation"]}),
]


@pytest.mark.parametrize(("params", "n", "widgets"), URL_CASES)
def test_url_reproduces_the_view(sample, params, n, widgets):
    at = run_page(**params)
    assert not at.exception
    assert shown(at) == (n, 5)
    for key, value in widgets.items():
        assert at.session_state[key] == value


def test_source_filter_from_url(sample):
    _url, ids = sample
    at = run_page(source=ids["articles"]["b"])
    assert shown(at) == (2, 5)


# widget -> URL and what is shown
WIDGET_CASES = [
    ("multiselect", "f_country", ["RUS"], {"country": ["RUS"]}, 3),
    ("multiselect", "f_type", ["meeting"], {"type": ["meeting"]}, 1),
    ("multiselect", "f_actor", ["Ilham Aliyev"], {"actor": ["Ilham Aliyev"]}, 2),
    ("date_input", "f_since", date(2025, 9, 2), {"since": ["2025-09-02"]}, 2),
    ("date_input", "f_until", date(2024, 12, 31), {"until": ["2024-12-31"]}, 1),
    ("text_input", "f_q", "Yekaterinburg", {"q": ["Yekaterinburg"]}, 1),
    ("multiselect", "f_lang", ["en"], {"lang": ["en"]}, 3),
    ("multiselect", "f_precision", ["day"], {"precision": ["day"]}, 2),
    ("slider", "f_min_conf", 0.75, {"min_conf": ["0.75"]}, 3),
]


@pytest.mark.parametrize(("kind", "key", "value", "url", "n"), WIDGET_CASES)
def test_widget_updates_url_and_view(sample, kind, key, value, url, n):
    at = run_page()
    getattr(at.sidebar, kind)(key=key).set_value(value).run()
    assert not at.exception
    got = {k: at.query_params[k] if isinstance(at.query_params[k], list) else [at.query_params[k]] for k in url}
    assert got == url
    assert shown(at) == (n, 5)


def test_clear_filters_button(sample):
    at = run_page(country="AZE", type="statement")
    assert shown(at)[0] == 1
    at.sidebar.button(key="f_clear").click().run()
    assert shown(at) == (5, 5)
    assert not dict(at.query_params)


@pytest.mark.parametrize("page", ["pages/1_Map.py", "pages/2_Table.py", "pages/3_Sources.py"])
def test_filters_apply_on_every_page(sample, page):
    at = run_page(page, country="RUS")
    assert not at.exception
    assert at.session_state["f_country"] == ["RUS"]
    if page != "pages/3_Sources.py":
        assert shown(at) == (3, 5)


def test_lanes_switch(sample):
    at = run_page()
    for lane in ("actor", "type", "country"):
        at.radio(key="lane").set_value(lane).run()
        assert not at.exception


def test_event_detail_shows_highlighted_sentence_and_other_sources(sample):
    _url, ids = sample
    at = run_page()
    at.selectbox(key="detail_event").set_value(ids["meeting"]).run()
    assert not at.exception
    body = html_bodies(at)
    assert 'class="hl-timex"' in body and ">1 September 2025</mark>" in body
    assert 'class="hl-person"' in body and "hl-focus" in body
    assert 'href="https://example.org/tianjin"' in body
    assert "Other source 1" in body  # the second report of the same event
    assert "Hostile &lt;b&gt;markup&lt;/b&gt; article" in body


def test_hostile_article_text_is_escaped_everywhere(sample):
    _url, ids = sample
    at = run_page()
    at.selectbox(key="detail_event").set_value(ids["evil"]).run()
    body = html_bodies(at)
    assert "&lt;script&gt;" in body and "<script" not in body
    assert "<img" not in body and "&lt;img src=x onerror=alert(2)&gt;" in body
    assert "javascript:alert(1)" in body and 'href="javascript' not in body
    md = "\n".join(m.value for m in at.markdown)
    assert "<script" not in md and "**bold**" not in md.replace("\\*", "*").replace("\\", "") or "\\*\\*bold" in md
    # the Sources page shows the article escaped too
    src = run_page("pages/3_Sources.py")
    src.selectbox(key="article_pick").set_value(ids["articles"]["c"]).run()
    body = html_bodies(src)
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in body and "<script" not in body and "<img" not in body


def test_counts_mode_above_the_detail_limit(sample, monkeypatch):
    import timeline.aggregate

    monkeypatch.setattr(timeline.aggregate, "DETAIL_LIMIT", 3)
    at = run_page()
    assert not at.exception
    assert any("counts per" in i.value for i in at.info)
    assert not at.get("selectbox") or "detail_event" not in [s.key for s in at.selectbox]
    at2 = run_page(type="statement")  # two events: back to the events themselves
    assert not at2.info
    assert "detail_event" in [s.key for s in at2.selectbox]


def test_map_counts_per_country(sample):
    at = run_page("pages/1_Map.py")
    table = frame_with(at, "iso3")
    assert dict(zip(table["iso3"], table["events"], strict=False)) == {"AZE": 4, "RUS": 3}
    assert "Azerbaijan (AZE)" in set(table["country"])


def test_sources_page_highlights_entities_and_lists_events(sample):
    _url, ids = sample
    at = run_page("pages/3_Sources.py")
    at.selectbox(key="article_pick").set_value(ids["articles"]["b"]).run()
    assert not at.exception
    body = html_bodies(at)
    for kind in ("timex", "place"):
        assert f'class="hl-{kind}"' in body
    assert "litopys-legend" in body
    assert "Events from this article (2)" in [s.value for s in at.subheader]


# curation: the form on the Table page, then the audit trail
CORRECTIONS = [
    ("summary", "Corrected summary", lambda ev: ev["summary"] == "Corrected summary"),
    ("start", "2025-08-31", lambda ev: ev["start"] == "2025-08-31"),
    ("countries", "AZE; CHN", lambda ev: ev["countries"] == ["AZE", "CHN"]),
    ("actors", "Ilham Aliyev", lambda ev: ev["actors"] == ["Ilham Aliyev"]),
]


@pytest.mark.parametrize(("field", "value", "check"), CORRECTIONS)
def test_correct_an_event_is_saved_and_audited(sample, field, value, check):
    url, ids = sample
    at = run_page("pages/2_Table.py")
    at.selectbox(key="curate_event").set_value(ids["meeting"]).run()
    label = {"summary": "Summary", "start": "Start (YYYY-MM-DD)", "countries": "Countries (ISO-3, ';'-separated)",
             "actors": "Actors (';'-separated)"}[field]
    widget = next(w for w in list(at.text_area) + list(at.text_input) if w.label == label)  # the add form has a "Summary" too
    widget.set_value(value)
    next(b for b in at.button if b.label == "Save correction").click().run()
    assert not at.exception
    assert any("Saved 1 change" in s.value for s in at.success), [m.value for m in list(at.success) + list(at.error)]
    ev = Store(url).events_frame().set_index("event_id").loc[ids["meeting"]].to_dict()
    assert check(ev)
    audit = frame_with(at, "old_value")
    assert ((audit["event_id"] == ids["meeting"]) & (audit["field"] == field)).any()


def test_invalid_correction_is_refused(sample):
    url, ids = sample
    at = run_page("pages/2_Table.py")
    at.selectbox(key="curate_event").set_value(ids["meeting"]).run()
    next(w for w in at.text_input if w.label.startswith("Countries")).set_value("Azerbaijan")
    next(b for b in at.button if b.label == "Save correction").click().run()
    assert any("Not saved" in e.value for e in at.error)
    assert Store(url).edits_frame().query("action == 'edit'").empty


def test_mark_wrong_hides_and_toggle_shows_it(sample):
    url, ids = sample
    at = run_page("pages/2_Table.py")
    at.selectbox(key="curate_event").set_value(ids["detention"]).run()
    next(c for c in at.checkbox if c.label.startswith("Wrong")).check()
    next(b for b in at.button if b.label == "Save correction").click().run()
    assert shown(at) == (4, 4)
    assert shown(run_page()) == (4, 4)
    at.sidebar.toggle(key="show_hidden").set_value(True).run()
    assert shown(at) == (5, 5)
    audit = frame_with(at, "old_value")
    assert (audit["action"] == "hide").any()


def test_add_an_event_by_hand(sample):
    url, _ids = sample
    at = run_page("pages/2_Table.py")
    form = {w.label: w for w in at.text_input}
    form["Summary"].set_value("Hand-made: envoy recalled")
    form["Countries (ISO-3, ';'-separated)"].set_value("AZE")
    next(d for d in at.date_input if d.label == "Start").set_value(date(2025, 6, 30))
    next(b for b in at.button if b.label == "Add event").click().run()
    assert not at.exception
    assert any("Added event" in s.value for s in at.success)
    df = Store(url).events_frame()
    row = df[df["summary"] == "Hand-made: envoy recalled"].iloc[0]
    assert row["manual"] and row["start"] == "2025-06-30" and row["precision"] == "day" and list(row["countries"]) == ["AZE"]
    assert shown(at) == (6, 6)


def test_split_a_merged_source(sample):
    url, ids = sample
    at = run_page("pages/2_Table.py")
    at.selectbox(key="curate_event").set_value(ids["meeting"]).run()
    split = [b for b in at.button if b.label == "Split off"]
    assert len(split) == 2
    split[1].click().run()
    assert not at.exception
    assert any("Split source" in s.value for s in at.success)
    assert shown(at) == (6, 6)
    assert (Store(url).edits_frame()["action"] == "split").any()


INGEST_CASES = [
    ("date 2025-10-01 Baku summit\nIlham Aliyev met Recep Tayyip Erdogan in Baku on 30 September 2025.", "success"),
    ("   ", "warning"),
]


@pytest.mark.parametrize(("text", "outcome"), INGEST_CASES)
def test_ingest_paste(sample, text, outcome):
    url, _ids = sample
    at = run_page("pages/4_Ingest.py")
    at.text_area[0].set_value(text)
    next(b for b in at.button if b.label == "Add text").click().run()
    assert not at.exception
    msgs = [m.value for m in getattr(at, outcome)]
    assert msgs, outcome
    if outcome == "success":
        assert "ingested 1 articles" in msgs[0]
        assert Store(url).counts()["articles"] == 4


def test_filters_follow_the_analyst_to_another_page(sample):
    at = run_page(country="RUS", type="meeting")
    assert shown(at) == (1, 5)
    at.query_params.clear()  # a page switch drops the URL's parameters...
    at.switch_page("pages/1_Map.py").run()
    assert not at.exception
    assert at.session_state["f_country"] == ["RUS"] and at.session_state["f_type"] == ["meeting"]  # ...the sidebar keeps them
    assert shown(at) == (1, 5)
    got = {k: at.query_params[k] if isinstance(at.query_params[k], list) else [at.query_params[k]] for k in at.query_params}
    assert got == {"country": ["RUS"], "type": ["meeting"]}  # and writes them back to the URL
