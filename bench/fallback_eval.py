"""Temporal expressions in the dateparser-fallback languages: ours against dateparser, per language.

    .venv/bin/python bench/fallback_eval.py [--gold tests/data/timex-fallback] [--scorer PATH]

Runs the shared scorer twice on the self-written set tests/data/timex-fallback (de, fr, es, pl,
tr; see its README): once on our CLI (`python -m timeline timex`, language detected, as the
scorer runs it) and once with `--baseline` (dateparser.search_dates with the gold language and
publication date). The scorer already totals per gold language; this prints the two side by
side: strict span, relaxed span and value F1 (DATE and TIME only, TempEval-3 style).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "timex-fallback"
SCORER = ROOT.parent / "shared" / "eval" / "timex_score.py"


def run(scorer: Path, gold: Path, baseline: bool) -> dict:
    cmd = [sys.executable, str(scorer), str(gold), "--json"]
    cmd += ["--baseline"] if baseline else ["--project", str(ROOT)]
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False)
    if p.returncode != 0:
        sys.exit(f"scorer failed ({' '.join(cmd)}):\n{p.stdout[-2000:]}{p.stderr[-2000:]}")
    return json.loads(p.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--scorer", type=Path, default=SCORER)
    a = ap.parse_args()
    ours, base = run(a.scorer, a.gold, False), run(a.scorer, a.gold, True)
    langs = sorted(k for k in ours if k != "all") + ["all"]
    print(f"{'lang':5}{'gold':>5}  {'sys':>9}  {'strict F1':>13}  {'relaxed F1':>13}  {'value F1':>13}")
    print(f"{'':5}{'':>5}  {'ours  dp':>9}  {'ours    dp':>13}  {'ours    dp':>13}  {'ours    dp':>13}")
    for k in langs:
        o, b = ours.get(k, {}), base.get(k, {})
        cells = "  ".join(
            f"{o.get(m) or 0:5.3f} {b.get(m) or 0:5.3f}".rjust(13) for m in ("strict", "relaxed", "value")
        )
        print(f"{k:5}{o.get('gold', b.get('gold', 0)):>5}  {o.get('sys', 0):>4} {b.get('sys', 0):>4}  {cells}")
    print("ours = python -m timeline timex (language detected); dp = dateparser.search_dates (gold language)")


if __name__ == "__main__":
    main()
