"""A web font in every page, so Chinese renders on a machine without CJK fonts, offline.

The pages would otherwise rely on the reader's system fonts and show boxes (tofu) without them.
``font_face_css(text)`` subsets the bundled Noto Sans CJK SC (SIL OFL 1.1, from the ``mplfonts``
wheel; see ``helpers.plotting``) to the characters of ``text`` with fontTools and returns an
``@font-face`` rule with the WOFF inlined as a data URI, plus the rule that makes it the pages'
first font. ``embed(html)`` does both for a finished page. The subset is deterministic (no
timestamp), so reruns stay byte-identical; subsets are cached in memory by character set.
"""
from __future__ import annotations

import base64
import io
import re
from functools import lru_cache

FAMILY = "Report CJK"
STACK = f'"{FAMILY}","Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif'


@lru_cache(maxsize=16)
def _subset_woff(chars: str) -> bytes:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    from .plotting import cjk_font_path

    opts = subset.Options()
    opts.flavor = "woff"
    opts.layout_features = []      # no shaping features: plain CJK and Latin text needs none
    opts.hinting = False
    opts.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]   # keep the copyright and the OFL licence
    opts.notdef_outline = True
    font = TTFont(str(cjk_font_path()), lazy=True, recalcTimestamp=False)
    sub = subset.Subsetter(opts)
    sub.populate(text=chars)
    sub.subset(font)
    buf = io.BytesIO()
    font.save(buf)
    return buf.getvalue()


_JSON_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


def page_chars(text: str) -> str:
    """The characters a page can show: every non-ASCII character of it, those written as
    ``\\uXXXX`` in its scripts (plotly's JSON: the interactive map's labels) and printable ASCII."""
    chars = {c for c in text if ord(c) > 126} | {chr(i) for i in range(32, 127)}
    chars |= {chr(int(h, 16)) for h in _JSON_ESCAPE.findall(text) if int(h, 16) > 126}
    return "".join(sorted(c for c in chars if not 0xD800 <= ord(c) <= 0xDFFF))


def woff(text: str) -> bytes:
    return _subset_woff(page_chars(text))


def font_face_css(text: str, selector: str = "body", url: str | None = None) -> str:
    """``@font-face`` for the characters of ``text`` (inlined, or ``url`` of a shared file) and
    ``selector {font-family: ...}`` putting it first."""
    src = url or "data:font/woff;base64," + base64.b64encode(woff(text)).decode("ascii")
    return (f'@font-face{{font-family:"{FAMILY}";src:url("{src}") format("woff");'
            f"font-display:block}}\n{selector}{{font-family:{STACK}}}")


READER_SELECTORS = ("body, .jp-RenderedHTMLCommon, .jp-RenderedText pre, .jp-OutputArea-output pre, "
                    "h1, h2, h3, h4, th, td, code")


def embed(html: str, selector: str = READER_SELECTORS) -> str:
    """A finished page with its font subset embedded just before ``</head>``."""
    style = f"<style>{font_face_css(html, selector)}</style>\n"
    i = html.find("</head>")
    return html[:i] + style + html[i:] if i >= 0 else style + html
