"""Notebook parameters: their defaults, the name of a rerun's outputs, checks, loud warnings.

Each notebook's cell tagged ``parameters`` holds literal defaults (one ``name = value`` per line;
a comment after it may not contain ``=``, or papermill cannot parse the line and reports the
parameter as unknown). From that cell:

* ``defaults(notebook)``  the default values, read with ``ast`` (no execution).
* ``output_suffix(notebook, values)``  ``""`` when every value is its default, else a readable,
  file-name-safe suffix such as ``--years-2030`` or ``--indicator-employment_years-2019-2020``
  (a short hash is added when long). A rerun with other parameters writes its report, figures
  and tables under that suffix, so the default outputs are never overwritten — whether it was
  started by ``python -m helpers run -p ...`` or by papermill directly.
* ``check_choices``  every parameter against its allowed values, with a message that lists them.
* ``warn(message)``  shows a warning box in the report and marks it in the notebook's output,
  so that ``helpers run`` repeats it on the terminal (``warnings_in``).
"""
from __future__ import annotations

import ast
import hashlib
import json
import re
from pathlib import Path

from . import paths

WARNING_KEY = "helpers_warning"
_MAX_SUFFIX = 60


def _parameters_cell(notebook: Path) -> str:
    for cell in json.loads(Path(notebook).read_text(encoding="utf-8")).get("cells", []):
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            return "".join(cell.get("source", ""))
    return ""


def notebook_path(notebook) -> Path:
    """A notebook by path, file name or stem (``10_pairing_maps``) in ``paths.NOTEBOOKS``."""
    p = Path(notebook)
    if p.suffix == ".ipynb" and p.exists():
        return p
    name = p.name if p.suffix == ".ipynb" else f"{p.name}.ipynb"
    return paths.NOTEBOOKS / name


def defaults(notebook) -> dict:
    """Name → default value of the notebook's parameters cell (literals only)."""
    tree = ast.parse(_parameters_cell(notebook_path(notebook)))
    out = {}
    for node in tree.body:
        if isinstance(node, ast.Assign):
            for t in node.targets:
                if isinstance(t, ast.Name):
                    out[t.id] = ast.literal_eval(node.value)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value:
            out[node.target.id] = ast.literal_eval(node.value)
    return out


def _slug(value) -> str:
    if isinstance(value, (list, tuple)):
        text = "-".join(_slug(v) for v in value)
    elif value is None:
        text = "none"
    else:
        text = str(value)
    text = re.sub(r"[^\w.-]+", "-", text, flags=re.UNICODE).strip("-.")
    return text or "x"


def changed(notebook, values: dict, exclude=()) -> dict:
    """The parameters in ``values`` that differ from the notebook's defaults."""
    base = defaults(notebook)
    return {k: values[k] for k in sorted(base) if k in values and k not in exclude
            and values[k] != base[k]}


def output_suffix(notebook, values: dict, exclude=()) -> str:
    """``""`` for the default parameters, else ``--name-value_name-value`` (see module doc)."""
    diff = changed(notebook, values, exclude)
    if not diff:
        return ""
    text = "_".join(f"{k}-{_slug(v)}" for k, v in diff.items())
    if len(text) > _MAX_SUFFIX:
        digest = hashlib.sha256(json.dumps(diff, sort_keys=True, ensure_ascii=False,
                                           default=str).encode()).hexdigest()[:8]
        text = text[:_MAX_SUFFIX].rstrip("-_") + "-" + digest
    return "--" + text


def check_choices(**checks) -> None:
    """``check_choices(joint=(joint, ("donor", "split", "drop")), ...)``: raise ValueError
    naming every parameter whose value (or any element of a list value) is not allowed,
    with the allowed values."""
    problems = []
    for name, (value, choices) in checks.items():
        values = value if isinstance(value, (list, tuple)) else [value]
        bad = [v for v in values if v not in choices]
        if bad:
            shown = ", ".join(repr(c) for c in choices)
            problems.append(f"{name}={value!r}: {', '.join(map(repr, bad))} is not one of {shown}")
    if problems:
        raise ValueError("bad parameter value(s):\n  " + "\n  ".join(problems))


BOX = ('<div class="helpers-warning" role="alert" style="border:3px solid #c92a2a;'
       'background:#fff5f5;color:#c92a2a;padding:.8em 1em;margin:1em 0;font-size:1.15em;'
       'font-weight:bold">⚠ {message}</div>')


def warn(message: str) -> None:
    """Show ``message`` as a warning box in the report; ``helpers run`` prints it too."""
    from IPython.display import HTML, display

    from .safe_html import fill

    display(HTML(fill(BOX, message=message)), metadata={WARNING_KEY: str(message)})


def warnings_in(executed: Path) -> list[str]:
    """The ``warn`` messages of an executed notebook, in order."""
    try:
        cells = json.loads(Path(executed).read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError):
        return []
    out = []
    for cell in cells:
        for o in cell.get("outputs", []):
            msg = o.get("metadata", {}).get(WARNING_KEY)
            if msg:
                out.append(msg)
    return out
