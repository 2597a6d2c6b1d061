"""RSS/Atom feeds -> documents.  STUB until the ingestion work lands."""

from __future__ import annotations

from ..errors import InputError


def feed_documents(source: str, data: bytes, published=None, lang=None, allow_private: bool = False):
    raise InputError(source, "feeds are not supported yet")
