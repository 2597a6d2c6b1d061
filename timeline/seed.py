"""Seeding a new, empty database with the sample articles in data/."""

from __future__ import annotations

from pathlib import Path

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "data"


def sample_files(folder: Path = SAMPLE_DIR) -> list[str]:
    """The sample articles: every .txt in data/ (data/README.md describes them, it is not one)."""
    return [str(p) for p in sorted(folder.glob("*.txt"))]


def seed_if_empty(store, folder: Path = SAMPLE_DIR):
    """Ingest the samples when the database holds no article; returns the summary or None."""
    if not store.is_empty():
        return None
    from .ingest import ingest_inputs

    return ingest_inputs(sample_files(folder), store=store)
