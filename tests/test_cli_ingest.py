"""`python -m timeline ingest` options, as real processes on real files and databases."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from .conftest import ROOT, SEED

UK = "Президент Азербайджану Ільхам Алієв у вівторок засудив затримання громадян Азербайджану в Єкатеринбурзі."


def ingest(*args, env_extra=None):
    env = os.environ.copy()
    env.pop("TIMELINE_DB_URL", None)
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "timeline", "ingest", *args], cwd=ROOT, capture_output=True, text=True, timeout=600, env=env)


def articles(db) -> list[tuple]:
    with sqlite3.connect(db) as con:
        return con.execute("SELECT source, published, lang, title FROM articles ORDER BY source").fetchall()


CASES = [
    # (files {name: text}, flags, expected rows (name, published, lang, title))
    ({"a.txt": UK}, ["--published", "2025-01-02"], [("a.txt", "2025-01-02", "uk", None)]),
    ({"a.txt": UK}, ["--lang", "ru"], [("a.txt", None, "ru", None)]),
    ({"a.md": f"date 2025-03-04 Заголовок\n{UK}"}, [], [("a.md", "2025-03-04", "uk", "Заголовок")]),
    ({"a.md": f"date 2025-03-04 Заголовок\n{UK}"}, ["--published", "2025-03-05"], [("a.md", "2025-03-05", "uk", "Заголовок")]),
    ({"a.txt": UK, "b.txt": UK + " Вдруге."}, ["--jobs", "1", "--quiet"], [("a.txt", None, "uk", None), ("b.txt", None, "uk", None)]),
]


@pytest.mark.parametrize("files, flags, expected", CASES)
def test_ingest_options(tmp_path, files, flags, expected):
    paths = []
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    db = tmp_path / "o.db"
    r = ingest(*paths, "--db", f"sqlite:///{db}", *flags)
    assert r.returncode == 0, r.stderr
    assert r.stderr == "" and r.stdout.startswith(f"ingested {len(files)} articles,")
    got = [(os.path.basename(s), p, lang, t) for s, p, lang, t in articles(db)]
    assert got == expected


def test_database_from_the_environment(tmp_path):
    db = tmp_path / "env.db"
    r = ingest(str(SEED), env_extra={"TIMELINE_DB_URL": f"sqlite:///{db}"})
    assert r.returncode == 0, r.stderr
    assert [row[0] for row in articles(db)] == [str(SEED)]


@pytest.mark.parametrize(
    "flags, phrase",
    [(["--published", "03.09.2025"], "not a date YYYY-MM-DD"), (["--jobs", "many"], "invalid int value"), ([], "the following arguments are required")],
)
def test_bad_options_are_usage_errors(tmp_path, flags, phrase):
    args = [str(SEED)] if flags else []
    r = ingest(*args, "--db", f"sqlite:///{tmp_path / 'x.db'}", *flags)
    assert r.returncode == 2 and phrase in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "x.db").exists()
