"""The real app in Debian's chromium through Playwright: start `streamlit run app.py` on a
free port with a temporary database, open a filtered URL, download the CSV."""

from __future__ import annotations

import csv
import io
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("browser") / "timeline.db"
    port = free_port()
    env = os.environ | {"TIMELINE_DB_URL": f"sqlite:///{db}", "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("streamlit did not start")
    yield url
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


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
