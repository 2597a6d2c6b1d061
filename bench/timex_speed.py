"""Throughput of our temporal tagger against dateparser.search_dates on the same files.

    .venv/bin/python bench/timex_speed.py [FILE_OR_DIR ...] [--limit N]

Both run in-process on the same texts, each given the article's language (from the gold
file beside it when there is one, else our detection) and its publication date:
- ours: `Document.from_text(text, lang=lang)` then `timeline.temporal.tag_timexes` (the
  temporal stage; the pipeline's own language and sentence stages are not timed, the tagger
  splits the paragraphs whose sentences it needs itself, as in the CLI), after one warm-up
  document so that resource compilation (once per process) is not counted;
- dateparser: its fast case, `search_dates(body, languages=[lang])`, RELATIVE_BASE set.
Times are CPU seconds of this process (the machine is shared, wall time is noisy).
`--processes` also times whole processes on the same files, start-up included: our CLI
(`python -m timeline timex FILE... --format jsonl`, every stage it runs, resources compiled
once per process) against a process that imports dateparser and runs the same loop; CPU
seconds of each child process (for ours, also a run on one file of each language: start-up
and resources, what does not grow with the files).  A second whole-process measurement,
labelled "language given", tells our CLI each file's language as dateparser is told it: one
`python -m timeline timex FILE... --lang CODE` process per language group, every process's
start-up counted; it is printed beside the first (where our CLI detects the language
itself), never instead of it.  Default files: the development corpora under
../shared/eval/*/articles.  Prints files/second for each and the ratio; `--repeat N` runs
the same timings N times and ends with the range of the ratios (the machine is shared).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline.document import Document  # noqa: E402
from timeline.pipeline import run  # noqa: E402
from timeline.temporal import tag_timexes  # noqa: E402


def _files(args: list[str]) -> list[Path]:
    paths = [Path(a) for a in args] or sorted((ROOT.parent / "shared" / "eval").glob("*/articles"))
    out: list[Path] = []
    for p in paths:
        out.extend(sorted(p.glob("*.txt")) if p.is_dir() else [p])
    return out


def _lang_of(path: Path, doc: Document) -> str:
    gold = path.parent.parent / "gold" / (path.stem + ".json")
    if gold.exists():
        return json.loads(gold.read_text(encoding="utf-8")).get("lang") or doc.lang or "en"
    return doc.lang or "en"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--limit", type=int, default=120, help="files to time (default 120, spread over the corpora)")
    ap.add_argument("--processes", action="store_true", help="also time whole processes, start-up included")
    ap.add_argument("--repeat", type=int, default=1, metavar="N", help="run the timings N times, then print the ratios' range")
    a = ap.parse_args()
    files = _files(a.paths)
    if a.limit and len(files) > a.limit:
        step = len(files) / a.limit
        files = [files[int(i * step)] for i in range(a.limit)]
    texts = [(f, f.read_text(encoding="utf-8")) for f in files]

    jobs = []
    for f, text in texts:
        doc = run(Document.from_text(text), until="language")
        jobs.append((_lang_of(f, doc), doc.published, text, text[doc.body_start :]))

    for lang in {job[0] for job in jobs}:  # warm-up: compile each language's resources once
        tag_timexes(Document.from_text("1", lang=lang))
    ratios: dict[str, list[float]] = {"in-process": [], "whole processes": [], "whole processes, language given": []}
    for _ in range(max(1, a.repeat)):
        ratios["in-process"].append(_in_process(texts, jobs))
        if a.processes:
            whole, given = _whole_processes(files, jobs)
            ratios["whole processes"].append(whole)
            ratios["whole processes, language given"].append(given)
    if a.repeat > 1:
        for name, rs in ratios.items():
            if rs:
                print(f"{name}: ratio {min(rs):.1f}x .. {max(rs):.1f}x over {len(rs)} runs ({', '.join(f'{r:.1f}' for r in rs)})")


def _in_process(texts: list, jobs: list[tuple]) -> float:
    t0 = time.process_time()
    ours = sum(len(tag_timexes(Document.from_text(text, lang=lang)).timexes) for lang, _, text, _ in jobs)
    t_ours = time.process_time() - t0

    from dateparser.search import search_dates

    search_dates("3 September 2025", languages=["en"])  # warm-up: dateparser's own loading
    t0 = time.process_time()
    theirs = 0
    for lang, published, _, body in jobs:
        settings = {"RELATIVE_BASE": datetime(published.year, published.month, published.day)} if published else {}
        theirs += len(search_dates(body, languages=[lang], settings=settings) or [])
    t_dp = time.process_time() - t0

    n = len(texts)
    print(f"files={n} (in-process, CPU time, language given to both)")
    print(f"ours        {n / t_ours:9.1f} files/s  ({t_ours:.2f} s, {ours} expressions)")
    print(f"dateparser  {n / t_dp:9.1f} files/s  ({t_dp:.2f} s, {theirs} expressions)")
    print(f"ratio       {t_dp / t_ours:9.1f}x")
    return t_dp / t_ours


_DATEPARSER_LOOP = """
import json, sys
from datetime import datetime
from dateparser.search import search_dates
for line in sys.stdin:
    lang, published, path = json.loads(line)
    body = open(path, encoding="utf-8").read().split("\\n", 1)[-1]
    settings = {"RELATIVE_BASE": datetime.fromisoformat(published)} if published else {}
    search_dates(body, languages=[lang], settings=settings)
"""


def _child_cpu(cmd: list[str], stdin: str | None = None) -> float:
    """CPU seconds (user + system) of one child process run to the end."""
    import resource
    import subprocess

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, cwd=ROOT, input=stdin, text=True, stdout=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _whole_processes(files: list[Path], jobs: list[tuple]) -> tuple[float, float]:
    n = len(files)
    t_ours = _child_cpu([sys.executable, "-m", "timeline", "timex", *map(str, files), "--format", "jsonl"])
    # the same, each file's language given as dateparser is given it: a process per language
    groups: dict[str, list[Path]] = {}
    for f, job in zip(files, jobs, strict=True):
        groups.setdefault(job[0], []).append(f)
    t_given = sum(
        _child_cpu([sys.executable, "-m", "timeline", "timex", *map(str, group), "--lang", lang, "--format", "jsonl"])
        for lang, group in groups.items()
    )
    # what does not grow with the files: interpreter, imports, each language's resources
    langs = {}
    for f, job in zip(files, jobs, strict=True):
        langs.setdefault(job[0], f)
    t_start = _child_cpu([sys.executable, "-m", "timeline", "timex", *map(str, langs.values()), "--format", "jsonl"])
    lines = "".join(
        json.dumps([lang, published.isoformat() if published else None, str(f)]) + "\n"
        for f, (lang, published, _, _) in zip(files, jobs, strict=True)
    )
    t_dp = _child_cpu([sys.executable, "-c", _DATEPARSER_LOOP], stdin=lines)
    print(f"whole processes, start-up included ({n} files, CPU s of each child):")
    print(f"ours (CLI)  {n / t_ours:9.1f} files/s  ({t_ours:.2f} s, language detected; one file per language ({len(langs)}), start-up included: {t_start:.2f} s)")
    print(f"dateparser  {n / t_dp:9.1f} files/s  ({t_dp:.2f} s, language given)")
    print(f"ratio       {t_dp / t_ours:9.1f}x")
    print(f"whole processes, language given to both ({n} files; ours: one CLI process per language with --lang, {len(groups)} start-ups):")
    print(f"ours (CLI)  {n / t_given:9.1f} files/s  ({t_given:.2f} s)")
    print(f"dateparser  {n / t_dp:9.1f} files/s  ({t_dp:.2f} s, the same run as above)")
    print(f"ratio       {t_dp / t_given:9.1f}x")
    return t_dp / t_ours, t_dp / t_given


if __name__ == "__main__":
    main()
