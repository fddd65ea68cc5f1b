"""Matplotlib styling with a CJK font that ships in a pip package.

Noto Sans CJK SC (SIL OFL 1.1) comes inside the ``mplfonts`` wheel. We register it with
matplotlib's font manager by file path, so nothing in the matplotlib installation changes and
nothing is downloaded.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

FONT_FILE = "NotoSansCJKsc-Regular.otf"


def cjk_font_path() -> Path:
    import mplfonts

    path = Path(mplfonts.__file__).resolve().parent / "fonts" / FONT_FILE
    if not path.exists():
        raise FileNotFoundError(
            f"{FONT_FILE} is missing from the mplfonts package at {path.parent}; "
            "reinstall the project's dependencies (pip install -e .)"
        )
    return path


@lru_cache(maxsize=1)
def use_cjk_font() -> str:
    """Register the bundled CJK font and make it matplotlib's default sans-serif font.

    Returns the font family name, for code that sets fonts explicitly (e.g. geopandas labels).
    """
    import matplotlib as mpl
    from matplotlib import font_manager

    path = cjk_font_path()
    font_manager.fontManager.addfont(str(path))
    name = font_manager.FontProperties(fname=str(path)).get_name()
    mpl.rcParams["font.family"] = "sans-serif"
    mpl.rcParams["font.sans-serif"] = [name, "DejaVu Sans"]
    # The CJK font has no U+2212 MINUS SIGN glyph; use the ASCII hyphen for negative ticks.
    mpl.rcParams["axes.unicode_minus"] = False
    mpl.rcParams["svg.fonttype"] = "none"
    return name
