"""Every entry of data/raw → one row of ``documents.csv`` and, for reports, one clean text.

Readers per format (well-kept libraries, no hand-written parsers):

- ``.txt`` ``.md``: bytes decoded after detection (BOM → UTF-8/UTF-16; strict UTF-8; UTF-16
  without BOM; otherwise charset-normalizer restricted to the encodings Chinese reports come
  in: GB18030 (a superset of GBK/GB2312) and Big5). ``raw_text`` is the decoded file.
- ``.html`` ``.htm``: decoded the same way, main text by trafilatura (lxml body text when
  trafilatura finds nothing). ``raw_text`` is the text trafilatura extracted.
- ``.docx``: python-docx paragraphs, then table rows. ``raw_text`` is that text.
- ``.pdf``: pypdf text layer, page by page. ``raw_text`` is that text.

A file with a few undecodable bytes (a damaged GB18030 page) is read with each bad byte
replaced by U+FFFD: the count is in ``replaced_bytes``, the document is flagged ``mojibake``,
its message and a warning name the file. Over ``MAX_BAD_SHARE`` of the bytes bad is an error.

Offsets (``Document.offsets``, 4 bytes per character) always index ``Document.raw_text``.

Statuses: ``ok`` (extract it), ``duplicate`` (same or near-same report as ``duplicate_of``; not
extracted twice), ``empty`` (nothing, or nothing left once boilerplate is gone), ``error``
(unreadable: binary junk, damaged or truncated PDF, broken Word file, too large to read whole,
a broken or looping symbolic link), ``needs_ocr`` (PDF without a text layer), ``not_chinese``,
``unsupported`` (unknown format), ``reference`` (the project's own tables in data/raw,
``paths.RAW_TABLES``), ``skipped`` (not a file: a folder, a pipe, a socket, a device, or a
symbolic link to something outside data/raw, which is never followed), ``missing`` (listed in
SOURCES.csv but not in the folder). Every entry of the folder gets its row, whatever its name
(bytes that are not UTF-8 are written ``\\xNN`` in ``file``); bad input never stops the run.

Metadata: the curated ``data/raw/SOURCES.csv`` wins over what is read from the text for title,
date and publisher (a researcher checked it, and it is where a reader fixes a wrong value); the
text fills the gaps (unseen reports have no SOURCES row). ``*_source`` columns say which source
each value came from, and ``title_text``/``date_text`` keep the text's reading for comparison.
A ``sha256`` given in SOURCES.csv is checked (``sha256_mismatch`` flag, both hashes in the
message); a malformed SOURCES.csv is an error naming the line (``helpers.csvfile``).
The reporting ``unit`` comes from the text only: a signature block closing the report
(``…领导小组办公室`` over a date), else the ``来源:`` line.

Large text files (over ``LARGE_BYTES``) are read, normalised and written piece by piece (a line
longer than a piece is cut at a sentence end), so memory stays bounded; their Document carries
no text in memory but the ``sections`` of ``text/<doc_id>.txt`` that extraction reads one by one.

Near-duplicates: bottom-k sketches of sentence hashes, compared through an inverted index
(``_mark_duplicates``): linear in the corpus. Reading runs on a ``helpers.parallel.Backend``
(worker processes or Dask) with the same result as on one core.
"""
from __future__ import annotations

import calendar
import codecs
import errno
import hashlib
import io
import logging
import os
import re
import stat
import threading
import warnings
from array import array
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from . import paths
from .csvfile import CsvFileError, read_records
from .normalize import (ORG_END_RE, Normalized, chinese_letter_share, cjk_share, is_body_line,
                        is_masthead, line_kind, normalize, script_of, simplify)

FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html",
           ".htm": "html", ".docx": "docx", ".pdf": "pdf"}
STATUSES = ("ok", "duplicate", "empty", "error", "needs_ocr", "not_chinese", "unsupported",
            "reference", "skipped", "missing")
COLUMNS = ("doc_id", "file", "format", "status", "duplicate_of", "message", "sha256", "bytes",
           "encoding", "script", "chars_raw", "chars_clean", "lines_removed", "title",
           "title_source", "title_text", "date", "date_source", "date_text", "unit",
           "unit_source", "publisher", "publisher_source", "url", "flags", "replaced_bytes")
SOURCES_COLUMNS = ("file", "doc_id", "publisher", "url", "date", "title", "donor", "notes",
                   "sha256")

LARGE_BYTES = 8 * 1024 * 1024       # stream text files above this size (offset lists grow ~40 bytes/char)
CHUNK_BYTES = 1024 * 1024
MAX_WHOLE_BYTES = 256 * 1024 * 1024  # other formats are read whole: refuse beyond this
SHORT_TEXT = 200                   # flag: clean text this short is suspicious
MIN_CJK_SHARE = 0.3                # below this share of Chinese among letters: not a Chinese report
SKETCH_SIZE = 512                  # bottom-k sentence hashes kept per document for near-duplicates
NEAR_DUP_JACCARD = 0.8
NEAR_DUP_CONTAINMENT = 0.9

log = logging.getLogger(__name__)


@dataclass
class Document:
    doc_id: str
    file: str
    status: str
    text: str
    raw_text: str
    offsets: list[int]
    title: str | None
    date: str | None          # ISO yyyy-mm-dd, yyyy-mm or yyyy
    unit: str | None
    script: str
    format: str = ""
    encoding: str | None = None
    sha256: str = ""
    message: str = ""
    duplicate_of: str | None = None
    removed: list = field(default_factory=list, repr=False)
    counts: dict = field(default_factory=dict, repr=False)
    streamed: bool = False
    # streamed documents: (char offset, byte offset, bytes) of each section of the clean text
    # file ``text_path`` (the text is not in memory)
    sections: tuple = field(default=(), repr=False)
    text_path: str | None = None


class InputError(Exception):
    """A file that cannot be read as a report; ``status`` says how it ends up in documents.csv."""

    def __init__(self, status: str, message: str):
        super().__init__(message)
        self.status = status


# --------------------------------------------------------------------------------------------
# Decoding
# --------------------------------------------------------------------------------------------
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
MAX_BAD_SHARE = 0.01     # more undecodable bytes than this share: the wrong encoding, or not text
_LOSSY = "helpers.count"  # codec error handler: U+FFFD for each bad sequence, bad bytes counted
_bad_bytes = threading.local()


def _count_and_replace(err: UnicodeDecodeError) -> tuple[str, int]:
    _bad_bytes.n = getattr(_bad_bytes, "n", 0) + (err.end - err.start)
    if getattr(_bad_bytes, "first", None) is None:
        _bad_bytes.first = err.start
    return "\ufffd", err.end


codecs.register_error(_LOSSY, _count_and_replace)


def lossy_decode(data: bytes, enc: str) -> tuple[str, int, int | None]:
    """(text, number of undecodable bytes replaced by U+FFFD, offset of the first one)."""
    _bad_bytes.n, _bad_bytes.first = 0, None
    text = data.decode(enc, errors=_LOSSY)
    return text, _bad_bytes.n, _bad_bytes.first


def _looks_binary(sample: bytes) -> str | None:
    if not sample:
        return None
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    nul = sample.count(0)
    ctrl = len(sample) - len(sample.translate(None, _CONTROL))
    if nul or ctrl > 0.01 * len(sample):
        return f"binary data, not text ({ctrl} control bytes, {nul} NUL, in the first {len(sample)} bytes)"
    return None


def _plausible_share(text: str) -> float:
    """Share of characters a Chinese or English report is made of (common CJK, ASCII, CJK and
    full-width punctuation): high for a right decoding, low for bytes read the wrong way (the
    rare CJK extension A is left out: pairs of ASCII bytes read as UTF-16 land there)."""
    if not text:
        return 0.0
    cp = np.frombuffer(text.encode("utf-32-le", errors="surrogatepass"), dtype=np.uint32)
    ok = (((cp >= 0x20) & (cp < 0x7F)) | (cp == 9) | (cp == 10) | (cp == 13)
          | ((cp >= 0x3000) & (cp <= 0x303F)) | ((cp >= 0x4E00) & (cp <= 0x9FFF)) | ((cp >= 0xFF00) & (cp <= 0xFFEF))
          | ((cp >= 0x2000) & (cp <= 0x206F)) | ((cp >= 0xA0) & (cp <= 0xFF)))
    return float(np.count_nonzero(ok)) / len(cp)


def _utf16_without_bom(sample: bytes) -> str | None:
    """``utf-16-le``/``-be`` when the bytes read as UTF-16 text (no BOM to say so), else None."""
    if len(sample) < 16:
        return None
    even = sample[:len(sample) // 2 * 2]
    for enc in ("utf-16-le", "utf-16-be"):
        text, bad, _ = lossy_decode(even, enc)
        # a surrogate pair cut at the end of the sample is not an error of the file
        if bad <= 2 and _plausible_share(text) >= 0.95 and \
                sum(1 for c in text if "\u4e00" <= c <= "\u9fff" or c.isalpha()) >= 0.3 * len(text):
            return enc
    return None


def _gb_share(text: str) -> float:
    """Share of the Chinese characters that are in GB2312 (the common simplified ones): near 1
    for GB18030 text read right, far lower for Big5 bytes read as GB18030."""
    han = [c for c in text[:20000] if "\u4e00" <= c <= "\u9fff"]
    if not han:
        return 0.0
    ok = 0
    for c in han:
        try:
            c.encode("gb2312")
            ok += 1
        except UnicodeEncodeError:
            pass
    return ok / len(han)


def detect_encoding(sample: bytes) -> str:
    """Encoding of a text file from its first bytes: BOM, strict UTF-8, UTF-16 without BOM,
    else charset-normalizer among GB18030 and Big5 (the encodings Chinese reports arrive in);
    when a few bytes are bad under every candidate (a damaged file), the candidate that reads
    the rest best. Raises ``InputError`` for binary data and text in none of them."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as e:
        # A multi-byte character cut at the end of the sample is still UTF-8.
        if e.start >= len(sample) - 3 and e.reason.startswith("unexpected end"):
            return "utf-8"
    utf16 = _utf16_without_bom(sample)
    if utf16:
        return utf16
    why = _looks_binary(sample)
    if why:
        raise InputError("error", why)
    import charset_normalizer
    best = charset_normalizer.from_bytes(sample, cp_isolation=["gb18030", "big5", "utf_8"]).best()
    if best is not None and best.encoding in ("gb18030", "big5", "utf_8"):
        return {"utf_8": "utf-8"}.get(best.encoding, best.encoding)
    # charset-normalizer gives up on a single bad byte: read the rest with each candidate.
    limit = MAX_BAD_SHARE * len(sample)
    if lossy_decode(sample, "utf-8")[1] <= limit:   # UTF-8 with a few damaged bytes
        return "utf-8"
    text, bad, _ = lossy_decode(sample, "gb18030")
    if bad <= limit and _gb_share(text) >= 0.9:
        return "gb18030"
    if lossy_decode(sample, "big5")[1] <= limit:
        return "big5"
    if best is None:
        best = charset_normalizer.from_bytes(sample).best()
    if best is None:
        raise InputError("error", "cannot decode: not UTF-8, UTF-16, GB18030/GBK or Big5 text")
    return best.encoding


def decode_bytes(data: bytes) -> tuple[str, str, int]:
    """(text, encoding, bytes replaced). A few undecodable bytes under the detected encoding
    are replaced by U+FFFD and counted (the document is flagged ``mojibake``); more than
    ``MAX_BAD_SHARE`` of the file is an error, not silence."""
    enc = detect_encoding(data[:65536])
    text, bad, first = lossy_decode(data, enc)
    if bad > MAX_BAD_SHARE * max(len(data), 1):
        raise InputError("error", f"not valid {enc}: {bad} undecodable bytes (first at byte "
                                  f"{first}: {data[first:first + 8]!r})")
    return text, enc, bad


# --------------------------------------------------------------------------------------------
# Readers: bytes → (raw_text, encoding, format metadata)
# --------------------------------------------------------------------------------------------
def _read_text(data: bytes) -> tuple[str, str | None, dict]:
    text, enc, bad = decode_bytes(data)
    return text, enc, {"replaced_bytes": bad}


def _read_html(data: bytes) -> tuple[str, str | None, dict]:
    html, enc, bad = decode_bytes(data)
    import trafilatura
    meta: dict = {"replaced_bytes": bad}
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_tables=True,
                                      include_comments=False, favor_recall=True)
    text = (doc.text if doc is not None else None) or ""
    if doc is not None and doc.title:
        meta["title"] = doc.title
    if not text.strip():
        import lxml.html
        try:
            root = lxml.html.fromstring(html)
            for bad in root.xpath("//script|//style|//noscript"):
                bad.drop_tree()
            text = root.text_content()
        except Exception as e:  # lxml raises on empty/garbage documents
            raise InputError("error", f"unreadable HTML: {e}") from e
    return text, enc, meta


def _read_docx(data: bytes) -> tuple[str, str | None, dict]:
    import docx
    try:
        d = docx.Document(io.BytesIO(data))
    except Exception as e:
        raise InputError("error", f"not a readable Word (.docx) file: {type(e).__name__}: {e}") from e
    parts = [p.text for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            cells = []
            for c in row.cells:
                if not cells or c.text != cells[-1]:  # merged cells repeat their text
                    cells.append(c.text)
            parts.append(" ".join(cells))
    meta = {}
    if d.core_properties.title:
        meta["title"] = d.core_properties.title
    return "\n".join(parts), None, meta


def _read_pdf(data: bytes) -> tuple[str, str | None, dict]:
    import pypdf
    if not data.startswith(b"%PDF"):
        raise InputError("error", "not a PDF: the file does not start with %PDF")
    if b"%%EOF" not in data[-2048:]:
        raise InputError("error", "truncated PDF: the file ends without its %%EOF marker")
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = pypdf.PdfReader(io.BytesIO(data))
            pages = [(p.extract_text() or "") for p in reader.pages]
    except Exception as e:
        raise InputError("error", f"damaged PDF: {type(e).__name__}: {e}") from e
    text = "\n".join(pages)
    if not text.strip():
        raise InputError("needs_ocr", f"PDF has no text layer ({len(pages)} page(s)): it needs OCR")
    meta = {}
    try:
        if reader.metadata and reader.metadata.title:
            meta["title"] = str(reader.metadata.title)
    except Exception:
        pass
    return text, None, meta


READERS = {"txt": _read_text, "md": _read_text, "html": _read_html, "docx": _read_docx,
           "pdf": _read_pdf}


# --------------------------------------------------------------------------------------------
# Metadata read from the text
# --------------------------------------------------------------------------------------------
_DATE_RE = re.compile(
    r"(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?|(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)")
_DATE_LABEL_RE = re.compile(r"(?:发布时间|发布日期|发表时间|更新时间|日期|时间)\s*(?:[:：]\s*|(?=\d))")
_SOURCE_RE = re.compile(
    r"(?:信息来源|文章来源|新闻来源|来源|稿源)\s*[:：]\s*([^\s|【\[]+?)"
    r"(?=$|\s|作者|编辑|责任编辑|责编|发布时间|发布日期|时间|日期|浏览|【|\[|\||\d{4}-\d)")
_UNINFORMATIVE_SOURCE = {"互联网", "网络", "本站", "网友", "网友投稿", "原创"}
_BYLINE_RE = re.compile(r"记者|通讯员|摄影|作者|编辑|报道")


# a date in Chinese numerals, as official documents sign them (二〇二〇年十二月三十日)
_CN_DATE_RE = re.compile(r"([〇零○一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日")
_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0}


def _cn_small(s: str) -> int:
    """一 … 三十一 (a month or a day in Chinese numerals)."""
    if "十" not in s:
        return _CN_DIGIT[s] if len(s) == 1 else -1
    tens, _, ones = s.partition("十")
    return (_CN_DIGIT.get(tens, -1) if tens else 1) * 10 + (_CN_DIGIT.get(ones, -1) if ones else 0)


def parse_date(s: str) -> str | None:
    """First plausible calendar date in ``s`` as ISO yyyy-mm-dd, else None."""
    dates = [(m.start(), m) for m in _DATE_RE.finditer(s)] + [(m.start(), m) for m in _CN_DATE_RE.finditer(s)]
    for _, m in sorted(dates, key=lambda x: x[0]):
        if m.re is _CN_DATE_RE:
            y = int("".join(str(_CN_DIGIT[c]) for c in m.group(1)))
            mo, d = _cn_small(m.group(2)), _cn_small(m.group(3))
        elif m.group(1):
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        else:
            d, mo, y = int(m.group(4)), int(m.group(5)), int(m.group(6))
        if 1990 <= y <= 2040 and 1 <= mo <= 12 and 1 <= d <= 31 and d <= calendar.monthrange(y, mo)[1]:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def _clean_line(s: str) -> str:
    s = re.sub(r"^\s*#{1,6}\s*|\*\*|__", "", s)
    return re.sub(r"\s+", " ", s).strip(" -")


def read_metadata(raw_text: str, head_lines: int = 30, tail_lines: int = 10) -> dict:
    """Title, publication date and reporting unit read from a report's own text (None if absent).

    Only the page head (before the running text) and the closing lines are read: dates inside
    the report are about events, not publication.
    """
    def first_lines(text: str, n: int) -> list[str]:
        out = []
        # one conversion for the lines together (no phrase of the converter spans a line break)
        for x in simplify("\n".join(text.split("\n", 4 * n)[:4 * n])).split("\n"):
            x = _clean_line(x)
            if x:
                out.append(x)
                if len(out) == n:
                    break
        return out
    head = first_lines(raw_text, head_lines)
    tail = first_lines("\n".join(reversed(raw_text.rsplit("\n", 4 * tail_lines)[-4 * tail_lines:])),
                       tail_lines)[::-1]
    if len(head) < head_lines:  # short text: the tail is the end of the head
        tail = head[-tail_lines:] if len(head) > 1 else []
    kinds = [line_kind(x) for x in head]
    out = {"title": None, "date": None, "unit": None}

    # Title: the first heading-like line of the head, before any running text.
    for x, k in zip(head, kinds):
        if k is not None:
            continue
        if is_body_line(x) and (len(x) >= 60 or x.endswith("。")):
            break
        if len(x) > 60 or len(re.findall(r"[\u4e00-\u9fff]", x)) < 4:
            continue
        if x.endswith(("。", ":")) or x.startswith("原标题") or _BYLINE_RE.search(x) or is_masthead(x):
            continue
        out["title"] = x
        break

    # Date: a labelled date, else the date of a signature block, else a date line in the head.
    labelled = [parse_date(x[m.end():]) for x, k in zip(head, kinds)
                for m in [_DATE_LABEL_RE.search(x)] if m and (k is not None or not is_body_line(x))]
    signature = [parse_date(x) for x in tail[-3:] if len(x) <= 20 and parse_date(x)]
    loose = [parse_date(x) for x, k in zip(head, kinds)
             if (k is not None or not is_body_line(x)) and len(x) <= 80]
    for cand in (labelled, signature, loose):
        cand = [c for c in cand if c]
        if cand:
            out["date"] = cand[0]
            break

    # Unit: signature lines above a closing date, else the 来源 line.
    if len(tail) >= 2 and len(tail[-1]) <= 20 and parse_date(tail[-1]):
        block = []
        for x in reversed(tail[:-1]):
            if len(x) <= 40 and ORG_END_RE.search(x) and not re.search(r"[,。;!?]", x):
                block.append(x)
            else:
                break
        if block:
            out["unit"] = " ".join(reversed(block))
    if out["unit"] is None:
        for x in head + tail:
            if line_kind(x) != "meta":
                continue
            m = _SOURCE_RE.search(x)
            if m and m.group(1).strip(" :") not in _UNINFORMATIVE_SOURCE:
                out["unit"] = m.group(1).strip(" :")
                out["unit_from"] = "source_line"
                break
    elif out["unit"]:
        out["unit_from"] = "signature"
    return out


# --------------------------------------------------------------------------------------------
# SOURCES.csv
# --------------------------------------------------------------------------------------------
def read_sources(raw_dir=paths.RAW) -> pd.DataFrame:
    """The curated SOURCES.csv of ``raw_dir`` (empty frame if there is none), indexed by file,
    with the ``line`` of each entry. A malformed file (stray quote, extra or missing fields,
    a file listed twice, a date that is not ISO) is an error naming the file and the line."""
    path = Path(raw_dir) / "SOURCES.csv"
    if not path.exists():
        return pd.DataFrame(columns=[*SOURCES_COLUMNS, "line"]).set_index("file")
    header, records = read_records(path, required=SOURCES_COLUMNS, multiline=True,
                                   what="SOURCES.csv")
    seen: dict[str, int] = {}
    for r in records:
        f, d = r.values["file"], r.values["date"]
        if not f:
            raise CsvFileError(f"{path}, line {r.line}: the file column is empty")
        if f in seen:
            raise CsvFileError(f"{path}, line {r.line}: {f} is listed twice (first on line "
                               f"{seen[f]})")
        seen[f] = r.line
        if d and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", d):
            raise CsvFileError(f"{path}, line {r.line}: date {d!r} is not ISO yyyy[-mm[-dd]] "
                               "(or empty)")
        sha = r.values["sha256"]
        if sha and not re.fullmatch(r"[0-9a-fA-F]{64}", sha):
            raise CsvFileError(f"{path}, line {r.line}: sha256 {sha!r} is not 64 hex digits")
    df = pd.DataFrame([{**r.values, "line": r.line} for r in records],
                      columns=[*header, "line"], dtype=object)
    return df.set_index("file")


# --------------------------------------------------------------------------------------------
# One file
# --------------------------------------------------------------------------------------------
_MOJIBAKE_RE = re.compile(r"\ufffd|锟斤拷|烫烫|[ÃÂ][\x80-\xbf]|\?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)")


def _flags(raw_text: str, text: str, counts: dict) -> list[str]:
    flags = []
    if len(text) < SHORT_TEXT:
        flags.append("short")
    if text and cjk_share(text[:200000]) < 0.5:
        flags.append("mostly_non_chinese")
    if _MOJIBAKE_RE.search(text):
        flags.append("mojibake")
    if raw_text and len(text) < 0.5 * len(re.sub(r"\s+", "", raw_text)) and not counts.get("repeat") \
            and not counts.get("pinyin"):
        flags.append("half_removed")
    return flags


def mojibake_contexts(docs, width: int = 12, limit: int = 30) -> pd.DataFrame:
    """Each piece of garbled text that sets the ``mojibake`` flag, with ``width`` characters
    around it (doc_id, context), at most ``limit`` rows."""
    rows = [{"doc_id": d, "context": doc.text[max(0, m.start() - width):m.end() + width]}
            for d, doc in sorted(docs.items()) for m in _MOJIBAKE_RE.finditer(doc.text)]
    return pd.DataFrame(rows[:limit], columns=["doc_id", "context"])


def _hash(s: str) -> int:
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "big")


_SENT_SPLIT_RE = re.compile(r"[。!?;\n]+")


def _sentence_hashes(text: str) -> set[int]:
    return {_hash(s) for s in _SENT_SPLIT_RE.split(text) if len(s) >= 8}


def _bottom_k(hashes, k: int = SKETCH_SIZE) -> frozenset[int]:
    import heapq
    return frozenset(heapq.nsmallest(k, hashes))


def _similarity(a: frozenset, b: frozenset) -> tuple[float, float]:
    """(Jaccard, containment of the smaller in the larger), estimated from bottom-k sketches
    (exact when both hold fewer than k sentences)."""
    if not a or not b:
        return 0.0, 0.0
    if len(a) < SKETCH_SIZE and len(b) < SKETCH_SIZE:
        inter = len(a & b)
        return inter / len(a | b), inter / min(len(a), len(b))
    union = sorted(a | b)[:SKETCH_SIZE]
    both = sum(1 for h in union if h in a and h in b)
    j = both / len(union)
    return j, j


@dataclass
class _Row:
    doc: Document
    bytes: int = 0
    chars_raw: int = 0
    chars_clean: int = 0
    lines_removed: int = 0
    meta_text: dict = field(default_factory=dict)
    meta_format: dict = field(default_factory=dict)
    sketch: frozenset = frozenset()
    flags: list = field(default_factory=list)
    replaced_bytes: int = 0


# --------------------------------------------------------------------------------------------
# What is in the raw folder
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Entry:
    """One name in the raw folder, as found there: ``kind`` says what it is (a symbolic link is
    followed only to a file or folder inside the raw folder)."""

    path: Path
    name: str          # printable: bytes of the name that are not UTF-8 written as \xNN
    kind: str          # file · dir · fifo · socket · device · dangling · loop · outside · unreadable
    size: int = 0
    target: str = ""   # where a symbolic link points (printable), or the error of an unreadable entry


# kind → (status, message) of an entry that is not read as a report
_NOT_READ = {
    "dir": ("skipped", "a folder: only the files directly in the raw folder are read, not what "
                       "is inside sub-folders"),
    "fifo": ("skipped", "a named pipe (FIFO), not a file: not read"),
    "socket": ("skipped", "a socket, not a file: not read"),
    "device": ("skipped", "a device file, not a report: not read"),
    "outside": ("skipped", "symbolic link to {target}, outside the raw folder: not followed"),
    "dangling": ("error", "broken symbolic link: its target {target} does not exist"),
    "loop": ("error", "symbolic link loop ({target}): it never reaches a file"),
    "unreadable": ("error", "cannot be inspected: {target}"),
}


def printable_name(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (kept by Python as surrogates) become
    ``\\xNN``, so the name can be written to UTF-8 files and still tells which file it is."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _kind(mode: int) -> str:
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "dir"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "device"


def inspect_entry(path: Path, root: Path) -> Entry:
    """What ``path`` (a name in the folder ``root``, which must be resolved) is, never opening
    it: a FIFO would block, and a link may point anywhere."""
    name = printable_name(path.name)
    try:
        st = os.lstat(path)
        if not stat.S_ISLNK(st.st_mode):
            return Entry(path, name, _kind(st.st_mode), st.st_size)
        target = printable_name(os.readlink(path))
        try:
            real = path.resolve(strict=True)
        except FileNotFoundError:
            return Entry(path, name, "dangling", target=target)
        except (RuntimeError, OSError) as e:  # RuntimeError: Python 3.11's "Symlink loop"
            if isinstance(e, OSError) and e.errno not in (errno.ELOOP, None):
                return Entry(path, name, "unreadable", target=f"{type(e).__name__}: {e}")
            return Entry(path, name, "loop", target=target)
        if real != root and not real.is_relative_to(root):
            return Entry(path, name, "outside", target=printable_name(str(real)))
        st = os.stat(real)
        return Entry(path, name, _kind(st.st_mode), st.st_size, target=target)
    except OSError as e:
        return Entry(path, name, "unreadable", target=f"{type(e).__name__}: {e.strerror or e}")


def list_raw_entries(raw_dir=paths.RAW) -> list[Entry]:
    """Every name in ``raw_dir`` (files, folders, links, pipes ...), sorted by printable name."""
    raw_dir = Path(raw_dir)
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"{raw_dir}: no such folder of raw reports")
    root = raw_dir.resolve()
    entries = [inspect_entry(p, root) for p in raw_dir.iterdir()]
    return sorted(entries, key=lambda e: (e.name, os.fsencode(e.path.name)))


def list_raw_files(raw_dir=paths.RAW) -> list[Path]:
    """The regular files of ``raw_dir`` (also through links that stay inside it), by name."""
    return [e.path for e in list_raw_entries(raw_dir) if e.kind == "file"]


_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


def _doc_ids(names: list[str]) -> dict[str, str]:
    """doc_id of each (printable) file name: the stem, or stem_<ext> when two files share a
    stem; a name that still collides (a.txt, a.md and a_txt.html) gets a counter, so no
    document's text overwrites another's. Control characters become ``_``."""
    def split(name):
        stem, dot, ext = name.rpartition(".")
        return (stem, ext) if dot and stem else (name, "")
    stems: dict[str, int] = {}
    for n in names:
        stems[split(n)[0]] = stems.get(split(n)[0], 0) + 1
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for n in sorted(names):
        stem, ext = split(n)
        base = stem if stems[stem] == 1 else f"{stem}_{ext.lower()}"
        base = _CONTROL_RE.sub("_", base)
        doc_id, k = base, 1
        while doc_id in taken:
            k += 1
            doc_id = f"{base}_{k}"
        taken.add(doc_id)
        ids[n] = doc_id
    return ids


def _empty_doc(doc_id: str, name: str, status: str, fmt: str, message: str, sha: str = "",
               encoding: str | None = None) -> Document:
    return Document(doc_id=doc_id, file=name, status=status, text="", raw_text="", offsets=[0],
                    title=None, date=None, unit=None, script="none", format=fmt,
                    encoding=encoding, sha256=sha, message=message)


def _hash_file(path: Path) -> tuple[str, int]:
    """(sha256, size) read block by block."""
    sha, n = hashlib.sha256(), 0
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(CHUNK_BYTES), b""):
            sha.update(block)
            n += len(block)
    return sha.hexdigest(), n


def _suffix(name: str) -> str:
    stem, dot, ext = name.rpartition(".")
    return f".{ext.lower()}" if dot and stem else ""


def read_document(path: Path, doc_id: str | None = None, name: str | None = None) -> _Row:
    """Read, decode and normalise one file (whole, in memory). ``name``: the printable name."""
    path = Path(path)
    name = name or printable_name(path.name)
    doc_id = doc_id or _doc_ids([name])[name]
    suffix = _suffix(name)
    fmt = FORMATS.get(suffix, "")
    row = _Row(_empty_doc(doc_id, name, "error", fmt, ""))
    try:
        size = path.stat().st_size
        if not fmt or size > MAX_WHOLE_BYTES:
            # not read whole: hashed block by block, so the row still identifies the file
            row.doc.sha256, row.bytes = _hash_file(path)
            if not fmt:
                row.doc.status, row.doc.format = "unsupported", suffix.lstrip(".")
                row.doc.message = f"unsupported format {suffix or '(no extension)'!r}; " \
                                  f"readable: {', '.join(sorted(FORMATS))}"
            else:
                row.doc.message = (f"too large to read whole: {size / 1e6:.0f} MB, over the "
                                   f"{MAX_WHOLE_BYTES // 2**20} MB limit for {suffix} files "
                                   "(a .txt of any size is read in chunks)")
            return row
        data = path.read_bytes()
    except OSError as e:
        row.doc.message = f"cannot read the file: {type(e).__name__}: {e.strerror or e}"
        return row
    row.doc.sha256, row.bytes = hashlib.sha256(data).hexdigest(), len(data)
    if not data.strip():
        row.doc.status, row.doc.message = "empty", "empty file (0 bytes)" if not data else \
            "file holds only whitespace"
        return row
    try:
        raw_text, enc, meta = READERS[fmt](data)
    except InputError as e:
        row.doc.status, row.doc.message = e.status, str(e)
        return row
    except Exception as e:  # a reader library failing in an unforeseen way must not stop the run
        row.doc.status, row.doc.message = "error", f"{type(e).__name__}: {e}"
        return row
    _finish(row, raw_text, enc, meta, normalize(raw_text))
    return row


def _replaced_message(n: int, enc: str | None) -> str:
    return (f"{n} undecodable byte(s) replaced by U+FFFD; the rest read as {enc} "
            "(flagged mojibake)")


def _finish(row: _Row, raw_text: str, enc, meta: dict, norm: Normalized | None) -> None:
    d = row.doc
    d.encoding, d.raw_text = enc, raw_text
    row.chars_raw = len(raw_text)
    row.replaced_bytes = int(meta.pop("replaced_bytes", 0) or 0) if meta else row.replaced_bytes
    row.meta_format = meta
    d.script = script_of(raw_text[:200000])
    if norm is not None:
        # 4 bytes per character instead of a Python int each (~36 bytes): 32,000 reports fit
        d.text, d.removed, d.counts = norm.text, norm.removed, norm.counts
        d.offsets = array("i", norm.offsets) if norm.offsets[-1] < 2**31 else norm.offsets
    row.chars_clean = len(d.text) if norm is not None else row.chars_clean
    row.lines_removed = sum(v for k, v in d.counts.items()
                            if k in ("nav", "meta", "legal", "trailer", "noncjk"))
    # Judged on the clean text when there is one: a Chinese report with a machine translation
    # appended (lines the normaliser drops as non-Chinese) is still a Chinese report.
    share = chinese_letter_share((d.text if norm is not None and d.text else raw_text)[:200000])
    if not raw_text.strip():
        d.status, d.message = "empty", "no text in the file"
    elif share < MIN_CJK_SHARE:
        d.status, d.message = "not_chinese", \
            f"not a Chinese text: {share:.0%} of its letters are Chinese characters"
    elif row.chars_clean == 0 and not d.streamed:
        d.status, d.message = "empty", \
            f"no report text left after removing boilerplate ({len(raw_text)} raw characters)"
    else:
        d.status = "ok"
    if d.status == "ok":
        row.meta_text = read_metadata(raw_text)
        if not d.streamed:
            row.sketch = _bottom_k(_sentence_hashes(d.text))
            row.flags = _flags(raw_text, d.text, d.counts)
            if has_long_line(d.text):
                row.flags.append("long_line")
    if row.replaced_bytes:
        if "mojibake" not in row.flags:
            row.flags.append("mojibake")
        if d.status == "ok":
            d.message = _replaced_message(row.replaced_bytes, enc)


_SENTENCE_END = "。!?;！？；"
LONG_LINE_CHARS = 50_000  # a clean line this long is a page without line breaks: flagged, and
#                           extracted section by section (whole, extraction's cost grows faster)


def has_long_line(text: str, limit: int | None = None) -> bool:
    """Does ``text`` hold a line longer than ``limit`` (default ``LONG_LINE_CHARS``)?"""
    limit = LONG_LINE_CHARS if limit is None else limit
    if len(text) <= limit:
        return False
    start = 0
    while True:
        end = text.find("\n", start)
        if (len(text) if end < 0 else end) - start > limit:
            return True
        if end < 0:
            return False
        start = end + 1
TASK_CHARS = 65_536      # a streamed document's clean text is listed in sections of about this size


def split_sections(text: str, limit: int) -> list[tuple[int, int]]:
    """[start, end) pieces of ``text`` of at most ``limit`` characters, cut after a line break,
    else after a sentence end, else anywhere (a line of junk without either)."""
    out, a = [], 0
    while len(text) - a > limit:
        b = text.rfind("\n", a, a + limit) + 1
        if b <= a:
            b = max(text.rfind(c, a, a + limit) for c in _SENTENCE_END) + 1
        if b <= a:
            b = a + limit
        out.append((a, b))
        a = b
    if a < len(text):
        out.append((a, len(text)))
    return out


def _cut(pending: str, final: bool) -> int:
    """Where to cut the decoded text read so far into a piece to normalise: after the last
    line break; in a line longer than a piece, after its last sentence end (else anywhere):
    a report on one line of 30 MB must not be held whole."""
    if final:
        return len(pending)
    cut = pending.rfind("\n") + 1
    if cut > 0 or len(pending) < CHUNK_BYTES:
        return cut
    return max(pending.rfind(c) for c in _SENTENCE_END) + 1 or len(pending)


def _stream_text_file(path: Path, doc_id: str, out_text: Path | None, name: str | None = None
                      ) -> _Row:
    """Large .txt/.md: decode, normalise and write piece by piece (bounded memory).

    The pieces end at line breaks (or sentence ends, in a line longer than a piece); the clean
    text is the pieces' clean texts joined by the line break that ended each piece. Where each
    piece's clean text starts (character and byte offset in the clean text file) is kept in
    ``Document.sections``: extraction reads the file section by section."""
    name = name or printable_name(path.name)
    fmt = FORMATS[_suffix(name)]
    sha = hashlib.sha256()
    row = _Row(_empty_doc(doc_id, name, "error", fmt, ""))
    with open(path, "rb") as f:
        sample = f.read(65536)
    try:
        enc = detect_encoding(sample)
    except InputError as e:
        # Not read as text, but the row still identifies the whole file.
        row.doc.sha256, row.bytes = _hash_file(path)
        row.doc.status, row.doc.message = e.status, str(e)
        return row
    _bad_bytes.n, _bad_bytes.first = 0, None
    decoder = codecs.getincrementaldecoder(enc)(errors=_LOSSY)
    counts: dict[str, int] = {}
    removed: list = []
    hashes: set[int] = set()
    sections: list[tuple[int, int, int]] = []
    head = tail = ""
    chars_raw = chars_clean = bytes_clean = 0
    pending = ""
    ended_line = True       # the last piece ended at a line break
    out = open(out_text, "w", encoding="utf-8", newline="\n") if out_text else None
    try:
        with open(path, "rb") as f:
            while True:
                block = f.read(CHUNK_BYTES)
                final = not block
                sha.update(block)
                row.bytes += len(block)
                pending += decoder.decode(block, final=final)
                cut = _cut(pending, final)
                if cut <= 0 and not final:
                    continue
                piece, pending = pending[:cut], pending[cut:]
                if piece:
                    if not head:
                        head = piece[:20000]
                    tail = (tail + piece[-5000:])[-5000:]
                    norm = normalize(piece, dedupe_repeats=False)
                    for k, v in norm.counts.items():
                        counts[k] = counts.get(k, 0) + v
                    if len(removed) < 200:
                        removed.extend(norm.removed[:200 - len(removed)])
                    hashes = set(_bottom_k(hashes | _sentence_hashes(norm.text)))
                    if norm.text:
                        sep = ("\n" if ended_line else "") if sections else ""
                        if out is not None:
                            out.write(sep + norm.text)
                        chars_clean += len(sep)
                        bytes_clean += len(sep)
                        # sections of a size that spreads extraction over the workers
                        for a, b in split_sections(norm.text, TASK_CHARS):
                            n = len(norm.text[a:b].encode("utf-8"))
                            sections.append((chars_clean + a, bytes_clean, n))
                            bytes_clean += n
                        chars_clean += len(norm.text)
                    ended_line = piece.endswith("\n")
                    chars_raw += len(piece)
                if final:
                    break
    finally:
        if out is not None:
            out.close()
    d = row.doc
    d.sha256, d.streamed, d.counts, d.removed = sha.hexdigest(), True, counts, removed
    d.sections = tuple(sections)
    row.chars_clean = chars_clean
    bad = _bad_bytes.n
    if bad > MAX_BAD_SHARE * max(row.bytes, 1):
        d.status, d.message = "error", f"not valid {enc}: {bad} undecodable bytes (first at " \
                                       f"byte {_bad_bytes.first})"
        return row
    _finish(row, head, enc, {"replaced_bytes": bad}, None)
    row.chars_raw = chars_raw
    if d.status == "ok" and chars_clean == 0:
        d.status, d.message = "empty", "no report text left after removing boilerplate"
    if d.status == "ok":
        row.meta_text = read_metadata(head + "\n" + tail)
        row.sketch = frozenset(hashes)
        d.message = (f"streamed ({row.bytes / 1e6:.1f} MB, over {LARGE_BYTES // 2**20} MB): clean "
                     "text written piece by piece and not held in memory, extracted section by "
                     "section; no whole-text repeat check"
                     + (f"; {_replaced_message(bad, enc)}" if bad else ""))
        row.flags = ["large"] + (["mojibake"] if bad else [])
    d.raw_text = ""
    return row


# --------------------------------------------------------------------------------------------
# The folder
# --------------------------------------------------------------------------------------------
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-/_]?(0[1-9]|1[0-2])(?:[-/_]?(0[1-9]|[12]\d|3[01]))?(?!\d)")


def date_in_url(url) -> str | None:
    """yyyy-mm(-dd) from a page address that carries it (…/201811/…, …/2019-03/05/…), when
    neither SOURCES.csv nor the text gives a date."""
    if not url or not isinstance(url, str):
        return None
    m = _URL_DATE.search(url.split("?")[0])
    if not m:
        return None
    return "-".join(x for x in m.groups() if x)


def _pick(*cands) -> tuple[str | None, str]:
    for value, source in cands:
        if value is not None and str(value).strip():
            return str(value).strip(), source
    return None, ""


def _near_same(a: frozenset, b: frozenset) -> tuple[bool, float, float]:
    """(is a near-duplicate, Jaccard, containment) of two sentence sketches."""
    j, c = _similarity(a, b)
    return (j >= NEAR_DUP_JACCARD or (c >= NEAR_DUP_CONTAINMENT and min(len(a), len(b)) >= 5)), j, c


def _prefix_len(n: int) -> int:
    """Length of the prefix (rarest sentences first) that any near-duplicate must meet.

    Every pair that ``_near_same`` accepts shares at least 80 % of the smaller sketch (Jaccard
    ≥ 0.8 or containment ≥ 0.9, exact or estimated from bottom-k sketches), so under one global
    order the first ``n - floor(0.8 n) + 1`` sentences of the smaller sketch hold a shared one
    (prefix filtering, as in the AllPairs/PPJoin set-similarity joins)."""
    return min(n, n - (4 * n) // 5 + 1)


def _mark_duplicates(rows: list[_Row]) -> None:
    """Same bytes, or (near-)same text, as another report → ``duplicate`` of the one kept.

    The first by doc_id is kept, unless a later copy is clearly fuller (over 10% more clean text:
    the whole article where the first is an excerpt).

    Each report is compared only with the kept reports that share a sentence with it in the
    right place (an inverted index over the sketches, probed with the prefix of the rarest
    sentences), not with every kept report: the cost is linear in the corpus for ordinary
    reports, and the decisions are those of comparing every pair in doc_id order (the first
    kept report that qualifies wins)."""
    live = sorted((r for r in rows if r.doc.status == "ok"), key=lambda r: r.doc.doc_id)
    freq: dict[int, int] = {}
    for r in live:
        for h in r.sketch:
            freq[h] = freq.get(h, 0) + 1
    kept: list[_Row] = []                     # slot → the report kept for it
    full: dict[int, set[int]] = {}            # sentence hash → slots whose sketch holds it
    pref: dict[int, set[int]] = {}            # sentence hash → slots holding it in their prefix
    ordered: dict[int, list[int]] = {}        # slot → its sketch, rarest sentence first
    followers: dict[str, list[_Row]] = {}     # doc_id kept → the duplicates pointing at it
    by_sha: dict[str, _Row] = {}

    def index(slot: int, r: _Row, add: bool) -> None:
        hashes = ordered[slot] if not add else sorted(r.sketch, key=lambda h: (freq[h], h))
        ordered[slot] = hashes
        n = _prefix_len(len(hashes))
        for k, h in enumerate(hashes):
            for table in ((full, pref) if k < n else (full,)):
                if add:
                    table.setdefault(h, set()).add(slot)
                else:
                    table[h].discard(slot)

    def mark(dup: _Row, keep: _Row, message: str) -> None:
        dup.doc.status, dup.doc.duplicate_of, dup.doc.message = "duplicate", keep.doc.doc_id, message
        followers.setdefault(keep.doc.doc_id, []).append(dup)

    for r in live:
        first = by_sha.get(r.doc.sha256)
        if first is not None:
            mark(r, first, f"same file content as {first.doc.file} (identical sha256)")
            continue
        by_sha[r.doc.sha256] = r
        mine = sorted(r.sketch, key=lambda h: (freq[h], h))
        cands: set[int] = set()
        for h in mine[:_prefix_len(len(mine))]:      # r the smaller: its prefix meets k's sketch
            cands |= full.get(h, set())
        for h in mine:                               # k the smaller: k's prefix meets r's sketch
            cands |= pref.get(h, set())
        for i in sorted(cands):
            k = kept[i]
            same, j, c = _near_same(r.sketch, k.sketch)
            if not same:
                continue
            keep, dup = (r, k) if r.chars_clean > 1.1 * k.chars_clean else (k, r)
            mark(dup, keep, f"same report as {keep.doc.file}: {c:.0%} of the shorter text's sentences "
                            f"are in both (Jaccard {j:.2f}); not extracted twice")
            if keep is r:
                index(i, k, add=False)
                kept[i] = r
                index(i, r, add=True)
                # earlier duplicates of the replaced copy follow the fuller one
                for other in followers.pop(k.doc.doc_id, []):
                    if other.doc.duplicate_of == k.doc.doc_id:
                        other.doc.duplicate_of = r.doc.doc_id
                        followers.setdefault(r.doc.doc_id, []).append(other)
            break
        else:
            kept.append(r)
            index(len(kept) - 1, r, add=True)


def _check_sources(rows: list[_Row], sources: pd.DataFrame, ids: dict[str, str],
                   sources_path: Path) -> list[_Row]:
    """Provenance: a file's sha256 in SOURCES.csv must be the file's (else a flag and a message
    with both hashes); a file SOURCES.csv lists that is not in the folder gets a ``missing``
    row. Returns those rows."""
    by_name = {r.doc.file: r for r in rows}
    missing = []
    for name, src in sources.iterrows():
        r = by_name.get(name)
        if r is None:
            doc = _empty_doc(ids[name], name, "missing", FORMATS.get(_suffix(name), ""),
                             f"listed in {sources_path.name} (line {src['line']}) but not in the "
                             "raw folder")
            missing.append(_Row(doc, flags=["sources_csv"]))
            continue
        want = (src.get("sha256") or "").lower()
        if want and r.doc.sha256 and want != r.doc.sha256:
            r.flags.append("sha256_mismatch")
            note = (f"{sources_path.name} line {src['line']} gives sha256 {want}, the file has "
                    f"{r.doc.sha256}: the file changed since it was listed")
            r.doc.message = f"{r.doc.message}; {note}" if r.doc.message else note
    return missing


def _table(rows: list[_Row], sources: pd.DataFrame) -> pd.DataFrame:
    out = []
    for r in rows:
        d = r.doc
        src = sources.loc[d.file] if d.file in sources.index else None
        s = (lambda c: (src[c] if src is not None and src[c] else None))
        fmt_title = r.meta_format.get("title")
        if d.status in ("ok", "duplicate"):
            d.title, title_source = _pick((s("title"), "sources_csv"), (r.meta_text.get("title"), "text"),
                                          (fmt_title, f"{d.format}_metadata"))
            if d.title:  # one script in the table, whatever the source wrote
                d.title = re.sub(r"\s+", " ", simplify(d.title)).strip()
            d.date, date_source = _pick((s("date"), "sources_csv"), (r.meta_text.get("date"), "text"),
                                        (date_in_url(s("url")), "url"))
            d.unit = r.meta_text.get("unit")
            publisher, publisher_source = _pick((s("publisher"), "sources_csv"),
                                                (d.unit if r.meta_text.get("unit_from") == "source_line"
                                                 else None, "text"))
        else:
            title_source = date_source = publisher_source = ""
            publisher = None
        out.append({
            "doc_id": d.doc_id, "file": d.file, "format": d.format, "status": d.status,
            "duplicate_of": d.duplicate_of or "", "message": d.message, "sha256": d.sha256,
            "bytes": r.bytes, "encoding": d.encoding or "", "script": d.script,
            "chars_raw": r.chars_raw, "chars_clean": r.chars_clean, "lines_removed": r.lines_removed,
            "title": d.title or "", "title_source": title_source,
            "title_text": r.meta_text.get("title") or "",
            "date": d.date or "", "date_source": date_source, "date_text": r.meta_text.get("date") or "",
            "unit": d.unit or "", "unit_source": r.meta_text.get("unit_from", "") if d.unit else "",
            "publisher": publisher or "", "publisher_source": publisher_source,
            "url": (s("url") or "") if d.file in sources.index else "",
            "flags": ";".join(r.flags), "replaced_bytes": r.replaced_bytes,
        })
    df = pd.DataFrame(out, columns=list(COLUMNS))
    for c in ("bytes", "chars_raw", "chars_clean", "lines_removed", "replaced_bytes"):
        df[c] = df[c].astype("int64")
    return df.sort_values("file", kind="stable").reset_index(drop=True)


def _streamed(path: Path, name: str | None = None) -> bool:
    """Read chunk by chunk (``_stream_text_file``) rather than whole?"""
    return path.stat().st_size > LARGE_BYTES and \
        FORMATS.get(_suffix(name or printable_name(path.name))) in ("txt", "md")


def _read_entry(task: tuple) -> _Row:
    """One entry of the raw folder → its row (run in a worker: pure but for writing the entry's
    own clean text file). ``task``: (Entry, doc_id, text folder or None). Never raises: an
    unforeseen failure (a file that vanished, a name too long for the text folder) is the
    entry's ``error`` row."""
    entry, doc_id, _ = task
    try:
        return _read_entry_or_raise(task)
    except Exception as e:  # noqa: BLE001 - one entry must not stop the others
        return _Row(_empty_doc(doc_id, entry.name, "error", FORMATS.get(_suffix(entry.name), ""),
                               f"{type(e).__name__}: {e}"))


def _read_entry_or_raise(task: tuple) -> _Row:
    entry, doc_id, text_dir = task
    if entry.kind != "file":
        status, message = _NOT_READ[entry.kind]
        return _Row(_empty_doc(doc_id, entry.name, status, FORMATS.get(_suffix(entry.name), ""),
                               message.format(target=entry.target)))
    if entry.name in paths.RAW_TABLES:
        sha, size = _hash_file(entry.path)
        return _Row(_empty_doc(doc_id, entry.name, "reference", _suffix(entry.name).lstrip("."),
                               "project reference table, not a report", sha), bytes=size)
    if _streamed(entry.path, entry.name):
        final = Path(text_dir) / f"{doc_id}.txt" if text_dir is not None else None
        tmp = final.with_name(final.name + ".partial") if final is not None else None
        r = _stream_text_file(entry.path, doc_id, tmp, entry.name)
        if tmp is not None:
            if r.doc.status == "ok":
                tmp.replace(final)
                r.doc.text_path = str(final)
            elif tmp.exists():
                tmp.unlink()
        return r
    r = read_document(entry.path, doc_id, entry.name)
    if r.doc.status == "ok" and text_dir is not None:
        (Path(text_dir) / f"{doc_id}.txt").write_text(r.doc.text, encoding="utf-8", newline="\n")
    return r


def ingest_problems(documents: pd.DataFrame, limit: int = 20) -> list[str]:
    """One line per entry a reader must look at: not read (error, skipped, missing, ...),
    undecodable bytes replaced, a sha256 that differs from SOURCES.csv. At most ``limit``
    lines, then a count of the rest."""
    fine = {"ok", "duplicate", "reference", "empty", "not_chinese"}
    lines = []
    for r in documents.itertuples(index=False):
        flags = set(str(getattr(r, "flags", "")).split(";"))
        if r.status not in fine or int(getattr(r, "replaced_bytes", 0) or 0) \
                or "sha256_mismatch" in flags:
            lines.append(f"{r.file}: {r.status}: {r.message}")
    if len(lines) > limit:
        lines = lines[:limit] + [f"... and {len(lines) - limit} more (see documents.csv)"]
    return lines


def ingest_dir(raw_dir=paths.RAW, out_dir=paths.CLEAN, progress: bool = True, *, backend=None
               ) -> tuple[pd.DataFrame, dict[str, Document]]:
    """Read every entry of ``raw_dir``; write ``out_dir/documents.csv`` and
    ``out_dir/text/<doc_id>.txt`` (ok and duplicate documents) unless ``out_dir`` is None.
    Returns (documents table, {doc_id: Document} for the ok and duplicate documents).

    Every entry gets one row: files are read, anything else (folders, pipes, sockets, links
    that leave the folder, are broken or loop) gets a ``skipped``/``error`` row saying what it
    is. Every file SOURCES.csv lists that is not there gets a ``missing`` row. ``backend``
    (``helpers.parallel.Backend``) reads the files on worker processes or Dask; the result
    does not depend on it."""
    from .parallel import Backend

    raw_dir = Path(raw_dir)
    entries = list_raw_entries(raw_dir)
    sources = read_sources(raw_dir)
    names = [e.name for e in entries]
    ids = _doc_ids(names + [f for f in sources.index if f not in set(names)])
    text_dir = Path(out_dir) / "text" if out_dir is not None else None
    if text_dir is not None:
        text_dir.mkdir(parents=True, exist_ok=True)
    backend = backend or Backend(1)
    rows: list[_Row] = []
    tasks = [(e, ids[e.name], text_dir) for e in entries]
    for i, r in enumerate(backend.map(_read_entry, tasks), 1):
        rows.append(r)
        if progress:
            d = r.doc
            print(f"[{i}/{len(entries)}] {d.file}: {d.status}"
                  + (f" ({r.chars_raw} → {r.chars_clean} chars)" if d.status == "ok" else "")
                  + (f" — {d.message}" if d.message else ""), flush=True)
    rows += _check_sources(rows, sources, ids, raw_dir / "SOURCES.csv")
    _mark_duplicates(rows)
    df = _table(rows, sources)
    docs = {r.doc.doc_id: r.doc for r in rows if r.doc.status in ("ok", "duplicate")}
    # read but damaged, or not what SOURCES.csv says: easy to miss in a table of ok rows
    doubtful = ingest_problems(df[(df["replaced_bytes"] > 0) | (df["status"] == "missing")
                                  | df["flags"].str.contains("sha256_mismatch", regex=False)])
    if doubtful:
        warnings.warn(f"{raw_dir}: " + "; ".join(doubtful), stacklevel=2)
    if out_dir is not None:
        written = {f"{d}.txt" for d in docs}
        for stale in text_dir.glob("*.txt"):
            if stale.name not in written:  # output of an earlier run for a file no longer there
                stale.unlink()
        df.to_csv(Path(out_dir) / "documents.csv", index=False, encoding="utf-8", lineterminator="\n")
    if progress:
        counts = df["status"].value_counts()
        print("documents: " + ", ".join(f"{k} {counts[k]}" for k in STATUSES if k in counts), flush=True)
    return df, docs


def read_documents_table(clean_dir=paths.CLEAN) -> pd.DataFrame:
    path = Path(clean_dir) / "documents.csv"
    if not path.exists():
        raise FileNotFoundError(f"{path}: not found; run helpers.ingest.ingest_dir first")
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in COLUMNS if c not in df.columns]
    if missing:
        raise ValueError(f"{path}: missing column(s) {missing}; re-run ingest")
    return df


def _reread(task: tuple) -> _Row:
    path, doc_id, name = task
    # A large file is rebuilt the way ingest read it: streamed, its text only on disk (a
    # whole-file normalisation may join lines that the chunked one kept apart).
    if _streamed(path, name):
        return _stream_text_file(path, doc_id, None, name)
    return read_document(path, doc_id, name)


def load_documents(clean_dir=paths.CLEAN, raw_dir=paths.RAW, *, backend=None
                   ) -> dict[str, Document]:
    """Rebuild the ok Documents from earlier outputs: metadata from documents.csv, raw text and
    offsets by re-reading the raw file (normalisation is deterministic), checked against the
    saved clean text so stale outputs are caught."""
    from .parallel import Backend

    df = read_documents_table(clean_dir)
    by_name = {e.name: e for e in list_raw_entries(raw_dir) if e.kind == "file"}
    recs = df[df["status"] == "ok"].to_dict("records")
    tasks = []
    for rec in recs:
        entry = by_name.get(rec["file"])
        if entry is None:
            raise FileNotFoundError(f"{Path(raw_dir) / rec['file']}: listed in documents.csv but "
                                    f"missing from {raw_dir}")
        saved = Path(clean_dir) / "text" / f"{rec['doc_id']}.txt"
        if not saved.exists():
            raise FileNotFoundError(f"{saved}: clean text missing; re-run ingest")
        tasks.append((entry.path, rec["doc_id"], entry.name))
    docs: dict[str, Document] = {}
    for rec, r in zip(recs, (backend or Backend(1)).map(_reread, tasks)):
        d = r.doc
        path = Path(raw_dir) / rec["file"]
        saved = Path(clean_dir) / "text" / f"{rec['doc_id']}.txt"
        if d.sha256 != rec["sha256"]:
            raise ValueError(f"{path}: file changed since ingest (sha256 differs); re-run ingest")
        if d.streamed:
            d.text_path = str(saved)
        elif d.text != saved.read_text(encoding="utf-8"):
            raise ValueError(f"{saved}: differs from the text the normaliser makes now; re-run ingest")
        d.title = rec["title"] or None
        d.date = rec["date"] or None
        d.unit = rec["unit"] or None
        d.message = rec["message"]
        docs[d.doc_id] = d
    return docs
