"""Bytes -> text: UTF-8 first, then a detected legacy encoding (Windows-1251, KOI8-U/R...)."""

from __future__ import annotations

from ..errors import InputError

MAX_BYTES = 20 * 1024 * 1024  # an article, or a table of articles, is far smaller than this
# Cyrillic news arrives in these when it is not UTF-8; tried in this order of likelihood.
_LEGACY = ("cp1251", "koi8_u", "koi8_r", "iso8859_5", "cp1252")


def check_size(source: str, size: int) -> None:
    if size == 0:
        raise InputError(source, "empty file")
    if size > MAX_BYTES:
        raise InputError(source, f"too large ({size / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB)")


def _cyrillic_plausibility(text: str) -> float:
    """Share of letters that are lower-case Cyrillic or Latin: mis-decoded Cyrillic is mostly upper case or symbols."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(c.islower() for c in letters) / len(letters)


def decode_bytes(source: str, data: bytes, charset: str | None = None) -> str:
    check_size(source, len(data))
    if b"\x00" in data[:8192]:
        raise InputError(source, "binary file (not text)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(_LEGACY)).best()
    candidates = [best.encoding] if best is not None else []
    candidates += [e for e in _LEGACY if e not in candidates]
    scored = []
    for enc in candidates:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        scored.append((_cyrillic_plausibility(text), enc == candidates[0], text))
    if not scored:
        raise InputError(source, "cannot decode text (not UTF-8 nor a known legacy encoding)")
    text = max(scored, key=lambda s: (round(s[0], 2), s[1]))[2]
    if sum(not (c.isprintable() or c.isspace()) for c in text) > len(text) * 0.05:
        raise InputError(source, "binary file (not text)")
    return text
