"""`python -m timeline ...`: the contract's command line.

Every subcommand processes every input it is given; a bad one is reported on stderr in
one line naming it (no traceback) and makes the exit status 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from . import __version__
from .errors import InputError


def _iso_date(s: str) -> str:
    try:
        date.fromisoformat(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {s!r}") from None
    return s


def _add_common(p: argparse.ArgumentParser, published: bool = True) -> None:
    if published:
        p.add_argument("--published", type=_iso_date, help="publication date YYYY-MM-DD (overrides a header)")
    p.add_argument("--lang", help="language code (default: detected); uk, ru and en are fully supported")


def _default_db() -> str:
    from .storage import default_db_url

    return default_db_url()


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="python -m timeline",
        description="Litopys: news articles in several languages -> an event timeline.",
    )
    ap.add_argument("--version", action="version", version=f"Litopys {__version__}")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("timex", help="temporal expressions, one JSON object a line")
    p.add_argument("files", nargs="+", metavar="FILE")
    _add_common(p)
    p.add_argument("--format", choices=["jsonl"], default="jsonl")

    p = sub.add_parser("entities", help="countries, places, people and organisations, one JSON object a line")
    p.add_argument("files", nargs="+", metavar="FILE")
    _add_common(p, published=False)
    p.add_argument("--format", choices=["jsonl"], default="jsonl")

    p = sub.add_parser("extract", help="events of the files, without storing them")
    p.add_argument("files", nargs="+", metavar="FILE")
    _add_common(p)
    p.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")

    p = sub.add_parser("ingest", help="extract and store; folders are walked; re-ingesting adds nothing")
    p.add_argument("inputs", nargs="+", metavar="PATH_OR_URL")
    p.add_argument("--db", help="database URL (default: $TIMELINE_DB_URL or sqlite:///data/timeline.db)")
    _add_common(p)
    p.add_argument("--allow-private", action="store_true", help="allow URLs on loopback/private addresses")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--jobs", type=int, default=0, metavar="N", help="worker processes for extraction (default: the number of cores, up to 4; 1: none)")

    p = sub.add_parser("export", help="the stored events that pass the filters")
    p.add_argument("--db", help="database URL (default: $TIMELINE_DB_URL or sqlite:///data/timeline.db)")
    p.add_argument("--country", action="append", default=[], metavar="ISO3")
    p.add_argument("--actor", action="append", default=[], metavar="NAME")
    p.add_argument("--type", action="append", default=[], metavar="TYPE", dest="types")
    p.add_argument("--since", type=_iso_date, metavar="DATE")
    p.add_argument("--until", type=_iso_date, metavar="DATE")
    p.add_argument("--query", metavar="TEXT")
    p.add_argument("--format", choices=["csv", "jsonl", "timelinejs"], default="csv")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    return ap


def _err(msg: str) -> None:
    print(msg.replace("\n", " "), file=sys.stderr)


def _documents(files, published, lang):
    """Yield (name, Document | None) reading each file; errors are reported and yield None."""
    from .ingest.readers import read_file_documents

    for name in files:
        try:
            docs = read_file_documents(name, published=published, lang=lang)
        except InputError as e:
            _err(str(e))
            yield name, None
            continue
        for doc in docs:
            yield name, doc


# json.dumps(obj, ensure_ascii=False) builds this encoder anew at every call
_JSON_LINE = json.JSONEncoder(ensure_ascii=False).encode


def cmd_timex(args) -> int:
    from .pipeline import run, tag_timexes

    failed = 0
    out = sys.stdout
    for name, doc in _documents(args.files, args.published, args.lang):
        if doc is None:
            failed += 1
            continue
        # not the sentences stage: the temporal one splits only the paragraphs it asks about
        # (sentences.SentenceIndex), the same sentences; the full list is for later stages
        doc = tag_timexes(run(doc, until="language"))
        # {"file": name, **t.to_dict()} as JSON, the file's name encoded once, not per line
        head = '{"file": ' + _JSON_LINE(name) + ", "
        out.write("".join(head + _JSON_LINE(t.to_dict())[1:] + "\n" for t in doc.timexes))
    return 1 if failed else 0


def cmd_entities(args) -> int:
    from .pipeline import run

    failed = 0
    for name, doc in _documents(args.files, None, args.lang):
        if doc is None:
            failed += 1
            continue
        doc = run(doc, until="entities")
        for e in doc.entities:
            sys.stdout.write(_JSON_LINE({"file": name, **e.to_dict()}) + "\n")
    return 1 if failed else 0


def cmd_extract(args) -> int:
    from .export import write_events
    from .pipeline import run

    failed = 0
    records = []
    for _name, doc in _documents(args.files, args.published, args.lang):
        if doc is None:
            failed += 1
            continue
        records.extend(e.to_record() for e in run(doc).events)
    write_events(records, args.format, args.output)
    return 1 if failed else 0


def _open_store(url: str, must_exist: bool = False):
    """The Store at `url`; a database that cannot be opened is one line (password hidden), exit 2.
    `must_exist`: reading from a SQLite file that is not there is a typo, not an empty timeline."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, SQLAlchemyError

    from .storage import Store

    try:
        shown = make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        raise DatabaseError(f"--db {url}: not a database URL (e.g. sqlite:///data/timeline.db or postgresql+psycopg://user@host/db)") from None
    if must_exist and url.startswith("sqlite:///") and ":memory:" not in url:
        from pathlib import Path

        if not Path(url[len("sqlite:///") :]).is_file():
            raise DatabaseError(f"--db {shown}: no such database file")
    try:
        return Store(url)
    except (SQLAlchemyError, OSError, ImportError) as e:
        reason = str(getattr(e, "orig", None) or e).strip().splitlines()
        raise DatabaseError(f"--db {shown}: cannot open the database ({reason[0] if reason else type(e).__name__})") from None


class DatabaseError(Exception):
    pass


def cmd_ingest(args) -> int:
    from .ingest import auto_jobs, ingest_inputs

    store = _open_store(args.db or _default_db())
    summary = ingest_inputs(
        args.inputs,
        store=store,
        published=args.published,
        lang=args.lang,
        allow_private=args.allow_private,
        progress=not args.quiet,
        on_error=_err,
        jobs=args.jobs if args.jobs > 0 else auto_jobs(),
    )
    print(summary.line())
    return 1 if summary.failures else 0


def cmd_export(args) -> int:
    from .export import export_meta, write_events
    from .filters import Filters

    flt = Filters(
        countries=args.country,
        actors=args.actor,
        types=args.types,
        since=args.since,
        until=args.until,
        query=args.query or "",
    )
    store = _open_store(args.db or _default_db(), must_exist=True)
    df = flt.apply(store.events_frame())
    records = df.to_dict("records")
    others = store.other_sources(r["event_id"] for r in records)
    for r in records:
        r["sources"] = others.get(r["event_id"], [])
    meta = export_meta(flt, len(records), fmt=args.format)
    write_events(records, args.format, args.output, meta=meta)
    return 0


COMMANDS = {
    "timex": cmd_timex,
    "entities": cmd_entities,
    "extract": cmd_extract,
    "ingest": cmd_ingest,
    "export": cmd_export,
}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except InputError as e:
        _err(str(e))
        return 1
    except DatabaseError as e:
        _err(str(e))
        return 2
    except BrokenPipeError:  # `| head` closed the pipe: not an error of ours
        return 0
    except KeyboardInterrupt:
        return 130
