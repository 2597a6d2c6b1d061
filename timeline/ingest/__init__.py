"""Ingestion: inputs (files, folders, URLs, feeds) -> documents -> pipeline -> store.

Each input is stored in one transaction; a failed input leaves nothing behind and the
other inputs are still processed.  `ingest_inputs` is what the CLI and the dashboard call.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import IntegrityError

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


def expand_inputs(inputs: Iterable[str]) -> list[str]:
    """Folders are walked (sorted, hidden files skipped); URLs and files pass through."""
    out: list[str] = []
    for item in inputs:
        p = Path(item)
        if not is_url(item) and p.is_dir():
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
    if Path(item).is_dir():
        kinds = ", ".join(sorted(WALKED_SUFFIXES))
        raise InputError(item, f"folder holds no articles (looked for {kinds})")
    return read_file_documents(item, published=published, lang=lang, allow_private=allow_private)


def ingest_documents(store, docs: list[Document], source: str, summary: Summary) -> None:
    """Extract and store one input's documents in one transaction; known texts are skipped
    before extraction (one query for the whole input, not one per document)."""
    from ..pipeline import run

    known = store.known_articles(d.article_id for d in docs)
    fresh, seen = [], set()
    for d in docs:
        if d.article_id in known or d.article_id in seen:
            summary.duplicates += 1
        else:
            seen.add(d.article_id)
            fresh.append(d)
    if not fresh:
        return
    done = [run(d) for d in fresh]
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
) -> Summary:
    if store is None:
        from ..storage import Store

        store = Store(db_url)
    items = expand_inputs(inputs)
    summary = Summary(inputs=len(items))
    bar = progress and len(items) > 3 and sys.stderr.isatty()
    for i, item in enumerate(items, 1):
        _ingest_one(
            store,
            item,
            lambda item=item: documents_of(item, published=published, lang=lang, allow_private=allow_private),
            summary,
            on_error,
        )
        if on_progress:
            on_progress(i, len(items), item)
        if bar:
            done = int(30 * i / len(items))
            sys.stderr.write(f"\r[{'#' * done}{'.' * (30 - done)}] {i}/{len(items)}")
            if i == len(items):
                sys.stderr.write("\n")
    return summary


def _ingest_one(store, source: str, make_docs: Callable[[], list[Document]], summary: Summary, on_error=None) -> None:
    """One input: its documents in one transaction; any failure becomes one line in the summary."""
    try:
        ingest_documents(store, make_docs(), source, summary)
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
