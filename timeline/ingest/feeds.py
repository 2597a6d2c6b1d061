"""RSS/Atom feeds -> documents, one per entry.

Each entry's link is fetched (under the same URL rules as any URL) and its main text
extracted; when that fails (unreachable, refused, no article text) the entry's own content
or summary is used. The entry's published (else updated) date is the publication date
unless the user gave one. A feed whose entries hold no text at all is a bad input.
"""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

from ..document import Document
from ..errors import InputError

MAX_ENTRIES = 500
MAX_FAILED_FETCHES = 3


class _Text(HTMLParser):
    _BLOCK = {"p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's summary), paragraphs on their own lines."""
    p = _Text()
    p.feed(fragment)
    p.close()
    lines = (" ".join(line.split()) for line in "".join(p.parts).splitlines())
    return "\n".join(line for line in lines if line)


def _entry_date(entry) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(key)
        if t:
            try:
                return date(t.tm_year, t.tm_mon, t.tm_mday)
            except ValueError:
                continue
    return None


def _entry_text(entry) -> str:
    best = ""
    for c in entry.get("content") or []:
        v = c.get("value") or ""
        if len(v) > len(best):
            best = v
    if len(entry.get("summary") or "") > len(best):
        best = entry.get("summary") or ""
    return html_to_text(best) if "<" in best else " ".join(best.split())


def feed_documents(source: str, data: bytes, published=None, lang=None, allow_private: bool = False, fetch_links: bool = True) -> list[Document]:
    import feedparser

    from .readers import _parse_date, html_document, text_document

    # bytes only: feedparser given a string would fetch it itself, past our URL rules
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    if not parsed.get("version"):
        exc = parsed.get("bozo_exception")
        why = f" ({type(exc).__name__})" if exc is not None and not parsed.entries else ""
        raise InputError(source, f"not an RSS/Atom feed{why}")
    if not parsed.entries:
        raise InputError(source, "feed has no entries")
    pub_given = _parse_date(source, published)
    feed_lang = (parsed.feed.get("language") or "").split("-")[0].lower() or None
    docs: list[Document] = []
    seen: set[str] = set()
    fetched = failed = 0
    for n, entry in enumerate(parsed.entries[:MAX_ENTRIES], 1):
        where = f"{source} entry {n}"
        link = entry.get("link") or None
        title = " ".join((entry.get("title") or "").split()) or None
        pub = pub_given or _entry_date(entry)
        entry_lang = lang or feed_lang
        doc = None
        # a site that is down would cost a timeout per entry: after MAX_FAILED_FETCHES failures
        # without one success, the remaining entries use their own text straight away
        if fetch_links and link and link.lower().startswith(("http://", "https://")) and (fetched or failed < MAX_FAILED_FETCHES):
            doc = _fetched(link, where, pub, entry_lang, title, allow_private, html_document)
            if doc is None:
                failed += 1
            else:
                fetched += 1
        if doc is None:
            text = _entry_text(entry)
            if not text.strip():
                continue  # neither the page nor the entry gives text
            doc = text_document(where, text, published=pub, lang=entry_lang, title=title, url=link)
        if doc.article_id in seen:
            continue
        seen.add(doc.article_id)
        docs.append(doc)
    if not docs:
        raise InputError(source, "no entry of the feed has text (links unreachable and no summaries)")
    return docs


def _fetched(link, where, pub, lang, title, allow_private, html_document) -> Document | None:
    """The linked page's article, or None (the caller falls back to the entry's text)."""
    from .decode import decode_bytes
    from .fetch import fetch

    try:
        r = fetch(link, allow_private=allow_private)
        if r.content_type not in ("text/html", "application/xhtml+xml"):
            return None
        html = decode_bytes(link, r.data, charset=r.charset)
        doc = html_document(where, html, published=pub, lang=lang, url=r.final_url)
    except InputError:
        return None
    if title and not doc.title:
        doc.title = title
    return doc
