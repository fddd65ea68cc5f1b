"""East-West cooperation reports → tidy, auditable panel (ingest, extraction, analysis)."""

__version__ = "0.1.0"
