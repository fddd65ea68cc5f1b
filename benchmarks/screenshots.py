"""Screenshots of the built reports in headless Chromium, to look at what a reader sees.

    .venv/bin/python benchmarks/screenshots.py [PAGE.html ...] [--out build/screenshots]
        [--width 1280] [--height 2400] [--system-fonts | --bundled-font]

Without page arguments: reports/index.html, the evidence index, the first evidence page, the
maps report and the models report. By default Chromium sees only the fonts of a private
fontconfig file (DejaVu, no CJK font at all), so any Chinese that the page does not carry itself
would show as boxes (tofu); ``--system-fonts`` uses the machine's fonts. Needs a ``chromium``
(or ``chromium-browser`` / ``google-chrome``) binary; prints the PNG paths it wrote.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "reports"

FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>{fontdir}</dir>
  <cachedir>{cache}</cachedir>
</fontconfig>
"""


def browser() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise SystemExit("no chromium binary found (Debian: apt-get install -y chromium)")


def default_pages() -> list[Path]:
    evidence = sorted(p for p in (REPORTS / "evidence").glob("*.html") if p.name != "index.html")
    pages = [REPORTS / "index.html", REPORTS / "evidence" / "index.html"]
    pages += evidence[:1]
    pages += [REPORTS / "10_pairing_maps.html", REPORTS / "20_input_output_models.html",
              REPORTS / "02_panel.html"]
    return [p for p in pages if p.exists()]


def latin_only_fonts(tmp: Path, with_cjk: bool = False) -> dict[str, str]:
    """A fontconfig setup with only DejaVu (no CJK): hides the system's CJK fonts.
    ``with_cjk`` adds the project's bundled Noto Sans CJK SC (to judge layout alone)."""
    fontdir = tmp / "fonts"
    fontdir.mkdir()
    for cand in ("/usr/share/fonts/truetype/dejavu",):
        if Path(cand).is_dir():
            for f in Path(cand).glob("*.ttf"):
                shutil.copy(f, fontdir / f.name)
    if with_cjk:
        from helpers.plotting import cjk_font_path

        os.symlink(cjk_font_path(), fontdir / cjk_font_path().name)
    conf = tmp / "fonts.conf"
    conf.write_text(FONTS_CONF.format(fontdir=fontdir, cache=tmp / "cache"))
    return {"FONTCONFIG_FILE": str(conf)}


def shoot(page: Path, out: Path, width: int, height: int, env: dict, profile: Path) -> Path:
    png = out / (page.parent.name + "_" + page.stem + ".png" if page.parent != REPORTS
                 else page.stem + ".png")
    cmd = [browser(), "--headless", "--no-sandbox", "--disable-gpu",
           "--disable-background-networking", "--no-first-run", "--hide-scrollbars",
           f"--user-data-dir={profile}", f"--window-size={width},{height}",
           "--virtual-time-budget=8000", f"--screenshot={png}", page.resolve().as_uri()]
    subprocess.run(cmd, env=env, check=True, capture_output=True, timeout=180)
    return png


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pages", nargs="*", type=Path)
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "screenshots")
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--height", type=int, default=2400)
    ap.add_argument("--system-fonts", action="store_true")
    ap.add_argument("--bundled-font", action="store_true",
                    help="let Chromium use the bundled Noto Sans CJK SC (layout check only)")
    args = ap.parse_args(argv)
    pages = args.pages or default_pages()
    if not pages:
        raise SystemExit("no reports to show: run `make all` first")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        env = dict(os.environ)
        if not args.system_fonts:
            env.update(latin_only_fonts(tmp, with_cjk=args.bundled_font))
        for page in pages:
            profile = Path(tempfile.mkdtemp(dir=tmp))
            print(shoot(page, args.out, args.width, args.height, env, profile))
    return 0


if __name__ == "__main__":
    sys.exit(main())
