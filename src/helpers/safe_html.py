"""The one path by which anything from a report reaches HTML.

Report text, titles, file names and doc_ids are input: a scraped page may carry
``<img src=x onerror=...>`` in its first line, and a file may be named after such markup. Every
page this project writes (evidence pages, the reports index, notebook cells that show report
material) builds its markup from these functions, so nothing from the input is ever markup:

* ``esc``        text or attribute value, HTML-escaped (quotes too), NA → "".
* ``url``        a relative URL from path segments, each percent-encoded (then ``esc`` it, or
                 use ``link``).
* ``link``       ``<a href="...">label</a>`` with both parts made safe.
* ``page_name``  the evidence page file of a doc_id: injective, never ``index.html`` (a report
                 named ``index.txt`` must not overwrite the evidence index) and never a hidden
                 or path-like name.
* ``evidence_url`` a link target to one evidence page from a folder ``prefix``.
* ``fill``       an HTML template whose ``{placeholders}`` are filled with escaped values: the
                 way notebooks print a sentence that names a document (never Markdown, which
                 passes raw HTML through).

Notebooks show report material with ``IPython.display.HTML(fill(...))`` or a pandas table
(pandas escapes cells); ``Markdown`` is kept for the project's own words.
"""
from __future__ import annotations

import html
import string
from urllib.parse import quote

import pandas as pd

# Names the evidence folder uses itself (compared case-insensitively: macOS and Windows fold case).
RESERVED_PAGES = frozenset({"index"})
_SAFE_CHAR = set("-_.")


def text_of(v) -> str:
    """A cell as text: "" for None/NA, integral floats without ``.0``."""
    if v is None:
        return ""
    if not isinstance(v, str):
        try:
            if pd.isna(v):
                return ""
        except (TypeError, ValueError):
            pass
        if isinstance(v, float) and v.is_integer():
            return str(int(v))
    return str(v)


def esc(v) -> str:
    """Escape for element text and for double- or single-quoted attribute values."""
    return html.escape(text_of(v), quote=True)


def url(*segments) -> str:
    """A relative URL joining ``segments`` with '/', each one percent-encoded (a '/' inside a
    segment too), so a doc_id with '?', '#', '%', spaces or quotes stays one path segment."""
    return "/".join(quote(text_of(s), safe="") for s in segments)


def link(href: str, label) -> str:
    """An anchor: ``href`` (already built by ``url``) attribute-escaped, ``label`` escaped."""
    return f'<a href="{esc(href)}">{esc(label)}</a>'


def _encode(ch: str) -> str:
    return "".join(f"%{b:02X}" for b in ch.encode("utf-8"))


def page_name(doc_id) -> str:
    """File name of a document's evidence page.

    Letters, digits (any script: CJK names stay readable), '-', '_' and '.' are kept; every
    other character is percent-encoded as UTF-8, so two doc_ids never share a file. A doc_id
    that would name a reserved page (``index``) or a hidden file gets its first character
    encoded; nothing else is encoded that way, so the mapping stays one-to-one.
    """
    s = text_of(doc_id)
    out = [c if (c.isalnum() or c in _SAFE_CHAR) else _encode(c) for c in s]
    if out and (s.lower() in RESERVED_PAGES or s.startswith(".")):
        out[0] = _encode(s[0])
    return ("".join(out) or "%00") + ".html"


def evidence_url(doc_id, prefix: str = "evidence/") -> str:
    """Link target of a document's evidence page, from the folder that holds ``prefix``."""
    return prefix + quote(page_name(doc_id), safe="")


def evidence_link(doc_id, prefix: str = "evidence/", label=None) -> str:
    return link(evidence_url(doc_id, prefix), doc_id if label is None else label)


class _Escaped(string.Formatter):
    def format_field(self, value, format_spec):
        if isinstance(value, Raw):
            return str(value)
        if format_spec:
            return esc(format(value, format_spec))
        return esc(value)


class Raw(str):
    """Markup this project wrote itself (a link from ``link``), passed through by ``fill``."""


def fill(template: str, **values) -> str:
    """``template`` (the project's own HTML) with every ``{name}`` replaced by the escaped
    value; wrap markup the project built itself in ``Raw`` to keep it."""
    return _Escaped().format(template, **values)
