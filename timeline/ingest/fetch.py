"""URLs -> documents.  STUB: refuses everything until the ingestion work lands (safe default)."""

from __future__ import annotations

from ..errors import InputError


def url_documents(url: str, published=None, lang=None, allow_private: bool = False):
    raise InputError(url, "URL fetching is not available yet")
