"""Storage: SQLAlchemy 2 over SQLite (WAL, the default) or PostgreSQL (psycopg 3)."""

from .store import AddResult, Prepared, Store, default_db_url

__all__ = ["AddResult", "Prepared", "Store", "default_db_url"]
