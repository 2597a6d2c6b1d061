"""Ingestion speed: a generated multilingual corpus (uk/ru/en) into a fresh SQLite file.

    .venv/bin/python bench/ingest_speed.py [--n 10000] [--form jsonl|folder] [--keep DIR]

Generates N short articles from templates with varied names, places, countries and dates,
writes them as one JSON Lines table (one input, one transaction) or as a folder of .txt
files (one transaction each), runs `ingest_inputs` once into a new SQLite database, and
prints articles per second and peak memory (ru_maxrss of the main process and of the
largest worker; tracemalloc's peak with --tracemalloc).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PEOPLE = {
    "uk": ["Ільхам Алієв", "Володимир Путін", "Джейхун Байрамов", "Сергій Лавров", "Марія Захарова", "Реджеп Ердоган", "Нікол Пашинян"],
    "ru": ["Ильхам Алиев", "Владимир Путин", "Джейхун Байрамов", "Сергей Лавров", "Мария Захарова", "Реджеп Эрдоган", "Никол Пашинян"],
    "en": ["Ilham Aliyev", "Vladimir Putin", "Jeyhun Bayramov", "Sergei Lavrov", "Maria Zakharova", "Recep Erdogan", "Nikol Pashinyan"],
}
PLACES = {
    "uk": ["Баку", "Москві", "Єкатеринбурзі", "Шуші", "Тбілісі", "Анкарі", "Єревані", "Душанбе"],
    "ru": ["Баку", "Москве", "Екатеринбурге", "Шуше", "Тбилиси", "Анкаре", "Ереване", "Душанбе"],
    "en": ["Baku", "Moscow", "Yekaterinburg", "Shusha", "Tbilisi", "Ankara", "Yerevan", "Dushanbe"],
}
COUNTRIES = {
    "uk": ["Азербайджану", "Росії", "Туреччини", "Вірменії", "Грузії", "Казахстану", "Китаю"],
    "ru": ["Азербайджана", "России", "Турции", "Армении", "Грузии", "Казахстана", "Китая"],
    "en": ["Azerbaijan", "Russia", "Turkey", "Armenia", "Georgia", "Kazakhstan", "China"],
}
MONTHS = {
    "uk": ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
}
TEMPLATES = {
    "uk": [
        "{d} {m} {y} року {p} зустрівся у {pl} з міністром закордонних справ {c}. Сторони обговорили співпрацю.",
        "У {pl} {d} {m} {y} року поліція затримала {k} громадян {c}. МЗС {c2} висловило протест.",
        "{p} заявив {d} {m}, що відносини з {c} залишаються складними. Раніше, у {y2} році, сторони підписали угоду.",
        "Вчора в {pl} відбувся форум за участі делегації {c}. {p} скасував візит, запланований на {m}.",
    ],
    "ru": [
        "{d} {m} {y} года {p} встретился в {pl} с министром иностранных дел {c}. Стороны обсудили сотрудничество.",
        "В {pl} {d} {m} {y} года полиция задержала {k} граждан {c}. МИД {c2} выразил протест.",
        "{p} заявил {d} {m}, что отношения с {c} остаются сложными. Ранее, в {y2} году, стороны подписали соглашение.",
        "Вчера в {pl} прошёл форум с участием делегации {c}. {p} отменил визит, запланированный на {m}.",
    ],
    "en": [
        "On {m} {d}, {y}, {p} met the foreign minister of {c} in {pl}. The sides discussed cooperation.",
        "Police in {pl} detained {k} citizens of {c} on {m} {d}, {y}. The foreign ministry of {c2} protested.",
        "{p} said on {m} {d} that relations with {c} remain difficult. Earlier, in {y2}, the sides signed an agreement.",
        "Yesterday a forum with a delegation from {c} took place in {pl}. {p} cancelled a visit planned for {m}.",
    ],
}


def generate(n: int, seed: int = 5) -> list[dict]:
    rnd = random.Random(seed)
    rows = []
    base = date(2020, 1, 1)
    for i in range(n):
        lang = ("uk", "ru", "en")[i % 3]
        published = base + timedelta(days=rnd.randrange(6 * 365))
        y = rnd.randrange(2001, published.year + 1)
        parts = []
        for _ in range(rnd.randint(2, 4)):
            t = rnd.choice(TEMPLATES[lang])
            parts.append(
                t.format(
                    d=rnd.randint(1, 28),
                    m=rnd.choice(MONTHS[lang]),
                    y=y,
                    y2=rnd.randrange(1995, y + 1),
                    p=rnd.choice(PEOPLE[lang]),
                    pl=rnd.choice(PLACES[lang]),
                    c=rnd.choice(COUNTRIES[lang]),
                    c2=rnd.choice(COUNTRIES[lang]),
                    k=rnd.randint(2, 40),
                )
            )
        text = " ".join(parts) + f" (#{i})"  # every article distinct
        title = parts[0].split(".")[0][:80]
        rows.append({"text": text, "published": published.isoformat(), "title": title, "url": f"https://example.org/{lang}/{i}", "lang": ""})
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--form", choices=["jsonl", "folder"], default="jsonl")
    ap.add_argument("--jobs", type=int, default=0, help="worker processes for extraction (default: as `ingest`, the cores up to 4)")
    ap.add_argument("--keep", metavar="DIR", help="keep the corpus and database here")
    ap.add_argument("--tracemalloc", action="store_true", help="also trace Python allocations (slows every process down, workers included)")
    ap.add_argument("--no-tracemalloc", action="store_true", help=argparse.SUPPRESS)  # the default now
    args = ap.parse_args(argv)

    from timeline.ingest import auto_jobs, ingest_inputs

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="litopys-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = generate(args.n)
    if args.form == "jsonl":
        src = work / "corpus.jsonl"
        with src.open("w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    else:
        src = work / "corpus"
        src.mkdir(exist_ok=True)
        for i, r in enumerate(rows):
            (src / f"{i:06d}.txt").write_text(f"date {r['published']} {r['title']}\n{r['text']}\n", encoding="utf-8")
    db = work / "bench.db"
    for f in (db, Path(str(db) + "-wal"), Path(str(db) + "-shm")):
        f.unlink(missing_ok=True)
    url = f"sqlite:///{db}"

    from timeline.storage import Store

    store_seconds = [0.0]
    real_add = Store.add_documents

    def timed_add(self, docs, source=None):  # how much of the time is the database's
        t = time.perf_counter()
        try:
            return real_add(self, docs, source)
        finally:
            store_seconds[0] += time.perf_counter() - t

    Store.add_documents = timed_add
    if args.tracemalloc:
        tracemalloc.start()
    t0 = time.perf_counter()
    jobs = args.jobs if args.jobs > 0 else auto_jobs()
    summary = ingest_inputs([str(src)], db_url=url, jobs=jobs)
    elapsed = time.perf_counter() - t0
    peak_traced = tracemalloc.get_traced_memory()[1] if args.tracemalloc else None
    maxrss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest worker

    print(summary.line())
    for f in summary.failures[:5]:
        print("  failure:", f)
    print(f"form={args.form} jobs={jobs} n={args.n} elapsed={elapsed:.1f}s articles/s={summary.articles / elapsed:.1f} events={summary.events + summary.merged}")
    print(f"storing (Store.add_documents) {store_seconds[0]:.1f}s, the rest (reading, extraction) {elapsed - store_seconds[0]:.1f}s")
    print(f"peak RSS={maxrss_mb:.0f} MB (largest worker {child_mb:.0f} MB)" + (f" tracemalloc peak={peak_traced / 1e6:.0f} MB" if peak_traced is not None else ""))
    print(f"database {db.stat().st_size / 1e6:.1f} MB")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if summary.articles == args.n else 1


if __name__ == "__main__":
    sys.exit(main())
