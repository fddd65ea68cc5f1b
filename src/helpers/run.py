"""Run the notebook collection: papermill executes, nbconvert exports a reader's HTML.

Notebooks named ``NN_name.ipynb`` in ``notebooks/`` run in numbered order. Executed copies go to
``build/notebooks/`` (git-ignored; a failing notebook's partial copy stays there for debugging),
reports to ``reports/<name>.html`` without code cells and with images embedded, and
``reports/index.html`` lists every report.
"""
from __future__ import annotations

import json
import os
import re
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import paths

NOTEBOOK_NAME = re.compile(r"^\d{2}_[A-Za-z0-9_]+\.ipynb$")
KERNEL = "python3"
TEMPLATES = paths.PACKAGE_DIR / "templates"
# Cells papermill adds to the executed copy; not counted when naming the failing cell.
PAPERMILL_TAGS = {"injected-parameters", "papermill-error-cell-tag"}


class NotebookFailed(RuntimeError):
    """A notebook raised: names the notebook, the cell and the error."""

    def __init__(self, notebook: Path, cell: int | None, error: str, executed: Path):
        self.notebook, self.cell, self.error, self.executed = notebook, cell, error, executed
        where = f"cell {cell}" if cell is not None else "an unknown cell"
        super().__init__(f"{notebook.name} failed in {where}: {error}\n"
                         f"  partly executed copy kept at {executed}")


@dataclass
class NotebookRun:
    name: str
    seconds: float
    executed: Path
    report: Path


def list_notebooks(folder: Path = paths.NOTEBOOKS) -> list[Path]:
    return sorted(p for p in folder.glob("*.ipynb") if NOTEBOOK_NAME.match(p.name))


def select(notebooks: list[Path], only: list[str] | None) -> list[Path]:
    """Keep notebooks whose stem or file name is in ``only`` (an unknown name is an error)."""
    if not only:
        return notebooks
    by_key = {}
    for nb in notebooks:
        by_key[nb.stem] = by_key[nb.name] = nb
        by_key[nb.stem.split("_", 1)[0]] = nb  # "10" selects 10_pairing_maps
    missing = [o for o in only if o not in by_key]
    if missing:
        known = ", ".join(nb.stem for nb in notebooks)
        raise SystemExit(f"no notebook named {', '.join(missing)}; known: {known}")
    chosen = {by_key[o] for o in only}
    return [nb for nb in notebooks if nb in chosen]


def parse_parameter(value: str):
    """Parse a -p value like papermill does: YAML scalars and lists (``2020``, ``[2019, 2020]``)."""
    try:
        return yaml.safe_load(value)
    except yaml.YAMLError:
        return value


def declared_parameters(notebook: Path) -> set[str]:
    """Names assigned in the cell tagged ``parameters`` (read with ast: papermill's own line
    parser warns on values such as ``None  # comment``)."""
    import ast

    for cell in json.loads(notebook.read_text(encoding="utf-8")).get("cells", []):
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            tree = ast.parse("".join(cell.get("source", "")))
            return {t.id for node in tree.body if isinstance(node, (ast.Assign, ast.AnnAssign))
                    for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
                    if isinstance(t, ast.Name)}
    return set()


@contextmanager
def kernel_stderr_to(log: Path):
    """Send what the kernel process prints on stderr (start-up warnings) to a log file, so the
    progress lines stay readable; errors in cells still surface through papermill."""
    log.parent.mkdir(parents=True, exist_ok=True)
    sys.stderr.flush()
    saved = os.dup(2)
    with open(log, "w") as f:
        os.dup2(f.fileno(), 2)
        try:
            yield
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)


def describe(notebook: Path) -> tuple[str, str]:
    """Title and one-line summary from the notebook's first markdown cell."""
    cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells", [])
    for cell in cells:
        if cell.get("cell_type") == "markdown":
            text = "".join(cell.get("source", "")).strip()
            lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
            if not lines:
                continue
            title = lines[0].lstrip("# ").strip()
            rest = " ".join(ln for ln in lines[1:] if not ln.startswith("#"))
            summary = re.split(r"(?<=[.。])\s", rest, maxsplit=1)[0] if rest else ""
            return title, summary
    return notebook.stem, ""


def execute(notebook: Path, executed: Path, parameters: dict) -> None:
    import papermill
    from papermill.exceptions import PapermillExecutionError

    executed.parent.mkdir(parents=True, exist_ok=True)
    try:
        with kernel_stderr_to(executed.with_suffix(".kernel.log")):
            papermill.execute_notebook(
                str(notebook), str(executed), parameters=parameters, kernel_name=KERNEL,
                cwd=str(notebook.parent), progress_bar=False, log_output=False,
            )
    except PapermillExecutionError as err:
        raise NotebookFailed(notebook, failing_cell(executed), f"{err.ename}: {err.evalue}",
                             executed) from None


def failing_cell(executed: Path) -> int | None:
    """Index (1-based, counting every cell of the source notebook) of the cell that raised."""
    try:
        cells = json.loads(executed.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError):
        return None
    source_index = 0
    for cell in cells:
        tags = set(cell.get("metadata", {}).get("tags", []))
        if not tags & PAPERMILL_TAGS:
            source_index += 1
        if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            return source_index
    return None


def export_html(executed: Path, report: Path) -> None:
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(str(executed), as_version=4)
    exporter = HTMLExporter(template_name="reader", extra_template_basedirs=[str(TEMPLATES)],
                            exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True, embed_images=True)
    body, _ = exporter.from_notebook_node(nb)
    report.parent.mkdir(parents=True, exist_ok=True)
    from .webfont import embed   # Chinese renders without the reader's CJK fonts

    report.write_text(embed(body), encoding="utf-8")


def write_index(reports_dir: Path = paths.REPORTS, notebooks_dir: Path = paths.NOTEBOOKS) -> Path:
    """reports/index.html: the summary, the data files, every report and its reruns."""
    from .index_page import write_index as _write

    return _write(reports_dir, list_notebooks(notebooks_dir))


def report_name(notebook: Path, parameters: dict) -> str:
    """``<stem>.html`` for the default parameters, ``<stem>--<suffix>.html`` otherwise."""
    from .params import output_suffix

    return f"{notebook.stem}{output_suffix(notebook, parameters)}.html"


def run_collection(only: list[str] | None = None, parameters: dict | None = None,
                   notebooks_dir: Path = paths.NOTEBOOKS, build_dir: Path = paths.BUILD / "notebooks",
                   reports_dir: Path = paths.REPORTS, out=sys.stdout) -> list[NotebookRun]:
    """Execute the selected notebooks in order; a notebook run with parameters other than its
    defaults writes its report (and, through ``helpers.params``, its figures and tables) under
    a suffix naming them, so the default reports stay as they are. Warnings a notebook raises
    with ``helpers.params.warn`` are printed here and listed in the index."""
    from .index_page import read_runs, write_runs
    from .params import changed, warnings_in

    parameters = parameters or {}
    notebooks = select(list_notebooks(notebooks_dir), only)
    if not notebooks:
        raise SystemExit(f"no notebooks (NN_name.ipynb) in {notebooks_dir}")
    declared = {nb: declared_parameters(nb) for nb in notebooks}
    unused = set(parameters) - set().union(*declared.values())
    if unused:
        raise SystemExit(f"parameter(s) {', '.join(sorted(unused))} are declared by none of: "
                         + ", ".join(nb.name for nb in notebooks))
    runs = []
    manifest = read_runs(reports_dir)
    total = time.perf_counter()
    for i, nb in enumerate(notebooks, 1):
        mine = {k: v for k, v in parameters.items() if k in declared[nb]}
        name = report_name(nb, mine)
        executed = build_dir / f"{Path(name).stem}.ipynb"
        report = reports_dir / name
        print(f"[{i}/{len(notebooks)}] {nb.name} ...", end="", flush=True, file=out)
        t0 = time.perf_counter()
        try:
            execute(nb, executed, mine)
        except NotebookFailed:
            print(" FAILED", file=out, flush=True)
            raise
        export_html(executed, report)
        seconds = time.perf_counter() - t0
        print(f" {seconds:5.1f} s → {report.relative_to(reports_dir.parent)}", file=out, flush=True)
        warns = warnings_in(executed)
        if nb.stem.startswith("02_"):
            # what the panel step set aside or could not read, from the files it wrote
            from .panel import problems_in_outputs
            warns += [p for p in problems_in_outputs(paths.CLEAN) if p not in warns]
        for w in warns:
            print(f"  WARNING ({nb.stem}): {w}", file=out, flush=True)
        manifest[name] = {"notebook": nb.stem, "parameters": changed(nb, mine), "warnings": warns}
        runs.append(NotebookRun(nb.stem, seconds, executed, report))
    write_runs(reports_dir, manifest)
    write_index(reports_dir, notebooks_dir)
    print(f"done: {len(runs)} notebook(s) in {time.perf_counter() - total:.1f} s; "
          f"open {reports_dir / 'index.html'}", file=out, flush=True)
    return runs


def copy_project(dest: Path, keep_raw=lambda name: True, source: Path = paths.ROOT) -> Path:
    """A throw-away copy of the project (notebooks, pyproject, a subset of data/raw) to run the
    collection on other inputs: point ``HELPERS_PROJECT_ROOT`` at it. The shared gold folder
    beside the project is linked so the accuracy sections still find it."""
    import shutil

    dest.mkdir(parents=True)
    shutil.copy(source / "pyproject.toml", dest / "pyproject.toml")
    shutil.copytree(source / "notebooks", dest / "notebooks")
    for folder in sorted((source / "data").iterdir()):  # templates and other inputs besides raw/
        if folder.is_dir() and folder.name not in {"raw", "clean"}:
            shutil.copytree(folder, dest / "data" / folder.name)
    raw = dest / "data" / "raw"
    raw.mkdir(parents=True)
    for f in sorted((source / "data" / "raw").iterdir()):
        if f.is_file() and keep_raw(f.name):
            shutil.copy(f, raw / f.name)
    shared = source.parent / "shared"
    if shared.exists() and not (dest.parent / "shared").exists():
        (dest.parent / "shared").symlink_to(shared)
    return dest


SEED_FILE = re.compile(r"^\d{3}_[0-9a-f]{16}\.\w+$")


def is_seed_or_table(name: str) -> bool:
    """The five seed reports and the project's reference tables (pairings, corrections)."""
    return bool(SEED_FILE.match(name)) or name in {"pairings.csv", "corrections.csv"}


def build_parser():
    import argparse

    ap = argparse.ArgumentParser(prog="python -m helpers run",
                                 description="Execute the notebooks with papermill and export HTML reports.")
    ap.add_argument("--only", nargs="+", action="extend", metavar="NAME",
                    help="run only these notebooks (stem, file name or number): --only 10 20")
    ap.add_argument("-p", "--parameter", nargs=2, action="append", metavar=("KEY", "VALUE"), default=[],
                    help="papermill parameter for the notebooks that declare it (YAML value)")
    return ap


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    params = {k: parse_parameter(v) for k, v in args.parameter}
    try:
        run_collection(only=args.only, parameters=params)
    except NotebookFailed as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0
