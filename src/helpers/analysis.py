"""Analytic tables built from the panel: dyad-year, donor-year and county-year.

The panel has one row per *stated figure*. Summing it naively double counts, because reports
state the same money or people several times: a district total and its per-county parts, a
figure repeated in two reports, a text printed twice. The functions here remove those repeats
with general rules, then aggregate:

1. ``select_figures``     keep one period (annual | cumulative) and one status (actual | target |
                          expected); mixing them in one cell would add a plan to an outcome.
2. ``drop_repeated_figures``  duplicates inside a document (a text printed twice: same figure and
                          evidence at another offset; rows at the same offset are "each" rows) and the
                          same figure (donor, recipients, year, indicator, status, period, unit,
                          value) stated in several documents of the same donor: kept once, from
                          the document that states it most often (then the first doc_id); the
                          other documents are listed in ``also_in``.
3. ``find_part_of_total`` inside one document/indicator/year/status/period/unit, a row whose
                          value is ≈ the sum of ≥ 2 other rows whose recipients are a subset of
                          its own (empty recipients = all of the donor's recipients) and whose
                          detail fits (same detail, or the total has none / ``total``) is a total
                          of those parts (0.5 % tolerance, 5 % when a figure is approximate;
                          fewest parts first). A named total may also be split by place into
                          parts of other details (strictly narrower, disjoint recipients, 0.5 %). ``keep_one_level`` then keeps either the parts (finest
                          geography; the default, so dyads keep county resolution and sums stay
                          within the tolerance) or the totals.
4. ``allocate``           joint figures (several recipients, or none named) go to the donor-level
                          row (``joint="donor"``, recipient ''), are split equally and flagged
                          (``"split"``) or dropped (``"drop"``).
5. ``dyad_year`` / ``donor_year`` / ``county_year``  wide tables, one value column per
                          indicator (and unit, when an indicator comes in several units) with the
                          number of source figures behind each cell.

"Each" figures (各/分别: one row per recipient with the per-unit value and a shared evidence
span) are distinct figures and are summed, which is what "each" means.

Parts that do not add up to a stated total are *not* detected (e.g. a district total of
donations and a few named gifts of which it may or may not include): they stay and may double
count at the donor level; ``overlap_candidates`` lists them for review.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from .codebook import CORE_COLUMNS, INDICATORS, PANEL_COLUMNS, PERIODS, STATUSES
from .panel import read_panel as read_panel_file
from .panel import split_list as _split

JOINT_MODES = ("donor", "split", "drop")
KEEP_LEVELS = ("parts", "total")
# Details that do not narrow a figure: a total with one of these can hold parts of any detail.
GENERIC_DETAILS = ("", "total")
VALUE_FORMAT = "%.2f"
KEY = ["donor", "recipient", "recipient_adcode", "year"]


# --------------------------------------------------------------------------- reading

def read_panel(path) -> pd.DataFrame:
    """A panel file (``helpers.panel.read_panel``: panel.csv, panel.parquet or a gold file with
    the core columns only) with the types the tables need (see ``coerce_panel``)."""
    return coerce_panel(read_panel_file(path), source=str(path))


def coerce_panel(df: pd.DataFrame, source: str = "panel") -> pd.DataFrame:
    """Check the core columns, add missing provenance columns, type value (float) and year (int)."""
    missing = [c for c in CORE_COLUMNS if c not in df.columns]
    if missing:
        raise ValueError(f"{source}: missing panel columns {missing}")
    out = df.copy()
    for c in PANEL_COLUMNS:
        if c not in out.columns:
            out[c] = ""
    out = out[list(PANEL_COLUMNS)]
    text_cols = [c for c in PANEL_COLUMNS if c not in ("value", "year")]
    for c in text_cols:
        col = out[c].astype(object)
        out[c] = col.where(col.notna(), "").astype(str)
    value = pd.to_numeric(out["value"], errors="coerce")
    year = pd.to_numeric(out["year"], errors="coerce")
    bad = out.index[value.isna() | year.isna()]
    if len(bad):
        i = bad[0]
        raise ValueError(f"{source}: row {i} (doc {out.at[i, 'doc_id']}) has a non-numeric "
                         f"value {df.at[i, 'value']!r} or year {df.at[i, 'year']!r}")
    out["value"] = value.astype(float)
    out["year"] = year.astype(int)
    for i, (names, codes) in enumerate(zip(out["recipients"], out["recipient_adcodes"])):
        if codes and len(_split(names)) != len(_split(codes)):
            raise ValueError(f"{source}: row {out.index[i]} (doc {out['doc_id'].iat[i]}) has "
                             f"{len(_split(names))} recipients but {len(_split(codes))} adcodes")
    return out.reset_index(drop=True)


def gold_panel(files=None, resolve_adcodes: bool = True) -> pd.DataFrame:
    """A realistic panel from the hand-annotated gold files in shared/ (core columns only).

    Adcodes come from ``helpers.gazetteer`` when that module is installed; otherwise they stay
    empty and the county-year table is keyed by name only.
    """
    from . import paths

    if files is None:
        files = [paths.SHARED / "gold" / "seeds_gold.csv", paths.SHARED / "dev" / "gold.csv"]
    frames = [read_panel(f) for f in files]
    panel = pd.concat(frames, ignore_index=True)
    panel["origin"] = "extracted"
    if resolve_adcodes:
        resolve = _resolver()
        panel["recipient_adcodes"] = [_adcodes(r, resolve) for r in panel["recipients"]]
    return panel


def _resolver():
    """name → adcode via helpers.gazetteer, or None when the gazetteer is not usable (yet)."""
    import warnings

    try:
        from .gazetteer import get_gazetteer

        gaz = get_gazetteer()
    except Exception as e:  # a broken gazetteer table must not stop the analysis of a gold panel
        warnings.warn(f"gazetteer not usable ({type(e).__name__}: {e}); adcodes left empty",
                      stacklevel=3)
        return None
    cache: dict[str, str] = {}

    def resolve(name: str) -> str:
        if name not in cache:
            place = gaz.resolve(name)
            cache[name] = str(getattr(place, "adcode", "") or "") if place is not None else ""
        return cache[name]
    return resolve


def _adcodes(recipients: str, resolve) -> str:
    names = _split(recipients)
    if not names or resolve is None:
        return ""
    codes = [resolve(n) for n in names]
    # All or nothing: a partial list would break the pairing of names and codes by position.
    return ";".join(codes) if all(codes) else ""


# --------------------------------------------------------------------------- selection

def select_figures(panel: pd.DataFrame, period: str = "annual", status: str = "actual") -> pd.DataFrame:
    """Rows of one period and one status (cumulative and target figures are opt-in)."""
    if period not in PERIODS:
        raise ValueError(f"period must be one of {PERIODS}, not {period!r}")
    if status not in STATUSES:
        raise ValueError(f"status must be one of {STATUSES}, not {status!r}")
    out = panel[(panel["period"] == period) & (panel["status"] == status)]
    return out.reset_index(drop=True)


def _canonical(panel: pd.DataFrame) -> pd.DataFrame:
    """Sort by a complete key so that every later choice (first doc, first part) is deterministic."""
    df = panel.copy()
    df["_rset"] = [";".join(sorted(_split(r))) for r in df["recipients"]]
    order = ["doc_id", "indicator", "year", "period", "status", "unit", "detail", "_rset", "value",
             "evidence", "start", "program", "qualifier", "donor"]
    df = df.sort_values(order, kind="mergesort").reset_index(drop=True)
    df["fig_id"] = [f"{d}#{i}" for i, d in enumerate(df["doc_id"])]
    return df


def drop_repeated_figures(panel: pd.DataFrame) -> pd.DataFrame:
    """Remove exact duplicates inside a document and figures repeated across documents.

    Adds ``also_in``: ';'-joined doc_ids of other documents that state the same figure.
    """
    df = _canonical(panel)
    within = ["doc_id", "donor", "_rset", "program", "year", "period", "status", "indicator",
              "value", "unit", "detail", "evidence"]
    # A text printed twice gives the same figure at two offsets: keep the first offset. Rows at
    # the *same* offset are "each" figures (各/分别: one per beneficiary) and all stay; without
    # offsets (gold files) nothing can be told apart, so nothing is dropped.
    span = pd.to_numeric(df["start"], errors="coerce")
    first = span.groupby([df[c] for c in within], sort=False).transform("min")
    df = df[span.isna() | (span == first)].reset_index(drop=True)

    across = ["donor", "_rset", "year", "period", "status", "indicator", "unit", "value"]
    df["_n_in_doc"] = df.groupby(across + ["doc_id"], sort=False)["doc_id"].transform("size")
    keep = np.ones(len(df), dtype=bool)
    also = [""] * len(df)
    for _, g in df.groupby(across, sort=True):
        docs = sorted(g["doc_id"].unique())
        if len(docs) < 2:
            continue
        counts = g.groupby("doc_id")["_n_in_doc"].first()
        best = sorted(docs, key=lambda d: (-counts[d], d))[0]
        others = ";".join(d for d in docs if d != best)
        for i, d in zip(g.index, g["doc_id"]):
            if d == best:
                also[i] = others
            else:
                keep[i] = False
    df["also_in"] = also
    return df[keep].drop(columns="_n_in_doc").reset_index(drop=True)


# --------------------------------------------------------------------------- totals and parts

def _covers(total: frozenset, part: frozenset, strict: bool = False) -> bool:
    """Do the recipients of ``total`` include those of ``part``?

    Empty = all of the donor's recipients. Full names are hierarchical (省 > 市 > 县), so a
    prefecture covers the counties whose full name starts with it.
    """
    if strict and (not part or part == total):
        return False
    if not total:
        return True
    return bool(part) and all(any(p == t or p.startswith(t) for t in total) for p in part)


def _best_subset(target: float, tol: float, cands: list[tuple[float, int]], max_parts: int,
                 disjoint: list[frozenset] | None = None, budget: int = 20_000,
                 tol_approx: float | None = None, approx: list[bool] | None = None):
    """A subset (2..max_parts items) of cands whose values sum to target ± tol·target, or None.

    ``approx`` (by position) marks approximate figures: a subset with one of them may miss by
    ``tol_approx`` instead of ``tol``.

    Fewest parts first (a two-part match is less likely a coincidence than a six-part one), then
    smallest error, then earliest positions. cands: (value, position) sorted by value descending.
    disjoint: recipient sets by position; when given, chosen parts must not share a recipient.
    ``budget`` caps the search nodes per size so that a document with dozens of figures of one
    indicator stays fast (the search order is fixed, so the result stays deterministic).
    """
    loose = max(tol, tol_approx or 0.0)
    lo, hi = target * (1 - loose), target * (1 + loose)
    vals = [v for v, _ in cands]
    suffix = np.cumsum(vals[::-1])[::-1].tolist() + [0.0]

    for size in range(2, max_parts + 1):
        best: tuple | None = None
        stack: list[int] = []
        nodes = 0

        def dfs(start: int, total: float):
            nonlocal best, nodes
            nodes += 1
            if len(stack) == size:
                fuzzy = approx is not None and any(approx[cands[j][1]] for j in stack)
                t = loose if fuzzy else tol
                if abs(total - target) <= t * target:
                    key = (abs(total - target), sorted(cands[j][1] for j in stack))
                    if best is None or key < best:
                        best = key
                return
            for j in range(start, len(cands) - (size - len(stack)) + 1):
                if nodes > budget or total + suffix[j] < lo:   # the rest cannot reach the total
                    return
                if total + vals[j] > hi:
                    continue
                if disjoint is not None and any(disjoint[cands[j][1]] & disjoint[cands[k][1]]
                                                for k in stack):
                    continue
                stack.append(j)
                dfs(j + 1, total + vals[j])
                stack.pop()

        dfs(0, 0.0)
        if best is not None:
            return best[1]
    return None


def find_part_of_total(panel: pd.DataFrame, tol: float = 0.005, tol_approx: float = 0.05,
                       max_parts: int = 8) -> pd.DataFrame:
    """Mark totals and their parts inside each doc/indicator/year/status/period/unit group.

    Adds ``fig_id`` (if absent), ``part_of`` (fig_id of the total a row is a part of, or '') and
    ``n_parts`` (number of parts of a total, 0 otherwise). Tolerance is relative to the total:
    ``tol`` when every figure involved is exact, ``tol_approx`` when one is approx/lower_bound.
    """
    df = panel if "fig_id" in panel.columns else _canonical(panel)
    df = df.copy()
    rsets = [frozenset(_split(r)) for r in df["recipients"]]
    part_of = [""] * len(df)
    n_parts = [0] * len(df)
    approx = [q != "exact" for q in df["qualifier"]]
    group = ["doc_id", "indicator", "year", "status", "period", "unit"]
    for _, g in df.groupby(group, sort=True):
        if len(g) < 3:
            continue
        idx = list(g.index)
        # Largest first: a district total claims its counties before a county claims its towns.
        for t in sorted(idx, key=lambda i: (-df.at[i, "value"], i)):
            tv, tdetail = df.at[t, "value"], df.at[t, "detail"]
            if tv <= 0:
                continue
            free = [i for i in idx if i != t and not part_of[i] and 0 < df.at[i, "value"] < tv]
            # Pass 1: parts of the same kind (detail), same or narrower recipients.
            cands = [(df.at[i, "value"], i) for i in free if _covers(rsets[t], rsets[i])
                     and (tdetail in GENERIC_DETAILS or df.at[i, "detail"] == tdetail)]
            cands.sort(key=lambda c: (-c[0], c[1]))
            loose = tol_approx if df.at[t, "qualifier"] != "exact" else tol
            chosen = (_best_subset(tv, loose, cands, max_parts, tol_approx=tol_approx,
                                   approx=approx) if len(cands) >= 2 else None)
            if not chosen:
                # Pass 2: a breakdown of a named total by place, whose parts carry their own
                # uses (details): strictly narrower, pairwise disjoint recipients, tight tolerance.
                cands = [(df.at[i, "value"], i) for i in free
                         if rsets[t] and _covers(rsets[t], rsets[i], strict=True)]
                cands.sort(key=lambda c: (-c[0], c[1]))
                chosen = (_best_subset(tv, tol, cands, max_parts, disjoint=rsets)
                          if len(cands) >= 2 else None)
            if chosen:
                for i in chosen:
                    part_of[i] = df.at[t, "fig_id"]
                n_parts[t] = len(chosen)
    df["part_of"] = part_of
    df["n_parts"] = n_parts
    return df


def keep_one_level(panel: pd.DataFrame, keep: str = "parts") -> pd.DataFrame:
    """Drop the totals (``keep="parts"``) or the parts (``keep="total"``) found by find_part_of_total."""
    if keep not in KEEP_LEVELS:
        raise ValueError(f"keep must be one of {KEEP_LEVELS}, not {keep!r}")
    if "part_of" not in panel.columns:
        panel = find_part_of_total(panel)
    if keep == "parts":
        out = panel[panel["n_parts"] == 0]
    else:
        out = panel[panel["part_of"] == ""]
    return out.reset_index(drop=True)


def overlap_candidates(panel: pd.DataFrame) -> pd.DataFrame:
    """Figures that may be inside a broader figure of the same group without adding up to it.

    A row with named recipients next to a row of the same doc/indicator/year/status/period/unit
    whose recipients cover it, that was not matched as total and parts. Review these before
    trusting donor-level sums.
    """
    df = panel if "part_of" in panel.columns else find_part_of_total(panel)
    rows = []
    group = ["doc_id", "indicator", "year", "status", "period", "unit"]
    for _, g in df.groupby(group, sort=True):
        for i in g.index:
            if df.at[i, "part_of"] or df.at[i, "n_parts"]:
                continue
            ri = frozenset(_split(df.at[i, "recipients"]))
            for j in g.index:
                if j == i or df.at[j, "n_parts"] or df.at[j, "value"] <= df.at[i, "value"]:
                    continue
                rj = frozenset(_split(df.at[j, "recipients"]))
                if ri != rj and _covers(rj, ri):
                    rows.append({"fig_id": df.at[i, "fig_id"], "broader_fig_id": df.at[j, "fig_id"],
                                 "doc_id": df.at[i, "doc_id"], "indicator": df.at[i, "indicator"],
                                 "value": df.at[i, "value"], "broader_value": df.at[j, "value"],
                                 "evidence": df.at[i, "evidence"],
                                 "broader_evidence": df.at[j, "evidence"]})
    cols = ["fig_id", "broader_fig_id", "doc_id", "indicator", "value", "broader_value",
            "evidence", "broader_evidence"]
    return pd.DataFrame(rows, columns=cols)


# --------------------------------------------------------------------------- allocation

def value_column(indicator: str, unit: str) -> str:
    """Wide-table column for an indicator in a unit: the indicator's first (base) unit keeps the
    bare name; other units get a suffix (``trained_person_time``, ``poor_beneficiaries_household``)."""
    from .codebook import INDICATOR_BY_NAME

    ind = INDICATOR_BY_NAME.get(indicator)
    if ind is None:
        raise ValueError(f"unknown indicator {indicator!r}")
    if unit not in ind.units:
        raise ValueError(f"unit {unit!r} does not fit indicator {indicator!r} (allowed {ind.units})")
    return indicator if unit == ind.units[0] else f"{indicator}_{unit}"


VALUE_COLUMNS: tuple[str, ...] = tuple(value_column(i.name, u) for i in INDICATORS for u in i.units)


def allocate(panel: pd.DataFrame, joint: str = "donor", recipients_of: dict | None = None) -> pd.DataFrame:
    """One row per (figure, recipient it is attributed to), long format.

    joint="donor": a figure for one recipient goes to that dyad; a figure for several recipients,
    or for none named, goes to the donor-level row (recipient ''). "split": several named
    recipients share the value equally (``split`` True). "drop": only single-recipient figures.
    ``recipients_of`` ({donor or (donor, year): [name or (name, adcode)]}, e.g. from
    ``recipients_from_pairings``) lets figures with no recipient named be attributed (one
    recipient) or split (several) too.
    """
    if joint not in JOINT_MODES:
        raise ValueError(f"joint must be one of {JOINT_MODES}, not {joint!r}")
    recipients_of = recipients_of or {}
    known: dict[str, str] = {}     # adcodes the panel itself gives for a name
    for names, codes in zip(panel["recipients"], panel["recipient_adcodes"]):
        known.update({n: c for n, c in zip(_split(names), _split(codes)) if c})
    out = []
    for r in panel.itertuples(index=False):
        names = _split(r.recipients)
        codes = _split(r.recipient_adcodes) or [known.get(n, "") for n in names]
        listed = recipients_of.get((r.donor, int(r.year)), recipients_of.get(r.donor))
        if not names and listed:
            pairs = [x if isinstance(x, tuple) else (x, known.get(x, "")) for x in listed]
            names = [n for n, _ in pairs]
            codes = [c or known.get(n, "") for n, c in pairs]
        base = {"doc_id": r.doc_id, "donor": r.donor, "program": r.program, "year": int(r.year),
                "indicator": r.indicator, "unit": r.unit,
                "column": value_column(r.indicator, r.unit), "fig_id": getattr(r, "fig_id", ""),
                "also_in": getattr(r, "also_in", "")}
        if len(names) == 1:
            out.append({**base, "recipient": names[0], "recipient_adcode": codes[0],
                        "value": r.value, "joint": False, "split": False})
        elif joint == "split" and names:
            for n, c in zip(names, codes):
                out.append({**base, "recipient": n, "recipient_adcode": c,
                            "value": r.value / len(names), "joint": True, "split": True})
        elif joint in ("donor", "split"):
            out.append({**base, "recipient": "", "recipient_adcode": "", "value": r.value,
                        "joint": True, "split": False})
    cols = ["doc_id", "donor", "program", "year", "indicator", "unit", "column", "fig_id",
            "also_in", "recipient", "recipient_adcode", "value", "joint", "split"]
    return pd.DataFrame(out, columns=cols)


def recipients_from_pairings(pairings: pd.DataFrame, levels=("county",),
                             last_year: int = 2035) -> dict:
    """{(donor, year): [(recipient, adcode), ...]} from a pairings table (data/raw/pairings.csv:
    donor, recipient, recipient_adcode, start_year, end_year; empty end = still running).

    Undated pairings are left out (their years are unknown). A donor-year with any recipient
    outside ``levels`` (e.g. a whole province) is left out too: an equal split between a
    province and a county means nothing.
    """
    need = {"donor", "recipient", "recipient_adcode", "start_year", "end_year"}
    missing = need - set(pairings.columns)
    if missing:
        raise ValueError(f"pairings table lacks columns {sorted(missing)}")
    out: dict = {}
    bad: set = set()
    for r in pairings.astype(str).itertuples(index=False):
        start = r.start_year.strip()
        if not start.isdigit():
            continue
        end = r.end_year.strip()
        end_year = int(end) if end.isdigit() else last_year
        level = adcode_level(r.recipient_adcode, r.recipient)
        for y in range(int(start), end_year + 1):
            if level not in levels:
                bad.add((r.donor, y))
            out.setdefault((r.donor, y), []).append((r.recipient, r.recipient_adcode))
    return {k: sorted(set(v)) for k, v in sorted(out.items()) if k not in bad}


def clean_figures(panel: pd.DataFrame, period: str = "annual", status: str = "actual",
                  keep: str = "parts", tol: float = 0.005, tol_approx: float = 0.05) -> pd.DataFrame:
    """Steps 1–3 of the module docstring: select, drop repeats, keep one level of totals/parts."""
    sel = select_figures(coerce_panel(panel), period, status)
    dedup = drop_repeated_figures(sel)
    marked = find_part_of_total(dedup, tol=tol, tol_approx=tol_approx)
    return keep_one_level(marked, keep)


def _doc_ids(groups) -> pd.Series:
    """Every document behind each group of figures: their own and those restating them."""
    return groups.apply(lambda d: ";".join(sorted(set(d["doc_id"]) | {
        x for a in d["also_in"] for x in _split(a)})), include_groups=False)


def _wide(long: pd.DataFrame, key: list[str]) -> pd.DataFrame:
    cols = list(VALUE_COLUMNS)
    if long.empty:
        out = pd.DataFrame(columns=key + cols + [f"n_{c}" for c in cols]
                           + ["n_figures", "n_split", "programs", "doc_ids"])
        return out
    vals = long.pivot_table(index=key, columns="column", values="value", aggfunc="sum")
    counts = long.pivot_table(index=key, columns="column", values="value", aggfunc="size")
    vals = vals.reindex(columns=cols)
    counts = counts.reindex(columns=cols).fillna(0).astype(int)
    counts.columns = [f"n_{c}" for c in cols]
    g = long.groupby(key, sort=True)
    meta = pd.DataFrame({
        "n_figures": g.size(),
        "n_split": g["split"].sum().astype(int),
        "programs": g["program"].agg(lambda s: ";".join(sorted(set(s)))),
        "doc_ids": _doc_ids(g),
    })
    out = pd.concat([vals, counts, meta], axis=1).reset_index()
    out.columns.name = None
    return out.sort_values(key, kind="mergesort").reset_index(drop=True)


def dyad_year_long(panel: pd.DataFrame, joint: str = "donor", period: str = "annual",
                   status: str = "actual", keep: str = "parts", recipients_of: dict | None = None,
                   tol: float = 0.005, tol_approx: float = 0.05) -> pd.DataFrame:
    """Long dyad-year table: donor, recipient, year, column (indicator[_unit]), value, n_figures, doc_ids."""
    figs = clean_figures(panel, period, status, keep, tol, tol_approx)
    long = allocate(figs, joint, recipients_of)
    key = KEY + ["column"]
    if long.empty:
        return pd.DataFrame(columns=key + ["value", "n_figures", "n_split", "doc_ids"])
    g = long.groupby(key, sort=True)
    out = pd.DataFrame({
        "value": g["value"].sum(), "n_figures": g.size(), "n_split": g["split"].sum().astype(int),
        "doc_ids": _doc_ids(g),
    }).reset_index()
    return out


def dyad_year(panel: pd.DataFrame, joint: str = "donor", period: str = "annual",
              status: str = "actual", keep: str = "parts", recipients_of: dict | None = None,
              tol: float = 0.005, tol_approx: float = 0.05) -> pd.DataFrame:
    """Donor × recipient × year, one column per indicator[_unit] and ``n_<column>`` source counts.

    recipient '' is the donor-level row (joint figures under joint="donor", figures with no
    recipient named). ``n_split`` counts figures split equally into the row (joint="split").
    """
    figs = clean_figures(panel, period, status, keep, tol, tol_approx)
    return _wide(allocate(figs, joint, recipients_of), KEY)


def donor_year(panel: pd.DataFrame, period: str = "annual", status: str = "actual",
               keep: str = "parts", tol: float = 0.005, tol_approx: float = 0.05) -> pd.DataFrame:
    """Donor × year totals over all recipients (joint figures included once)."""
    figs = clean_figures(panel, period, status, keep, tol, tol_approx)
    return _wide(allocate(figs, "donor"), ["donor", "year"])


def adcode_level(adcode: str, name: str = "") -> str:
    """province · prefecture · county from a 6-digit adcode.

    Without an adcode the full name's last suffix decides where it is unambiguous (省/自治区,
    州/地区/盟, 县/旗/区); names ending in 市 (prefecture or county-level city) stay unknown.
    """
    code = str(adcode).strip()
    if len(code) != 6 or not code.isdigit():
        name = str(name).strip()
        if name.endswith(("省", "自治区")):
            return "province"
        if name.endswith(("州", "地区", "盟")):
            return "prefecture"
        if name.endswith(("县", "旗", "区")):
            return "county"
        return "unknown"
    if code[2:] == "0000":
        return "province"
    if code[4:] == "00":
        return "prefecture"
    return "county"


def county_year(panel: pd.DataFrame, joint: str = "donor", period: str = "annual",
                status: str = "actual", keep: str = "parts", recipients_of: dict | None = None,
                levels: tuple[str, ...] = ("county", "unknown"),
                tol: float = 0.005, tol_approx: float = 0.05) -> pd.DataFrame:
    """Recipient adcode × year, summed over donors, ready to join with county covariates.

    Donor-level rows (no single recipient) cannot be placed and are left out; prefecture and
    province recipients are left out unless ``levels`` asks for them (they would double count
    with their counties). ``unknown`` keeps recipients without an adcode, keyed by name.
    """
    figs = clean_figures(panel, period, status, keep, tol, tol_approx)
    long = allocate(figs, joint, recipients_of)
    long = long[long["recipient"] != ""].copy()
    long["level"] = [adcode_level(c, n) for c, n in zip(long["recipient_adcode"], long["recipient"])]
    long = long[long["level"].isin(levels)]
    key = ["recipient_adcode", "recipient", "year"]
    out = _wide(long, key)
    donors = long.groupby(key, sort=True)["donor"].agg(lambda s: ";".join(sorted(set(s))))
    out = out.merge(donors.rename("donors").reset_index(), on=key, how="left")
    out.insert(2, "level", [adcode_level(c, n) for c, n in zip(out["recipient_adcode"], out["recipient"])])
    return out.rename(columns={"recipient_adcode": "adcode"})


# --------------------------------------------------------------------------- ratios and joins

AID_COLUMNS = ("fiscal_aid", "social_aid")


def add_ratios(table: pd.DataFrame, aid_columns=AID_COLUMNS) -> pd.DataFrame:
    """Add ``aid_yuan`` (sum of the aid columns present), ``yuan_per_beneficiary`` and
    ``beneficiaries_per_cadre``; a ratio is missing unless both terms are stated and the
    denominator is > 0."""
    out = table.copy()
    aid = out[list(aid_columns)].astype(float)
    out["aid_yuan"] = aid.sum(axis=1, min_count=1)
    ben = out["poor_beneficiaries"].astype(float)
    cad = out["cadres_sent"].astype(float)
    out["yuan_per_beneficiary"] = (out["aid_yuan"] / ben).where(ben > 0)
    out["beneficiaries_per_cadre"] = (ben / cad).where(cad > 0)
    return out


def write_table(df: pd.DataFrame, path, float_format: str = VALUE_FORMAT) -> Path:
    """Write a CSV deterministically (UTF-8, '\\n', fixed float format, no index)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(path, index=False, float_format=float_format, lineterminator="\n", encoding="utf-8")
    return path


def totals(table: pd.DataFrame, by, columns) -> pd.DataFrame:
    """Sums of ``columns`` of an analytic table by ``by`` (missing where no figure is stated),
    with the number of figures and every document behind them."""
    g = table.groupby(by, sort=True)
    out = g[list(columns)].sum(min_count=1)
    out["n_figures"] = g["n_figures"].sum()
    out["doc_ids"] = g["doc_ids"].agg(lambda s: ";".join(sorted({d for x in s for d in _split(x)})))
    return out.reset_index()


def read_covariates(path) -> pd.DataFrame:
    """Read a county-year covariate CSV (columns adcode, year, ...; adcode kept as text)."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"covariate file not found: {path}")
    df = pd.read_csv(path, dtype={"adcode": str}, keep_default_na=True, encoding="utf-8",
                     comment="#")
    missing = {"adcode", "year"} - set(df.columns)
    if missing:
        raise ValueError(f"{path}: covariate file needs columns adcode and year (missing {sorted(missing)})")
    bad = df.index[~df["adcode"].astype(str).str.fullmatch(r"\d{6}")]
    if len(bad):
        raise ValueError(f"{path}: row {bad[0] + 1} has adcode {df.at[bad[0], 'adcode']!r}; "
                         "adcodes are 6 digits")
    if df.duplicated(["adcode", "year"]).any():
        d = df[df.duplicated(["adcode", "year"], keep=False)].iloc[0]
        raise ValueError(f"{path}: adcode {d['adcode']} year {d['year']} appears twice")
    df["year"] = df["year"].astype(int)
    return df


def join_covariates(county: pd.DataFrame, covariates: pd.DataFrame, how: str = "left") -> pd.DataFrame:
    """Join the county-year table with county-year covariates on (adcode, year).

    Many-to-one is checked (one covariate row per county-year). ``matched`` tells which rows
    found covariates.
    """
    cov = covariates.copy()
    cov["adcode"] = cov["adcode"].astype(str)
    county = county.copy()
    if "name" in cov.columns:
        # Panels built without a gazetteer have no adcodes: take them from the covariate file's
        # full names (exact match only).
        by_name = dict(zip(cov["name"], cov["adcode"]))
        empty = county["adcode"].fillna("") == ""
        county.loc[empty, "adcode"] = [by_name.get(n, "") for n in county.loc[empty, "recipient"]]
    out = county.merge(cov, on=["adcode", "year"], how=how, validate="many_to_one",
                       indicator="_merge", suffixes=("", "_cov"))
    out["matched"] = out["_merge"] == "both"
    return out.drop(columns="_merge")


TABLE_FILES = ("dyad_year.csv", "dyad_year_long.csv", "donor_year.csv", "county_year.csv")


def write_tables(panel: pd.DataFrame, folder=None, joint: str = "donor", period: str = "annual",
                 status: str = "actual", keep: str = "parts") -> list[Path]:
    """Write the analytic tables (``TABLE_FILES``) to ``folder`` (default data/clean/)."""
    from . import paths

    folder = Path(folder) if folder is not None else paths.CLEAN
    tables = (dyad_year(panel, joint, period, status, keep),
              dyad_year_long(panel, joint, period, status, keep),
              donor_year(panel, period, status, keep),
              county_year(panel, joint, period, status, keep))
    return [write_table(t, folder / name) for t, name in zip(tables, TABLE_FILES)]


# --------------------------------------------------------------------------- notebook helpers

PANEL_SOURCES = ("auto", "panel", "gold")


def load_panel(source: str = "auto", gold_files=None) -> tuple[pd.DataFrame, str]:
    """The panel for analysis and a sentence saying where it came from.

    "panel": data/clean/panel.csv (the pipeline's output); "gold": the hand-annotated gold
    files in shared/ (``gold_files`` relative to shared/); "auto": the panel when it exists.
    """
    from . import paths

    if source not in PANEL_SOURCES:
        raise ValueError(f"source must be one of {PANEL_SOURCES}, not {source!r}")
    panel_csv = paths.CLEAN / "panel.csv"
    if source == "panel" or (source == "auto" and panel_csv.exists()):
        return read_panel(panel_csv), f"the extracted panel {panel_csv.relative_to(paths.ROOT)}"
    files = [paths.SHARED / f for f in (gold_files or ["gold/seeds_gold.csv", "dev/gold.csv"])]
    names = ", ".join(str(f.relative_to(paths.SHARED)) for f in files)
    return gold_panel(files), f"the hand-annotated gold panel (shared/{names})"


def evidence_links(doc_ids: str, prefix: str = "evidence/") -> str:
    """HTML links to the evidence viewer pages of ';'-joined doc_ids (relative to reports/),
    built by ``helpers.safe_html`` (doc_ids are file names: escaped and percent-encoded)."""
    from .safe_html import evidence_link

    return " ".join(evidence_link(d, prefix) for d in _split(doc_ids))


def _number(v: float) -> str:
    return f"{v:,.0f}" if abs(v) >= 100 or float(v).is_integer() else f"{v:,.2f}"


def html_table(df: pd.DataFrame, doc_col: str = "doc_ids", float_format=_number) -> str:
    """Render a table as HTML with the documents behind each row as evidence-viewer links.

    The link column comes right after the label columns, so it stays visible in wide tables.
    """
    from .safe_html import esc

    out = df.copy()
    labels = [c for c in out.columns if c != doc_col
              and (c == "year" or not pd.api.types.is_numeric_dtype(out[c]))]
    for c in labels:
        out[c] = [esc(v) if isinstance(v, str) else v for v in out[c]]
    order = labels + ([doc_col] if doc_col in out.columns else []) + [
        c for c in out.columns if c != doc_col and c not in labels]
    out = out[order]
    if doc_col in out.columns:
        out[doc_col] = [evidence_links(d) for d in out[doc_col]]
    out.columns = [esc(c) for c in out.columns]   # headers too: to_html below escapes nothing
    return out.to_html(index=False, escape=False, na_rep="", float_format=float_format)
