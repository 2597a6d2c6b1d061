"""How fast the dashboard is on 100,000 events, measured in the real browser.

    .venv/bin/python bench/dashboard_speed.py [--events 100000] [--keep DB_PATH]

1. Generates a SQLite database of N events (2 countries each among 12, 30 types, dates over
   35 years, a tenth undated, some spans) and N/50 articles, inserted in bulk through
   SQLAlchemy Core into the Store's tables.
2. Times, in Python, the pieces of one rerun: loading the frame (Store.events_frame, which
   st.cache_data then keeps), filtering, counting per period, building the figure.
3. Starts `streamlit run app.py` on it and drives Debian's chromium (Playwright):
   open the page -> chart drawn (cold: first load fills the cache; warm: second visit),
   change a filter in the sidebar -> chart redrawn, narrow the range through the URL so the
   events themselves are drawn (WebGL) -> chart drawn.
Prints one line per measurement; screenshots go to bench/out/speed_*.png.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from screenshots import OUT, chromium, streamlit_server, wait_chart, wait_idle  # noqa: E402

COUNTRIES = ["AZE", "RUS", "UKR", "ARM", "TUR", "GEO", "IRN", "KAZ", "USA", "CHN", "FRA", "DEU"]
ACTORS = ["Ilham Aliyev", "Vladimir Putin", "Nikol Pashinyan", "Recep Tayyip Erdogan", "Volodymyr Zelensky", "Kremlin", "SCO", "OSCE"]
PRECISIONS = ["day"] * 6 + ["month", "year", "season"] + ["undated"]


def build_db(url: str, n: int, seed: int = 7) -> float:
    """Insert n events (and n/50 articles, one source each) in bulk; returns seconds taken."""
    from sqlalchemy import insert

    from timeline.options import event_types
    from timeline.storage import Store
    from timeline.storage.models import Article, EventRow, EventSource

    t0 = time.perf_counter()
    types = list(event_types()) or ["meeting", "statement", "detention"]
    rng = np.random.default_rng(seed)
    store = Store(url)
    now = datetime.now(UTC).replace(tzinfo=None)
    n_articles = max(1, n // 50)
    pubs = [date(1990, 1, 1) + timedelta(days=int(d)) for d in rng.integers(0, 35 * 365, n_articles)]
    langs = rng.choice(["uk", "ru", "en"], n_articles)
    articles = [
        {"id": f"a{i:07d}", "title": f"Article {i} about {ACTORS[i % len(ACTORS)]}", "url": f"https://example.org/{i}", "published": pubs[i],
         "lang": str(langs[i]), "source": "generated", "text": f"date {pubs[i]} Article {i}\nGenerated text {i}.", "body_start": 0,
         "annotations": "{}", "ingested_at": now}
        for i in range(n_articles)
    ]
    art_of = rng.integers(0, n_articles, n)
    prec = rng.choice(PRECISIONS, n)
    tp = rng.choice(types, n)
    c1 = rng.integers(0, len(COUNTRIES), n)
    c2 = rng.integers(0, len(COUNTRIES), n)
    act = rng.integers(0, len(ACTORS), n)
    back = rng.integers(0, 400, n)
    conf = rng.random(n).round(2)
    events, sources = [], []
    for i in range(n):
        pub = pubs[art_of[i]]
        d = pub - timedelta(days=int(back[i]))
        p = str(prec[i])
        if p == "day":
            s, e, v = d, d, d.isoformat()
        elif p == "month":
            s = d.replace(day=1)
            e = (s + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            v = s.isoformat()[:7]
        elif p == "season":
            s, e, v = d.replace(month=6, day=1), d.replace(month=8, day=31), f"{d.year}-SU"
        elif p == "year":
            s, e, v = date(d.year, 1, 1), date(d.year, 12, 31), str(d.year)
        else:
            s, e, v = None, pub, "PAST_REF"
        eid = f"e{i:07d}"
        countries = ";".join(sorted({COUNTRIES[c1[i]], COUNTRIES[c2[i]]}))
        sentence = f"{ACTORS[act[i]]} and officials of {countries.replace(';', ' and ')}: {tp[i]} number {i}."
        events.append({
            "id": eid, "start": s, "end": e, "precision": p, "date_value": v, "date_text": "" if p == "undated" else v,
            "event_type": str(tp[i]), "cameo": None, "summary": f"{tp[i]}: {sentence[:80]}", "sentence": sentence, "countries": countries,
            "actors": ACTORS[act[i]], "places": "", "article_id": f"a{art_of[i]:07d}", "confidence": float(conf[i]), "merge_key": None,
            "hidden": False, "manual": False, "edited_fields": "", "created_at": now, "updated_at": now,
        })
        sources.append({"event_id": eid, "mention_id": eid, "article_id": f"a{art_of[i]:07d}", "sentence": sentence, "sentence_start": None,
                        "sentence_end": None, "payload": "{}", "added_at": now})
    with store.engine.begin() as c:
        c.execute(insert(Article.__table__), articles)
        for k in range(0, n, 20_000):
            c.execute(insert(EventRow.__table__), events[k : k + 20_000])
            c.execute(insert(EventSource.__table__), sources[k : k + 20_000])
    store.engine.dispose()
    return time.perf_counter() - t0


def python_timings(url: str) -> dict:
    import pickle

    from timeline.aggregate import choose_freq, counts_per_period
    from timeline.figures import counts_figure, timeline_figure
    from timeline.filters import Filters, search_text
    from timeline.storage import Store

    out = {}
    store = Store(url)
    t = time.perf_counter()
    store.events_frame()
    out["load Store.events_frame (ORM)"] = time.perf_counter() - t
    t = time.perf_counter()
    df = store.events_frame_fast()
    out["load Store.events_frame_fast (used)"] = time.perf_counter() - t
    t = time.perf_counter()
    df["_search"] = search_text(df)
    out["build search column"] = time.perf_counter() - t
    t = time.perf_counter()
    blob = pickle.dumps(df)
    pickle.loads(blob)
    out["cache_data round trip (pickle; avoided)"] = time.perf_counter() - t
    for name, flt in {
        "filter country=AZE": Filters(countries=["AZE"]),
        "filter AZE+type+q+dates": Filters(countries=["AZE"], types=["meeting", "statement"], query="putin", since="2010-01-01", until="2020-12-31"),
    }.items():
        t = time.perf_counter()
        shown = flt.apply(df)
        out[name] = time.perf_counter() - t
    t = time.perf_counter()
    freq = choose_freq(df)
    fig = counts_figure(counts_per_period(df, freq), freq)
    fig.to_json()
    out["counts figure (all events)"] = time.perf_counter() - t
    small = Filters(since="2024-01-01", until="2024-03-31").apply(df)
    t = time.perf_counter()
    timeline_figure(small).to_json()
    out[f"timeline figure ({len(small)} events)"] = time.perf_counter() - t
    out["_n"] = len(df)
    out["_aze"] = len(Filters(countries=["AZE"]).apply(df))
    out["_small"] = len(small)
    out["_detail_month"] = len(shown)
    store.engine.dispose()
    return out


def caption_count(page) -> int:
    text = page.get_by_text(re.compile("events shown")).first.inner_text()
    return int(re.match(r"([\d\u202f]+)", text).group(1).replace("\u202f", ""))


def wait_caption(page, n: int, timeout: float = 600_000) -> None:
    shown = f"{n:,}".replace(",", "\u202f")
    page.get_by_text(re.compile(rf"^{re.escape(shown)} of [\d\u202f]+ events shown")).first.wait_for(timeout=timeout)



def choose_country(page, name: str) -> None:
    """Pick a country in the sidebar's multiselect, as an analyst types it."""
    box = page.locator('[data-testid="stMultiSelect"]').filter(has_text="Countries")
    box.locator("input").click()
    page.keyboard.type(name)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")

def browser_timings(url: str, expect: dict) -> dict:
    out = {}
    with streamlit_server(url) as base, chromium() as browser:
        ctx = browser.new_context(viewport={"width": 1440, "height": 1400})
        page = ctx.new_page()
        for label in ("cold: loads and caches the frame", "warm"):
            t = time.perf_counter()
            page.goto(base + "/")
            wait_caption(page, expect["_n"])
            out[f"open page -> count shown ({label})"] = time.perf_counter() - t
            wait_chart(page, timeout=600_000)
            out[f"open page -> chart drawn ({label})"] = time.perf_counter() - t
            wait_idle(page, timeout=600_000)
        page.screenshot(path=str(OUT / "speed_counts.png"))
        # a filter change in the sidebar: choose Azerbaijan
        t = time.perf_counter()
        choose_country(page, "Azerbaijan")
        wait_caption(page, expect["_aze"])
        wait_idle(page, timeout=600_000)
        wait_chart(page)
        out["filter change (country widget) -> chart redrawn"] = time.perf_counter() - t
        # narrow the range (URL) below the detail limit: the events themselves, WebGL
        t = time.perf_counter()
        page.goto(base + "/?since=2024-01-01&until=2024-03-31")
        wait_caption(page, expect["_small"])
        wait_chart(page, timeout=600_000)
        wait_idle(page, timeout=600_000)
        out[f"open narrowed URL ({expect['_small']} events drawn) -> chart drawn"] = time.perf_counter() - t
        page.screenshot(path=str(OUT / "speed_detail.png"))
        # a second filter change on the detailed view
        t = time.perf_counter()
        choose_country(page, "Azerbaijan")
        wait_caption(page, expect["_small_aze"])
        wait_idle(page, timeout=600_000)
        wait_chart(page)
        out["filter change on the detailed view -> chart redrawn"] = time.perf_counter() - t
        ctx.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--keep", help="write the database here (and reuse it if it exists)")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    path = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="litopys-speed-")) / "timeline.db"
    url = f"sqlite:///{path}"
    if not path.exists():
        print(f"generated {args.events:,} events in {build_db(url, args.events):.1f} s -> {path}", flush=True)
    py = python_timings(url)
    from timeline.filters import Filters
    from timeline.storage import Store

    df = Store(url).events_frame()
    py["_small_aze"] = len(Filters(countries=["AZE"], since="2024-01-01", until="2024-03-31").apply(df))
    for k, v in py.items():
        if not k.startswith("_"):
            print(f"python  {k:<45} {v:7.3f} s", flush=True)
    br = browser_timings(url, py)
    for k, v in br.items():
        print(f"browser {k:<70} {v:7.2f} s", flush=True)
    (OUT / "dashboard_speed.json").write_text(json.dumps({"events": py["_n"], "python": py, "browser": br}, indent=1, default=str))


if __name__ == "__main__":
    main()
