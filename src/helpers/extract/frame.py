"""The frame of a document: which units give, which receive, the page's own pair, its year.

A page is about a pair (or a donor and its set of recipients), and it says so in a few places:
the headline, the lead, the byline or page header, ``SOURCES.csv`` when a researcher filled
it, and — for the side it does not name — the pairing reference. The frame gathers those
*candidates* so that a figure that names no giver or receiver of its own takes the page's.

Sides. Every unit named in the text gets votes: a giver role (see ``places``) votes donor, a
receiver role votes recipient; the pairing reference votes for the side it lists the unit on
(more strongly when the partner is named in the same text), and the province it lies in adds
a weak prior of the same kind. No list of provinces decides alone, so a central or western
province that gives (counterpart support inside its own province, 援藏 from a central province)
is read as a giver when the text makes it one.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from . import grammar as g
from . import reference
from .places import CORPS, PlaceHit, Unit, dedupe_units, unit_of
from .rx import compile as _compile
from .zones import BODY, BYLINE, DIGEST, HEADLINE, LEAD, MASTHEAD, Zones

_YEAR_RE = _compile(r"((?:19|20)\d\d)\s*年(?!代)")
_TITLE_YEAR = _compile(r"((?:19|20)\d\d)\s*年(?!\d{0,2}月?(以来|起|至|到|[—\-–~]))")
# a year as a point in time (2019年, 2019年底), not the start of a span (2017年以来, 2019年起)
_POINT_YEAR = _compile(r"((?:19|20)\d\d)\s*年(?!代|以来|起|至|到|开始|[—\-–~])")
_OPENING_YEAR = _compile(r"(?:^|\n|获悉[:：,，]|了解到[:：,，]?)\s*((?:19|20)\d\d)\s*年\s*[,，是]")
# an opening sentence that states when the work began, the next one counting the time since
_STARTED_SINCE = _compile(r"[^。\n]{0,60}?(结成|建立|签订|签署|启动|确立|结为)[^。\n]{0,30}[。；;]\s*"
                          r"(?:[一二两三四五六七八九十\d]+年多?|多年|半年多?)(?:来|以来)")
_NEXT_YEAR_OPENING = _compile(r"[。；;]\s*((?:19|20)\d\d)\s*年\s*[,，]")
_SELF = _compile(g.SELF_REFERENCE)
_SENTENCE_CUT = re.compile(r"[\n。！？；;]")
_HELPED_SELF = _compile(r"(向|为|对|给|帮扶|支援|帮助|援助|到|来|在|赴|助力|支持|与)$")
# 来我区跟岗学习, 到我市务工: people coming to 我X to learn or to work, whom the giving side hosts
# (挂职 goes both ways: 来我省挂职 is also the giver's cadres serving in the west)
_HOSTED_AFTER = _compile(r"[\u4e00-\u9fff]{0,2}?(跟岗|学习|培训|务工|就业)")
# 我X giving: a giving verb after it (我市选派), a transfer to a receiver (我市向乙县拨付), or a
# verb of helping right after it (我区结对帮扶乙县; not 我县在甲区帮扶下)
_SELF_GIVING = _compile(g.GIVER_TAIL_RE + "(?:" + g.GIVING_VERB + r"|[向为给][^，,。；;]{1,12}?(?:" + g.GIVING_VERB +
                        r")|(?:(?![在受获得被与和])[\u4e00-\u9fff]){0,4}?(?:对口帮扶|结对帮扶|帮扶|对口支援|支援)"
                        r"(?!下|车间|工作|资金|项目|产业|基地|政策))")
_PAIRING_VERB = _compile(r"(结对|协作|对口|帮扶|支援|援建|携手|合作|援疆|援藏|援青|扶贫)")
_PAIRING_BEFORE = _compile(r"(结对|协作|对口|帮扶|支援|援建|携手|援疆|援藏|援青|扶贫)[^，,。；;\d]{0,3}$")
_WIDENED = _compile(r"(增加|扩大|扩展|新增|延伸)(了|到|至)?[^，,。；;\d]{0,6}$")
_PAIRING_VERB_BEFORE = _compile(r"(对口支援|对口帮扶|结对帮扶|定点帮扶|帮扶|支援|援建)(的)?[^，,。；;\d]{0,3}$")
_INSTITUTION_AFTER = _compile(g.INSTITUTION_AFTER)
_PAIRING_AFTER = _compile(r"^[^，,。；;\d]{0,4}(结对|协作|对口|帮扶|支援|携手|开展[^，,。；;\d]{0,3}(扶贫|协作|帮扶))")
# what joins two sets each followed by its own kind of help (甲县、乙县定点帮扶和丙县…)
_COORDINATED_PAIRING = _compile(r"[^，,。；;\d]{0,4}(结对|协作|对口|帮扶|支援)[^，,。；;\d]{0,6}(和|及|以及|与|、)[^，,。；;\d]{0,4}")
_DIGIT = _compile(r"\d")
_LIST_GAP = _compile(r"[\s、，,和与及以及]{0,3}")
# a count of units opening a bracketed enumeration (甲市“一区两县(乙区、丙县、丁县)”, 两县(…))
_ENUMERATION_OPEN = _compile(r"[“\"「]?(?:[一二两三四五六七八九十\d]+个?(?:区|县|市|旗|乡|镇)){1,2}[”\"」]?[（(]$")
_COUNTERPART = ("新疆维吾尔自治区", "西藏自治区", "青海省")
_EAST_WEST_WORDS = r"东西部扶贫协作|东西部协作|携手奔小康|扶贫协作|东西协作|东西扶贫协作"
_COUNTERPART_WORDS = r"对口支援|援疆|援藏|援青|支援合作|对口援"
_DESIGNATED_WORDS = r"定点帮扶|省内协作|省内对口|区域协作|省内结对|协作帮扶"
_EAST_WEST_CUES = _compile(_EAST_WEST_WORDS)
_COUNTERPART_CUES = _compile(_COUNTERPART_WORDS)
_DESIGNATED_CUES = _compile(_DESIGNATED_WORDS)
_ANY_CUE = _compile("|".join((_EAST_WEST_WORDS, _COUNTERPART_WORDS, _DESIGNATED_WORDS)))


@dataclass
class Frame:
    donor: Unit | None = None
    donor_from: str = ""
    recipients: list[Unit] = field(default_factory=list)
    recipients_from: str = ""
    year: int | None = None
    year_from: str = ""
    program: str = ""
    side: dict = field(default_factory=dict)          # unit key → 'donor' | 'recipient'
    self_unit: Unit | None = None                     # what 我县/我省 stands for
    self_word: str = ""
    donor_units: list[Unit] = field(default_factory=list)     # every donor-side unit named
    recipient_units: list[Unit] = field(default_factory=list)  # every recipient-side unit named
    short_names: dict = field(default_factory=dict)   # one-character short name → unit
    plan_document: bool = False
    donor_kind: str = "place"          # association: a page about a body of the donor (its money is social)


def key(u: Unit) -> str:
    return u.key


# the page's donor_from when its writer, helped by its own partner, gives to another area
SELF_AIDING_AREA = "frame_self_aiding_area"


def writer_helped_here(frame: "Frame", h: PlaceHit) -> bool:
    """Whether hit ``h`` is the page's giving writer helped in so many words (甲省向我市投入…): a
    writer that aids another area and is helped by its own partner receives there."""
    return frame.donor_from.startswith(SELF_AIDING_AREA) and h.unit == frame.self_unit and \
        h.role == "receiver" and h.marker not in ("go", "aid_word")


# ------------------------------------------------------------------ sides

def _ref_side(u: Unit, paired: tuple, sides: reference.Sides) -> tuple[float, float]:
    """(donor, recipient) votes from the pairing reference for one unit."""
    d = r = 0.0
    own = sides.side(u.adcode)
    if own == "donor":
        d += 3.0
    elif own == "recipient":
        r += 3.0
    if not own:
        prov = sides.side(u.adcode[:2] + "0000") or sides.province_side(u.adcode)
        pref = sides.side(u.adcode[:4] + "00") if u.level == "county" else ""
        s = pref or prov
        if s == "donor":
            d += 1.0
        elif s == "recipient":
            r += 1.0
    donors, recipients = paired
    if reference.nests_any(u.adcode, *donors):
        d += 6.0
    if reference.nests_any(u.adcode, *recipients):
        r += 6.0
    return d, r


def _nested(a: str, b: str) -> bool:
    return reference._nested(a, b)


def _runs_text(hits: list[PlaceHit]) -> list[list[PlaceHit]]:
    """Runs of hits that are adjacent (at most a separator or two between them)."""
    runs, cur = [], []
    for h in hits:
        if cur and 0 <= h.start - cur[-1].end <= 3 and h.text_gap_ok:
            cur.append(h)
            continue
        if len(cur) > 1:
            runs.append(cur)
        cur = [h]
    if len(cur) > 1:
        runs.append(cur)
    return runs


# a page about help inside one province (广东省内对口帮扶, 南北挂钩, 山海协作): a unit of the
# giver's own province can be the one helped
_IN_PROVINCE = _compile(r"省内(?:对口|协作|结对|帮扶)|南北挂钩|南北结对|南北共建|山海协作|山海结对")


def assign_sides(hits: list[PlaceHit], text: str = "") -> dict:
    """unit key → 'donor' or 'recipient' for every unit named (ties go to no side). ``text``: the
    page, read for words of help inside one province."""
    sides = reference.sides()
    in_province = bool(text) and _IN_PROVINCE.search(text) is not None
    strong: set[str] = set()          # units with a receiver role after 向/为/帮扶/给 (not 到/赴)
    named = {h.unit.adcode for h in hits}
    votes: dict[str, list[float]] = {}
    prov_votes: dict[str, list[float]] = {}
    units: dict[str, Unit] = {}
    for h in hits:
        for u in ((h.unit,) if h.unit is h.giver_unit else {h.unit, h.giver_unit}):
            k = key(u)
            units[k] = u
            v = votes.setdefault(k, [0.0, 0.0])
            pv = prov_votes.setdefault(u.adcode[:2], [0.0, 0.0])
            if h.role == "giver":
                v[0] += 2.0
                pv[0] += 1.0
            elif h.role == "receiver":
                # 向/为/帮扶 + place: a receiver; 到/赴/来 + place: people may go either way
                w = 0.3 if h.marker in ("go", "aid_word") else 1.5
                v[1] += w
                pv[1] += w / 2
                if w > 1:
                    strong.add(k)
    out = {}
    paired = (reference.paired_with(named, "donor"), reference.paired_with(named, "recipient"))
    for k, u in units.items():
        d, r = _ref_side(u, paired, sides)
        v = votes[k]
        pv = prov_votes[u.adcode[:2]]
        if in_province and k in strong and v[0] == 0:
            d = 0.0     # helped, never giving, on an in-province page: its province says nothing
        else:
            d += 0.25 * (pv[0] - v[0] / 2)
        d += v[0]
        r += v[1] + 0.25 * (pv[1] - v[1] / 2)
        if d > r:
            out[k] = "donor"
        elif r > d:
            out[k] = "recipient"
    # the members of a list (甲县、乙县、丙县) are on one side: the side most of them are on,
    # for a member with no role of its own
    for run in _runs_text(hits):
        ks = [key(h.unit) for h in run]
        sides_in = Counter(out.get(k) for k in ks if out.get(k))
        if len(ks) >= 2 and sides_in:
            major, n = sides_in.most_common(1)[0]
            if n >= 2 and n > len(ks) / 2:
                for h in run:
                    own = votes[key(h.unit)]
                    # no role of its own, or its role agrees with the list's side
                    agrees = (own[1] > own[0]) == (major == "recipient") and own != [0.0, 0.0]
                    if own == [0.0, 0.0] or key(h.unit) not in out or agrees:
                        out[key(h.unit)] = major
    # a unit inside a donor-side unit with no votes of its own is on the donor side (and so for
    # recipients): 甲市 gives, so 甲市乙区 does
    for k, u in units.items():
        if k in out:
            continue
        holders = [out[key(v)] for v in units.values() if key(v) in out and v != u and v.contains(u)]
        if holders and len(set(holders)) == 1:
            out[k] = holders[0]
    return out


# ------------------------------------------------------------------ years

def reporting_year(title: str, text: str, date: str) -> tuple[int | None, str]:
    """The year a report covers: its title (…2019年…总结), its opening (2019年,…), else the
    publication date, else the latest year of its head."""
    m = _TITLE_YEAR.search(title or "")
    pub = re.search(r"(19|20)\d\d", date or "")
    pub_year = int(pub.group(0)) if pub else None
    if m and (pub_year is None or int(m.group(1)) <= pub_year + 1):
        return int(m.group(1)), "title"
    m = _OPENING_YEAR.search(text[:600])
    if m and _STARTED_SINCE.match(text, m.end(), m.end() + 120):
        m = None        # 2018年,甲县与乙县结成…关系。一年多来…: the year the work began, not the one reported
    if m and pub_year is not None and pub_year - 1 <= int(m.group(1)) <= pub_year:
        # (an opening paragraph that goes on to the next year, 2019年,…。2020年,…, reports on that one)
        end = text.find("\n", m.end())
        later = [int(y) for y in _NEXT_YEAR_OPENING.findall(text, m.end(), end if end >= 0 else len(text))]
        year = max([y for y in later if int(m.group(1)) < y <= pub_year], default=int(m.group(1)))
        return year, "opening"
    if pub_year:
        # a page of the first months of a year that states the year before and not its own
        # reports on the year before (a 2019 review published in January 2020)
        month = re.search(r"(?:19|20)\d\d[-/.年](\d{1,2})", date or "")
        if month and int(month.group(1)) <= 3:
            stated = {int(y) for y in _POINT_YEAR.findall(text)}
            if pub_year - 1 in stated and pub_year not in stated and not re.search(r"今年|本年", text):
                return pub_year - 1, "date_reviews_year_before"
        return pub_year, "date"
    # an undated page reports on the latest year it states as a point in time
    years = [int(y) for y in _POINT_YEAR.findall(text)]
    if years:
        return max(years), "latest_year"
    years = [int(y) for y in _YEAR_RE.findall(text)]
    if years:
        return max(years), "text"
    return None, ""


# ------------------------------------------------------------------ the page's own pair

def self_reference(text: str, hits: list[PlaceHit], header_units: list[Unit], side: dict,
                   head_end: int = 0) -> tuple[Unit | None, str]:
    """(unit, level word) 我县/我省 stands for when the page is written by a receiver (or a giver):
    the unit of that level the page names most, its header first."""
    found = list(_SELF.finditer(text))
    if not found:
        return None, ""
    unit, word = _self_unit(text, found, hits, header_units, side, head_end)
    if unit is not None and len(found) == 1 and found[0].start() > 0.8 * len(text) and \
            not any(h.unit == unit and h.start < 0.5 * len(text) for h in hits):
        # one 我区 at the page's end, its unit not named in the first half: a related item or
        # notice after the report speaks, not the report's writer
        return None, word
    return unit, word


def self_roles(text: str, found: list, word: str) -> tuple[int, int]:
    """How often the page's 我X (of level word ``word``) is helped (向我县, 帮扶我县) and how often
    it gives (我市向乙县拨付, 我市选派)."""
    mine = [m for m in found if m.group(1) == word]
    # (the words before 我县 in its own sentence: a heading's 支援 on the line above is not)
    helped = [m for m in mine if _HELPED_SELF.search(_SENTENCE_CUT.split(text[max(0, m.start() - 4):m.start()])[-1])]
    helped_n = sum(1 for m in helped if not _HOSTED_AFTER.match(text, m.end()))
    # (为我县培训…, 向我县捐赠…: the verb after a helped 我县 is the giver's)
    giving_n = sum(1 for m in mine if m not in helped and _SELF_GIVING.match(text, m.end()))
    return helped_n, giving_n


def gives_itself(u: Unit, hits: list[PlaceHit]) -> bool:
    """Whether the text names ``u`` as a giver somewhere (甲县选派…), not only as a place."""
    return any(h.unit == u and h.role == "giver" for h in hits)


def _self_unit(text: str, found: list, hits: list[PlaceHit], header_units: list[Unit], side: dict,
               head_end: int) -> tuple[Unit | None, str]:
    """The unit the self words found stand for (see ``self_reference``)."""
    word = Counter(m.group(1) for m in found).most_common(1)[0][0]
    helped_n, giving_n = self_roles(text, found, word)
    # a page that shows 我X being helped more often than giving (我县选派…, 我县帮助…) is written by a receiver
    helped = helped_n > 0 and helped_n >= giving_n
    suffix = {"省": ("省",), "区": ("区", "自治区"), "市": ("市",), "州": ("州",), "县": ("县",),
              "旗": ("旗",), "盟": ("盟",)}[word]
    levels = {"省": ("province",), "区": ("county", "province"), "市": ("prefecture", "county", "province"),
              "州": ("prefecture",), "县": ("county",), "旗": ("county",), "盟": ("prefecture",)}[word]
    def fits(u):
        # a page that shows 我X being helped is written by a receiver
        return not helped or side.get(key(u)) != "donor"
    for u in header_units:
        # the site's own unit stands unless 我X is helped more often than it gives (a tie is no
        # evidence against the page's header: 在我区设立… is a place on either side)
        # (the site's own unit, helped on its page, though another unit of its province gives:
        # an in-province pairing, where the province's units all look like givers)
        if u.full_name.endswith(suffix) and u.level in levels and (
                fits(u) or helped_n == giving_n or helped and not gives_itself(u, hits)):
            return u, word
    # (a dateline's place, 某网甲市1月9日电, is where the story was filed, not who speaks)
    cands = Counter(h.unit for h in hits if h.unit.full_name.endswith(suffix) and h.unit.level in levels
                    and fits(h.unit) and h.role != "venue")
    if not cands:
        return None, word
    # the unit named in the page's head (headline, byline) first, then the one named most
    head = {h.unit for h in hits if h.start < head_end}
    return sorted(cands.items(), key=lambda kv: (kv[0] not in head, -kv[1], kv[0].adcode))[0][0], word


# The one-character names (简称) of provinces and of the cities that have one of their own; other
# units are shortened to their first character when that is unambiguous in the text.
PROVINCE_ABBREVIATIONS = {
    "京": "110000", "津": "120000", "沪": "310000", "渝": "500000", "冀": "130000", "晋": "140000",
    "蒙": "150000", "辽": "210000", "吉": "220000", "黑": "230000", "苏": "320000", "浙": "330000",
    "皖": "340000", "闽": "350000", "赣": "360000", "鲁": "370000", "豫": "410000", "鄂": "420000",
    "湘": "430000", "粤": "440000", "桂": "450000", "琼": "460000", "川": "510000", "蜀": "510000",
    "黔": "520000", "滇": "530000", "藏": "540000", "陕": "610000", "陜": "610000", "秦": "610000", "陇": "620000",
    "甘": "620000", "青": "630000", "宁": "640000", "疆": "650000", "新": "650000",
}
CITY_ABBREVIATIONS = {"甬": "330200", "榕": "350100", "穗": "440100", "鹏": "440300", "厦": "350200",
                      "连": "210200", "杭": "330100", "锡": "320200", "莞": "441900", "邕": "450100"}
_ABBREVIATIONS = list(PROVINCE_ABBREVIATIONS.items()) + list(CITY_ABBREVIATIONS.items())
# (short name, adcode prefix of the units it covers)
ABBREVIATION_PREFIXES = [(c, code.rstrip("0")) for c, code in _ABBREVIATIONS]


def short_names(units: list[Unit]) -> dict:
    """One-character short names of the units named (the province's 简称, a city's own, else the
    first character of a unit's name when only one unit of the text has it): char → [units]."""
    first: dict[str, set] = {}
    for u in units:
        if u.level in ("prefecture", "county", "province") and u.name:
            first.setdefault(u.name[0], set()).add(u)
    out = {}
    for c, us in first.items():
        # one unit, or one that holds all the others (伊 → 伊犁州 when its 伊宁县 is named too)
        holders = [u for u in us if all(u.contains(v) for v in us)]
        if len(us) == 1 or len(holders) == 1:
            out[c] = [holders[0] if holders else next(iter(us))]
    by_code: dict[str, list[Unit]] = {}
    for u in units:
        if u.level in ("province", "prefecture"):
            by_code.setdefault(u.adcode, []).append(u)
    for c, code in _ABBREVIATIONS:
        named = by_code.get(code)
        if named:
            out[c] = named[:1]
        elif c not in out:
            out[c] = [("code", code)]
    return out


_PAIR_WORD = _compile(r"([\u4e00-\u9fff])([\u4e00-\u9fff])(?=两地|两市|两县|两区|两省|两州|协作|扶贫|合作|携手|对口|帮扶|情|一家亲|同心|共建|结对)")


def _short_unit(entry, gz):
    if entry is None:
        return None
    u = entry[0]
    if isinstance(u, tuple):
        try:
            p = gz.by_adcode(u[1])
        except (KeyError, ValueError):
            return None
        return unit_of(p, as_giver=True) if p is not None else None
    return u


def short_pair(text: str, shorts: dict, side: dict, gz=None, headline: str = "") -> tuple[Unit, Unit] | None:
    """甲乙两地 / 甲乙协作: a pair written with one character per side, giver first. In a headline
    two province 简称 side by side (甲乙再续…) are a pair without a following word."""
    abbr = "".join(PROVINCE_ABBREVIATIONS)
    found = list(_PAIR_WORD.finditer(text)) + list(re.finditer(f"([{abbr}])([{abbr}])", headline))
    units: dict[str, Unit | None] = {}      # the same few characters pair up again and again

    def unit_for(c):
        if c not in units:
            units[c] = _short_unit(shorts.get(c), gz)
        return units[c]
    for m in found:
        a, b = unit_for(m.group(1)), unit_for(m.group(2))
        if a is None or b is None or a == b:
            continue
        for u in (a, b):
            if key(u) not in side:
                s = reference.sides().side(u.adcode) or reference.sides().province_side(u.adcode)
                if s:
                    side[key(u)] = s
        sa, sb = side.get(key(a), ""), side.get(key(b), "")
        if sa == "donor" and sb != "donor":
            return a, b
        if sb == "donor" and sa != "donor":
            return b, a
    return None


# ------------------------------------------------------------------ donor choice

# a speaker's turn in a transcript (发布会实录, 访谈): 姓名(职务): / 职务 姓名: at a line's start
_SPEAKER = re.compile(r"^[ \t\u3000]*(?:[\u4e00-\u9fff·]{2,6}[（(]([^（）()\n]{2,30})[）)]|"
                      r"([\u4e00-\u9fff]{2,24}?)[ \u3000]+[\u4e00-\u9fff·]{2,5}|[\u4e00-\u9fff·]{2,5})[:：]", re.M)
# a person's post after a place (甲区副区长某某): the place names the person, not a giver
_PERSON_TITLE = re.compile(r"(?:委|政府)?常?务?副?(?:市长|县长|区长|州长|省长|旗长|书记)")


# a press release's speaker line (【发布人】甲市某办主任 某某): the whole line names the speaker
_RELEASE_SPEAKER = re.compile(r"^[ \t\u3000]*【(?:发布人|发言人|嘉宾)】[:：]?[ \t\u3000]*([^\n【】]{2,40})$", re.M)


def _turn_heads(text: str) -> list[tuple[int, int, int]]:
    """(line start, title start, title end) of each speaker's line, in text order; a bare name
    (某某:) has an empty title."""
    heads = [(m.start(), m.start(1), m.end(1)) for m in _RELEASE_SPEAKER.finditer(text)]
    for m in _SPEAKER.finditer(text):
        g = 1 if m.group(1) else 2 if m.group(2) else 0
        heads.append((m.start(), *((m.start(g), m.end(g)) if g else (m.start(), m.start()))))
    return sorted(heads)


def speaker_turns(text: str) -> list[tuple[int, int, int, int]]:
    """(start, end, title start, title end) of each speaker's turn of a transcript, a turn running
    to the next speaker; [] unless at least three lines open with a speaker (two marked as a
    release's speakers: 【发布人】)."""
    found = _turn_heads(text)
    if len(found) < 3 and not (len(found) == 2 and len(_RELEASE_SPEAKER.findall(text)) == 2):
        return []
    ends = [f[0] for f in found[1:]] + [len(text)]
    return [(start, end, a, b) for (start, a, b), end in zip(found, ends)]


_NAME_BEFORE_COLON = re.compile(r"[ \t\u3000]*([\u4e00-\u9fff·]{2,6})[:：]")


def turn_units(text: str, hits: list[PlaceHit]) -> list[tuple[int, int, Unit]]:
    """(start, end, unit) of the turns a speaker speaks for a unit: the place the speaker's title
    names (【发布人】甲市某办主任, 某某(乙县县长):), or, for a bare name (某某:), the place named
    beside that name where the page introduces the person (请甲市某办主任某某介绍)."""
    out, introduced = [], {}        # (a person's introduction is looked up once per name)
    for start, end, a, b in speaker_turns(text):
        units = [h.giver_unit for h in hits if a <= h.start < b]
        if not units and a == b:
            name = _NAME_BEFORE_COLON.match(text, start)
            if name is not None and len(name.group(1)) <= 4:
                if name.group(1) not in introduced:
                    introduced[name.group(1)] = _introduced(text, hits, name.group(1))
                units = introduced[name.group(1)]
        if units:
            out.append((start, end, units[0]))
    return out


def _introduced(text: str, hits: list[PlaceHit], name: str) -> list[Unit]:
    """The place named just before a person's name where the page introduces the person (not
    where the name opens a turn: 某某:)."""
    for m in re.finditer(re.escape(name), text):
        if _opens_turn(text, m):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        near = [h for h in hits if max(line_start, m.start() - 30) <= h.start < m.start()]
        if near:
            return [near[-1].giver_unit]
    return []


def _opens_turn(text: str, m: re.Match) -> bool:
    """Whether the name found at m opens a speaker's turn (某某: at a line's start)."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    return not text[line_start:m.start()].strip() and text[m.end():m.end() + 1] in (":", "：")


def page_level_hits(text: str, hits: list[PlaceHit], side: dict, zones: Zones,
                    title_hits: list[PlaceHit]) -> list[PlaceHit]:
    """The hits the page's frame is read from: in a transcript, not the turns of a speaker for a
    unit inside the giver the headline names (甲市的发布会, 乙区副区长某某:…乙区与丙县…: that
    turn is 乙区's), nor a place naming a person's post (乙区副区长某某)."""
    turns = speaker_turns(text)
    if not turns:
        return hits
    heads = [h.giver_unit for h in title_hits if side.get(key(h.giver_unit)) == "donor"] + \
        [h.giver_unit for h in hits if zones.kind_at(h.start) == HEADLINE and side.get(key(h.giver_unit)) == "donor"]
    spans = []
    for start, end, a, b in turns:
        units = {h.giver_unit for h in hits if a <= h.start < b and side.get(key(h.giver_unit)) == "donor"}
        if any(u != t and t.contains(u) for u in units for t in heads):
            spans.append((start, end))
    return [h for h in hits if not any(a <= h.start < b for a, b in spans)
            and not (side.get(key(h.giver_unit)) == "donor" and _PERSON_TITLE.match(text, h.end))]


_EVENT_HELD = re.compile(r"[^，,。；;\s]{0,12}?(?:召开|举行|举办|开幕|闭幕|落幕|落下帷幕)")


def event_place(text: str, h: PlaceHit) -> bool:
    """A place named where an event was held (在甲区某广场举行, …会议在甲市召开), not the
    helper or the receiver the page is about (在甲区的帮扶下, 东西部协作在乙省)."""
    if h.role == "venue":
        return True
    return bool(text) and text[max(0, h.start - 1):h.start] == "在" and _EVENT_HELD.match(text, h.end) is not None


def choose_donor(hits: list[PlaceHit], side: dict, zones: Zones, title_hits: list[PlaceHit],
                 text: str = "") -> tuple[Unit | None, str]:
    """The page's giver: the broadest donor-side unit its headline names, or the one whose
    subtree the text names most; then the unit inside it the text keeps naming. ``text``: the
    page, to tell the place an event was held in (在甲区某馆举行) from a helper (在甲区的帮扶下)."""
    donor_hits = [h for h in hits if side.get(key(h.giver_unit)) == "donor" and not h.township]
    if not donor_hits:
        return None, ""
    counts = Counter(h.giver_unit for h in donor_hits)
    weight = Counter()
    for h in donor_hits:
        weight[h.giver_unit] += 2 if h.role == "giver" else 1
    head = [h.giver_unit for h in title_hits if side.get(key(h.giver_unit)) == "donor"] + \
        [h.giver_unit for h in donor_hits if zones.kind_at(h.start) in (HEADLINE, MASTHEAD)]
    how = "headline"
    if head:
        root = sorted(head, key=lambda u: -u.depth)[0]
    else:
        how = "most_named"
        root = sorted(weight, key=lambda u: (-sum(n for v, n in weight.items() if u.contains(v)),
                                            u.depth, u.adcode, u.full_name))[0]
    # the unit inside the root the text keeps naming, a giver's role counting twice
    subtree = sum(n for v, n in counts.items() if root.contains(v))
    subtree_w = sum(n for v, n in weight.items() if root.contains(v))
    for u, n in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0].adcode, kv[0].full_name)):
        if u != root and root.contains(u) and counts[u] >= 2 and \
                (counts[u] >= 0.4 * subtree or n >= 0.4 * subtree_w):
            return u, how + "+inner"
    if how == "most_named":
        # no headline giver: the one donor-side unit the lead names, inside the root the body
        # names most (今年以来,乙县依托甲省丙市的帮扶…; 甲省 named later as a destination or
        # through its own bodies), is the page's giver
        # (named in full, as the helper is: a person's home town, 来自甲市的教师, is written short)
        lead_hits = [h for h in donor_hits if zones.kind_at(h.start) == LEAD and not event_place(text, h)]
        lead = {h.giver_unit for h in lead_hits}
        if len(lead) == 1 and all(re.search(r"(省|市|区|县|州|旗|盟)$", h.surface) for h in lead_hits):
            u = next(iter(lead))
            if u != root and root.contains(u):
                return u, how + "+lead_inner"
    if weight[root] == counts[root]:
        # the root is never a giver (named only as a market, the firms' home, a destination) and
        # the lead names one unit inside it: that unit is the page's giver (在甲市乙区的帮扶下)
        lead = {h.giver_unit for h in donor_hits if zones.kind_at(h.start) in (HEADLINE, LEAD)
                and h.giver_unit != root and root.contains(h.giver_unit) and not event_place(text, h)}
        if len(lead) == 1:
            return lead.pop(), how + "+lead_inner"
    return root, how


# ------------------------------------------------------------------ recipients of the page

_COUNT_GAP = re.compile(r"[\d一二三四五六七八九十两]+个(?:贫困)?(?:区县|县区|县市|县|区|旗县|乡镇)[、和及与]")


def _runs(text: str, hits: list[PlaceHit]) -> list[list[PlaceHit]]:
    """Places named together as a list (甲县、乙县和丙县)."""
    runs, cur = [], []
    for h in hits:
        # a gap longer than three characters is no list separator (_LIST_GAP takes at most three)
        # (甲市14个区县和乙州: a count of the place's own units between two members)
        if cur and (h.start - cur[-1].end <= 3 and (
                _LIST_GAP.fullmatch(text[cur[-1].end:h.start]) or
                (text[cur[-1].end:h.start] == "的" and cur[-1].unit.contains(h.unit)))
                or h.start - cur[-1].end <= 12 and _COUNT_GAP.fullmatch(text, cur[-1].end, h.start)):
            cur.append(h)
            continue
        if cur:
            runs.append(cur)
        cur = [h]
    if cur:
        runs.append(cur)
    return runs


@dataclass(frozen=True)
class PlaceList:
    """A list of places named together: where it starts and ends, and its receiving units."""
    start: int
    end: int
    hits: tuple
    units: tuple


def _lists(text: str, hits: list[PlaceHit], side: dict) -> list[PlaceList]:
    """The page's place lists that name a receiving unit (every use of a list asks for its
    receivers); a list spelt out in brackets after a count of its members (甲市“一区三县(乙区、
    丙县…)”) replaces the name it spells out, keeping that name's position (the verb before it
    governs the members), whether or not that name is a receiver itself."""
    out: list[PlaceList] = []
    last = None            # (start, end) of the list before, kept or not
    last_kept = False      # whether that list is out[-1]
    for run in _runs(text, hits):
        recipients = [h.unit for h in run if side.get(key(h.unit)) == "recipient"]
        if not recipients:
            last, last_kept = (run[0].start, run[-1].end), False
            continue
        units = tuple(dedupe_units(recipients))
        opened = last is not None and _ENUMERATION_OPEN.search(text, max(0, run[0].start - 10), run[0].start)
        if opened and 0 <= opened.start() - last[1] <= 2:
            pl = PlaceList(last[0], run[-1].end, tuple(run), units)
            if last_kept:
                out[-1] = pl
            else:
                out.append(pl)
        else:
            pl = PlaceList(run[0].start, run[-1].end, tuple(run), units)
            out.append(pl)
        last, last_kept = (pl.start, pl.end), True
    return out


def named_sets(text: str, hits: list[PlaceHit], side: dict) -> list[tuple[int, list[Unit]]]:
    """Lists of recipient-side units named after a pairing word (对口支援甲县、乙县、丙县;
    分别与甲县、乙县结对): the donor's set of recipients, as (offset, units)."""
    return [(start, units) for start, units, _ in _named_set_spans(text, hits, side)]


def _named_set_spans(text: str, hits: list[PlaceHit], side: dict) -> list[tuple[int, list[Unit], int]]:
    """``named_sets`` with the end of each list."""
    out = []
    for pl in _lists(text, hits, side):
        prev = out[-1] if out else None
        # 甲县、乙县定点帮扶和丙县对口支援: two kinds of help for one giver's whole set
        joined = prev is not None and pl.units and prev[2] <= pl.start and \
            _COORDINATED_PAIRING.fullmatch(text, prev[2], pl.start) is not None
        if len(pl.units) < 2 and not (pl.units and pl.hits[0].role == "receiver") and not joined:
            continue
        # the pairing verb governs the list: right before it (对口支援甲县、乙县) or right after
        # it (与甲县、乙县结对, …开展协作)
        before = text[max(0, pl.start - 8):pl.start]
        after = text[pl.end:pl.end + 10]
        if _PAIRING_BEFORE.search(before) or _PAIRING_AFTER.match(after):
            if joined:
                out[-1] = (prev[0], dedupe_units(prev[1] + list(pl.units)), pl.end)
            else:
                out.append((pl.start, list(pl.units), pl.end))
    return out


def stated_pairs(text: str, hits: list[PlaceHit], side: dict) -> dict[str, list[Unit]]:
    """The pairings the page states with their giver (按照…，甲省对口支援乙县、丙县，丁省对口支援
    戊县、己县): giver adcode → its set, the first the page states for it. A page reporting on
    several givers at once says once who pairs with whom and then gives each its figures; the
    statement outranks the pairing reference, which may hold an older or a coarser pairing."""
    out: dict[str, list[Unit]] = {}
    for pl in _lists(text, hits, side):
        window = text[max(0, pl.start - 8):pl.start]
        verb = _PAIRING_VERB_BEFORE.search(window)
        if not verb or not pl.units or text.startswith("等", pl.end):
            continue            # (甲县、乙县等5个县 names some of the set, not the set)
        at = max(0, pl.start - 8) + verb.start()
        lo = max(text.rfind(c, 0, at) for c in "，,。；;\n：:") + 1
        givers = [h for h in hits if lo <= h.start and h.end <= at and side.get(key(h.giver_unit)) == "donor"]
        # the giver heads the pairing verb: right before it, with at most a word between (主要, 负责)
        if len(givers) != 1 or at - givers[0].end > 3 or _DIGIT.search(text, lo, pl.end):
            continue
        out.setdefault(givers[0].giver_unit.adcode,
                       dedupe_units(u for u in pl.units if not givers[0].giver_unit.contains(u)))
    return {k: v for k, v in out.items() if v}


# the one area a counterpart word names (援疆资金, 援藏干部): its province
AREA_OF_AID = (("援疆", "新疆维吾尔自治区"), ("援藏", "西藏自治区"), ("援青", "青海省"))


def program_sets(text: str, hits: list[PlaceHit], side: dict, donor: Unit | None) -> dict[str, list[Unit]]:
    """The donor's receivers on a page under each program it runs (…东西部扶贫协作帮扶甲省和乙市，
    对口支援丙地区、丁市): program → the units its pairing statements name. A list takes the
    program its own clause names, else the one its units' place gives (Xinjiang, Tibet, Qinghai:
    counterpart; the donor's own province: designated). Lists another giver heads in their
    clause are not the donor's."""
    out: dict[str, list[Unit]] = {}
    for start, units, _ in _named_set_spans(text, hits, side):
        lo = max(text.rfind(c, 0, start) for c in "，,。；;\n") + 1
        if any(lo <= h.start < start and side.get(key(h.giver_unit)) == "donor" and donor is not None
               and not h.giver_unit.nests(donor) for h in hits):
            continue
        said = cue_program(text[lo:start])
        for u in units:
            program = said if said and said != "mixed" else program_of([u], donor)
            if program and u not in out.setdefault(program, []):
                out[program].append(u)
    # (甲省乙州 written as a list of two: the finer unit is the partner)
    return {p: [u for u in units if not any(u != v and u.contains(v) for v in units)] for p, units in out.items()}


# the two programs together, by count (两项工作合计, 两项工作共): on a page of several programs
_BOTH_PROGRAMS = _compile(r"两项工作")


def program_said(context: str, sets: dict[str, list[Unit]], page: list[Unit], donor: Unit | None) -> list[Unit]:
    """The receivers of the program ``context`` names, on a page of several (``program_sets``):
    援疆/援藏/援青 the units of that area; 东西部…/对口支援/省内… that program's set, or the
    page's own recipients when they are of it (a headline's province over its one named county);
    both programs at once (两项工作合计) the two together. [] when it names none."""
    def of(program):
        return list(page) if page and program_of(page, donor) == program else list(sets.get(program, []))

    areas = [p for word, p in AREA_OF_AID if word in context]
    if areas:
        return [u for units in sets.values() for u in units if u.province in areas]
    said = "mixed" if _BOTH_PROGRAMS.search(context) else cue_program(context)
    if said == "mixed":
        return dedupe_units(of("east_west") + of("counterpart"))
    return of(said) if said else []


def _other_giver_before(text: str, hits: list[PlaceHit], side: dict, donor: Unit | None, at: int) -> bool:
    """Whether a donor-side unit other than the page's giver (inside it or a peer) is named in the
    sentence before ``at``: the list there is that unit's."""
    if donor is None:
        return False
    lo = max(text.rfind(c, 0, at) for c in "。；;\n？?！!") + 1
    return any(lo <= h.start < at and side.get(key(h.giver_unit)) == "donor" and h.giver_unit != donor
               and not h.giver_unit.contains(donor) for h in hits)


def _own_governed_sets(text: str, hits: list[PlaceHit], side: dict, donor: Unit | None,
                       complete: bool = False) -> list[list[Unit]]:
    """``governed_sets`` whose pairing verb no other giver heads (a unit inside the donor: 乙市对口支援丙县;
    a peer). ``complete``: only lists that do not end in 等 (甲州、乙市等8个州市 names some of them)."""
    out = []
    for pl in _lists(text, hits, side):
        if not (pl.units and _PAIRING_VERB_BEFORE.search(text[max(0, pl.start - 8):pl.start])):
            continue
        if complete and text.startswith("等", pl.end):
            continue
        if _INSTITUTION_AFTER.match(text[pl.end:pl.end + 12]):
            continue                # 组团帮扶乙县人民医院: a hospital's partner, not the donor's county
        if not _other_giver_before(text, hits, side, donor, pl.start):
            out.append(list(pl.units))
    return out


def governed_sets(text: str, hits: list[PlaceHit], side: dict) -> list[list[Unit]]:
    """Named sets right after a verb of pairing (对口支援甲县、乙县; 结对帮扶甲县和乙县): the
    donor's own partners, as opposed to places a joint activity was held in."""
    return [list(pl.units) for pl in _lists(text, hits, side)
            if pl.units and _PAIRING_VERB_BEFORE.search(text[max(0, pl.start - 8):pl.start])]


def _aid_to_short(headline: str, short: dict, side: dict) -> list[Unit]:
    """援甲/帮甲/助甲 in a headline, 甲 the one-character name of a receiving unit (援伊 → 伊犁州)."""
    for m in re.finditer(r"(?:对口)?(?:援|帮|助)([\u4e00-\u9fff])(?=项目|工作|干部|资金|协作|[\s，,:：!！])", headline):
        u = short.get(m.group(1))
        if u and not isinstance(u[0], tuple) and side.get(key(u[0])) == "recipient" and u[0].level != "province":
            return [u[0]]
    return []


def covers_all_named(areas: list[Unit], province: Unit, named: list[Unit]) -> bool:
    """Does the set ``areas`` hold every receiving unit the page names in ``province``? A set
    beside other receivers there (甲市、乙市两市和丙市的N个县; a second program's 丁州) is not the
    giver's complete set."""
    return all(any(a.contains(u) for a in areas) for u in named if province.contains(u) and u != province)


def page_recipients(text: str, zones: Zones, hits: list[PlaceHit], title_hits: list[PlaceHit], side: dict,
                    donor: Unit | None, self_unit: Unit | None, pair: tuple | None,
                    county_count=lambda u: 0, short: dict | None = None, title: str = "") -> tuple[list[Unit], str]:
    """The recipients a figure naming none takes, and where they came from. ``county_count``
    tells how many counties a prefecture has (a named set covering all of them is the
    prefecture itself)."""
    def recips(hs):
        return dedupe_units([h.unit for h in hs if side.get(key(h.unit)) == "recipient"])

    # (not where the event the headline reports took place: …联席会议在甲市召开)
    head = recips([h for h in title_hits if not event_place(title, h)]) or \
        recips([h for h in hits if zones.kind_at(h.start) == HEADLINE and not event_place(text, h)])
    if pair is not None and (not head or all(not pair[1].contains(u) for u in head)) and \
            side.get(key(pair[1])) == "recipient":
        head = head or [pair[1]]
    if not head:
        head = _aid_to_short(title + "\n" + zones.text_of(text, HEADLINE), short or {}, side)
    if head:
        head = _refine(_collapse(head), hits, side)
        # the donor's own counties named inside the headline's prefecture: those, unless they
        # are all of its counties (then the prefecture is what the page means); not the
        # partners of a unit inside the donor (甲省…, 乙市对口支援丙县: 丙县 is 乙市's)
        for units in _own_governed_sets(text, hits, side, donor, complete=True):
            inside = [u for u in units if u.level == "county" and any(h.contains(u) and h != u for h in head)]
            holders = {h for h in head for u in inside if h.contains(u)}
            if inside and len(inside) == len(units) and len(holders) == 1:
                holder = holders.pop()
                if holder.level == "prefecture" and len(inside) < county_count(holder):
                    return inside, "frame_headline+named_set"
        # the headline's province (沪滇, 甲省…乙省) and the donor's own set of prefectures or
        # counties in it, named with its pairing word (对口帮扶乙省丙州、丁州…N个州市; 与丙县、丁县
        # 两个结对县携手): the set is what the page means, when it is the whole set the page names
        # there (not 甲州、乙州等N个州市) and not the receiving province's own page (我省…: it
        # speaks of itself as a whole)
        named = recips([h for h in hits if not event_place(text, h)])
        for start, units, end in (_named_set_spans(text, hits, side) if all(h.level == "province" for h in head) else ()):
            if text.startswith("等", end) or _other_giver_before(text, hits, side, donor, start):
                continue
            # (a corps unit is named by its division, which the set's own naming does not give)
            areas = [u for u in units if u.level in ("prefecture", "county") and not u.full_name.startswith(CORPS)
                     and any(h.level == "province" and h.contains(u) and h != self_unit for h in head)]
            holders = {h for h in head for u in areas if h.contains(u)}
            if len(areas) >= 2 and len(areas) == len(units) and len(holders) == 1 and \
                    covers_all_named(areas, next(iter(holders)), named):
                return areas, "frame_headline+named_set"
        return head, "frame_headline"
    if self_unit is not None and side.get(key(self_unit)) != "donor":
        return [self_unit], "frame_self"
    if pair is not None:
        return [pair[1]], "frame_short_pair"
    # (not a set another giver heads: 乙区在结对帮扶丙县方面…, on 甲市's page)
    sets = [(at, units) for at, units in named_sets(text, hits, side) if not _other_giver_before(text, hits, side, donor, at)]
    lead = recips([h for h in hits if zones.kind_at(h.start) in (LEAD, DIGEST, BYLINE)])
    if sets and max(len(u) for _, u in sets) == 1:
        frequent = _frequent(hits, side)
        if len(frequent) > 1 and any(sets[0][1][0] in frequent for _ in (0,)):
            return frequent, "frame_frequent"
    if sets:
        # the largest set named (the donor's complete set), unless the lead names one unit; a
        # set's members named only once beside members the text keeps naming are another
        # program's partners listed in passing
        first = max(sets, key=lambda s: (len(s[1]), -s[0]))[1] if len(sets) > 1 else sets[0][1]
        # sets named at different times for one prefecture add up (甲州乙县、丙县…; 又增加丁县…)
        prefs = {u.adcode[:4] for u in first if u.level == "county"}
        if len(prefs) == 1:
            more = [units for _, units in sets if units is not first]
            # a list the range of help was widened to (又增加了甲州的乙县、丙县…)
            more += [dedupe_units([h.unit for h in run if side.get(key(h.unit)) == "recipient"])
                     for run in _runs(text, hits)
                     if _WIDENED.search(text[max(0, run[0].start - 12):run[0].start])]
            for units in more:
                if units and all(u.level == "county" and u.adcode[:4] in prefs for u in units):
                    first = dedupe_units(list(first) + list(units))
        named = Counter(h.unit for h in hits)

        def again(u):
            # named again, itself, a unit inside it or its prefecture (甲市乙县 … 甲市)
            n = sum(c for v, c in named.items() if u.contains(v) or
                    (v.level == "prefecture" and v.contains(u)))
            return n >= 2
        repeated = [u for u in first if again(u)]
        if len(repeated) >= 1 and len(repeated) < len(first) and len(first) > 2:
            first = repeated
        if len(lead) == 1 and not any(lead[0].contains(u) for u in first) and len(first) < 2:
            return _refine(lead, hits, side), "frame_lead"
        return _refine(first, hits, side), "frame_named_set"
    if lead:
        return _refine(_lead_units(lead, [h for h in hits if zones.kind_at(h.start) in (LEAD, DIGEST, BYLINE)], side),
                       hits, side), "frame_lead"
    body = Counter(h.unit for h in hits if side.get(key(h.unit)) == "recipient")
    if body:
        units = dedupe_units(u for u, _ in sorted(body.items(), key=lambda kv: (-kv[1], kv[0].adcode)))
        holders = [u for u in body if all(u.contains(v) for v in units)]
        if len(units) == 1:
            return units, "frame_only_recipient"
        if holders:
            return [max(holders, key=lambda u: u.depth)], "frame_common_holder"
    return [], ""


def _lead_units(units: list[Unit], lead_hits: list[PlaceHit], side: dict) -> list[Unit]:
    """The lead's receivers, the most specific ones, unless the unit the lead names most holds
    the others below it and is named more often than they are together (甲州 throughout, its
    乙县 once; the province above it says where, not whom)."""
    named = Counter(h.unit for h in lead_hits if side.get(key(h.unit)) == "recipient")
    if named:
        top = max(named, key=lambda u: (named[u], -u.depth))
        inside = [u for u in named if u != top and top.contains(u)]
        if top.level != "province" and inside and all(u.nests(top) for u in named) and named[top] > sum(named[u] for u in inside):
            return [top]
    return _collapse(units)


def _refine(units: list[Unit], hits: list[PlaceHit], side: dict) -> list[Unit]:
    """A province in the headline stands for the one unit inside it that the text keeps naming
    as the receiver (甲省 in the headline, its 乙市 throughout the body)."""
    named = Counter(h.unit for h in hits if side.get(key(h.unit)) == "recipient" and h.role != "venue")
    out = []
    for u in units:
        if u.level == "province":
            inside = [v for v, n in named.items() if v != u and u.contains(v) and n >= 2]
            top = [v for v in inside if not any(w != v and w.contains(v) for w in inside)]
            if len(top) == 1 and named[top[0]] >= named.get(u, 0):
                out.append(top[0])
                continue
        out.append(u)
    return dedupe_units(out)


def _frequent(hits: list[PlaceHit], side: dict) -> list[Unit]:
    """Recipient-side units the page names at least twice, at the highest level they are named."""
    named = Counter(h.unit for h in hits if side.get(key(h.unit)) == "recipient" and h.role != "venue"
                    and h.unit.level != "province")
    units = [u for u, n in named.items() if n >= 2]
    top = [u for u in units if not any(v != u and v.contains(u) for v in units)]
    return sorted(top, key=lambda u: (-named[u], u.adcode))


def _collapse(units: list[Unit]) -> list[Unit]:
    return dedupe_units(units)


# ------------------------------------------------------------------ program

def cue_program(context: str) -> str:
    if not _ANY_CUE.search(context):
        return ""          # most clauses name no program: one search instead of three
    cp = _COUNTERPART_CUES.search(context) is not None
    ew = _EAST_WEST_CUES.search(context) is not None
    if _DESIGNATED_CUES.search(context) and not (cp or ew):
        return "designated"
    return "mixed" if cp and ew else "counterpart" if cp else "east_west" if ew else ""


def program_of(recipients: list[Unit], donor: Unit | None, context_cue: str = "") -> str:
    if context_cue and context_cue != "mixed":
        return context_cue
    kinds = set()
    for u in recipients:
        if u.province in _COUNTERPART:
            kinds.add("counterpart")
        elif donor is not None and donor.level != "central" and u.province == donor.province:
            kinds.add("designated")
        else:
            kinds.add("east_west")
    if len(kinds) == 1:
        return kinds.pop()
    if kinds:
        return "mixed"
    return context_cue or ""
