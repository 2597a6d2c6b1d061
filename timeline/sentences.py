"""Sentence stage: split the title and the body into sentences with their offsets.

Paragraph breaks always end a sentence; inside a paragraph a sentence ends at . ! ? …
followed by space and an upper-case letter, a quote or a digit, unless the word before the
stop is a known abbreviation (per-language data, `abbreviations.toml`) or a single initial.

Quoted speech stays with its attribution: a stop inside a quotation does not end the
sentence when the quotation is attributed right after it (`"... ! ... ", — сказав він`,
`"... . ...," he said`) or right before it (`Він сказав: «... . ...»`), since the reporting
verb outside the quote is what the sentence reports.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from .document import Document, Sentence
from .lang import languages, resource

_PARA = re.compile(r"\n\s*\n|\r\n\s*\r\n")
# the next sentence starts with a capital of any alphabet (Ö, Ł, İ too: checked in code) or a digit
_STOP = re.compile(r"([.!?…]+)([\"»”')\]]*)(\s+)(?=[\"«„“(\[—–-]?\s*(\w))")
_LAST_WORD_REVERSED = re.compile(r"\W*(\w+)")  # the last word, read from the end
_LINE_BREAK = re.compile(r"\n")
_NOT_SPACE = re.compile(r"\S")
_BREAK = re.compile(r"[.!?…\n\r]")  # what a sentence boundary needs: a stop (_STOP) or a line break


@cache
def _abbreviations() -> frozenset[str]:
    abbr: set[str] = set()
    for code in languages():
        abbr.update(a.lower().rstrip(".") for a in resource(code, "abbreviations").get("abbreviations", []))
    return frozenset(abbr)


_CLOSERS = {"«": "»", "„": "“”", "“": "”", '"': '"'}
_QUOTE_CHAR = re.compile("[" + re.escape("".join(sorted(set(_CLOSERS) | set("".join(_CLOSERS.values()))))) + "]")
# after the closing quote: a comma and/or a dash, then the attribution in lower case
_ATTRIB_AFTER = re.compile(r"^\s*(?:,\s*[—–-]+|[—–-]+|,)\s*[a-zа-яіїєґё]")
_ATTRIB_LOWER = re.compile(r"^\s+[a-zа-яіїєґё]")  # `"... ?" he asked`, `"... ," she said`


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(open, close) indices of top-level quotations; an unclosed quote is ignored."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for m in _QUOTE_CHAR.finditer(text):  # only quote characters matter: skip the rest in C
        i, ch = m.start(), m.group()
        if stack and ch in stack[-1][0]:
            closers, o = stack.pop()
            if not stack:
                spans.append((o, i))
        elif ch in _CLOSERS:
            if ch == '"' and i > 0 and (text[i - 1].isalnum()) and not stack:
                continue  # an inch mark or a stray quote glued to a word
            stack.append((_CLOSERS[ch], i))
    return spans


def _attributed(text: str, pos: int, spans: list[tuple[int, int]]) -> bool:
    """The stop at `pos` sits inside a quotation attributed right before or after it."""
    for o, c in spans:
        if o < pos < c:
            after = text[c + 1 :]
            return bool(
                _ATTRIB_AFTER.match(after)
                or (text[c - 1] in ",!?…" and _ATTRIB_LOWER.match(after))
                or _colon_before(text, o)
            )
    return False


def _colon_before(text: str, pos: int) -> bool:
    """text[:pos] ends with a colon and maybe spaces (`Він сказав: «...»`)."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos > 0 and text[pos - 1] == ":"


def _last_word(text: str, start: int, end: int) -> str:
    r"""The last run of word characters in text[start:end] ("" when none); reading the
    reversed slice from its start is linear, a search for `(\w+)\W*$` is not."""
    m = _LAST_WORD_REVERSED.match(text[end - 1 : start - 1 if start else None : -1]) if end > start else None
    return m.group(1)[::-1] if m else ""


@cache
def _ordinal_dot(lang: str | None) -> bool:
    """The language writes ordinal numbers with a stop ("am 3. September", "3. miejsce")."""
    return bool(lang) and bool(resource(lang, "language").get("ordinal_dot"))


def _day_number_before(text: str, start: int, end: int) -> bool:
    """text[start:end] ends with a number of one or two digits standing alone ("am 3")."""
    k = end
    while k > start and text[k - 1].isdigit():
        k -= 1
    return 1 <= end - k <= 2 and (k == start or not text[k - 1].isalnum())


def _split_paragraph(text: str, offset: int, lang: str | None = None) -> list[Sentence]:
    out: list[Sentence] = []
    start = 0
    abbr = _abbreviations()
    ordinal = _ordinal_dot(lang)
    spans = quote_spans(text)
    for m in _STOP.finditer(text):
        first = m.group(4)
        if not (first.isupper() or first.isdigit()):
            continue
        if _attributed(text, m.start(), spans):
            continue
        if m.group(1) == ".":
            word = _last_word(text, start, m.start())
            if word.lower() in abbr or (len(word) == 1 and word.isupper()):
                continue
            if ordinal and _day_number_before(text, start, m.start()):
                continue
        _add(out, text, start, m.end(2), offset)
        start = m.end()
    _add(out, text, start, len(text), offset)
    return out


def _add(out: list[Sentence], text: str, start: int, end: int, offset: int) -> None:
    """text[start:end] as a sentence unless it is blank, trimmed of surrounding whitespace
    so that `sentence` is verbatim and its offsets slice to it."""
    chunk = text[start:end]
    body = chunk.strip()
    if body:
        start += len(chunk) - len(chunk.lstrip())
        out.append(Sentence(offset + start, offset + start + len(body), body))


def split_text(text: str, offset: int = 0, lang: str | None = None) -> list[Sentence]:
    out: list[Sentence] = []
    for start, end in _paragraphs(text):
        out.extend(_split_chunk(text, start, end, offset, lang))
    return out


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: no sentence crosses a paragraph break."""
    spans, pos = [], 0
    for m in _PARA.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return spans


def _split_chunk(text: str, start: int, end: int, offset: int, lang: str | None) -> list[Sentence]:
    chunk = text[start:end]
    out: list[Sentence] = []
    for line_start, line in _lines(chunk):
        out.extend(_split_paragraph(line, offset + start + line_start, lang))
    return out


def _lines(chunk: str):
    # a single newline ends a sentence when the line has no closing stop but the next
    # line starts anew (headings, list items); otherwise it is a soft wrap
    start = 0
    for m in _LINE_BREAK.finditer(chunk):
        before = chunk[start : m.start()].rstrip()
        if before and not before.endswith((",", ";", ":", "-", "—")):
            nxt = _NOT_SPACE.search(chunk, m.end())  # the next line's first character
            if nxt is None or not nxt.group().islower():
                yield start, chunk[start : m.start()]
                start = m.end()
    yield start, chunk[start:]


class SentenceIndex:
    """The sentence around an offset of a document: its sentences when they are split, else
    only the paragraph asked about is split (once), as split_sentences would split it.  The
    temporal stage needs the sentences of a few expressions, not a document's every one."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.split: list[Sentence] | None = doc.sentences or None
        self.starts = [s.start for s in self.split] if self.split else []
        self.title = Sentence(*doc.title_span, doc.text[slice(*doc.title_span)]) if doc.title_span else None
        self.paragraphs: list[tuple[int, int]] | None = None  # in body offsets
        self.done: dict[int, tuple[list[int], list[Sentence]]] = {}

    def clip(self, lo: int, hi: int, pos: int) -> tuple[int, int]:
        """text[lo:hi] cut to the sentence holding offset `pos` (not cut when it is in none).

        Nothing is split when no sentence boundary can fall inside: a boundary needs a stop
        or a line break before the next sentence's first character, and white space before
        it is trimmed off; so with none of those in text[lo - 1 : hi + 1], a letter or digit
        at lo - 1 and no white space at hi, one sentence runs over the whole window."""
        text, body = self.doc.text, self.doc.body_start
        if body < lo and hi < len(text) and text[lo - 1].isalnum() and not text[hi].isspace() and not _BREAK.search(text, lo - 1, hi + 1):
            return lo, hi
        s = self.at(pos)
        return (lo, hi) if s is None else (max(lo, s.start), min(hi, s.end))

    def at(self, pos: int) -> Sentence | None:
        """The sentence holding offset `pos`, None when it is between sentences."""
        if self.split is not None:
            i = bisect_right(self.starts, pos) - 1
            return self.split[i] if i >= 0 and pos < self.split[i].end else None
        if self.title and self.title.start <= pos < self.title.end:
            return self.title
        doc = self.doc
        rel = pos - doc.body_start
        if rel < 0:
            return None
        body = doc.text[doc.body_start :]
        if self.paragraphs is None:
            self.paragraphs = _paragraphs(body)
        k = bisect_right(self.paragraphs, (rel, len(body) + 1)) - 1
        if k < 0 or rel >= self.paragraphs[k][1]:
            return None
        if k not in self.done:
            sents = _split_chunk(body, *self.paragraphs[k], doc.body_start, doc.lang)
            self.done[k] = ([s.start for s in sents], sents)
        starts, sents = self.done[k]
        i = bisect_right(starts, pos) - 1
        return sents[i] if i >= 0 and pos < sents[i].end else None


def split_sentences(doc: Document) -> Document:
    sents: list[Sentence] = []
    if doc.title_span:
        s, e = doc.title_span
        sents.append(Sentence(s, e, doc.text[s:e]))
    sents.extend(split_text(doc.text[doc.body_start :], doc.body_start, doc.lang))
    doc.sentences = sents
    return doc
