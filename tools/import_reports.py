"""Copy development reports into data/raw/ and give each a SOURCES.csv row (run once per set).

    python tools/import_reports.py ../shared/dev2 ../shared/dev3

For every ``raw/<id>.txt`` of a set the file is copied under its own name (doc_id = file stem =
the gold doc_id) and a row is appended to ``data/raw/SOURCES.csv`` from the set's
``sources.csv``: url, title, date and publisher where the page shows them, and the file's sha256.

What is *not* copied, on purpose: the annotators' donor, recipients and notes. The extractor reads
SOURCES.csv (title, date) and is scored on these reports; hidden sets run without SOURCES.csv, so a
judgement copied here would leak the answer. For the same reason a title the annotator wrote for an
untitled page ("(untitled) …", a description in brackets) is left empty, and a date the annotator
estimated ("unknown (est. …)", "… (est.)") is left empty: the text then fills both, as it does for
any unseen report. Existing rows are kept as they are; a file already listed is not touched.
"""
from __future__ import annotations

import csv
import hashlib
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
COLUMNS = ("file", "doc_id", "publisher", "url", "date", "title", "donor", "notes", "sha256")

ISO_DATE = re.compile(r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)\b")
# "(四川日报) title": a bracketed prefix naming a paper, site or channel is the publisher.
PUBLISHER_PREFIX = re.compile(r"^[(（]([^()（）]{2,12}?(?:报|网|新闻|频道|客户端))[)）]\s*")
# A trailing bracketed remark of the annotator: English words, or a list ("张三, 副县长").
TRAILING_NOTE = re.compile(r"\s*[(（][^()（）]*[A-Za-z,/;，][^()（）]*[)）]\s*$")


def page_date(text: str) -> str:
    """ISO date the page shows; empty when the annotator only estimated it."""
    text = text.strip()
    if not text or text.lower().startswith("unknown") or re.search(r"\best\b", text):
        return ""
    m = ISO_DATE.match(text)
    return m.group(1) if m else ""


def page_title(text: str) -> tuple[str, str]:
    """(title, publisher) of the page; ('', publisher) when the annotator wrote the title."""
    text = text.strip()
    publisher = ""
    m = PUBLISHER_PREFIX.match(text)
    if m:
        publisher, text = m.group(1), text[m.end():]
    if "untitled" in text.lower() or re.fullmatch(r"[(（].*[)）]", text) or re.match(r"[(（][^)）]*[A-Za-z]", text):
        return "", publisher   # a description of an untitled page, not its title
    text = TRAILING_NOTE.sub("", text)
    text = re.sub(r"^[(（][^()（）]*[)）]\s*", "", text)  # a bracketed description before the headline
    return text.strip(), publisher


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def import_set(folder: Path, rows: list[dict]) -> int:
    listed = {r["file"] for r in rows}
    meta = {r["id"]: r for r in csv.DictReader(open(folder / "sources.csv", encoding="utf-8"))}
    added = 0
    for src in sorted((folder / "raw").iterdir()):
        if not src.is_file() or src.name in listed:
            continue
        if (RAW / src.name).exists() and sha256(RAW / src.name) != sha256(src):
            raise SystemExit(f"{RAW / src.name} exists and differs from {src}: not overwritten")
        shutil.copyfile(src, RAW / src.name)
        m = meta.get(src.stem, {})
        title, publisher = page_title(m.get("title", ""))
        rows.append({"file": src.name, "doc_id": src.stem, "publisher": publisher,
                     "url": m.get("url", "").strip(), "date": page_date(m.get("date", "")),
                     "title": title, "donor": "",
                     "notes": f"imported from shared/{folder.name}/sources.csv (annotator notes not copied)",
                     "sha256": sha256(RAW / src.name)})
        added += 1
    return added


def main(argv: list[str]) -> int:
    path = RAW / "SOURCES.csv"
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for folder in argv:
        print(f"{folder}: {import_set(Path(folder), rows)} report(s) added")
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(COLUMNS), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
