"""Project paths, found from this package's own location (never from the working directory).

A notebook run from JupyterLab, papermill or pytest sees the same folders. The package is
installed in editable mode from ``src/helpers``, so the project root is two levels up.
Set ``HELPERS_PROJECT_ROOT`` to point the helpers at another checkout (tests use it).
"""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PACKAGE_DATA = PACKAGE_DIR / "data"


def project_root() -> Path:
    override = os.environ.get("HELPERS_PROJECT_ROOT")
    if override:
        return Path(override).resolve()
    root = PACKAGE_DIR.parent.parent
    if not (root / "pyproject.toml").exists():
        raise RuntimeError(
            f"helpers is not installed from a project checkout ({PACKAGE_DIR}); "
            "install it with `pip install -e .` from the project root or set HELPERS_PROJECT_ROOT"
        )
    return root


ROOT = project_root()
DATA = ROOT / "data"
RAW = DATA / "raw"
CLEAN = DATA / "clean"
CLEAN_TEXT = CLEAN / "text"
NOTEBOOKS = ROOT / "notebooks"
REPORTS = ROOT / "reports"
FIGURES = REPORTS / "figures"
EVIDENCE = REPORTS / "evidence"
TABLES = REPORTS / "tables"
BUILD = ROOT / "build"
SHARED = ROOT.parent / "shared"

# Files in data/raw that are the project's own reference tables, not reports.
RAW_TABLES = ("SOURCES.csv", "pairings.csv", "corrections.csv")
