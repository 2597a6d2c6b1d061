"""The real app in Debian's chromium through Playwright: start `streamlit run app.py` on a
free port with a temporary database, open a filtered URL, download the CSV."""

from __future__ import annotations

import csv
import io
import sys

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.browser
sys.path.insert(0, str(ROOT / "bench"))
from screenshots import streamlit_server  # noqa: E402  (shared with the screenshots and flows)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    # a new, empty database: the app seeds it with the sample articles on first open
    db = tmp_path_factory.mktemp("browser") / "timeline.db"
    with streamlit_server(f"sqlite:///{db}") as url:
        yield url


@pytest.fixture
def page(browser):
    ctx = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
    pg = ctx.new_page()
    yield pg
    ctx.close()


def download_csv(page) -> list[dict]:
    button = page.get_by_role("button", name="Download CSV")
    button.wait_for(timeout=180_000)
    with page.expect_download(timeout=60_000) as info:
        button.click()
    data = open(info.value.path(), "rb").read().decode("utf-8")
    assert data.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(data[1:])))


def test_country_url_filter_downloads_only_that_country(server, page):
    page.goto(server + "/?country=AZE")
    page.get_by_text("events shown").first.wait_for(timeout=180_000)
    rows = download_csv(page)
    assert rows, "the seeded database has Azerbaijani events"
    assert all("AZE" in row["countries"].split(";") for row in rows)
