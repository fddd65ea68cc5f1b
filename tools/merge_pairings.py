"""Merge the pairings reference (shared/reference/pairings.csv) into data/raw/pairings.csv.

    python tools/merge_pairings.py ../shared/reference/pairings.csv

Nothing is lost: the project's own rows are kept exactly as they are (``origin = project``) and
every reference row becomes one row (``origin = reference``), even when it repeats a pairing
another page already gives: two pages confirming a pairing are two pieces of evidence. Rerunning
the script on a merged file replaces the reference rows and keeps the project rows.

Reference names are written as the gazetteer's full official name (the panel's convention:
天津市天津港保税区 → 天津港保税区) with the page's own spelling kept in ``donor_as_written`` /
``recipient_as_written`` when it differs. A name the gazetteer does not know (a development zone
it lacks, a central unit) gets the adcode of the longest leading part it does know (the city
around the zone) and ``place_note`` says so; a central unit gets none.

Disagreements between sources stay visible, on every row concerned:
``n_sources``  pages (rows) stating the same donor → recipient → program pairing;
``conflict``   what they disagree on: different start or end years for the same pairing, or one
               recipient given to rival donors under the same program in overlapping years
               ("also paired with …": a county to donors that do not nest, an East–West
               prefecture to donors of different provinces) — a disagreement, or a succession
               whose end year no source gives. Empty when none.
"""
from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from helpers.gazetteer import adcode_within, get_gazetteer  # noqa: E402

TARGET = ROOT / "data" / "raw" / "pairings.csv"
PROJECT_COLUMNS = ["donor", "donor_adcode", "recipient", "recipient_adcode", "program",
                   "start_year", "end_year", "source", "authority", "notes"]
NEW_COLUMNS = ["level", "origin", "source_url", "source_title", "source_date", "donor_as_written",
               "recipient_as_written", "place_note", "n_sources", "conflict"]
COLUMNS = PROJECT_COLUMNS + NEW_COLUMNS
ADMIN_LEVELS = ("province", "prefecture", "county")
FAR = 10 ** 6


def level_of(code: str) -> str:
    if len(code) != 6:
        return ""
    return "province" if code.endswith("0000") else "prefecture" if code.endswith("00") else "county"


def place(gz, name: str) -> tuple[str, str, str]:
    """(name to write, adcode, note) for a name of the reference."""
    p = gz.resolve(name)
    if p is not None:
        return p.full_name, p.adcode, ""
    for cut in range(len(name) - 1, 1, -1):     # the longest leading part the gazetteer knows
        q = gz.resolve(name[:cut])
        if q is not None and q.level in ADMIN_LEVELS:
            return name, q.adcode, f"{name} is not in the gazetteer: adcode of {q.full_name}"
    return name, "", f"{name} is not a place in the gazetteer: no adcode"


def reference_rows(path: Path, gz) -> list[dict]:
    out = []
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            donor, dcode, dnote = place(gz, r["donor"].strip())
            rec, rcode, rnote = place(gz, r["recipient"].strip())
            title, date = r["source_title"].strip(), r["source_date"].strip()
            out.append({
                "donor": donor, "donor_adcode": dcode, "recipient": rec, "recipient_adcode": rcode,
                "program": r["program"].strip(), "start_year": r["start_year"].strip(),
                "end_year": r["end_year"].strip(),
                "source": f"{title} ({date})" if date else title,
                "authority": r["authority"].strip(), "notes": r["notes"].strip(),
                "level": r["level"].strip() or level_of(rcode), "origin": "reference",
                "source_url": r["source_url"].strip(), "source_title": title, "source_date": date,
                "donor_as_written": r["donor"].strip() if r["donor"].strip() != donor else "",
                "recipient_as_written": r["recipient"].strip() if r["recipient"].strip() != rec else "",
                "place_note": "; ".join(n for n in (dnote, rnote) if n)})
    return out


def project_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r.get("origin", "project") in ("", "project")]
    for r in rows:
        for c in NEW_COLUMNS:
            r.setdefault(c, "")
        r["origin"] = "project"
        r["level"] = r["level"] or level_of(r["recipient_adcode"])
    return rows


def _key(r: dict, side: str) -> str:
    return r[f"{side}_adcode"] + ":" + r[side] if r[f"{side}_adcode"] else r[side]


def _nest(a: dict, b: dict) -> bool:
    """Donors of a and b are one inside the other (or the same unit)."""
    ca, cb = a["donor_adcode"], b["donor_adcode"]
    if a["donor"] == b["donor"]:
        return True
    if ca and cb:
        return adcode_within(ca, cb) or adcode_within(cb, ca)
    return a["donor"].startswith(b["donor"]) or b["donor"].startswith(a["donor"])


def _rivals(a: dict, b: dict) -> bool:
    """Two rows giving one recipient to different donors where one donor is the rule: a county
    has one partner (donors that do not nest); a prefecture under East–West cooperation has one
    partner province (a counterpart-support prefecture often has several provinces, and a city's
    districts often share a prefecture)."""
    if _nest(a, b):
        return False
    if a["level"] == "county":
        return True
    return a["program"] == "east_west" and a["donor_adcode"][:2] != b["donor_adcode"][:2]


def _years(r: dict) -> tuple[int, int]:
    return (int(r["start_year"]) if r["start_year"] else -FAR,
            int(r["end_year"]) if r["end_year"] else FAR)


def mark_conflicts(rows: list[dict]) -> None:
    pairs = defaultdict(list)
    for r in rows:
        pairs[(_key(r, "donor"), _key(r, "recipient"), r["program"])].append(r)
    for group in pairs.values():
        notes = []
        for col, word in (("start_year", "start"), ("end_year", "end")):
            stated = sorted({r[col] for r in group if r[col]})
            if len(stated) > 1:
                notes.append(f"sources differ on the {word} year: {' vs '.join(stated)}")
        sources = {(r["source_url"] or r["source"]) for r in group}
        for r in group:
            r["n_sources"] = str(len(sources))
            r["conflict"] = "; ".join(notes)
    by_recipient = defaultdict(list)
    for r in rows:
        if r["level"] in ("county", "prefecture") and r["recipient_adcode"]:
            by_recipient[(r["recipient_adcode"], r["program"])].append(r)
    for group in by_recipient.values():
        for r in group:
            (s, e) = _years(r)
            others = sorted({o["donor"] for o in group if _rivals(r, o)
                             and _years(o)[0] <= e and s <= _years(o)[1]})
            if others:
                extra = f"also paired with {'、'.join(others)} ({r['program']}) in overlapping years"
                r["conflict"] = "; ".join(x for x in (r["conflict"], extra) if x)


def sort_key(r: dict) -> tuple:
    return (r["donor_adcode"], r["donor"], r["recipient_adcode"], r["recipient"], r["program"],
            r["start_year"], r["end_year"], r["origin"], r["source_url"], r["source"])


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    gz = get_gazetteer()
    rows = project_rows(TARGET) + reference_rows(Path(argv[0]), gz)
    mark_conflicts(rows)
    rows.sort(key=sort_key)
    with open(TARGET, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    n_ref = sum(r["origin"] == "reference" for r in rows)
    print(f"{TARGET}: {len(rows) - n_ref} project row(s) kept, {n_ref} reference row(s), "
          f"{sum(bool(r['conflict']) for r in rows)} row(s) with a conflict")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
