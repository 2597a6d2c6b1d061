"""Score the entity stage on the development set (tests/data/dev/<name>.txt + .json gold).

Article level: predicted countries (every country the entities establish: country mentions,
places' countries) against gold `countries`; people by canonical name against gold `people`
names; places by name against gold `places`.  Prints P/R/F1 per language and overall.
`people~` is a second, looser view of the same people: a predicted name that misses its gold
spelling by a letter or two in each word ("Dzedzic" for "Dziedzic", "Rezai" for "Rezaei") counts
as found, which separates finding a person from spelling a foreign name exactly; `people` (the
figure we report against the target) stays exact.

    python bench/entity_eval.py [DEV_DIR] [--show-errors]
    python bench/entity_eval.py --heldout [--show-errors]   # tests/data/heldout (people unseen)
    python bench/entity_eval.py --heldout2 [--show-errors]  # tests/data/heldout2 (fresh, unseen)
    python bench/entity_eval.py --set DIR [--show-errors]   # any folder in the same format
    python bench/entity_eval.py --both                      # dev and held-out tables
"""

from __future__ import annotations

import json
import sys
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEV = ROOT / "tests" / "data" / "dev"
HELDOUT = ROOT / "tests" / "data" / "heldout"
HELDOUT2 = ROOT / "tests" / "data" / "heldout2"
# entity kinds whose country counts as a country the article mentions
COUNTRY_KINDS = ("country", "place", "organization")


def predict(path: Path, lang: str | None = None):
    """Run the stages up to entities; a failing temporal stage (work in progress elsewhere)
    only costs the month-name guard, so it is skipped rather than fatal."""
    from timeline.document import Document
    from timeline.entities import tag_entities
    from timeline.langdetect import detect_language
    from timeline.pipeline import tag_timexes
    from timeline.sentences import split_sentences

    doc = Document.from_text(path.read_text(encoding="utf-8"), lang=lang, path=str(path))
    doc = split_sentences(detect_language(doc))
    try:
        doc = tag_timexes(doc)
    except Exception as exc:  # noqa: BLE001
        print(f"# temporal stage failed ({type(exc).__name__}); entities without timexes", file=sys.stderr)
        doc.timexes = []
    return tag_entities(doc)


def fold(name: str) -> str:
    """Names compare without case, diacritics and hyphens ("Erdoğan" = "Erdogan")."""
    name = name.replace("ı", "i").replace("İ", "I").replace("ß", "ss").replace("-", " ")
    name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return " ".join(name.casefold().split())


def article_sets(doc) -> dict[str, set[str]]:
    ents = doc.entities
    return {
        "countries": {e.country for e in ents if e.kind in COUNTRY_KINDS and e.country},
        "people": {fold(e.name) for e in ents if e.kind == "person"},
        "places": {fold(e.name) for e in ents if e.kind == "place"},
    }


def gold_sets(gold: dict) -> dict[str, set[str]]:
    return {
        "countries": set(gold.get("countries", [])),
        "people": {fold(p["name"]) for p in gold.get("people", [])},
        "places": {fold(p["name"]) for p in gold.get("places", [])},
    }


def near(a: str, b: str) -> bool:
    """Same number of words, each within a letter or two of its counterpart (ratio >= 0.8)."""
    wa, wb = a.split(), b.split()
    return len(wa) == len(wb) and all(SequenceMatcher(None, x, y).ratio() >= 0.8 for x, y in zip(wa, wb, strict=True))


def loose_counts(pred: set[str], gold: set[str]) -> tuple[int, int, int]:
    """tp/fp/fn where near spellings pair up (exact pairs first, then near ones, greedily)."""
    extra, missing = sorted(pred - gold), sorted(gold - pred)
    tp = len(pred & gold)
    for name in extra:
        match = next((g for g in missing if near(name, g)), None)
        if match is not None:
            missing.remove(match)
            tp += 1
    return tp, len(pred) - tp, len(gold) - tp


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(dev: Path = DEV, show_errors: bool = False) -> dict:
    counts: dict[tuple[str, str], list[int]] = {}
    errors = []
    for gpath in sorted(dev.glob("*.json")):
        tpath = gpath.with_suffix(".txt")
        if not tpath.exists():
            continue
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        lang = gold.get("lang")
        doc = predict(tpath)
        pred, g = article_sets(doc), gold_sets(gold)
        for kind in ("countries", "people", "places", "people~"):
            if kind == "people~":
                tp, fp, fn = loose_counts(pred["people"], g["people"])
            else:
                tp, fp, fn = len(pred[kind] & g[kind]), len(pred[kind] - g[kind]), len(g[kind] - pred[kind])
            for key in ((lang, kind), ("all", kind)):
                c = counts.setdefault(key, [0, 0, 0])
                c[0] += tp
                c[1] += fp
                c[2] += fn
            if show_errors and kind in pred and (pred[kind] - g[kind] or g[kind] - pred[kind]):
                errors.append(f"{tpath.name} {kind}: extra {sorted(pred[kind] - g[kind])} missing {sorted(g[kind] - pred[kind])}")
    table = {key: prf(*c) for key, c in counts.items()}
    return {"table": table, "counts": counts, "errors": errors}


def _print(title: str, res: dict) -> None:
    print(f"== {title}")
    print(f"{'lang':5} {'kind':10} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn")
    for (lang, kind), (p, r, f) in sorted(res["table"].items(), key=lambda kv: (kv[0][0] == "all", kv[0])):
        tp, fp, fn = res["counts"][(lang, kind)]
        print(f"{lang:5} {kind:10} {p:6.3f} {r:6.3f} {f:6.3f}   {tp}/{fp}/{fn}")
    for e in res["errors"]:
        print(e)


def main(argv: list[str]) -> None:
    show = "--show-errors" in argv
    argv = list(argv)
    chosen = []
    while "--set" in argv:
        i = argv.index("--set")
        if i + 1 >= len(argv):
            raise SystemExit("--set needs a folder")
        chosen.append(Path(argv[i + 1]))
        del argv[i : i + 2]
    args = [a for a in argv if not a.startswith("--")]
    if chosen:
        sets = [(str(d), d) for d in chosen]
    elif "--both" in argv:
        sets = [("dev", DEV), ("held-out", HELDOUT)]
    elif "--heldout2" in argv:
        sets = [("held-out 2", HELDOUT2)]
    elif "--heldout" in argv:
        sets = [("held-out", HELDOUT)]
    else:
        sets = [(args[0] if args else "dev", Path(args[0]) if args else DEV)]
    for title, path in sets:
        _print(f"{title} ({path})", evaluate(path, show))


if __name__ == "__main__":
    main(sys.argv[1:])
