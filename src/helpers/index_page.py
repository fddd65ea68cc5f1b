"""``reports/index.html``: where a newcomer starts.

A summary first (documents by status, figures by indicator, donors, recipients, years covered,
accuracy on the gold sets when ``02_panel`` has scored them), then links to the data
(``panel.csv``, ``panel.parquet``, the codebook, the analytic tables) and to the figures, then
every report with what it reads, writes and shows (the notebook's first Markdown cell, rendered),
each with its reruns under other parameters (``reports/runs.json``, written by ``helpers run``)
and their warnings. Everything read from the data goes through ``helpers.safe_html``.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from .display import number
from .safe_html import esc, link, url

RUNS_FILE = "runs.json"

CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;
max-width:62rem;margin:2rem auto;padding:0 1rem;line-height:1.55;color:#222}
h1{font-size:1.6rem} h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ddd}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(13rem,1fr));gap:.8rem}
.card{border:1px solid #ddd;border-radius:6px;padding:.6rem .8rem;background:#fafafa}
.card b{font-size:1.4rem;display:block}
table{border-collapse:collapse;font-size:.9rem;margin:.5rem 0}
th,td{border:1px solid #ddd;padding:.15rem .5rem;text-align:left;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:1rem;align-items:start}
ol.reports>li{margin-bottom:1.2rem}
.desc{color:#333;font-size:.93rem} .desc p{margin:.3rem 0}
.warn{color:#c92a2a;font-weight:bold}
.muted{color:#666}
td{white-space:nowrap}
ul.files{columns:2;padding-left:1.2rem}
"""


def _read_csv(path: Path) -> pd.DataFrame | None:
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, ValueError, pd.errors.EmptyDataError):
        return None


def _counts_table(series: pd.Series, head: str, limit: int | None = None) -> str:
    counts = series.value_counts()
    counts = counts.sort_index() if limit is None else counts.head(limit)
    rows = "".join(f"<tr><td>{esc(k)}</td><td class=\"num\">{number(v)}</td></tr>"
                   for k, v in counts.items())
    return f"<table><thead><tr><th>{esc(head)}</th><th>n</th></tr></thead><tbody>{rows}</tbody></table>"


def summary(clean: Path, reports: Path) -> str:
    """The newcomer's summary of what the collection holds (empty when nothing is built)."""
    from .codebook import INDICATORS

    docs = _read_csv(clean / "documents.csv")
    panel = _read_csv(clean / "panel.csv")
    if docs is None and panel is None:
        return "<p class=\"muted\">Nothing built yet: run <code>make all</code>.</p>"
    cards, blocks = [], []
    if docs is not None:
        reports_only = docs[docs["status"] != "reference"] if "status" in docs else docs
        cards.append(f'<div class="card"><b>{number(len(reports_only))}</b>report files read</div>')
        if "status" in docs:
            blocks.append("<div><h3>Documents by status</h3>"
                          + _counts_table(reports_only["status"], "status") + "</div>")
    if panel is not None and len(panel):
        years = pd.to_numeric(panel.get("year"), errors="coerce").dropna().astype(int)
        recips = {r for v in panel.get("recipients", []) for r in str(v).split(";") if r}
        cards += [f'<div class="card"><b>{number(len(panel))}</b>figures in the panel</div>',
                  f'<div class="card"><b>{number(panel["donor"].replace("", pd.NA).nunique())}'
                  "</b>donors</div>",
                  f'<div class="card"><b>{number(len(recips))}</b>recipients named</div>',
                  f'<div class="card"><b>{esc(f"{years.min()}–{years.max()}" if len(years) else "–")}'
                  "</b>years covered</div>"]
        group = {i.name: i.group.replace("input_money", "input (money)")
                 .replace("input_people", "input (people)") for i in INDICATORS}
        by_ind = panel["indicator"].value_counts()
        rows = "".join(f"<tr><td>{esc(name)}</td><td>{esc(group.get(name, ''))}</td>"
                       f"<td class=\"num\">{number(by_ind.get(name, 0))}</td></tr>"
                       for name in [i.name for i in INDICATORS] if by_ind.get(name, 0))
        blocks.append("<div><h3>Figures by indicator</h3><table><thead><tr><th>indicator</th>"
                      f"<th>kind</th><th>n</th></tr></thead><tbody>{rows}</tbody></table></div>")
        blocks.append("<div><h3>Figures by year</h3>" + _counts_table(years.astype(str), "year")
                      + "</div>")
        blocks.append("<div><h3>Donors with most figures</h3>"
                      + _counts_table(panel["donor"].replace("", "(none found)"), "donor", 12)
                      + "</div>")
    acc = _read_csv(reports / "tables" / "accuracy.csv")
    if acc is not None and len(acc):
        cols = [c for c in ("gold_set", "mode", "precision", "recall", "f1", "tp", "gold", "panel")
                if c in acc.columns]
        rows = "".join("<tr>" + "".join(
            f'<td class="num">{esc(_round(r[c]))}</td>' if c not in ("gold_set", "mode")
            else f"<td>{esc(r[c])}</td>" for c in cols) + "</tr>" for r in acc.to_dict("records"))
        blocks.append("<div><h3>Accuracy on the gold sets</h3><table><thead><tr>"
                      + "".join(f"<th>{esc(c)}</th>" for c in cols) + f"</tr></thead><tbody>{rows}"
                      "</tbody></table><p class=\"muted\">strict: document, indicator, status, "
                      "value, donor and recipients agree; lenient: document, indicator and "
                      "value (see 02_panel); tp = matched rows, gold = rows of the gold set, "
                      "panel = panel rows of its documents.</p></div>")
    return (f'<div class="cards">{"".join(cards)}</div>\n<div class="grid2">{"".join(blocks)}</div>')


def _round(v) -> str:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return str(v)
    return f"{f:.3f}" if not f.is_integer() else f"{int(f)}"


def downloads(root: Path, reports: Path) -> str:
    """Links to the data files and figures that exist (relative to reports/)."""
    clean = root / "data" / "clean"
    main = [("panel.csv", "the panel, one row per stated figure (UTF-8)"),
            ("panel.parquet", "the same panel, typed"),
            ("codebook.yaml", "columns and indicators"),
            ("mentions.csv", "every number found, kept or left out, with the reason"),
            ("documents.csv", "every raw file with its status")]
    items = [f"<li>{link(url('..', 'data', 'clean', name), name)} — {esc(what)}</li>"
             for name, what in main if (clean / name).exists()]
    tables = sorted(p.name for p in clean.glob("*_year*.csv"))
    tables_rep = sorted(p.name for p in (reports / "tables").glob("*.csv")) if (
        reports / "tables").is_dir() else []
    figs = sorted(p.name for p in (reports / "figures").glob("*.png")) if (
        reports / "figures").is_dir() else []
    out = ["<ul>" + "".join(items) + "</ul>"] if items else []
    if tables or tables_rep:
        out.append("<p>Analytic tables:</p><ul class=\"files\">"
                   + "".join(f"<li>{link(url('..', 'data', 'clean', t), t)}</li>" for t in tables)
                   + "".join(f"<li>{link(url('tables', t), t)}</li>" for t in tables_rep) + "</ul>")
    if figs:
        out.append("<p>Figures (PNG; an SVG beside each):</p><ul class=\"files\">"
                   + "".join(f"<li>{link(url('figures', f), f)}</li>" for f in figs) + "</ul>")
    return "\n".join(out) or "<p class=\"muted\">No data files yet.</p>"


def read_runs(reports: Path) -> dict:
    try:
        runs = json.loads((reports / RUNS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in runs.items() if (reports / k).exists()}


def write_runs(reports: Path, runs: dict) -> Path:
    path = reports / RUNS_FILE
    path.write_text(json.dumps(runs, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                    encoding="utf-8")
    return path


def _describe_html(notebook: Path) -> tuple[str, str]:
    """Title and the rest of the first Markdown cell rendered as HTML (our own text)."""
    from nbconvert.filters import markdown2html_mistune

    cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells", [])
    for cell in cells:
        if cell.get("cell_type") == "markdown":
            lines = "".join(cell.get("source", "")).strip().splitlines()
            if not lines:
                continue
            title = lines[0].lstrip("# ").strip()
            return title, markdown2html_mistune("\n".join(lines[1:]))
    return notebook.stem, ""


def _params_text(parameters: dict) -> str:
    return ", ".join(f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in sorted(parameters.items()))


def index_html(notebooks: list[Path], reports: Path, root: Path) -> str:
    runs = read_runs(reports)
    items = []
    for nb in notebooks:
        report = reports / f"{nb.stem}.html"
        title, desc = _describe_html(nb)
        state = ("" if report.exists()
                 else ' <em class="muted">(not built yet: run <code>make all</code>)</em>')
        extra = []
        for name, info in sorted(runs.items()):
            if info.get("notebook") != nb.stem:
                continue
            warns = "".join(f'<br><span class="warn">⚠ {esc(w)}</span>' for w in info.get("warnings", []))
            if name == report.name:
                if warns:
                    extra.append(f"<li>default run{warns}</li>")
                continue
            extra.append(f"<li>{link(url(name), name)} — rerun with "
                         f"{esc(_params_text(info.get('parameters', {})))}{warns}</li>")
        reruns = f"<ul>{''.join(extra)}</ul>" if extra else ""
        items.append(f"<li>{link(url(report.name), title)}{state}<div class=\"desc\">{desc}</div>"
                     f"{reruns}</li>")
    if (reports / "evidence" / "index.html").exists():
        items.append(f"<li>{link('evidence/index.html', 'Evidence pages')}<div class=\"desc\"><p>"
                     "Each report's clean text with every extracted figure highlighted; hover a "
                     "figure for who gave what to whom, its status and year, and follow a row to "
                     "the reasons behind it.</p></div></li>")
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>东西部扶贫协作 reports</title>
<style>{CSS}</style></head><body>
<h1>East–West cooperation reports (东西部扶贫协作 / 对口支援)</h1>
<p>An auditable panel of what eastern donors reported giving western counties, and what came of
it, built from the reports in <code>data/raw/</code>. Every figure links back to the sentence it
was read from.</p>
<h2>What the collection holds</h2>
{summary(root / "data" / "clean", reports)}
<h2>Data and figures</h2>
{downloads(root, reports)}
<h2>Reports</h2>
<p>In the order they run. Start with the cleaning reports: they say what was read and how every
figure was extracted.</p>
<ol class="reports">
{chr(10).join(items)}
</ol></body></html>
"""


def write_index(reports: Path, notebooks: list[Path], root: Path | None = None) -> Path:
    root = root or reports.parent
    out = reports / "index.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    from .webfont import embed

    out.write_text(embed(index_html(notebooks, reports, root), "body, th, td, code"),
                   encoding="utf-8", newline="\n")
    return out
