"""Per-language resources: one folder per ISO 639-1 code, data only (TOML).

Adding a language means adding a folder; the engines never name a language.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

LANG_DIR = Path(__file__).parent


def languages() -> list[str]:
    """Codes of the languages that have a resource folder."""
    return sorted(p.name for p in LANG_DIR.iterdir() if p.is_dir() and (p / "language.toml").exists())


@cache
def resource(lang: str, name: str) -> dict:
    """Load `timeline/lang/<lang>/<name>.toml`; an empty dict when the language lacks it."""
    path = LANG_DIR / lang / f"{name}.toml"
    if not path.exists():
        return {}
    return load_toml(path)


def load_toml(path: Path, root: Path | None = None) -> dict:
    """A resource file's data, as tomllib.load reads it.  tomllib is pure Python (milliseconds
    a file at every start, and its import), so the parse is kept between processes
    (cache.cached_marshal, keyed by the file's text, named by its path below `root`, by
    default the package's folder)."""
    from ..cache import cached_marshal

    name = "toml-" + "-".join(path.relative_to(root or LANG_DIR.parent).with_suffix("").parts)
    text = path.read_bytes().decode("utf-8")  # what tomllib.load reads: no newline translation
    try:
        return cached_marshal(name, text, lambda: _parse(text))
    except ValueError:  # a value marshal cannot store (a TOML date), or a bad file: parse as ever
        return _parse(text)


def _parse(text: str) -> dict:
    import tomllib

    return tomllib.loads(text)


def resource_files(name: str) -> list[Path]:
    """Every language's `<name>.toml`, for tests that run each resource's examples."""
    return sorted(LANG_DIR.glob(f"*/{name}.toml"))
