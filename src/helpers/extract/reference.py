"""The pairing reference: who was paired with whom, by year (package data, read-only).

``data/pairings_reference.csv`` (in the package) is compiled from the project's
``data/raw/pairings.csv`` and the public-source list ``shared/reference/pairings.csv`` by
``python -m helpers.extract.reference --rebuild``: one row per donor → recipient pairing with
both adcodes, program and the years the sources give. It ships with the package so that an
unseen folder of reports (no SOURCES.csv, no pairings.csv) is read with the same knowledge.

Extraction uses it for two things only: which *side* a place is on (a unit that the reference
lists as a donor gives, one it lists as a recipient receives), and the partner of a page that
names only one side (a county page that names its donor once).
"""
from __future__ import annotations

import csv
import sys
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from .. import paths

REFERENCE_CSV = paths.PACKAGE_DATA / "pairings_reference.csv"
COLUMNS = ("donor", "donor_adcode", "recipient", "recipient_adcode", "program", "start_year", "end_year")


@dataclass(frozen=True)
class Pairing:
    donor: str
    donor_adcode: str
    recipient: str
    recipient_adcode: str
    program: str
    start_year: int | None
    end_year: int | None

    def active(self, year: int | None) -> bool:
        if year is None:
            return True
        return (self.start_year is None or self.start_year - 1 <= year) and \
            (self.end_year is None or year <= self.end_year + 1)


def _int(s: str) -> int | None:
    s = (s or "").strip()
    return int(s) if s.isdigit() else None


@lru_cache(maxsize=1)
def load(path: Path = REFERENCE_CSV) -> tuple[Pairing, ...]:
    if not Path(path).exists():
        return ()
    with open(path, encoding="utf-8", newline="") as f:
        return tuple(Pairing(r["donor"], r["donor_adcode"], r["recipient"], r["recipient_adcode"],
                             r["program"], _int(r["start_year"]), _int(r["end_year"]))
                     for r in csv.DictReader(f))


@dataclass(frozen=True)
class Sides:
    """Adcode prefixes the reference knows as donors and as recipients."""
    donors: frozenset
    recipients: frozenset

    def side(self, adcode: str) -> str:
        """'donor', 'recipient' or '' for an adcode named as such by the reference."""
        d = adcode in self.donors
        r = adcode in self.recipients
        return "donor" if d and not r else "recipient" if r and not d else ""

    def province_side(self, adcode: str) -> str:
        """The side most of the reference's units inside this province are on."""
        d, r = self._province_counts.get(adcode[:2], (0, 0))
        return "donor" if d > 2 * r else "recipient" if r > 2 * d else ""

    @cached_property
    def _province_counts(self) -> dict[str, tuple[int, int]]:
        """Province code → (donor units, recipient units) of the reference (counted once)."""
        provinces = {c[:2] for c in self.donors | self.recipients}
        return {p: (sum(1 for c in self.donors if c[:2] == p), sum(1 for c in self.recipients if c[:2] == p))
                for p in provinces}


@lru_cache(maxsize=1)
def sides() -> Sides:
    donors, recipients = set(), set()
    for p in load():
        donors.add(p.donor_adcode)
        recipients.add(p.recipient_adcode)
    return Sides(frozenset(donors), frozenset(recipients))


def partners(adcode: str, as_side: str, year: int | None = None) -> tuple[Pairing, ...]:
    """Pairings in which ``adcode`` (or a unit it contains / that contains it) is on ``as_side``.
    Asked for every figure: answered from a cache (the reference is fixed for a run)."""
    return _partners(adcode, as_side, year)


@lru_cache(maxsize=8192)
def _partners(adcode: str, as_side: str, year: int | None) -> tuple[Pairing, ...]:
    out = []
    for p in load():
        code = p.donor_adcode if as_side == "donor" else p.recipient_adcode
        if _nested(code, adcode) and p.active(year):
            out.append(p)
    return tuple(out)


@lru_cache(maxsize=8192)
def county_partners(adcode: str) -> frozenset:
    """Codes of the units paired with the county-level unit ``adcode`` itself, on either side
    (a district's few partner counties; a county's donor districts): none for a province or a
    prefecture, whose partners are many."""
    if adcode.endswith("00"):
        return frozenset()
    return frozenset(p.recipient_adcode if p.donor_adcode == adcode else p.donor_adcode
                     for p in load() if adcode in (p.donor_adcode, p.recipient_adcode))


@lru_cache(maxsize=None)
def ancestors(code: str) -> frozenset:
    """The code with its prefecture's and province's codes (两 units nest when one's code is
    among the other's ancestors)."""
    return frozenset({code, code[:4] + "00", code[:2] + "0000"})


def nests_any(code: str, codes: frozenset, codes_ancestors: frozenset) -> bool:
    """Whether ``code`` nests with any of ``codes`` (``codes_ancestors``: their ancestors)."""
    return code in codes_ancestors or not ancestors(code).isdisjoint(codes)


def paired_with(named: set[str], as_side: str) -> tuple[frozenset, frozenset]:
    """(codes, ancestors) of the units on ``as_side`` of the pairings whose other side nests
    with one of the ``named`` codes."""
    return _paired_with(frozenset(named), as_side)


@lru_cache(maxsize=4096)
def _paired_with(named: frozenset, as_side: str) -> tuple[frozenset, frozenset]:
    named_anc = frozenset().union(*(ancestors(c) for c in named)) if named else frozenset()
    out = set()
    for other, mine in _sides_pairs(as_side):
        if nests_any(other, named, named_anc):
            out.add(mine)
    out = frozenset(out)
    return out, frozenset().union(*(ancestors(c) for c in out)) if out else frozenset()


@lru_cache(maxsize=2)
def _sides_pairs(as_side: str) -> tuple[tuple[str, str], ...]:
    pairs = {(p.recipient_adcode, p.donor_adcode) if as_side == "donor" else (p.donor_adcode, p.recipient_adcode)
             for p in load()}
    return tuple(sorted((a, b) for a, b in pairs if a and b))


def _nested(a: str, b: str) -> bool:
    if not a or not b:
        return False

    def keep(c):
        return 2 if c.endswith("0000") else 4 if c.endswith("00") else 6
    k = min(keep(a), keep(b))
    return a[:k] == b[:k]


# ------------------------------------------------------------------ rebuilding

def _resolve(gz, name: str):
    hits = [m for m in gz.find(name) if m.place is not None]
    return hits[-1].place if hits else None


def rebuild(sources: list[Path], out: Path = REFERENCE_CSV) -> int:
    from ..gazetteer import get_gazetteer

    gz = get_gazetteer()
    rows = {}
    for src in sources:
        if not src.exists():
            print(f"skipping {src}: not found", file=sys.stderr)
            continue
        with open(src, encoding="utf-8-sig", newline="") as f:
            for r in csv.DictReader(f):
                d, c = _resolve(gz, r["donor"]), _resolve(gz, r["recipient"])
                if d is None or c is None:
                    continue
                key = (d.adcode, c.adcode, r.get("program", ""))
                start, end = _int(r.get("start_year", "")), _int(r.get("end_year", ""))
                if key in rows:
                    old = rows[key]
                    start = min([y for y in (start, old[5]) if y is not None], default=None)
                    end = max([y for y in (end, old[6]) if y is not None], default=None)
                rows[key] = (d.full_name, d.adcode, c.full_name, c.adcode, r.get("program", ""), start, end)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(COLUMNS)
        for row in sorted(rows.values(), key=lambda r: (r[1], r[3], r[4])):
            w.writerow(["" if v is None else v for v in row])
    return len(rows)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] != ["--rebuild"]:
        print("usage: python -m helpers.extract.reference --rebuild [PAIRINGS.csv ...]")
        return 2
    sources = [Path(a) for a in argv[1:]] or [paths.RAW / "pairings.csv",
                                              paths.SHARED / "reference" / "pairings.csv"]
    n = rebuild(sources)
    print(f"{n} pairings written to {REFERENCE_CSV}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
