"""Score an extracted panel against a hand-annotated gold panel.

Matching rule (strict): a panel row matches a gold row when doc_id, indicator and status are equal,
the values agree within 1 %, the donors agree and, where the gold row names recipients, the recipient
sets agree. Donors and recipients are compared by their last administrative level (甘肃省天水市武山县 →
武山县, 山东省青岛市 → 青岛市), so a name written at a different depth still matches. The lenient
score drops status, donor and recipients. Matching is one-to-one: within each document, candidate
pairs are taken best-first (smallest relative value difference, then file order), which is a
maximum matching whenever the candidate pairs of a gold row are interchangeable, as they are here.

Only documents present in the gold are scored; the report says how many panel rows that leaves out.
Year, period, program and detail are not part of the match; the report gives the share of strict
matches that agree on each of them.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from .codebook import INDICATOR_NAMES
from .gazetteer import last_level  # donors and recipients are compared by their last level



def _name_set(s) -> frozenset:
    if s is None or (isinstance(s, float) and pd.isna(s)):
        return frozenset()
    return frozenset(last_level(x) for x in str(s).split(";") if x.strip())


def _prepare(df: pd.DataFrame, what: str) -> pd.DataFrame:
    need = ["doc_id", "donor", "recipients", "status", "indicator", "value"]
    missing = [c for c in need if c not in df.columns]
    if missing:
        raise ValueError(f"{what} lacks columns {missing}")
    out = df.copy()
    out["value"] = pd.to_numeric(out["value"], errors="raise").astype(float)
    for c in ("doc_id", "donor", "recipients", "status", "indicator"):
        out[c] = out[c].fillna("").astype(str)
    out["_donor"] = out["donor"].map(last_level)
    out["_rec"] = out["recipients"].map(_name_set)
    return out.reset_index(drop=True)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 0.01 * max(abs(a), abs(b), 1e-9)


def _match(gold: pd.DataFrame, panel: pd.DataFrame, strict: bool) -> list[tuple[int, int]]:
    pairs = []
    for doc, g in gold.groupby("doc_id", sort=True):
        p = panel[panel["doc_id"] == doc]
        cands = []
        for gi, gr in g.iterrows():
            for pi, pr in p.iterrows():
                if gr["indicator"] != pr["indicator"] or not _close(gr["value"], pr["value"]):
                    continue
                if strict:
                    if gr["status"] != pr["status"] or gr["_donor"] != pr["_donor"]:
                        continue
                    if gr["_rec"] and gr["_rec"] != pr["_rec"]:
                        continue
                diff = abs(gr["value"] - pr["value"]) / max(abs(gr["value"]), 1e-9)
                cands.append((diff, gi, pi))
        used_g, used_p = set(), set()
        for _, gi, pi in sorted(cands):
            if gi not in used_g and pi not in used_p:
                used_g.add(gi)
                used_p.add(pi)
                pairs.append((gi, pi))
    return pairs


AGREEMENT_COLUMNS = ("year", "period", "program", "detail")


def _agreement(g: pd.DataFrame, p: pd.DataFrame, pairs: list) -> dict:
    """Share of matched pairs that also agree on the columns the match ignores (year, period,
    program, detail); None for a column either side lacks."""
    out = {}
    for col in AGREEMENT_COLUMNS:
        if col not in g.columns or col not in p.columns or not pairs:
            out[col] = None
            continue
        same = sum(1 for gi, pi in pairs if _norm(g.at[gi, col]) == _norm(p.at[pi, col]))
        out[col] = same / len(pairs)
    return out


def _norm(v) -> str:
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return ""
    s = str(v).strip()
    return s[:-2] if s.endswith(".0") and s[:-2].isdigit() else s


def _prf(tp: int, n_gold: int, n_panel: int) -> dict:
    p = tp / n_panel if n_panel else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "gold": n_gold, "panel": n_panel, "precision": p, "recall": r, "f1": f}


def evaluate(gold: pd.DataFrame, panel: pd.DataFrame) -> dict:
    """Strict and lenient precision/recall/F1, overall and per indicator, plus the matched pairs."""
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
            "agreement": _agreement(g, p, pairs),
            "per_indicator": per,
            "false_negatives": g.loc[sorted(set(g.index) - gi_m)].drop(columns=["_donor", "_rec"]),
            "false_positives": p.loc[sorted(set(p.index) - pi_m)].drop(columns=["_donor", "_rec"]),
        }
    return result


def _line(label: str, s: dict) -> str:
    return (f"{label:<24} P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f} "
            f"(tp={s['tp']} gold={s['gold']} panel={s['panel']})")


def format_report(result: dict) -> str:
    """Per-indicator table, then four summary lines (a hook shows the last four)."""
    lines = [f"{'indicator':<24} {'strict P':>8} {'R':>6} {'F1':>6}   {'lenient P':>9} {'R':>6} {'F1':>6}"
             f" {'gold':>5} {'panel':>6}"]
    for ind, s in result["strict"]["per_indicator"].items():
        l = result["lenient"]["per_indicator"][ind]
        lines.append(f"{ind:<24} {s['precision']:>8.3f} {s['recall']:>6.3f} {s['f1']:>6.3f}   "
                     f"{l['precision']:>9.3f} {l['recall']:>6.3f} {l['f1']:>6.3f} {s['gold']:>5} {s['panel']:>6}")
    lines.append("")
    agree = result["strict"].get("agreement", {})
    if any(v is not None for v in agree.values()):
        lines.append("agreement of strict matches: " + ", ".join(
            f"{k} {v:.3f}" for k, v in agree.items() if v is not None))
    lines.append(f"scored the {result['documents']} documents of the gold only "
                 f"({result['panel_rows_outside_gold']} panel rows of other documents left out)")
    lines.append("strict = same doc, indicator, status, value within 1 %, donor and recipients (last-level "
                 "names); lenient = same doc, indicator and value")
    lines.append(_line("overall strict", result["strict"]["overall"]))
    lines.append(_line("overall lenient", result["lenient"]["overall"]))
    return "\n".join(lines)


def _read(path: str, what: str) -> pd.DataFrame:
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(f"{what} file not found: {p}")
    if p.suffix == ".parquet":
        return pd.read_parquet(p)
    return pd.read_csv(p, dtype={"recipients": str, "donor": str}, keep_default_na=False)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m helpers evaluate",
                                 description="Score a panel against a gold panel (strict and lenient P/R/F1).")
    ap.add_argument("gold")
    ap.add_argument("panel")
    ap.add_argument("--errors", action="store_true", help="also list strict false negatives/positives")
    args = ap.parse_args(argv)
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
