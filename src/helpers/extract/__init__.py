"""Extraction: clean text of one report → panel rows and mentions (a small grammar of reports).

Modules, in the order the data flows through them:

``layout``    lines, sentences, clauses as spans (looked up by bisection)
``zones``     headline · byline · digest · lead · body
``places``    place mentions typed by role (giver, receiver, venue, attribute)
``reference`` the pairing reference (package data): which side a unit is on, partners by year
``frame``     the page's sides, donor, recipients, year, program (candidates from headline,
              lead, byline, page header, the reference)
``indicator`` nearest-cue indicator and detail (cue tables in ``helpers.lexicon``)
``givers``    the giver of a figure: clause subject → discourse state → frame
``scopes``    status, period and year as scopes opened by cues
``tables``    tables written as lines (a header of column names, one line per giver or receiver)
``dedupe``    one row per figure per document
``document``  the steps above for one document
``grammar``   the word classes the rules combine (data)

``extract_document(doc)`` is a pure function of one ingested document (plus read-only
references), so it runs in parallel processes unchanged.
"""
from __future__ import annotations

import pandas as pd

from ..codebook import CORE_COLUMNS
from .document import REASON_COLUMNS, extract, page_frame
from .rx import memo

ROW_COLUMNS = tuple(CORE_COLUMNS) + ("recipient_adcodes", "start", "end")
MENTION_COLUMNS = ("doc_id", "start", "end", "text", "value", "unit", "qualifier", "decision",
                   "indicator", "reason", "zone", "donor", "recipients", "status", "period", "year") \
    + REASON_COLUMNS


def get_gazetteer(gazetteer=None):
    if gazetteer is not None:
        return gazetteer
    from ..gazetteer import get_gazetteer as _get
    return _get()


def extract_document(doc, gazetteer=None, head=None, page=None) -> tuple[list[dict], list[dict]]:
    """Rows (codebook columns + recipient_adcodes, start, end) and mentions of one document.
    For one section of a long report: ``head``, the report's head (a Document holding its first
    section), whose frame (donor, recipients, year, sides) every section reads with, or that
    frame itself as ``page`` (read once with ``page_frame``)."""
    gz = get_gazetteer(gazetteer)
    if page is None and head is not None:
        page = page_frame(head, gz)
    memo.forget()
    try:
        return extract(doc, gz, page)
    finally:
        memo.forget()


__all__ = ["MENTION_COLUMNS", "ROW_COLUMNS", "extract_corpus", "extract_document", "page_frame"]


def frames(rows: list[dict], mentions: list[dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    rdf = pd.DataFrame(rows, columns=list(ROW_COLUMNS))
    mdf = pd.DataFrame(mentions, columns=list(MENTION_COLUMNS))
    if len(rdf):
        rdf["year"] = rdf["year"].astype("Int64")
        rdf = rdf.sort_values(["doc_id", "start", "indicator", "recipients", "value"], kind="mergesort")
    if len(mdf):
        mdf["year"] = mdf["year"].astype("Int64")
        mdf = mdf.sort_values(["doc_id", "start", "end"], kind="mergesort")
    return rdf.reset_index(drop=True), mdf.reset_index(drop=True)


def extract_corpus(docs: dict, gazetteer=None, progress=False) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Rows and mentions of every document, sorted so the output is deterministic."""
    gz = get_gazetteer(gazetteer)
    rows, mentions = [], []
    items = sorted(docs.items())
    if progress:
        try:
            from tqdm import tqdm
            items = tqdm(items, desc="extract")
        except ImportError:
            pass
    for doc_id, doc in items:
        if getattr(doc, "status", "ok") not in ("ok", None):
            continue
        try:
            rr, mm = extract_document(doc, gz)
        except Exception as e:  # name the document in the error
            raise RuntimeError(f"extraction failed for document {doc_id}: {e}") from e
        rows += rr
        mentions += mm
    return frames(rows, mentions)
