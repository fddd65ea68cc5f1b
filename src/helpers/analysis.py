"""Analytic tables built from the facts: dyad-year, donor-year and county-year.

The panel has one row per *stated figure*; reports restate, round and revise each other, and
state totals next to their parts. ``helpers.facts`` reconciles the statements into one fact per
cell (donor × recipients × year × period × status × indicator × unit × detail) with ``part_of``
links between a fact and the broader fact it lies inside. The tables here read those facts:

1. ``select_figures``  facts of one period (annual | cumulative) and one status (actual | target |
                       expected); mixing them in one cell would add a plan to an outcome, or
                       several years to one.
2. ``clean_figures``   one level of each complete breakdown: the parts (finest geography; the
                       default, so dyads keep county resolution) or the totals (``keep``).
3. ``allocate``        joint facts (several recipients, or none named) go to the donor-level row
                       (``joint="donor"``, recipient ''), are split equally and flagged
                       (``"split"``) or dropped (``"drop"``).
4. ``dyad_year`` / ``donor_year`` / ``county_year``  wide tables, one value column per
                       indicator (and unit, when an indicator comes in several units) with the
                       number of facts behind each cell and every document behind them. Inside
                       one table cell a fact is left out when a broader fact it lies inside
                       (``part_of``, any depth) is in the same cell: a named gift beside the
                       donation total it belongs to adds nothing to the donor's total, yet keeps
                       its own dyad.

"Each" figures (各/分别) are added up by the facts step, which is what "each" means. A panel can be
passed wherever facts are expected: it is reconciled first (``as_facts``).

Ratios (``add_ratios``) are formed only inside one row of one of these tables: one year, one
period, one status, the same donor (and recipient) for both terms.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from .codebook import CORE_COLUMNS, INDICATORS, PANEL_COLUMNS, PERIODS, STATUSES
from .facts import build_facts
from .panel import read_panel as read_panel_file
from .panel import split_list as _split

JOINT_MODES = ("donor", "split", "drop")
KEEP_LEVELS = ("parts", "total")
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


def as_facts(table: pd.DataFrame, documents: pd.DataFrame | None = None) -> pd.DataFrame:
    """A facts table (``helpers.facts``) as it is; a panel is reconciled into facts first."""
    if "fact_id" in table.columns:
        return table
    return build_facts(coerce_panel(table), documents)


def _text(s: pd.Series) -> pd.Series:
    s = s.astype(object)
    return s.where(s.notna(), "").astype(str)


# --------------------------------------------------------------------------- statements (panel)

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
    """Statement-level repeats (for code that still reads the panel, e.g. the maps): exact
    duplicates inside a document and the same value stated in several documents. The facts step
    does this and more (conflicts, restatements, both sides of a transfer); prefer ``as_facts``.

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


# --------------------------------------------------------------------------- selection

def select_figures(facts: pd.DataFrame, period: str = "annual", status: str = "actual") -> pd.DataFrame:
    """Facts of one period and one status (cumulative and target figures are opt-in)."""
    if period not in PERIODS:
        raise ValueError(f"period must be one of {PERIODS}, not {period!r}")
    if status not in STATUSES:
        raise ValueError(f"status must be one of {STATUSES}, not {status!r}")
    facts = as_facts(facts)
    out = facts[(facts["period"] == period) & (facts["status"] == status)].copy()
    for c in ("recipients", "recipient_adcodes", "detail", "part_of", "part_kind"):
        out[c] = _text(out[c])
    return out.reset_index(drop=True)


def keep_one_level(facts: pd.DataFrame, keep: str = "parts") -> pd.DataFrame:
    """Of each total whose parts add up to it (``part_kind == "sum"``), keep the parts
    (``keep="parts"``: the total is dropped) or the total (the parts are dropped)."""
    if keep not in KEEP_LEVELS:
        raise ValueError(f"keep must be one of {KEEP_LEVELS}, not {keep!r}")
    if keep == "parts":
        out = facts[facts["n_parts"] == 0]
    else:
        out = facts[facts["part_kind"] != "sum"]
    return out.reset_index(drop=True)


def _ancestors(facts: pd.DataFrame) -> list[str]:
    """';'-joined fact_ids of every broader fact each fact lies inside (part_of, any depth)."""
    parent = dict(zip(facts["fact_id"], facts["part_of"]))
    out = []
    for f in facts["fact_id"]:
        chain, seen = [], {f}
        p = parent.get(f, "")
        while p and p not in seen:
            chain.append(p)
            seen.add(p)
            p = parent.get(p, "")
        out.append(";".join(chain))
    return out


def clean_figures(facts: pd.DataFrame, period: str = "annual", status: str = "actual",
                  keep: str = "parts") -> pd.DataFrame:
    """Steps 1–2 of the module docstring, with ``ancestors`` for the in-cell check of step 4."""
    sel = select_figures(facts, period, status)
    sel["ancestors"] = _ancestors(sel)
    return keep_one_level(sel, keep)


def nested_figures(facts: pd.DataFrame) -> pd.DataFrame:
    """Facts that lie inside a broader fact without a full breakdown (``part_kind == "nested"``),
    beside the broader one: what the tables leave out of a cell that holds both."""
    f = facts.copy()
    for c in ("recipients", "detail", "part_of", "part_kind"):
        f[c] = _text(f[c])
    nested = f[f["part_kind"] == "nested"]
    broader = f.set_index("fact_id")
    cols = ["fact_id", "donor", "recipients", "detail", "value", "part_of", "broader_donor",
            "broader_recipients", "broader_detail", "broader_value", "doc_ids"]
    if nested.empty:
        return pd.DataFrame(columns=cols)
    out = nested.assign(
        broader_donor=nested["part_of"].map(broader["donor"]),
        broader_recipients=nested["part_of"].map(broader["recipients"]),
        broader_detail=nested["part_of"].map(broader["detail"]),
        broader_value=nested["part_of"].map(broader["value"]))
    return out[cols].reset_index(drop=True)


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


def allocate(facts: pd.DataFrame, joint: str = "donor", recipients_of: dict | None = None) -> pd.DataFrame:
    """One row per (fact, recipient it is attributed to), long format.

    joint="donor": a fact for one recipient goes to that dyad; a fact for several recipients,
    or for none named, goes to the donor-level row (recipient ''). "split": several named
    recipients share the value equally (``split`` True). "drop": only single-recipient facts.
    ``recipients_of`` ({donor or (donor, year): [name or (name, adcode)]}, e.g. from
    ``recipients_from_pairings``) lets facts with no recipient named be attributed (one
    recipient) or split (several) too.
    """
    if joint not in JOINT_MODES:
        raise ValueError(f"joint must be one of {JOINT_MODES}, not {joint!r}")
    recipients_of = recipients_of or {}
    known: dict[str, str] = {}     # adcodes the facts themselves give for a name
    for names, codes in zip(facts["recipients"], facts["recipient_adcodes"]):
        known.update({n: c for n, c in zip(_split(names), _split(codes)) if c})
    out = []
    for r in facts.itertuples(index=False):
        names = _split(r.recipients)
        codes = _split(r.recipient_adcodes) or [known.get(n, "") for n in names]
        listed = recipients_of.get((r.donor, int(r.year)), recipients_of.get(r.donor))
        if not names and listed:
            pairs = [x if isinstance(x, tuple) else (x, known.get(x, "")) for x in listed]
            names = [n for n, _ in pairs]
            codes = [c or known.get(n, "") for n, c in pairs]
        base = {"fact_id": r.fact_id, "ancestors": getattr(r, "ancestors", ""),
                "doc_ids": r.doc_ids, "donor": r.donor, "program": r.program, "year": int(r.year),
                "indicator": r.indicator, "unit": r.unit,
                "column": value_column(r.indicator, r.unit)}
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
    cols = ["fact_id", "ancestors", "doc_ids", "donor", "program", "year", "indicator", "unit",
            "column", "recipient", "recipient_adcode", "value", "joint", "split"]
    return pd.DataFrame(out, columns=cols)


def drop_inside(long: pd.DataFrame, key: list[str]) -> pd.DataFrame:
    """Leave out a fact whose broader fact (any depth) falls in the same table cell (``key`` +
    column): it is already counted there."""
    if long.empty:
        return long
    cell = [*key, "column"]
    ids = long.groupby(cell, sort=False)["fact_id"].transform(lambda s: ";".join(s))
    keep = [not (set(_split(a)) & set(_split(i))) for a, i in zip(long["ancestors"], ids)]
    return long[keep].reset_index(drop=True)


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


def pairing_frame(pairings: pd.DataFrame, years, by: str = "dyad") -> pd.DataFrame:
    """The sample frame from the pairings reference: every donor → recipient pairing in force
    in each of ``years`` (one row per dyad-year; ``by="donor"``: per donor-year). A blank start
    or end year is open. Rows of the analytic tables outside the frame, and frame rows without
    figures, are told apart by ``on_frame``: a pairing with no reported figure is missing data,
    not a zero.
    """
    if by not in ("dyad", "donor"):
        raise ValueError(f"by must be 'dyad' or 'donor', not {by!r}")
    need = {"donor", "recipient", "recipient_adcode", "program", "start_year", "end_year"}
    missing = need - set(pairings.columns)
    if missing:
        raise ValueError(f"pairings table lacks columns {sorted(missing)}")
    years = sorted({int(y) for y in years})
    rows = []
    for r in pairings.fillna("").astype(str).itertuples(index=False):
        lo = int(r.start_year) if r.start_year.strip().isdigit() else -10**6
        hi = int(r.end_year) if r.end_year.strip().isdigit() else 10**6
        for y in years:
            if lo <= y <= hi:
                rows.append({"donor": r.donor, "recipient": r.recipient,
                             "recipient_adcode": r.recipient_adcode, "program": r.program,
                             "year": y})
    key = ["donor", "recipient_adcode", "recipient", "year"] if by == "dyad" else ["donor", "year"]
    cols = key + ["programs"]
    if not rows:
        return pd.DataFrame(columns=cols)
    df = pd.DataFrame(rows)
    out = (df.groupby(key, sort=True)["program"].agg(lambda s: ";".join(sorted(set(s))))
           .rename("programs").reset_index())
    return out[cols]


def _match_key(df: pd.DataFrame) -> pd.Series:
    codes = df["recipient_adcode"].fillna("").astype(str)
    return codes.where(codes != "", df["recipient"].fillna("").astype(str))


def on_frame(table: pd.DataFrame, frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(the frame with the table's figures, the table's rows outside the frame).

    Dyad-year tables match the frame on donor, recipient (adcode, else name) and year;
    donor-year tables on donor and year. Frame rows with no figure keep missing values, so a
    model drops them as missing (never as zero); ``has_figures`` marks the others.
    """
    dyad = "recipient" in frame.columns
    t = table.copy()
    f = frame.copy()
    if dyad:
        t["_k"], f["_k"] = _match_key(t), _match_key(f)
        key = ["donor", "_k", "year"]
        t = t[t["recipient"] != ""]       # donor-level rows are not dyads
    else:
        key = ["donor", "year"]
    t["year"], f["year"] = t["year"].astype(int), f["year"].astype(int)
    dup = [c for c in t.columns if c in f.columns and c not in key]
    merged = f.merge(t.drop(columns=dup), on=key, how="left", validate="one_to_one",
                     indicator="_m")
    merged["has_figures"] = merged["_m"] == "both"
    inside = set(map(tuple, f[key].to_numpy().tolist()))
    outside = t[[tuple(k) not in inside for k in t[key].to_numpy().tolist()]]
    return (merged.drop(columns=["_m", "_k"], errors="ignore"),
            outside.drop(columns="_k", errors="ignore").reset_index(drop=True))


def stated_by_donor_year(table: pd.DataFrame, columns) -> pd.DataFrame:
    """For each donor-year (and dyad, in a dyad table): which of ``columns`` are stated (1/0)
    and how many — the counts behind a model's N."""
    key = [c for c in ("donor", "recipient", "year") if c in table.columns]
    out = table[key].copy()
    for c in columns:
        out[c] = table[c].notna().astype(int) if c in table.columns else 0
    out["stated"] = out[list(columns)].sum(axis=1)
    return out.sort_values(["stated", *key], ascending=[False, *[True] * len(key)],
                           kind="mergesort").reset_index(drop=True)


def _doc_ids(groups) -> pd.Series:
    """Every document behind each group of facts."""
    return groups["doc_ids"].agg(lambda s: ";".join(sorted({d for x in s for d in _split(x)})))


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


def _long(facts, joint, period, status, keep, recipients_of, key) -> pd.DataFrame:
    figs = clean_figures(facts, period, status, keep)
    return drop_inside(allocate(figs, joint, recipients_of), key)


def dyad_year_long(facts: pd.DataFrame, joint: str = "donor", period: str = "annual",
                   status: str = "actual", keep: str = "parts",
                   recipients_of: dict | None = None) -> pd.DataFrame:
    """Long dyad-year table: donor, recipient, year, column (indicator[_unit]), value, n_figures
    (facts), n_split, doc_ids."""
    long = _long(facts, joint, period, status, keep, recipients_of, KEY)
    key = KEY + ["column"]
    if long.empty:
        return pd.DataFrame(columns=key + ["value", "n_figures", "n_split", "doc_ids"])
    g = long.groupby(key, sort=True)
    out = pd.DataFrame({
        "value": g["value"].sum(), "n_figures": g.size(), "n_split": g["split"].sum().astype(int),
        "doc_ids": _doc_ids(g),
    }).reset_index()
    return out


def dyad_year(facts: pd.DataFrame, joint: str = "donor", period: str = "annual",
              status: str = "actual", keep: str = "parts",
              recipients_of: dict | None = None) -> pd.DataFrame:
    """Donor × recipient × year, one column per indicator[_unit] and ``n_<column>`` fact counts.

    recipient '' is the donor-level row (joint facts under joint="donor", facts with no
    recipient named). ``n_split`` counts facts split equally into the row (joint="split").
    """
    return _wide(_long(facts, joint, period, status, keep, recipients_of, KEY), KEY)


def donor_year(facts: pd.DataFrame, period: str = "annual", status: str = "actual",
               keep: str = "parts") -> pd.DataFrame:
    """Donor × year totals over all recipients (joint facts included once)."""
    key = ["donor", "year"]
    return _wide(_long(facts, "donor", period, status, keep, None, key), key)


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


def county_year(facts: pd.DataFrame, joint: str = "donor", period: str = "annual",
                status: str = "actual", keep: str = "parts", recipients_of: dict | None = None,
                levels: tuple[str, ...] = ("county", "unknown")) -> pd.DataFrame:
    """Recipient adcode × year, summed over donors, ready to join with county covariates.

    Donor-level rows (no single recipient) cannot be placed and are left out; prefecture and
    province recipients are left out unless ``levels`` asks for them (they would double count
    with their counties). ``unknown`` keeps recipients without an adcode, keyed by name.
    """
    figs = clean_figures(facts, period, status, keep)
    long = allocate(figs, joint, recipients_of)
    long = long[long["recipient"] != ""].copy()
    long["level"] = [adcode_level(c, n) for c, n in zip(long["recipient_adcode"], long["recipient"])]
    long = long[long["level"].isin(levels)]
    key = ["recipient_adcode", "recipient", "year"]
    long = drop_inside(long, key)
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
    denominator is > 0.

    Only for a table with one row per year (dyad-year, donor-year, county-year): both terms of
    a ratio then come from the same year (and, as the tables are built, the same period and
    status). A table summed over years (``totals``) has no ``year`` and is refused.
    """
    if "year" not in table.columns:
        raise ValueError("ratios are formed within one year: this table has no year column "
                         "(sums over years would divide one year's aid by another's beneficiaries)")
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


def write_tables(facts: pd.DataFrame, folder=None, joint: str = "donor", period: str = "annual",
                 status: str = "actual", keep: str = "parts") -> list[Path]:
    """Write the analytic tables (``TABLE_FILES``) to ``folder`` (default data/clean/)."""
    from . import paths

    folder = Path(folder) if folder is not None else paths.CLEAN
    facts = as_facts(facts)
    tables = (dyad_year(facts, joint, period, status, keep),
              dyad_year_long(facts, joint, period, status, keep),
              donor_year(facts, period, status, keep),
              county_year(facts, joint, period, status, keep))
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


def load_facts(source: str = "auto", gold_files=None) -> tuple[pd.DataFrame, str]:
    """The facts for analysis and a sentence saying where they came from.

    "panel": data/clean/facts.csv, written with the panel (built from panel.csv when only that
    exists); "gold": facts of the hand-annotated gold panels; "auto": the pipeline's when they
    exist.
    """
    from . import paths
    from .facts import read_facts

    if source not in PANEL_SOURCES:
        raise ValueError(f"source must be one of {PANEL_SOURCES}, not {source!r}")
    facts_csv, panel_csv = paths.CLEAN / "facts.csv", paths.CLEAN / "panel.csv"
    if source in ("panel", "auto") and facts_csv.exists():
        return read_facts(facts_csv), f"the facts {facts_csv.relative_to(paths.ROOT)}"
    panel, origin = load_panel(source, gold_files)
    return as_facts(panel), f"facts reconciled from {origin}"


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
