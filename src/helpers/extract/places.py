"""Places in a text, typed by the role the sentence gives them.

The gazetteer says *what* a name is (甲县 → an official county with its adcode); this module says
*what it does in its sentence*:

* ``giver``: it stands as the subject of its clause (at the clause start, after a time phrase
  or connective) and a giving verb follows (甲市投入, 甲区2019年选派, 甲市慈善协会向…捐赠);
* ``receiver``: it follows a preposition or verb of helping (向乙县, 帮扶乙州, 赴乙县挂职);
* ``venue``: an event was held there (在丙市举办…);
* ``attribute``: it qualifies people or firms (甲市籍, 甲市的企业);
* ``mention``: none of these.

Roles are local evidence; which *side* a unit is on in the whole document (donor or recipient)
is decided in ``helpers.extract.frame`` from the roles of all its mentions and the pairing
reference.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cached_property

from . import grammar as g, reference
from .rx import compile as _compile, rx as _rx

# the gazetteer's township/zone levels count for the admin unit that holds them
_ADMIN_SUFFIX = _compile(r"(省|市|县|区|州|旗|盟|乡|镇|自治区)$")


class _Ending:
    r"""A pattern that ends with ``\s*$`` (a word right before the place), searched only where a
    match can start: no further back from the last non-space character than the longest match
    of what stands before the ``\s*$``. Only whether it is found is asked."""

    def __init__(self, pattern: str):
        from re import _constants as C, _parser
        self.rx = _compile(pattern)
        self.reach = None            # longest match before \s*$ (None: search everywhere)
        items = list(_parser.parse(pattern).data)
        spaces = items[-2:-1] and items[-2][0] is C.MAX_REPEAT and items[-2][1][:2] == (0, C.MAXREPEAT) \
            and list(items[-2][1][2]) == [(C.IN, [(C.CATEGORY, C.CATEGORY_SPACE)])]
        if spaces and items[-1] == (C.AT, C.AT_END):
            parsed = _parser.parse(pattern)
            parsed.data = items[:-2]
            width = parsed.getwidth()[1]
            self.reach = width if width < C.MAXREPEAT else None

    def found(self, before: str) -> bool:
        if self.reach is None:
            return self.rx.search(before) is not None
        # the part before \s* ends at or after the last non-space character
        return self.rx.search(before, max(0, len(before.rstrip()) - self.reach)) is not None


_RECEIVER_BEFORE = _Ending(g.RECEIVER_BEFORE)
_MARKERS = [(name, _Ending("(?:" + p + r")(?:了|的)?\s*$")) for name, p, _ in g.RECEIVER_MARKERS]
_VENUE_BEFORE = _compile(r"在[^，,。；;：:在]{0,20}$")
_VENUE_AFTER = _compile(g.VENUE_AFTER)
_ATTRIBUTE_AFTER = _compile(g.ATTRIBUTE_AFTER)
_AREA_BOUNDED = _compile(g.AREA_BOUNDED_AFTER)
# a news agency's dateline (…网甲市1月9日电, 本报甲市讯): where the story was filed
_DATELINE = _compile(r"^\s*(\d{1,2}月\d{1,2}日)?\s*(电|讯)")
# time phrases and connectives that may stand between a clause start and its subject
_CLAUSE_LEAD = (
    r"(?:其中|同时|此外|另外|而|并|又|还有|一是|二是|三是|四是|五是|六是|首先|其次|最后|近年来|多年来|"
    r"截至目前|截至\d{4}年底?|截至\d{4}年\d{1,2}月(?:底)?|今年以来|今年|去年|当年|全年|明年|上半年|下半年|"
    r"(?:自|从)?\d{4}年(?:以来|起)?|\d{4}年\d{1,2}月(?:以来)?|[一二三四五六七八九十两]+年来)")
_CLAUSE_OPEN = _compile(
    r"(?:^|[，,。；;：:！？!?\n)）]|(?<=[^\u4e00-\u9fff、]))\s*" + _CLAUSE_LEAD + r"?[,，]?\s*$")


def _last_chars(pattern: str) -> re.Pattern | None:
    """A character class of the characters a match of ``pattern`` can end with (None when the
    pattern can match the empty string or holds something this reading does not follow)."""
    from re import _constants as C, _parser

    def item(op, av) -> str:
        if op is C.LITERAL:
            return re.escape(chr(av))
        if op is C.RANGE:
            return re.escape(chr(av[0])) + "-" + re.escape(chr(av[1]))
        if op is C.CATEGORY and av is C.CATEGORY_DIGIT:
            return r"\d"
        raise ValueError

    def ends(items) -> tuple[list[str], bool]:
        out: list[str] = []
        for op, av in reversed(list(items)):
            if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
                continue
            if op is C.LITERAL:
                return out + [item(op, av)], False
            if op is C.IN:
                return out + [item(o, a) for o, a in av], False     # NEGATE raises in item()
            if op is C.BRANCH:
                empty = False
                for alt in av[1]:
                    chars, alt_empty = ends(alt)
                    out, empty = out + chars, empty or alt_empty
            elif op is C.SUBPATTERN and not av[1] and not av[2]:
                chars, empty = ends(av[3])
                out += chars
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
                chars, empty = ends(av[2])
                out, empty = out + chars, empty or av[0] == 0
            else:
                raise ValueError
            if not empty:
                return out, False
        return out, True

    try:
        chars, empty = ends(_parser.parse(pattern).data)
    except ValueError:
        return None
    return None if empty else re.compile("[" + "".join(chars) + "]")


_CLAUSE_LEAD_ENDS = _last_chars(_CLAUSE_LEAD)


def _clause_opens(window: str) -> bool:
    """``_CLAUSE_OPEN.search(window)``: does ``window`` end where a clause's subject can start?
    One look at its last character mostly tells:

    * a Chinese character or 、 that ends no time phrase or connective (most windows: a place
      right after a verb, a noun or in a list) cannot end a match;
    * any other character (punctuation, a digit, a space) is what ``(?<=[^\u4e00-\u9fff、])``
      accepts before the empty rest of the pattern: the window matches at its end."""
    last = window[-1:]
    cjk = "\u4e00" <= last <= "\u9fff"
    if _CLAUSE_LEAD_ENDS is not None and (cjk or last == "、") and not _CLAUSE_LEAD_ENDS.match(last):
        return False
    if last and not cjk and last != "、":
        return True
    return _CLAUSE_OPEN.search(window) is not None


# …gives, hosts people from the other side (接收), or turns to a receiver (向/为/对/给/与), or works in
# a place (甲省在乙市实施项目…; not 在甲市支持下)
_GIVING_AFTER = _compile(g.GIVER_TAIL_RE + r"(?:" + g.GIVING_VERB + r"|接收|向|为|对|给|与|在[^，,。；;\d]{1,12}?(?:"
                         + g.GIVING_VERB + r"|实施)(?!下))")
_BODY_AFTER = _compile(g.PLACE_BODIES)
_BRINGING_IN = ("引进", "引入", "招引")
_LABEL_AFTER = _compile(r"\s*[:：]\s*")
_ASSIGNED_TO = _compile(g.ASSIGNED_TO)
_ASSIGNED_AFTER = _compile(g.ASSIGNED_AFTER)
_FIGURE_AFTER = _compile(r"[\d一二三四五六七八九十两百千]+(\.\d+)?\s*(余|多)?(万|亿)?(余|多)?(元|名|人|个|家|项)")
_AID_TEAM = _compile(g.AID_TEAM + r"(?=[^\u4e00-\u9fff]|[\u4e00-\u9fff])")
_PEOPLE_AFTER = _compile(r"^[\d一二三四五六七八九十百千万余多名位人]{0,8}(?:籍|名|位)?(?:干部|人才|教师|医生|专家|群众|劳动力|学生)")


@dataclass(frozen=True)
class Unit:
    """A place as the panel names it: townships and zones inside a unit count for that unit,
    except a zone that gives (天津港保税区 keeps its name as a donor)."""
    adcode: str
    full_name: str
    name: str
    province: str
    level: str              # province · prefecture · county · zone · central

    def contains(self, other: "Unit") -> bool:
        """Whether this unit is ``other`` or contains it (by adcode)."""
        if self.level == "central" or other.level == "central":
            return self == other
        if self.level == "prefecture" and other.full_name.startswith(CORPS):
            return False        # a corps unit is in no prefecture, only in its province
        keep = _CODE_DIGITS.get(self.level, 6)
        return self.adcode[:keep] == other.adcode[:keep] and \
            (self.level != "zone" or other == self)

    @cached_property
    def key(self) -> str:
        """Identity of the unit within a reading: code and level, and for a zone its name (zones
        and corps regiments share their administrative unit's code). Made once per unit: the
        frame asks for it for every hit, again and again (units are shared across readings)."""
        return f"{self.adcode}:{self.level}" + (f":{self.full_name}" if self.level == "zone" else "")

    def nests(self, other: "Unit") -> bool:
        return self.contains(other) or other.contains(self)

    @property
    def depth(self) -> int:
        return {"province": 1, "prefecture": 2, "county": 3, "zone": 4, "central": 0}.get(self.level, 3)


CORPS = "新疆生产建设兵团"
# the adcode digits a unit of a level shares with every unit inside it
_CODE_DIGITS = {"province": 2, "prefecture": 4}


def unit_of(place, as_giver: bool = False) -> Unit:
    """The panel's unit for a gazetteer place. A corps division keeps its own name (新疆生产建设兵团
    第一师), with its city when the text names both (…第一师阿拉尔市)."""
    if place.level == "zone" and place.full_name.startswith(CORPS):
        full = place.full_name
        city = place.admin_full_name[len(place.province):] if place.admin_full_name.startswith(place.province) else ""
        if city and city in (place.as_written or "") and not full.endswith(city):
            full += city
        # a division that is also a city (师市合一) is county-level there; one without a city of
        # its own stands beside the city it sits in, a zone of its own name
        return Unit(place.adcode, full, full, place.province, "county" if place.adcode.startswith("6590") else "zone")
    if place.level == "zone" and not as_giver and place.adcode.endswith("00") and not place.adcode.endswith("0000"):
        # a city's own development zone (甲经济技术开发区) lies in no county of the table: as a
        # receiver it is a unit of its own name (the pairing reference pairs such zones), a zone
        # (its key holds the name; it contains only itself)
        return Unit(place.adcode, place.full_name, place.name, place.province, "zone")
    if place.level == "township" or (place.level == "zone" and not as_giver):
        full = place.admin_full_name or place.full_name
        level = "county"
        if full == place.province:
            level = "province"
        return Unit(place.adcode, full, full, place.province, level)
    level = place.level if place.level in ("province", "prefecture", "county", "zone") else "county"
    return Unit(place.adcode, place.full_name, place.name, place.province, level)


@dataclass(frozen=True)
class PlaceHit:
    start: int
    end: int
    surface: str
    unit: Unit              # as a receiver would be named (township → its county)
    giver_unit: Unit        # as a giver would be named (a zone keeps its name)
    role: str               # giver · receiver · venue · attribute · mention
    township: bool = False
    marker: str = ""        # for receivers: the class of the word before (to · help · go · from)
    text_gap_ok: bool = True   # the text between this and the previous hit is a list separator


_ASIDE = re.compile(r"[（(][\u4e00-\u9fff、，,]{1,16}[）)]")     # (a gloss in letters is no aside)
# a place left out of a whole in brackets (全省(不含甲市), 甲省(除乙市外))
_EXCLUDED_BEFORE = re.compile(r"[（(]\s*(?:不含|不包括|除去?)\s*$")


def role_of(text: str, start: int, end: int) -> tuple[str, str]:
    """(role, marker) a place at text[start:end] plays in its clause (see the module docstring)."""
    before = text[max(0, start - 12):start]
    after = text[end:end + 24]
    if _VENUE_BEFORE.search(text[max(0, start - 20):start]) and _VENUE_AFTER.match(after):
        return "venue", ""
    if _DATELINE.match(after) or _AREA_BOUNDED.match(after):
        return "venue", ""
    if _ATTRIBUTE_AFTER.match(after) or _PEOPLE_AFTER.match(after):
        return "attribute", ""
    if _EXCLUDED_BEFORE.search(before):
        return "attribute", "excluded"    # 甲省(不含乙市)安排…: 乙市 is left out of the figure
    if _ASSIGNED_TO.search(before) and _ASSIGNED_AFTER.match(after):
        return "giver", "assigned"        # 下达给甲区的…任务: 甲区 is to do it
    marker = next((n for n, p in _MARKERS if p.found(before)), "") if _RECEIVER_BEFORE.found(before) else None
    if marker in ("to", "help", "from"):
        return "receiver", marker         # 对口帮扶乙县前方指挥部: the team's object
    if _AID_TEAM.match(after):
        return "giver", "team"            # (在)甲市第八批援藏工作队: the team's place gives
    if marker is not None:
        return "receiver", marker
    if _clause_opens(text[max(0, start - 24):start]) or start == 0:
        tail = after
        aside = _ASIDE.match(tail)          # 甲省(不含乙市)全年安排…: the aside is no part of the verb's way
        if aside:
            tail = text[end + aside.end():end + aside.end() + 24]
        body = _BODY_AFTER.match(tail)
        if body:
            tail = tail[body.end():]
        label = _LABEL_AFTER.match(tail)    # 甲市:向乙县拨付…: a passage headed by its giver
        giving = _GIVING_AFTER.match(tail[label.end():] if label else tail)
        if giving and not (giving.group(0).endswith(_BRINGING_IN) and
                           tail[label.end() if label else 0:][giving.end():].startswith("的")):
            return "giver", ""           # (甲县引进的乙市企业投资…: what it brought in gives, not it)
        if _FIGURE_AFTER.match(after):
            return "head", ""            # 其中甲市N亿元、乙省M亿元: the place heads its amount
    return "mention", ""


_DEFINED_SHORT = re.compile(r"[（(](?:以下)?简称[“\"「]?([\u4e00-\u9fff]{1,6}?)[”\"」]?[)）]")


def _runs_before(text: str, hits: list[PlaceHit], last: PlaceHit) -> list[PlaceHit]:
    """The list of places ending at ``last`` (甲县、乙县和丙县)."""
    run = [last]
    for h in reversed([x for x in hits if x.end <= last.start]):
        if re.fullmatch(r"[\s、，,和与及]{1,2}", text[h.end:run[-1].start]):
            run.append(h)
        else:
            break
    return run


def defined_short_names(text: str, hits: list[PlaceHit]) -> list[PlaceHit]:
    """A short name the text defines for a place (甲县(简称甲县短名)): every later mention of
    it is that place. Returns the hits with those mentions added, in text order."""
    def spans():
        for h in hits:
            m = _DEFINED_SHORT.match(text, h.end)
            if m is None or len(m.group(1)) < 2:
                continue
            short = m.group(1)
            if re.search(r"[\d一二两三四五六七八九十]", short) or len(_runs_before(text, hits, h)) > 1:
                continue      # 东三县, 两县: a name for a set, read as a back reference, not one place
            for k in re.finditer(re.escape(short), text[m.end():]):
                yield m.end() + k.start(), m.end() + k.end(), short, h
    return _with_mentions(text, hits, spans())


def _with_mentions(text: str, hits: list[PlaceHit], spans) -> list[PlaceHit]:
    """``hits`` with a mention of a hit's place added for each ``(start, end, surface, hit)`` of
    ``spans`` that no hit, nor a mention added before it, overlaps (a short name inside a name
    already found is that name's start), in text order."""
    taken = [(h.start, h.end) for h in hits]
    extra = []
    for a, b, surface, h in spans:
        if any(s0 < b and a < e0 for s0, e0 in taken):
            continue
        role, marker = role_of(text, a, b)
        extra.append(PlaceHit(a, b, surface, h.unit, h.giver_unit, role, False, marker, False))
        taken.append((a, b))
    if not extra:
        return hits
    return sorted(hits + extra, key=lambda x: (x.start, x.end))


# a development zone's kind word, which a page uses alone for the one zone of that kind it names
# in full (甲高新区 …, 高新区安排…): the endings of the zone's full name → the bare word
_ZONE_WORDS = (("高新技术产业开发区", "高新区"), ("高新技术产业园区", "高新区"), ("经济技术开发区", "经开区"),
               ("新区", "新区"), ("保税区", "保税区"))
# a character before the bare word that ends a word (so the word is not the tail of another name)
_WORD_ENDS_BEFORE = set("，,。；;：:、（(“\"」 　\n来到在向与和及对为赴由")


def zone_short_names(text: str, hits: list[PlaceHit]) -> list[PlaceHit]:
    """The bare kind word (高新区, 经开区, 新区) of the one zone of that kind a page names in full
    is that zone wherever it stands alone. Returns the hits with those mentions added, in text order."""
    zones: dict[str, dict] = {}
    for h in hits:
        for ending, word in _ZONE_WORDS:
            # (a new area may be a district of its own: 甲新区 at county level)
            if h.giver_unit.full_name.endswith(ending) and (h.giver_unit.level == "zone" or word == "新区"):
                zones.setdefault(word, {})[h.giver_unit.key] = h
    def spans():
        for word, named in zones.items():
            if len(named) != 1:
                continue                      # two zones of a kind: the bare word names neither
            h = next(iter(named.values()))
            for a in _occurrences(text, word):
                if a == 0 or text[a - 1] in _WORD_ENDS_BEFORE:
                    yield a, a + len(word), word, h
    return _with_mentions(text, hits, spans())


# a side named by a unit's one-character short name and 方 (沪方, 粤方, 甬方: the Shanghai side), not
# a word of 方 (双方, 各方, 地方) nor 方面/方案/方式 (援疆方面 is "as for aid to Xinjiang")
_SIDE_WORD = re.compile(r"([\u4e00-\u9fff])方(?![面案式法针阵言圆])")
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
_SIDE_BEFORE = _WORD_ENDS_BEFORE | set("年月日的中是将")
_NOT_SIDE = frozenset("双各对我东西南北地官多一甲乙军警校院资买卖上下前后远药配处大平立成他己友敌男女贵")


def side_short_names(text: str, hits: list[PlaceHit], shorts: dict, donor: Unit | None = None) -> list[PlaceHit]:
    """沪方/粤方/甬方 for the unit the page names in full under that short name (``shorts``: a
    character → [unit], as ``frame.short_names`` gives it); for the page's giver ``donor`` when
    that unit holds it (津方 on a page whose partner is a district of 天津: the side of the pair).
    Returns the hits with those mentions added, in text order."""
    if "方" not in text:
        return hits
    by_code = {}
    for h in hits:
        by_code.setdefault(h.giver_unit.adcode, h)
        by_code.setdefault(h.unit.adcode, h)

    def spans():
        for m in _SIDE_WORD.finditer(text):
            c = m.group(1)
            before = text[m.start() - 1] if m.start() else "\n"
            if _CJK_CHAR.match(before) and before not in _SIDE_BEFORE:
                continue      # 帮扶方, 受援方: the tail of a word, not a short name
            named = shorts.get(c) if c not in _NOT_SIDE else None
            if not named or isinstance(named[0], tuple) or named[0].adcode not in by_code:
                continue
            side = donor if donor is not None and donor.adcode in by_code and donor != named[0] and \
                named[0].contains(donor) else named[0]
            yield m.start(), m.end(), m.group(0), by_code[side.adcode]
    return _with_mentions(text, hits, spans())


# where a place stands: after a verb or preposition of going or giving, or in a list; or before a
# figure, a list mark or a clause end
_SLOT_BEFORE = _compile(r"(?:在|赴|到|分赴|奔赴|前往|向|为|对|帮扶|其中|、|和|与|及)$")
_SLOT_AFTER = _compile(r"[、，,和与及；;。]|[\d一二三四五六七八九十两]")
_CLAUSE_HEAD = _compile(r"(?:^|[\n，,。；;：:]|[\n，,。；;：:]\s*(?:今年|去年|全年|同时|此外))$")
_SUBJECT_VERB = _compile(r"(?:今年|去年|全年|累计|共|先后)?(?:对口帮扶|结对帮扶|对口支援|帮扶|援建|选派|投入|拨付|安排|引导|组织|接收|向)")
_COUNTY_BASE = _compile(r"^([\u4e00-\u9fff]{2})(?:(?:[\u4e00-\u9fff]{1,4}族)+自治县|县|区|旗|市)$")


def common_word_short_names(text: str, hits: list[PlaceHit]) -> list[PlaceHit]:
    """A county or city whose short form is an ordinary word (大方, 安定, 中山), which the gazetteer never
    reads alone, is named by it once the text has named the county in full, where a place
    stands: after 在/赴/到/向…, in a list with another place, before a figure (其中甲N万元), or at
    the head of a clause before a verb of helping (甲今年向乙投入…).
    Returns the hits with those mentions added, in text order."""
    from ..gazetteer import COMMON_WORDS
    bases = {}
    for h in hits:
        m = _COUNTY_BASE.match(h.unit.name) if h.unit.level in ("county", "prefecture") and h.surface.endswith(
            ("县", "区", "旗", "市")) else None
        if m and m.group(1) in COMMON_WORDS:
            bases.setdefault(m.group(1), h)
    if not bases:
        return hits

    def spans():
        for base, h in bases.items():
            for k in re.finditer(base, text):
                a, b = k.start(), k.end()
                if _names_a_place_here(text, hits, a, b):
                    yield a, b, base, h
    return _with_mentions(text, hits, spans())


def _names_a_place_here(text: str, hits: list[PlaceHit], a: int, b: int) -> bool:
    """Whether a common-word short name at text[a:b] stands where a place does."""
    # in a list with another place (甲、乙县 / 乙县、甲), after a verb or preposition of
    # going or giving, or as the head of an amount after 其中 (其中甲N万元)
    listed = (_rx.search(r"[、和与及]$", text[max(0, a - 1):a]) and any(x.end == a - 1 for x in hits)) or (
        _rx.match(r"[、和与及]", text, b) and any(x.start == b + 1 for x in hits))
    governed = _SLOT_BEFORE.search(text, max(0, a - 2), a) and not _rx.search(r"[、和与及]$", text[max(0, a - 1):a]) \
        and _SLOT_AFTER.match(text, b) and not _rx.match(r"两", text, b)
    amount = _rx.search(r"(?:其中|、)$", text[max(0, a - 2):a]) and _rx.match(r"\d+(?:\.\d+)?\s*(?:万|亿)?(?:元|人|户|个|家|名)", text, b)
    # the subject of a verb of helping at the head of a clause (甲对口帮扶乙, 甲今年选派…)
    subject = _CLAUSE_HEAD.search(text, max(0, a - 3), a) is not None and _SUBJECT_VERB.match(text, b) is not None
    return bool(listed or governed or amount or subject)


# Firms and platforms whose names begin with a place name (e-commerce help names them often):
# 阿里巴巴 is no 阿里地区.
_BRANDS = ("阿里巴巴", "阿里云", "阿里健康", "阿里研究院")


def find_places(gz, text: str, context=()) -> list[PlaceHit]:
    """Every resolved place mention of ``text`` with its role, in text order. A bare short form
    repeating the start of a place named earlier in full (江达 after 索县江达乡) is that place.
    ``context``: units the page names outside the text (its header), which support short forms."""
    out = []
    # the places named with their suffix, first naming first; one entry per name and code (what
    # the test below reads), so that a text repeating its places does not lengthen the list
    named: dict[tuple[str, str], object] = {}
    prev_end = -10
    codes = [u.adcode for u in context]
    found = gz.find(text, context=codes or None)
    if any(m.place is None and m.candidates for m in found):
        # an ambiguous name (西湖区: 杭州 or 南昌) is read with the partners the pairing
        # reference gives the places the text does resolve
        codes = codes + _partners_of(found)
        found = gz.find(text, context=codes)
    pair_codes = _named_pair_partners(gz, text, found)
    if pair_codes:
        # a page naming a district names its partner county short (甲区企业到乙考察): the
        # pairing reference supports the bare short name of a county-level unit's own partner
        # (read with the context the ambiguous names were, if any)
        found = gz.find(text, context=codes + pair_codes)
    zone_named = Counter(m.place.name for m in found if m.place is not None and m.place.level == "zone"
                         and _ADMIN_SUFFIX.search(m.surface))
    # how often the page names each place in full (a bare name shared by a prefecture and its
    # city of the same name is the one the page names more)
    named_in_full = Counter(m.place.adcode for m in found if m.place is not None and _ADMIN_SUFFIX.search(m.surface))
    for m in found:
        if m.place is None:
            continue
        place = m.place
        if not _ADMIN_SUFFIX.search(m.surface):
            for q in named.values():
                # (a zone named after its city once, in passing: 甲 after one 甲高新区 is the city;
                # on a page that keeps naming the zone, 甲 is the zone)
                if q.name.startswith(m.surface) and q.adcode != place.adcode and (
                        q.level != "zone" or zone_named[q.name] >= 2) and \
                        not _prefecture_or_its_city(text, m, place, q, named_in_full):
                    place = q
                    break
        else:
            named.setdefault((place.name, place.adcode), place)
        # a place inside a longer word (甲县人民医院) still names the place; a university does not
        if text[m.end:m.end + 2] in ("大学", "学院") or text.startswith(_BRANDS, m.start):
            continue
        role, marker = role_of(text, m.start, m.end)
        listed = prev_end >= 0 and bool(_LIST_GAP.fullmatch(text, prev_end, m.start))
        if listed and out and role in ("mention", "giver") and out[-1].role == "receiver" \
                and out[-1].marker in ("to", "help"):
            # the members of a list after a preposition share its role: 向甲县、乙县、丙县分别…
            role, marker = out[-1].role, out[-1].marker
        out.append(PlaceHit(m.start, m.end, m.surface, *_units(place),
                            role, place.level == "township", marker, listed))
        prev_end = m.end
    if any(h.unit.full_name.startswith(CORPS) for h in out):
        # (both passes read corps units only)
        out = corps_regiments(text, _corps_with_city(out))
    return _counties_in_lists(gz, text, _list_givers(text, out))


def _prefecture_or_its_city(text: str, m, place, other, named_in_full: Counter) -> bool:
    """Whether a bare name read as ``place`` stays so beside ``other``, where one is a prefecture
    and the other a county-level city inside it of the same name (甲 for 甲州 or 甲市): in a list
    (甲、乙、丙) the gazetteer's reading; standing alone, the one of the two the page names more
    often in full (the gazetteer's reading on a tie)."""
    if {place.level, other.level} != {"prefecture", "county"} or place.adcode[:4] != other.adcode[:4]:
        return False
    if text[m.start - 1:m.start] in _LIST_JOINS or text[m.end:m.end + 1] in _LIST_JOINS:
        return True       # (the gazetteer reads a list by its members' level)
    return named_in_full[place.adcode] >= named_in_full[other.adcode]


_LIST_JOINS = ("、", "和", "及", "与")


# the units of a place: reports name their few places many times, and the gazetteer hands out
# the same Place object for a name in every text, so units are made once across documents. The
# entry keeps its place, so an id is never reused while it is in the table; the table is
# emptied when it grows large (places made for one text, such as townships, are not shared).
_UNITS: dict[int, tuple[object, Unit, Unit]] = {}


def _units(place) -> tuple[Unit, Unit]:
    """(unit, giver unit) of a place: as a receiver and as a giver would be named."""
    hit = _UNITS.get(id(place))
    if hit is not None and hit[0] is place:
        return hit[1], hit[2]
    u = unit_of(place)
    giver = unit_of(place, as_giver=True)
    if giver == u:
        giver = u                      # one object when both namings agree (most places)
    if len(_UNITS) > 50_000:
        _UNITS.clear()
    _UNITS[id(place)] = (place, u, giver)
    return u, giver


_REGIMENT = re.compile(r"(\d{1,3}|[一二三四五六七八九十〇零]{1,4})团(?![结队员委伙体组长场部])")
_CN = "〇一二三四五六七八九"


def _regiment_name(number: str) -> str:
    """A regiment's number as its official name writes it: 十团, 十二团, 二二一团 (three digits
    read one by one)."""
    if not number.isdigit():
        return number
    n = int(number)
    if n >= 100:
        return "".join(_CN[int(c)] for c in number)
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else _CN[tens]) + "十" if tens else "") + (_CN[ones] if ones else "")


def corps_regiments(text: str, hits: list[PlaceHit]) -> list[PlaceHit]:
    """兵团第N师M团: the regiment, one unit inside its division (…第N师M团)."""
    out = []
    for h in hits:
        m = _REGIMENT.match(text, h.end) if h.unit.full_name.startswith(CORPS) and h.unit.full_name.endswith("师") else None
        if m is None:
            out.append(h)
            continue
        full = h.unit.full_name + _regiment_name(m.group(1)) + "团"
        u = Unit(h.unit.adcode, full, full, h.unit.province, "zone")     # inside its division only
        out.append(replace(h, end=m.end(), surface=h.surface + m.group(0), unit=u, giver_unit=u))
    return out


def _corps_with_city(hits: list[PlaceHit]) -> list[PlaceHit]:
    """兵团第N师甲市 read as two names: one unit, the division with its city."""
    from dataclasses import replace
    out = []
    for h in hits:
        prev = out[-1] if out else None
        if prev is not None and prev.unit.full_name.startswith(CORPS) and prev.end == h.start \
                and h.unit.adcode == prev.unit.adcode and not prev.unit.full_name.endswith(h.surface):
            full = prev.unit.full_name + h.surface
            u = Unit(prev.unit.adcode, full, full, prev.unit.province, "county")
            out[-1] = replace(prev, end=h.end, surface=prev.surface + h.surface, unit=u, giver_unit=u)
            continue
        out.append(h)
    return out


def _list_givers(text: str, hits: list[PlaceHit]) -> list[PlaceHit]:
    """甲市、乙市分别向…: a list opening a clause whose last member is followed by a giving verb
    is a list of givers."""
    from dataclasses import replace
    out = list(hits)
    i = 0
    while i < len(hits):
        j = i
        while j + 1 < len(hits) and hits[j + 1].text_gap_ok and _LIST_GAP.fullmatch(text, hits[j].end, hits[j + 1].start):
            j += 1
        if j > i and (_clause_opens(text[max(0, hits[i].start - 24):hits[i].start]) or hits[i].start == 0):
            tail = text[hits[j].end:hits[j].end + 24]
            body = _BODY_AFTER.match(tail)
            if _GIVING_AFTER.match(tail[body.end():] if body else tail):
                for k in range(i, j + 1):
                    out[k] = replace(hits[k], role="giver", marker="")
        i = j + 1
    return out


_LIST_GAP = _compile(r"[\s、和及]{1,3}|[，,]\s*、|、\s*[，,]")
_COUNTY_TAIL = _compile(r"[\u4e00-\u9fff]{0,2}?[两二三四五六七八九十\d]+个?(县|区县|县区|县市)")


def _counties_in_lists(gz, text: str, hits: list[PlaceHit]) -> list[PlaceHit]:
    """甲、乙、丙三县: a bare name read as a prefecture inside a list of counties of that
    prefecture (or before a count of counties) is the county of that name."""
    from dataclasses import replace
    out = list(hits)
    counties: dict[str, object] = {}      # the county a surface names (a list repeats its names)
    for i, h in enumerate(hits):
        if h.unit.level != "prefecture" or _ADMIN_SUFFIX.search(h.surface):
            continue
        near = [hits[j] for j in (i - 1, i + 1) if 0 <= j < len(hits)]
        in_list = any(q.unit.level == "county" and q.unit.adcode[:4] == h.unit.adcode[:4]
                      and _LIST_GAP.fullmatch(text, min(h.end, q.end), max(h.start, q.start)) for q in near)
        run_end = h.end
        j = i
        while j + 1 < len(hits) and _LIST_GAP.fullmatch(text, hits[j].end, hits[j + 1].start):
            j += 1
            run_end = hits[j].end
        # (a lone prefecture before a count of counties names its counties, not one of them:
        # 甲州东三县, 甲州三县)
        if not in_list and not (j > i and _COUNTY_TAIL.match(text, run_end)):
            continue
        if h.surface not in counties:
            counties[h.surface] = gz.resolve(h.surface + "县")
        county = counties[h.surface]
        if county is not None and county.level == "county" and county.adcode[:4] == h.unit.adcode[:4]:
            out[i] = replace(h, unit=unit_of(county), giver_unit=unit_of(county, as_giver=True))
    return out


def _named_pair_partners(gz, text: str, mentions) -> list[str]:
    """Codes of the partners (by the pairing reference) of the county-level units ``mentions``
    resolve, when the text holds a partner's short name (its first two characters) that no
    mention covers."""
    codes = {m.place.adcode for m in mentions if m.place is not None}
    partners = set().union(*(reference.county_partners(c) for c in codes)) - codes
    out = []
    for code in sorted(partners):
        try:
            name = gz.by_adcode(code).name
        except KeyError:
            continue
        if any(not any(m.start <= i < m.end for m in mentions) for i in _occurrences(text, name[:2])):
            out.append(code)
    return out


def _occurrences(text: str, word: str):
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + 1)


def _partners_of(mentions) -> list[str]:
    codes = {m.place.adcode for m in mentions if m.place is not None}
    out = set()
    for side in ("donor", "recipient"):
        mine, _ = reference.paired_with(codes, side)
        out |= mine
    return sorted(out - codes)


def dedupe_units(units) -> list[Unit]:
    """Distinct units in order, dropping a province or prefecture when a unit inside it is
    also listed (甘肃省, 甘肃省武山县 → 武山县)."""
    seen, uniq = set(), []
    for u in units:
        if u.key not in seen:
            seen.add(u.key)
            uniq.append(u)
    if len(uniq) < 2:
        return uniq
    return [u for u in uniq if u.level not in ("province", "prefecture")
            or not any(v != u and u.contains(v) for v in uniq)]
