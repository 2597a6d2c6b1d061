"""Ingestion: inputs (files, folders, URLs, feeds) -> documents -> pipeline -> store.

Each input is stored in one transaction; a failed input leaves nothing behind and the
other inputs are still processed.  `ingest_inputs` is what the CLI and the dashboard call.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..document import Document
from ..errors import InputError
from .readers import (
    FEED_SUFFIXES,
    HTML_SUFFIXES,
    TABLE_SUFFIXES,
    TEXT_SUFFIXES,
    bytes_documents,
    read_file_documents,
    text_document,
)

WALKED_SUFFIXES = (TEXT_SUFFIXES - {""}) | HTML_SUFFIXES | TABLE_SUFFIXES | FEED_SUFFIXES


@dataclass
class Summary:
    inputs: int = 0
    articles: int = 0
    events: int = 0
    merged: int = 0
    duplicates: int = 0
    failures: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"ingested {self.articles} articles, {self.events} new events ({self.merged} merged into known events), "
            f"{self.duplicates} duplicates skipped, {len(self.failures)} failed, from {self.inputs} inputs"
        )


def is_url(s: str) -> bool:
    return "://" in s[:12]


def _is_dir(p: Path) -> bool:
    try:
        return p.is_dir()
    except (OSError, ValueError):  # a name too long, a NUL byte...: not a folder; reading it reports why
        return False


def expand_inputs(inputs: Iterable[str]) -> list[str]:
    """Folders are walked (sorted, hidden files skipped); URLs and files pass through."""
    out: list[str] = []
    for item in inputs:
        p = Path(item)
        if not is_url(item) and _is_dir(p):
            found = []
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p)
                if f.is_file() and f.suffix.lower() in WALKED_SUFFIXES and not any(x.startswith(".") for x in rel.parts):
                    found.append(str(f))
            out.extend(found or [item])  # an empty folder stays, to be reported
        else:
            out.append(item)
    return out


def documents_of(item: str, published=None, lang=None, allow_private: bool = False) -> list[Document]:
    if is_url(item):
        from .fetch import url_documents

        return url_documents(item, published=published, lang=lang, allow_private=allow_private)
    if _is_dir(Path(item)):
        kinds = ", ".join(sorted(WALKED_SUFFIXES))
        raise InputError(item, f"folder holds no articles (looked for {kinds})")
    return read_file_documents(item, published=published, lang=lang, allow_private=allow_private)


def _fresh(store, docs: list[Document], summary: Summary) -> list[Document]:
    """The documents whose text is not stored yet (one query for the whole input)."""
    known = store.known_articles(d.article_id for d in docs)
    fresh, seen = [], set()
    for d in docs:
        if d.article_id in known or d.article_id in seen:
            summary.duplicates += 1
        else:
            seen.add(d.article_id)
            fresh.append(d)
    return fresh


def _store_run(store, done: list, source: str, summary: Summary) -> None:
    """Documents through every stage -> the store, in one transaction."""
    if not done:
        return
    from sqlalchemy.exc import IntegrityError  # here, so that reading files never imports the database layer

    try:
        results = store.add_documents(done, source)
    except IntegrityError:  # another process stored the same text meanwhile: once more, it is a duplicate now
        results = store.add_documents(done, source)
    for r in results:
        if r.added:
            summary.articles += 1
            summary.events += r.events_added
            summary.merged += r.events_merged
        else:
            summary.duplicates += 1


def ingest_documents(store, docs: list[Document], source: str, summary: Summary, jobs: int = 1) -> None:
    """Extract and store one input's documents in one transaction; known texts are skipped
    before extraction. A large table is extracted by `jobs` worker processes."""
    fresh = _fresh(store, docs, summary)
    if jobs > 1 and len(fresh) >= PARALLEL_MIN:
        store.engine.dispose()  # no open connection may be shared with the workers
    _store_run(store, _run_docs(fresh, jobs), source, summary)


# -- extraction in worker processes -----------------------------------------------------------
# The stages are CPU-bound pure functions of a document, so large ingests spread them over
# processes (fork: the workers share the parent's loaded resources). Storing stays in the parent,
# in input order, one transaction per input: the database gets what a serial run would give.

PARALLEL_MIN = 16  # documents in a table, or inputs in a run, before workers are worth starting


def auto_jobs() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def _executor(jobs: int):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"))


def _extract(doc: Document):
    """Every stage, then only what the store keeps (a large table is held whole until its commit)."""
    from ..pipeline import run
    from ..storage import Prepared

    return Prepared.of(run(doc))


def _run_docs(docs: list[Document], jobs: int) -> list:
    if jobs <= 1 or len(docs) < PARALLEL_MIN:
        return [_extract(d) for d in docs]
    first = _extract(docs[0])  # loads every stage's resources before forking, so workers share them
    ex = _executor(jobs)
    if ex is None:
        return [first] + [_extract(d) for d in docs[1:]]
    with ex:
        rest = list(ex.map(_extract, docs[1:], chunksize=max(1, min(32, len(docs) // (jobs * 8)))))
    return [first, *rest]


_WORKER_STORE = None


def _prepare(task) -> tuple[list, int, str | None]:
    """In a worker: read one input, drop known texts, run the stages. Never raises."""
    global _WORKER_STORE
    from ..storage import Store

    item, url, published, lang, allow_private = task
    try:
        docs = documents_of(item, published=published, lang=lang, allow_private=allow_private)
        if _WORKER_STORE is None:
            _WORKER_STORE = Store(url)
        tally = Summary()
        fresh = _fresh(_WORKER_STORE, docs, tally)
        return [_extract(d) for d in fresh], tally.duplicates, None
    except InputError as e:
        return [], 0, str(e).replace("\n", " ")
    except Exception as e:  # never a traceback for bad input
        return [], 0, f"{item}: {type(e).__name__}: {e}".replace("\n", " ")


def ingest_inputs(
    inputs: Iterable[str],
    db_url: str | None = None,
    store=None,
    published=None,
    lang=None,
    allow_private: bool = False,
    progress: bool = False,
    on_error: Callable[[str], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    jobs: int = 1,
) -> Summary:
    """Ingest files, folders (walked), URLs and feeds; one transaction per input.

    `jobs` > 1 extracts in that many worker processes when there is enough work (the CLI
    passes the number of cores); the database sees the same writes in the same order.
    """
    if store is None:
        from ..storage import Store

        store = Store(db_url)
    items = expand_inputs(inputs)
    summary = Summary(inputs=len(items))
    bar = progress and len(items) > 3 and sys.stderr.isatty()

    def tick(i: int, item: str) -> None:
        if on_progress:
            on_progress(i, len(items), item)
        if bar:
            done = int(30 * i / len(items))
            sys.stderr.write(f"\r[{'#' * done}{'.' * (30 - done)}] {i}/{len(items)}")
            if i == len(items):
                sys.stderr.write("\n")
            sys.stderr.flush()

    def fail(msg: str) -> None:
        summary.failures.append(msg)
        if on_error:
            on_error(msg)

    def serial(i: int, item: str) -> None:
        _ingest_one(store, item, lambda: documents_of(item, published=published, lang=lang, allow_private=allow_private), summary, on_error, jobs=jobs)
        tick(i, item)

    parallel = jobs > 1 and len(items) >= PARALLEL_MIN and ":memory:" not in str(store.url)
    if not parallel:
        for i, item in enumerate(items, 1):
            serial(i, item)
        return summary

    serial(1, items[0])  # the first input loads the stages' resources before the workers fork
    store.engine.dispose()  # no open connection may be shared with the workers
    ex = _executor(jobs)
    done_upto = 1
    if ex is not None:
        from concurrent.futures.process import BrokenProcessPool

        tasks = [(item, store.url, published, lang, allow_private) for item in items[1:]]
        try:
            with ex:
                for i, (docs, dups, err) in enumerate(ex.map(_prepare, tasks, chunksize=4), 2):
                    item = items[i - 1]
                    summary.duplicates += dups
                    if err:
                        fail(err)
                    else:
                        _ingest_one(store, item, lambda docs=docs: docs, summary, on_error, prepared=True)
                    done_upto = i
                    tick(i, item)
        except BrokenProcessPool:  # a worker died (out of memory?): the rest is done here
            pass
    for i in range(done_upto + 1, len(items) + 1):
        serial(i, items[i - 1])
    return summary


def _ingest_one(
    store, source: str, make_docs: Callable[[], list[Document]], summary: Summary, on_error=None, jobs: int = 1, prepared: bool = False
) -> None:
    """One input: its documents in one transaction; any failure becomes one line in the summary.
    `prepared`: the documents went through the stages already (in a worker)."""
    try:
        if prepared:
            _store_run(store, make_docs(), source, summary)
        else:
            ingest_documents(store, make_docs(), source, summary, jobs=jobs)
    except InputError as e:
        msg = str(e).replace("\n", " ")
        summary.failures.append(msg)
        if on_error:
            on_error(msg)
    except Exception as e:  # never a traceback for bad input
        msg = f"{source}: {type(e).__name__}: {e}".replace("\n", " ")
        summary.failures.append(msg)
        if on_error:
            on_error(msg)


def ingest_text(store, text: str, published=None, title=None, lang=None, url=None, source: str = "pasted text") -> Summary:
    """Pasted text (the dashboard's text box): one article; a `date YYYY-MM-DD Title` header works too."""
    summary = Summary(inputs=1)
    _ingest_one(
        store,
        source,
        lambda: [text_document(source, text or "", published=published, lang=lang or None, title=title or None, url=url or None)],
        summary,
    )
    return summary


def ingest_upload(store, filename: str, data: bytes, published=None, lang=None, allow_private: bool = False) -> Summary:
    """An uploaded file, read by its suffix like a file on disk (.txt/.md/.html/.csv/.jsonl/.rss/.xml)."""
    name = Path(filename or "upload").name or "upload"
    summary = Summary(inputs=1)
    _ingest_one(
        store,
        name,
        lambda: bytes_documents(name, data or b"", Path(name).suffix, published=published, lang=lang or None, allow_private=allow_private),
        summary,
    )
    return summary
