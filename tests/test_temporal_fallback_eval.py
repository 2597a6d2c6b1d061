"""The dateparser fallback (de, fr, es, pl, tr) on the self-written gold set tests/data/timex-fallback.

Scored like ../shared/eval/timex_score.py: DATE and TIME only, relaxed span = overlapping,
one gold expression per system expression. The threshold sits about 0.05 under the figure
measured when the set was made, so a regression in the fallback fails here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.temporal import find_timexes

SET = Path(__file__).parent / "data" / "timex-fallback"
SCORED = {"DATE", "TIME"}
# measured 2026-11-25: relaxed F1 0.825 overall after the fallback rework (0.562 before; dateparser
# search_dates 0.709); the rework was tuned on this set, tests/data/timex-fallback-heldout is not
MIN_RELAXED_F1 = 0.77



def _docs():
    for gold_path in sorted((SET / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (SET / "articles" / f"{gold_path.stem}.txt").read_text(encoding="utf-8")
        yield gold_path.stem, text, gold


def _relaxed(gold: list[dict], system: list[dict]) -> int:
    used, hits = set(), 0
    for s in sorted(system, key=lambda x: x["start"]):
        for i, g in enumerate(gold):
            if i not in used and s["start"] < g["end"] and g["start"] < s["end"]:
                used.add(i)
                hits += 1
                break
    return hits


def test_gold_is_well_formed():
    docs = list(_docs())
    assert len(docs) == 20
    for name, text, gold in docs:
        assert text.startswith(f"date {gold['published']} "), name
        assert gold["lang"] == name.split("_")[0] and gold["source"] == "litopys-authored"
        for t in gold["timexes"]:
            assert text[t["start"] : t["end"]] == t["text"], (name, t)
            assert t["type"] in {"DATE", "TIME", "DURATION", "SET"}


def test_fallback_relaxed_f1_and_spans():
    n_gold = n_sys = n_hit = 0
    for name, text, gold in _docs():
        found = find_timexes(text, published=gold["published"], lang=gold["lang"])
        for t in found:
            assert text[t["start"] : t["end"]] == t["text"], (name, t)
        g = [t for t in gold["timexes"] if t["type"] in SCORED]
        s = [t for t in found if t["type"] in SCORED]
        n_gold, n_sys, n_hit = n_gold + len(g), n_sys + len(s), n_hit + _relaxed(g, s)
    p, r = n_hit / max(n_sys, 1), n_hit / max(n_gold, 1)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    assert f1 >= MIN_RELAXED_F1, f"relaxed F1 {f1:.3f} (P {p:.3f}, R {r:.3f}) below {MIN_RELAXED_F1}"


PUB = "2025-09-04"


@pytest.mark.parametrize(
    "lang, text, expect",
    [
        # durations dateparser reads as "ago" are not dates
        ("de", "Die Bauarbeiten dauerten 18 Monaten lang.", []),
        ("fr", "Le procès a duré 3 jours.", []),
        # scores and decimals are not dates
        ("de", "Das Spiel endete 1:0.", []),
        ("pl", "Inflacja wyniosła 4,3 proc.", []),
        # a German day number with its stop, a Polish year abbreviation, a Turkish case ending
        ("de", "Am 3. September 2025 trafen sich die Minister.", [("3. September 2025", "2025-09-03")]),
        ("pl", "Ustawa wchodzi w życie 1 stycznia 2026 r. w całym kraju.", [("1 stycznia 2026 r.", "2026-01-01")]),
        ("tr", "Yasa 1 Ocak 2026'dan itibaren geçerli olacak.", [("1 Ocak 2026'dan", "2026-01-01")]),
        # words without digits, anchored on the publication date (a Thursday)
        ("de", "Der Minister trat gestern zurück.", [("gestern", "2025-09-03")]),
        ("es", "El tribunal decidió el martes.", [("martes", "2025-09-02")]),
    ],
)
def test_fallback_cases(lang, text, expect):
    found = find_timexes(text, published=PUB, lang=lang)
    assert [(t["text"], t["value"]) for t in found if t["type"] in SCORED] == expect


def test_fallback_values_do_not_depend_on_today():
    """A day and month without a year take the publication's year, whatever the clock says."""
    a = find_timexes("Le sommet a eu lieu le 3 mars.", published="2019-05-01", lang="fr")
    assert [(t["text"], t["value"]) for t in a] == [("3 mars", "2019-03-03")]
