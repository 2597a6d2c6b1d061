"""The named stages a Document flows through, in order.

Each stage is a plain function `stage(doc) -> doc` that fills one part of the document;
later work replaces a stage's inside, never this sequence.
"""

from __future__ import annotations

from collections.abc import Callable

from .document import Document
from .langdetect import detect_language
from .sentences import split_sentences


def tag_timexes(doc: Document) -> Document:
    from .temporal import tag_timexes as stage

    return stage(doc)


def tag_entities(doc: Document) -> Document:
    from .entities import tag_entities as stage

    return stage(doc)


def assemble_events(doc: Document) -> Document:
    from .events import assemble_events as stage

    return stage(doc)


STAGES: list[tuple[str, Callable[[Document], Document]]] = [
    ("language", detect_language),
    ("sentences", split_sentences),
    ("timexes", tag_timexes),
    ("entities", tag_entities),
    ("events", assemble_events),
]


def run(doc: Document, until: str | None = None) -> Document:
    """Run the stages in order; `until` names the last stage to run."""
    for name, stage in STAGES:
        doc = stage(doc)
        if name == until:
            break
    return doc
