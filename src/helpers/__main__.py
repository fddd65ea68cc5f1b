"""Command line: ``python -m helpers {run,panel,evaluate} ...``.

- ``run``       execute the notebooks (papermill) and export the HTML reports
- ``panel``     ingest + extraction on any folder: ``panel RAW_DIR --out OUT_DIR``
- ``facts``     reconcile a written panel into facts: ``facts OUT_DIR`` (after ``panel``)
- ``evaluate``  precision / recall / F1 of a panel against gold: ``evaluate GOLD.csv PANEL.csv``
"""
from __future__ import annotations

import importlib
import sys

COMMANDS = {
    "run": ("helpers.run", "execute the notebooks and export HTML reports"),
    "panel": ("helpers.panel", "ingest + extract a folder of reports: panel RAW_DIR --out OUT_DIR"),
    "facts": ("helpers.facts", "one reconciled fact per cell from a written panel: facts OUT_DIR"),
    "evaluate": ("helpers.evaluate", "score a panel against gold: evaluate GOLD.csv PANEL.csv"),
}


def usage() -> str:
    lines = ["usage: python -m helpers COMMAND [ARGS]", "", "commands:"]
    lines += [f"  {name:<9} {doc}" for name, (_, doc) in COMMANDS.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] in {"-h", "--help"}:
        print(usage())
        return 0 if argv else 2
    command, rest = argv[0], argv[1:]
    if command not in COMMANDS:
        print(f"unknown command {command!r}\n\n{usage()}", file=sys.stderr)
        return 2
    module = importlib.import_module(COMMANDS[command][0])
    return module.main(rest)


if __name__ == "__main__":
    sys.exit(main())
