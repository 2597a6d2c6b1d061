"""Event extraction against the development set (tests/data/dev/*.txt + .json gold).

    .venv/bin/python bench/event_eval.py [--dev DIR] [--verbose] [--json]

A gold event is *found* when an extracted event's sentence (or one of the sentences merged
into it, `sources`) contains the gold phrase.  Among the events found for it, the one of the
gold type is preferred, then one with the right date and countries.  Reported per language
and overall:

- found:      gold events found at all;
- date:       found with `date_value` equal to the gold value;
- countries:  found with the country set equal to the gold set;
- ⊆:          found with the gold countries contained in the found ones;
- type:       found with the gold type, on the gold's coarser set (TYPE_ALIASES: gold
              `military` = our attack or military_action, `statement` also our support,
              appeal, threat, demand, rejection; `other` accepts any type);
- score:      found with the right date AND the right countries (the figure the test checks).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.extract import extract_document  # noqa: E402

DEV = ROOT / "tests" / "data" / "dev"
# The gold uses a coarser set of types (tests/data/dev/README.md); ours map onto it like this.
TYPE_ALIASES = {
    "military": {"attack", "military_action"},
    "statement": {"statement", "support", "appeal", "threat", "demand", "rejection"},
    "agreement": {"agreement", "ceasefire"},
    "detention": {"detention", "court"},
}


def _norm(s: str) -> str:
    return " ".join((s or "").replace("’", "'").replace("ʼ", "'").split()).lower()


def _type_ok(gold_type: str, found_type: str) -> bool:
    if gold_type == "other":
        return True
    return found_type in TYPE_ALIASES.get(gold_type, {gold_type})


def evaluate(dev: Path = DEV) -> dict:
    rows = []
    for gold_path in sorted(dev.glob("*.json")):
        txt = gold_path.with_suffix(".txt")
        if not txt.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = extract_document(txt.read_text(encoding="utf-8"), published=gold.get("published"), lang=gold.get("lang"))
        recs = [e.to_record() for e in doc.events]
        for g in gold.get("events", []):
            phrase = _norm(g["phrase"])
            cands = [
                r
                for r in recs
                if phrase in _norm(r["sentence"])
                or any(phrase in _norm(s.get("sentence", "")) for s in r.get("sources") or [])
            ]
            gc = set(g.get("countries") or [])
            best = None
            if cands:
                best = max(
                    cands,
                    key=lambda r: (
                        _type_ok(g["type"], r["event_type"]),
                        r["date_value"] == g["date_value"] and set(r["countries"]) == gc,
                        r["date_value"] == g["date_value"],
                        set(r["countries"]) == gc,
                    ),
                )
            row = {
                "file": txt.name,
                "lang": gold.get("lang") or txt.name[:2],
                "phrase": g["phrase"],
                "gold_type": g["type"],
                "gold_date": g["date_value"],
                "gold_countries": sorted(gc),
                "found": best is not None,
            }
            if best is not None:
                fc = set(best["countries"])
                row.update(
                    type=best["event_type"],
                    date=best["date_value"],
                    countries=sorted(fc),
                    date_ok=best["date_value"] == g["date_value"],
                    countries_ok=fc == gc,
                    subset_ok=gc <= fc,
                    type_ok=_type_ok(g["type"], best["event_type"]),
                )
                row["ok"] = row["date_ok"] and row["countries_ok"]
            else:
                row.update(date_ok=False, countries_ok=False, subset_ok=False, type_ok=False, ok=False)
            rows.append(row)
    return summarise(rows)


def summarise(rows: list[dict]) -> dict:
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        groups[r["lang"]].append(r)
        groups["all"].append(r)
    table = {}
    for name, rs in sorted(groups.items(), key=lambda kv: (kv[0] == "all", kv[0])):
        n = len(rs)
        table[name] = {
            "gold": n,
            **{
                k: sum(r[f] for r in rs)
                for k, f in [
                    ("found", "found"),
                    ("date", "date_ok"),
                    ("countries", "countries_ok"),
                    ("subset", "subset_ok"),
                    ("type", "type_ok"),
                    ("ok", "ok"),
                ]
            },
        }
        table[name]["score"] = round(table[name]["ok"] / n, 3) if n else 0.0
    return {"table": table, "rows": rows}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev", type=Path, default=DEV)
    ap.add_argument("--verbose", "-v", action="store_true", help="list the gold events that are not right")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    res = evaluate(a.dev)
    if a.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
        return 0
    print(f"{'lang':5} {'gold':>5} {'found':>6} {'date':>5} {'ctry':>5} {'⊆':>5} {'type':>5} {'ok':>5} {'score':>6}")
    for name, t in res["table"].items():
        print(
            f"{name:5} {t['gold']:5} {t['found']:6} {t['date']:5} {t['countries']:5} {t['subset']:5} {t['type']:5} {t['ok']:5} {t['score']:6.3f}"
        )
    if a.verbose:
        for r in res["rows"]:
            if not r["ok"]:
                got = f"{r.get('type')} {r.get('date')} {r.get('countries')}" if r["found"] else "NOT FOUND"
                print(
                    f"- {r['file']}: «{r['phrase']}» gold {r['gold_type']} {r['gold_date']} {r['gold_countries']} | got {got}"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
