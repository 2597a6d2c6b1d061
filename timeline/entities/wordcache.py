"""Word analyses kept between processes.

Reading a new capitalised word costs a pymorphy3 parse (its predictor for words the dictionary
lacks, most foreign names, is the slowest part of the stage) and the Python that reads the
parses; a word seen in an earlier run should cost a look-up.  `persisted(name)` memoises a
function of plain values (str, tuple, frozenset, bool, None) in memory like lru_cache and also
in a table that is loaded from `$LITOPYS_CACHE/entities-words-<digest>.marshal` on first use
and written back at exit when it grew (merged with what other processes wrote meanwhile).
The digest covers the entity code, resources, the languages' entity data, pymorphy3 and its
dictionaries, so a changed source is a miss, never a stale answer.  `LITOPYS_CACHE=off`:
plain in-memory memos.  Forked workers (ingest --jobs) exit without running atexit: only the
parent process writes.
"""

from __future__ import annotations

import atexit
import gc
import hashlib
import marshal
import sys
from collections.abc import Callable
from functools import lru_cache, wraps
from importlib import metadata
from pathlib import Path

from ..cache import cache_dir, replace_entry
from ..lang import LANG_DIR

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
MAX_ENTRIES = 300_000  # per table on disk: beyond it only this process's entries are kept
_MISS = object()

_tables: dict[str, dict] = {}  # name -> {args: value}
_loaded: dict[str, int] = {}  # name -> entries read from disk
_state: dict[str, object] = {}  # "path": the file (None: not persisted), "disk": its tables


def _digest() -> str:
    """What the stored answers are derived from: sizes and times of the sources, versions."""
    h = hashlib.sha1(f"{sys.version}|{marshal.version}".encode())
    for dist in ("pymorphy3", "pymorphy3-dicts-uk", "pymorphy3-dicts-ru"):
        try:
            h.update(f"{dist}={metadata.version(dist)}".encode())
        except metadata.PackageNotFoundError:
            h.update(dist.encode())
    sources = sorted(Path(__file__).parent.glob("*.py")) + sorted(RESOURCES.glob("*")) + sorted(LANG_DIR.glob("*/entities.toml"))
    for src in sources:
        try:
            st = src.stat()
        except OSError:  # removed meanwhile (an editor's save): the next process sees the new file
            continue
        h.update(f"{src}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()[:16]


def _path() -> Path | None:
    if "path" not in _state:
        root = cache_dir()
        _state["path"] = root / f"entities-words-{_digest()}.marshal" if root is not None else None
    return _state["path"]  # type: ignore[return-value]


def _read_disk(path: Path | None) -> dict[str, dict]:
    if path is None or not path.exists():
        return {}
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}  # unreadable or half-written: rebuilt at exit
    return data if isinstance(data, dict) else {}


def table(name: str) -> dict:
    """The named table of stored answers (loaded from disk on the first call of the process)."""
    t = _tables.get(name)
    if t is None:
        if "disk" not in _state:
            _state["disk"] = _read_disk(_path())
            if _state["disk"]:
                gc.freeze()  # (as for the index) the tables live as long as the process: no collector walks
            if _path() is not None:
                atexit.register(save)
        t = _state["disk"].pop(name, None)  # type: ignore[union-attr]
        t = t if isinstance(t, dict) else {}
        _tables[name] = t
        _loaded[name] = len(t)
        _state["frozen_at"] = _state.get("frozen_at", 0) + len(t)  # (frozen with the file's content)
    return t


def loaded_answers() -> int:
    """How many answers this process read from the file (0: a first run, or caching off)."""
    return sum(_loaded.values())


def persisted(name: str, maxsize: int = 200_000) -> Callable:
    """lru_cache in front of a table kept on disk: answers of earlier runs are look-ups."""

    def deco(fn: Callable) -> Callable:
        @wraps(fn)
        def stored(*args):
            t = _tables.get(name)
            if t is None:
                t = table(name)
            v = t.get(args, _MISS)
            if v is _MISS:
                v = fn(*args)
                if len(t) < MAX_ENTRIES:
                    t[args] = v
            return v

        return lru_cache(maxsize=maxsize)(stored)

    return deco


FREEZE_STEP = 20_000  # new answers between two collect-and-freeze steps


def settle() -> None:
    """Called after each article: once the tables (and the memos around them) grew by
    FREEZE_STEP answers, collect the garbage, then freeze what is left (gc.freeze), as for
    the index.  Otherwise every full collection walks all the answers again, and a fresh
    process makes several while its tables grow (~0.2 ms an article on a first pass)."""
    n = sum(map(len, _tables.values()))
    if n - _state.get("frozen_at", 0) > FREEZE_STEP:  # type: ignore[operator]
        gc.collect()
        gc.freeze()
        _state["frozen_at"] = n


def save() -> None:
    """Write the tables back when this process added answers, merged with the file's current
    content (another process may have written since we read it)."""
    path = _path()
    if path is None or all(len(t) == _loaded.get(n, 0) for n, t in _tables.items()):
        return
    disk = _read_disk(path)
    for name, mine in _tables.items():
        theirs = disk.get(name)
        if isinstance(theirs, dict):
            theirs.update(mine)
        if not isinstance(theirs, dict) or len(theirs) > MAX_ENTRIES:
            disk[name] = mine
    for name in list(disk):
        try:
            marshal.dumps(disk[name])
        except ValueError:  # a value marshal cannot hold (a str subclass): that table is not kept
            del disk[name]
    replace_entry(path, marshal.dumps(disk))
    for name, t in _tables.items():
        _loaded[name] = len(t)
