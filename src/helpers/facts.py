"""Facts: one reconciled figure per cell, built from the panel's statements.

The panel keeps every *statement*: one row per figure a report states. Reports restate each
other, round, revise, and report one transfer from both ends (天津市和平区 → 靖远县 in the district's
report, 天津市 → 靖远县 in the county's). The facts table keeps one row per *cell*

    (donor, recipients, year, period, status, indicator, unit, detail)

with the value chosen by a stated rule and everything behind it. ``detail`` is part of the cell
because the codebook uses it for quantities that are not restatements of each other (teachers and
doctors, employment to_donor and local, beneficiaries benefiting and lifted, a fund's uses).

Steps (``build_facts``), each a small function below:

1. ``statements``      panel rows with a stable ``row_id`` (doc_id:start-end:indicator[:recipients
                       hash]; panel rows carry no id of their own) and a cell key. Recipients are
                       compared by adcode where the panel (or another row naming the same place)
                       gives one, so 平泉县 and 平泉市 are one place.
2. ``document_cells``  what each document says a cell holds. Statements at one span are "each"
                       figures (各/分别: one per recipient or beneficiary) and are added up; the same
                       value at another span is the text restating itself (headline, lead and body;
                       a page saved twice), and so is a rounded or lower-bound figure within 5 % of
                       an exact one ("逾24亿" next to "24.28亿"): one figure, read at its most precise.
                       Different values are different figures and add up, unless one of them is
                       the sum of all the others (a total stated in the same cell as its parts).
3. ``reconcile``       documents that state one cell: ``agreement`` single (one document) · same ·
                       within_5pct · conflict, from the documents' values (and a document's own
                       restatements); ``min``/``max`` of those values; ``value`` by the first rule of
                       ``RULES`` that leaves one value, named in ``rule``.
4. ``merge_sides``     a donor-side and a recipient-side report of one transfer: two cells of
                       different documents whose donors nest (district in city, zone in district) and
                       whose recipients nest (county in prefecture) in the gazetteer
                       (``helpers.gazetteer``), with values within 5 %, are one fact, kept under the
                       most specific names; ``also_reported_as`` lists the broader names. A broader
                       cell that several narrower ones could match is left alone (ambiguous).
5. ``link_parts``      ``part_of`` points at the smallest broader fact a fact lies inside (same
                       indicator, unit, year, period and status; donor, recipients and detail
                       nested), so that adding only facts with an empty ``part_of`` never counts a
                       yuan twice. ``part_kind`` says how: ``sum`` (the document that states the total
                       also states parts that add up to it: 0.5 %, 5 % when a figure is approximate;
                       fewest parts first) or ``nested`` (inside it, not a full breakdown: a named
                       gift beside a donation total, a district's figure beside the city's).
                       ``n_parts`` counts a total's ``sum`` parts. A total whose parts add up to it
                       holds nothing else: another fact in its scope is a separate amount (a labour
                       fund stated beside a fully broken-down fiscal total), not nested in it.

``consistency_checks`` lists what a researcher would check by hand: a cumulative figure smaller
than the sum of the annual figures of its years, a part larger than its total (or parts adding
up to more), an actual far above its own target, the same figure under two indicators.
The schema of the table is declared once, in ``FACT_COLUMNS`` (like ``helpers.codebook`` for the
panel); ``facts_schema`` builds the pandera schema from it.
"""
from __future__ import annotations

import hashlib
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .codebook import (INDICATOR_BY_NAME, INDICATOR_NAMES, PERIODS, PROGRAMS, QUALIFIERS,
                       STATUSES, UNITS, Column, failure_summary)
from .gazetteer import adcode_within
from .panel import read_panel, split_list, write_csv, write_parquet

AGREE_TOL = 0.05        # within_5pct, restatements of a rounded figure, the two sides of a transfer
SUM_TOL = 0.005         # parts adding up to an exact total
SUM_TOL_APPROX = 0.05   # ... when one figure is approximate or a lower bound
MAX_PARTS = 8
GENERIC_DETAILS = ("", "total")   # a total with one of these can hold parts of any detail
FAR_ABOVE_TARGET = 3.0  # an actual this many times its own target is worth a look
SAME_FIGURE_MIN = 10    # two indicators sharing a value below this may do so by chance
ADMIN_LEVELS = ("province", "prefecture", "county")
CELL = ("donor", "rkey", "year", "period", "status", "indicator", "unit", "detail")
AGREEMENTS = ("single", "same", "within_5pct", "conflict")
PART_KINDS = ("sum", "nested")


@dataclass(frozen=True)
class Rule:
    name: str
    doc: str


# In order: the first rule that leaves one value decides (documents it drops stay in doc_ids).
RULES: tuple[Rule, ...] = (
    Rule("single", "one document states the cell"),
    Rule("agreed", "every document states the same value"),
    Rule("most_precise", "documents differ: exact figures over rounded or lower-bound ones"),
    Rule("recipient_side", "documents differ: the report published in the recipient's own area "
                           "(its place in the publisher or reporting unit) for its own figure"),
    Rule("most_documents", "documents differ: the value more documents state"),
    Rule("most_specific", "documents differ: the document about the fewest donor → recipient "
                          "pairs (a page about this pair over a digest of many)"),
    Rule("latest_report", "documents differ: the latest dated report (a revised figure)"),
    Rule("first_document", "nothing above decides: the first doc_id (check these by hand)"),
)
RULE_NAMES = tuple(r.name for r in RULES)

FACT_COLUMNS: tuple[Column, ...] = (
    Column("fact_id", "str", "stable id of the fact (a hash of its cell)"),
    Column("donor", "str", "giving unit (the most specific name when two sides reported it)"),
    Column("recipients", "str", "receiving unit(s), ';'-joined; empty = all of the donor's",
           nullable=True),
    Column("recipient_adcodes", "str", "adcodes of the recipients, same order", nullable=True),
    Column("program", "str", "program of the statement the value comes from", PROGRAMS),
    Column("year", "int", "calendar year (end year for cumulative figures)"),
    Column("period", "str", "annual · cumulative", PERIODS),
    Column("status", "str", "actual · target · expected", STATUSES),
    Column("indicator", "str", "codebook indicator", INDICATOR_NAMES),
    Column("unit", "str", "yuan · person · person_time · household · count", UNITS),
    Column("detail", "str", "sub-kind (part of the cell: teachers and doctors are two facts)",
           nullable=True),
    Column("value", "float", "the value chosen by ``rule``, in base units"),
    Column("qualifier", "str", "exact unless the chosen document's figure is approximate or a "
                               "lower bound", QUALIFIERS),
    Column("rule", "str", "which rule chose the value (helpers.facts.RULES)", RULE_NAMES),
    Column("agreement", "str", "single · same · within_5pct · conflict (of the documents' values)",
           AGREEMENTS),
    Column("min", "float", "smallest value a document states for the cell"),
    Column("max", "float", "largest value a document states for the cell"),
    Column("values_by_doc", "str", "what each document states: 'doc_id=value; …' (a+b when "
                                   "a document states several figures for the cell, added up)"),
    Column("n_statements", "int", "panel rows behind the fact"),
    Column("n_documents", "int", "documents behind the fact"),
    Column("n_figures", "int", "distinct figures the chosen document adds up for the cell "
                               "(each-figures, separate amounts)"),
    Column("doc_ids", "str", "every document behind the fact, ';'-joined"),
    Column("row_ids", "str", "every panel row behind the fact (helpers.facts.row_id), ';'-joined"),
    Column("source_doc", "str", "the document the value comes from"),
    Column("evidence", "str", "the first evidence of the chosen document"),
    Column("also_reported_as", "str", "broader names under which other reports gave the same "
                                      "transfer: 'donor → recipients (doc_ids)'", nullable=True),
    Column("part_of", "str", "fact_id of the smallest broader fact this one lies inside",
           nullable=True),
    Column("part_kind", "str", "sum (one of parts adding up to it) · nested (inside it)",
           PART_KINDS, nullable=True),
    Column("n_parts", "int", "number of sum parts of this fact"),
)
FACT_COLUMN_NAMES = tuple(c.name for c in FACT_COLUMNS)


class FactsSchemaError(ValueError):
    """The facts table violates its declared schema; the message lists the failing checks."""


# --------------------------------------------------------------------------------------------
# places: nesting of donors and recipients through the gazetteer


class Places:
    """Which unit lies inside which, from ``helpers.gazetteer`` (names it cannot place fall
    back to the full-name prefix: 天津市慈善协会 lies in 天津市)."""

    def __init__(self, gazetteer=None):
        self._gz = gazetteer
        self._cache: dict[str, object] = {}

    def _gazetteer(self):
        if self._gz is None:
            from .gazetteer import get_gazetteer

            self._gz = get_gazetteer()
        return self._gz

    def place(self, name: str):
        if name not in self._cache:
            try:
                self._cache[name] = self._gazetteer().resolve(name) if name else None
            except Exception:  # noqa: BLE001 - a name the gazetteer chokes on is "not placed"
                self._cache[name] = None
        return self._cache[name]

    def find(self, text: str) -> list:
        """Places named in a free text (a publisher, a reporting unit)."""
        return [m.place for m in self._gazetteer().find(text) if m.place is not None]

    def donor_within(self, inner: str, outer: str) -> bool:
        """True when donor ``inner`` is ``outer`` or lies inside it."""
        if inner == outer:
            return True
        a, b = self.place(inner), self.place(outer)
        if a is None or b is None:
            return bool(outer) and inner.startswith(outer)
        if a.adcode == b.adcode:
            # a zone or township inside its own admin unit (天津港保税区 in 滨海新区)
            return a.level not in ADMIN_LEVELS and b.level in ADMIN_LEVELS
        return b.level in ADMIN_LEVELS and adcode_within(a.adcode, b.adcode)

    def root(self, name: str) -> str:
        """Province part of a donor (facts can only nest inside one province)."""
        p = self.place(name)
        if p is not None:
            return p.adcode[:2]
        for cut in range(len(name) - 1, 1, -1):
            q = self.place(name[:cut])
            if q is not None:
                return q.adcode[:2]
        return name


def _rec_within(inner: tuple[str, str], outer: tuple[str, str]) -> bool:
    """Recipient (code, name) inside another: by adcode when both have one, else by name."""
    (ci, ni), (co, no) = inner, outer
    if ci and co:
        return adcode_within(ci, co)
    return ni == no or ni.startswith(no)


def recipients_cover(outer: tuple, inner: tuple) -> bool:
    """Do recipients ``outer`` include ``inner``? Empty = all of the donor's recipients."""
    if not outer:
        return True
    return bool(inner) and all(any(_rec_within(i, o) for o in outer) for i in inner)


# --------------------------------------------------------------------------------------------
# 1. statements


def _h(text: str, n: int = 6) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=n // 2 or 1).hexdigest()[:n]


def _int_text(v) -> str:
    if v is None or (not isinstance(v, str) and pd.isna(v)) or v == "":
        return "?"
    return str(int(float(v)))


def row_id(doc_id, start, end, indicator, recipients) -> str:
    """Stable id of a panel row: ``doc_id:start-end:indicator`` (+ a hash of the sorted
    recipients when there are any, which tells the "each" rows of one span apart)."""
    names = sorted(split_list(recipients))
    base = f"{doc_id}:{_int_text(start)}-{_int_text(end)}:{indicator}"
    return base + (f":{_h(';'.join(names))}" if names else "")


def with_row_ids(panel: pd.DataFrame) -> pd.DataFrame:
    """The panel with ``row_id``; rows that share every part of the id (offsets unknown, or two
    "each" rows for one recipient) get ``#2``, ``#3`` in a fixed order of their other columns."""
    df = panel.copy()
    df["row_id"] = [row_id(*r) for r in zip(df["doc_id"], df["start"], df["end"],
                                              df["indicator"], df["recipients"])]
    order = ["row_id", "value", "evidence", "detail", "donor", "year", "period", "status", "unit"]
    df = df.sort_values([c for c in order if c in df.columns], kind="mergesort")
    n = df.groupby("row_id", sort=False).cumcount()
    df["row_id"] = [r if k == 0 else f"{r}#{k + 1}" for r, k in zip(df["row_id"], n)]
    return df.sort_index()


def _text(s: pd.Series) -> pd.Series:
    s = s.astype(object)
    return s.where(s.notna(), "").astype(str)


def statements(panel: pd.DataFrame) -> pd.DataFrame:
    """Panel rows ready for reconciliation: text columns without NA, ``row_id``, recipients as
    (adcode, name) pairs (adcodes borrowed from other rows naming the same place) and the key."""
    need = ["doc_id", "donor", "recipients", "program", "year", "period", "status", "indicator",
            "value", "unit"]
    missing = [c for c in need if c not in panel.columns]
    if missing:
        raise ValueError(f"panel lacks column(s) {', '.join(missing)}")
    df = panel.reset_index(drop=True).copy()
    for c in ("qualifier", "detail", "evidence", "recipient_adcodes", "start", "end"):
        if c not in df.columns:
            df[c] = None
    for c in ("doc_id", "donor", "recipients", "program", "period", "status", "indicator", "unit",
              "qualifier", "detail", "evidence", "recipient_adcodes"):
        df[c] = _text(df[c])
    df["qualifier"] = df["qualifier"].replace("", "exact")
    df["value"] = pd.to_numeric(df["value"], errors="raise").astype(float)
    # a figure of an undated page has no year cell to be a fact of (it stays in the panel)
    df["year"] = pd.to_numeric(df["year"], errors="raise")
    df = df[df["year"].notna()].reset_index(drop=True)
    df["year"] = df["year"].astype(int)
    df["start"] = pd.to_numeric(df["start"], errors="coerce")
    df["end"] = pd.to_numeric(df["end"], errors="coerce")
    df = with_row_ids(df)
    known: dict[str, str] = {}
    for names, codes in zip(df["recipients"], df["recipient_adcodes"]):
        n, c = split_list(names), split_list(codes)
        if len(n) == len(c):
            known.update({a: b for a, b in zip(n, c) if b})
    recs = []
    for names, codes in zip(df["recipients"], df["recipient_adcodes"]):
        n, c = split_list(names), split_list(codes)
        c = c if len(c) == len(n) else [known.get(x, "") for x in n]
        recs.append(tuple(sorted({(code or known.get(name, ""), name) for name, code in zip(n, c)})))
    df["recs"] = recs
    # one key per place: by adcode where known (平泉县 = 平泉市), by name otherwise
    df["rkey"] = [";".join(sorted({code or name for code, name in r})) for r in recs]
    # a span identifies one statement of the text; without offsets (gold files) the evidence does
    df["span"] = [f"{int(s)}-{int(e)}" if not (pd.isna(s) or pd.isna(e)) else f"ev:{ev}"
                  for s, e, ev in zip(df["start"], df["end"], df["evidence"])]
    return df


# --------------------------------------------------------------------------------------------
# 2. what one document says a cell holds


@dataclass
class DocCell:
    doc_id: str
    key: tuple
    donor: str
    recs: tuple
    recipients: str
    recipient_adcodes: str
    value: float
    lo: float
    hi: float
    exact: bool
    qualifier: str
    n_figures: int
    figures: list
    row_ids: list
    evidence: str
    program: str
    start: float


def _close(a: float, b: float, tol: float) -> bool:
    return abs(a - b) <= tol * max(abs(a), abs(b), 1e-12)


def _start(r) -> float:
    return np.inf if pd.isna(r["start"]) else float(r["start"])


def _figures(rows: list[dict]) -> list[list[dict]]:
    """Clusters of spans that state one figure (see the module docstring, step 2)."""
    by_span: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_span[r["span"]].append(r)
    spans = []
    for g in by_span.values():
        q = [x["qualifier"] for x in g if x["qualifier"] != "exact"]
        spans.append({"value": float(sum(x["value"] for x in g)), "exact": not q,
                      "qualifier": q[0] if q else "exact", "start": min(_start(x) for x in g)})
    spans.sort(key=lambda s: (s["start"], s["value"]))
    clusters: list[list[dict]] = []
    for s in spans:
        for c in clusters:
            ref = c[0]
            if _close(s["value"], ref["value"], 1e-9) or (
                    not (s["exact"] and ref["exact"]) and _close(s["value"], ref["value"], AGREE_TOL)):
                c.append(s)
                break
        else:
            clusters.append([s])
    return clusters


def _representative(cluster: list[dict]) -> dict:
    return sorted(cluster, key=lambda s: (not s["exact"], s["start"]))[0]


def document_cells(st: pd.DataFrame) -> list[DocCell]:
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for r in st.to_dict("records"):
        groups[(r["doc_id"], *(r[c] for c in CELL))].append(r)
    out = []
    for (doc, *key), rows in sorted(groups.items(), key=lambda kv: tuple(map(str, kv[0]))):
        clusters = _figures(rows)
        reps = [_representative(c) for c in clusters]
        vals = [r["value"] for r in reps]
        lows = [min(s["value"] for s in c) for c in clusters]
        highs = [max(s["value"] for s in c) for c in clusters]
        total = None
        if len(reps) >= 3:
            for i, v in enumerate(vals):
                rest = sum(vals) - v
                if rest > 0 and _close(v, rest, SUM_TOL):
                    total = i
                    break
        if total is not None:
            value, lo, hi, used = vals[total], lows[total], highs[total], [reps[total]]
        else:
            value, lo, hi, used = sum(vals), sum(lows), sum(highs), reps
        first = sorted(rows, key=lambda r: (_start(r), r["row_id"]))[0]
        quals = [r["qualifier"] for r in used if r["qualifier"] != "exact"]
        out.append(DocCell(
            doc_id=doc, key=tuple(key), donor=first["donor"], recs=first["recs"],
            recipients=first["recipients"], recipient_adcodes=first["recipient_adcodes"],
            value=value, lo=lo, hi=hi, exact=not quals, qualifier=quals[0] if quals else "exact",
            n_figures=len(used), figures=[r["value"] for r in used],
            row_ids=sorted(r["row_id"] for r in rows), evidence=first["evidence"],
            program=first["program"], start=_start(first)))
    return out


# --------------------------------------------------------------------------------------------
# 3. one value per cell


@dataclass
class DocInfo:
    """What the rules may know about a document beyond its statements."""
    date: tuple | None = None        # (year, month, day), 0 where unknown
    places: tuple = ()               # (adcode, name) of places in its publisher / reporting unit
    n_pairs: int = 0                 # donor → recipients pairs its statements name


@dataclass
class Fact:
    cells: list[DocCell]
    key: tuple = ()
    donor: str = ""
    recs: tuple = ()
    recipients: str = ""
    recipient_adcodes: str = ""
    value: float = 0.0
    rule: str = ""
    agreement: str = ""
    chosen: DocCell | None = None
    fact_id: str = ""
    part_of: str = ""
    part_kind: str = ""
    n_parts: int = 0
    also: list = field(default_factory=list)

    @property
    def docs(self) -> list[str]:
        return sorted({c.doc_id for c in self.cells})


def _parse_date(text) -> tuple | None:
    text = "" if text is None or (not isinstance(text, str) and pd.isna(text)) else str(text)
    parts = text.strip().split("-")
    if not parts[0].isdigit() or len(parts[0]) != 4:
        return None
    nums = [int(p) if p.isdigit() else 0 for p in parts[:3]]
    return tuple(nums + [0] * (3 - len(nums)))


def document_info(st: pd.DataFrame, documents: pd.DataFrame | None, places: Places) -> dict:
    """doc_id → DocInfo from the statements (pairs named) and documents.csv (date, publisher,
    reporting unit), when given."""
    pairs = st.groupby("doc_id").apply(lambda g: len(set(zip(g["donor"], g["rkey"]))),
                                       include_groups=False)
    info = {d: DocInfo(n_pairs=int(n)) for d, n in pairs.items()}
    if documents is None or documents.empty or "doc_id" not in documents.columns:
        return info
    for r in documents.to_dict("records"):
        d = str(r.get("doc_id", ""))
        if d not in info:
            continue
        info[d].date = _parse_date(r.get("date"))
        where = " ".join(v for v in (r.get("publisher"), r.get("unit")) if isinstance(v, str))
        if where.strip():
            info[d].places = tuple((p.adcode, p.full_name) for p in places.find(where))
    return info


def _agreement(cells: list[DocCell]) -> tuple[str, float, float]:
    lo = min(c.lo for c in cells)
    hi = max(c.hi for c in cells)
    if len(cells) == 1 and _close(lo, hi, 1e-9):
        return "single", lo, hi
    if _close(lo, hi, 1e-9):
        return "same", lo, hi
    if hi <= lo * (1 + AGREE_TOL):
        return "within_5pct", lo, hi
    return "conflict", lo, hi


def _recipient_side(c: DocCell, info: DocInfo) -> bool:
    """The document was published in the recipient's own area (a county or prefecture paper or
    government site reporting what it received)."""
    if not info.places or not c.recs:
        return False
    return all(any(_rec_within(r, p) for p in info.places) for r in c.recs)


def _narrow(rule: str, cands: list[DocCell], info: dict) -> list[DocCell]:
    if rule == "most_precise":
        return [c for c in cands if c.exact]
    if rule == "recipient_side":
        return [c for c in cands if _recipient_side(c, info.get(c.doc_id, DocInfo()))]
    if rule == "most_documents":
        counts: dict[float, int] = defaultdict(int)
        for c in cands:
            counts[round(c.value, 4)] += 1
        top = max(counts.values())
        best = [v for v, n in counts.items() if n == top]
        return [c for c in cands if round(c.value, 4) in best] if len(best) == 1 else cands
    if rule == "most_specific":
        fewest = min(info.get(c.doc_id, DocInfo()).n_pairs for c in cands)
        return [c for c in cands if info.get(c.doc_id, DocInfo()).n_pairs == fewest]
    if rule == "latest_report":
        dates = [info.get(c.doc_id, DocInfo()).date for c in cands]
        if any(d is None for d in dates):
            return cands     # an undated report may be the later one: cannot tell
        last = max(dates)
        return [c for c, d in zip(cands, dates) if d == last]
    raise ValueError(rule)


def choose(cells: list[DocCell], info: dict) -> tuple[DocCell, str, str, float, float]:
    """(chosen document cell, rule, agreement, min, max) for the cells of one fact."""
    cells = sorted(cells, key=lambda c: c.doc_id)
    agreement, lo, hi = _agreement(cells)
    if len({c.doc_id for c in cells}) == 1:
        # one document (two of its cells only after a merge, which needs different documents)
        return cells[0], "single", agreement, lo, hi
    if agreement == "same":
        return cells[0], "agreed", agreement, lo, hi
    cands = cells
    for rule in RULE_NAMES[2:-1]:
        narrowed = _narrow(rule, cands, info)
        if narrowed:
            cands = narrowed
        if len({round(c.value, 4) for c in cands}) == 1:
            return cands[0], rule, agreement, lo, hi
    return cands[0], "first_document", agreement, lo, hi


def reconcile(cells: list[DocCell], info: dict) -> list[Fact]:
    by_key: dict[tuple, list[DocCell]] = defaultdict(list)
    for c in cells:
        by_key[c.key].append(c)
    return [_settle(Fact(cells=v), info) for _, v in sorted(by_key.items())]


def _settle(f: Fact, info: dict, key_cell: DocCell | None = None) -> Fact:
    """Fill a fact's value, rule and agreement from its cells; names from ``key_cell`` (the
    most specific cell after a merge) or the chosen one."""
    chosen, f.rule, f.agreement, _, _ = choose(f.cells, info)
    f.chosen = chosen
    named = key_cell or chosen
    f.key, f.donor, f.recs = named.key, named.donor, named.recs
    f.recipients, f.recipient_adcodes = named.recipients, named.recipient_adcodes
    f.value = chosen.value
    f.fact_id = "F" + _h("|".join(map(str, f.key)), 12)
    return f


# --------------------------------------------------------------------------------------------
# 4. one transfer reported from both sides


def _covers(g: Fact, f: Fact, places: Places, same_detail: bool = True) -> bool:
    """Is fact ``f`` inside ``g`` (donor, recipients, and detail nested; same measurement)?"""
    gk, fk = g.key, f.key
    if gk[2:7] != fk[2:7]:      # year, period, status, indicator, unit
        return False
    if same_detail:
        if gk[7] != fk[7]:
            return False
    elif not (gk[7] in GENERIC_DETAILS or gk[7] == fk[7]):
        return False
    return places.donor_within(f.donor, g.donor) and recipients_cover(g.recs, f.recs)


def _strictly(g: Fact, f: Fact, places: Places, same_detail: bool = True) -> bool:
    return (g.key != f.key and _covers(g, f, places, same_detail)
            and not _covers(f, g, places, same_detail))


def _buckets(facts: list[Fact], places: Places) -> dict:
    """Facts that may nest: same measurement (year, period, status, indicator, unit) and donor
    province. Keeps the pairwise comparisons within small groups (cost linear in the corpus)."""
    out: dict = defaultdict(list)
    for f in facts:
        out[(*f.key[2:7], places.root(f.donor))].append(f)
    return out


def merge_sides(facts: list[Fact], info: dict, places: Places) -> list[Fact]:
    merged: list[Fact] = []
    for _, group in sorted(_buckets(facts, places).items(), key=lambda kv: str(kv[0])):
        group = sorted(group, key=lambda f: f.key)
        parent = {id(f): f for f in group}
        members = {id(f): [f] for f in group}

        def find(f):
            while parent[id(f)] is not f:
                f = parent[id(f)]
            return f

        edges = []
        for g in group:
            narrower = [f for f in group if _strictly(g, f, places)
                        and not {c.doc_id for c in f.cells} & {c.doc_id for c in g.cells}
                        and _close(f.value, g.value, AGREE_TOL)]
            # several narrower cells that do not nest among themselves: which one g restates is
            # not known, so none is merged
            if any(not (_covers(a, b, places) or _covers(b, a, places))
                   for i, a in enumerate(narrower) for b in narrower[i + 1:]):
                continue
            edges += [(g, f) for f in narrower]
        for g, f in sorted(edges, key=lambda e: (e[1].key, e[0].key)):
            rg, rf = find(g), find(f)
            if rg is rf:
                continue
            union = members[id(rg)] + members[id(rf)]
            docs = [d for m in union for d in {c.doc_id for c in m.cells}]
            comparable = all(_covers(a, b, places) or _covers(b, a, places)
                             for i, a in enumerate(union) for b in union[i + 1:])
            if len(docs) != len(set(docs)) or not comparable:
                continue
            parent[id(rf)] = rg
            members[id(rg)] = union
        for f in group:
            if find(f) is not f:
                continue
            ms = members[id(f)]
            if len(ms) == 1:
                merged.append(f)
                continue
            inner = next(m for m in ms if all(_covers(o, m, places) for o in ms))
            cells = [c for m in ms for c in m.cells]
            fact = _settle(Fact(cells=cells), info,
                           key_cell=sorted(inner.cells, key=lambda c: c.doc_id)[0])
            fact.also = sorted({(m.donor, m.recipients, ";".join(m.docs)) for m in ms if m is not inner})
            merged.append(fact)
    return sorted(merged, key=lambda f: f.key)


# --------------------------------------------------------------------------------------------
# 5. parts and totals


def best_subset(target: float, tol: float, cands: list[tuple[float, int]], max_parts: int,
                disjoint: list | None = None, budget: int = 20_000,
                tol_approx: float | None = None, approx: list[bool] | None = None):
    """A subset (2..max_parts items) of cands whose values sum to target ± tol·target, or None.

    ``approx`` (by position) marks approximate figures: a subset with one of them may miss by
    ``tol_approx`` instead of ``tol``. Fewest parts first (a two-part match is less likely a
    coincidence than a six-part one), then smallest error, then earliest positions. cands:
    (value, position) sorted by value descending. ``disjoint``: recipient sets by position; when
    given, chosen parts must not share a recipient. ``budget`` caps the search nodes per size so
    that a document with dozens of figures of one indicator stays fast (the search order is
    fixed, so the result stays deterministic).
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


def _sum_parts(facts: list[Fact], places: Places) -> None:
    """``sum`` links: inside each document that states a total and parts adding up to it."""
    by_doc: dict = defaultdict(list)
    for f in facts:
        for c in f.cells:
            by_doc[(c.doc_id, *f.key[2:7])].append((f, c))
    for _, items in sorted(by_doc.items(), key=lambda kv: str(kv[0])):
        if len(items) < 3:
            continue
        items = sorted(items, key=lambda fc: (-fc[1].value, fc[0].key))
        approx = [not c.exact for _, c in items]
        rsets = [frozenset(code or name for code, name in f.recs) for f, _ in items]
        for ti, (t, tc) in enumerate(items):
            if tc.value <= 0 or t.n_parts:
                continue
            free = [i for i, (f, c) in enumerate(items) if i != ti and not f.part_of
                    and 0 < c.value < tc.value]
            # pass 1: parts of the same kind (detail), the same or narrower recipients
            cands = [(items[i][1].value, i) for i in free
                     if _strictly(t, items[i][0], places, same_detail=False)]
            loose = SUM_TOL_APPROX if not tc.exact else SUM_TOL
            chosen = (best_subset(tc.value, loose, cands, MAX_PARTS, tol_approx=SUM_TOL_APPROX,
                                  approx=approx) if len(cands) >= 2 else None)
            if not chosen and t.recs:
                # pass 2: a named total broken down by place into parts of their own uses:
                # strictly narrower, pairwise disjoint recipients, tight tolerance
                cands = [(items[i][1].value, i) for i in free
                         if places.donor_within(items[i][0].donor, t.donor)
                         and items[i][0].key[2:7] == t.key[2:7]
                         and recipients_cover(t.recs, items[i][0].recs)
                         and not recipients_cover(items[i][0].recs, t.recs)]
                chosen = (best_subset(tc.value, SUM_TOL, cands, MAX_PARTS, disjoint=rsets)
                          if len(cands) >= 2 else None)
            if chosen:
                for i in chosen:
                    items[i][0].part_of, items[i][0].part_kind = t.fact_id, "sum"
                t.n_parts = len(chosen)


def _nested_parts(facts: list[Fact], places: Places) -> list[tuple[Fact, Fact]]:
    """``nested`` links for facts not yet part of a sum; returns (part, broader) pairs where the
    part is larger than the broader fact (for the consistency checks)."""
    above = []
    for _, group in sorted(_buckets(facts, places).items(), key=lambda kv: str(kv[0])):
        group = sorted(group, key=lambda f: f.key)
        for f in group:
            broader = [g for g in group if _strictly(g, f, places, same_detail=False)]
            above += [(f, g) for g in broader if g.value < f.value * (1 - SUM_TOL)]
            if f.part_of:
                continue
            # a total whose stated parts add up to it holds nothing else: a fact in its scope that
            # is none of those parts (nor inside one) is a separate amount
            fits = [g for g in broader if g.value >= f.value * (1 - SUM_TOL) and not g.n_parts]
            if fits:
                g = min(fits, key=lambda g: (g.value, len(g.recs) or np.inf, g.key))
                f.part_of, f.part_kind = g.fact_id, "nested"
    return above


def link_parts(facts: list[Fact], places: Places) -> list[tuple[Fact, Fact]]:
    _sum_parts(facts, places)
    return _nested_parts(facts, places)


# --------------------------------------------------------------------------------------------
# the table


def _number(v: float) -> str:
    return f"{v:.4f}".rstrip("0").rstrip(".")


def _row(f: Fact) -> dict:
    k = dict(zip(CELL, f.key))
    c = f.chosen
    return {
        "fact_id": f.fact_id, "donor": f.donor, "recipients": f.recipients,
        "recipient_adcodes": f.recipient_adcodes, "program": c.program, "year": int(k["year"]),
        "period": k["period"], "status": k["status"], "indicator": k["indicator"],
        "unit": k["unit"], "detail": k["detail"], "value": f.value, "qualifier": c.qualifier,
        "rule": f.rule, "agreement": f.agreement,
        "min": min(x.lo for x in f.cells), "max": max(x.hi for x in f.cells),
        "values_by_doc": "; ".join(f"{x.doc_id}={'+'.join(_number(v) for v in x.figures)}"
                                   for x in sorted(f.cells, key=lambda x: x.doc_id)),
        "n_statements": sum(len(x.row_ids) for x in f.cells), "n_documents": len(f.docs),
        "n_figures": c.n_figures, "doc_ids": ";".join(f.docs),
        "row_ids": ";".join(sorted(r for x in f.cells for r in x.row_ids)),
        "source_doc": c.doc_id, "evidence": c.evidence,
        "also_reported_as": "; ".join(f"{d} → {r or '(all)'} ({docs})" for d, r, docs in f.also),
        "part_of": f.part_of, "part_kind": f.part_kind, "n_parts": f.n_parts,
    }


def empty_facts() -> pd.DataFrame:
    dtypes = {"int": "Int64", "float": "float64", "str": "str"}
    return pd.DataFrame({c.name: pd.Series([], dtype=dtypes[c.dtype]) for c in FACT_COLUMNS})


def _coerce(df: pd.DataFrame) -> pd.DataFrame:
    out = df.reindex(columns=list(FACT_COLUMN_NAMES)).copy()
    for c in FACT_COLUMNS:
        if c.dtype == "int":
            out[c.name] = pd.to_numeric(out[c.name]).astype("Int64")
        elif c.dtype == "float":
            out[c.name] = pd.to_numeric(out[c.name]).astype("float64").round(4)
        else:
            s = out[c.name].astype(object)
            out[c.name] = s.where(s.notna() & (s != ""), None).astype("str")
    return out


def _records(panel: pd.DataFrame, documents: pd.DataFrame | None, gazetteer):
    places = Places(gazetteer)
    st = statements(panel)
    info = document_info(st, documents, places)
    facts = merge_sides(reconcile(document_cells(st), info), info, places)
    above = link_parts(facts, places)
    return facts, above


def build_facts(panel: pd.DataFrame, documents: pd.DataFrame | None = None,
                gazetteer=None) -> pd.DataFrame:
    """The facts table of a panel (``documents``: documents.csv, for report dates and
    publishers; optional). Validated against ``facts_schema``; sorted; deterministic."""
    if panel is None or len(panel) == 0:
        return empty_facts()
    facts, _ = _records(panel, documents, gazetteer)
    return validate_facts(sort_facts(_coerce(pd.DataFrame([_row(f) for f in facts]))))


def sort_facts(df: pd.DataFrame) -> pd.DataFrame:
    keys = ["donor", "recipients", "year", "indicator", "unit", "period", "status", "detail",
            "fact_id"]
    return df.sort_values(keys, kind="mergesort", na_position="first").reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# schema


def facts_schema():
    """The pandera schema of the facts table, built from FACT_COLUMNS."""
    import pandera.pandas as pa

    dtypes = {"int": "Int64", "float": "float64", "str": "str"}
    cols = {}
    for c in FACT_COLUMNS:
        checks = []
        if c.allowed:
            checks.append(pa.Check.isin(list(c.allowed)))
        if c.dtype == "float":
            checks.append(pa.Check.ge(0))
        if c.name in ("n_statements", "n_documents", "n_figures"):
            checks.append(pa.Check.ge(1))
        if c.name == "n_parts":
            checks.append(pa.Check.ge(0))
        if c.name == "year":
            checks.append(pa.Check.in_range(1980, 2035))
        cols[c.name] = pa.Column(dtypes[c.dtype], checks=checks, nullable=c.nullable,
                                 unique=c.name == "fact_id", coerce=True)

    def eps(df):
        return 1e-6 * df["max"].abs().clip(lower=1.0)

    def unit_fits(df):
        return pd.Series([u in INDICATOR_BY_NAME[i].units if i in INDICATOR_BY_NAME else False
                          for i, u in zip(df["indicator"], df["unit"])], index=df.index)

    def ids(col):
        return lambda df: df[col].map(lambda v: len(split_list(v)))

    return pa.DataFrameSchema(cols, checks=[
        pa.Check(lambda df: (df["min"] <= df["value"] + eps(df)) & (df["value"] <= df["max"] + eps(df)),
                 error="value lies outside min..max"),
        pa.Check(lambda df: df["n_documents"] <= df["n_statements"],
                 error="more documents than statements"),
        pa.Check(lambda df: ids("doc_ids")(df) == df["n_documents"],
                 error="doc_ids does not list n_documents documents"),
        pa.Check(lambda df: ids("row_ids")(df) == df["n_statements"],
                 error="row_ids does not list n_statements rows"),
        pa.Check(lambda df: pd.Series([s in split_list(d) for s, d in
                                       zip(df["source_doc"], df["doc_ids"])], index=df.index),
                 error="source_doc is not among doc_ids"),
        pa.Check(lambda df: (df["agreement"] != "single") | (df["n_documents"] == 1),
                 error="agreement single with several documents"),
        pa.Check(lambda df: df["part_of"].isna() | df["part_of"].isin(set(df["fact_id"])),
                 error="part_of names no fact of the table"),
        pa.Check(lambda df: df["part_of"].isna() == df["part_kind"].isna(),
                 error="part_of and part_kind must be given together"),
        pa.Check(lambda df: df["part_of"].isna() | (df["part_of"] != df["fact_id"]),
                 error="a fact is part of itself"),
        pa.Check(unit_fits, error="unit does not fit the indicator"),
    ], strict=True, ordered=True)


def validate_facts(facts: pd.DataFrame) -> pd.DataFrame:
    """Validate against ``facts_schema``; raise ``FactsSchemaError`` listing failed checks."""
    import pandera.pandas as pa

    try:
        return facts_schema().validate(facts.reset_index(drop=True), lazy=True)
    except pa.errors.SchemaErrors as err:
        raise FactsSchemaError(f"the facts table violates its schema "
                               f"({len(err.failure_cases)} failure(s)):\n"
                               f"{failure_summary(err).to_string()}") from None


# --------------------------------------------------------------------------------------------
# reading and writing


FACT_FILES = ("facts.csv", "facts.parquet", "facts_checks.csv")


def write_facts(facts: pd.DataFrame, out_dir, checks: pd.DataFrame | None = None) -> dict[str, Path]:
    """facts.csv, facts.parquet and facts_checks.csv (the consistency checks) in ``out_dir``."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    facts = sort_facts(facts)
    checks = consistency_checks(facts) if checks is None else checks
    return {"facts.csv": write_csv(facts, out_dir / "facts.csv"),
            "facts.parquet": write_parquet(facts, out_dir / "facts.parquet"),
            "facts_checks.csv": write_csv(checks, out_dir / "facts_checks.csv")}


def read_facts(path) -> pd.DataFrame:
    """facts.csv or facts.parquet back with the declared types (validated)."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"facts file not found: {path} (02_panel or "
                                "`python -m helpers facts DIR` writes it)")
    if path.suffix == ".parquet":
        df = pd.read_parquet(path)
    else:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in FACT_COLUMN_NAMES if c not in df.columns]
    if missing:
        raise ValueError(f"{path}: missing facts column(s) {missing}")
    try:
        return validate_facts(_coerce(df))
    except FactsSchemaError as err:
        raise FactsSchemaError(f"{path}: {err}") from None


def write_facts_from_panel(panel: pd.DataFrame, out_dir, documents: pd.DataFrame | None = None,
                           gazetteer=None) -> dict[str, Path]:
    """The pipeline's facts step: build from the panel just written, then write."""
    return write_facts(build_facts(panel, documents, gazetteer), out_dir)


# --------------------------------------------------------------------------------------------
# what a researcher checks by hand

CHECK_COLUMNS = ("check", "fact_id", "related", "donor", "recipients", "year", "indicator",
                 "unit", "value", "related_values", "doc_ids", "message")
CHECKS = {
    "cumulative_below_annual": "a cumulative figure smaller than the annual figures of its years "
                               "added up (cumulative up to the year; the start year is not "
                               "known, so every annual year up to it is added)",
    "part_above_total": "a fact larger than a broader fact it lies inside",
    "parts_above_total": "the parts of a total add up to more than it (by over 5 %)",
    "actual_far_above_target": f"an actual figure over {FAR_ABOVE_TARGET:g}× its own target",
    "same_figure_two_indicators": "the same value under two indicators for one donor, "
                                  "recipients, year and period",
    "figures_added": "the document a value comes from states several different values for the "
                     "cell, added up as separate amounts (wrong if they are one amount read "
                     "twice, or belong to other years)",
}


def _check(check, f, related, message):
    return {"check": check, "fact_id": f["fact_id"],
            "related": ";".join(r["fact_id"] for r in related), "donor": f["donor"],
            "recipients": f["recipients"], "year": f["year"], "indicator": f["indicator"],
            "unit": f["unit"], "value": f["value"],
            "related_values": "; ".join(_number(r["value"]) for r in related),
            "doc_ids": ";".join(sorted({d for x in [f, *related] for d in split_list(x["doc_ids"])})),
            "message": message}


def consistency_checks(facts: pd.DataFrame, gazetteer=None) -> pd.DataFrame:
    """One row per finding (``CHECKS`` says what each check means)."""
    out = []
    if facts is None or facts.empty:
        return pd.DataFrame(columns=list(CHECK_COLUMNS))
    df = facts.copy()
    for c in ("recipients", "detail", "part_of", "part_kind"):
        df[c] = _text(df[c])
    recs = df["recipients"].map(lambda r: ";".join(sorted(split_list(r))))
    df = df.assign(_r=recs)
    rows = df.to_dict("records")
    cell = lambda r: (r["donor"], r["_r"], r["indicator"], r["unit"], r["detail"])  # noqa: E731

    annual = defaultdict(list)
    for r in rows:
        if r["period"] == "annual" and r["status"] == "actual":
            annual[cell(r)].append(r)
    for r in rows:
        if r["period"] != "cumulative" or r["status"] != "actual":
            continue
        years = [a for a in annual.get(cell(r), []) if a["year"] <= r["year"]]
        total = sum(a["value"] for a in years)
        if years and r["value"] < total * (1 - SUM_TOL):
            ys = ", ".join(str(a["year"]) for a in sorted(years, key=lambda a: a["year"]))
            out.append(_check("cumulative_below_annual", r, years,
                              f"cumulative {_number(r['value'])} to {r['year']} < "
                              f"{_number(total)}, the annual figures of {ys} added up"))

    by_id = {r["fact_id"]: r for r in rows}
    places = Places(gazetteer)
    facts_objs = []
    for r in rows:
        f = Fact(cells=[])
        f.key = (r["donor"], r["_r"], r["year"], r["period"], r["status"], r["indicator"],
                 r["unit"], r["detail"])
        f.donor, f.fact_id, f.value = r["donor"], r["fact_id"], r["value"]
        names, codes = split_list(r["recipients"]), split_list(r.get("recipient_adcodes"))
        codes = codes if len(codes) == len(names) else [""] * len(names)
        f.recs = tuple(sorted(zip(codes, names)))
        facts_objs.append(f)
    for _, group in _buckets(facts_objs, places).items():
        for f in group:
            for g in group:
                if _strictly(g, f, places, same_detail=False) and g.value < f.value * (1 - SUM_TOL):
                    out.append(_check("part_above_total", by_id[f.fact_id], [by_id[g.fact_id]],
                                      f"{_number(f.value)} lies inside {_number(g.value)} "
                                      f"({g.donor} → {by_id[g.fact_id]['recipients'] or '(all)'})"))
    children = defaultdict(list)
    for r in rows:
        if r["part_of"]:
            children[r["part_of"]].append(r)
    for pid, kids in sorted(children.items()):
        parent = by_id.get(pid)
        total = sum(k["value"] for k in kids)
        if parent is not None and len(kids) > 1 and total > parent["value"] * (1 + AGREE_TOL):
            out.append(_check("parts_above_total", parent, kids,
                              f"{len(kids)} parts add up to {_number(total)} > "
                              f"{_number(parent['value'])}"))

    targets = defaultdict(list)
    for r in rows:
        if r["status"] == "target":
            targets[(*cell(r), r["year"], r["period"])].append(r)
    for r in rows:
        if r["status"] != "actual":
            continue
        for t in targets.get((*cell(r), r["year"], r["period"]), []):
            if t["value"] > 0 and r["value"] > FAR_ABOVE_TARGET * t["value"]:
                out.append(_check("actual_far_above_target", r, [t],
                                  f"actual {_number(r['value'])} is "
                                  f"{r['value'] / t['value']:.1f}× the target {_number(t['value'])}"))

    same = defaultdict(list)
    for r in rows:
        if r["value"] >= SAME_FIGURE_MIN:
            same[(r["donor"], r["_r"], r["year"], r["period"], r["status"], r["unit"],
                  round(r["value"], 4))].append(r)
    for _, group in sorted(same.items(), key=lambda kv: str(kv[0])):
        kinds = sorted({g["indicator"] for g in group})
        if len(kinds) > 1:
            first, rest = group[0], group[1:]
            out.append(_check("same_figure_two_indicators", first, rest,
                              f"{_number(first['value'])} {first['unit']} as "
                              f"{' and '.join(kinds)}"))
    for r in rows:
        if r["n_figures"] > 1:
            own = next((x for x in r["values_by_doc"].split("; ")
                        if x.startswith(f"{r['source_doc']}=")), "")
            out.append(_check("figures_added", r, [],
                              f"{r['source_doc']} states {r['n_figures']} figures: "
                              f"{own.split('=', 1)[-1]}"))
    table = pd.DataFrame(out, columns=list(CHECK_COLUMNS))
    return table.sort_values(["check", "donor", "year", "fact_id", "related"],
                             kind="mergesort").reset_index(drop=True)


def conflicts(facts: pd.DataFrame) -> pd.DataFrame:
    """Facts whose documents disagree by more than 5 %, largest spread first."""
    c = facts[facts["agreement"] == "conflict"].copy()
    c["spread"] = (c["max"] / c["min"].where(c["min"] > 0)).round(3)
    cols = ["fact_id", "donor", "recipients", "year", "period", "status", "indicator", "unit",
            "detail", "value", "rule", "min", "max", "spread", "values_by_doc", "doc_ids"]
    return c.sort_values(["spread", "fact_id"], ascending=[False, True],
                         kind="mergesort")[cols].reset_index(drop=True)


def summary(facts: pd.DataFrame) -> pd.DataFrame:
    """Facts by agreement and rule (how many cells needed a rule, and which)."""
    if facts.empty:
        return pd.DataFrame(columns=["agreement", "rule", "facts", "statements"])
    return (facts.groupby(["agreement", "rule"], sort=True)
            .agg(facts=("fact_id", "size"), statements=("n_statements", "sum")).reset_index())


# --------------------------------------------------------------------------------------------
# command line


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m helpers facts",
                                 description="Build facts.csv, facts.parquet and "
                                             "facts_checks.csv from DIR/panel.csv (and "
                                             "DIR/documents.csv for report dates, if present).")
    ap.add_argument("clean_dir", help="folder holding panel.csv (the output of `helpers panel`)")
    ap.add_argument("--out", default=None, help="output folder (default: the same folder)")
    args = ap.parse_args(argv)
    clean = Path(args.clean_dir)
    try:
        panel = read_panel(clean / "panel.csv")
        docs_csv = clean / "documents.csv"
        documents = (pd.read_csv(docs_csv, dtype=str, keep_default_na=False)
                     if docs_csv.exists() else None)
        facts = build_facts(panel, documents)
        written = write_facts(facts, Path(args.out) if args.out else clean)
    except (FileNotFoundError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(f"{len(facts)} fact(s) from {len(panel)} panel row(s); "
          f"{int((facts['agreement'] == 'conflict').sum())} conflict(s); written "
          + ", ".join(str(p) for p in written.values()))
    return 0


def rules_table() -> pd.DataFrame:
    """The rules in the order they apply (for the notebooks)."""
    return pd.DataFrame([{"rule": r.name, "meaning": r.doc} for r in RULES])
