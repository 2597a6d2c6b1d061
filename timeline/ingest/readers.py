"""Inputs -> Documents: header-format text, plain .txt/.md, HTML, CSV/JSONL tables.

Each reader raises InputError (one line naming the input) on bad input and never
returns half a table: a table with a bad row is rejected whole.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import re
import stat
from datetime import date
from pathlib import Path

from ..document import Document
from ..errors import InputError
from .decode import check_size, decode_bytes

_MISSING = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)

TEXT_SUFFIXES = {".txt", ".md", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TABLE_SUFFIXES = {".csv", ".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
TABLE_COLUMNS = ("text", "published", "title", "url", "lang")
MIN_ARTICLE_LETTERS = 40  # less than this from a page is a menu or a cookie notice, not an article


_DMY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})\b")


def _parse_date(source: str, value) -> date | None:
    """A publication date: ISO (a date or the date part of a timestamp), or DD.MM.YYYY as
    Ukrainian and Russian sources write it."""
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    s = str(value).strip()
    try:
        m = _DMY.match(s)
        if m:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return date.fromisoformat(s[:10])
    except ValueError:
        raise InputError(source, f"bad publication date {value!r} (expected YYYY-MM-DD)") from None


def text_document(source: str, text: str, published=None, lang=None, title=None, url=None) -> Document:
    if not text.strip():
        raise InputError(source, "no text")
    return Document.from_text(
        text, published=_parse_date(source, published), lang=lang, title=title, url=url, path=source
    )


def html_document(source: str, html: str, published=None, lang=None, url=None) -> Document:
    """Main text through trafilatura, publication date through htmldate (unless given)."""
    import trafilatura

    try:
        body = trafilatura.extract(html, url=url, include_comments=False, favor_recall=True)
        meta = trafilatura.extract_metadata(html)
    except Exception as e:  # trafilatura raises assorted lxml errors on broken markup
        raise InputError(source, f"cannot parse HTML ({type(e).__name__})") from None
    if not body or sum(c.isalpha() for c in body) < MIN_ARTICLE_LETTERS:
        raise InputError(source, "no article text found in the HTML")
    title = meta.title if meta is not None and meta.title else None
    pub = _parse_date(source, published)
    if pub is None:
        from htmldate import find_date

        try:
            found = find_date(html, original_date=True, outputformat="%Y-%m-%d")
        except Exception:
            found = None
        pub = _parse_date(source, found) if found else None
    if lang is None and meta is not None and getattr(meta, "language", None):
        lang = meta.language.split("-")[0].lower()
    return Document.from_text(body, published=pub, lang=lang, title=title, url=url, path=source)


def table_documents(source: str, text: str, suffix: str, published=None, lang=None) -> list[Document]:
    rows: list[dict] = []
    if suffix == ".csv":
        reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
        header = [h.strip().lower() for h in (reader.fieldnames or [])]
        if "text" not in header:
            raise InputError(source, f"CSV has no 'text' column (columns: {', '.join(header) or 'none'})")
        for row in reader:
            rows.append({(k or "").strip().lower(): v for k, v in row.items()})
    else:
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(source, f"line {n}: not JSON ({e.msg})") from None
            if not isinstance(obj, dict) or "text" not in obj:
                raise InputError(source, f"line {n}: no 'text' field")
            rows.append(obj)
    if not rows:
        raise InputError(source, "table has no rows")
    docs = []
    for n, row in enumerate(rows, 1):
        where = f"{source} row {n}"
        docs.append(
            text_document(
                where,
                str(row.get("text") or ""),
                published=row.get("published") or published,
                lang=row.get("lang") or lang,
                title=row.get("title") or None,
                url=row.get("url") or None,
            )
        )
    return docs


def read_file_documents(path: str, published=None, lang=None, allow_private: bool = False) -> list[Document]:
    """Read one file into its documents (a table gives several)."""
    p = Path(path)
    try:  # one stat answers exists, is_dir and the size (Path.exists/is_dir each make their own)
        st = p.stat()
    except ValueError:  # a NUL in the name: Path.exists says no
        raise InputError(path, "no such file") from None
    except OSError as e:
        if e.errno in _MISSING:  # what Path.exists takes for "does not exist"
            raise InputError(path, "no such file") from None
        raise InputError(path[:200], f"not a usable file name ({e.strerror or e})") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(path, "is a folder (use `ingest` to walk folders)")
    try:
        check_size(path, st.st_size)
        data = p.read_bytes()
    except OSError as e:
        raise InputError(path, e.strerror or "cannot read") from None
    return bytes_documents(path, data, p.suffix.lower(), published=published, lang=lang, allow_private=allow_private)


def bytes_documents(
    source: str, data: bytes, suffix: str, published=None, lang=None, allow_private: bool = False, charset: str | None = None, url: str | None = None
) -> list[Document]:
    """The documents of one input's bytes, read by its suffix (or its content when the suffix says nothing)."""
    suffix = (suffix or "").lower()
    check_size(source, len(data))
    if suffix in FEED_SUFFIXES or (suffix not in TABLE_SUFFIXES | HTML_SUFFIXES and _looks_like_feed(data)):
        from .feeds import feed_documents

        return feed_documents(source, data, published=published, lang=lang, allow_private=allow_private)
    text = decode_bytes(source, data, charset=charset)
    if suffix in HTML_SUFFIXES or (suffix not in TABLE_SUFFIXES and _looks_like_html(text)):
        return [html_document(source, text, published=published, lang=lang, url=url)]
    if suffix in TABLE_SUFFIXES:
        return table_documents(source, text, ".csv" if suffix == ".csv" else ".jsonl", published, lang)
    return [text_document(source, text, published=published, lang=lang, url=url)]


def _looks_like_html(text: str) -> bool:
    head = text.lstrip("\ufeff \t\r\n")[:300].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<html" in head and head.startswith("<"))


def _looks_like_feed(data: bytes) -> bool:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if not head.startswith(b"<"):
        return False
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head
