"""Per-language resources: one folder per ISO 639-1 code, data only (TOML).

Adding a language means adding a folder; the engines never name a language.
"""

from __future__ import annotations

import tomllib
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
    with path.open("rb") as fh:
        return tomllib.load(fh)


def resource_files(name: str) -> list[Path]:
    """Every language's `<name>.toml`, for tests that run each resource's examples."""
    return sorted(LANG_DIR.glob(f"*/{name}.toml"))
