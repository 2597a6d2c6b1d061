"""Shared fixtures: real SQLite files in a temporary folder, a throw-away PostgreSQL server,
the seed article, and a local HTTP server for URL and feed tests."""

from __future__ import annotations

import glob
import http.server
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "000_seed_sco_shusha.txt"


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'timeline.db'}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pg_bindir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if not found:
        pytest.fail(
            "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): the storage tests run against "
            "SQLite AND PostgreSQL; install Debian's `postgresql` package (tests/run.sh does)",
            pytrace=False,
        )
    return Path(found[-1]).parent


@pytest.fixture(scope="session")
def pg_server():
    """A PostgreSQL server for this test run: trust auth, 127.0.0.1 on a free port, its files
    under /tmp (readable by the `postgres` user that runs it when we are root), removed at the end.
    Yields the server URL without a database name."""
    bindir = _pg_bindir()
    tmp = Path(tempfile.mkdtemp(prefix="litopys-pg-", dir="/tmp"))
    os.chmod(tmp, 0o755)
    data, sockdir, log = tmp / "data", tmp / "sock", tmp / "server.log"
    sockdir.mkdir()
    prefix: list[str] = []
    if os.geteuid() == 0:  # initdb and postgres refuse to run as root
        if not shutil.which("runuser"):
            pytest.fail("running as root needs `runuser` to start PostgreSQL as the postgres user", pytrace=False)
        shutil.chown(tmp, "postgres", "postgres")
        shutil.chown(sockdir, "postgres", "postgres")
        prefix = ["runuser", "-u", "postgres", "--"]
    port = free_port()

    def run(*cmd, check=True):
        return subprocess.run(prefix + [str(bindir / cmd[0]), *cmd[1:]], capture_output=True, text=True, timeout=120, check=check)

    try:
        r = run("initdb", "-D", str(data), "--auth=trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync", check=False)
        if r.returncode != 0:
            pytest.fail(f"initdb failed: {r.stderr.strip()[-500:]}", pytrace=False)
        opts = f"-h 127.0.0.1 -p {port} -k {sockdir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
        r = run("pg_ctl", "-D", str(data), "-l", str(log), "-o", opts, "-w", "-t", "60", "start", check=False)
        if r.returncode != 0:
            tail = log.read_text(errors="replace")[-800:] if log.exists() else ""
            pytest.fail(f"PostgreSQL did not start: {r.stderr.strip()} {tail}", pytrace=False)
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    finally:
        if data.exists():
            run("pg_ctl", "-D", str(data), "-m", "immediate", "-w", "stop", check=False)
        shutil.rmtree(tmp, ignore_errors=True)


_db_numbers = itertools.count(1)


def new_pg_database(server_url: str) -> str:
    """A fresh, empty database on the test server; its SQLAlchemy URL."""
    import psycopg

    name = f"t{os.getpid()}_{next(_db_numbers)}"
    dsn = server_url.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    with psycopg.connect(dsn, autocommit=True) as con:
        con.execute(f'CREATE DATABASE "{name}"')
    return f"{server_url}/{name}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """The same test against a fresh SQLite file and a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'timeline.db'}"
    return new_pg_database(request.getfixturevalue("pg_server"))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder; `routes` maps a path to (status, headers, body[, delay]) for special answers
    (header `X-No-Length` sends no Content-Length: the body ends when the connection closes)."""

    routes: dict = {}

    def do_GET(self):  # noqa: N802 (http.server's naming)
        special = self.routes.get(self.path)
        if special is None:
            return super().do_GET()
        status, headers, body = special[:3]
        if len(special) > 3:  # a delay before answering, for timeouts
            time.sleep(special[3])
        self.send_response(status)
        headers = dict(headers)
        no_length = headers.pop("X-No-Length", None)
        for k, v in headers.items():
            self.send_header(k, v)
        if not no_length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            for i in range(0, len(body), 1 << 16):
                self.wfile.write(body[i : i + (1 << 16)])
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading (the size limit): expected

    def log_message(self, *args):
        pass


@pytest.fixture
def http_root(tmp_path):
    """A real HTTP server on 127.0.0.1 serving a temporary folder: (folder, base URL, routes)."""
    folder = tmp_path / "www"
    folder.mkdir()
    routes: dict = {}
    handler = type("Handler", (_QuietHandler,), {"routes": routes})

    def factory(*a, **kw):
        return handler(*a, directory=str(folder), **kw)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), factory)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield folder, f"http://127.0.0.1:{server.server_address[1]}", routes
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium driven by Playwright, one per test module (bench/screenshots.py starts it)."""
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from screenshots import chromium

    with chromium() as b:
        yield b
