"""The project's hand-kept CSV files (SOURCES.csv, pairings.csv, corrections.csv), read strictly.

A spreadsheet or a hand edit leaves a stray quote, an extra comma or an empty file behind; pandas
would either fail with its own wording or quietly swallow the fields. ``read_records`` reads the
file with the ``csv`` module in strict mode and every problem is a ``CsvFileError`` whose message
names the file and the line: an empty file, a header with unknown, missing or repeated columns,
a record with more or fewer fields than the header, and a quote that opens a field running over
several lines where the file allows none (what a stray quote does).
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path


class CsvFileError(ValueError):
    """A malformed CSV file; the message names the file, the line and the problem."""


@dataclass(frozen=True)
class Record:
    line: int            # line of the file where the record starts (the header is line 1)
    end_line: int        # line where it ends (differs when a quoted field holds a line break)
    values: dict         # column → text, stripped


def read_records(path, *, required=(), known=None, multiline: bool = False,
                 what: str = "file") -> tuple[list[str], list[Record]]:
    """(header, records) of a UTF-8 CSV (a BOM is accepted); blank lines are skipped.

    ``required``: columns the header must have; ``known``: the only columns allowed (None:
    any); ``multiline``: whether a quoted field may hold a line break."""
    path = Path(path)
    if not path.exists():
        raise CsvFileError(f"{path}: {what} not found")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        raise CsvFileError(f"{path}: not UTF-8 ({err.reason} at byte {err.start})") from None
    need = ",".join(required) if required else "a header line"
    if not text.strip():
        raise CsvFileError(f"{path}, line 1: the file is empty (it needs at least the header: "
                           f"{need})")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except csv.Error as err:
        raise CsvFileError(f"{path}, line 1: {err}") from None
    header = [h.strip() for h in header]
    if not multiline and reader.line_num > 1:
        raise CsvFileError(f"{path}, line 1: the header runs over {reader.line_num} lines "
                           "(a stray quote?)")
    if known is not None:
        unknown = [h for h in header if h not in known]
        if unknown:
            raise CsvFileError(f"{path}, line 1: unknown column(s) {', '.join(unknown)}; "
                               f"known: {', '.join(known)}")
    dup = sorted({h for h in header if header.count(h) > 1})
    if dup:
        raise CsvFileError(f"{path}, line 1: duplicate column(s) {', '.join(dup)}")
    lacking = [h for h in required if h not in header]
    if lacking:
        raise CsvFileError(f"{path}, line 1: header lacks column(s) {', '.join(lacking)}")
    records = []
    while True:
        start = reader.line_num + 1
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            raise CsvFileError(f"{path}, line {start}: {err} (a stray quote?)") from None
        end = reader.line_num
        if not fields or all(not f.strip() for f in fields):
            continue
        spans = f"lines {start}–{end}" if end > start else ""
        if len(fields) != len(header):
            hint = (f"; a quote opened on line {start} runs to line {end} (a stray quote?)"
                    if spans else "")
            raise CsvFileError(f"{path}, line {start}: {len(fields)} fields, but the header has "
                               f"{len(header)}{hint}")
        if spans and not multiline:
            raise CsvFileError(f"{path}, line {start}: a quoted field runs over {spans} (a stray "
                               "quote?); values in this file hold no line breaks")
        records.append(Record(start, end, {h: f.strip() for h, f in zip(header, fields)}))
    return header, records
