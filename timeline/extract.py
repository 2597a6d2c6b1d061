"""`extract_events`: one article through every stage, as a DataFrame of contract columns."""

from __future__ import annotations

from .document import EVENT_COLUMNS, EXTRA_EVENT_COLUMNS, Document
from .pipeline import run


def extract_document(text, published=None, lang=None, title=None, url=None) -> Document:
    return run(Document.from_text(text, published=published, lang=lang, title=title, url=url))


def extract_events(text, published=None, lang=None, title=None, url=None):
    import pandas as pd

    doc = extract_document(text, published=published, lang=lang, title=title, url=url)
    return pd.DataFrame([e.to_record() for e in doc.events], columns=EVENT_COLUMNS + EXTRA_EVENT_COLUMNS)
