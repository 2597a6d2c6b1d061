"""Where derived data is cached between processes (indexes built from the resources).

`$LITOPYS_CACHE` names the folder (`off` or `0` disables caching); unset or empty, it is
`$XDG_CACHE_HOME/litopys` or `~/.cache/litopys`.  Entries are keyed by a hash of what they are
derived from, so a changed resource is rebuilt, never served stale.
"""

from __future__ import annotations

import glob
import json
import marshal
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

try:  # the builtin module: importing hashlib loads OpenSSL (~2 ms at every start) for the same digest
    from _sha1 import sha1
except ImportError:  # a Python built without it
    from hashlib import sha1


def cache_dir() -> Path | None:
    root = os.environ.get("LITOPYS_CACHE") or os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "litopys")
    if root in ("0", "off"):
        return None
    return Path(root)


def _write(path: Path, data: bytes) -> bool:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        tmp.replace(path)  # atomic: concurrent processes never read half a file
    except OSError:
        return False  # a read-only home: work uncached
    return True


def replace_entry(path: Path, data: bytes) -> None:
    """Write a cache entry (`<name>-<digest><ext>`) and remove its other versions: an entry is
    keyed by its sources, so each edit of them would otherwise leave a file behind."""
    stem, _, _ = path.stem.rpartition("-")
    if not _write(path, data) or not stem:
        return
    pattern = re.compile(re.escape(stem) + r"-[0-9a-f]{8,40}" + re.escape(path.suffix))
    try:
        for old in path.parent.glob(f"{glob.escape(stem)}-*{path.suffix}"):
            if old != path and pattern.fullmatch(old.name):
                old.unlink(missing_ok=True)
    except OSError:
        pass


def remove_stale(name_regex: str) -> None:
    """Remove the cache files whose whole name matches `name_regex`: entries stored under a
    name no longer used, which replace_entry never reaches."""
    folder = cache_dir()
    if folder is None:
        return
    pattern = re.compile(name_regex)
    try:
        for old in folder.iterdir():
            if pattern.fullmatch(old.name):
                old.unlink(missing_ok=True)
    except OSError:
        pass


def cached_json(name: str, key: str, build: Callable[[], object]) -> object:
    """`build()`'s JSON-able result, stored under `name` for this exact `key`."""
    folder = cache_dir()
    digest = sha1(f"{sys.version_info[:2]}|{key}".encode()).hexdigest()[:20]
    path = folder / f"{name}-{digest}.json" if folder else None
    if path is not None and path.exists():
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass  # unreadable or half-written by a crashed process: rebuild
    value = build()
    if path is not None:
        replace_entry(path, json.dumps(value, ensure_ascii=False).encode("utf-8"))
    return value


def cached_marshal(name: str, key: str, build: Callable[[], object]) -> object:
    """Like cached_json for values of plain types (str, int, list, dict, tuple, None), in
    `marshal`'s format: several times faster to read than JSON, tied to the Python version."""
    folder = cache_dir()
    digest = sha1(f"{sys.version}|{marshal.version}|{key}".encode()).hexdigest()[:20]
    path = folder / f"{name}-{digest}.marshal" if folder else None
    if path is not None and path.exists():
        try:
            return marshal.loads(path.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            pass  # unreadable or half-written by a crashed process: rebuild
    value = build()
    if path is not None:
        replace_entry(path, marshal.dumps(value))
    return value


try:  # the regex engine's own compiler (CPython): what re.compile does, in two halves
    import _sre
    from re import _compiler as _re_compiler
    from re import _parser as _re_parser

    _ENGINE = f"{sys.implementation.name}|{sys.version}|{_sre.MAGIC}|{marshal.version}"
except (ImportError, AttributeError):  # another Python: compile every time
    _sre = None
    _ENGINE = ""


class RegexStore:
    """Compiled regexes kept between processes.

    re.compile parses a pattern and turns it into the engine's code in Python, which for
    hundreds of large patterns is most of a process's start-up.  The store keeps that code
    on disk (`<name>-<engine>.marshal`, entries keyed by the exact pattern text and flags,
    so an edited pattern is a miss, never a stale hit) and hands it to the engine directly:
    the same pattern object re.compile would build.  `save()` writes the entries this
    process used when any was missing.  Without a cache folder, or on a Python whose regex
    internals differ, it is plain re.compile."""

    def __init__(self, name: str):
        folder = cache_dir() if _sre is not None else None
        tag = sha1(_ENGINE.encode()).hexdigest()[:12]
        self.path = folder / f"{name}-{tag}.marshal" if folder else None
        self.entries: dict = {}
        self.used: dict = {}
        self.missed = False
        if self.path is not None and self.path.exists():
            try:
                entries = marshal.loads(self.path.read_bytes())
                self.entries = entries if isinstance(entries, dict) else {}
            except (OSError, ValueError, EOFError, TypeError):
                pass  # unreadable: rebuilt by save()

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern:
        if self.path is None:
            return re.compile(pattern, flags)
        key = (pattern, int(flags))
        entry = self.entries.get(key)
        rx = None
        if entry is not None:
            try:
                rx = _sre.compile(pattern, *entry)
            except Exception:  # a damaged entry: the engine validates the code it is given
                rx = None
        if rx is None:
            rx, entry = _compile(pattern, flags)
            self.missed = True
        self.used[key] = entry
        return rx

    def save(self) -> None:
        if self.path is not None and self.missed:
            _write(self.path, marshal.dumps(self.used))
            self.missed = False


def _compile(pattern: str, flags: int) -> tuple[re.Pattern, tuple]:
    """re._compiler.compile, keeping the code it hands to the engine."""
    p = _re_parser.parse(pattern, flags)
    code = list(map(int, _re_compiler._code(p, flags)))  # plain ints: opcodes are int subclasses
    groupindex = dict(p.state.groupdict)
    indexgroup = [None] * p.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    entry = (int(flags | p.state.flags), code, p.state.groups - 1, groupindex, tuple(indexgroup))
    return _sre.compile(pattern, *entry), entry
