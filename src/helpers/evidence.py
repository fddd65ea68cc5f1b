"""Evidence viewer: one self-contained HTML page per report with every panel row highlighted.

``reports/evidence/<page_name(doc_id)>`` shows the clean text (``data/clean/text/<doc_id>.txt``)
with each row's evidence marked in its indicator's colour (inputs in cool colours, outputs in
warm ones; a legend names each). Hovering or focusing a mark shows the row(s) it supports: who
gave what to whom (donor → recipients), the figure, status, period, year, program and detail.
Spans may overlap (the "各" rows share one evidence; a total and a sub-figure may nest): the
text is cut at every span boundary, each piece is marked once and lists every row that covers
it, and a piece covered by several rows is underlined.

The highlight is the row's evidence widened to readable boundaries (``display_span``): it
never starts or ends inside a number, a bracket pair or a place name, so a reader sees
"52个县(市)" rather than "52个县(市". The evidence string in the row table is the panel's own.

Below the text, a table lists every row in a two-line layout that fits the page (figure ·
donor → recipients · evidence), linked both ways with its mark, and a "why" section per row
with its mention's reasons from ``mentions.csv`` (the decision's ``reason`` and, when the
extraction records them, ``donor_from``, ``recipients_from``, ``status_from``, ``period_from``,
``year_from``). ``reports/evidence/index.html`` lists the documents with their row counts.

Pages use inline CSS only (no script, no network), build all markup through
``helpers.safe_html`` (so nothing from a report is ever markup) and contain no timestamp, so
the same inputs give byte-identical files. The page title is the SOURCES/ingest title, else
the first heading-like line of the text, else the doc_id.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Mapping

import pandas as pd

from . import codebook, paths
from .display import amount
from .panel import sort_panel
from .safe_html import esc, link, page_name, text_of, url

# Inputs (money, then people) in cool hues, outputs in warm hues: two families a reader tells
# apart at a glance, each colour distinct from its neighbours (Open Color, shade 3-4).
INPUT_COLOURS = {
    "fiscal_aid": "#74c0fc", "social_aid": "#8ce99a", "investment": "#3bc9db",
    "consumption_aid": "#c0eb75", "cadres_sent": "#b197fc", "professionals_sent": "#748ffc",
    "cadres_received": "#e599f7", "professionals_received": "#63e6be", "trained": "#ced4da",
}
OUTPUT_COLOURS = {
    "poor_beneficiaries": "#ffa94d", "employment": "#ff8787", "enterprises": "#ffd43b",
    "projects": "#faa2c1", "pairings": "#e8b77d",
}
OTHER_COLOUR = "#dee2e6"
REPORT_LINK = "../02_panel.html"
INDEX_LINK = "../index.html"
REASON_COLUMNS = ("reason", "donor_from", "recipients_from", "status_from", "period_from",
                  "year_from")

CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;
margin:1.5rem auto;max-width:62rem;padding:0 1rem;color:#222;line-height:1.7}
nav a{margin-right:1.2rem}
h1{font-size:1.3rem;margin:.6rem 0}
h2{font-size:1.1rem;margin:1.4rem 0 .4rem}
.meta{color:#555;font-size:.9rem}
.legend{display:grid;grid-template-columns:max-content 1fr;gap:.3rem .8rem;margin:.8rem 0;font-size:.85rem}
.legend .fam{font-weight:bold;color:#444}
.legend .chips{display:flex;flex-wrap:wrap;gap:.3rem .5rem}
.chip{padding:0 .4rem;border-radius:3px;white-space:nowrap}
.in{border-bottom:2px solid #1c7ed6}
.out{border-bottom:2px dashed #d9480f}
.text{white-space:pre-wrap;overflow-wrap:anywhere;border:1px solid #ddd;padding:1rem;border-radius:4px;
background:#fff}
mark.ev{position:relative;background:var(--c);border-radius:2px;color:inherit;cursor:help}
mark.ev a{color:inherit;text-decoration:none}
mark.multi{text-decoration:underline double #333;text-underline-offset:3px}
mark.ev:hover::after,mark.ev:focus-within::after{content:attr(data-tip);position:absolute;left:0;
top:1.6em;z-index:10;white-space:pre-wrap;width:max-content;max-width:min(36rem,80vw);background:#333;
color:#fff;font-size:.8rem;line-height:1.45;padding:.4rem .6rem;border-radius:4px;
box-shadow:0 2px 6px rgba(0,0,0,.3)}
table{border-collapse:collapse;font-size:.85rem;margin:1rem 0;width:100%;table-layout:fixed}
th,td{border:1px solid #ddd;padding:.2rem .4rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#f4f4f4}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td .sub{display:block;color:#555;font-size:.8rem}
.warn{color:#a61e4d}
col.n{width:3rem} col.fig{width:27%} col.who{width:33%} col.ev{width:auto}
.why{font-size:.85rem}
.why dt{font-weight:bold;margin-top:.5rem}
.why dd{margin:0 0 0 1.2rem}
.why .k{color:#555}
"""


def indicator_colour(indicator: str) -> str:
    return INPUT_COLOURS.get(indicator) or OUTPUT_COLOURS.get(indicator) or OTHER_COLOUR


def indicator_family(indicator: str) -> str:
    return "in" if indicator in INPUT_COLOURS else "out"


# ---------------------------------------------------------------------------------------------
# Titles and spans

_SENTENCE_END = "。；;，,：:！!？?"
_HEADING_MAX = 60


def heading_line(text: str) -> str:
    """The first heading-like line of a text: non-empty, at most 60 characters, not a sentence
    (no 。/；/， at its end, not a bare number or date); "" when none of the first lines is."""
    for line in text.splitlines()[:8]:
        s = line.strip().strip("#").strip()
        if not s or len(s) > _HEADING_MAX or s[-1] in _SENTENCE_END:
            continue
        if re.fullmatch(r"[\d\s年月日:：./-]+", s):
            continue
        return s
    return ""


def document_title(doc_id: str, text: str, meta: Mapping | None = None) -> str:
    title = text_of((meta or {}).get("title")).strip()
    return title or heading_line(text) or doc_id


_OPEN = {"(": ")", "（": "）", "【": "】", "[": "]", "《": "》", "“": "”", "〔": "〕"}
_CLOSE = {v: k for k, v in _OPEN.items()}
_NUMBER = re.compile(r"[0-9０-９][0-9０-９.,，．]*")
_REACH = 40   # how far a boundary may move (never past a line break)


def _bracket_fix(text: str, s: int, e: int) -> tuple[int, int]:
    stack: list[str] = []
    unopened = []
    for i in range(s, e):
        c = text[i]
        if c in _OPEN:
            stack.append(c)
        elif c in _CLOSE:
            if stack and stack[-1] == _CLOSE[c]:
                stack.pop()
            else:
                unopened.append(c)
    for c in unopened:                      # a closing bracket inside: start at its opener
        j = text.rfind(_CLOSE[c], max(0, s - _REACH), s)
        if j >= 0 and "\n" not in text[j:s]:
            s = j
    for c in reversed(stack):               # an opening bracket inside: end after its closer
        j = text.find(_OPEN[c], e, e + _REACH)
        if j >= 0 and "\n" not in text[e:j]:
            e = j + 1
    return s, e


def _number_fix(text: str, s: int, e: int) -> tuple[int, int]:
    for m in _NUMBER.finditer(text, max(0, s - _REACH), min(len(text), e + _REACH)):
        a, b = m.start(), m.end()
        while b > a and text[b - 1] in ".,，．":
            b -= 1
        if a < s < b:
            s = a
        if a < e < b:
            e = b
    return s, e


_CLAUSE = set("，,。；;：:、！!？?\n“”\"（）()【】《》 \t")
_CLAUSE_REACH = 24


def _is_word_char(c: str) -> bool:
    return c.isalnum() or "\u4e00" <= c <= "\u9fff"


def _clause_fix(text: str, s: int, e: int, floor: int, ceil: int) -> tuple[int, int]:
    """A start inside a run of characters (…农|业股份有限公司…) moves back to the start of its
    clause, an end inside a run forward to the end of its clause, when that is near (and not
    past ``floor``/``ceil``, the neighbouring rows' evidence)."""
    if 0 < s < len(text) and _is_word_char(text[s - 1]) and _is_word_char(text[s]):
        j = s
        while j > max(floor, s - _CLAUSE_REACH) and text[j - 1] not in _CLAUSE:
            j -= 1
        if j == 0 or text[j - 1] in _CLAUSE:
            s = j
    if 0 < e < len(text) and _is_word_char(text[e - 1]) and _is_word_char(text[e]):
        j = e
        while j < min(ceil, e + _CLAUSE_REACH // 2) and text[j] not in _CLAUSE:
            j += 1
        if j == len(text) or text[j] in _CLAUSE:
            e = j
    return s, e


def display_span(text: str, start: int, end: int, places=(), floor: int = 0,
                 ceil: int | None = None) -> tuple[int, int]:
    """``(start, end)`` widened so that the highlight starts and ends at a boundary: not inside
    a number (3,6|00), a place name (江|西省), a bracket pair (县(市|) or, when the clause
    boundary is near, a word (农|业股份有限公司). ``places`` are the text's place mentions
    (objects with ``start``/``end``, as ``Gazetteer.find`` returns); ``floor``/``ceil`` bound
    the clause rule (the end of the previous row's evidence, the start of the next)."""
    ceil = len(text) if ceil is None else ceil
    s, e = start, end
    for _ in range(3):   # a fix may expose another (a bracket that opens inside a name)
        before = (s, e)
        s, e = _number_fix(text, s, e)
        for m in places:
            if m.start < s < m.end:
                s = m.start
            if m.start < e < m.end:
                e = m.end
        s, e = _bracket_fix(text, s, e)
        if (s, e) == before:
            break
    return _clause_fix(text, s, e, min(floor, s), max(ceil, e))


def display_spans(text: str, found: list, places=()) -> list:
    """``display_span`` of every placed row, each bounded by its neighbours' evidence."""
    placed = sorted({sp for sp in found if sp})
    out = []
    for sp in found:
        if not sp:
            out.append(None)
            continue
        floor = max([b for a, b in placed if b <= sp[0]], default=0)
        ceil = min([a for a, b in placed if a >= sp[1]], default=len(text))
        out.append(display_span(text, sp[0], sp[1], places, floor, ceil))
    return out


def _places(text: str):
    try:
        from .gazetteer import get_gazetteer

        return get_gazetteer().find(text)
    except Exception:   # boundaries are cosmetic; a page without them is still correct
        return []


def place_rows(text: str, rows: pd.DataFrame) -> list[tuple[int, int] | None]:
    """Span of each row's evidence in ``text``: its offsets when they hold the evidence, else the
    first occurrence of the evidence, else None."""
    out = []
    for r in rows.itertuples(index=False):
        ev = text_of(r.evidence)
        s, e = r.start, r.end
        if not pd.isna(s) and not pd.isna(e) and ev and text[int(s):int(e)] == ev:
            out.append((int(s), int(e)))
            continue
        pos = text.find(ev) if ev else -1
        out.append((pos, pos + len(ev)) if pos >= 0 else None)
    return out


# ---------------------------------------------------------------------------------------------
# What a row says

def who(row) -> str:
    """donor → recipients, as plain text."""
    donor = text_of(row.get("donor")) or "(donor not found)"
    recipients = "、".join(x for x in text_of(row.get("recipients")).split(";") if x)
    return f"{donor} → {recipients or '(no recipient named)'}"


def figure(row) -> str:
    q = text_of(row.get("qualifier"))
    return (f"{text_of(row.get('indicator'))}: {amount(row.get('value'), text_of(row.get('unit')))}"
            + (f" ({q})" if q and q != "exact" else ""))


def when(row) -> str:
    return " · ".join(x for x in (text_of(row.get("status")), text_of(row.get("period")),
                                  text_of(row.get("year"))) if x)


def row_tip(n: int, row) -> str:
    """Plain-text description of one row for the hover card."""
    parts = [f"#{n} {figure(row)}", f"   {who(row)}",
             f"   {when(row)} · {text_of(row.get('program'))}"]
    if text_of(row.get("detail")):
        parts.append(f"   detail: {text_of(row.get('detail'))}")
    if text_of(row.get("origin")) == "correction":
        parts.append("   origin: correction")
    return "\n".join(parts)


def mention_of_rows(rows: pd.DataFrame, mentions: pd.DataFrame | None) -> list[dict | None]:
    """The mention behind each row (same document; its number inside the row's evidence span;
    same indicator and value preferred), as a dict, or None."""
    if mentions is None or not len(mentions) or not {"start", "end"} <= set(mentions.columns):
        return [None] * len(rows)
    m = mentions
    if "decision" in m.columns:
        m = m[m["decision"].astype(str) == "panel"]
    m = m.assign(_s=pd.to_numeric(m["start"], errors="coerce"),
                 _e=pd.to_numeric(m["end"], errors="coerce"))
    out = []
    for r in rows.to_dict("records"):
        s, e = r.get("start"), r.get("end")
        if s is None or e is None or pd.isna(s) or pd.isna(e):
            out.append(None)
            continue
        c = m[(m["_s"] >= int(s)) & (m["_e"] <= int(e))]
        if len(c) > 1 and "indicator" in c.columns:
            c = c[c["indicator"].astype(str) == text_of(r.get("indicator"))] if (
                c["indicator"].astype(str) == text_of(r.get("indicator"))).any() else c
        if len(c) > 1 and "value" in c.columns:
            v = pd.to_numeric(c["value"], errors="coerce")
            same = (v - float(r.get("value") or 0)).abs() <= 1e-6 * max(1.0, abs(float(r.get("value") or 0)))
            c = c[same] if same.any() else c
        out.append(c.drop(columns=["_s", "_e"]).iloc[0].to_dict() if len(c) else None)
    return out


# ---------------------------------------------------------------------------------------------
# HTML

def render_text(text: str, rows: pd.DataFrame, spans: list) -> str:
    """The text as HTML with a mark for each piece between span boundaries."""
    cuts = {0, len(text)}
    for sp in spans:
        if sp:
            cuts.update(sp)
    cuts = sorted(cuts)
    first_piece: set[int] = set()
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = esc(text[a:b])
        cover = [i for i, sp in enumerate(spans) if sp and sp[0] <= a and b <= sp[1]]
        if not cover:
            out.append(piece)
            continue
        indicators = list(dict.fromkeys(text_of(rows.iloc[i]["indicator"]) for i in cover))
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
                first_piece.add(i)
                out.append(f'<span id="m{i + 1}"></span>')
        cls = "ev multi" if len(cover) > 1 else "ev"
        tip_attr = esc(tip).replace("\n", "&#10;")
        out.append(f'<mark class="{cls}" style="--c:{bg}" data-rows="{ids}" '
                   f'data-tip="{tip_attr}"><a href="#r{cover[0] + 1}">{piece}</a></mark>')
    return "".join(out)


FONT_FILE = "report-cjk.woff"   # one subset for all pages of the folder (written beside them)
FONT_CSS = ('<style>@font-face{font-family:"Report CJK";src:url("' + FONT_FILE + '") format("woff");'
            'font-display:block}body{font-family:"Report CJK","Noto Sans CJK SC","Source Han Sans SC",'
            '"PingFang SC","Microsoft YaHei",sans-serif}</style>\n')


def _page(title: str, body: str, head_extra: str = FONT_CSS) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n{head_extra}</head>\n<body>\n"
            f"{body}\n</body>\n</html>\n")


def _nav(in_evidence_index: bool = False) -> str:
    links = [] if in_evidence_index else ['<a href="index.html">all documents</a>']
    links += [f'<a href="{REPORT_LINK}">panel report</a>', f'<a href="{INDEX_LINK}">reports index</a>']
    return "<nav>" + "".join(links) + "</nav>"


def legend(indicators) -> str:
    """Two rows, inputs and outputs, each chip in its indicator's colour with its row count."""
    counts = pd.Series([text_of(x) for x in indicators], dtype="object").value_counts()
    fams = []
    for fam, label, names in (("in", "inputs", INPUT_COLOURS), ("out", "outputs", OUTPUT_COLOURS)):
        chips = [f'<span class="chip {fam}" style="background:{indicator_colour(n)}">{esc(n)} '
                 f"({int(counts.get(n, 0))})</span>" for n in codebook.INDICATOR_NAMES
                 if n in names and counts.get(n, 0)]
        if chips:
            fams.append(f'<span class="fam">{label}</span><span class="chips">{"".join(chips)}</span>')
    other = [n for n in counts.index if n not in INPUT_COLOURS and n not in OUTPUT_COLOURS]
    if other:
        chips = "".join(f'<span class="chip" style="background:{OTHER_COLOUR}">{esc(n)} '
                        f"({int(counts[n])})</span>" for n in sorted(other))
        fams.append(f'<span class="fam">other</span><span class="chips">{chips}</span>')
    return '<div class="legend">' + "".join(fams) + "</div>" if fams else ""


def _row_html(n: int, r: Mapping, placed: bool, why: bool) -> str:
    ind = text_of(r.get("indicator"))
    ev = esc(r.get("evidence"))
    ev_cell = (f'<a href="#m{n}">{ev}</a>' if placed
               else f'{ev} <span class="warn">(not found in the text)</span>')
    extra = " · ".join(x for x in (text_of(r.get("program")), text_of(r.get("detail")),
                                   "correction" if text_of(r.get("origin")) == "correction" else "")
                       if x)
    why_link = f'<span class="sub"><a href="#why{n}">why</a></span>' if why else ""
    return (f'<tr id="r{n}"><td class="num">{n}</td>'
            f'<td><span class="chip {indicator_family(ind)}" style="background:'
            f'{indicator_colour(ind)}">{esc(ind)}</span> '
            f'{esc(amount(r.get("value"), text_of(r.get("unit"))))}'
            f'<span class="sub">{esc(when(r))}'
            f'{" · " + esc(r.get("qualifier")) if text_of(r.get("qualifier")) not in ("", "exact") else ""}'
            f"</span></td>"
            f'<td>{esc(who(r))}<span class="sub">{esc(extra)}</span></td>'
            f"<td>{ev_cell}{why_link}</td></tr>")


def _why_html(n: int, r: Mapping, mention: Mapping | None) -> str:
    items = []
    if mention is not None:
        for c in REASON_COLUMNS:
            v = text_of(mention.get(c))
            if v:
                items.append(f'<span class="k">{esc(c)}:</span> {esc(v)}')
        if text_of(mention.get("text")):
            items.insert(0, f'<span class="k">number:</span> {esc(mention.get("text"))}')
    if not items:
        items.append('<span class="k">no mention recorded for this row</span>'
                     if mention is None else '<span class="k">no reason recorded</span>')
    return (f'<dt id="why{n}"><a href="#r{n}">#{n}</a> {esc(figure(r))}</dt>'
            + "".join(f"<dd>{i}</dd>" for i in items))


def document_page(doc_id: str, text: str, rows: pd.DataFrame, meta: Mapping | None = None,
                  mentions: pd.DataFrame | None = None) -> str:
    """HTML of one document's evidence page (rows = that document's panel rows, in order;
    ``mentions`` = that document's mentions.csv rows, optional)."""
    rows = rows.reset_index(drop=True)
    found = place_rows(text, rows)
    places = _places(text) if any(found) else []
    spans = display_spans(text, found, places)
    meta = dict(meta or {})
    title = document_title(doc_id, text, meta)
    info = " · ".join(esc(f"{k}: {text_of(meta.get(k))}") for k in ("date", "unit", "file")
                      if text_of(meta.get(k)))
    head = (f"{_nav()}\n<h1>{esc(title)}</h1>\n<p class=\"meta\">{esc(doc_id)}"
            f"{' · ' + info if info else ''} · {len(rows)} panel row(s); hover a highlighted "
            "figure for who gave what to whom, click it to jump to its row.</p>")
    records = rows.to_dict("records")
    linked = mention_of_rows(rows, mentions)
    have_mentions = mentions is not None
    trs = [_row_html(i + 1, r, found[i] is not None, have_mentions) for i, r in enumerate(records)]
    table = ('<table>\n<colgroup><col class="n"><col class="fig"><col class="who"><col class="ev">'
             "</colgroup>\n<thead><tr><th class=\"num\">#</th><th>figure · status · period · year"
             "</th><th>donor → recipients · program · detail</th><th>evidence</th></tr></thead>\n"
             "<tbody>\n" + "\n".join(trs) + "\n</tbody>\n</table>")
    unplaced = sum(1 for sp in found if sp is None)
    warn = (f'<p class="warn">{unplaced} row(s) whose evidence is not in the text.</p>'
            if unplaced else "")
    why = ""
    if have_mentions and records:
        missing = [c for c in REASON_COLUMNS if c not in mentions.columns]
        note = ("" if not missing else
                f'<p class="meta">mentions.csv does not record {esc(", ".join(missing))} '
                "yet: only what it records is shown.</p>")
        why = ("<h2>Why each row says what it says</h2>\n" + note
               + '<dl class="why">' + "".join(_why_html(i + 1, r, linked[i])
                                             for i, r in enumerate(records)) + "</dl>")
    body = (f"{head}\n{legend(rows['indicator'])}\n<div class=\"text\">"
            f"{render_text(text, rows, spans)}</div>\n<h2>Panel rows</h2>\n{warn}{table}\n{why}")
    return _page(f"{title} — evidence", body)


def index_page(entries: list[dict]) -> str:
    """HTML list of documents: doc_id (linked when it has a page), title, date, status, rows."""
    trs = []
    for e in entries:
        cell = link(url(page_name(e["doc_id"])), e["doc_id"]) if e.get("page") else esc(e["doc_id"])
        trs.append(f"<tr><td>{cell}</td><td>{esc(e.get('title'))}</td><td>{esc(e.get('date'))}</td>"
                   f"<td>{esc(e.get('status'))}</td><td class=\"num\">{int(e.get('rows', 0))}</td></tr>")
    total = sum(int(e.get("rows", 0)) for e in entries)
    body = (f"{_nav(True)}\n<h1>Evidence pages</h1>\n<p class=\"meta\">{len(entries)} document(s), "
            f"{total} panel row(s). Each page shows a report's clean text with every figure of "
            "the panel highlighted.</p>\n<table>\n<colgroup><col style=\"width:22%\"><col>"
            "<col style=\"width:7rem\"><col style=\"width:9rem\"><col style=\"width:4rem\">"
            "</colgroup>\n<thead><tr><th>document</th><th>title</th>"
            "<th>date</th><th>status</th><th class=\"num\">rows</th></tr></thead>\n<tbody>\n"
            + "\n".join(trs) + "\n</tbody>\n</table>")
    return _page("Evidence pages", body)


def _meta(doc) -> dict:
    return {k: getattr(doc, k, None) for k in ("title", "date", "unit", "file", "status")}


def write_evidence_pages(documents: Mapping, panel: pd.DataFrame, out_dir=paths.EVIDENCE, *,
                         documents_table: pd.DataFrame | None = None,
                         text_dir=None, mentions: pd.DataFrame | None = None) -> list[Path]:
    """Write a page for every document with text (``safe_html.page_name(doc_id)``) and
    ``index.html``.

    ``documents`` maps doc_id → Document (``text`` is the clean text the offsets refer to).
    ``documents_table`` (documents.csv) adds the files that were not extracted (duplicate,
    empty, error, ...) to the index, without a page; project reference tables are left out.
    ``text_dir`` (data/clean/text) supplies the text of a document that keeps none in memory
    (a streamed, very large file). ``mentions`` (mentions.csv) adds each row's reasons.
    Returns the written paths (index last). A panel row for a document not in ``documents``
    is an error.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    unknown = sorted(set(panel["doc_id"]) - set(documents))
    if unknown:
        raise KeyError(f"panel rows for document(s) not given to the evidence pages: "
                       f"{', '.join(unknown)}")
    panel = sort_panel(panel)
    by_doc_mentions = (dict(tuple(mentions.groupby(mentions["doc_id"].astype(str), sort=False)))
                       if mentions is not None and len(mentions) and "doc_id" in mentions.columns
                       else {})
    empty_mentions = mentions.iloc[:0] if mentions is not None else None
    written, entries = [], []
    for doc_id in sorted(documents):
        doc = documents[doc_id]
        rows = panel[panel["doc_id"] == doc_id]
        text = getattr(doc, "text", None)
        if not text and text_dir is not None and (Path(text_dir) / f"{doc_id}.txt").exists():
            text = (Path(text_dir) / f"{doc_id}.txt").read_text(encoding="utf-8")
        meta = _meta(doc)
        entries.append({"doc_id": doc_id, "title": document_title(doc_id, text or "", meta)
                        if text else meta["title"], "date": meta["date"],
                        "status": meta["status"], "rows": len(rows), "page": bool(text)})
        if not text:
            continue
        path = out_dir / page_name(doc_id)
        page = document_page(doc_id, text, rows, meta,
                             by_doc_mentions.get(doc_id, empty_mentions))
        path.write_text(page, encoding="utf-8", newline="\n")
        written.append(path)
    if documents_table is not None and len(documents_table):
        for rec in documents_table.sort_values("doc_id").to_dict("records"):
            if rec["doc_id"] in documents or rec.get("status") == "reference":
                continue
            status = text_of(rec.get("status"))
            if text_of(rec.get("duplicate_of")):
                status += f" of {text_of(rec.get('duplicate_of'))}"
            entries.append({"doc_id": rec["doc_id"], "title": rec.get("title"),
                            "date": rec.get("date"), "status": status, "rows": 0,
                            "page": False})
        entries.sort(key=lambda e: str(e["doc_id"]))
    index = out_dir / "index.html"
    index.write_text(index_page(entries), encoding="utf-8", newline="\n")
    written.append(index)
    _write_font(out_dir, written)
    return written


def _write_font(out_dir: Path, pages: list[Path]) -> Path:
    """The web font subset with every character of the folder's pages (one file, so thirty
    pages do not carry thirty copies); written beside them and listed with them."""
    from .webfont import woff

    chars = set()
    for p in pages:
        chars |= set(p.read_text(encoding="utf-8"))
    path = out_dir / FONT_FILE
    path.write_bytes(woff("".join(sorted(chars))))
    return path


def documents_table_html(docs: Mapping, panel: pd.DataFrame, prefix: str = "evidence/") -> str:
    """The 02 report's table of evidence pages: document (linked), title, date, rows."""
    counts = panel["doc_id"].value_counts()
    trs = []
    for d in sorted(docs):
        doc = docs[d]
        text = getattr(doc, "text", "") or ""
        trs.append(f"<tr><td>{link(prefix + url(page_name(d)), d)}</td>"
                   f"<td>{esc(document_title(d, text, _meta(doc)))}</td>"
                   f"<td>{esc(getattr(doc, 'date', ''))}</td>"
                   f'<td class="num">{int(counts.get(d, 0))}</td></tr>')
    return (f'<p>{link(prefix + "index.html", "All documents")}</p>\n<table>\n<thead><tr>'
            "<th>document</th><th>title</th><th>date</th><th>rows</th></tr></thead>\n<tbody>\n"
            + "\n".join(trs) + "\n</tbody>\n</table>")
