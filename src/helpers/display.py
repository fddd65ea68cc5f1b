"""Numbers as people read them, in the reports: money in 万元 with thousands separators,
people and counts with their Chinese unit, no exponent notation (``2.023333e+07``).

The panel and the analytic tables keep yuan and persons (the codebook's units); only what is
shown on a page is converted here, so a reader never has to count zeros.
"""
from __future__ import annotations

import math

import pandas as pd

UNIT_LABELS = {"yuan": "万元", "person": "人", "person_time": "人次", "household": "户", "count": "个"}
UNIT_SCALE = {"yuan": 1e4}   # money is shown in 万元


def number(v, decimals: int | None = None) -> str:
    """``1,234,567`` / ``1,418.21`` / ``0.35``; "" for NA. ``decimals`` fixes the decimals;
    by default whole numbers show none and others two (three significant digits under 1)."""
    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return ""
    if isinstance(v, str):
        return v
    v = float(v)
    if decimals is not None:
        return f"{v:,.{decimals}f}"
    if v.is_integer():
        return f"{v:,.0f}"
    if abs(v) < 1:
        return f"{v:,.{max(2, 2 - math.floor(math.log10(abs(v))))}f}".rstrip("0").rstrip(".")
    return f"{v:,.2f}"


def in_display_unit(value, unit: str) -> float:
    return float(value) / UNIT_SCALE.get(unit, 1.0)


def amount(value, unit: str) -> str:
    """A panel value with its unit as shown to readers: ``1,418.21 万元``, ``13 人``."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    label = UNIT_LABELS.get(unit, unit or "")
    return f"{number(round(in_display_unit(value, unit), 2))} {label}".strip()


def yuan_columns_to_wan(df: pd.DataFrame, columns=None, suffix: str = " (万元)") -> pd.DataFrame:
    """Copy of ``df`` with money columns (yuan) divided by 10,000 and renamed ``<col> (万元)``.
    ``columns`` defaults to the money indicators of the codebook and ``*_yuan`` columns."""
    from .codebook import INDICATORS

    money = {i.name for i in INDICATORS if i.group == "input_money"}
    cols = columns if columns is not None else [
        c for c in df.columns if (c in money or str(c).endswith("_yuan"))
        and pd.api.types.is_numeric_dtype(df[c])]
    out = df.copy()
    for c in cols:
        out[c] = out[c] / 1e4
    return out.rename(columns={c: f"{str(c).removesuffix('_yuan')}{suffix}" for c in cols})


def readable_frame(df: pd.DataFrame):
    """A pandas Styler that prints every number with separators and at most two decimals
    (year-like integer columns without separators), cells escaped; for notebook display."""
    fmt = {}
    for c in df.columns:
        if pd.api.types.is_bool_dtype(df[c]) or not pd.api.types.is_numeric_dtype(df[c]):
            continue
        if str(c).lower() in {"year", "start_year", "end_year", "adcode"}:
            fmt[c] = lambda v: "" if pd.isna(v) else f"{int(v)}"
        else:
            fmt[c] = number
    return df.style.format(fmt, escape="html", na_rep="").hide(axis="index")
