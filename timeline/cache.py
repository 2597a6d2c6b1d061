"""Where derived data is cached between processes (indexes built from the resources).

`$LITOPYS_CACHE` names the folder (`off` or `0` disables caching); unset or empty, it is
`$XDG_CACHE_HOME/litopys` or `~/.cache/litopys`.  Entries are keyed by a hash of what they are
derived from, so a changed resource is rebuilt, never served stale.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path


def cache_dir() -> Path | None:
    root = os.environ.get("LITOPYS_CACHE") or os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "litopys")
    if root in ("0", "off"):
        return None
    return Path(root)


def cached_json(name: str, key: str, build: Callable[[], object]) -> object:
    """`build()`'s JSON-able result, stored under `name` for this exact `key`."""
    folder = cache_dir()
    digest = hashlib.sha1(f"{sys.version_info[:2]}|{key}".encode()).hexdigest()[:20]
    path = folder / f"{name}-{digest}.json" if folder else None
    if path is not None and path.exists():
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass  # unreadable or half-written by a crashed process: rebuild
    value = build()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
            tmp.replace(path)  # atomic: concurrent processes never read half a file
        except OSError:
            pass  # a read-only home: work uncached
    return value
