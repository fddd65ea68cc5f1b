"""Panel assembly: extracted rows + hand corrections → validated, deterministic panel files.

Pipeline (``build_panel``): ingest → extraction (``helpers.attribute.extract_document``, one
document at a time, on one core, ``--jobs N`` worker processes or a Dask cluster: the same bytes
whichever) → ``assemble`` (raw offsets, provenance, column order, sort) → ``apply_corrections``
→ ``set_aside_invalid`` (pandera schema from ``helpers.codebook``) → ``write_panel``.
``python -m helpers panel RAW_DIR --out OUT_DIR [--jobs N] [--dask [SCHEDULER]]`` calls ``main``.

One row never stops the run: a row that fails a schema check (a figure for which no year is
found, neither in its sentence, its section nor the report's date; no donor; a value outside the
vocabulary) is set aside with its reason in ``set_aside.csv``, its mention gets the decision
``set_aside``, and the count is printed. The panel keeps its contract (every row has a year and
a donor, as ``shared/codebook.md`` defines them): an undated figure cannot go into a panel by
year, and the reader sees it listed rather than guessed. A document whose extraction raises
gives no rows and is listed (``PanelResult.failures``); the other documents go on.

Corrections file (``data/raw/corrections.csv``)
-----------------------------------------------
A researcher who disagrees with the rules drops, changes or adds a panel row by hand, with a
reason. The file is plain UTF-8 CSV (a BOM from a spreadsheet is accepted), one correction a
line, applied in file order after extraction. Columns (any order; only ``action``, ``doc_id``
and ``reason`` must be in the header, a missing column counts as empty, an unknown one is an
error so that a typo such as ``set_valeu`` is caught):

``action``
    ``drop`` (remove the matched rows), ``change`` (overwrite some columns of the matched rows)
    or ``add`` (a row the rules missed).
``doc_id``
    the report (file stem). Always required.
``match_evidence``
    required for drop/change: a row matches when its evidence *contains* this text (so a
    shorter anchor survives small changes of the evidence span).
``match_indicator``, ``match_value``, ``match_recipients``
    optional narrowing for drop/change; ``match_recipients`` compares the ';'-joined names as
    a set (order does not matter) and is how one of several "各" rows sharing an evidence is
    picked. Every matched row is affected.
``set_<column>`` for each codebook core column except doc_id
    (``set_donor``, ``set_recipients``, ``set_program``, ``set_year``, ``set_period``,
    ``set_status``, ``set_indicator``, ``set_value``, ``set_unit``, ``set_qualifier``,
    ``set_detail``, ``set_evidence``): for change, the non-empty ones overwrite; for add, they
    are the row (all but recipients and detail are required). Write ``<empty>`` to clear a
    column that may be empty (recipients, detail). Values are checked against the codebook.
``reason``
    required: why (cite the ambiguity note or the sentence). ``author``, ``date``: optional.

Rows touched by a correction get ``origin = correction``; the recipients of a changed or added
row are resolved to adcodes with ``helpers.gazetteer``; a changed or added evidence is located
in the clean text (``start``/``end``, raw offsets). Every applied correction is listed (one log
line per affected row); a correction that matches nothing (the rules changed, the document is
gone, the added row is now extracted by the rules, the change is already in place) is reported
with a warning and in the unmatched table, never silently ignored. A malformed file raises
``CorrectionsFileError`` naming the file, the line and the problem.

The shipped file holds only the header: no extraction error has yet been judged worth a hand
fix, and a correction that merely re-codes an ambiguous gold choice would hide the choice
rather than document it.
"""
from __future__ import annotations

import argparse
import math
import numbers
import re
import sys
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

import pandas as pd

from . import codebook, paths
from .csvfile import CsvFileError, read_records
from .gazetteer import adcode_within, get_gazetteer, last_level

EMPTY = "<empty>"
ACTIONS = ("drop", "change", "add")
SET_COLUMNS = tuple(f"set_{c}" for c in codebook.CORE_COLUMNS if c != "doc_id")
MATCH_COLUMNS = ("match_evidence", "match_indicator", "match_value", "match_recipients")
CORRECTION_COLUMNS = ("action", "doc_id", *MATCH_COLUMNS, *SET_COLUMNS, "reason", "author", "date")
REQUIRED_HEADER = ("action", "doc_id", "reason")
SORT_KEYS = ("doc_id", "start", "indicator", "recipients", "value")
LOG_COLUMNS = ("line", "action", "doc_id", "indicator", "value", "recipients", "evidence",
               "change", "reason", "author", "date")
UNMATCHED_COLUMNS = ("line", "action", "doc_id", "match_evidence", "match_indicator",
                     "match_value", "match_recipients", "problem", "reason")
VALUE_DECIMALS = 4  # base units are yuan/persons: 1e-4 is far below any stated precision


class CorrectionsFileError(ValueError):
    """The corrections file is malformed; the message names the file, the line and the problem."""


class PanelSchemaError(ValueError):
    """The panel violates the codebook schema; the message shows the failing rows."""


# --------------------------------------------------------------------------------------------
# assembly


def _column_dtypes() -> dict[str, str]:
    return {c.name: {"int": "Int64", "float": "float64", "str": "str"}[c.dtype]
            for c in codebook.COLUMNS}


def empty_panel() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([], dtype=t) for c, t in _column_dtypes().items()})


def _document(documents, doc_id):
    doc = documents.get(doc_id) if isinstance(documents, Mapping) else None
    if doc is None:
        raise KeyError(f"panel row for document {doc_id!r}, which is not among the ingested "
                       "documents")
    return doc


def raw_span(doc, start, end) -> tuple[int | None, int | None]:
    """Offsets of a clean-text span in the raw file's decoded text (None when unknown)."""
    if start is None or end is None or pd.isna(start) or pd.isna(end):
        return None, None
    if not getattr(doc, "offsets", None):  # a streamed (very large) document keeps no map
        return None, None
    from .normalize import to_raw_span

    rs, re_ = to_raw_span(doc.offsets, int(start), int(end))
    return int(rs), int(re_)


def sort_panel(panel: pd.DataFrame) -> pd.DataFrame:
    """Deterministic order: (doc_id, start, indicator, recipients, value), then every column."""
    keys = list(SORT_KEYS) + [c for c in codebook.PANEL_COLUMNS if c not in SORT_KEYS]
    keys = [k for k in keys if k in panel.columns]
    out = panel.sort_values(keys, kind="mergesort", na_position="last")
    return out.reset_index(drop=True)


def coerce_panel(panel: pd.DataFrame) -> pd.DataFrame:
    """Codebook dtypes (Int64 / float64 rounded to VALUE_DECIMALS / str with one missing value)."""
    out = panel.copy()
    for col, dtype in _column_dtypes().items():
        if col not in out.columns:
            continue
        if dtype == "Int64":
            out[col] = pd.to_numeric(out[col], errors="raise").astype("Int64")
        elif dtype == "float64":
            out[col] = pd.to_numeric(out[col], errors="raise").astype("float64").round(VALUE_DECIMALS)
        else:
            s = out[col].astype("object")
            s = s.where(s.notna(), None)
            # Empty strings and missing values mean the same thing in a CSV; keep one spelling.
            s = s.map(lambda v: None if v is None or (isinstance(v, str) and v == "") else str(v))
            out[col] = s.astype("str")
    return out


def assemble(rows_df: pd.DataFrame, documents: Mapping) -> pd.DataFrame:
    """Extracted rows → panel: raw offsets, ``origin='extracted'``, codebook column order, sorted.

    ``documents`` maps doc_id → ``helpers.ingest.Document`` (for the offset map).
    """
    missing = [c for c in (*codebook.CORE_COLUMNS, "recipient_adcodes", "start", "end")
               if c not in rows_df.columns]
    if missing:
        raise ValueError(f"extracted rows lack column(s) {', '.join(missing)}")
    if rows_df.empty:
        return empty_panel()
    out = rows_df.copy()
    if not {"raw_start", "raw_end"} <= set(out.columns):  # not mapped by extract_documents
        spans = [raw_span(_document(documents, d), s, e)
                 for d, s, e in zip(out["doc_id"], out["start"], out["end"])]
        out["raw_start"] = [s for s, _ in spans]
        out["raw_end"] = [e for _, e in spans]
    else:
        for d in set(out["doc_id"]):
            _document(documents, d)
    out["origin"] = "extracted"
    out = sort_panel(coerce_panel(out[list(codebook.PANEL_COLUMNS)]))
    bad = misplaced_evidence(out, documents)
    if len(bad):
        warnings.warn(f"{len(bad)} row(s) whose evidence is not the text at their offsets: "
                      + "; ".join(f"{r.doc_id} {r.start}-{r.end} {r.evidence!r}"
                                  for r in bad.head(5).itertuples()), stacklevel=2)
    return out


def misplaced_evidence(panel: pd.DataFrame, documents: Mapping) -> pd.DataFrame:
    """Rows whose ``evidence`` is not ``text[start:end]`` of their document's clean text
    (rows without offsets, or of documents without text in memory, are not checked)."""
    bad = []
    for i, r in enumerate(panel.itertuples(index=False)):
        text = getattr(documents.get(r.doc_id), "text", None)
        if not text or pd.isna(r.start) or pd.isna(r.end):
            continue
        if text[int(r.start):int(r.end)] != r.evidence:
            bad.append(i)
    return panel.iloc[bad]


# --------------------------------------------------------------------------------------------
# extraction, document by document (on one core, worker processes or Dask)

SECTION_CHARS = 5_000    # a streamed document is extracted in sections of at most this size
#                         (cut at line breaks, else sentence ends: extraction reads paragraphs)


def _shifted(items: list[dict], by: int) -> list[dict]:
    for it in items:
        for k in ("start", "end"):
            if it.get(k) is not None and not pd.isna(it[k]):
                it[k] = int(it[k]) + by
    return items


def _head(doc):
    """The report's head as a Document (its first section): the page's frame is read there."""
    import dataclasses

    if getattr(doc, "streamed", False) and getattr(doc, "text_path", None) and doc.sections:
        _, byte0, nbytes = doc.sections[0]
        with open(doc.text_path, "rb") as f:
            f.seek(byte0)
            text = f.read(nbytes).decode("utf-8")
    else:
        text = doc.text
    return dataclasses.replace(doc, text=text[:SECTION_CHARS], offsets=[], streamed=False,
                               sections=(), text_path=None)


def _extract_sections(doc, text: str, char0: int) -> tuple[list[dict], list[dict]]:
    """Rows and mentions of ``text`` (the clean text of ``doc`` from offset ``char0`` on),
    extracted in sections of at most ``SECTION_CHARS``, offsets in the whole clean text; every
    section is read with the frame of the report's head."""
    import dataclasses

    from .attribute import extract_document
    from .ingest import split_sections

    from .extract import get_gazetteer, page_frame

    rows, mentions = [], []
    page = page_frame(_head(doc), get_gazetteer())      # read once, used by every section
    for a, b in split_sections(text, SECTION_CHARS):
        part = dataclasses.replace(doc, text=text[a:b], offsets=[], streamed=False,
                                   sections=(), text_path=None)
        rr, mm = extract_document(part, page=page)
        rows += _shifted(rr, char0 + a)
        mentions += _shifted(mm, char0 + a)
    return rows, mentions


def _extract_task(task: tuple):
    """One unit of extraction work → (rows, mentions, error). ``task``: (Document, section),
    section None for a document in memory, else (char offset, byte offset, bytes) of a
    section of a streamed document's clean text file. Pure; runs in a worker.

    A document in memory is extracted whole, unless it holds a line longer than
    ``ingest.LONG_LINE_CHARS`` (a page saved without line breaks): then, as a streamed one, in
    sections, so that its cost stays linear."""
    from .attribute import extract_document
    from .ingest import has_long_line

    doc, section = task
    try:
        if section is None:
            if has_long_line(doc.text):
                rows, mentions = _extract_sections(doc, doc.text, 0)
            else:
                rows, mentions = extract_document(doc)
            for r in rows:
                r["raw_start"], r["raw_end"] = raw_span(doc, r.get("start"), r.get("end"))
            return rows, mentions, None
        char0, byte0, nbytes = section
        with open(doc.text_path, "rb") as f:
            f.seek(byte0)
            text = f.read(nbytes).decode("utf-8")
        rows, mentions = _extract_sections(doc, text, char0)
        for r in rows:      # a streamed document keeps no map to the raw text
            r["raw_start"] = r["raw_end"] = None
        return rows, mentions, None
    except Exception as e:  # noqa: BLE001 - one document's failure must not stop the others
        return [], [], f"{type(e).__name__}: {e}"


def extraction_tasks(docs: Mapping) -> list[tuple]:
    """(Document, section) for each ok document in doc_id order: one task for a document in
    memory, one per section for a streamed one (none when its clean text was not written)."""
    tasks = []
    for _, doc in sorted(docs.items()):
        if getattr(doc, "status", "ok") not in ("ok", None):
            continue
        if getattr(doc, "streamed", False):
            if getattr(doc, "text_path", None):
                tasks += [(doc, sec) for sec in doc.sections]
        else:
            tasks.append((doc, None))
    return tasks


def extract_documents(docs: Mapping, backend=None, progress: bool = False
                      ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(rows, mentions, failures) of every ok document, as ``attribute.extract_corpus`` gives
    them plus the raw offsets, with the per-document work on ``backend``
    (``helpers.parallel.Backend``; one process by default). The order of the tasks, not of
    their completion, is the order of the output: the same bytes whatever the backend."""
    from .attribute import MENTION_COLUMNS, ROW_COLUMNS
    from .parallel import Backend

    backend = backend or Backend(1)
    tasks = extraction_tasks(docs)
    rows, mentions, failed = [], [], {}
    for k, ((doc, _), (rr, mm, err)) in enumerate(zip(tasks, backend.map(_extract_task, tasks)), 1):
        if err is not None:
            failed.setdefault(doc.doc_id, err)
            continue
        rows += rr
        mentions += mm
        if progress and (k % 1000 == 0 or k == len(tasks)):
            print(f"extracted {k}/{len(tasks)} document(s) or sections", flush=True)
    failures = pd.DataFrame(sorted(failed.items()), columns=["doc_id", "error"])
    if len(failures):   # a document that failed gives no row at all, not half of its rows
        rows = [r for r in rows if r["doc_id"] not in failed]
        mentions = [m for m in mentions if m["doc_id"] not in failed]
    rdf = pd.DataFrame(rows, columns=[*ROW_COLUMNS, "raw_start", "raw_end"])
    mdf = pd.DataFrame(mentions, columns=list(MENTION_COLUMNS))
    if len(rdf):
        rdf["year"] = rdf["year"].astype("Int64")
        rdf = rdf.sort_values(["doc_id", "start", "indicator", "recipients", "value"],
                              kind="mergesort")
    if len(mdf):
        mdf = mdf.sort_values(["doc_id", "start", "end"], kind="mergesort")
    return rdf.reset_index(drop=True), mdf.reset_index(drop=True), failures


# --------------------------------------------------------------------------------------------
# corrections


@dataclass(frozen=True)
class Correction:
    line: int
    action: str
    doc_id: str
    match: dict          # match_* column → parsed value (only the non-empty ones)
    set: dict            # core column → parsed value (None clears)
    reason: str
    author: str = ""
    date: str = ""


def _parse_number(text: str, what: str, *, integer: bool = False):
    try:
        v = float(text.replace(",", ""))
    except ValueError:
        raise ValueError(f"{what} {text!r} is not a number") from None
    if math.isnan(v) or math.isinf(v):
        raise ValueError(f"{what} {text!r} is not a finite number")
    if integer:
        if v != int(v):
            raise ValueError(f"{what} {text!r} is not a whole number")
        return int(v)
    return round(v, VALUE_DECIMALS)


def _parse_set_value(column: str, text: str):
    col = next(c for c in codebook.COLUMNS if c.name == column)
    if text == EMPTY:
        if not col.nullable:
            raise ValueError(f"set_{column} cannot be {EMPTY}: {column} may not be empty")
        return None
    if col.dtype == "int":
        return _parse_number(text, f"set_{column}", integer=True)
    if col.dtype == "float":
        v = _parse_number(text, f"set_{column}")
        if v < 0:
            raise ValueError(f"set_{column} {text!r} is negative")
        return v
    if col.allowed and text not in col.allowed:
        raise ValueError(f"set_{column} {text!r} is not one of {', '.join(col.allowed)}")
    return text


def _parse_correction(line: int, rec: dict) -> Correction:
    action = rec.get("action", "")
    if action not in ACTIONS:
        raise ValueError(f"action {action!r} is not one of {', '.join(ACTIONS)}")
    doc_id = rec.get("doc_id", "")
    if not doc_id:
        raise ValueError("doc_id is empty")
    reason = rec.get("reason", "")
    if not reason:
        raise ValueError("reason is empty (every correction needs one)")
    match = {}
    for col in MATCH_COLUMNS:
        text = rec.get(col, "")
        if not text:
            continue
        if col == "match_value":
            match[col] = _parse_number(text, col)
        elif col == "match_indicator":
            if text not in codebook.INDICATOR_NAMES:
                raise ValueError(f"match_indicator {text!r} is not a codebook indicator")
            match[col] = text
        elif col == "match_recipients":
            match[col] = "" if text == EMPTY else text
        else:
            match[col] = text
    sets = {}
    for scol in SET_COLUMNS:
        text = rec.get(scol, "")
        if text:
            sets[scol[4:]] = _parse_set_value(scol[4:], text)

    if action in ("drop", "change") and "match_evidence" not in match:
        raise ValueError(f"{action} needs match_evidence (text of the evidence of the row(s) "
                         "to match)")
    if action == "drop" and sets:
        raise ValueError(f"drop takes no set_ columns (found {', '.join('set_' + k for k in sets)})")
    if action == "change" and not sets:
        raise ValueError("change needs at least one set_ column")
    if action == "add":
        if match:
            raise ValueError(f"add takes no match_ columns (found {', '.join(match)})")
        required = [c.name for c in codebook.COLUMNS
                    if c.core and not c.nullable and c.name != "doc_id"]
        lacking = [f"set_{c}" for c in required if sets.get(c) is None]
        if lacking:
            raise ValueError(f"add needs {', '.join(lacking)}")
    indicator = sets.get("indicator")
    unit = sets.get("unit")
    if indicator and unit and unit not in codebook.INDICATOR_BY_NAME[indicator].units:
        raise ValueError(f"unit {unit!r} does not fit indicator {indicator!r} (allowed: "
                         f"{', '.join(codebook.INDICATOR_BY_NAME[indicator].units)})")
    return Correction(line, action, doc_id, match, sets, reason,
                      rec.get("author", ""), rec.get("date", ""))


def read_corrections(path) -> list[Correction]:
    """Parse and check a corrections file; raise ``CorrectionsFileError`` (file, line, problem)."""
    path = Path(path)
    try:
        _, records = read_records(path, required=REQUIRED_HEADER, known=CORRECTION_COLUMNS,
                                  multiline=True, what="corrections file")
    except CsvFileError as err:
        raise CorrectionsFileError(str(err)) from None
    out = []
    for r in records:
        try:
            out.append(_parse_correction(r.line, r.values))
        except ValueError as err:
            raise CorrectionsFileError(f"{path}, line {r.line}: {err}") from None
    return out


def split_list(text) -> list[str]:
    """The parts of a ';'-joined cell (recipients, adcodes, doc_ids), stripped; [] for NA or ''."""
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return []
    return [t.strip() for t in str(text).split(";") if t.strip()]


def _recipient_set(text) -> frozenset:
    return frozenset(split_list(text))


def _matches(panel: pd.DataFrame, c: Correction) -> pd.Series:
    m = (panel["doc_id"] == c.doc_id).fillna(False)
    ev = c.match.get("match_evidence")
    if ev is not None:
        m &= panel["evidence"].fillna("").str.contains(ev, regex=False)
    if "match_indicator" in c.match:
        m &= (panel["indicator"] == c.match["match_indicator"]).fillna(False)
    if "match_value" in c.match:
        v = c.match["match_value"]
        m &= ((panel["value"] - v).abs() <= 1e-6 * max(1.0, abs(v))).fillna(False)
    if "match_recipients" in c.match:
        want = _recipient_set(c.match["match_recipients"])
        m &= panel["recipients"].map(lambda r: _recipient_set(r) == want).astype(bool)
    return m.astype(bool)


def cell_text(v, missing: str = "") -> str:
    """Text of a panel cell for people: ``missing`` for NA, numbers without float noise."""
    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return missing
    if isinstance(v, float):
        return format_number(v)
    return str(v)


def _fmt(v) -> str:
    return cell_text(v, missing="∅")


def _same(a, b) -> bool:
    na_a = a is None or (not isinstance(a, str) and pd.isna(a))
    na_b = b is None or (not isinstance(b, str) and pd.isna(b))
    if na_a or na_b:
        return na_a and na_b
    if isinstance(a, numbers.Number) and isinstance(b, numbers.Number):
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)))
    return str(a) == str(b)


def resolve_adcodes(recipients) -> str | None:
    """';'-joined adcodes of ';'-joined recipient names (None when empty or unresolvable)."""
    names = split_list(recipients)
    if not names:
        return None
    gaz = get_gazetteer()
    codes = []
    for name in names:
        try:
            place = gaz.resolve(name)
        except Exception:  # noqa: BLE001 - any failure means "not resolved"
            place = None
        if place is None:
            warnings.warn(f"correction recipient {name!r} is not in the gazetteer: "
                          "recipient_adcodes left empty", stacklevel=2)
            return None
        codes.append(str(place.adcode))
    return ";".join(codes)


def _locate(documents, doc_id, evidence):
    """(start, end, raw_start, raw_end) of the first occurrence of evidence in the clean text."""
    if documents is None:
        return None
    doc = documents.get(doc_id)
    if doc is None or not getattr(doc, "text", None):
        return "document not among the ingested documents (or has no text)"
    pos = doc.text.find(evidence)
    if pos < 0:
        return "evidence not found in the clean text of the document"
    s, e = pos, pos + len(evidence)
    rs, re_ = raw_span(doc, s, e)
    return s, e, rs, re_


def apply_corrections(panel: pd.DataFrame, corrections, documents: Mapping | None = None,
                      *, warn: bool = True):
    """Apply corrections in order → ``(panel, applied_log_df, unmatched_df)``.

    ``corrections`` is a path to a corrections CSV or a list of ``Correction``. ``documents``
    (doc_id → Document) lets added or re-evidenced rows get their offsets; without it those
    offsets stay empty.
    """
    if corrections is None:
        corrections = []
    elif not isinstance(corrections, (list, tuple)):
        corrections = read_corrections(corrections)
    panel = panel.copy().reset_index(drop=True)
    log, unmatched = [], []

    def miss(c, problem):
        unmatched.append({"line": c.line, "action": c.action, "doc_id": c.doc_id,
                          **{k: c.match.get(k) for k in MATCH_COLUMNS},
                          "problem": problem, "reason": c.reason})

    def logrow(c, row, change):
        log.append({"line": c.line, "action": c.action, "doc_id": c.doc_id,
                    "indicator": row["indicator"], "value": row["value"],
                    "recipients": row["recipients"], "evidence": row["evidence"],
                    "change": change, "reason": c.reason, "author": c.author, "date": c.date})

    for c in corrections:
        if c.action == "add":
            row = {col: None for col in codebook.PANEL_COLUMNS}
            row.update({"doc_id": c.doc_id, **c.set, "origin": "correction"})
            dup = ((panel["doc_id"] == c.doc_id) & (panel["indicator"] == row["indicator"])
                   & (panel["evidence"] == row["evidence"])
                   & ((panel["value"] - row["value"]).abs() <= 1e-6 * max(1.0, row["value"]))
                   ).fillna(False)
            want = _recipient_set(row["recipients"])
            dup &= panel["recipients"].map(lambda r: _recipient_set(r) == want).astype(bool)
            if dup.any():
                miss(c, "the panel already has this row (the rules extract it now): remove the "
                        "correction")
                continue
            where = _locate(documents, c.doc_id, row["evidence"])
            if isinstance(where, str):
                miss(c, where)
                continue
            if where is not None:
                row["start"], row["end"], row["raw_start"], row["raw_end"] = where
            row["recipient_adcodes"] = resolve_adcodes(row["recipients"])
            panel = pd.concat([panel, coerce_panel(pd.DataFrame([row]))], ignore_index=True)
            logrow(c, row, "added")
            continue

        m = _matches(panel, c)
        if not m.any():
            in_doc = bool((panel["doc_id"] == c.doc_id).fillna(False).any())
            miss(c, "no row matches" if in_doc else
                 f"no row of document {c.doc_id!r} in the panel")
            continue
        if c.action == "drop":
            for _, row in panel[m].iterrows():
                logrow(c, row, "dropped")
            panel = panel[~m].reset_index(drop=True)
            continue

        # change
        extra = {}
        if "evidence" in c.set:
            where = _locate(documents, c.doc_id, c.set["evidence"])
            if isinstance(where, str):
                miss(c, f"set_evidence: {where}")
                continue
            if where is not None:
                extra = dict(zip(("start", "end", "raw_start", "raw_end"), where))
        if "recipients" in c.set:
            extra["recipient_adcodes"] = resolve_adcodes(c.set["recipients"])
        changed_any = False
        for idx in panel.index[m]:
            row = panel.loc[idx]
            diffs = [f"{k}: {_fmt(row[k])} → {_fmt(v)}" for k, v in c.set.items()
                     if not _same(row[k], v)]
            if not diffs:
                continue
            changed_any = True
            new = row.to_dict()
            new.update(c.set)
            new.update(extra)
            new["origin"] = "correction"
            for k, v in new.items():
                panel.at[idx, k] = v
            logrow(c, panel.loc[idx], "; ".join(diffs))
        if not changed_any:
            miss(c, "the matched rows already have these values (the rules do this now): "
                    "remove the correction")

    panel = sort_panel(coerce_panel(panel)) if len(panel) else empty_panel()
    log_df = pd.DataFrame(log, columns=list(LOG_COLUMNS))
    unmatched_df = pd.DataFrame(unmatched, columns=list(UNMATCHED_COLUMNS))
    if warn and len(unmatched_df):
        lines = "; ".join(f"line {r.line} ({r.action} {r.doc_id}): {r.problem}"
                          for r in unmatched_df.itertuples())
        warnings.warn(f"{len(unmatched_df)} correction(s) matched nothing: {lines}", stacklevel=2)
    return panel, log_df, unmatched_df


def corrections_log(applied: pd.DataFrame, unmatched: pd.DataFrame) -> pd.DataFrame:
    """One table of both outcomes (written as corrections_log.csv)."""
    a = applied.assign(result="applied")
    u = unmatched.rename(columns={"problem": "change"}).assign(result="unmatched")
    u = u.assign(evidence=u["match_evidence"], indicator=u["match_indicator"],
                 value=u["match_value"], recipients=u["match_recipients"])
    cols = ["result", *LOG_COLUMNS]
    frames = [f.reindex(columns=cols) for f in (a, u) if len(f)]
    if not frames:
        return pd.DataFrame(columns=cols)
    out = pd.concat(frames, ignore_index=True)
    return out.sort_values(["line", "result"], kind="mergesort").reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# validation


def validate(panel: pd.DataFrame) -> pd.DataFrame:
    """Validate against ``codebook.panel_schema()``; on failure raise ``PanelSchemaError``
    listing every failed check and the offending rows."""
    import pandera.pandas as pa

    panel = panel.reset_index(drop=True)
    try:
        return codebook.panel_schema().validate(panel, lazy=True)
    except pa.errors.SchemaErrors as err:
        fc = err.failure_cases
        checks = (fc.assign(column=fc["column"].fillna("(table)"),
                            failure_case=fc["failure_case"].map(str))
                  .groupby(["column", "check"], dropna=False)
                  .agg(n=("failure_case", "size"),
                       examples=("failure_case", lambda s: ", ".join(sorted(set(s))[:3]))))
        idx = sorted({int(i) for i in fc["index"].dropna().tolist()
                      if isinstance(i, (int, float)) and 0 <= i < len(panel)})
        show = [c for c in ("doc_id", "indicator", "value", "unit", "year", "status", "detail",
                            "evidence") if c in panel.columns]
        with pd.option_context("display.width", 200, "display.max_columns", 20,
                               "display.max_colwidth", 40):
            failing = to_csv_frame(panel.loc[idx[:30], show])
            rows = failing.to_string() if idx else "(no row index reported)"
            msg = (f"the panel violates the codebook schema ({len(fc)} failure(s) in "
                   f"{len(idx)} row(s)):\n{checks.to_string()}\n\nfailing rows"
                   f"{' (first 30)' if len(idx) > 30 else ''}:\n{rows}")
        raise PanelSchemaError(msg) from None


SET_ASIDE_COLUMNS = (*codebook.PANEL_COLUMNS, "reason")


def _reason(schema_context, column, check, case) -> str:
    if schema_context == "Column":
        if check == "not_nullable":
            return f"{column} missing"
        return f"{column} {case!s} fails {check}"
    return str(check)


def set_aside_invalid(panel: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(valid panel, rows set aside with their ``reason``): a row failing a schema check (a
    figure with no year found, no donor, a value outside the vocabulary ...) is set aside,
    never a reason to stop the other rows. The panel keeps its contract (every row has a year
    and a donor); the rows set aside are written to ``set_aside.csv`` and their mentions say
    so. A failure that is not about rows (a missing column) still raises ``PanelSchemaError``."""
    import pandera.pandas as pa

    panel = panel.reset_index(drop=True)
    empty = pd.DataFrame(columns=list(SET_ASIDE_COLUMNS))
    try:
        return codebook.panel_schema().validate(panel, lazy=True), empty
    except pa.errors.SchemaErrors as err:
        fc = err.failure_cases
    reasons: dict[int, list[str]] = {}
    for r in fc.itertuples(index=False):
        i = r.index
        if i is None or (not isinstance(i, numbers.Integral) and pd.isna(i)) \
                or not 0 <= int(i) < len(panel):
            validate(panel)  # not a row's fault: raise with the full report
        why = _reason(r.schema_context, r.column, r.check, r.failure_case)
        if why not in reasons.setdefault(int(i), []):
            reasons[int(i)].append(why)
    bad = sorted(reasons)
    aside = panel.loc[bad].assign(reason=["; ".join(reasons[i]) for i in bad])
    return validate(panel.drop(index=bad)), aside.reset_index(drop=True)[list(SET_ASIDE_COLUMNS)]


def mark_set_aside(mentions: pd.DataFrame, panel: pd.DataFrame, aside: pd.DataFrame
                   ) -> pd.DataFrame:
    """Mentions whose rows were all set aside: decision ``set_aside``, the reason given. A
    row's mention is the ``panel`` mention of its indicator and value inside its evidence."""
    need = {"doc_id", "start", "end", "decision", "value", "indicator", "reason"}
    if aside.empty or mentions.empty or not need <= set(mentions.columns):
        return mentions
    key = ["doc_id", "start", "end", "indicator", "value"]
    gone = aside.dropna(subset=["start", "end"])[key + ["reason"]].copy()
    kept = panel.dropna(subset=["start", "end"])[key].copy()
    for df in (gone, kept):
        df["value"] = df["value"].astype(float).round(4)
        df["start"], df["end"] = df["start"].astype("int64"), df["end"].astype("int64")
    gone = gone.drop_duplicates(key)
    gone = gone.merge(kept.drop_duplicates(), on=key, how="left", indicator=True)
    gone = gone[gone["_merge"] == "left_only"].drop(columns="_merge")
    m = mentions[(mentions["decision"] == "panel") & mentions["start"].notna()
                 & mentions["value"].notna()]
    m = m[["doc_id", "start", "end", "indicator", "value"]].reset_index()
    m["value"] = m["value"].astype(float).round(4)
    pairs = m.merge(gone, on=["doc_id", "indicator", "value"], suffixes=("", "_row"))
    pairs = pairs[(pairs["start_row"] <= pairs["start"]) & (pairs["end"] <= pairs["end_row"])]
    # a mention inside several set-aside evidences takes the first (by position)
    pairs = pairs.sort_values(["index", "start_row", "end_row"], kind="mergesort")
    pairs = pairs.drop_duplicates("index")
    if pairs.empty:
        return mentions
    out = mentions.copy()
    out.loc[pairs["index"].to_numpy(), "decision"] = "set_aside"
    out.loc[pairs["index"].to_numpy(), "reason"] = ("set aside: " + pairs["reason"]).to_numpy()
    return out


def set_aside_summary(aside: pd.DataFrame) -> str:
    """'5 row(s) set aside (donor missing 2, year missing 3)': the count, by reason."""
    if aside.empty:
        return "0 row(s) set aside"
    counts = aside["reason"].str.split("; ").explode().value_counts()
    return (f"{len(aside)} row(s) set aside "
            f"({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))})")


# --------------------------------------------------------------------------------------------
# writing


def format_number(v) -> str:
    """Fixed formatting for CSV: no float noise, no trailing '.0' (14182100.0 → '14182100')."""
    if v is None or pd.isna(v):
        return ""
    s = f"{round(float(v), VALUE_DECIMALS):.{VALUE_DECIMALS}f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def to_csv_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Frame with float columns turned into fixed strings, ready for a deterministic CSV."""
    out = df.copy()
    for col in out.columns:
        if pd.api.types.is_float_dtype(out[col]):
            out[col] = out[col].map(format_number)
    return out


def write_csv(df: pd.DataFrame, path) -> Path:
    path = Path(path)
    to_csv_frame(df).to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    return path


def write_parquet(df: pd.DataFrame, path) -> Path:
    """Byte-identical for identical frames: pyarrow, no index, fixed compression and options."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = Path(path)
    table = pa.Table.from_pandas(df.reset_index(drop=True), preserve_index=False)
    pq.write_table(table, path, compression="zstd", compression_level=3, use_dictionary=True,
                   write_statistics=True, version="2.6")
    return path


def sort_mentions(mentions: pd.DataFrame) -> pd.DataFrame:
    keys = [k for k in ("doc_id", "start", "end") if k in mentions.columns]
    rest = [c for c in mentions.columns if c not in keys]
    return mentions.sort_values(keys + rest, kind="mergesort", na_position="last"
                                ).reset_index(drop=True)


def write_panel(panel: pd.DataFrame, mentions: pd.DataFrame, out_dir, *,
                corrections_log_df: pd.DataFrame | None = None,
                set_aside: pd.DataFrame | None = None) -> dict[str, Path]:
    """Write panel.csv, panel.parquet, mentions.csv, codebook.yaml, corrections_log.csv and
    set_aside.csv (rows that failed a schema check, with the reason; only a header when none)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    panel = sort_panel(panel)
    written = {
        "panel.csv": write_csv(panel, out_dir / "panel.csv"),
        "panel.parquet": write_parquet(panel, out_dir / "panel.parquet"),
        "mentions.csv": write_csv(sort_mentions(mentions), out_dir / "mentions.csv"),
    }
    codebook.write_yaml(out_dir / "codebook.yaml")
    written["codebook.yaml"] = out_dir / "codebook.yaml"
    log = corrections_log_df if corrections_log_df is not None else corrections_log(
        pd.DataFrame(columns=list(LOG_COLUMNS)), pd.DataFrame(columns=list(UNMATCHED_COLUMNS)))
    written["corrections_log.csv"] = write_csv(log, out_dir / "corrections_log.csv")
    aside = set_aside if set_aside is not None else pd.DataFrame(columns=list(SET_ASIDE_COLUMNS))
    written["set_aside.csv"] = write_csv(sort_panel(aside) if len(aside) else aside,
                                         out_dir / "set_aside.csv")
    return written


def read_panel(path) -> pd.DataFrame:
    """Read panel.csv or panel.parquet back with the codebook dtypes.

    A gold file (core columns only) reads too: missing provenance columns come back empty. A
    missing core column or a number column holding text is an error naming the file and the row.
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"panel file not found: {path}")
    if path.suffix == ".parquet":
        df = pd.read_parquet(path)
    else:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in codebook.CORE_COLUMNS if c not in df.columns]
    if missing:
        raise ValueError(f"{path}: missing panel column(s) {missing}")
    df = df.reindex(columns=list(codebook.PANEL_COLUMNS))
    for col, dtype in _column_dtypes().items():
        if dtype == "str":
            continue
        given = df[col].notna() & (df[col].astype(str).str.strip() != "")
        bad = df.index[given & pd.to_numeric(df[col], errors="coerce").isna()]
        if len(bad):
            i = bad[0]
            raise ValueError(f"{path}: row {i} (doc {df.at[i, 'doc_id']}) has a non-numeric "
                             f"{col} {df.at[i, col]!r}")
    return coerce_panel(df)


def rejected_by_reason(mentions: pd.DataFrame, docs: Mapping | None = None, *,
                       examples: int = 3, width: int = 10) -> pd.DataFrame:
    """Mentions left out of the panel, counted by kind of reason (the reason without its
    parenthesised cue word), with a few examples in context (``width`` characters before the
    figure when ``docs`` gives the texts)."""
    rej = mentions[mentions["decision"] != "panel"]
    cols = ["kind", "mentions", "documents", "examples"]
    if rej.empty:
        return pd.DataFrame(columns=cols).set_index("kind")

    def context(r):
        doc = (docs or {}).get(r.doc_id)
        text = getattr(doc, "text", None)
        if text and not pd.isna(r.start) and not pd.isna(r.end):
            return f"{r.doc_id}: …{text[max(0, int(r.start) - width):int(r.end)]}"
        return f"{r.doc_id}: {r.text}"

    kind = rej["reason"].fillna("").astype(str).str.replace(r"\s*\(.*\)$", "", regex=True)
    rej = rej.assign(kind=kind.where(kind != "", "(no reason)"),
                     example=[context(r) for r in rej.itertuples(index=False)])
    out = (rej.groupby("kind")
           .agg(mentions=("example", "size"), documents=("doc_id", "nunique"),
                examples=("example", lambda s: " | ".join(s.head(examples))))
           .sort_values(["mentions", "documents"], ascending=False, kind="mergesort"))
    return out


# --------------------------------------------------------------------------------------------
# pairings check


def _within(specific: str, general: str) -> bool:
    """True when place ``specific`` is ``general`` or lies inside it (by full-name prefix) or
    the two agree at the lowest level (a short name against a full one)."""
    if not specific or not general:
        return False
    if specific == general or specific.startswith(general):
        return True
    return specific.endswith(last_level(general)) or general.endswith(last_level(specific))


def read_pairings(pairings_csv) -> pd.DataFrame:
    """The pairings table (donor, recipient, optional start_year/end_year, recipient_adcode,
    ...) as text columns. Every problem names the file and the line: no file, an empty file, a
    header without donor/recipient, a record with more or fewer fields than the header (a stray
    quote or comma), a year that is not yyyy."""
    path = Path(pairings_csv)
    if not path.exists():
        raise FileNotFoundError(f"{path}: pairings file not found (the gazetteer step writes "
                                "data/raw/pairings.csv); the pairings check cannot run")
    header, records = read_records(path, required=("donor", "recipient"), what="pairings file")
    for r in records:
        for col in ("start_year", "end_year"):
            v = r.values.get(col, "")
            if v and not re.fullmatch(r"\d{4}", v):
                raise CsvFileError(f"{path}, line {r.line}: {col} {v!r} is not a year "
                                   "(write yyyy, or leave it empty for an open end)")
    return pd.DataFrame([r.values for r in records], columns=header, dtype=object).fillna("")


def _year(text, default):
    try:
        return int(float(text))
    except (TypeError, ValueError):
        return default


def _adcode_within(code: str, general: str) -> bool:
    """Adcode containment (620524 lies in 620500 and 620000); False when either is unknown."""
    return len(code) == 6 and len(general) == 6 and adcode_within(code, general)


def _span(s: int, e: int) -> str:
    lo, hi = (str(s) if s > -10**6 else ""), (str(e) if e < 10**6 else "")
    return lo if lo == hi else f"{lo}–{hi}"


def check_pairings(panel: pd.DataFrame, pairings_csv=None) -> pd.DataFrame:
    """Donor→recipient pairs of the panel that ``pairings.csv`` does not list (for the year).

    A pairing covers a panel pair when the panel donor is the listed donor or lies inside it
    (天津市 covers 天津市宝坻区), the recipient is the listed one, lies inside it, or contains it
    (a row for 甘肃省 is covered by any listed Gansu county of that donor), and the row's year
    is within start_year..end_year (an empty bound is open). Places are compared by full-name
    prefix and last-level name, and by adcode when both the panel (``recipient_adcodes``) and
    the file (``recipient_adcode``) have one. Returns one line per uncovered pair: donor,
    recipient, program(s), years, rows, documents, problem.
    """
    pairings = read_pairings(pairings_csv or paths.RAW / "pairings.csv")
    cols = ["donor", "recipient", "programs", "years", "rows", "documents", "problem"]
    if panel.empty:
        return pd.DataFrame(columns=cols)
    entries = [(r["donor"].strip(), r["recipient"].strip(),
                str(r.get("recipient_adcode") or "").strip(),
                _year(r.get("start_year"), -10**6), _year(r.get("end_year"), 10**6))
               for r in pairings.to_dict("records") if r["donor"].strip() and r["recipient"].strip()]
    pairs: dict = {}
    for r in panel.itertuples(index=False):
        names, codes = split_list(r.recipients), split_list(r.recipient_adcodes)
        if len(codes) != len(names):
            codes = [""] * len(names)
        for name, code in sorted(set(zip(names, codes))):
            pairs.setdefault((r.donor, name, code), []).append(r)
    out = []
    for (donor, rec, code), rows in sorted(pairs.items()):
        listed = [(s, e) for d, p, pc, s, e in entries
                  if _within(donor, d)
                  and (_within(rec, p) or _within(p, rec)
                       or _adcode_within(code, pc) or _adcode_within(pc, code))]
        years = sorted({int(x.year) for x in rows if not pd.isna(x.year)})
        if not listed:
            problem = "no pairing of this donor and recipient in pairings.csv"
        else:
            off = [y for y in years if not any(s <= y <= e for s, e in listed)]
            if not off:
                continue
            spans = ", ".join(sorted({_span(s, e) for s, e in listed}))
            problem = f"listed only for {spans}; rows for {', '.join(map(str, off))}"
        out.append({"donor": donor, "recipient": rec,
                    "programs": ", ".join(sorted({x.program for x in rows})),
                    "years": ", ".join(map(str, years)), "rows": len(rows),
                    "documents": ", ".join(sorted({x.doc_id for x in rows})),
                    "problem": problem})
    return pd.DataFrame(out, columns=cols)


# --------------------------------------------------------------------------------------------
# the whole step


@dataclass
class PanelResult:
    documents: pd.DataFrame            # documents.csv (every input entry with its status)
    panel: pd.DataFrame
    mentions: pd.DataFrame
    corrections_applied: pd.DataFrame
    corrections_unmatched: pd.DataFrame
    docs: dict = field(default_factory=dict, repr=False)   # doc_id → Document
    written: dict = field(default_factory=dict)            # file name → path
    set_aside: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(
        columns=list(SET_ASIDE_COLUMNS)))                  # rows failing a schema check + reason
    failures: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(
        columns=["doc_id", "error"]))                      # documents whose extraction raised

    @property
    def corrections_log(self) -> pd.DataFrame:
        return corrections_log(self.corrections_applied, self.corrections_unmatched)

    def problems(self) -> list[str]:
        """What a reader of the run's output must see: entries not read, rows set aside,
        documents whose extraction failed, corrections that matched nothing (an unknown
        doc_id among them)."""
        from .ingest import ingest_problems

        out = [f"input: {x}" for x in ingest_problems(self.documents)] \
            if "status" in self.documents.columns else []
        if len(self.set_aside):
            out.append(f"{set_aside_summary(self.set_aside)}: see set_aside.csv")
        out += [f"extraction failed for {r.doc_id}: {r.error}" for r in self.failures.itertuples()]
        known = set(self.documents["doc_id"]) if "doc_id" in self.documents.columns else set()
        for r in self.corrections_unmatched.itertuples():
            unknown = "" if r.doc_id in known else f" (doc_id {r.doc_id!r} is not an ingested document)"
            out.append(f"correction on line {r.line} ({r.action} {r.doc_id}) matched nothing: "
                       f"{r.problem}{unknown}")
        return out


def problems_in_outputs(clean_dir) -> list[str]:
    """``PanelResult.problems`` read back from the files a run wrote (documents.csv,
    set_aside.csv, corrections_log.csv in ``clean_dir``): for a runner that executes the
    notebooks and must still print what went wrong in them."""
    clean_dir = Path(clean_dir)

    def table(name, columns):
        path = clean_dir / name
        if not path.exists():
            return pd.DataFrame(columns=list(columns))
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    documents = table("documents.csv", ("doc_id", "status", "file", "message", "flags"))
    if "replaced_bytes" in documents.columns:
        documents["replaced_bytes"] = pd.to_numeric(documents["replaced_bytes"]).fillna(0)
    log = table("corrections_log.csv", ("result", *LOG_COLUMNS))
    unmatched = log[log["result"] == "unmatched"].rename(columns={"change": "problem"})
    return PanelResult(documents, empty_panel(), pd.DataFrame(), pd.DataFrame(),
                       unmatched.reindex(columns=list(UNMATCHED_COLUMNS)),
                       set_aside=table("set_aside.csv", SET_ASIDE_COLUMNS)).problems()


def _default_corrections(raw_dir: Path, corrections):
    if corrections is False:
        return None
    if corrections is None:
        candidate = Path(raw_dir) / "corrections.csv"
        return candidate if candidate.exists() else None
    return Path(corrections)


def panel_from_documents(documents_df: pd.DataFrame, docs: Mapping, out_dir=None, *,
                         corrections=None, progress: bool = False, backend=None) -> PanelResult:
    """Extraction + corrections + validation (+ writing when ``out_dir`` is given) on
    already-ingested documents; only documents with status ``ok`` are extracted, on
    ``backend`` (``helpers.parallel.Backend``, one process by default). Rows failing the schema
    are set aside (``PanelResult.set_aside``, ``set_aside.csv``), never a reason to stop."""
    ok = {k: d for k, d in sorted(docs.items()) if getattr(d, "status", "ok") == "ok"}
    rows, mentions, failures = extract_documents(ok, backend, progress=progress)
    panel = assemble(rows, ok)
    if corrections is not None:
        panel, applied, unmatched = apply_corrections(panel, corrections, ok)
    else:
        applied = pd.DataFrame(columns=list(LOG_COLUMNS))
        unmatched = pd.DataFrame(columns=list(UNMATCHED_COLUMNS))
    panel, aside = set_aside_invalid(panel)
    mentions = sort_mentions(mark_set_aside(mentions, panel, aside))
    if len(aside):
        warnings.warn(f"{set_aside_summary(aside)}: they failed a schema check (set_aside.csv)",
                      stacklevel=2)
    for r in failures.itertuples():
        warnings.warn(f"extraction failed for document {r.doc_id}: {r.error}", stacklevel=2)
    result = PanelResult(documents_df, panel, mentions, applied, unmatched, dict(ok),
                         set_aside=aside, failures=failures)
    if out_dir is not None:
        result.written = write_panel(panel, mentions, out_dir,
                                     corrections_log_df=result.corrections_log, set_aside=aside)
    return result


def build_panel(raw_dir, out_dir, *, corrections=None, progress: bool = True, jobs: int = 1,
                dask=None, backend=None) -> PanelResult:
    """Ingest ``raw_dir`` into ``out_dir`` (documents.csv, text/), extract, correct, validate
    and write panel.csv, panel.parquet, mentions.csv, codebook.yaml, corrections_log.csv,
    set_aside.csv.

    ``corrections``: None → ``raw_dir/corrections.csv`` when it exists; a path → that file;
    False → none. ``jobs``: worker processes for the per-document steps (None or 0: every
    core); ``dask``: True for a local Dask cluster of ``jobs`` workers, or a scheduler address.
    The files written are the same bytes whatever ``jobs`` and ``dask`` are.
    """
    from .ingest import ingest_dir
    from .parallel import Backend

    raw_dir, out_dir = Path(raw_dir), Path(out_dir)
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"{raw_dir}: no such folder of raw reports")
    corr = _default_corrections(raw_dir, corrections)
    if corr is not None:
        read_corrections(corr)  # fail on a malformed file before the slow steps
    out_dir.mkdir(parents=True, exist_ok=True)
    # loaded before the workers fork, so that each inherits them instead of loading its own
    from . import attribute  # noqa: F401
    get_gazetteer()
    own = backend is None
    backend = backend or Backend(jobs, dask)
    try:
        documents_df, docs = ingest_dir(raw_dir, out_dir, progress=progress, backend=backend)
        return panel_from_documents(documents_df, docs, out_dir, corrections=corr,
                                    progress=progress, backend=backend)
    finally:
        if own:
            backend.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m helpers panel",
        description="Ingest a folder of reports and write the panel (documents.csv, text/, "
                    "mentions.csv, panel.csv, panel.parquet, codebook.yaml, corrections_log.csv, "
                    "set_aside.csv).")
    parser.add_argument("raw_dir", help="folder of raw reports (txt, html, docx, pdf)")
    parser.add_argument("--out", required=True, help="output folder (created if missing)")
    parser.add_argument("--corrections", default=None,
                        help="corrections CSV (default: RAW_DIR/corrections.csv when present)")
    parser.add_argument("--no-corrections", action="store_true", help="apply no corrections")
    parser.add_argument("--evidence", default=None, metavar="DIR",
                        help="also write the evidence pages (one HTML page per report) into DIR")
    parser.add_argument("--jobs", type=int, default=0, metavar="N",
                        help="worker processes for reading and extraction (default 0: every "
                             "core; 1: this process only). The output does not depend on it")
    parser.add_argument("--dask", nargs="?", const="local", default=None, metavar="SCHEDULER",
                        help="run the per-document steps on Dask: a local cluster of --jobs "
                             "workers, or the scheduler at SCHEDULER (tcp://host:8786)")
    parser.add_argument("--quiet", action="store_true", help="no progress output")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed the usage and the problem
        return int(exc.code or 0)
    raw_dir = Path(args.raw_dir)
    if not raw_dir.exists():
        print(f"error: {raw_dir}: no such folder", file=sys.stderr)
        return 2
    if not raw_dir.is_dir():
        print(f"error: {raw_dir}: not a folder (give the folder that holds the reports)",
              file=sys.stderr)
        return 2
    corrections = False if args.no_corrections else args.corrections
    if corrections and not Path(corrections).exists():
        print(f"error: {corrections}: corrections file not found", file=sys.stderr)
        return 2
    dask = None if args.dask is None else (True if args.dask == "local" else args.dask)
    try:
        with warnings.catch_warnings():
            # the same news is printed below, once, with everything else to look at
            warnings.simplefilter("ignore", UserWarning)
            result = build_panel(raw_dir, args.out, corrections=corrections,
                                 progress=not args.quiet, jobs=args.jobs or None, dask=dask)
        if args.evidence:
            from .evidence import write_evidence_pages

            write_evidence_pages(result.docs, result.panel, args.evidence,
                                 documents_table=result.documents,
                                 text_dir=Path(args.out) / "text")
    except (CorrectionsFileError, PanelSchemaError, FileNotFoundError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    status = result.documents["status"].value_counts().to_dict() if "status" in \
        result.documents.columns else {}
    for line in result.problems():
        print(f"warning: {line}", file=sys.stderr)
    print(f"{len(result.documents)} file(s) "
          f"({', '.join(f'{k} {v}' for k, v in sorted(status.items()))}); "
          f"{len(result.panel)} panel row(s), {len(result.mentions)} mention(s), "
          f"{set_aside_summary(result.set_aside)}; "
          f"corrections applied to {len(result.corrections_applied)} row(s), "
          f"{len(result.corrections_unmatched)} unmatched; written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
