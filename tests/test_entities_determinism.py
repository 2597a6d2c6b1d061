"""Entity output does not depend on Python's hash seed, and a bare surname shared by two people
of the article goes to the one just mentioned."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from timeline.entities import find_entities

ROOT = Path(__file__).resolve().parent.parent
TEXT = (
    "Суддя Інна Пелипас відкрила засідання. Адвокат Олексій Пелипас заявив клопотання. "
    "Пелипас наполягав на відкладенні. Пізніше Інна Пелипас оголосила перерву, і Пелипас пішла."
)


def test_output_independent_of_hash_seed(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("date 2025-09-03 Суд\n\n" + TEXT, encoding="utf-8")
    outs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        p = subprocess.run([sys.executable, "-m", "timeline", "entities", str(f)], capture_output=True, text=True,
                           cwd=ROOT, env=env, check=True)
        outs.add(p.stdout)
    assert len(outs) == 1


def test_bare_surname_takes_the_nearest_namesake_before_it():
    people = [(e["text"], e["name"]) for e in find_entities(TEXT, lang="uk") if e["kind"] == "person"]
    bare = [name for text, name in people if text.startswith("Пелипас")]
    assert bare == ["Oleksii Pelypas", "Inna Pelypas"]
