"""A report as the extractor reads it, built from a sentence written for a test.

Shared by the grammar tests (``test_attribute``, ``test_corpora``): ``extract_document`` reads
only these attributes of ``helpers.ingest.Document``, so a test need not fake a whole ingest.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Doc:
    doc_id: str
    text: str
    title: str | None = None
    date: str | None = "2020-12-01"
    unit: str | None = None
    status: str = "ok"
    raw_text: str | None = None
