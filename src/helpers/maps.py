"""Who helped whom, on a map: donor → recipient arcs and recipient fills from the panel.

The notebook ``10_pairing_maps`` calls these functions; everything that decides what is drawn
(filters, the split of a figure shared by several recipients, geometry) lives here so it can be
tested on a small synthetic panel.

* ``select_figures`` filters the panel (indicator, status, years, program, donor city, period)
  and drops exact restatements of one figure in two documents.
* ``arc_table`` sums a figure per donor → recipient pair. A figure stated for several recipients
  at once is split equally between them (``n_split`` counts such figures): the text does not
  say how it was shared, and the map must not draw the same yuan twice.
* ``recipient_table`` does the same per recipient (for the fill).
* ``static_map`` draws China (the dataset's provinces and boundary lines, the South China Sea
  islands in an inset as on official maps) with arcs and a zoomed panel of one province.
* ``interactive_map`` is a plotly figure drawn on plain x/y axes from our own polygons, so it
  needs no map tiles or topojson from the network; ``to_offline_html`` inlines plotly.js.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from .analysis import coerce_panel, drop_repeated_figures
from .codebook import INDICATOR_BY_NAME, PROGRAMS, STATUSES
from .display import UNIT_LABELS, UNIT_SCALE   # money is shown in 万元
from .gazetteer import adcode_within as _inside

# Albers equal-area conic for China (standard parallels 25°N and 47°N).
CHINA_ALBERS = "+proj=aea +lat_0=0 +lon_0=105 +lat_1=25 +lat_2=47 +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs"
# Mainland frame (lon/lat) and the South China Sea inset frame, as official maps crop them.
MAIN_EXTENT = (73.0, 17.5, 135.5, 54.0)
SCS_EXTENT = (106.0, 2.5, 123.0, 24.0)

PROGRAM_STYLE = {   # line style carries the program so it survives grey print
    "east_west": {"linestyle": "-", "label": "东西部扶贫协作"},
    "counterpart": {"linestyle": "--", "label": "对口支援"},
    "designated": {"linestyle": ":", "label": "省内协作/定点帮扶"},
    "mixed": {"linestyle": "-.", "label": "未区分"},
}


# ---------------------------------------------------------------------------------------------
# Selecting and aggregating figures

def _years(years) -> set[int] | None:
    if years is None or years == "all" or (isinstance(years, (list, tuple)) and not years):
        return None
    if isinstance(years, int):
        return {years}
    if isinstance(years, str):
        if "-" in years:
            a, b = years.split("-", 1)
            return set(range(int(a), int(b) + 1))
        return {int(y) for y in years.replace(";", ",").split(",") if y.strip()}
    return {int(y) for y in years}


def select_figures(panel: pd.DataFrame, indicator: str = "fiscal_aid", status: str = "actual",
                   years=None, program: str | None = None, donor_city: str | None = None,
                   period: str | None = "annual", unit: str | None = None, gz=None) -> pd.DataFrame:
    """The panel rows (or facts, ``helpers.facts``) a map shows, with donor_adcode added.

    ``period='annual'`` (default) leaves out cumulative figures, which restate several years
    and would be counted twice next to the annual ones; pass ``None`` to keep both.
    ``donor_city`` keeps donors inside that unit (``天津市``, ``大连市``, ``江苏省``).
    """
    is_facts = "fact_id" in panel.columns
    required = {"doc_id", "donor", "recipients", "program", "year", "period", "status",
                "indicator", "value", "unit"} - ({"doc_id"} if is_facts else set())
    missing = required - set(panel.columns)
    if missing:
        raise ValueError(f"panel lacks column(s) {sorted(missing)}")
    if indicator not in INDICATOR_BY_NAME:
        raise ValueError(f"unknown indicator {indicator!r}; one of {sorted(INDICATOR_BY_NAME)}")
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}; one of {STATUSES}")
    if program not in (None, "all") and program not in PROGRAMS:
        raise ValueError(f"unknown program {program!r}; one of {PROGRAMS}")
    gz = gz or _gazetteer()
    unit = unit or INDICATOR_BY_NAME[indicator].units[0]
    df = panel[(panel["indicator"] == indicator) & (panel["status"] == status)
               & (panel["unit"] == unit)].copy()
    if period:
        df = df[df["period"] == period]
    if program not in (None, "all"):
        df = df[df["program"] == program]
    ys = _years(years)
    if ys is not None:
        df = df[df["year"].astype(int).isin(ys)]
    if is_facts:
        df = _drawable_facts(df)
    else:
        # The same figure restated by two documents (a feature and a press conference) is one
        # figure; the analytic tables' rule decides, so the map and the tables add up the same rows.
        df = drop_repeated_figures(coerce_panel(df))
        df["doc_ids"] = [_join([d, also]) for d, also in zip(df["doc_id"], df["also_in"])]
        df = df.drop(columns=["doc_id", "_rset", "fig_id", "also_in"])
    df["donor_adcode"] = df["donor"].map(lambda d: _adcode(gz, d))
    if donor_city:
        city = gz.resolve(donor_city)
        if city is None:
            raise ValueError(f"donor_city {donor_city!r} is not a place the gazetteer knows")
        df = df[df["donor_adcode"].map(lambda c: bool(c) and _inside(c, city.adcode))]
    df["recipients"] = df["recipients"].fillna("").astype(str)
    if "recipient_adcodes" not in df.columns:
        df["recipient_adcodes"] = ""
    df["recipient_adcodes"] = [
        codes if isinstance(codes, str) and codes else
        ";".join(_adcode(gz, r) for r in names.split(";") if r) if names else ""
        for codes, names in zip(df["recipient_adcodes"], df["recipients"])]
    return df.reset_index(drop=True)


def _drawable_facts(facts: pd.DataFrame) -> pd.DataFrame:
    """Facts are one per cell already, with their documents. Of a total and the parts adding up
    to it the parts are drawn (finest geography); a fact inside a broader selected fact of the
    same donor that names recipients (``part_of``, any depth) is drawn by that one."""
    df = facts.copy()
    for c in ("recipients", "part_of", "recipient_adcodes"):
        df[c] = df[c].fillna("").astype(str)
    parent = dict(zip(df["fact_id"], df["part_of"]))
    kept = df[df["n_parts"].fillna(0).astype(int) == 0]
    drawn = {f: (d, r) for f, d, r in zip(kept["fact_id"], kept["donor"], kept["recipients"])}

    def covered(fact_id: str, donor: str) -> bool:
        p, seen = parent.get(fact_id, ""), {fact_id}
        while p and p not in seen:
            if p in drawn and drawn[p][0] == donor and drawn[p][1]:
                return True
            seen.add(p)
            p = parent.get(p, "")
        return False

    keep = pd.Series([not covered(f, d) for f, d in zip(kept["fact_id"], kept["donor"])],
                     index=kept.index, dtype=bool)     # (a plain empty list would select columns)
    return kept[keep].reset_index(drop=True)


def _adcode(gz, name: str) -> str:
    p = gz.resolve(name) if isinstance(name, str) and name else None
    return p.adcode if p is not None else ""


def _explode(df: pd.DataFrame) -> pd.DataFrame:
    """One row per (figure, recipient), the value split equally among a figure's recipients."""
    rows = []
    for r in df.itertuples(index=False):
        names = [x for x in r.recipients.split(";") if x]
        codes = [x for x in r.recipient_adcodes.split(";")] if r.recipient_adcodes else []
        if not names:
            continue
        codes = (codes + [""] * len(names))[:len(names)]
        share = float(r.value) / len(names)
        for name, code in zip(names, codes):
            rows.append({"donor": r.donor, "donor_adcode": r.donor_adcode, "recipient": name,
                         "recipient_adcode": code, "program": r.program, "year": int(r.year),
                         "value": share, "unit": r.unit, "split": len(names) > 1,
                         "doc_ids": r.doc_ids})
    cols = ["donor", "donor_adcode", "recipient", "recipient_adcode", "program", "year", "value",
            "unit", "split", "doc_ids"]
    return pd.DataFrame(rows, columns=cols)


def _join(values: Iterable[str]) -> str:
    return ";".join(sorted({x for v in values for x in str(v).split(";") if x}))


def arc_table(figures: pd.DataFrame, gz=None) -> pd.DataFrame:
    """Donor → recipient sums of the selected figures, with end points (lon/lat).

    Pairs whose donor or recipient has no place (ministries, unresolved names) are dropped
    here and counted by ``coverage``."""
    gz = gz or _gazetteer()
    long = _explode(figures)
    long = long[(long["donor_adcode"] != "") & (long["recipient_adcode"] != "")]
    cols = ["donor", "donor_adcode", "recipient", "recipient_adcode", "program", "value",
            "n_figures", "n_split", "years", "doc_ids", "unit",
            "donor_lon", "donor_lat", "recipient_lon", "recipient_lat", "km"]
    if long.empty:
        return pd.DataFrame(columns=cols)
    g = long.groupby(["donor", "donor_adcode", "recipient", "recipient_adcode", "unit"], sort=True)
    out = g.agg(value=("value", "sum"), n_figures=("value", "size"), n_split=("split", "sum"),
                program=("program", _join), years=("year", lambda s: _join(map(str, s))),
                doc_ids=("doc_ids", _join)).reset_index()
    out["n_split"] = out["n_split"].astype(int)
    out = _with_coordinates(out, gz)
    return out[cols].sort_values(["donor_adcode", "donor", "recipient_adcode", "recipient"]
                                 ).reset_index(drop=True)


def great_circle_km(lon0, lat0, lon1, lat1) -> np.ndarray:
    """Distance on a sphere of radius 6371 km (enough for '1,500 km west into Gansu')."""
    lon0, lat0, lon1, lat1 = (np.radians(np.asarray(v, dtype=float)) for v in (lon0, lat0, lon1, lat1))
    a = (np.sin((lat1 - lat0) / 2) ** 2
         + np.cos(lat0) * np.cos(lat1) * np.sin((lon1 - lon0) / 2) ** 2)
    return 2 * 6371.0 * np.arcsin(np.sqrt(a))


def pairing_arcs(pairings: pd.DataFrame, years=None, program: str | None = None,
                 donor_city: str | None = None, gz=None,
                 open_until: int | None = None) -> pd.DataFrame:
    """The reference pairings (data/raw/pairings.csv) in force in any of ``years`` (a blank
    start year counts as open; a blank end year as open up to ``open_until``, the latest year
    the sources speak of, so a selection of 2030 shows no pairing nobody has attested), as arcs
    with end points and distance."""
    gz = gz or _gazetteer()
    need = {"donor", "donor_adcode", "recipient", "recipient_adcode", "program", "start_year",
            "end_year", "source"}
    missing = need - set(pairings.columns)
    if missing:
        raise ValueError(f"pairings table lacks column(s) {sorted(missing)}")
    df = pairings.copy()
    for c in ("donor_adcode", "recipient_adcode", "start_year", "end_year"):
        df[c] = df[c].fillna("").astype(str).str.replace(r"\.0$", "", regex=True)
    # A pairing with a unit that is not a place (a central ministry or SOE) has no end point.
    df = df[(df["donor_adcode"] != "") & (df["recipient_adcode"] != "")]
    ys = _years(years)
    if ys is not None:
        lo, hi = min(ys), max(ys)
        start = df["start_year"].map(lambda v: int(v) if v else -10**6)
        end = df["end_year"].map(lambda v: int(v) if v else (open_until or 10**6))
        df = df[(start <= hi) & (end >= lo)]
    if program not in (None, "all"):
        df = df[df["program"] == program]
    if donor_city:
        city = gz.resolve(donor_city)
        if city is None:
            raise ValueError(f"donor_city {donor_city!r} is not a place the gazetteer knows")
        df = df[df["donor_adcode"].map(lambda c: _inside(c, city.adcode))]
    df = _with_coordinates(_one_row_per_pairing(df), gz)
    keep = ["donor", "donor_adcode", "recipient", "recipient_adcode", "program", "start_year",
            "end_year", "source", "donor_lon", "donor_lat", "recipient_lon", "recipient_lat", "km"]
    return df[keep].sort_values(["donor_adcode", "donor", "recipient_adcode", "recipient",
                                 "program", "start_year"]).reset_index(drop=True)


def _one_row_per_pairing(df: pd.DataFrame) -> pd.DataFrame:
    """Several sources may attest one pairing (pairings.csv keeps a row per source): one arc,
    from the earliest stated start to the latest end (open when a source leaves it open), with
    every source."""
    key = ["donor", "donor_adcode", "recipient", "recipient_adcode", "program"]
    if df.empty:
        return df
    g = df.groupby(key, sort=True)
    return g.agg(
        start_year=("start_year", lambda s: min((v for v in s if v), default="", key=int)),
        end_year=("end_year", lambda s: "" if (s == "").any() else max(s, key=int)),
        source=("source", lambda s: "; ".join(dict.fromkeys(v for v in s if v))),
    ).reset_index()


def recipient_table(figures: pd.DataFrame, gz=None) -> pd.DataFrame:
    """Per-recipient sums of the selected figures (for the fill), with level and donors."""
    gz = gz or _gazetteer()
    long = _explode(figures)
    long = long[long["recipient_adcode"] != ""]
    cols = ["recipient", "recipient_adcode", "level", "value", "n_figures", "n_split", "donors",
            "doc_ids", "unit"]
    if long.empty:
        return pd.DataFrame(columns=cols)
    g = long.groupby(["recipient", "recipient_adcode", "unit"], sort=True)
    out = g.agg(value=("value", "sum"), n_figures=("value", "size"), n_split=("split", "sum"),
                donors=("donor", _join), doc_ids=("doc_ids", _join)).reset_index()
    out["n_split"] = out["n_split"].astype(int)
    out["level"] = out["recipient_adcode"].map(lambda c: gz.by_adcode(c).level)
    return out[cols].sort_values(["recipient_adcode", "recipient"]).reset_index(drop=True)


def readable(arcs: pd.DataFrame) -> pd.DataFrame:
    """The arc (or fill) table with the value in the map's display unit (万元 for money)."""
    out = arcs.copy()
    if len(out):
        unit = str(out["unit"].iloc[0])
        scale = UNIT_SCALE.get(unit, 1.0)
        out.insert(out.columns.get_loc("value"), f"value ({UNIT_LABELS.get(unit, unit)})",
                   (out["value"] / scale).round(2))
        out = out.drop(columns=["value", "unit"])
    return out


def coverage(panel_rows: pd.DataFrame, arcs: pd.DataFrame) -> dict:
    """What the map leaves out of the selected figures (shown under the map)."""
    no_recipient = int((panel_rows["recipients"] == "").sum())
    no_donor_place = int((panel_rows["donor_adcode"] == "").sum())
    return {"figures": int(len(panel_rows)), "without_named_recipient": no_recipient,
            "donor_not_a_place": no_donor_place,
            "drawn_pairs": int(len(arcs)),
            "value_drawn": float(arcs["value"].sum()) if len(arcs) else 0.0}


def _with_coordinates(df: pd.DataFrame, gz) -> pd.DataFrame:
    """Add donor/recipient centroids (lon, lat) and the great-circle distance between them."""
    df = df.copy()
    for side in ("donor", "recipient"):
        pts = df[f"{side}_adcode"].map(lambda c: _point(gz, c))
        df[f"{side}_lon"] = [p[0] for p in pts]
        df[f"{side}_lat"] = [p[1] for p in pts]
    df["km"] = great_circle_km(df["donor_lon"], df["donor_lat"],
                               df["recipient_lon"], df["recipient_lat"]).round(0)
    return df


def _point(gz, adcode: str) -> tuple[float, float]:
    p = gz.by_adcode(adcode)
    return (p.lon, p.lat)


def _gazetteer():
    from helpers.gazetteer import get_gazetteer

    return get_gazetteer()


# ---------------------------------------------------------------------------------------------
# Geometry

def arc_points(x0: float, y0: float, x1: float, y1: float, bend: float = 0.18,
               n: int = 40) -> tuple[np.ndarray, np.ndarray]:
    """A quadratic Bézier from (x0, y0) to (x1, y1), bowed to the left of the direction of
    travel so that arcs between the same places in opposite directions do not overlap."""
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    dx, dy = x1 - x0, y1 - y0
    cx, cy = mx - dy * bend, my + dx * bend
    t = np.linspace(0.0, 1.0, n)
    x = (1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t ** 2 * x1
    y = (1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t ** 2 * y1
    return x, y


def line_widths(values: Sequence[float], lo: float = 0.8, hi: float = 6.0) -> np.ndarray:
    """Widths proportional to the square root of the values (area-like), between lo and hi."""
    v = np.sqrt(np.clip(np.asarray(values, dtype=float), 0, None))
    if len(v) == 0:
        return v
    top = v.max()
    if top <= 0:
        return np.full(len(v), lo)
    return lo + (hi - lo) * v / top


def nice_legend_values(vmax: float, k: int = 3) -> list[float]:
    """Round values (1, 2, 5 × 10^n) up to vmax for a width legend."""
    if vmax <= 0:
        return []
    out = []
    exp = math.floor(math.log10(vmax))
    for e in range(exp - 2, exp + 1):
        for m in (1, 2, 5):
            v = m * 10 ** e
            if v <= vmax:
                out.append(float(v))
    return out[-k:]


@dataclass
class MapLayers:
    """Projected geometries for the static map (built once, reused for every figure)."""
    provinces: object        # GeoDataFrame, Albers
    lines: object            # boundary lines (境界线), Albers
    counties: object         # county-level units, Albers
    prefectures: object      # prefecture-level units, Albers
    crs: str = CHINA_ALBERS


def load_layers(gz=None, simplify_m: float = 1500.0,
                provinces: Iterable[str] | None = None) -> MapLayers:
    """Projected, simplified polygons. ``provinces`` (adcodes) limits the county and
    prefecture layers to those provinces (a smaller, faster map); default: all of China."""
    from helpers.gazetteer import boundaries, boundary_lines

    gz = gz or _gazetteer()
    prov = boundaries("province", gz).to_crs(CHINA_ALBERS)
    prov["geometry"] = prov.geometry.simplify(simplify_m, preserve_topology=True)
    lines = boundary_lines().to_crs(CHINA_ALBERS)
    keep = {str(p)[:2] for p in provinces} if provinces is not None else None
    out = []
    for level, tol in (("county", simplify_m / 3), ("prefecture", simplify_m / 2)):
        g = boundaries(level, gz)
        if keep is not None:
            g = g[g["adcode"].str[:2].isin(keep)]
        g = g.to_crs(CHINA_ALBERS)
        g["geometry"] = g.geometry.simplify(tol, preserve_topology=True)
        out.append(g.reset_index(drop=True))
    return MapLayers(prov, lines, out[0], out[1])


def project_points(lon: Sequence[float], lat: Sequence[float], crs: str = CHINA_ALBERS):
    from pyproj import Transformer

    tr = Transformer.from_crs("EPSG:4490", crs, always_xy=True)
    x, y = tr.transform(np.asarray(lon, dtype=float), np.asarray(lat, dtype=float))
    return np.asarray(x), np.asarray(y)


def _extent_xy(extent, crs: str = CHINA_ALBERS):
    """Projected bounding box of a lon/lat frame (its edges sampled, since Albers bends them)."""
    lon0, lat0, lon1, lat1 = extent
    lons = np.concatenate([np.linspace(lon0, lon1, 50), np.full(50, lon1),
                           np.linspace(lon1, lon0, 50), np.full(50, lon0)])
    lats = np.concatenate([np.full(50, lat0), np.linspace(lat0, lat1, 50),
                           np.full(50, lat1), np.linspace(lat1, lat0, 50)])
    x, y = project_points(lons, lats, crs)
    return x.min(), x.max(), y.min(), y.max()


# ---------------------------------------------------------------------------------------------
# Static map (matplotlib)

REFERENCE_COLOUR = "#8c8c8c"
PROGRAM_COLOURS = {"east_west": "#1f78b4", "counterpart": "#6a3d9a", "designated": "#33a02c",
                   "mixed": "#777777"}


def _figure_layout(zoom: bool):
    """Figure and axes: the map(s) on top, a strip below them for the legends, so that no legend
    covers the geography."""
    import matplotlib.pyplot as plt

    if zoom:
        fig = plt.figure(figsize=(13, 7.8))
        ax = fig.add_axes((0.01, 0.24, 0.58, 0.70))
        axz = fig.add_axes((0.61, 0.30, 0.38, 0.64))
        legend_box, cbar_box = (0.01, 0.21), (0.63, 0.22, 0.34, 0.022)
    else:
        fig = plt.figure(figsize=(9.5, 7.9))
        ax = fig.add_axes((0.02, 0.17, 0.96, 0.77))
        axz = None
        legend_box, cbar_box = (0.02, 0.155), (0.56, 0.11, 0.40, 0.02)
    return fig, ax, axz, legend_box, cbar_box


def static_map(arcs: pd.DataFrame, fills: pd.DataFrame, layers: MapLayers, *,
               indicator: str = "fiscal_aid", fill_indicator: str | None = None,
               zoom_province: str | None = "620000", title: str = "", gz=None,
               cmap: str = "viridis_r", label_recipients: bool = True,
               reference: pd.DataFrame | None = None, note: str = ""):
    """China with donor → recipient arcs (width = value) and recipients filled by value, a
    South China Sea inset, and a zoomed panel of one province (default 甘肃省).
    ``reference`` (from ``pairing_arcs``) adds every known pairing as a thin grey arc. Legends
    sit in a strip under the maps; labels are moved apart (adjustText) so none overlap.
    ``note`` is printed large across an empty map (e.g. "no figures match the selection")."""
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.ticker import FuncFormatter

    from helpers.plotting import use_cjk_font

    use_cjk_font()
    gz = gz or _gazetteer()
    fill_indicator = fill_indicator or indicator
    zoom = zoom_province and any(
        _inside(c, zoom_province) for c in list(arcs.get("recipient_adcode", []))
        + list(fills.get("recipient_adcode", [])))
    fig, ax, axz, legend_box, cbar_box = _figure_layout(bool(zoom))

    norm, cm = _fill_norm(fills, cmap)
    _draw_base(ax, layers, fills, norm, cm, MAIN_EXTENT)
    _draw_reference(ax, reference, layers.crs)
    _draw_arcs(ax, arcs, layers.crs)
    # without a zoomed panel the recipients are labelled on the main map
    _label(ax, arcs, fills, gz, layers.crs, small=True,
           recipients=label_recipients and not zoom)
    ax.set_title(title or _default_title(indicator, arcs), fontsize=13)
    if note:
        ax.text(0.5, 0.55, note, transform=ax.transAxes, ha="center", va="center", fontsize=15,
                color="#c92a2a", wrap=True,
                bbox=dict(boxstyle="round", facecolor="white", edgecolor="#c92a2a"), zorder=20)

    # The South China Sea islands, at the lower right as on official maps of China.
    axi = ax.inset_axes((0.80, 0.0, 0.20, 0.30))
    _draw_base(axi, layers, fills, norm, cm, SCS_EXTENT, lw=0.3)
    axi.set_title("南海诸岛", fontsize=7, pad=1)
    for s in axi.spines.values():
        s.set_linewidth(0.6)

    if axz is not None:
        prov = gz.by_adcode(zoom_province)
        sub = layers.counties[layers.counties["adcode"].str[:2] == zoom_province[:2]]
        x0, y0, x1, y1 = sub.total_bounds
        pad = 0.04 * max(x1 - x0, y1 - y0)
        _draw_base(axz, layers, fills, norm, cm, None, lw=0.5, county_outline=zoom_province)
        layers.provinces[layers.provinces["adcode"] == zoom_province].plot(
            ax=axz, facecolor="none", edgecolor="black", linewidth=1.0)
        axz.set_xlim(x0 - pad, x1 + pad)
        axz.set_ylim(y0 - pad, y1 + pad)
        _draw_reference(axz, reference, layers.crs)
        _draw_arcs(axz, arcs, layers.crs)
        # only the zoomed province's recipients: its neighbours' labels would pile up at the edge
        _label(axz, arcs[arcs["recipient_adcode"].map(lambda c: _inside(c, zoom_province))],
               fills[fills["recipient_adcode"].map(lambda c: _inside(c, zoom_province))],
               gz, layers.crs, small=False, recipients=label_recipients, donors=False)
        axz.set_title(f"{prov.name}（放大）", fontsize=11)
        axz.set_xlabel("")
        axz.set_ylabel("")

    # Legends, under the maps: arc widths with units, program line styles, markers; colour bar.
    unit = _unit_of(arcs, fills)
    label = UNIT_LABELS.get(unit, unit)
    scale = UNIT_SCALE.get(unit, 1.0)
    handles = []
    if len(arcs):
        vmax = float(arcs["value"].max())
        for v in nice_legend_values(vmax):
            w = line_widths([vmax, v])[1]
            handles.append(Line2D([], [], color="#d95f02", lw=w, label=f"{v / scale:,.0f} {label}"))
        for prog in sorted({p for ps in arcs["program"] for p in ps.split(";") if p}):
            st = PROGRAM_STYLE.get(prog, PROGRAM_STYLE["mixed"])
            handles.append(Line2D([], [], color="#444444", lw=1.2, linestyle=st["linestyle"],
                                  label=st["label"]))
    if reference is not None and len(reference):
        handles.append(Line2D([], [], color=REFERENCE_COLOUR, lw=0.7,
                              label=f"已知结对关系（{len(reference)} 对，含无数字者）"))
    handles.append(Line2D([], [], marker="^", color="none", markerfacecolor="#d95f02",
                          markeredgecolor="black", markersize=8, label="帮扶方（城市，帮扶单位数）"))
    handles.append(Line2D([], [], marker="o", color="none", markerfacecolor="white",
                          markeredgecolor="black", markersize=6, label="受援地"))
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=legend_box, ncol=3, fontsize=8,
               frameon=False, title=f"线宽：{_indicator_label(indicator)}", title_fontsize=9,
               alignment="left")
    if norm is not None:
        cax = fig.add_axes(cbar_box)
        sm = plt.cm.ScalarMappable(norm=norm, cmap=cm)
        cb = fig.colorbar(sm, cax=cax, orientation="horizontal")
        funit = _unit_of(fills, fills)
        cb.set_label(f"受援县填色：{_indicator_label(fill_indicator)}（{UNIT_LABELS.get(funit, funit)}）",
                     fontsize=9)
        fscale = UNIT_SCALE.get(funit, 1.0)
        cb.ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v / fscale:,.0f}"))
        cb.ax.tick_params(labelsize=8)
    return fig


def pairings_map(reference: pd.DataFrame, layers: MapLayers, *, title: str = "", gz=None):
    """Every known pairing (``pairing_arcs`` output), whatever the panel holds: arcs coloured by
    program from each donor to its recipient, donors labelled once per province-level unit
    with their number of pairings, recipient provinces with theirs; legends under the map."""
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    from helpers.plotting import use_cjk_font

    use_cjk_font()
    gz = gz or _gazetteer()
    fig, ax, _, legend_box, _ = _figure_layout(False)
    _draw_base(ax, layers, pd.DataFrame(), None, None, MAIN_EXTENT)
    axi = ax.inset_axes((0.80, 0.0, 0.20, 0.30))
    _draw_base(axi, layers, pd.DataFrame(), None, None, SCS_EXTENT, lw=0.3)
    axi.set_title("南海诸岛", fontsize=7, pad=1)
    texts, obstacles = [], ([], [])
    if len(reference):
        dx, dy = project_points(reference["donor_lon"], reference["donor_lat"], layers.crs)
        rx, ry = project_points(reference["recipient_lon"], reference["recipient_lat"], layers.crs)
        progs = reference["program"].astype(str).tolist()
        for i in range(len(reference)):
            x, y = arc_points(dx[i], dy[i], rx[i], ry[i])
            ax.plot(x, y, color=PROGRAM_COLOURS.get(progs[i], PROGRAM_COLOURS["mixed"]),
                    lw=0.45, alpha=0.45, zorder=3)
        ax.scatter(rx, ry, s=5, color="#333333", zorder=4, linewidths=0)
        # one label per donor province-level unit and per recipient province, with counts
        prov_of = [str(c)[:2] + "0000" for c in reference["donor_adcode"]]
        donors = pd.Series(prov_of).value_counts().sort_index()
        for code, n in donors.items():
            p = gz.by_adcode(code)
            x, y = project_points([p.lon], [p.lat], layers.crs)
            ax.scatter(x, y, s=40, marker="^", facecolor="#d95f02", edgecolor="black",
                       linewidth=0.5, zorder=6)
            texts.append(ax.text(x[0], y[0], f"{_short_province(p.name)} {n}", fontsize=8,
                                 color="#7a2e00", zorder=7))
            obstacles[0].append(x[0])
            obstacles[1].append(y[0])
        recips = pd.Series([str(c)[:2] + "0000" for c in reference["recipient_adcode"]])
        for code, n in recips.value_counts().sort_index().items():
            if code in set(donors.index):
                continue
            p = gz.by_adcode(code)
            x, y = project_points([p.lon], [p.lat], layers.crs)
            texts.append(ax.text(x[0], y[0], f"{_short_province(p.name)} {n}", fontsize=8,
                                 color="#222222", style="italic", zorder=7))
            obstacles[0].append(x[0])
            obstacles[1].append(y[0])
        _spread(ax, texts, *obstacles)
    ax.set_title(title or f"已知结对帮扶关系（{len(reference)} 对）", fontsize=13)
    handles = [Line2D([], [], color=PROGRAM_COLOURS[p], lw=1.5,
                      label=f"{PROGRAM_STYLE[p]['label']}（{int((reference['program'] == p).sum())}）")
               for p in PROGRAM_COLOURS if p != "mixed" and (reference["program"] == p).any()]
    handles.append(Line2D([], [], marker="^", color="none", markerfacecolor="#d95f02",
                          markeredgecolor="black", markersize=8, label="帮扶方（省级单位：结对数）"))
    handles.append(Line2D([], [], marker="o", color="none", markerfacecolor="#333333",
                          markersize=4, label="受援地（黑字：受援省份的结对数）"))
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=legend_box, ncol=3, fontsize=8,
               frameon=False, alignment="left")
    return fig


def _short_province(name: str) -> str:
    for suffix in ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def _fill_norm(fills: pd.DataFrame, cmap: str):
    import matplotlib.pyplot as plt
    from matplotlib import colors as mcolors

    county = fills[fills["level"].isin(["county", "zone", "township"])] if len(fills) else fills
    if county.empty or float(county["value"].max()) <= 0:
        return None, plt.get_cmap(cmap)
    vmax = float(county["value"].max())
    return mcolors.Normalize(vmin=0, vmax=vmax), plt.get_cmap(cmap)


def _draw_base(ax, layers: MapLayers, fills, norm, cm, extent, lw: float = 0.4,
               county_outline: str | None = None):
    layers.provinces.plot(ax=ax, facecolor="#f2f2f2", edgecolor="#7f7f7f", linewidth=lw)
    if county_outline:
        sub = layers.counties[layers.counties["adcode"].str[:2] == county_outline[:2]]
        sub.plot(ax=ax, facecolor="none", edgecolor="#b0b0b0", linewidth=0.3)
    if norm is not None and len(fills):
        vals = fills[fills["level"].isin(["county", "zone", "township"])]
        vals = vals.groupby("recipient_adcode")["value"].sum()
        shade = layers.counties[layers.counties["adcode"].isin(vals.index)].copy()
        shade["value"] = shade["adcode"].map(vals)
        if len(shade):
            shade.plot(ax=ax, color=[cm(norm(v)) for v in shade["value"]], edgecolor="#404040",
                       linewidth=0.3)
        # recipients named only as a prefecture or province: hatched outline, no colour
        for level, layer in (("prefecture", layers.prefectures), ("province", layers.provinces)):
            codes = set(fills[fills["level"] == level]["recipient_adcode"])
            g = layer[layer["adcode"].isin(codes)]
            if len(g):
                g.plot(ax=ax, facecolor="none", edgecolor="#a0a0a0", hatch="//", linewidth=0.4)
    layers.lines.plot(ax=ax, color="#555555", linewidth=lw * 1.5)
    if extent is not None:
        x0, x1, y0, y1 = _extent_xy(extent, layers.crs)
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")


def _draw_reference(ax, ref: pd.DataFrame | None, crs: str):
    """Known pairings as thin grey arcs; with hundreds of them (national coverage) thinner and
    lighter, so that they read as a background and the panel's arcs stay on top."""
    if ref is None or ref.empty:
        return
    dx, dy = project_points(ref["donor_lon"], ref["donor_lat"], crs)
    rx, ry = project_points(ref["recipient_lon"], ref["recipient_lat"], crs)
    many = len(ref) > 120
    for i in range(len(ref)):
        x, y = arc_points(dx[i], dy[i], rx[i], ry[i])
        ax.plot(x, y, color=REFERENCE_COLOUR, lw=0.35 if many else 0.6,
                alpha=0.45 if many else 0.8, zorder=3)
    ax.scatter(rx, ry, s=3 if many else 6, color=REFERENCE_COLOUR, zorder=3, linewidths=0)


def _draw_arcs(ax, arcs: pd.DataFrame, crs: str):
    if arcs.empty:
        return
    dx, dy = project_points(arcs["donor_lon"], arcs["donor_lat"], crs)
    rx, ry = project_points(arcs["recipient_lon"], arcs["recipient_lat"], crs)
    widths = line_widths(arcs["value"])
    order = np.argsort(-np.asarray(arcs["value"], dtype=float), kind="stable")
    for i in order:
        prog = arcs["program"].iloc[i].split(";")
        style = PROGRAM_STYLE.get(prog[0] if len(prog) == 1 else "mixed", PROGRAM_STYLE["mixed"])
        x, y = arc_points(dx[i], dy[i], rx[i], ry[i])
        ax.plot(x, y, color="#d95f02", alpha=0.75, lw=widths[i], linestyle=style["linestyle"],
                solid_capstyle="round", zorder=4)
    ax.scatter(rx, ry, s=14, facecolor="white", edgecolor="black", linewidth=0.6, zorder=5)
    ax.scatter(dx, dy, s=46, marker="^", facecolor="#d95f02", edgecolor="black", linewidth=0.6,
               zorder=6)


def _short(name: str) -> str:
    from helpers.gazetteer import autonomous_base

    auto = autonomous_base(name)
    if auto:
        return auto[0] + auto[1]
    return name


def _donor_city(gz, code: str):
    """The city a donor belongs to (a municipality, a prefecture-level city or a province)."""
    p = gz.by_adcode(code)
    if p.level in ("province", "prefecture"):
        return p
    if p.prefecture:
        return gz.by_adcode(code[:4] + "00")
    return gz.by_adcode(code[:2] + "0000")


def _spread(ax, texts, xs, ys):
    """Move labels apart so none overlaps another label or a marker (``xs``/``ys``: every marker
    of the axes), with a thin leader line back to its place when moved (adjustText; a fixed
    number of iterations, not a time limit, so the result is the same on every run)."""
    if not texts:
        return
    from adjustText import adjust_text

    adjust_text(texts, x=list(xs), y=list(ys), ax=ax, iter_lim=400, expand=(1.15, 1.4),
                force_text=(0.3, 0.5), force_static=(0.3, 0.5), max_move=(30, 30),
                ensure_inside_axes=True, min_arrow_len=4,
                arrowprops=dict(arrowstyle="-", color="#666666", lw=0.4, shrinkA=0, shrinkB=2))


def _marker_points(arcs: pd.DataFrame, crs: str) -> tuple[list, list]:
    if arcs is None or not len(arcs):
        return [], []
    dx, dy = project_points(arcs["donor_lon"], arcs["donor_lat"], crs)
    rx, ry = project_points(arcs["recipient_lon"], arcs["recipient_lat"], crs)
    return list(dx) + list(rx), list(dy) + list(ry)


def _label(ax, arcs, fills, gz, crs, small: bool, recipients: bool = True, donors: bool = True,
           bbox=None):
    """Donors are labelled once per city (天津市（9）) so that a city's districts do not write
    over each other; recipients by their short name, those inside ``bbox`` only; all labels are
    then moved apart (``_spread``)."""
    size = 7 if small else 8
    texts, xs, ys = [], [], []
    if donors and len(arcs):
        groups: dict[str, set] = {}
        for name, code in zip(arcs["donor"], arcs["donor_adcode"]):
            city = _donor_city(gz, code)
            groups.setdefault(city.adcode, set()).add(name)
        for code in sorted(groups):
            city = gz.by_adcode(code)
            names = groups[code]
            own = [n for n in names if n == city.full_name]
            text = city.name if len(names) == 1 and own else f"{city.name}（{len(names)}）"
            if len(names) == 1 and not own:
                p = gz.resolve(next(iter(names)))
                text = p.name if p is not None else next(iter(names))
            xi, yi = project_points([city.lon], [city.lat], crs)
            texts.append(ax.text(xi[0], yi[0], text, fontsize=size, color="#7a2e00", zorder=7))
            xs.append(xi[0])
            ys.append(yi[0])
    if recipients:
        # label with the name the panel uses (水城县 in a 2020 report), not today's (水城区)
        named: dict[str, str] = {}
        for df in (fills, arcs):
            if len(df):
                for code, name in zip(df["recipient_adcode"], df["recipient"]):
                    named.setdefault(code, name)
        for code in sorted(named):
            p = gz.resolve(named[code]) or gz.by_adcode(code)
            xi, yi = project_points([p.lon], [p.lat], crs)
            if bbox is not None and not (bbox[0] <= xi[0] <= bbox[2] and bbox[1] <= yi[0] <= bbox[3]):
                continue
            texts.append(ax.text(xi[0], yi[0], _short(p.name), fontsize=size, color="black",
                                 zorder=7))
            xs.append(xi[0])
            ys.append(yi[0])
    mx, my = _marker_points(arcs, crs)
    _spread(ax, texts, xs + mx, ys + my)


def _unit_of(df: pd.DataFrame, other: pd.DataFrame) -> str:
    for d in (df, other):
        if len(d) and "unit" in d.columns:
            return str(d["unit"].iloc[0])
    return "yuan"


def _indicator_label(indicator: str) -> str:
    ex = INDICATOR_BY_NAME[indicator].examples if indicator in INDICATOR_BY_NAME else ()
    return f"{indicator}（{ex[0]}）" if ex else indicator


def _default_title(indicator: str, arcs: pd.DataFrame) -> str:
    years = sorted({y for ys in arcs.get("years", []) for y in str(ys).split(";") if y})
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else (years[0] if years else "")
    return f"东西部扶贫协作与对口支援：谁帮扶谁 · {_indicator_label(indicator)} {span}".strip()


def save_figure(fig, stem: str, folder: Path | None = None) -> list[Path]:
    """PNG and SVG with fixed metadata and SVG ids, so reruns give identical files."""
    import matplotlib as mpl

    from helpers.paths import FIGURES

    folder = Path(folder or FIGURES)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    # One Agg draw first: label leader lines (adjustText) settle on the first draw, so that the
    # SVG and PNG of this call and of any later call are the same drawing.
    fig.canvas.draw()
    with mpl.rc_context({"svg.hashsalt": "pairing-maps", "svg.fonttype": "none"}):
        svg = folder / f"{stem}.svg"
        fig.savefig(svg, format="svg", metadata={"Date": None, "Creator": None})
        png = folder / f"{stem}.png"
        fig.savefig(png, format="png", dpi=150, metadata={"Software": None})
        out += [png, svg]
    return out


# ---------------------------------------------------------------------------------------------
# Interactive map (plotly, no network)

def _rgba(rgba, alpha: float = 0.85) -> str:
    return f"rgba({int(rgba[0] * 255)},{int(rgba[1] * 255)},{int(rgba[2] * 255)},{alpha})"


def _base_traces(fig, layers: MapLayers, xaxis: str = "x", yaxis: str = "y"):
    import plotly.graph_objects as go

    xs, ys = _outline_xy(layers.provinces.geometry.simplify(4000))
    fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line=dict(color="#9a9a9a", width=0.7),
                             hoverinfo="skip", showlegend=False, name="省界", xaxis=xaxis, yaxis=yaxis))
    lx, ly = _outline_xy(layers.lines.geometry)
    fig.add_trace(go.Scatter(x=lx, y=ly, mode="lines", line=dict(color="#555555", width=1),
                             hoverinfo="skip", showlegend=False, name="境界线", xaxis=xaxis, yaxis=yaxis))


def interactive_map(arcs: pd.DataFrame, fills: pd.DataFrame, layers: MapLayers, *,
                    indicator: str = "fiscal_aid", fill_indicator: str | None = None,
                    title: str = "", gz=None, reference: pd.DataFrame | None = None):
    """A plotly figure on plain axes (projected metres): province outlines, recipient counties
    filled by value (with a colour bar), arcs with hover text naming donor, recipient, the
    figures and documents, the known pairings as thin grey arcs, a legend for arc widths,
    programs and markers, and the South China Sea islands in an inset. Text from the data is
    HTML-escaped (plotly renders a subset of HTML in hover text)."""
    import matplotlib.pyplot as plt
    import plotly.graph_objects as go

    from .safe_html import esc

    gz = gz or _gazetteer()
    fill_indicator = fill_indicator or indicator
    fig = go.Figure()
    _base_traces(fig, layers)
    unit = _unit_of(arcs, fills)
    scale = UNIT_SCALE.get(unit, 1.0)
    ulabel = UNIT_LABELS.get(unit, unit)
    if reference is not None and len(reference):
        dx, dy = project_points(reference["donor_lon"], reference["donor_lat"], layers.crs)
        rx, ry = project_points(reference["recipient_lon"], reference["recipient_lat"], layers.crs)
        xs, ys, texts = [], [], []
        for i, r in enumerate(reference.itertuples(index=False)):
            x, y = arc_points(dx[i], dy[i], rx[i], ry[i], n=16)
            years = f"{r.start_year or '…'}–{r.end_year or '…'}"
            t = (f"已知结对：{esc(r.donor)} → {esc(r.recipient)}<br>{esc(r.program)} · {esc(years)}"
                 f" · {esc(_km(r.km))}<br>来源：{esc(str(r.source)[:80])}")
            xs += [round(float(v)) for v in x] + [None]
            ys += [round(float(v)) for v in y] + [None]
            texts += [t] * len(x) + [None]
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", text=texts, hoverinfo="text",
                                 line=dict(color="rgba(140,140,140,0.45)", width=0.8),
                                 name=f"已知结对关系（{len(reference)} 对）", legendgroup="ref"))
    if len(fills):
        ffunit = _unit_of(fills, fills)
        fscale = UNIT_SCALE.get(ffunit, 1.0)
        county = fills[fills["level"].isin(["county", "zone", "township"])]
        vmax = float(county["value"].max()) if len(county) else 0.0
        shapes = layers.counties.set_index("adcode")
        cm = plt.get_cmap("viridis_r")
        for r in county.itertuples(index=False):
            if r.recipient_adcode not in shapes.index:
                continue
            gx, gy = _outline_xy([shapes.loc[r.recipient_adcode, "geometry"]])
            fig.add_trace(go.Scatter(
                x=gx, y=gy, fill="toself", mode="lines",
                fillcolor=_rgba(cm(r.value / vmax if vmax else 0)),
                line=dict(color="#404040", width=0.5), showlegend=False,
                hoveron="fills", name=esc(r.recipient),
                text=f"{esc(r.recipient)}<br>{esc(_indicator_label(fill_indicator))}："
                     f"{r.value / fscale:,.1f} {esc(UNIT_LABELS.get(ffunit, ffunit))}"
                     f"<br>帮扶方：{esc(r.donors)}<br>文件：{esc(r.doc_ids)}", hoverinfo="text"))
        if vmax > 0:   # the colour bar, on an invisible marker trace
            fig.add_trace(go.Scatter(
                x=[None], y=[None], mode="markers", showlegend=False, hoverinfo="skip",
                marker=dict(colorscale=[[k / 10, _rgba(cm(k / 10), 1)] for k in range(11)],
                            cmin=0, cmax=vmax / fscale, color=[0], showscale=True,
                            colorbar=dict(title=dict(text=f"受援县填色<br>{esc(fill_indicator)}"
                                                          f"（{esc(UNIT_LABELS.get(ffunit, ffunit))}）",
                                                     side="top"),
                                          orientation="h", x=0.72, y=-0.02, len=0.5,
                                          xanchor="center", yanchor="top", thickness=12,
                                          tickformat=",.0f"))))
    if len(arcs):
        dx, dy = project_points(arcs["donor_lon"], arcs["donor_lat"], layers.crs)
        rx, ry = project_points(arcs["recipient_lon"], arcs["recipient_lat"], layers.crs)
        widths = line_widths(arcs["value"], 1.0, 9.0)
        mid_x, mid_y, hover = [], [], []
        for i, r in enumerate(arcs.itertuples(index=False)):
            x, y = arc_points(dx[i], dy[i], rx[i], ry[i])
            dash = _dash(r.program)
            text = (f"{esc(r.donor)} → {esc(r.recipient)}<br>{esc(_indicator_label(indicator))}："
                    f"{r.value / scale:,.1f} {esc(ulabel)}（{r.n_figures} 项数字"
                    f"{'，其中 %d 项按受援地均分' % r.n_split if r.n_split else ''}）"
                    f"<br>年份：{esc(r.years)}　项目：{esc(r.program)}<br>文件：{esc(r.doc_ids)}")
            fig.add_trace(go.Scatter(x=x, y=y, mode="lines", showlegend=False,
                                     line=dict(color="rgba(217,95,2,0.7)", width=float(widths[i]),
                                               dash=dash), legendgroup="arcs",
                                     hoverinfo="text", text=text, name=esc(f"{r.donor}→{r.recipient}")))
            mid_x.append(x[len(x) // 2])
            mid_y.append(y[len(y) // 2])
            hover.append(text)
        fig.add_trace(go.Scatter(x=mid_x, y=mid_y, mode="markers", marker=dict(size=9, opacity=0),
                                 hoverinfo="text", text=hover, showlegend=False, name="arcs"))
        # legend: arc widths with units, then line styles per program
        vmax = float(arcs["value"].max())
        for v in nice_legend_values(vmax):
            w = float(line_widths([vmax, v], 1.0, 9.0)[1])
            fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", hoverinfo="skip",
                                     line=dict(color="rgba(217,95,2,0.7)", width=w),
                                     name=f"{v / scale:,.0f} {esc(ulabel)}", legendgroup="width",
                                     legendgrouptitle=dict(text=esc(f"线宽：{_indicator_label(indicator)}"))))
        for prog in sorted({p for ps in arcs["program"] for p in ps.split(";") if p}):
            fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", hoverinfo="skip",
                                     line=dict(color="#444444", width=1.5, dash=_dash(prog)),
                                     name=PROGRAM_STYLE.get(prog, PROGRAM_STYLE["mixed"])["label"],
                                     legendgroup="program"))
        # one marker per donor (hover: its name), one label per donor city (readable)
        dpts = arcs.drop_duplicates("donor")
        ddx, ddy = project_points(dpts["donor_lon"], dpts["donor_lat"], layers.crs)
        fig.add_trace(go.Scatter(x=ddx, y=ddy, mode="markers", text=[esc(d) for d in dpts["donor"]],
                                 marker=dict(symbol="triangle-up", size=11, color="#d95f02",
                                             line=dict(color="black", width=1)),
                                 name="帮扶方", hoverinfo="text"))
        cities: dict[str, list[str]] = {}
        for name, code in zip(dpts["donor"], dpts["donor_adcode"]):
            cities.setdefault(_donor_city(gz, code).adcode, []).append(name)
        cx, cy = project_points([gz.by_adcode(c).lon for c in sorted(cities)],
                                [gz.by_adcode(c).lat for c in sorted(cities)], layers.crs)
        fig.add_trace(go.Scatter(
            x=cx, y=cy, mode="text", textposition="middle right", showlegend=False,
            text=["\u2002" + esc(gz.by_adcode(c).name) + (f"（{len(cities[c])}）" if len(cities[c]) > 1 else "")
                  for c in sorted(cities)],
            hovertext=["<br>".join(esc(n) for n in sorted(cities[c])) for c in sorted(cities)],
            hoverinfo="text", textfont=dict(size=11, color="#7a2e00")))
        rpts = arcs.drop_duplicates("recipient")
        rrx, rry = project_points(rpts["recipient_lon"], rpts["recipient_lat"], layers.crs)
        fig.add_trace(go.Scatter(x=rrx, y=rry, mode="markers", text=[esc(r) for r in rpts["recipient"]],
                                 marker=dict(size=7, color="white", line=dict(color="black", width=1)),
                                 name="受援地", hoverinfo="text"))
    # The South China Sea islands in an inset at the lower right, as on the static map.
    _base_traces(fig, layers, "x2", "y2")
    x0, x1, y0, y1 = _extent_xy(MAIN_EXTENT, layers.crs)
    sx0, sx1, sy0, sy1 = _extent_xy(SCS_EXTENT, layers.crs)
    fig.update_layout(
        title=esc(title or _default_title(indicator, arcs)), template="plotly_white",
        # the page's embedded CJK font (helpers.webfont) first, then system fonts
        font=dict(family='"Report CJK", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif'),
        xaxis=dict(visible=False, range=[x0, x1], domain=[0, 1]),
        yaxis=dict(visible=False, range=[y0, y1], scaleanchor="x", scaleratio=1, domain=[0, 1]),
        xaxis2=dict(visible=False, range=[sx0, sx1], domain=[0.86, 1.0], anchor="y2"),
        yaxis2=dict(visible=False, range=[sy0, sy1], domain=[0.0, 0.26], anchor="x2",
                    scaleanchor="x2", scaleratio=1),
        height=820, margin=dict(l=10, r=10, t=50, b=120), hovermode="closest",
        legend=dict(orientation="h", x=0.0, y=-0.02, xanchor="left", yanchor="top",
                    font=dict(size=11)),
        shapes=[dict(type="rect", xref="paper", yref="paper", x0=0.86, x1=1.0, y0=0.0, y1=0.26,
                     line=dict(color="#555555", width=1))],
        annotations=[dict(text="南海诸岛", xref="paper", yref="paper", x=0.93, y=0.265,
                          showarrow=False, font=dict(size=10), yanchor="bottom")])
    return fig


def _dash(program: str) -> str:
    prog = str(program).split(";")
    style = PROGRAM_STYLE.get(prog[0] if len(prog) == 1 else "mixed", PROGRAM_STYLE["mixed"])
    return {"-": "solid", "--": "dash", ":": "dot", "-.": "dashdot"}[style["linestyle"]]


def _km(km) -> str:
    try:
        return f"{float(km):,.0f} km"
    except (TypeError, ValueError):
        return ""


def _outline_xy(geoms) -> tuple[list, list]:
    """Exterior rings of (multi)polygons and lines as one x/y list with None breaks."""
    xs: list = []
    ys: list = []
    for g in geoms:
        if g is None or g.is_empty:
            continue
        parts = getattr(g, "geoms", [g])
        for part in parts:
            coords = part.exterior.coords if hasattr(part, "exterior") else part.coords
            c = np.asarray(coords)
            xs += [round(float(v), 0) for v in c[:, 0]] + [None]
            ys += [round(float(v), 0) for v in c[:, 1]] + [None]
    return xs, ys


def to_offline_html(fig, full_html: bool = False) -> str:
    """HTML for the figure with plotly.js inlined (opens offline, no CDN script tag)."""
    import plotly.io as pio

    html = pio.to_html(fig, include_plotlyjs=True, full_html=full_html,
                       config={"displaylogo": False, "responsive": True},
                       div_id="pairing-map")
    if full_html:
        return html
    # nbconvert's page template loads require.js; with an AMD loader present the plotly.js bundle
    # registers itself as a module instead of defining window.Plotly, and the map stays blank.
    return ("<script>window.__pairingDefine = window.define; window.define = undefined;</script>\n"
            + html + "\n<script>window.define = window.__pairingDefine;</script>")
