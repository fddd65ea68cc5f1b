"""Score an extracted panel against a hand-annotated gold panel — with the reference scorer's rule.

Matching (the rule of ``shared/tools/score.py``, with which every gold set, shared or hidden, is
scored): a panel row matches a gold row, one to one, when doc_id, indicator and status are equal,
the value is within 1 %, and the donor and — where the gold row names them — the recipients agree
as sets of last-level place names (甘肃省天水市武山县 → 武山县). Within each document the pairs
form a maximum bipartite matching, so the order of rows never matters. ``lenient`` drops the
status, donor and recipient conditions.

Beside P/R/F1 the report gives, among lenient matches, the share that also agree on donor,
recipients, status, period and year (where the attribution goes wrong), and among strict matches
the agreement on the columns the match ignores (year, period, program, detail).

``python -m helpers evaluate GOLD.csv PANEL.csv`` scores one panel; ``python -m helpers evaluate``
with no files runs the panel on every gold set it finds (seeds, dev, dev2, dev3 in ``shared/``,
the held-out sets under ``tests/``), each as an unseen folder (its .txt files only, no
SOURCES.csv), and prints one line per set.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import paths
from .codebook import INDICATOR_NAMES

_PIECE = re.compile(r".+?(?:自治区|特别行政区|省|自治州|地区|盟|市|区|县|旗|乡|镇)")
_SPLIT = re.compile(r"[;；,，、]")


def last_level(name: str) -> str:
    """The most specific unit of a full name, as the reference scorer cuts it."""
    name = str(name).strip()
    parts = _PIECE.findall(name)
    return parts[-1] if parts else name


def name_set(cell) -> frozenset:
    if cell is None or (isinstance(cell, float) and pd.isna(cell)) or str(cell).strip() == "":
        return frozenset()
    return frozenset(last_level(p) for p in _SPLIT.split(str(cell)) if p.strip())


def _prepare(df: pd.DataFrame, what: str) -> pd.DataFrame:
    need = ["doc_id", "donor", "recipients", "status", "indicator", "value"]
    missing = [c for c in need if c not in df.columns]
    if missing:
        raise ValueError(f"{what} lacks columns {missing}")
    out = df.copy()
    out["value"] = pd.to_numeric(out["value"], errors="raise").astype(float)
    for c in ("doc_id", "donor", "recipients", "status", "indicator"):
        out[c] = out[c].fillna("").astype(str).str.strip()
    out["_donor"] = out["donor"].map(name_set)
    out["_rec"] = out["recipients"].map(name_set)
    return out.reset_index(drop=True)


def _close(gold_value: float, value: float) -> bool:
    return abs(value - gold_value) <= 0.01 * max(abs(gold_value), 1e-9)


def _ok(g, p, strict: bool) -> bool:
    if g["indicator"] != p["indicator"] or not _close(g["value"], p["value"]):
        return False
    if strict:
        if g["status"] != p["status"]:
            return False
        if g["_rec"] and g["_rec"] != p["_rec"]:
            return False
        if g["_donor"] and g["_donor"] != p["_donor"]:
            return False
    return True


def _match(gold: pd.DataFrame, panel: pd.DataFrame, strict: bool) -> list[tuple[int, int]]:
    """Maximum one-to-one matching per document (scipy), as the reference scorer does."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import maximum_bipartite_matching

    pairs = []
    by_doc = {d: list(idx) for d, idx in panel.groupby("doc_id").groups.items()}
    for doc, g in gold.groupby("doc_id", sort=True):
        pi = by_doc.get(doc, [])
        gi = list(g.index)
        if not pi:
            continue
        rows, cols = [], []
        for a, gx in enumerate(gi):
            for b, px in enumerate(pi):
                if _ok(gold.loc[gx], panel.loc[px], strict):
                    rows.append(a)
                    cols.append(b)
        if not rows:
            continue
        m = csr_matrix(([1] * len(rows), (rows, cols)), shape=(len(gi), len(pi)))
        for a, b in enumerate(maximum_bipartite_matching(m, perm_type="column")):
            if b >= 0:
                pairs.append((gi[a], pi[b]))
    return sorted(pairs)


AGREEMENT_COLUMNS = ("year", "period", "program", "detail")
FIELDS = ("donor", "recipients", "status", "period", "year")


def _norm(v) -> str:
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return ""
    s = str(v).strip()
    return s[:-2] if s.endswith(".0") and s[:-2].lstrip("-").isdigit() else s


def _same(g: pd.DataFrame, p: pd.DataFrame, gi: int, pi: int, col: str) -> bool:
    if col == "donor":
        return not g.at[gi, "_donor"] or g.at[gi, "_donor"] == p.at[pi, "_donor"]
    if col == "recipients":
        return not g.at[gi, "_rec"] or g.at[gi, "_rec"] == p.at[pi, "_rec"]
    return _norm(g.at[gi, col]) == _norm(p.at[pi, col])


def _agreement(g: pd.DataFrame, p: pd.DataFrame, pairs: list, cols) -> dict:
    """Share of matched pairs that agree on each column; None when a side lacks it."""
    out = {}
    for col in cols:
        if col not in g.columns or col not in p.columns or not pairs:
            out[col] = None
            continue
        out[col] = sum(1 for gi, pi in pairs if _same(g, p, gi, pi, col)) / len(pairs)
    return out


def _prf(tp: int, n_gold: int, n_panel: int) -> dict:
    p = tp / n_panel if n_panel else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "gold": n_gold, "panel": n_panel, "precision": p, "recall": r, "f1": f}


def evaluate(gold: pd.DataFrame, panel: pd.DataFrame) -> dict:
    """Strict and lenient precision/recall/F1, overall and per indicator, the agreement of
    matched pairs and the unmatched rows."""
    g = _prepare(gold, "gold")
    p_all = _prepare(panel, "panel")
    docs = set(g["doc_id"])
    p = p_all[p_all["doc_id"].isin(docs)].reset_index(drop=True)
    result = {"documents": len(docs), "panel_rows_outside_gold": int(len(p_all) - len(p))}
    for mode in ("strict", "lenient"):
        pairs = _match(g, p, strict=(mode == "strict"))
        gi_m = {gi for gi, _ in pairs}
        pi_m = {pi for _, pi in pairs}
        per = {}
        names = [i for i in INDICATOR_NAMES if i in set(g["indicator"]) | set(p["indicator"])]
        for ind in names:
            tp = sum(1 for gi, _ in pairs if g.at[gi, "indicator"] == ind)
            per[ind] = _prf(tp, int((g["indicator"] == ind).sum()), int((p["indicator"] == ind).sum()))
        result[mode] = {
            "overall": _prf(len(pairs), len(g), len(p)),
            "agreement": _agreement(g, p, pairs, AGREEMENT_COLUMNS if mode == "strict" else FIELDS),
            "per_indicator": per,
            "false_negatives": g.loc[sorted(set(g.index) - gi_m)].drop(columns=["_donor", "_rec"]),
            "false_positives": p.loc[sorted(set(p.index) - pi_m)].drop(columns=["_donor", "_rec"]),
        }
    return result


def _line(label: str, s: dict) -> str:
    return (f"{label:<24} P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f} "
            f"(tp={s['tp']} gold={s['gold']} panel={s['panel']})")


def _fields(result: dict) -> str:
    agree = result["lenient"].get("agreement", {})
    return ", ".join(f"{k} {v:.3f}" for k, v in agree.items() if v is not None)


def format_report(result: dict) -> str:
    """Per-indicator table, then the summary lines (the last two are strict and lenient)."""
    lines = [f"{'indicator':<24} {'strict P':>8} {'R':>6} {'F1':>6}   {'lenient P':>9} {'R':>6} {'F1':>6}"
             f" {'gold':>5} {'panel':>6}"]
    for ind, s in result["strict"]["per_indicator"].items():
        lv = result["lenient"]["per_indicator"][ind]
        lines.append(f"{ind:<24} {s['precision']:>8.3f} {s['recall']:>6.3f} {s['f1']:>6.3f}   "
                     f"{lv['precision']:>9.3f} {lv['recall']:>6.3f} {lv['f1']:>6.3f} {s['gold']:>5} {s['panel']:>6}")
    lines.append("")
    agree = result["strict"].get("agreement", {})
    if any(v is not None for v in agree.values()):
        lines.append("agreement of strict matches: " + ", ".join(
            f"{k} {v:.3f}" for k, v in agree.items() if v is not None))
    if _fields(result):
        lines.append("accuracy among lenient matches: " + _fields(result))
    lines.append(f"scored the {result['documents']} documents of the gold only "
                 f"({result['panel_rows_outside_gold']} panel rows of other documents left out)")
    lines.append("strict = same doc, indicator, status, value within 1 %, donor and recipients (last-level "
                 "names, as shared/tools/score.py); lenient = same doc, indicator and value")
    lines.append(_line("overall strict", result["strict"]["overall"]))
    lines.append(_line("overall lenient", result["lenient"]["overall"]))
    return "\n".join(lines)


# ------------------------------------------------------------------ every gold set at once

@dataclass(frozen=True)
class GoldSet:
    name: str
    raw: Path       # folder of report texts
    gold: Path      # gold.csv


def gold_sets(shared: Path = paths.SHARED, tests: Path = paths.ROOT / "tests") -> list[GoldSet]:
    """The gold sets present beside the project: seeds, dev, dev2, dev3, … and tests/heldout*."""
    out = []
    if (shared / "seeds").is_dir() and (shared / "gold" / "seeds_gold.csv").exists():
        out.append(GoldSet("seeds", shared / "seeds", shared / "gold" / "seeds_gold.csv"))
    for d in sorted(shared.glob("dev*")):
        if (d / "raw").is_dir() and (d / "gold.csv").exists():
            out.append(GoldSet(d.name, d / "raw", d / "gold.csv"))
    for d in sorted(tests.glob("heldout*")):
        if (d / "docs").is_dir() and (d / "gold.csv").exists():
            out.append(GoldSet(d.name, d / "docs", d / "gold.csv"))
    return out


def panel_of_folder(raw: Path) -> pd.DataFrame:
    """The panel of a folder read as an unseen one: its report files only (no SOURCES.csv,
    pairings or corrections), through the same ingest and extraction as ``helpers panel``."""
    from .panel import build_panel

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "raw"
        src.mkdir()
        for f in sorted(raw.iterdir()):
            if f.is_file() and f.name not in paths.RAW_TABLES:
                shutil.copy2(f, src / f.name)
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            result = build_panel(src, Path(tmp) / "out", corrections=False, progress=False)
        return result.panel


def evaluate_sets(sets: list[GoldSet]) -> list[tuple[GoldSet, dict]]:
    out = []
    for s in sets:
        gold = pd.read_csv(s.gold, dtype=str, keep_default_na=False)
        out.append((s, evaluate(gold, panel_of_folder(s.raw))))
    return out


def format_sets(results: list[tuple[GoldSet, dict]]) -> str:
    head = (f"{'set':<10} {'gold':>5} {'panel':>6} {'strict F1':>10} {'lenient F1':>11}   "
            "accuracy among lenient matches")
    lines = [head]
    for s, res in results:
        st, le = res["strict"]["overall"], res["lenient"]["overall"]
        lines.append(f"{s.name:<10} {st['gold']:>5} {st['panel']:>6} {st['f1']:>10.3f} {le['f1']:>11.3f}   "
                     + _fields(res))
    return "\n".join(lines)


def _read(path: str, what: str) -> pd.DataFrame:
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(f"{what} file not found: {p}")
    if p.suffix == ".parquet":
        return pd.read_parquet(p)
    return pd.read_csv(p, dtype={"recipients": str, "donor": str}, keep_default_na=False)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m helpers evaluate",
        description="Score a panel against a gold panel (strict and lenient P/R/F1); with no files, "
                    "run the panel on every gold set found and score each.")
    ap.add_argument("gold", nargs="?")
    ap.add_argument("panel", nargs="?")
    ap.add_argument("--errors", action="store_true", help="also list strict false negatives/positives")
    ap.add_argument("--sets", nargs="*", metavar="NAME", help="only these gold sets (no-file mode)")
    args = ap.parse_args(argv)
    if args.gold is None:
        sets = gold_sets()
        if args.sets:
            sets = [s for s in sets if s.name in args.sets]
        if not sets:
            print(f"error: no gold sets found under {paths.SHARED} or tests/", file=sys.stderr)
            return 2
        print(format_sets(evaluate_sets(sets)))
        return 0
    if args.panel is None:
        print("error: give both GOLD.csv and PANEL.csv (or neither, to score every gold set)", file=sys.stderr)
        return 2
    try:
        res = evaluate(_read(args.gold, "gold"), _read(args.panel, "panel"))
    except (FileNotFoundError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if args.errors:
        cols = ["doc_id", "indicator", "status", "value", "donor", "recipients", "evidence"]
        for kind in ("false_negatives", "false_positives"):
            df = res["strict"][kind]
            print(f"## strict {kind} ({len(df)})")
            print(df[[c for c in cols if c in df.columns]].to_string())
        print()
    print(format_report(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
