"""Temporal stage: detection of TIMEX3 expressions, then anchoring of relative values.

STUB interface (owned by the temporal engine work): `tag_timexes(doc)` fills doc.timexes
with values; `find_timexes(text, published, lang)` is the contract's API.
"""

from __future__ import annotations

import re
from datetime import date

from ..document import Document, Timex

_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


def tag_timexes(doc: Document) -> Document:
    doc.timexes = [
        Timex(m.group(0), m.start(), m.end(), "DATE", m.group(0))
        for m in _YEAR.finditer(doc.text, doc.body_start)
    ]
    return doc


def find_timexes(text: str, published: date | str | None = None, lang: str | None = None) -> list[dict]:
    from ..langdetect import detect_language
    from ..sentences import split_sentences

    doc = Document.from_text(text, published=published, lang=lang)
    doc = tag_timexes(split_sentences(detect_language(doc)))
    return [t.to_dict() for t in doc.timexes]
