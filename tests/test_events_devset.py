"""The event stage on the development set (tests/data/dev): gold events found with the right
date and countries.  The target is 0.85 overall (bench/event_eval.py prints the table)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "data" / "dev"
TARGET = 0.85


def _eval():
    spec = importlib.util.spec_from_file_location("event_eval", ROOT / "bench" / "event_eval.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.skipif(not any(DEV.glob("*.json")), reason="no development set")
def test_devset_score_reaches_target():
    res = _eval().evaluate(DEV)
    t = res["table"]["all"]
    assert t["gold"] >= 36
    assert t["score"] >= TARGET, f"dev-set score {t['score']:.3f} < {TARGET}: {res['table']}"
