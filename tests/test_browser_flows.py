"""The analyst's main flows in the real app, in Debian's chromium through Playwright.

The server runs on a hand-made database (tests/test_app_pages.py), so the flows do not
depend on what extraction currently finds; the seed article is uploaded through the Ingest
page like an analyst would.  Waits are explicit and generous: the machine is slow.
"""

from __future__ import annotations

import csv
import io
import os
import re
import sys
import time
from pathlib import Path

import pytest

from .conftest import ROOT, SEED
from .test_app_pages import build_sample_db

pytestmark = pytest.mark.browser
sys.path.insert(0, str(ROOT / "bench"))
from screenshots import streamlit_server, wait_chart, wait_idle  # noqa: E402

LONG = 180_000


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    db = tmp_path_factory.mktemp("flows") / "timeline.db"
    url = f"sqlite:///{db}"
    ids = build_sample_db(url)
    with streamlit_server(url) as base:
        yield base, ids, url


@pytest.fixture
def page(browser):
    ctx = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1800})
    pg = ctx.new_page()
    pg.set_default_timeout(LONG)
    yield pg
    if os.environ.get("LITOPYS_SHOT_DIR"):  # debugging: what the page looked like at the end
        pg.screenshot(path=os.path.join(os.environ["LITOPYS_SHOT_DIR"], f"{time.time():.0f}.png"))
    ctx.close()


def open_page(page, url: str) -> None:
    page.goto(url)
    page.get_by_text("events shown").first.wait_for(timeout=LONG)
    wait_idle(page)


def shown_count(page) -> tuple[int, int]:
    text = page.get_by_text(re.compile(r"events shown")).first.inner_text()
    n, total = re.match(r"([\d\u202f]+) of ([\d\u202f]+)", text).groups()
    return int(n.replace("\u202f", "")), int(total.replace("\u202f", ""))


def wait_count(page, n: int) -> None:
    page.get_by_text(re.compile(rf"^{n} of \d+ events shown")).first.wait_for(timeout=LONG)


def csv_rows(page) -> list[dict]:
    button = page.get_by_role("button", name="Download CSV").first
    button.wait_for(timeout=LONG)
    with page.expect_download(timeout=LONG) as info:
        button.click()
    data = Path(info.value.path()).read_bytes().decode("utf-8")
    assert data.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(data[1:])))


def test_country_filter_through_the_url_and_the_widget(app, page):
    base, _ids, _url = app
    open_page(page, base + "/?country=AZE")
    assert shown_count(page) == (4, 5)
    rows = csv_rows(page)
    assert len(rows) == 4 and all("AZE" in r["countries"].split(";") for r in rows)
    # the widget: clear, then choose Russia in the Countries box; the URL follows
    page.get_by_role("button", name="Clear filters").click()
    wait_count(page, 5)
    box = page.locator('[data-testid="stMultiSelect"]').filter(has_text="Countries")
    box.locator("input").click()
    page.keyboard.type("Russia")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")  # close the list: while open, the rest of the page is hidden from a screen reader
    wait_count(page, 3)
    page.wait_for_url(re.compile(r"country=RUS"), timeout=LONG)
    rows = csv_rows(page)
    assert len(rows) == 3 and all("RUS" in r["countries"].split(";") for r in rows)


def test_click_an_event_shows_its_sentence_and_sources(app, page):
    base, _ids, _url = app
    open_page(page, base + "/?type=meeting")
    assert shown_count(page) == (1, 5)
    wait_chart(page)
    point = page.locator(".js-plotly-plot .scatterlayer .point").first
    box = point.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.get_by_text("Other source 1").first.wait_for(timeout=LONG)
    sentence = page.locator(".litopys-text").first
    assert "Ilham Aliyev met Vladimir Putin in Tianjin on 1 September 2025." in sentence.inner_text()
    assert sentence.locator("mark.hl-timex").first.inner_text() == "1 September 2025"
    # the other source is the hostile article: shown as text, nothing of it runs
    assert page.locator("script:text('alert')").count() == 0
    assert page.locator(".litopys-text img").count() == 0
    assert "<script>" in page.locator(".litopys-text").nth(1).inner_text()


def test_correct_an_event_and_see_the_audit_entry(app, page):
    base, _ids, _url = app
    open_page(page, base + "/Table?type=detention")
    assert shown_count(page) == (1, 5)
    picker = page.locator('[data-testid="stSelectbox"]').filter(has_text="Event")
    picker.first.click()
    page.get_by_role("option").first.click()
    form = page.locator('[data-testid="stForm"]').filter(has=page.get_by_role("button", name="Save correction"))
    summary = form.get_by_label("Summary", exact=True)  # not the "add an event" form's Summary
    summary.wait_for(timeout=LONG)
    summary.fill("Azerbaijanis detained in Yekaterinburg (checked by an analyst)")
    page.get_by_role("button", name="Save correction").click()
    page.get_by_text("Saved 1 change").first.wait_for(timeout=LONG)
    audit = page.locator('[data-testid="stTable"]').first
    audit.get_by_text("Azerbaijanis detained in Yekaterinburg (checked by an analyst)").wait_for(timeout=LONG)
    assert "Azerbaijanis detained in Yekaterinburg" in audit.inner_text()  # the previous value is kept
    rows = csv_rows(page)
    assert [r["summary"] for r in rows] == ["Azerbaijanis detained in Yekaterinburg (checked by an analyst)"]


def test_upload_the_seed_and_see_its_events_on_the_timeline(app, page, tmp_path):
    base, _ids, _url = app
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    open_page(page, base + "/")
    before = shown_count(page)[1]
    page.goto(base + "/Ingest")
    page.get_by_text("Upload files").first.click()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files([str(SEED), str(bad)])
    page.get_by_role("button", name="Ingest the files").click()
    result = page.get_by_text(re.compile(r"ingested 1 articles")).first
    result.wait_for(timeout=LONG)
    assert "1 failed" in result.inner_text()
    page.get_by_text(re.compile(r"bad\.csv: .*text")).first.wait_for(timeout=LONG)  # each failed input with its reason
    title = re.match(r"\ufeff?\s*date \S+ (.*)", SEED.read_text(encoding="utf-8").splitlines()[0]).group(1).strip()
    open_page(page, base + "/")
    n, total = shown_count(page)
    assert total > before and n == total
    rows = csv_rows(page)
    assert any(r["title"] == title for r in rows), "the seed's events are on the timeline"


CENTRE_OF = """(iso) => {
  const p = [...document.querySelectorAll('.choroplethlocation')].find(p => p.__data__ && p.__data__.loc === iso && p.__data__.z > 0);
  if (!p) return null;
  const b = p.getBoundingClientRect();
  return [b.left + b.width * 0.5, b.top + b.height * 0.55];
}"""


def test_map_click_on_a_country_filters_by_it(app, page):
    base, _ids, _url = app
    open_page(page, base + "/Map")
    n, total = shown_count(page)
    assert n == total  # (the upload test may have added the seed's events already)
    wait_chart(page)
    x, y = page.evaluate(CENTRE_OF, "AZE")
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    page.wait_for_function("() => location.search.includes('country=AZE')", timeout=LONG)
    page.get_by_text(re.compile(rf"^\d+ of {total} events shown")).first.wait_for(timeout=LONG)
    page.wait_for_function(f"() => !document.body.innerText.includes('{total} of {total} events shown')", timeout=LONG)
    wait_idle(page)
    rows = csv_rows(page)
    assert 0 < len(rows) < total and all("AZE" in r["countries"].split(";") for r in rows)
