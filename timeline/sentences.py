"""Sentence stage: split the title and the body into sentences with their offsets.

Paragraph breaks always end a sentence; inside a paragraph a sentence ends at . ! ? …
followed by space and an upper-case letter, a quote or a digit, unless the word before the
stop is a known abbreviation (per-language data, `abbreviations.toml`) or a single initial.
"""

from __future__ import annotations

import re
from functools import cache

from .document import Document, Sentence
from .lang import languages, resource

_PARA = re.compile(r"\n\s*\n|\r\n\s*\r\n")
_STOP = re.compile(r"([.!?…]+)([\"»”')\]]*)(\s+)(?=[\"«„“(\[—–-]?\s*[A-ZА-ЯІЇЄҐЁ0-9])")
_LAST_WORD = re.compile(r"(\w+)\W*$")


@cache
def _abbreviations() -> frozenset[str]:
    abbr: set[str] = set()
    for code in languages():
        abbr.update(a.lower().rstrip(".") for a in resource(code, "abbreviations").get("abbreviations", []))
    return frozenset(abbr)


def _split_paragraph(text: str, offset: int) -> list[Sentence]:
    out: list[Sentence] = []
    start = 0
    abbr = _abbreviations()
    for m in _STOP.finditer(text):
        if m.group(1) == ".":
            w = _LAST_WORD.search(text[start : m.start()] + "")
            word = w.group(1) if w else ""
            if word.lower() in abbr or (len(word) == 1 and word.isupper()):
                continue
        end = m.end(2)
        if text[start:end].strip():
            out.append(_make(text, start, end, offset))
        start = m.end()
    if text[start:].strip():
        out.append(_make(text, start, len(text), offset))
    return out


def _make(text: str, start: int, end: int, offset: int) -> Sentence:
    # trim surrounding whitespace so `sentence` is verbatim and offsets slice to it
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(offset + start, offset + end, text[start:end])


def split_text(text: str, offset: int = 0) -> list[Sentence]:
    out: list[Sentence] = []
    pos = 0
    for m in list(_PARA.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        for line_start, line in _lines(chunk):
            out.extend(_split_paragraph(line, offset + pos + line_start))
        pos = m.end() if m else len(text)
    return out


def _lines(chunk: str):
    # a single newline ends a sentence when the line has no closing stop but the next
    # line starts anew (headings, list items); otherwise it is a soft wrap
    start = 0
    for m in re.finditer(r"\n", chunk):
        before = chunk[start : m.start()].rstrip()
        if before and not before.endswith((",", ";", ":", "-", "—")) and not chunk[m.end() :].lstrip()[:1].islower():
            yield start, chunk[start : m.start()]
            start = m.end()
    yield start, chunk[start:]


def split_sentences(doc: Document) -> Document:
    sents: list[Sentence] = []
    if doc.title_span:
        s, e = doc.title_span
        sents.append(Sentence(s, e, doc.text[s:e]))
    sents.extend(split_text(doc.text[doc.body_start :], doc.body_start))
    doc.sentences = sents
    return doc
