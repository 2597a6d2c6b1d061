"""The bad-input matrix: real `python -m timeline ingest` processes, real files, real URLs.

Every bad input gives exactly one line on stderr that names it and says why, no traceback,
exit status 1; good inputs beside it are stored; nothing of a bad input reaches the database.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SEED, free_port, new_pg_database


def _empty(d: Path) -> str:
    p = d / "empty.txt"
    p.write_bytes(b"")
    return str(p)


def _binary(d: Path) -> str:
    p = d / "photo.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)
    return str(p)


def _huge(d: Path) -> str:
    p = d / "huge.txt"
    with p.open("wb") as fh:  # sparse: 50 MB on paper, nothing on disk
        fh.truncate(50 * 1024 * 1024)
    return str(p)


def _no_encoding(d: Path) -> str:
    rnd = random.Random(1)
    p = d / "noise.txt"  # high bytes and C0 controls: no text in any 8-bit table, not UTF-8
    p.write_bytes(bytes(rnd.choice([*range(0x80, 0x100), 1, 2, 3, 4, 5, 6, 0x0B, 0x0E, 0x1B]) for _ in range(4000)))
    return str(p)


def _latin1_labelled_utf8(d: Path) -> str:
    p = d / "mislabelled.html"
    body = "<p>Le président a déclaré à Genève que la réunion était très importante pour l'économie.</p>" * 5
    p.write_bytes(f'<!doctype html><html><head><meta charset="utf-8"><title>Réunion</title></head><body><article>{body}</article></body></html>'.encode("latin-1"))
    return str(p)


def _broken_html(d: Path) -> str:
    p = d / "broken.html"
    p.write_text("<html><head><title>x</title><script>var a = '<div>';</script></head><body><div><nav><a href=/>Home</a></nav><table><tr><td></div></body", encoding="utf-8")
    return str(p)


def _csv_missing_columns(d: Path) -> str:
    p = d / "articles.csv"
    p.write_text("headline,date\nПоліція затримала людей,2025-01-01\n", encoding="utf-8")
    return str(p)


def _csv_bad_row(d: Path) -> str:
    p = d / "dated.csv"  # the first row is good: the table is still all-or-nothing
    p.write_text("text,published\nПоліція затримала двох людей у 2024 році в Баку.,2025-01-01\nЗаява МЗС.,1 січня\n", encoding="utf-8")
    return str(p)


def _jsonl_broken_line(d: Path) -> str:
    p = d / "articles.jsonl"
    good = json.dumps({"text": "Поліція затримала двох людей у 2024 році в Баку.", "published": "2025-01-01"}, ensure_ascii=False)
    p.write_text(good + '\n{"text": "unterminated\n' + good.replace("Баку", "Москві") + "\n", encoding="utf-8")
    return str(p)


def _not_a_feed(d: Path) -> str:
    p = d / "config.xml"
    p.write_text('<?xml version="1.0"?><config><option name="a">1</option></config>', encoding="utf-8")
    return str(p)


def _missing(d: Path) -> str:
    return str(d / "no-such-article.txt")


def _empty_folder(d: Path) -> str:
    p = d / "nothing-here"
    p.mkdir()
    (p / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    return str(p)


def _closed_port(_d: Path) -> str:
    return f"http://127.0.0.1:{free_port()}/article.html"


# (case id, make the input, extra CLI flags, a phrase the stderr line must hold)
CASES = [
    ("empty file", _empty, [], "empty file"),
    ("binary file", _binary, [], "binary file"),
    ("50 MB file", _huge, [], "too large"),
    ("no valid text in any encoding", _no_encoding, [], "not text in UTF-8 or any known encoding"),
    ("Latin-1 labelled UTF-8", _latin1_labelled_utf8, [], "mislabelled encoding"),
    ("broken HTML, no article text", _broken_html, [], "no article text"),
    ("CSV with missing columns", _csv_missing_columns, [], "no 'text' column"),
    ("CSV with a bad date in row 2", _csv_bad_row, [], "row 2: bad publication date"),
    ("JSONL with a broken line", _jsonl_broken_line, [], "line 2: not JSON"),
    ("XML that is no feed", _not_a_feed, [], "not an RSS/Atom feed"),
    ("missing file", _missing, [], "no such file"),
    ("folder without articles", _empty_folder, [], "folder holds no articles"),
    ("unreachable URL", _closed_port, ["--allow-private"], "connection refused"),
    ("non-resolving host", lambda d: "http://nonexistent.invalid/news/1", [], "cannot resolve host nonexistent.invalid"),
    ("loopback URL without --allow-private", lambda d: "http://127.0.0.1/admin", [], "refused: 127.0.0.1 is a loopback address"),
    ("private address", lambda d: "http://10.1.2.3/", [], "refused: 10.1.2.3 is a private address"),
    ("cloud metadata address", lambda d: "http://169.254.169.254/latest/meta-data/", [], "link-local"),
    ("file:// URL", lambda d: "file:///etc/passwd", [], "only http and https"),
    ("ftp:// URL", lambda d: "ftp://example.org/news.txt", [], "only http and https"),
]
IDS = [c[0] for c in CASES]
# the combined run allows private addresses (for the closed local port): these would be
# contacted for real there, so they are only run alone, where they must be refused
ALONE_ONLY = {"loopback URL without --allow-private", "private address", "cloud metadata address"}
COMBINED = [c for c in CASES if c[0] not in ALONE_ONLY]


def ingest(*args: str) -> subprocess.CompletedProcess:
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    env.pop("TIMELINE_DB_URL", None)
    return subprocess.run([sys.executable, "-m", "timeline", "ingest", *args], cwd=ROOT, capture_output=True, text=True, timeout=600, env=env)


def sqlite_articles(db: Path) -> list[tuple]:
    if not db.exists():
        return []
    with sqlite3.connect(db) as con:
        return con.execute("SELECT source, title FROM articles").fetchall()


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_each_bad_input_alone(case, tmp_path):
    """One process per bad input: exit 1, one stderr line naming it, an empty database."""
    _name, make, flags, phrase = case
    item = make(tmp_path)
    db = tmp_path / "t.db"
    r = ingest(item, "--db", f"sqlite:///{db}", *flags)
    assert r.returncode == 1, r.stdout + r.stderr
    lines = r.stderr.splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith(item + ": ") or lines[0].startswith(item + " "), lines[0]
    assert phrase in lines[0], lines[0]
    assert "Traceback" not in r.stderr
    assert "ingested 0 articles" in r.stdout and "1 failed" in r.stdout
    assert sqlite_articles(db) == []


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def matrix_run(request, tmp_path_factory):
    """All bad inputs and the seed in ONE process, against SQLite and PostgreSQL."""
    d = tmp_path_factory.mktemp("matrix")
    items = [(c, c[1](d)) for c in COMBINED]
    if request.param == "sqlite":
        url = f"sqlite:///{d / 'matrix.db'}"
    else:
        url = new_pg_database(request.getfixturevalue("pg_server"))
    args = [str(SEED)] + [item for _c, item in items]
    r = ingest(*args, "--db", url, "--allow-private")
    from timeline.storage import Store

    store = Store(url)
    yield r, items, store
    store.engine.dispose()


def test_matrix_exit_status_and_summary(matrix_run):
    r, items, store = matrix_run
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    assert len(r.stderr.splitlines()) == len(items), r.stderr
    assert f"{len(items)} failed, from {len(items) + 1} inputs" in r.stdout
    assert "ingested 1 articles" in r.stdout


@pytest.mark.parametrize("case", COMBINED, ids=[c[0] for c in COMBINED])
def test_matrix_line_per_bad_input(matrix_run, case):
    r, items, _store = matrix_run
    item = dict((c[0], it) for c, it in items)[case[0]]
    mine = [line for line in r.stderr.splitlines() if line.startswith((item + ": ", item + " row "))]
    assert len(mine) == 1, r.stderr


def test_matrix_only_the_good_input_is_stored(matrix_run):
    _r, _items, store = matrix_run
    arts = store.articles_frame()
    assert list(arts["source"]) == [str(SEED)]
    assert store.counts()["articles"] == 1
    ev = store.events_frame()
    assert set(ev["article_id"]) <= set(arts["id"])
