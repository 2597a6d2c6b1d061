"""Screenshots of every dashboard page, as an analyst sees them, to bench/out/*.png.

    .venv/bin/python bench/screenshots.py [--db sqlite:////tmp/x.db]

Starts `streamlit run app.py` on a free port with a temporary database (seeded with the
sample articles on first open, like a new install), drives Debian's chromium through
Playwright, and saves one PNG per page (plus the timeline with an event's detail open).
The helpers here (server, browser, waiting for the app) are reused by dashboard_speed.py.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]
PAGES = {"timeline": "", "map": "Map", "table": "Table", "sources": "Sources", "ingest": "Ingest"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(db_url: str, timeout: float = 180):
    """`streamlit run app.py` on a free port; yields its base URL; stops it afterwards."""
    port = free_port()
    env = os.environ | {"TIMELINE_DB_URL": db_url, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + timeout
        while True:
            try:
                if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                if time.time() > deadline or proc.poll() is not None:
                    raise RuntimeError("streamlit did not start") from None
                time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


@contextlib.contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


def wait_idle(page, timeout: float = 180_000) -> None:
    """Until the script has finished running (while it runs, the toolbar offers "Stop") and
    the lazily loaded widgets have replaced their skeletons."""
    page.wait_for_function(
        """() => {
            const app = document.querySelector('[data-testid="stApp"]');
            const bar = document.querySelector('[data-testid="stToolbar"]');
            const running = document.querySelector('[data-testid="stStatusWidget"]') || (bar && /\\bStop\\b/.test(bar.innerText));
            return app && !running && !document.querySelector('[data-testid="stSkeleton"]');
        }""",
        timeout=timeout,
    )
    page.wait_for_timeout(400)


def wait_chart(page, timeout: float = 180_000) -> None:
    """Until a Plotly chart has drawn its marks (SVG points/bars, a WebGL canvas, or its "no events" note)."""
    page.wait_for_function(
        "() => { const g = document.querySelector('.js-plotly-plot');"
        " return g && (g.querySelector('.point, .trace path, .choroplethlocation, .annotation-text') || g.querySelector('canvas.gl-canvas-context')); }",
        timeout=timeout,
    )


def shoot(page, name: str, full: bool = True) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.png"
    page.screenshot(path=str(path), full_page=full)
    return path


def click_first_mark(page) -> bool:
    """Click the first event mark on the timeline (a Plotly point); True when one was there."""
    pts = page.locator(".js-plotly-plot .scatterlayer .point")
    if pts.count() == 0:
        return False
    box = pts.first.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    return True


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="database URL (default: a new temporary SQLite file, seeded with the samples)")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="litopys-shots-")
    db = args.db or f"sqlite:///{tmp}/timeline.db"
    with streamlit_server(db) as url, chromium() as browser:
        # Streamlit scrolls inside its own container, so a tall viewport is what shows a whole page
        ctx = browser.new_context(viewport={"width": 1440, "height": 2000})
        page = ctx.new_page()
        page.goto(url + "/")
        page.get_by_text("events shown").first.wait_for(timeout=300_000)
        wait_idle(page)
        wait_chart(page)
        print("saved", shoot(page, "timeline"))
        if click_first_mark(page):
            page.locator(".litopys-text").first.wait_for(timeout=120_000)  # the highlighted sentence
            wait_idle(page)
            print("saved", shoot(page, "timeline_detail"))
        page.goto(url + "/?country=AZE")
        page.get_by_text("events shown").first.wait_for(timeout=120_000)
        wait_idle(page)
        wait_chart(page)
        print("saved", shoot(page, "timeline_aze"))
        for name, path in PAGES.items():
            if not path:
                continue
            page.goto(f"{url}/{path}")
            page.locator("h1").first.wait_for(timeout=120_000)
            wait_idle(page)
            if name == "map":
                wait_chart(page)
            print("saved", shoot(page, name))
        ctx.close()


if __name__ == "__main__":
    main()
