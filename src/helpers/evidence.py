"""Evidence viewer: one self-contained HTML page per report with every panel row highlighted.

``reports/evidence/<doc_id>.html`` shows the clean text (``data/clean/text/<doc_id>.txt``) with
each row's evidence span marked in its indicator's colour; hovering (or focusing) a mark shows
the row(s) it supports: indicator, value, unit, qualifier, status, period, year, program,
recipients, detail, origin. Spans may overlap (the "各" rows share one evidence; a total and a
sub-figure may nest): the text is cut at every span boundary, each piece is marked once and
lists every row that covers it, and a piece covered by several rows is underlined. Below the
text, a table lists every row, linked both ways with its mark, so the page can be audited
without hovering. ``reports/evidence/index.html`` lists the documents with their row counts.

Pages use inline CSS only (no script, no web font, no network), escape every piece of text and
contain no timestamp, so the same inputs give byte-identical files.
"""
from __future__ import annotations

import html
from pathlib import Path
from typing import Mapping

import pandas as pd

from . import codebook, paths
from .panel import cell_text, sort_panel

# Light, distinct backgrounds in codebook indicator order (legend and marks).
PALETTE = ("#ffd8a8", "#b2f2bb", "#a5d8ff", "#ffc9c9", "#d0bfff", "#99e9f2", "#ffec99",
           "#fcc2d7", "#c0eb75", "#e6c07b", "#bac8ff", "#96f2d7", "#ffe8cc", "#eebefa")
REPORT_LINK = "../02_panel.html"
INDEX_LINK = "../index.html"

CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;
margin:1.5rem auto;max-width:60rem;padding:0 1rem;color:#222;line-height:1.7}
nav a{margin-right:1.2rem}
h1{font-size:1.3rem;margin:.6rem 0}
.meta{color:#555;font-size:.9rem}
.legend{display:flex;flex-wrap:wrap;gap:.3rem .8rem;margin:.8rem 0;font-size:.85rem}
.legend span{padding:0 .4rem;border-radius:3px}
.text{white-space:pre-wrap;word-break:break-all;border:1px solid #ddd;padding:1rem;border-radius:4px;
background:#fff}
mark.ev{position:relative;background:var(--c);border-radius:2px;color:inherit;cursor:help}
mark.ev a{color:inherit;text-decoration:none}
mark.multi{text-decoration:underline double #333;text-underline-offset:3px}
mark.ev:hover::after,mark.ev:focus-within::after{content:attr(data-tip);position:absolute;left:0;
top:1.6em;z-index:10;white-space:pre-wrap;width:max-content;max-width:min(36rem,80vw);background:#333;color:#fff;font-size:.8rem;line-height:1.45;
padding:.4rem .6rem;border-radius:4px;box-shadow:0 2px 6px rgba(0,0,0,.3)}
table{border-collapse:collapse;font-size:.85rem;margin:1rem 0;width:100%}
th,td{border:1px solid #ddd;padding:.2rem .4rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.warn{color:#a61e4d}
.rows{overflow-x:auto}
td{word-break:keep-all}
"""


def indicator_colour(indicator: str) -> str:
    names = codebook.INDICATOR_NAMES
    i = names.index(indicator) if indicator in names else len(names)
    return PALETTE[i % len(PALETTE)]


_s = cell_text


def _e(v) -> str:
    return html.escape(_s(v), quote=True)


def row_tip(n: int, row) -> str:
    """Plain-text description of one row for the hover box."""
    parts = [f"#{n} {_s(row['indicator'])}: {_s(row['value'])} {_s(row['unit'])} "
             f"({_s(row['qualifier'])})",
             f"   {_s(row['status'])} · {_s(row['period'])} {_s(row['year'])} · {_s(row['program'])}",
             f"   recipients: {_s(row['recipients']) or '(none named)'}"]
    if _s(row.get("detail")):
        parts.append(f"   detail: {_s(row['detail'])}")
    if _s(row.get("origin")) == "correction":
        parts.append("   origin: correction")
    return "\n".join(parts)


def place_rows(text: str, rows: pd.DataFrame) -> list[tuple[int, int] | None]:
    """Span of each row in ``text``: its offsets when they hold the evidence, else the first
    occurrence of the evidence, else None."""
    out = []
    for r in rows.itertuples(index=False):
        ev = _s(r.evidence)
        s, e = r.start, r.end
        if not pd.isna(s) and not pd.isna(e) and text[int(s):int(e)] == ev and ev:
            out.append((int(s), int(e)))
            continue
        pos = text.find(ev) if ev else -1
        out.append((pos, pos + len(ev)) if pos >= 0 else None)
    return out


def render_text(text: str, rows: pd.DataFrame, spans: list) -> str:
    """The text as HTML with a mark for each piece between span boundaries."""
    cuts = {0, len(text)}
    for sp in spans:
        if sp:
            cuts.update(sp)
    cuts = sorted(cuts)
    first_piece: dict[int, bool] = {}
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = html.escape(text[a:b], quote=False)
        cover = [i for i, sp in enumerate(spans) if sp and sp[0] <= a and b <= sp[1]]
        if not cover:
            out.append(piece)
            continue
        indicators = list(dict.fromkeys(rows.iloc[i]["indicator"] for i in cover))
        colours = [indicator_colour(x) for x in indicators]
        if len(colours) == 1:
            bg = colours[0]
        else:  # several indicators over one piece: equal stripes
            step = 100 / len(colours)
            stops = ",".join(f"{c} {k * step:.0f}% {(k + 1) * step:.0f}%"
                             for k, c in enumerate(colours))
            bg = f"linear-gradient(180deg,{stops})"
        ids = " ".join(f"r{i + 1}" for i in cover)
        tip = "\n".join(row_tip(i + 1, rows.iloc[i]) for i in cover)
        # Empty anchors, one per row starting here, so the row table can link to every row.
        for i in cover:
            if i not in first_piece:
                first_piece[i] = True
                out.append(f'<span id="m{i + 1}"></span>')
        cls = "ev multi" if len(cover) > 1 else "ev"
        tip_attr = html.escape(tip, quote=True).replace("\n", "&#10;")
        out.append(f'<mark class="{cls}" style="--c:{bg}" data-rows="{ids}" '
                   f'data-tip="{tip_attr}"><a href="#r{cover[0] + 1}">{piece}</a></mark>')
    return "".join(out)


def _page(title: str, body: str) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{html.escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
            f"{body}\n</body>\n</html>\n")


def _nav(in_evidence_index: bool = False) -> str:
    links = [] if in_evidence_index else ['<a href="index.html">all documents</a>']
    links += [f'<a href="{REPORT_LINK}">panel report</a>', f'<a href="{INDEX_LINK}">reports index</a>']
    return "<nav>" + "".join(links) + "</nav>"


def legend(indicators) -> str:
    counts = pd.Series(list(indicators), dtype="object").value_counts()
    chips = [f'<span style="background:{indicator_colour(n)}">{html.escape(n)} '
             f"({int(counts.get(n, 0))})</span>"
             for n in codebook.INDICATOR_NAMES if counts.get(n, 0)]
    return '<div class="legend">' + "".join(chips) + "</div>" if chips else ""


ROW_TABLE_COLUMNS = ("evidence", "indicator", "value", "unit", "qualifier", "status", "period",
                     "year", "program", "recipients", "detail", "origin")


def document_page(doc_id: str, text: str, rows: pd.DataFrame, meta: Mapping | None = None) -> str:
    """HTML of one document's evidence page (rows = that document's panel rows, in order)."""
    rows = rows.reset_index(drop=True)
    spans = place_rows(text, rows)
    meta = dict(meta or {})
    title = _s(meta.get("title")) or doc_id
    info = " · ".join(html.escape(f"{k}: {_s(meta.get(k))}") for k in ("date", "unit", "file")
                      if _s(meta.get(k)))
    head = (f"{_nav()}\n<h1>{html.escape(title)}</h1>\n<p class=\"meta\">{html.escape(doc_id)}"
            f"{' · ' + info if info else ''} · {len(rows)} panel row(s); hover a highlighted "
            "figure for its coding, click it to jump to its row.</p>")
    trs = []
    for i, r in rows.iterrows():
        n = i + 1
        where = (f'<a href="#m{n}">{_e(r["evidence"])}</a>' if spans[i]
                 else f'{_e(r["evidence"])} <span class="warn">(not found in the text)</span>')
        cells = [f'<td class="num">{n}</td>']
        for c in ROW_TABLE_COLUMNS:
            v = where if c == "evidence" else _e(r.get(c))
            style = (f' style="background:{indicator_colour(_s(r["indicator"]))}"'
                     if c == "indicator" else "")
            cls = ' class="num"' if c in ("value", "year") else ""
            cells.append(f"<td{cls}{style}>{v}</td>")
        trs.append(f'<tr id="r{n}">' + "".join(cells) + "</tr>")
    table = ("<div class=\"rows\"><table>\n<thead><tr><th>#</th>" + "".join(f"<th>{c}</th>" for c in ROW_TABLE_COLUMNS)
             + "</tr></thead>\n<tbody>\n" + "\n".join(trs) + "\n</tbody>\n</table></div>")
    unplaced = sum(1 for sp in spans if sp is None)
    warn = (f'<p class="warn">{unplaced} row(s) whose evidence is not in the text.</p>'
            if unplaced else "")
    body = (f"{head}\n{legend(rows['indicator'])}\n<div class=\"text\">"
            f"{render_text(text, rows, spans)}</div>\n<h2>Panel rows</h2>\n{warn}{table}")
    return _page(f"{title} — evidence", body)


def index_page(entries: list[dict]) -> str:
    """HTML list of documents: doc_id (linked when it has a page), title, date, status, rows."""
    trs = []
    for e in entries:
        link = (f'<a href="{html.escape(e["doc_id"])}.html">{html.escape(e["doc_id"])}</a>'
                if e.get("page") else html.escape(e["doc_id"]))
        trs.append(f"<tr><td>{link}</td><td>{_e(e.get('title'))}</td><td>{_e(e.get('date'))}</td>"
                   f"<td>{_e(e.get('status'))}</td><td class=\"num\">{int(e.get('rows', 0))}</td></tr>")
    total = sum(int(e.get("rows", 0)) for e in entries)
    body = (f"{_nav(True)}\n<h1>Evidence pages</h1>\n<p class=\"meta\">{len(entries)} document(s), "
            f"{total} panel row(s). Each page shows a report's clean text with every figure of "
            "the panel highlighted.</p>\n<table>\n<thead><tr><th>document</th><th>title</th>"
            "<th>date</th><th>status</th><th>rows</th></tr></thead>\n<tbody>\n" + "\n".join(trs)
            + "\n</tbody>\n</table>")
    return _page("Evidence pages", body)


def _meta(doc) -> dict:
    return {k: getattr(doc, k, None) for k in ("title", "date", "unit", "file", "status")}


def write_evidence_pages(documents: Mapping, panel: pd.DataFrame, out_dir=paths.EVIDENCE, *,
                         documents_table: pd.DataFrame | None = None,
                         text_dir=None) -> list[Path]:
    """Write ``<doc_id>.html`` for every document with text, and ``index.html``.

    ``documents`` maps doc_id → Document (``text`` is the clean text the offsets refer to).
    ``documents_table`` (documents.csv) adds the files that were not extracted (duplicate,
    empty, error, ...) to the index, without a page; project reference tables are left out.
    ``text_dir`` (data/clean/text) supplies the text of a document that keeps none in memory
    (a streamed, very large file). Returns the written paths (index last). A panel row for a
    document not in ``documents`` is an error.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    unknown = sorted(set(panel["doc_id"]) - set(documents))
    if unknown:
        raise KeyError(f"panel rows for document(s) not given to the evidence pages: "
                       f"{', '.join(unknown)}")
    panel = sort_panel(panel)
    written, entries = [], []
    for doc_id in sorted(documents):
        doc = documents[doc_id]
        rows = panel[panel["doc_id"] == doc_id]
        text = getattr(doc, "text", None)
        if not text and text_dir is not None and (Path(text_dir) / f"{doc_id}.txt").exists():
            text = (Path(text_dir) / f"{doc_id}.txt").read_text(encoding="utf-8")
        meta = _meta(doc)
        entries.append({"doc_id": doc_id, "title": meta["title"], "date": meta["date"],
                        "status": meta["status"], "rows": len(rows), "page": bool(text)})
        if not text:
            continue
        path = out_dir / f"{doc_id}.html"
        path.write_text(document_page(doc_id, text, rows, meta), encoding="utf-8", newline="\n")
        written.append(path)
    if documents_table is not None and len(documents_table):
        for rec in documents_table.sort_values("doc_id").to_dict("records"):
            if rec["doc_id"] in documents or rec.get("status") == "reference":
                continue
            status = _s(rec.get("status"))
            if _s(rec.get("duplicate_of")):
                status += f" of {_s(rec.get('duplicate_of'))}"
            entries.append({"doc_id": rec["doc_id"], "title": rec.get("title"),
                            "date": rec.get("date"), "status": status, "rows": 0,
                            "page": False})
        entries.sort(key=lambda e: e["doc_id"])
    index = out_dir / "index.html"
    index.write_text(index_page(entries), encoding="utf-8", newline="\n")
    written.append(index)
    return written
