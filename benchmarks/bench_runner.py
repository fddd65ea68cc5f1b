"""Time the whole collection on the five seed reports, notebook by notebook.

Builds a throw-away copy of the project whose data/raw holds only the seeds (the five files
named NNN_<hash>.txt) and runs ``python -m helpers run`` there, so the repository's own outputs
are untouched. Target (issue 2): at most 60 s wall time on a 2-core machine, install excluded.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = re.compile(r"^\d{3}_[0-9a-f]{16}\.\w+$")
TARGET_SECONDS = 60


def seed_project(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for name in ("pyproject.toml", "notebooks"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, dest / name)
    raw = dest / "data" / "raw"
    raw.mkdir(parents=True)
    for f in sorted((ROOT / "data" / "raw").iterdir()):
        if SEED.match(f.name) or f.name in {"pairings.csv", "corrections.csv"}:
            shutil.copy(f, raw / f.name)
    shared = ROOT.parent / "shared"
    if shared.exists():  # gold files, for the accuracy section of the panel notebook
        os.symlink(shared, dest.parent / "shared") if not (dest.parent / "shared").exists() else None
    return dest


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        project = seed_project(Path(tmp) / "project")
        env = dict(os.environ, HELPERS_PROJECT_ROOT=str(project))
        print(f"seeds: {len(list((project / 'data' / 'raw').glob('*.txt')))} reports; project copy {project}")
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
