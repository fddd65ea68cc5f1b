"""Pairing maps on a small synthetic panel written in the panel's own columns and names."""
from __future__ import annotations

import hashlib
import re
import warnings

import pandas as pd
import pytest

from helpers import maps
from helpers.codebook import PANEL_COLUMNS
from helpers.gazetteer import get_gazetteer

ROWS = [
    # doc, donor, recipients, program, year, period, status, indicator, value, unit
    ("000", "天津市宝坻区", "甘肃省天水市武山县", "east_west", 2020, "annual", "actual", "fiscal_aid", 1.6e6, "yuan"),
    ("000", "天津市宝坻区", "甘肃省天水市武山县;甘肃省兰州市永登县", "east_west", 2020, "annual", "actual",
     "fiscal_aid", 3.0e6, "yuan"),
    ("000", "天津市宝坻区", "新疆维吾尔自治区和田地区民丰县", "counterpart", 2020, "annual", "actual",
     "fiscal_aid", 8.66e6, "yuan"),
    ("001", "天津市和平区", "甘肃省白银市靖远县", "east_west", 2020, "annual", "actual", "fiscal_aid", 5.2e7, "yuan"),
    ("004", "大连高新技术产业园区", "贵州省六盘水市水城县", "east_west", 2020, "annual", "actual",
     "fiscal_aid", 2.0e7, "yuan"),
    ("004", "大连高新技术产业园区", "贵州省六盘水市水城县", "east_west", 2020, "annual", "target",
     "fiscal_aid", 9.9e7, "yuan"),
    ("d11", "福建省福州市", "甘肃省定西市", "east_west", 2018, "annual", "actual", "fiscal_aid", 5.0e7, "yuan"),
    ("d05", "农业农村部", "青海省黄南藏族自治州河南蒙古族自治县", "counterpart", 2020, "annual", "actual",
     "fiscal_aid", 1.6e7, "yuan"),
    ("002", "天津市南开区", "", "east_west", 2018, "annual", "actual", "fiscal_aid", 6.7e7, "yuan"),
    ("002", "天津市南开区", "甘肃省庆阳市环县", "east_west", 2019, "annual", "actual", "cadres_sent", 3, "person"),
    ("d16", "上海市浦东新区", "云南省大理白族自治州洱源县", "east_west", 2019, "cumulative", "actual",
     "fiscal_aid", 7.3e8, "yuan"),
    # the same figure restated by a second document is one figure
    ("d18", "江苏省", "陕西省", "east_west", 2018, "annual", "actual", "fiscal_aid", 2.0e9, "yuan"),
    ("d19", "江苏省", "陕西省", "east_west", 2018, "annual", "actual", "fiscal_aid", 2.0e9, "yuan"),
]


def synthetic_panel() -> pd.DataFrame:
    cols = ["doc_id", "donor", "recipients", "program", "year", "period", "status", "indicator",
            "value", "unit"]
    df = pd.DataFrame(ROWS, columns=cols)
    for c in PANEL_COLUMNS:
        if c not in df.columns:
            df[c] = None
    df["recipient_adcodes"] = ""          # left empty: the maps resolve the names themselves
    return df[list(PANEL_COLUMNS)]


@pytest.fixture(scope="module")
def gz():
    return get_gazetteer()


@pytest.fixture(scope="module")
def selected(gz):
    return maps.select_figures(synthetic_panel(), "fiscal_aid", "actual", years="2018-2020", gz=gz)


@pytest.fixture(scope="module")
def arcs(selected, gz):
    return maps.arc_table(selected, gz)


@pytest.fixture(scope="module")
def fills(selected, gz):
    return maps.recipient_table(selected, gz)


@pytest.fixture(scope="module")
def layers(gz):
    # counties of the provinces the synthetic panel touches (the whole country is slower)
    return maps.load_layers(gz, provinces=["120000", "210000", "620000", "650000", "520000",
                                           "350000", "610000", "630000"])


def test_selection_keeps_status_period_and_years(selected):
    assert set(selected["status"]) == {"actual"}
    assert set(selected["period"]) == {"annual"}          # the cumulative 浦东 figure is left out
    assert 9.9e7 not in set(selected["value"])            # the target is left out
    assert set(selected["indicator"]) == {"fiscal_aid"}
    js = selected[selected["donor"] == "江苏省"]
    assert len(js) == 1 and js["doc_ids"].iloc[0] == "d18;d19"


def test_arcs_split_a_shared_figure_equally_and_sum_per_pair(arcs):
    by = arcs.set_index(["donor", "recipient"])
    wushan = by.loc[("天津市宝坻区", "甘肃省天水市武山县")]
    assert wushan["value"] == pytest.approx(1.6e6 + 1.5e6)
    assert (wushan["n_figures"], wushan["n_split"]) == (2, 1)
    assert by.loc[("天津市宝坻区", "甘肃省兰州市永登县")]["value"] == pytest.approx(1.5e6)
    assert by.loc[("天津市宝坻区", "新疆维吾尔自治区和田地区民丰县")]["program"] == "counterpart"
    # a ministry is not a place: no arc; a figure without a named recipient: no arc
    assert "农业农村部" not in set(arcs["donor"])
    assert "天津市南开区" not in set(arcs["donor"])


def test_arc_end_points_are_the_units_centroids(arcs, gz):
    r = arcs[arcs["recipient"] == "贵州省六盘水市水城县"].iloc[0]
    assert r["recipient_adcode"] == "520204"
    assert (r["recipient_lon"], r["recipient_lat"]) == (gz.by_adcode("520204").lon,
                                                         gz.by_adcode("520204").lat)
    assert r["donor_adcode"] == "210211"                   # 大连高新区 sits in 甘井子区


def test_donor_city_filter(gz):
    sel = maps.select_figures(synthetic_panel(), donor_city="天津市", years=None, gz=gz)
    assert set(sel["donor"]) == {"天津市宝坻区", "天津市和平区", "天津市南开区"}
    sel = maps.select_figures(synthetic_panel(), donor_city="大连市", program="east_west", gz=gz)
    assert set(sel["donor"]) == {"大连高新技术产业园区"}


def test_bad_parameters_are_clear_errors(gz):
    with pytest.raises(ValueError, match="indicator"):
        maps.select_figures(synthetic_panel(), indicator="money", gz=gz)
    with pytest.raises(ValueError, match="donor_city"):
        maps.select_figures(synthetic_panel(), donor_city="不存在市", gz=gz)
    with pytest.raises(ValueError, match="lacks column"):
        maps.select_figures(synthetic_panel().drop(columns="status"), gz=gz)


def test_recipient_fill_table_keeps_level(fills):
    levels = dict(zip(fills["recipient"], fills["level"]))
    assert levels["甘肃省定西市"] == "prefecture"
    assert levels["甘肃省白银市靖远县"] == "county"
    assert levels["陕西省"] == "province"


def test_geometry_helpers():
    x, y = maps.arc_points(0, 0, 10, 0)
    assert (x[0], y[0], x[-1], y[-1]) == (0, 0, 10, 0) and y.max() > 0
    w = maps.line_widths([0, 25, 100], 1, 5)
    assert list(w) == [1, 3, 5]
    assert maps.nice_legend_values(6.7e7) == [1e7, 2e7, 5e7]


def test_static_map_renders_chinese_without_missing_glyphs_and_is_deterministic(
        arcs, fills, layers, gz, tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")             # a missing glyph is a UserWarning → error
        fig = maps.static_map(arcs, fills, layers, gz=gz)
        paths = maps.save_figure(fig, "pairing_map", tmp_path)
        paths2 = maps.save_figure(fig, "pairing_map_again", tmp_path)
    import matplotlib.pyplot as plt
    plt.close("all")
    svg = paths[1].read_text(encoding="utf-8")
    for word in ("甘肃省", "南海诸岛", "万元", "靖远县", "帮扶方"):
        assert word in svg, word
    assert "<dc:date>" not in svg
    for a, b in zip(paths, paths2):
        assert hashlib.sha256(a.read_bytes()).digest() == hashlib.sha256(b.read_bytes()).digest()


def test_interactive_map_is_self_contained_html_with_hover_provenance(arcs, fills, layers, gz):
    fig = maps.interactive_map(arcs, fills, layers, gz=gz)
    html = maps.to_offline_html(fig, full_html=True)
    assert len(html) > 3_000_000                      # plotly.js is inside
    assert not re.search(r"<script[^>]+src=", html)   # and nothing is fetched
    hover = " ".join(t.text for t in fig.data if isinstance(t.text, str))
    assert "天津市和平区 → 甘肃省白银市靖远县" in hover and "001" in hover


def test_reference_pairings_in_force_with_distances(gz):
    from helpers.paths import RAW

    pairings = pd.read_csv(RAW / "pairings.csv", dtype=str, keep_default_na=False)
    ref = maps.pairing_arcs(pairings, years=2020, donor_city="天津市", gz=gz)
    by = ref.set_index(["donor", "recipient"])["km"]
    # the orders of magnitude: Tianjin → Gansu ≈ 1,000–1,500 km, → Hotan ≈ 3,000 km
    assert 1000 < by[("天津市宝坻区", "甘肃省天水市武山县")] < 1500
    assert 2700 < by[("天津市宝坻区", "新疆维吾尔自治区和田地区民丰县")] < 3300
    assert all(c.startswith("12") for c in ref["donor_adcode"])
    # a pairing that starts in 2021 is not in force in 2020
    assert ("天津市东丽区", "甘肃省天水市甘谷县") not in by.index
    assert len(maps.pairing_arcs(pairings, years=2021, donor_city="天津市", gz=gz)
               .query("recipient == '甘肃省天水市甘谷县'")) == 1


def test_great_circle_distance_beijing_shanghai():
    km = maps.great_circle_km([116.40], [39.90], [121.47], [31.23])[0]
    assert 1050 < km < 1090


def test_two_figures_of_one_report_with_the_same_value_are_both_drawn(gz):
    # 30万 for health and 30万 for schools to the same county are two figures, not a restatement.
    p = synthetic_panel().iloc[:0]
    both = synthetic_panel().iloc[[0, 0]].assign(
        indicator="social_aid", value=3.0e5, detail=["health", "education"],
        evidence=["捐赠卫生院帮扶款30万元", "捐赠学校帮扶款30万元"], start=[10, 40])
    p = pd.concat([p, both], ignore_index=True)
    sel = maps.select_figures(p, "social_aid", gz=gz)
    arcs = maps.arc_table(sel, gz)
    assert len(sel) == 2
    assert arcs["value"].sum() == pytest.approx(6.0e5) and arcs["n_figures"].iloc[0] == 2


def _boxes_overlap(a, b) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def test_static_map_legends_sit_outside_the_geography_and_labels_do_not_overlap(
        arcs, fills, layers, gz):
    import matplotlib.pyplot as plt

    fig = maps.static_map(arcs, fills, layers, gz=gz)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    map_axes = [a for a in fig.axes if a.get_xticks().size == 0 and a.get_title()]
    assert len(map_axes) == 2                                   # China and the zoomed province
    for legend in fig.legends:
        box = legend.get_window_extent(renderer)
        for ax in map_axes:
            assert not _boxes_overlap(box, ax.get_window_extent(renderer)), ax.get_title()
    for ax in map_axes:
        labels = [t for t in ax.texts if t.get_text().strip()]
        boxes = [t.get_window_extent(renderer) for t in labels]
        for i in range(len(boxes)):
            for j in range(i + 1, len(boxes)):
                assert not _boxes_overlap(boxes[i], boxes[j]), (labels[i].get_text(),
                                                                 labels[j].get_text())
    plt.close(fig)


def test_fill_follows_its_own_indicator(gz):
    panel = synthetic_panel()
    cadres = maps.recipient_table(maps.select_figures(panel, "cadres_sent", years=None, gz=gz), gz)
    assert list(cadres["recipient"]) == ["甘肃省庆阳市环县"] and list(cadres["unit"]) == ["person"]


def test_interactive_map_has_legends_inset_and_known_pairings(arcs, fills, layers, gz):
    from helpers.paths import RAW

    pairings = pd.read_csv(RAW / "pairings.csv", dtype=str, keep_default_na=False)
    ref = maps.pairing_arcs(pairings, years=2020, gz=gz)
    fig = maps.interactive_map(arcs, fills, layers, gz=gz, reference=ref)
    names = [t.name for t in fig.data if t.showlegend is not False]
    assert any("已知结对关系" in (n or "") for n in names)
    assert any("万元" in (n or "") for n in names)                  # arc-width legend with units
    assert any(getattr(t.marker, "showscale", False) for t in fig.data if hasattr(t, "marker"))
    assert fig.layout.xaxis2.domain and any("南海诸岛" in a.text for a in fig.layout.annotations)
    inset = [t for t in fig.data if t.xaxis == "x2"]
    assert inset                                               # the islands drawn in the inset


def test_known_pairings_respect_the_years_with_open_ends_bounded(gz):
    pairings = pd.DataFrame({
        "donor": ["天津市和平区", "天津市河东区"], "donor_adcode": ["120101", "120102"],
        "recipient": ["甘肃省白银市靖远县", "甘肃省天水市武山县"],
        "recipient_adcode": ["620421", "620524"], "program": ["east_west", "east_west"],
        "start_year": ["2016", "2017"], "end_year": ["", "2020"], "source": ["a", "b"]})
    assert len(maps.pairing_arcs(pairings, years=2019, gz=gz)) == 2
    assert len(maps.pairing_arcs(pairings, years=2022, gz=gz, open_until=2022)) == 1
    assert len(maps.pairing_arcs(pairings, years=2030, gz=gz, open_until=2022)) == 0


def test_map_of_every_known_pairing_names_programs_and_counts(layers, gz, tmp_path):
    import matplotlib.pyplot as plt
    from helpers.paths import RAW

    pairings = pd.read_csv(RAW / "pairings.csv", dtype=str, keep_default_na=False)
    ref = maps.pairing_arcs(pairings, gz=gz)
    fig = maps.pairings_map(ref, layers, gz=gz)
    svg = maps.save_figure(fig, "known", tmp_path)[1].read_text(encoding="utf-8")
    plt.close(fig)
    assert f"（{len(ref)} 对）" in svg and "东西部扶贫协作（" in svg and "天津" in svg


def test_crowded_county_labels_are_moved_apart(layers, gz):
    import matplotlib.pyplot as plt

    counties = ["甘肃省白银市靖远县", "甘肃省白银市会宁县", "甘肃省白银市景泰县", "甘肃省白银市白银区",
                "甘肃省白银市平川区", "甘肃省定西市安定区", "甘肃省定西市通渭县", "甘肃省定西市陇西县",
                "甘肃省定西市渭源县", "甘肃省定西市临洮县", "甘肃省兰州市榆中县", "甘肃省兰州市永登县"]
    rows = [("x", "天津市和平区", c, "east_west", 2020, "annual", "actual", "fiscal_aid", 1e6 * (i + 1), "yuan")
            for i, c in enumerate(counties)]
    panel = pd.DataFrame(rows, columns=["doc_id", "donor", "recipients", "program", "year", "period",
                                        "status", "indicator", "value", "unit"])
    for c in PANEL_COLUMNS:
        if c not in panel.columns:
            panel[c] = None
    sel = maps.select_figures(panel[list(PANEL_COLUMNS)], gz=gz)
    fig = maps.static_map(maps.arc_table(sel, gz), maps.recipient_table(sel, gz), layers, gz=gz)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    zoom = [a for a in fig.axes if "放大" in a.get_title()][0]
    labels = [t for t in zoom.texts if t.get_text().strip()]
    assert len(labels) >= len(counties)
    boxes = [t.get_window_extent(renderer) for t in labels]
    crowded = [(labels[i].get_text(), labels[j].get_text()) for i in range(len(boxes))
               for j in range(i + 1, len(boxes)) if _boxes_overlap(boxes[i], boxes[j])]
    plt.close(fig)
    assert crowded == []
