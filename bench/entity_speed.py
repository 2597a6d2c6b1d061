"""Articles per second of the entity stage against the temporal stage, same articles, one run.

    python bench/entity_speed.py [FILE_OR_DIR ...] [--repeat N]

Defaults to the seed and tests/data/dev/*.txt.  CPU time of this process (robust on a shared
machine).  Language detection and sentence splitting
run once beforehand (shared by both stages); the first call of each stage (loading resources,
dictionaries, building the gazetteer index) is timed separately as warm-up.

The entity stage keeps its word analyses between runs (timeline/entities/wordcache.py): the
first pass is the first sight of the words only when no earlier run stored them.  The last
line says which: run with an empty LITOPYS_CACHE folder (or after an edit of the entity code
or data) for first sight, again for words seen before.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _files(args: list[str]) -> list[Path]:
    out: list[Path] = []
    for a in args:
        p = Path(a)
        out.extend(sorted(p.glob("*.txt")) if p.is_dir() else [p])
    if not out:
        seed = ROOT.parent / "shared" / "seeds"
        out = sorted(seed.glob("*.txt")) + sorted((ROOT / "tests" / "data" / "dev").glob("*.txt"))
    return out


def main(argv: list[str]) -> None:
    from timeline.document import Document
    from timeline.entities import tag_entities
    from timeline.langdetect import detect_language
    from timeline.pipeline import tag_timexes
    from timeline.sentences import split_sentences

    repeat = 3
    if "--repeat" in argv:
        k = argv.index("--repeat")
        repeat = int(argv[k + 1])
        argv = argv[:k] + argv[k + 2 :]
    files = _files(argv)
    docs = [split_sentences(detect_language(Document.from_text(f.read_text(encoding="utf-8")))) for f in files]
    chars = sum(len(d.text) for d in docs)

    def run(stage, label):
        t0 = time.process_time()
        for lang in sorted({d.lang for d in docs}, key=str):
            stage(next(d for d in docs if d.lang == lang))
        warm = time.process_time() - t0
        t0 = time.process_time()
        for d in docs:
            stage(d)
        first = time.process_time() - t0  # word caches still cold for most words
        t0 = time.process_time()
        for _ in range(repeat):
            for d in docs:
                stage(d)
        dt = (time.process_time() - t0) / repeat
        rate = len(docs) / dt if dt else float("inf")
        print(
            f"{label:9} warm-up {warm:6.2f} s   first pass {1000 * first / len(docs):6.2f} ms/article   "
            f"then {rate:8.1f} articles/s  {1000 * dt / len(docs):6.2f} ms/article"
        )
        return first, dt

    print(f"{len(docs)} articles, {chars} characters, {repeat} passes")
    t_first, t_dt = run(tag_timexes, "temporal")
    e_first, e_dt = run(tag_entities, "entities")
    print(f"ratio entities/temporal time per article: first pass {e_first / t_first:.2f}, repeated passes {e_dt / t_dt:.2f}")
    from timeline.entities import wordcache

    loaded = wordcache.loaded_answers()
    print(f"word analyses from earlier runs: {loaded} (first pass: words an earlier run saw cost a look-up)" if loaded
          else "word analyses from earlier runs: none (first pass: first sight of every word)")


if __name__ == "__main__":
    main(sys.argv[1:])
