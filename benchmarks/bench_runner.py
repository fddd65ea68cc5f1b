"""Time the whole collection on the five seed reports, notebook by notebook.

Runs ``python -m helpers run`` in a throw-away copy of the project whose data/raw holds only the
seeds, so the repository's own outputs are untouched. Target (issue 2): at most 60 s wall time
on a 2-core machine, install excluded.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from helpers.run import copy_project, is_seed_or_table

TARGET_SECONDS = 60


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "project", is_seed_or_table)
        env = dict(os.environ, HELPERS_PROJECT_ROOT=str(project))
        n = len(list((project / "data" / "raw").glob("*.txt")))
        print(f"collection on {n} seed reports (copy of the project in {project})", flush=True)
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "helpers", "run"], env=env, text=True,
                              capture_output=True)
        wall = time.perf_counter() - t0
        print(proc.stdout, end="")
        if proc.returncode:
            print(proc.stderr, file=sys.stderr)
            return proc.returncode
    verdict = "OK" if wall <= TARGET_SECONDS else "SLOWER THAN TARGET"
    print(f"total wall time {wall:.1f} s (target ≤ {TARGET_SECONDS} s): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
