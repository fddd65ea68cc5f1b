"""Who gives a figure: the clause's giver, else the giver the discourse carries, else the page's.

Discourse state. Reports name a giver once and then list what it did over several clauses and
sentences (甲区投入…,选派…。同时,组织…); a parallel passage names the next giver at the head of
its own clause (甲省…;乙省…). So the giver of a figure is

1. a central unit (a ministry, a central SOE) heading the figure's clause or sentence;
2. the donor-side unit that stands as the subject of the figure's clause (see ``places``); two
   units of one city named together (甲区、乙区共…) give as their city; givers listed before
   分别 are paired with the figures listed after it;
3. a level word in the clause (全市, 全省, 我市, 市级, 省级, 市县两级) lifts the giver to that level;
   a parent named with 方面/财政/各界 (甲省方面, 甲市财政) is credited;
4. the last giver set in the same paragraph (the state persists until a peer giver appears);
5. the page's donor (``frame``).

Each answer says where it came from (``donor_from``), e.g. ``clause_subject``, ``discourse``,
``level_word:全市``, ``frame_headline``.
"""
from __future__ import annotations

from dataclasses import dataclass

from .. import lexicon as lx
from . import grammar as g
from .frame import Frame, key, writer_helped_here
from .places import PlaceHit, Unit, unit_of
from .rx import compile as _compile, rx as _rx

_CENTRAL_NAMED = "|".join(f"(?P<c{i}>{p})" for i, (p, _, _) in enumerate(lx.CENTRAL_DONORS))
_CENTRAL_PLAIN = "|".join(f"(?:{p})" for p, _, _ in lx.CENTRAL_DONORS)
# which unit a match is: its group c<i> (index into lx.CENTRAL_DONORS)
_CENTRAL_RE = _compile(_CENTRAL_NAMED)
# the same alternatives without a group around each, for searching: ``re`` passes over an
# alternative that opens with a literal at a glance but enters one that opens with a group, so
# this one searches some twenty times faster; the named pattern then reads, at the one place
# found, which unit it is (the same match: same place, same alternative, same end)
_ANY_CENTRAL = _compile(_CENTRAL_PLAIN)
_LEVEL_WORD = _compile(r"(全省|全市|全区|我省|我市|省本级|市本级|区本级|县本级|区级|县级|省级|市级|省财政|市财政|省、市|市、[区县]两级|市县两级|市区两级|省市两级|两级财政|两级资金|省市)")
_PARENT_CREDIT = _compile(lx.PARENT_CREDIT)
_MULTI_DONOR = _compile(lx.MULTI_DONOR)
_LEAD = _compile(r"\s*(其中[,，:：]?|同时[,，]?|此外[,，]?|另外[,，]?)?\s*")


@dataclass(frozen=True)
class Giver:
    unit: Unit | None
    name: str
    how: str
    kind: str = "place"      # place · association · ministry · soe · university · national_body

    @property
    def own_subject(self) -> bool:
        """Whether the reading comes from the figure's own clause or sentence (not from the
        discourse or the page)."""
        return self.how in ("clause_subject", "sentence_subject", "clause_named", "sentence_named",
                            "central_subject", "body_subject", "origin_named")


def central_giver(text: str, lo: int, fig_start: int) -> Giver | None:
    """A ministry or central SOE heading text[lo:fig_start] as its subject, or heading one of its
    clauses (在甲区牵线下，某集团在乙县投资…，完成投资N亿元)."""
    if _ANY_CENTRAL.search(text, lo, fig_start) is None:
        return None       # most sentences name no central unit: one scan says so
    starts = [lo] + [m.end() for m in _CLAUSE_MARK.finditer(text, lo, fig_start)]
    for at in starts:
        lead = _LEAD.match(text, at, fig_start).end()
        m = _ANY_CENTRAL.match(text, lead, fig_start) and _CENTRAL_RE.match(text, lead, fig_start)
        # (its own bodies may stand between: 某部机关食堂和部属单位采购…)
        after = _CENTRAL_BODIES.match(text, m.end(), fig_start).end() if m else 0
        if m and (_rx.match(lx.CENTRAL_GIVER_AFTER, text, after, fig_start) or _CENTRAL_GIVES.match(text, after, fig_start)):
            _, name, kind = lx.CENTRAL_DONORS[int(m.lastgroup[1:])]
            return Giver(None, name, "central_subject", kind)
    return None


_CLAUSE_MARK = _compile(r"[，,；;]")
# a central unit's own bodies, named after it as the ones who act (机关食堂, 部属单位, 干部职工)
_CENTRAL_BODIES = _compile(r"(?:(?:机关|食堂|工会|干部职工|职工|系统|部属单位|直属单位|所属单位|各单位)[和及、]?){0,6}")
# a central unit as the subject of a verb of giving, sending or organising (某部选派…, 某集团采购…)
_CENTRAL_GIVES = _compile(lx.CENTRAL_TIME + r"(?:" + g.GIVING_VERB + r"|购买|采购|销售)")


def section_central(heading: str) -> Giver | None:
    """A section heading (its number cut off) that opens with a central unit (一、某集团定点帮扶):
    the unit is the giver of the section's figures no clause credits."""
    c = _ANY_CENTRAL.match(heading) and _CENTRAL_RE.match(heading)
    if not c:
        return None
    _, name, kind = lx.CENTRAL_DONORS[int(c.lastgroup[1:])]
    return Giver(None, name, "section_head_central", kind)


def page_central(title: str, head_lines: list[str], lead: str) -> tuple[str, str] | None:
    """(name, kind) of the ministry or central SOE a page is by or about: the page's header line
    is its name (the unit's own site), its byline's source is the unit's paper, a headline opens
    with it as the one who helps, or a sentence of the lead opens with it as subject."""
    for line in [title] + head_lines:
        s = line.strip()
        m = _ANY_CENTRAL.search(s)
        if m is None:
            continue
        m = _CENTRAL_RE.match(s, m.start())
        # the unit's own site: its name alone, or with the site's name (甲大学新闻网 > 综合新闻)
        own_site = m.start() == 0 and (m.end() == len(s) or _rx.fullmatch(
            r"(?:[\u4e00-\u9fff]{0,6}(?:网|网站|官网))?\s*(?:[|｜>].*)?", s[m.end():]) is not None)
        source = _rx.search(r"(来源|信息来源)[:：]\s*$", s[:m.start()])
        # a headline (or its second part, after ——) opening with the unit as the one who helps
        opens = m.start() == 0 or _rx.search(r"(——|—|：|:)\s*$", s[:m.start()]) is not None
        helping = opens and _rx.match(lx.CENTRAL_GIVER_AFTER, s, m.end())
        if own_site or source or helping:
            _, name, kind = lx.CENTRAL_DONORS[int(m.lastgroup[1:])]
            return name, kind
    for m in _LEAD_SENTENCE_ANY_CENTRAL.finditer(lead):
        if not _rx.match(r"[^，,。；;]{0,12}?(?:" + lx.CENTRAL_GIVER_AFTER + ")", lead, m.end()):
            continue          # named, but not as the one who helps (…通报了考核情况)
        named = _LEAD_SENTENCE_CENTRAL.match(lead, m.start())
        group = next(k for k, v in named.groupdict().items() if v is not None and k.startswith("c"))
        _, name, kind = lx.CENTRAL_DONORS[int(group[1:])]
        return name, kind
    return None


_LEAD_SENTENCE = r"(?:^|(?<=[。！？\n]))\s*(?:[\d年月日以来今去当]{0,10}[，,]?)?"
_LEAD_SENTENCE_CENTRAL = _compile(_LEAD_SENTENCE + "(?:" + _CENTRAL_NAMED + ")")
_LEAD_SENTENCE_ANY_CENTRAL = _compile(_LEAD_SENTENCE + "(?:" + _CENTRAL_PLAIN + ")")


def common_parent(units: list[Unit], gz) -> Unit | None:
    """The city holding all the units (甲区、乙区 → 甲市), or None when they lie in different cities."""
    codes = {u.adcode[:4] for u in units}
    if len(codes) != 1:
        provinces = {u.adcode[:2] for u in units}
        if len(provinces) == 1:
            p = gz.by_adcode(units[0].adcode[:2] + "0000")
            return unit_of(p, as_giver=True) if p is not None else None
        return None
    code = units[0].adcode[:4] + "00"
    try:
        p = gz.by_adcode(code)
    except (KeyError, ValueError):
        p = None
    if p is None:   # a municipality: its districts' parent is the province-level city
        try:
            p = gz.by_adcode(units[0].adcode[:2] + "0000")
        except (KeyError, ValueError):
            return None
    return unit_of(p, as_giver=True)


def ancestor(u: Unit, level: str, gz) -> Unit | None:
    code = u.adcode[:2] + "0000" if level == "province" else u.adcode[:4] + "00"
    try:
        p = gz.by_adcode(code)
    except (KeyError, ValueError):
        p = None
    if p is None and level == "prefecture":
        return ancestor(u, "province", gz)
    return unit_of(p, as_giver=True) if p is not None else None


def role_giver(text: str, lo: int, hi: int, frame: Frame, gz) -> tuple[int, Giver] | None:
    """(end, giver) of the last giver named by its role in text[lo:hi] (对口帮扶城市另安排…, 帮扶方
    选派…): the page's giver, or the unit of the level the role names above or inside it."""
    m = None
    for m in _rx.finditer(lx.GIVER_ROLE, text, lo, hi):
        pass
    d = frame.donor
    if m is None or d is None or d.level == "central":
        return None
    if _rx.search(r"各\s*$", text, max(0, m.start() - 2), m.start()) or _rx.match(r"\s*[、和及与]", text, m.end()):
        return None     # 各对口帮扶市、县…: all the giver's units, not one of them
    level = {"城市": "prefecture", "市": "prefecture", "城区": "county", "区": "county"}.get(m.group(1))
    u = d
    if m.group(1) == "市" and d.level == "county" and d.name.endswith("市"):
        pass            # a county-level city's 对口帮扶市 is itself
    elif level == "prefecture" and d.level == "county":
        u = ancestor(d, "prefecture", gz)
    elif level == "prefecture" and d.level == "province":
        inside = {v for v in frame.donor_units if v.level == "prefecture" and d.contains(v)}
        u = inside.pop() if len(inside) == 1 else None
    elif level is not None and d.level != level:
        u = None
    return (m.end(), Giver(u, u.full_name, "role_subject")) if u is not None else None


def clause_givers(hits: list[PlaceHit], frame: Frame, lo: int, hi: int) -> list[PlaceHit]:
    """Donor-side places in giver role in text[lo:hi]."""
    return [h for h in hits if lo <= h.start and h.end <= hi and h.role in ("giver", "head")
            and frame.side.get(key(h.giver_unit)) == "donor" and not h.township]


def level_lift(text: str, lo: int, fig_start: int, base: Unit | None, gz, page: Unit | None = None,
               hits: list[PlaceHit] = (), writer: Unit | None = None) -> Giver | None:
    """全市/全省/市级/省级… in the clause: the giver at that level above ``base``. ``page``: the
    page's own donor (a county-level city writing 全市, 我市 means itself). ``hits``: the places
    named before the figure; ``base`` (or a unit inside it) named after the level word is
    nearer the figure and gives it (甲省财政资金M万元、乙县财政资金N万元)."""
    if base is None:
        return None
    m = None
    for m in _LEVEL_WORD.finditer(text, lo, fig_start):
        pass
    if m is None:
        return None
    word = m.group(1)
    if word in ("我省", "我市") and writer is not None:
        return None      # 我市 of a page the receiving side writes (投入我市…) is the receiver
    if word in ("两级财政", "两级资金"):
        # the two levels the sentence has just named (甲省资金M万元、乙市资金N万元,两级资金共…):
        # the broader of them gives the joint figure
        named = [h.giver_unit for h in hits if h.end <= m.start() and h.giver_unit.nests(base)]
        if len({u.key for u in named}) >= 2:
            top = min(named, key=lambda u: u.depth)
            if top != base:
                return Giver(top, top.full_name, f"level_word:{word}")
            return None
    if any(h.start >= m.end() and h.end <= fig_start and (h.giver_unit == base or base.contains(h.giver_unit))
           for h in hits):
        return None
    if word in ("全省", "我省", "省级", "省本级", "省财政", "省市两级", "省、市", "省市") and base.level != "province":
        up = ancestor(base, "province", gz)
    elif word in ("全市", "我市", "市级", "市本级", "市财政", "市县两级", "市区两级") or word.startswith("市、") \
            or word == "两级财政":
        if base.level == "county" and base.name.endswith("市") and (
                word in ("市级", "市本级", "市财政") or word in ("全市", "我市") and page == base):
            return None          # a county-level city's 市级 money is its own (甲市安排市级资金), and so
            # are 全市 and 我市 on its own page
        if base.level in ("county", "zone"):
            up = ancestor(base, "prefecture", gz)
        else:
            return None
    elif word in ("区级", "区本级", "县级", "县本级"):
        # the money of the page's own district or county, whoever the discourse's giver is
        if page is not None and page.level == "county" and page != base and base.contains(page) and \
                page.full_name.endswith(word[0]):
            return Giver(page, page.full_name, f"level_word:{word}")
        return None
    elif word == "全区" and base.level == "province":
        return None
    else:
        return None
    if up is None or up == base:
        return None
    return Giver(up, up.full_name, f"level_word:{word}")


def parent_credit(text: str, hits: list[PlaceHit], frame: Frame, lo: int, fig_start: int) -> Giver | None:
    """甲省方面, 甲市财政, 甲市各界: the parent of the page's donor named as the giver — unless
    the page's donor (or a unit inside it) is named nearer the figure (甲省资金M万元、乙区资金N万元)."""
    if frame.donor is None:
        return None
    inside = [h for h in hits if lo <= h.start and h.end <= fig_start]
    for i in range(len(inside) - 1, -1, -1):
        h = inside[i]
        if h.giver_unit == frame.donor or frame.donor.contains(h.giver_unit):
            prev = inside[i - 1] if i else None
            if prev is not None and prev.giver_unit.contains(frame.donor) and \
                    _rx.fullmatch(r"[、和与及]", text, prev.end, h.start) and _PARENT_CREDIT.match(text, h.end, h.end + 4):
                # 甲市、乙区财政…: the donor listed with its parent, jointly: the parent gives
                return Giver(prev.giver_unit, prev.giver_unit.full_name, "parent_credit")
            return None
        if h.giver_unit.contains(frame.donor) and _PARENT_CREDIT.match(text, h.end, h.end + 4):
            return Giver(h.giver_unit, h.giver_unit.full_name, "parent_credit")
    return None


def multi_donor_total(text: str, lo: int, fig_start: int, hits: list[PlaceHit], frame: Frame) -> str:
    """A figure stated for several donors together (支援地区和单位…; 甲省和乙省…共…): the reason
    it is not a row, or ''."""
    left = text[lo:fig_start]
    if _shares_of_givers(text, lo, fig_start, hits, frame):
        return ""
    m = _MULTI_DONOR.search(left)
    if m and "其中" not in left[m.end():]:
        return f"a total over several donors ({m.group(0)})"
    givers = [h for h in hits if lo <= h.start and h.end <= fig_start
              and frame.side.get(key(h.giver_unit)) == "donor" and h.giver_unit.level == "province"
              and not writer_helped_here(frame, h)]      # (甲省向我市…: the helped writer is no second giver)
    provinces = {h.giver_unit.adcode[:2] for h in givers}
    if len(provinces) >= 2:
        first, last = givers[0], givers[-1]
        if _GOING_TO.search(text, max(lo, first.start - 3), first.start):
            return ""            # where people went (转移到甲省、乙省等省外就业): no givers
        between = text[first.end:last.start]
        if _rx.fullmatch(r"[、和与及\s]{1,3}", between) or (len(between) <= 4 and not _rx.search(r"[，,。；;]", between)):
            return f"a figure of several donors together ({text[first.start:last.end]})"
    return ""


_RESPECTIVELY = _compile(r"分别")
_GOING_TO = _compile(g.GOING_TO + "$")


def _shares_of_givers(text: str, lo: int, fig_start: int, hits: list[PlaceHit], frame: Frame) -> bool:
    """甲省、乙省分别派出N名、M名: two or more donor-side givers before 分别 in the figure's own
    clause give one share each, not a figure together (even after a joint total, 四省市共…)."""
    start = max(lo, max(text.rfind(c, lo, fig_start) for c in "，,；;。") + 1)
    resp = _RESPECTIVELY.search(text, max(start, lo), fig_start)
    if resp is None:
        return False
    givers = {h.giver_unit.adcode for h in hits
              if start <= h.start and h.end <= resp.start() and frame.side.get(key(h.giver_unit)) == "donor"}
    return len(givers) >= 2

