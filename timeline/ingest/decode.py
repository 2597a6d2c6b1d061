"""Bytes -> text: a byte-order mark, else UTF-8, else the declared charset, else a detected
legacy encoding (Windows-1251, KOI8-U, KOI8-R are common for Ukrainian and Russian news).

A result that does not look like text in any encoding is refused (InputError), never
silently turned into mojibake.
"""

from __future__ import annotations

import codecs
import re

from ..errors import InputError

MAX_BYTES = 20 * 1024 * 1024  # an article, or a table of articles, is far smaller than this
# Cyrillic news arrives in these when it is not UTF-8; tried in this order of likelihood.
_LEGACY = ("cp1251", "koi8_u", "koi8_r", "cp1252")
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# KOI8-U puts є і ї ґ (and capitals) where KOI8-R has box-drawing characters
_KOI8_U_ONLY = frozenset(b"\xa4\xa6\xa7\xad\xb4\xb6\xb7\xbd")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""", re.I)
_WORD = re.compile(r"[^\W\d_]+")
# servers default to these labels; Cyrillic bytes decoded with them look like accented Latin
_WESTERN = frozenset({"latin-1", "iso8859-1", "cp1252", "iso8859-15"})


def _mostly_non_ascii(text: str) -> bool:
    letters = [c for c in text[:20000] if c.isalpha()]
    return bool(letters) and sum(not c.isascii() for c in letters) > 0.3 * len(letters)


def check_size(source: str, size: int) -> None:
    if size == 0:
        raise InputError(source, "empty file")
    if size > MAX_BYTES:
        raise InputError(source, f"too large ({size / 2**20:.1f} MB; the limit is {MAX_BYTES / 2**20:.0f} MB)")


def normalise_charset(name: str | None) -> str | None:
    """A charset label (HTTP header, HTML meta, XML declaration) as a Python codec name, or None."""
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    if name in ("windows-1251", "win-1251", "cp-1251", "x-cp1251"):
        name = "cp1251"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page or XML document declares about itself (first 4 KB)."""
    head = data[:4096]
    m = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return m.group(1).decode("ascii", "replace") if m else None


def _mojibake_score(text: str) -> float:
    """Higher is more plausible: lower-case letters, few words mixing scripts, few symbols.

    Cyrillic decoded with the wrong 8-bit table comes out as mostly capitals (KOI8 vs 1251
    swap cases) or as symbols and words that mix Latin and Cyrillic letters.
    """
    sample = text[:20000]
    chars = [c for c in sample if not c.isspace()]
    if not chars:
        return 0.0
    letters = [c for c in chars if c.isalpha()]
    if not letters:
        return 0.0
    lower = sum(c.islower() for c in letters) / len(letters)
    letter_share = len(letters) / len(chars)
    words = _WORD.findall(sample)
    mixed = 0
    for w in words:
        has_lat = any("a" <= c.lower() <= "z" for c in w)
        has_cyr = any("\u0400" <= c <= "\u04ff" for c in w)
        mixed += has_lat and has_cyr
    mixed_share = mixed / max(1, len(words))
    return lower + letter_share - 3 * mixed_share


_SPACE = re.compile(r"\s")
_LETTER = re.compile(r"[^\W\d_]")
_ODD = re.compile("[\u2500-\u25ff\ue000-\uf8ff]")


def _looks_like_text(text: str, letters_needed: bool = True) -> bool:
    """Printable and (for 8-bit tables, which decode any bytes) mostly letters: what an
    article in any encoding looks like once decoded right."""
    sample = text[:20000]
    if not sample.strip():
        return False
    # the common case, all printable, decided in C (str.replace: str.translate is 20x slower)
    if not sample.replace("\n", "").replace("\r", "").replace("\t", "").replace("\f", "").isprintable():
        # counted per distinct character (a few hundred), not per character (20,000)
        bad = sum(sample.count(c) for c in set(sample) if not (c.isprintable() or c in "\t\r\n\f"))
        if bad > max(2, len(sample) * 0.01):
            return False
    if not letters_needed:  # valid UTF-8 is text by construction; only control characters betray binary
        return True
    chars = len(sample) - len(_SPACE.findall(sample))
    letters = len(_LETTER.findall(sample))
    if letters < chars * 0.4:
        return False
    # box-drawing, block and private-use characters: a wrong 8-bit table, or no text at all
    odd = len(_ODD.findall(sample))
    return odd <= chars * 0.02


def _strip_bom(data: bytes) -> tuple[bytes, str | None]:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :], enc
    return data, None


def detect_encoding(data: bytes) -> str | None:
    """The most plausible legacy encoding of bytes that are not UTF-8, or None."""
    scored = []
    for rank, enc in enumerate(_LEGACY):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if not _looks_like_text(text):
            continue
        scored.append((round(_mojibake_score(text), 2), -rank, enc))
    if not scored:
        return None
    enc = max(scored)[2]
    if enc in ("koi8_u", "koi8_r"):
        enc = "koi8_u" if _KOI8_U_ONLY & set(data) else "koi8_r"
    return enc


def decode_bytes(source: str, data: bytes, charset: str | None = None) -> str:
    """Decode one input's bytes; InputError naming the input when they are not text.

    `charset` is what the transport declared (an HTTP Content-Type header); the document's
    own declaration (HTML meta, XML prolog) is read when the header gives none. A declared
    charset the bytes do not fit is refused as mislabelled rather than guessed around.
    """
    check_size(source, len(data))
    body, bom_enc = _strip_bom(data)
    if bom_enc:
        try:
            return body.decode(bom_enc)
        except UnicodeDecodeError:
            raise InputError(source, f"starts with a {bom_enc} byte-order mark but is not valid {bom_enc}") from None
    if b"\x00" in data[:8192]:
        raise InputError(source, "binary file (not text)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        if text.strip() and not _looks_like_text(text, letters_needed=False):
            raise InputError(source, "binary file (not text)")
        return text
    label = charset or declared_charset(data)
    declared = normalise_charset(label)
    if declared and declared != "utf-8":
        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            text = None
        if text is not None and _looks_like_text(text) and not (declared in _WESTERN and _mostly_non_ascii(text)):
            return text
    if declared == "utf-8" or (declared and text is None):
        raise InputError(source, f"declared charset {label} does not match its bytes (mislabelled encoding)")
    enc = detect_encoding(data)
    if enc is None:
        raise InputError(source, "not text in UTF-8 or any known encoding (Windows-1251, KOI8-U, KOI8-R, Windows-1252)")
    return data.decode(enc)
