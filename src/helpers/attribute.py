"""Attribute every stated figure to the codebook: indicator, donor, recipients, status, period, year,
program and detail.

The reading works on the clean (normalised) text of one document:

* the text is cut into top-level parts (一、二、), sections (headings, 【…】 paragraphs), sentences
  (。！？；) and clauses (，：); ``helpers.figures`` finds each number with its unit;
* indicator: the nearest governing cue of ``helpers.lexicon`` for the figure's kind (money, people,
  counted things), measured in characters and penalised for every clause boundary or other figure in
  between; ``reject:`` cues (registered capital, jobs offered, facilities, averages, …) compete with
  them. A figure with no cue continues the list of the last figure with the same unit word (其中新疆
  民丰县1家), or takes the indicator of the head of its table (…结对全覆盖,其中:\n学校 597所); the
  poor part of a total (其中贫困户2000人) keeps the total's indicator; staff go the way of their
  destination or sender (到湘西州挂职, 到两地挂职 → sent, 百色市派出…到深圳 → received); staff the donor
  hosts (接收…, …来京挂职培训) are received, not trained; a bracketed part (…31名到昭通挂职(其中…24名))
  goes the way of its head;
* status: plan words in the clause (or heading the sentence, unless it reviews what was done),
  预计 → expected, contracts → target, and every figure of a part that sets out a plan (2019年实施方案,
  下一步…) or of a document whose title announces one (…工作要点);
* period and year: cues of the sentence (also a cue that opens the whole 。-sentence before its ；
  pieces), the paragraph opening and the part's stated years near the report's year; the report's
  year is the year it covers (title 海淀区2019年…总结, opening 2019年,…) before the publication date;
  starts said in passing (2017年…确立以来, 自2010年) are no figure's year; 今年/去年/明年 count from
  it; cumulative figures end in the span's last year (2017至2019, “十三五” → 2020); a 累计 after the
  numbers of the figure's own clause (…29个苏木乡镇累计结对) counts too;
* donor: the eastern unit the document (or its title) is about, at the deepest level it keeps naming;
  the province or city above it when the text credits it (上海方面, 江苏财政, 天津市各界, 省级资金);
  a unit inside it that gives in the clause (深圳市龙岗区向乐业县…), or that opens a clause of the
  paragraph (张家港市今年选派…) until another eastern unit is named (not 慈溪市企业家协会…); givers
  listed before 分别 are zipped with the figures (昆山市、张家港市分别向…4600万元、5200万元); a ministry or central SOE that
  opens the sentence (中石化对口支援泽库县, SOE money → social_aid); totals of several donors
  (对口支援地区和单位…, 北京和天津…) are not rows;
* recipients: the receiving places of the figure's clause, else of its sentence unless the sentence
  spreads them over clauses, else of the section heading; 三地/两县/四县/两旗 point back to the latest
  list of that many units (两地: that many prefectures' worth), also from an earlier clause; 凉山三县
  and 甘肃受援县 mean the document's recipients inside the place; 各/分别 gives one row per unit (or
  per role: 教师、医生各十名) and 分别 with as many figures pairs them in order; a total spread by the
  next clause (…1.5亿元,三地各5000万元) goes to the units it points back to, and places that a later
  clause gives amounts of their own not adding up to a total are not the total's; a sentence opening
  with 其/该县/当地 stays in the one place of the sentence before; a prefecture that signs a contract
  (与赤峰市签订…协议) is not expanded into its counties; a total followed by its breakdown (其中A县…、B县…)
  goes to the breakdown's places, the parts after 其中 go where the total went; a prefecture named in
  the figure's own clause (帮助普洱市贫困劳动力…) is meant whole, not as the counties of it the
  document pairs with the donor; a sentence singling out a year (仅2020年就…) goes where the head
  figure of the sentence before went; a report about one
  recipient (its title, 我县 in a report the county wrote, a single prefecture holding all recipients,
  浙川/津陇 in the title) gives it to figures that name none, as the counties the text pairs with the
  donor when it lists them (天津市对口支援和田地区策勒县、于田县、民丰县);
* detail: the stated purpose of money given to each unit alike (各安排医疗卫生帮扶资金 → health) before
  per_county; donations for the epidemic (防疫物资) → covid; 镇镇结对46对 → the doubled noun;
* program: said in the clause, sentence, section heading or whole text, else from where the
  recipients are (新疆, 西藏, 青海 receive 对口支援).

A headline figure the body states again is kept once (from the body); ASCII ?/! inside mojibake
(当?shù)) does not end a sentence. Figures that fit no indicator stay in the mentions table with the reason.
"""
from __future__ import annotations

import bisect
from functools import lru_cache
import re
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from . import lexicon as lx
from .codebook import CORE_COLUMNS, EMPLOYMENT_DETAILS, INDICATOR_BY_NAME
from .figures import Figure, find_figures


class _CompiledOnce(dict):
    """``re``'s module functions with each pattern compiled once: the rules call them with the
    lexicon's pattern strings for every figure, and ``re``'s own cache lookup cost more than
    many of the matches (it showed up as a tenth of extraction time). A dict with
    ``__missing__`` makes a hit one C-level lookup."""

    def __missing__(self, pattern):
        rx = self[pattern] = re.compile(pattern)
        return rx

    def search(self, pattern, string):
        return self[pattern].search(string)

    def match(self, pattern, string):
        return self[pattern].match(string)

    def fullmatch(self, pattern, string):
        return self[pattern].fullmatch(string)

    def finditer(self, pattern, string):
        return self[pattern].finditer(string)

    def split(self, pattern, string, maxsplit=0):
        return self[pattern].split(string, maxsplit)

    def sub(self, pattern, repl, string, count=0):
        return self[pattern].sub(repl, string, count)


_rx = _CompiledOnce()

ROW_COLUMNS = tuple(CORE_COLUMNS) + ("recipient_adcodes", "start", "end")
MENTION_COLUMNS = ("doc_id", "start", "end", "text", "value", "unit", "qualifier", "decision",
                   "indicator", "reason")

# The eastern side of 东西部扶贫协作 and of 对口支援 (fixed by the State Council pairing lists).
EAST_PROVINCES = ("北京市", "天津市", "上海市", "江苏省", "浙江省", "福建省", "山东省", "广东省", "辽宁省")

_SENT_END = "。！？；;!?\n"
_CLAUSE_END = "，,：:"
_YEAR_RE = re.compile(r"(20[0-4]\d|19[89]\d)\s*年(?!代)")
_HEADING_RE = re.compile(r"^\s*(#+|【[^】]{1,20}】|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[、.．](?!\d))")

_COMPILED: dict[str, list] = {}


def _cues(group: str):
    if group not in _COMPILED:
        table = {"money": lx.MONEY_CUES, "people": lx.PEOPLE_CUES, "count": lx.COUNT_CUES}[group]
        _COMPILED[group] = [(name, re.compile(rx), pen) for name, rx, pen in table]
    return _COMPILED[group]


def _group(unit: str) -> str:
    return {"yuan": "money", "count": "count"}.get(unit, "people")


# ---------------------------------------------------------------------------------------------- text

@dataclass
class Span:
    start: int
    end: int


_SPLIT_RE: dict[str, re.Pattern] = {}


_SPLIT_CACHE: dict = {}


def _split(text: str, start: int, end: int, ends: str) -> list[Span]:
    """Spans of ``text[start:end]`` cut after each character of ``ends`` (kept in the span)."""
    key = (id(text), start, end, ends)
    hit = _SPLIT_CACHE.get(key)
    if hit is not None and hit[0] is text:
        return hit[1]
    rx = _SPLIT_RE.get(ends)
    if rx is None:
        cls = re.escape(ends)
        # an ASCII ?/! before Latin letters is mojibake (当?shù)), not the end of a sentence
        plain = "".join(c for c in ends if c not in "?!")
        stop = rf"[{re.escape(plain)}]|[?!](?![A-Za-z\u00c0-\u024f])" if plain != ends else rf"[{cls}]"
        rx = _SPLIT_RE[ends] = re.compile(rf"(?:[^{cls}]|[?!](?=[A-Za-z\u00c0-\u024f]))*(?:{stop})|(?:[^{cls}]|[?!])+$"
                                          if plain != ends else rf"[^{cls}]*[{cls}]|[^{cls}]+$")
    spans = [Span(m.start(), m.end()) for m in rx.finditer(text, start, end) if m.end() > m.start()]
    if len(_SPLIT_CACHE) > 4096:
        _SPLIT_CACHE.clear()
    _SPLIT_CACHE[key] = (text, spans)
    return spans


def _find(spans: list[Span], pos: int) -> Span:
    lo, hi = 0, len(spans) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if spans[mid].start <= pos:
            lo = mid
        else:
            hi = mid - 1
    return spans[lo]


@dataclass
class Reading:
    """Everything about one document that the per-figure rules look up."""
    doc_id: str
    text: str
    sentences: list[Span]
    sections: list[tuple[Span, str]]          # (span, heading text)
    figures: list[Figure]
    places: list                               # candidate recipient mentions (start, end, Place)
    donor: Unit | None
    donor_name: str
    doc_year: int | None
    doc_recipients: list                       # Units the document is mostly about
    doc_program: str
    doc_cue_program: str = ""
    title: str = ""                  # the program the whole text names, if only one
    subject: Unit | None = None                # the recipient a receiving-side report is about
    donor_short: str = ""                      # 江苏|镇江: names of the donor side as texts shorten them
    plans: list[Span] = field(default_factory=list)   # parts of the text that set out a plan
    part_starts: list[int] = field(default_factory=list)  # starts of top-level parts and sections
    frequent: list = field(default_factory=list)      # recipients named more than once
    parents: list = field(default_factory=list)         # mentions of units above the donor
    inside_donor: list = field(default_factory=list)    # mentions of places inside the donor
    place_starts: list[int] = field(default_factory=list)
    east: list = field(default_factory=list)            # mentions of eastern units (start, end, Unit)
    east_starts: list[int] = field(default_factory=list)
    runs: list = field(default_factory=list)
    enumerated: dict = field(default_factory=dict)      # prefecture adcode -> the counties paired with the donor
    subject_units: list = field(default_factory=list)   # the counties the subject prefecture stands for            # lists of places named together (start, end, units)
    fig_starts: list[int] = field(default_factory=list)


_TOP_HEADING_RE = re.compile(r"^[#\s\*]*[一二三四五六七八九十]+、")


def _top_parts(text: str) -> list[int]:
    starts, pos = [], 0
    for line in text.split("\n"):
        if _TOP_HEADING_RE.match(line):
            starts.append(pos)
        pos += len(line) + 1
    return starts


def _plan_parts(text: str) -> list[Span]:
    """Top-level parts (一、二、…) whose opening lines say they set out a plan (实施方案, 下一步…)."""
    bounds = _top_parts(text) + [len(text)]
    return [Span(a, b) for a, b in zip(bounds, bounds[1:]) if _rx.search(lx.PLAN_SECTION, text[a:min(b, a + 300)])]


def _sections(text: str) -> list[tuple[Span, str]]:
    out, cur_start, cur_head = [], 0, ""
    pos = 0
    for line in text.split("\n"):
        if _HEADING_RE.match(line) and pos > cur_start:
            out.append((Span(cur_start, pos), cur_head))
            cur_start = pos
        if _HEADING_RE.match(line):
            m = _rx.match(r"^\s*(【[^】]{1,20}】)", line)
            cur_head = m.group(1) if m else line[:40]
        pos += len(line) + 1
    out.append((Span(cur_start, len(text)), cur_head))
    return out


# ---------------------------------------------------------------------------------------------- places

def _get_gazetteer(gazetteer):
    if gazetteer is not None:
        return gazetteer
    from .gazetteer import get_gazetteer
    return get_gazetteer()


@dataclass(frozen=True)
class Unit:
    """A place as the panel names it: townships and zones count for the admin unit that holds them."""
    adcode: str
    full_name: str
    name: str
    province: str
    level: str


def _unit(p, as_donor: bool = False) -> Unit:
    if p.level == "township" or (p.level == "zone" and not as_donor):
        full = p.admin_full_name or p.full_name
        return Unit(p.adcode, full, full, p.province, "county")
    return Unit(p.adcode, p.full_name, p.name, p.province, p.level)


def _contains(outer, inner) -> bool:
    """Whether unit ``outer`` contains (or is) unit ``inner``, by adcode prefix."""
    keep = {"province": 2, "prefecture": 4}.get(outer.level, 6)
    return outer.adcode[:keep] == inner.adcode[:keep]


_ADMIN_SUFFIX = re.compile(r"(省|市|县|区|州|旗|盟|乡|镇|自治区)$")
# a place right after these words is helped, not helping: 定点帮扶瓦房店市, 对口支援新疆
_HELPED_BEFORE = re.compile(r"(帮扶|支援|协作|援助|援建|结对|赴|到|在|对口)$")


def _mentions(gz, text: str) -> list:
    """Resolved mentions; a bare short form that repeats the start of a place named earlier in the
    document (江达 after 索县江达乡) is that place, not a namesake elsewhere."""
    out = []
    named = []
    for m in gz.find(text):
        if m.place is None:
            continue
        place = m.place
        if not _ADMIN_SUFFIX.search(m.surface):
            for q in named:
                if q.name.startswith(m.surface) and q.adcode != place.adcode:
                    place = q
                    break
        else:
            named.append(place)
        out.append((m.start, m.end, m.surface, place))
    return _counties_in_lists(gz, text, out)


def _counties_in_lists(gz, text: str, out: list) -> list:
    """元阳、红河、绿春、金平四县: a bare name read as a prefecture inside a list of its own
    counties is the county of that name (红河县), not the prefecture."""
    fixed = list(out)
    for i, (s, e, surface, place) in enumerate(out):
        if place.level != "prefecture" or _ADMIN_SUFFIX.search(surface):
            continue
        near = [out[j] for j in (i - 1, i + 1) if 0 <= j < len(out)]
        if not any(q.level == "county" and q.adcode[:4] == place.adcode[:4]
                   and _rx.fullmatch(r"[、和与及]", text[min(e, qe):max(s, qs)])
                   for qs, qe, _, q in near):
            continue
        county = gz.resolve(surface + "县")
        if county is not None and county.level == "county" and county.adcode[:4] == place.adcode[:4]:
            fixed[i] = (s, e, surface, county)
    return fixed


def _donor(doc, mentions, title_mentions=()) -> Unit | None:
    text = doc.text
    cands = []
    for s, e, surface, p in mentions:
        if p.level == "township" or _HELPED_BEFORE.search(text[max(0, s - 4):s]):
            continue
        cands.append((s, _unit(p, as_donor=True)))
    east = [(s, u) for s, u in cands if u.province in EAST_PROVINCES]
    if not east:
        # no eastern unit named (in-province cooperation, 武汉经开区→利川市): only a title can say
        # who reports; a place in the body may just as well be the recipient
        titled = [_unit(p, as_donor=True) for _, _, _, p in title_mentions if p.level != "township"]
        return titled[0] if titled else None
    counts = Counter(u for _, u in east)
    # the broadest unit the document is about (named in its title, if it has one) ...
    titled = [_unit(p, as_donor=True) for _, _, _, p in title_mentions
              if p.level != "township" and p.province in EAST_PROVINCES]
    if titled:
        root = sorted(titled, key=lambda u: -len(u.adcode.rstrip("0")))[0]
    else:
        root = sorted(counts, key=lambda u: (-sum(n for v, n in counts.items() if _contains(u, v)),
                                             len(u.adcode.rstrip("0")), u.adcode, u.full_name))[0]
    # ... then the unit inside it that the text keeps naming
    subtree = sum(n for v, n in counts.items() if _contains(root, v))
    for u, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].adcode, kv[0].full_name)):
        if u != root and _contains(root, u) and n >= 2 and n >= 0.4 * subtree:
            return u
    return root


def _recipient_candidates(doc, mentions, donor) -> list:
    """Mentions of units on the receiving side, in text order, as (start, end, Unit)."""
    text = doc.text
    designated = _rx.search(lx.DESIGNATED_CUES, text + str(getattr(doc, "title", "") or "")) is not None
    surfaces: dict[str, set] = {}
    for s, e, surface, p in mentions:
        if _ADMIN_SUFFIX.search(surface) or len(surface) >= 3 or s < 400:
            surfaces.setdefault(p.province, set()).add(surface)
    out = []
    for s, e, surface, p in mentions:
        u = _unit(p)
        if donor is not None and (_contains(u, donor) or _contains(donor, u)):
            continue
        if donor is not None and donor.level != "province" and u.adcode[:4] == donor.adcode[:4]:
            continue                     # the donor's own city: 武汉经开区 and 汉南区
        if u.province in EAST_PROVINCES and not (designated and donor is not None and u.province == donor.province):
            continue
        # a province is in play when it is named in full somewhere, or in the opening lines
        if p.province not in surfaces:
            continue
        if text[e:e + 2] in ("大学", "学院") or (text[e:e + 1] == "人" and text[e + 1:e + 2] != "民"):
            continue
        if _is_venue(text, s, e):
            continue
        out.append((s, e, u))
    return out


_VENUE_BEFORE = re.compile(r"在[^，,。；;：:在]{0,20}$")
_VENUE_AFTER = re.compile(r"^[^，,。；;：:]{0,20}(举办|召开|举行)")


def _is_venue(text: str, s: int, e: int) -> bool:
    """在天津大学、湖南长沙、江苏南京举办…培训班: a place where an event was held, not a recipient."""
    return bool(_VENUE_BEFORE.search(text[max(0, s - 20):s]) and _VENUE_AFTER.match(text[e:e + 24]))


def _dedupe_places(places: list) -> list:
    """Distinct units, dropping a province/prefecture when a unit inside it is also named."""
    seen, uniq = set(), []
    for p in places:
        if p.adcode not in seen:
            seen.add(p.adcode)
            uniq.append(p)
    if len(uniq) < 2:
        return uniq
    return [p for p in uniq if p.level not in ("province", "prefecture")
            or not any(q.adcode != p.adcode and _contains(p, q) for q in uniq)]


# ---------------------------------------------------------------------------------------------- reading

_TITLE_YEAR = re.compile(r"((?:19|20)\d\d)\s*年(?!\d{0,2}月?(以来|起|至|到|[—\-–~]))")
# 2019年,海淀区… / 记者从陕西省扶贫办获悉:2018年,苏陕两省…: the year the report covers opens it
_OPENING_YEAR = re.compile(r"(?:^|\n|获悉[:：,，]|了解到[:：,，]?)\s*((?:19|20)\d\d)\s*年\s*[,，是]")


def _reporting_year(doc) -> int | None:
    """The year a report covers, when its title (海淀区2019年…工作总结) or its opening sentence says
    so; it beats the publication date (a 2019 summary is published in January 2020)."""
    m = _TITLE_YEAR.search(str(getattr(doc, "title", "") or ""))
    if m:
        return int(m.group(1))
    m = _OPENING_YEAR.search(doc.text[:600])
    if m:
        date = _rx.search(r"(19|20)\d\d", str(getattr(doc, "date", "") or ""))
        # a report covers the year it is published in or the one before; an older opening year
        # tells history (2010年,党中央召开…)
        if date is None or int(date.group(0)) - 1 <= int(m.group(1)) <= int(date.group(0)):
            return int(m.group(1))
    return None


def _doc_year(doc) -> int | None:
    covered = _reporting_year(doc)
    if covered is not None:
        return covered
    date = str(getattr(doc, "date", "") or "")
    m = _rx.search(r"(19|20)\d\d", date)
    if m:
        return int(m.group(0))
    head = (getattr(doc, "title", "") or "") + " " + doc.text[:600]
    years = [int(y) for y in _YEAR_RE.findall(head)]
    if years:
        return max(years)
    years = [int(y) for y in _YEAR_RE.findall(doc.text)]
    return Counter(years).most_common(1)[0][0] if years else None


def read_document(doc, gazetteer=None) -> Reading:
    gz = _get_gazetteer(gazetteer)
    text = doc.text
    if not isinstance(text, str):
        raise ValueError(f"document {doc.doc_id!r} has no text (got {type(text).__name__})")
    mentions = _mentions(gz, text)
    title = str(getattr(doc, "title", "") or "")
    title_mentions = _mentions(gz, title) if title else []
    donor = _donor(doc, mentions, title_mentions)
    places = _recipient_candidates(doc, mentions, donor)
    # one name per unit: the form the document uses most (水城县 in a 2020 report, not 水城区)
    counts = Counter(p for _, _, p in places)
    by_code: dict[str, Unit] = {}
    for u, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].full_name)):
        by_code.setdefault(u.adcode, u)
    places = [(s, e, by_code[u.adcode]) for s, e, u in places]
    own = _self_reference(text, places, donor, lambda: _page_header(gz, doc))
    if own is not None:
        # 我县 in a report written by the recipient county is that county wherever it is named
        places = sorted(places + [(m.start(), m.end(), own[0]) for m in _rx.finditer("我" + own[1], text)],
                        key=lambda x: (x[0], x[1]))
        by_code.setdefault(own[0].adcode, own[0])   # named only in the page header
    code_counts = Counter(u.adcode for _, _, u in places)
    doc_recipients = _dedupe_places([by_code[c] for c, n in sorted(code_counts.items(), key=lambda kv: (-kv[1], kv[0]))])
    # a report written on the receiving side (靖远县深化东西部扶贫协作纪实) is about its own county
    subject = None
    donor_first = min((m[0] for m in mentions if donor is not None and _contains(donor, _unit(m[3]))),
                      default=len(text))
    if title_mentions:
        # the title says which side wrote it: 靖远县深化东西部扶贫协作纪实 / 青岛东西部扶贫协作综述
        first = _unit(title_mentions[0][3])
        related = donor is not None and (_contains(first, donor) or _contains(donor, first)
                                         or first.adcode[:4] == donor.adcode[:4])
        if first.province not in EAST_PROVINCES and not related:
            subject = by_code.get(first.adcode, first)
    elif places and places[0][0] < min(300, donor_first):
        first = places[0][2]
        # only when the report has no recipient outside it (佛山→凉山州 and 广西 is about both)
        if code_counts[first.adcode] >= 3 and first.level in ("county", "prefecture") and \
                all(_contains(first, q) for q in doc_recipients):
            subject = first
    if own is not None:
        subject = own[0]
    if subject is None and title:
        pair = _rx.search(f"[{lx.EAST_ABBREVIATIONS}]([{''.join(lx.WEST_ABBREVIATIONS)}])", title)
        province = gz.resolve(lx.WEST_ABBREVIATIONS[pair.group(1)]) if pair else None
        if province is not None:
            subject = _unit(province)
    if subject is None and len(doc_recipients) > 1:
        # 厦门→临夏州 (积石山县, 东乡县), 深圳→百色市 (乐业县, 凌云县…): every recipient lies inside one
        # prefecture the text names, so the report is about that prefecture
        named = sorted({u for _, _, u in places if u.level in ("prefecture", "county")}, key=lambda u: u.adcode)
        holders = [u for u in named if all(_contains(u, q) for q in doc_recipients)]
        if holders:
            subject = max(holders, key=lambda u: len(u.adcode.rstrip("0")))
    if subject is None and len(doc_recipients) == 1:
        # a report about one recipient: its figures are for that recipient unless the text says otherwise
        subject = doc_recipients[0]
    # the document's program: from where its recipients are, mixed when it serves both kinds
    kinds = {("counterpart" if u.province in lx.COUNTERPART_PROVINCES else "east_west") for u in doc_recipients}
    doc_cue_program = _cue_program(text)
    counted = _rx.search(r"([两三四五六七八九十\d]+)个受援(地区|县|地)", text)
    unnamed = counted is not None and _CN_COUNT.get(counted.group(1), int(counted.group(1)) if
                                                     counted.group(1).isdigit() else 0) > len(doc_recipients)
    if len(kinds) == 1 and not (unnamed and doc_cue_program == "mixed"):
        doc_program = kinds.pop()
    else:
        doc_program = doc_cue_program or "east_west"
    figures = find_figures(text)
    r = Reading(doc_id=doc.doc_id, text=text, sentences=_split(text, 0, len(text), _SENT_END),
                sections=_sections(text), figures=figures, places=places, donor=donor,
                donor_name=_full_name(donor), doc_year=_doc_year(doc), doc_recipients=doc_recipients,
                doc_program=doc_program, subject=subject,
                doc_cue_program="" if doc_cue_program == "mixed" else doc_cue_program)
    r.plans = _plan_parts(text)
    r.title = title
    if _rx.search(lx.PLAN_TITLE, title) and not _rx.search(lx.REPORT_TITLE, title):
        r.plans = [Span(0, len(text))]     # 2020年东西部扶贫协作工作要点: the whole document is a plan
    if donor is not None:
        names = {_rx.sub(r"(省|市|区|县|自治区)$", "", n) for n in (donor.name, donor.province)}
        r.donor_short = "|".join(sorted(re.escape(n) for n in names if len(n) >= 2))
    r.part_starts = _top_parts(text) or sorted({sp.start for sp, _ in r.sections})
    r.frequent = [u for u in doc_recipients if code_counts[u.adcode] >= 2] or list(doc_recipients)
    r.east = [(s, e, _unit(p, as_donor=True)) for s, e, _, p in mentions if p.province in EAST_PROVINCES]
    r.east_starts = [s for s, _, _ in r.east]
    if donor is not None:
        r.parents = [(s, e, _unit(p, as_donor=True)) for s, e, _, p in mentions
                     if p.level in ("province", "prefecture") and p.adcode != donor.adcode
                     and _contains(_unit(p), donor)]
        r.inside_donor = [(s, e, p) for s, e, _, p in mentions
                          if p.level == "township" and p.adcode == donor.adcode and donor.level == "county"]
    r.place_starts = [s for s, _, _ in places]
    r.runs = _runs(text, places)
    r.enumerated = _enumerated(text, r.runs)
    if subject is not None and subject.adcode in r.enumerated:
        r.subject_units = r.enumerated[subject.adcode]
    r.fig_starts = [f.start for f in figures]
    return r


_SELF_RE = re.compile(r"我(县|市|州|区|旗|盟)")
# 帮扶我县, 向我县投入, 为我县培训: the writer's own unit is the one helped
_HELPED_SELF = re.compile(r"(向|为|对|给|帮扶|支援|帮助|援助|到|来|在)$")


def _page_header(gz, doc) -> list:
    """Units named in full in the raw page's first lines: the site header that cleaning drops as
    navigation (隆德县人民政府门户网站 当前位置：首页 >> …) still says who wrote the page."""
    from .normalize import simplify

    raw = getattr(doc, "raw_text", None)
    if not isinstance(raw, str) or not raw:
        return []
    head = simplify("\n".join(raw[:400].split("\n")[:3]))
    return [_unit(m.place) for m in gz.find(head)
            if m.place is not None and _ADMIN_SUFFIX.search(m.surface)]


def _self_reference(text: str, places: list, donor, header=lambda: []) -> tuple[Unit, str] | None:
    """(unit, level word) that 我县/我市 stands for when the report is written by a recipient
    (the byline 会宁县融媒体中心, the lead, the site header of the page): only when the text shows
    that unit being helped."""
    found = list(_SELF_RE.finditer(text))
    if not found:
        return None
    word = Counter(m.group(1) for m in found).most_common(1)[0][0]
    helped = [m for m in found if m.group(1) == word and _HELPED_SELF.search(text[max(0, m.start() - 4):m.start()])]
    if not helped:
        return None
    if donor is not None and donor.name.endswith(word) and len(helped) < 2:
        return None
    same = [(s, u) for s, e, u in places if u.name.endswith(word) and u.level in ("county", "prefecture")]
    if not same:
        named = [u for u in header() if u.name.endswith(word) and u.level in ("county", "prefecture")
                 and (donor is None or not _contains(donor, u))]
        return (named[0], word) if named else None
    lines = text.split("\n")
    header_end = len("\n".join(lines[:3]))
    head = [u for s, u in same if s < header_end]
    if head:
        return head[0], word
    return Counter(u for _, u in same).most_common(1)[0][0], word


def _runs(text: str, places: list) -> list:
    """Places named together as a list (凉山州美姑县、雷波县、布拖县和广西河池市凤山县、东兰县):
    (start, end, distinct units), the sets that 两地/三县 later point back to."""
    runs, cur = [], []
    for s, e, u in places:
        gap = text[cur[-1][1]:s] if cur else ""
        if cur and (_rx.fullmatch(r"[\s、，,和与及以及]{0,3}", gap) or (gap == "的" and _contains(cur[-1][2], u))):
            cur.append((s, e, u))
            continue
        if cur:
            runs.append(cur)
        cur = [(s, e, u)]
    if cur:
        runs.append(cur)
    return [(run[0][0], run[-1][1], _dedupe_places([u for _, _, u in run])) for run in runs]


_PAIRING_BEFORE = re.compile(r"(帮扶|支援|协作|结对|对口)[^，,。；;]{0,6}$")


def _enumerated(text: str, runs: list) -> dict:
    """天津市对口支援和田地区策勒县、于田县、民丰县 / 浦东转为帮扶大理州洱源、剑川…5县: the counties
    of a prefecture listed as the donor's partners; the prefecture, named alone later, stands for them."""
    out: dict[str, list] = {}
    for s, e, units in runs:
        if not _PAIRING_BEFORE.search(text[max(0, s - 12):s]):
            continue
        counties = [u for u in units if u.level == "county"]
        by_pref: dict[str, list] = {}
        for u in counties:
            by_pref.setdefault(u.adcode[:4], []).append(u)
        for pref, us in by_pref.items():
            if len(us) >= 2:
                have = out.setdefault(pref + "00", [])
                have.extend(u for u in us if u not in have)
    return out


def _back_reference(r: Reading, pos: int, n: int, word: str) -> list:
    """The units 两地/三县/四县/两旗 at ``pos`` point back to: the latest list before it that names
    ``n`` units of that kind (地 also takes ``n`` prefectures' worth of counties)."""
    before = [units for s, e, units in sorted(r.runs, key=lambda x: -x[0]) if e <= pos]
    if word in ("地", "市", "州"):
        # 两地 after 凉山州美姑县、雷波县和广西河池市凤山县: two areas, each with its counties
        for units in before:
            if len({u.adcode[:4] for u in units}) == n:
                return list(units)
    for units in before:
        if word == "旗":
            units = [u for u in units if u.name.endswith("旗")]
        elif word in ("县", "区县", "县市"):
            units = [u for u in units if u.level == "county"]
        if len(units) == n:
            return list(units)
    kind = [u for u in r.doc_recipients if word not in ("县", "旗", "区县", "县市") or u.level == "county"]
    return kind if len(kind) == n else list(r.frequent[:n])


def _full_name(p) -> str:
    if p is None:
        return ""
    return p.full_name


# ---------------------------------------------------------------------------------------------- indicator

def _distance(text: str, fig: Figure, ms: int, me: int, fig_spans: list[tuple[int, int]],
              reach: bool = False) -> int | None:
    if ms <= fig.start and me >= fig.end:      # the cue wraps the figure: 引导5家企业赴…投资
        return 0
    if me <= fig.start:
        between = text[me:fig.start]
        d = len(between)
        lo, hi = me, fig.start
        if "、" in between:
            # "帮助445名贫困群众就业、118名贫困群众脱贫": 就业 closes the phrase of the figure before it
            piece_start = max(text.rfind(c, 0, ms) for c in "、，,；;。") + 1
            if any(piece_start <= s < ms for s, _ in fig_spans):
                d += 10
    elif ms >= fig.end:
        between = text[fig.end:ms]
        d = len(between) + 1
        lo, hi = fig.end, ms
    else:
        return None
    boundaries = sum(between.count(c) for c in _CLAUSE_END)
    if reach:
        # a list cue governs every figure of its list: 162家企业与A县73个村、B县20个村,共113个村…结对
        return None if boundaries > 1 else min(d, 22) + 6 * boundaries
    d += 6 * boundaries
    d += 8 * sum(1 for s, e in fig_spans if s >= lo and e <= hi)
    return d


_MATCH_CACHE: dict = {}


def _matches(text: str, sent: Span, patterns) -> list:
    """All cue matches of a pattern table in a sentence, computed once per sentence."""
    key = (id(text), sent.start, sent.end, id(patterns))
    hit = _MATCH_CACHE.get(key)
    if hit is None or hit[0] is not text:
        seg = text[sent.start:sent.end]
        found = [(order, name, pen, m.start() + sent.start, m.end() + sent.start)
                 for order, (name, rx, pen) in enumerate(patterns) for m in rx.finditer(seg)]
        if len(_MATCH_CACHE) > 4096:
            _MATCH_CACHE.clear()
        hit = _MATCH_CACHE[key] = (text, found)
    return hit[1]


def _nearest(text: str, fig: Figure, sent: Span, patterns, fig_spans, max_d: int = 30, right_penalty: int = 0,
             exclude: tuple = ()):
    """(distance, -length, order, name, match) of the nearest cue in the sentence, or None."""
    best = None
    for order, name, pen, ms, me in _matches(text, sent, patterns):
        if name in exclude:
            continue
        if name.endswith("<") and (me > fig.start or any(c in text[me:fig.start] for c in _CLAUSE_END)):
            continue                     # a cue that only governs what follows it in its clause
        reach = name.endswith("+")
        d = _distance(text, fig, ms, me, fig_spans, reach)
        if d is None:
            continue
        d += pen + (right_penalty if ms >= fig.end else 0)
        if d > max_d:
            continue
        key = (d, -(me - ms), order, name.rstrip("+<"), (ms, me))
        if best is None or key < best:
            best = key
    return best


_STAFF_NOUNS = [("professionals", re.compile(lx.PROFESSIONAL_NOUNS), 0), ("cadres", re.compile(lx.CADRE_NOUNS), 0)]
_STAFF_VERBS = [("received", re.compile(lx.RECEIVED_VERBS), 0), ("sent", re.compile(lx.SENT_VERBS), 1)]


_GOING = re.compile(r"(到|赴|来|去|在)([^，,。；;：:\d]{1,12}?)(挂职|跟岗|学习|锻炼|支援|支教|支医|工作|开展|帮扶|服务|任职)")
_SENDING = re.compile(r"(选派|派出|派遣|输送|推荐)")
_BACK_OR_GENERIC = re.compile(lx.BACK_REFERENCE + "|" + lx.GENERIC_RECIPIENT)


def _side(r: Reading, start: int, end: int) -> str:
    """'recipient' or 'donor' for the places named in ``text[start:end]``, '' if none or both."""
    west = bool(_places_in(r, start, end))
    east = any(start <= s and e <= end for s, e, _ in r.east) or bool(
        r.donor_short and _rx.search(r.donor_short, r.text[start:end]))
    return "recipient" if west and not east else "donor" if east and not west else ""


def _staff_direction(r: Reading, fig: Figure, sent: Span) -> str:
    """选派专业技术人才418名到湘西州挂职 (sent) / 百色市派出党政干部56名…到深圳挂职学习 (received):
    where the staff go decides, else who sends them."""
    text = r.text
    clause_start = max(sent.start, max(text.rfind(c, sent.start, fig.start) for c in _CLAUSE_END) + 1)
    going = _GOING.search(text, fig.end, min(sent.end, fig.end + 40))
    if going and not _rx.search(r"[，,。；;]", text[fig.end:going.start()]):
        side = _side(r, going.start(2), going.end(2))
        if not side and _BACK_OR_GENERIC.fullmatch(text, going.start(2), going.end(2)):
            side = "recipient"                  # 到两地挂职, 到受援地区挂职: the recipients named before
        if side:
            return "sent" if side == "recipient" else "received"
    verb = None
    for m in _SENDING.finditer(text, clause_start, fig.start):
        verb = m
    if verb is not None:
        subject = text[clause_start:verb.start()]
        # the sender opens the clause (百色市派出, 我县先后选派), not the place sent to (向四县各选派)
        if not _rx.search(r"(向|为|到|赴|在|给|对)", subject):
            side = _side(r, clause_start, verb.start())
            if side:
                return "received" if side == "recipient" else "sent"
    return ""


def _staff_indicator(text: str, fig: Figure, sent: Span, fig_spans, r: Reading | None = None) -> tuple[str, str]:
    """cadres/professionals × sent/received for a figure governed by a staff noun."""
    who = _nearest(text, fig, sent, _STAFF_NOUNS, fig_spans, max_d=40)
    kind = who[3] if who else "cadres"
    # 派驻42名党员干部、医生、教师: one figure for both kinds fits no single indicator
    after = text[fig.end:sent.end]
    listed = _rx.match(r"[^，,。；;\d]{0,12}", after).group(0)
    if "、" in listed and _rx.search(lx.CADRE_NOUNS, listed) and _rx.search(lx.PROFESSIONAL_NOUNS, listed):
        return "", "mixes cadres and professionals"
    clause_start = max(sent.start, max(text.rfind(c, sent.start, fig.start) for c in _CLAUSE_END) + 1)
    if who and _rx.search(lx.MIXED_STAFF, text[max(clause_start, fig.start - 30):max(who[4][1] + 4, fig.end + 8)]):
        return "", "mixes cadres and professionals (干部人才)"
    direction = _staff_direction(r, fig, sent) if r is not None else ""
    if not direction:
        way = _nearest(text, fig, sent, _STAFF_VERBS, fig_spans, max_d=60, right_penalty=8)
        direction = way[3] if way else "sent"
    detail = ""
    if kind == "professionals" and who:
        noun = text[who[4][0]:who[4][1]]
        for name, rx in lx.STAFF_DETAIL:
            if _rx.search(rx, noun):
                detail = name
                break
    return f"{kind}_{direction}", detail


_TRAINED_DETAIL = [(n, re.compile(rx), 0) for n, rx in lx.TRAINED_DETAIL]
_EMPLOYMENT_DETAIL = [(n, re.compile(rx), 0) for n, rx in lx.EMPLOYMENT_DETAIL]


def _nearest_detail(text: str, fig: Figure, sent: Span, fig_spans, table) -> str:
    best = _nearest(text, fig, sent, table, fig_spans, max_d=40)
    return best[3] if best else ""


def _clause(text: str, fig: Figure, sent: Span) -> Span:
    return next((c for c in _split(text, sent.start, sent.end, _CLAUSE_END) if c.start <= fig.start < c.end), sent)


def _classify(r: Reading, fig: Figure, sent: Span, fig_spans) -> tuple[str, str, str, str]:
    """(indicator or '', detail, reason, the indicator the words point to even if rejected)."""
    text = r.text
    group = _group(fig.unit)
    best = _nearest(text, fig, sent, _cues(group), fig_spans)
    if best is not None and best[3] == "pairings" and group == "people" and (
            fig.unit != "household" or best[4][0] < fig.end):
        # only households named before 结对 are twinned (与镇原101户贫困户结对认亲)
        best = _nearest(text, fig, sent, _cues(group), fig_spans, exclude=("pairings+",))
    if best is None:
        return "", "", "no indicator cue near the figure", ""
    name, (ms, me) = best[3], best[4]
    cue = text[ms:me]
    if name.startswith("reject:"):
        return "", "", f"{name[7:]} ({cue})", ""
    indicator, _, detail = name.partition(":")
    clause = _clause(text, fig, sent)
    clause_text = text[clause.start:clause.end]
    if indicator == "social_aid" and _rx.search(r"政府[^，,。；;]{0,12}$", text[clause.start:ms]):
        indicator, detail = "fiscal_aid", ""          # 区人民政府向县人民政府捐资: public money
    if indicator == "staff":
        # 培训干部人才 / 培训党政干部7期 / …干部和专业技术人员赴沪培训: training decides
        cue_clause = max(sent.start, max(text.rfind(c, sent.start, ms) for c in _CLAUSE_END) + 1)
        # 接收两地党政干部116名…来京挂职培训: staff hosted for a posting are received, not trained
        hosted = _rx.search(lx.HOSTED_STAFF, text[cue_clause:fig.start]) or \
            _rx.search(r"(赴|来|到)[\u4e00-\u9fff]{0,4}挂职", text[fig.end:clause.end])
        if _rx.search(r"(培训|参训|受训)[^，,。；;：:]*$", text[cue_clause:ms]) or (not hosted and
                _rx.search(r"(赴|来|到|参加)[\u4e00-\u9fff]{0,4}培训", text[fig.end:clause.end])):
            indicator = "trained"
        else:
            indicator, detail = _staff_indicator(text, fig, sent, fig_spans, r)
            if not indicator:
                return "", "", detail, ""
    if indicator == "trained":
        detail = _nearest_detail(text, fig, sent, fig_spans, _TRAINED_DETAIL) or ""
    elif indicator == "employment":
        # 来连就业、转移至异地就业和就近就地就业946人: several kinds for one figure make a total
        lo = max([e for s, e in fig_spans if e <= fig.start] + [clause.start])
        # after the figure only its own list item counts (其中来京就业312人、就近就地就业1655人)
        comma = text.find("、", fig.end, clause.end)
        hi = min([s for s, e in fig_spans if s >= fig.end] + [clause.end] + ([comma] if comma >= 0 else []))
        local = {n for n, rx in lx.EMPLOYMENT_DETAIL if _rx.search(rx, text[lo:hi])}
        if r.donor_short and _rx.search(rf"(赴|到|来|去)({r.donor_short})[^，,。；;]{{0,4}}(就业|务工)", text[lo:hi]):
            local = (local - {"elsewhere"}) | {"to_donor"}
        if len(local) == 1:
            detail = local.pop()
        elif local:
            detail = "total"
        elif _rx.search(r"其中", text[fig.end:sent.end]):
            detail = "total"              # 实现就业2167人,其中来京就业312人…: the total of the kinds after it
        else:
            detail = _nearest_detail(text, fig, sent, fig_spans, _EMPLOYMENT_DETAIL) or "total"
    elif indicator == "projects":
        if _rx.match(r"[\u4e00-\u9fff]{0,4}(企业|公司)", text[fig.end:fig.end + 6]):
            return "", "", f"enterprises not said to invest or land ({cue})", ""
        if _rx.match(r"[\u4e00-\u9fff]{0,3}(村|乡|镇|县|户|学校|医院|基地)", text[fig.end:fig.end + 5]):
            return "", "", f"counts places, not projects ({cue})", ""
        ctx = text[max(sent.start, fig.start - 10):fig.start]
        detail = next((n for n, rx in lx.PROJECT_DETAIL if _rx.search(rx, ctx)), "")
    elif indicator == "pairings":
        # the twinned party is the noun the figure counts: right after it (162家民营企业, 10个地级市)
        # or right before it (乡镇 221个, 学校结对33个)
        noun = _rx.match(r"[\u4e00-\u9fff()（）]{0,6}", text[fig.end:sent.end]).group(0)
        detail = next((n for n, rx in lx.PAIRING_DETAIL if _rx.match(r"[\u4e00-\u9fff]{0,3}?" + rx, noun)), "")
        if not detail:
            before = text[max(sent.start, fig.start - 8):fig.start]
            detail = next((n for n, rx in lx.PAIRING_DETAIL
                           if _rx.search(rx + r"(结对|之间结对|之间)?\s*$", before)), "")
            # 对 (46对) and 帮扶对子215个 count the pairs themselves
            if not detail and not fig.classifier.endswith("对") and not _rx.search(r"对子\s*$", before):
                return "", "", f"counts no twinned party ({cue})", ""
        if detail == "counties":
            # 济南市10个区县与湘西州8个县市结对: the side of 与 tells whose counties are counted
            if "与" in text[clause.start:fig.start]:
                detail = "recipient_counties"
            elif "与" in text[fig.end:clause.end]:
                detail = "donor_counties"
        return indicator, detail, f"cue {cue}", indicator       # 101户贫困户结对: counted as pairs
    if indicator == "poor_beneficiaries" and not _rx.search(
            lx.POVERTY_WORDS, text[max(sent.start, clause.start - 40):clause.end]):
        return "", "", f"beneficiaries not said to be poor ({cue})", ""
    if indicator == "employment" and not _rx.search(lx.POVERTY_WORDS, clause_text) and (
            _rx.search(lx.NON_POOR_LABOUR, clause_text) or
            _rx.match(r"[，,]\s*" + lx.POOR_PART, text[clause.end - 1:sent.end])):
        # 带动当地就业1.8万人,其中建档立卡贫困人口6200人: the total counts people who are not poor
        return "", "", f"labour not said to be poor ({cue})", indicator
    if fig.unit not in INDICATOR_BY_NAME[indicator].units:
        return "", "", f"unit {fig.unit} does not fit {indicator} ({cue})", ""
    return indicator, detail, f"cue {cue}", indicator


# ---------------------------------------------------------------------------------------------- context

def _status(r: Reading, fig: Figure, sent: Span, indicator: str, detail: str, section: tuple[Span, str],
            prev_status: str = "") -> str:
    text = r.text
    left = text[sent.start:fig.start]
    if indicator == "consumption_aid" and detail == "contract":
        return "target"
    if _rx.search(lx.EXPECTED_CUES, left):
        return "expected"
    if fig.text.startswith("不少于"):
        return "target"
    clause_start = max(sent.start, max(text.rfind(c, sent.start, fig.start) for c in _CLAUSE_END) + 1)
    clause_left = text[clause_start:fig.start]
    cues = list(_rx.finditer(lx.TARGET_CUES, clause_left))
    # "预留…337.47万元,累计完成…344.78万元": a plan word no longer governs once the text says it was done
    if cues and not _rx.search(lx.ACTUAL_MARKERS, clause_left[cues[-1].end():]):
        return "target"
    if _rx.search(lx.TARGET_CUES + r"[^，,。；;]{0,6}[:：]", left):
        return "target"
    # a plan word governs the rest of its sentence, unless the sentence is a review (累计, 已…)
    # into which one planned item was slipped
    cue = _rx.search(lx.TARGET_CUES, left)
    if cue and not _rx.search(lx.ACTUAL_MARKERS, left[:cue.start()]) and not _rx.search(
            lx.ACTUAL_MARKERS, left[cue.end():]):
        return "target"
    if _rx.match(r"\s*其中", clause_left) and prev_status:
        return prev_status
    para_start = text.rfind("\n", 0, fig.start) + 1
    if _rx.search(r"(工作目标|目标任务|目标)[:：]", text[para_start:fig.start]):
        return "target"
    if _rx.search(lx.PLAN_HEADINGS, section[1]):
        return "target"
    if any(p.start <= fig.start < p.end for p in r.plans) and not _rx.search(r"(已|完成|实现了)", left):
        return "target"
    return "actual"


_SINCE_RE = re.compile(r"^\s*年?(\d{1,2}月(份)?)?(以来|至今|来|起|—|-|–|~|到|至)")


@lru_cache(maxsize=4096)   # asked up to five times per figure with the same span
def _stated_years(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """(position, year) of years stated as a point in time, not as the start of a span (2017年以来)."""
    out = []
    for m in _YEAR_RE.finditer(text, start, end):
        if _SINCE_RE.match(text[m.end(1):m.end(1) + 8]) or _rx.match(r"[—\-–~至到]", text[m.end():m.end() + 1]):
            continue
        # 自2010年,…启动以来 / 2017年东西部扶贫协作关系确立以来: the start of a span, said in passing
        before = text[max(start, m.start() - 40):m.start()]
        if before.rfind("《") > before.rfind("》"):
            continue                      # 《…三年规划(2018-2020年)》: the name of a plan
        if text[max(0, m.start() - 1):m.start()] == "自" or \
                _rx.match(r"[^，,。；;：:\n\d]{0,20}(以来|开始|起步)", text[m.end():m.end() + 24]):
            continue
        out.append((m.start(), int(m.group(1))))
    return tuple(out)


def _opening_cue(text: str, sent: Span) -> bool:
    """Whether the full sentence (up to 。) that holds this ；-piece opens with a cumulative cue."""
    if sent.start == 0 or text[sent.start - 1] not in "；;":
        return False
    full_start = max(text.rfind(c, 0, sent.start) for c in "。！？\n") + 1
    return _rx.search(lx.CUMULATIVE_CUES, text[full_start:sent.start]) is not None and \
        _rx.search(lx.YEAR_TO_DATE, text[full_start:sent.start]) is None


# the figure's own clause goes on to a 累计 that no other number follows (…29个苏木乡镇累计结对)
_CUMULATIVE_AFTER = re.compile(r"[^，,。；;：:]{0,24}?(累计)[^，,。；;：:\d]*$")


def _period_year(r: Reading, fig: Figure, sent: Span) -> tuple[str, int | None]:
    text = r.text
    left = text[sent.start:fig.start]
    para_start = text.rfind("\n", 0, fig.start) + 1
    para_left = text[para_start:fig.start]
    # 今年以来/截至目前 is this year so far, even when the sentence says 累计; so is 2021年以来 in a
    # report on 2021
    this_year = rf"({r.doc_year})\s*年(初)?以来" if r.doc_year else lx.YEAR_TO_DATE
    if _rx.search(lx.YEAR_TO_DATE, left) or _rx.search(this_year, left):
        period = "annual"
    elif _rx.search(lx.CUMULATIVE_CUES, left):
        period = "cumulative"
    elif _rx.search(r"(19|20)\d\d\s*年[、和及与至到—\-](19|20)\d\d\s*年", left) and not _rx.search(lx.EACH_CUES, left):
        period = "cumulative"           # 2018年、2019年引进12家企业
    elif _rx.match(r"[^，,。；;]{0,15}" + lx.CUMULATIVE_CUES, para_left) and not _stated_years(text, sent.start, fig.start) \
            and not _rx.search(r"(今年|本年|全年|年内)", left):
        period = "cumulative"           # the paragraph opens with 两年来 / 自2017年以来
    elif _opening_cue(text, sent) and not _stated_years(text, sent.start, fig.start):
        period = "cumulative"           # 三年来,…拨付…；援建…,招引项目555个: the cue opens the whole sentence
    elif "累计" in text[fig.end:sent.end] and \
            _CUMULATIVE_AFTER.match(text[fig.end:_clause(text, fig, sent).end].rstrip("，,。；;：:！？!?\n ")):
        period = "cumulative"           # 17个街道与两地29个苏木乡镇累计结对: the cue after the numbers
    else:
        period = "annual"
    # 从2017年的2000万元…到2018年的9152万元: a year of its own right before the figure makes it annual
    clause_start = max(sent.start, max(text.rfind(c, sent.start, fig.start) for c in _CLAUSE_END) + 1)
    own = _rx.search(r"(19|20)\d\d\s*年(度)?的?([^，,。；;]*)$", text[clause_start:fig.start])
    if period == "cumulative" and own and not _rx.search(lx.CUMULATIVE_CUES, own.group(3)) and \
            _stated_years(text, clause_start + own.start(), clause_start + own.start() + 6):
        period = "annual"
    if _rx.search(r"(今年|本年|年内)", left) and r.doc_year:
        return period, r.doc_year
    # 比上年增长28%: a comparison, not the year of the figure
    if _rx.search(r"(?<![比较])(去年|上年)(?!同期)", left) and r.doc_year:
        return period, r.doc_year - 1
    if _rx.search(r"(明年|来年|下一年)", left) and r.doc_year:
        return period, r.doc_year + 1
    years = _stated_years(text, sent.start, fig.start)
    if not years:
        part_start = max([p for p in r.part_starts if p <= fig.start], default=0)
        years = _stated_years(text, part_start, sent.start)
        if r.doc_year:
            # a year from another sentence is the section's year only when it is near the report's
            # (2010年,党中央召开… in the opening of a 2020 review is history)
            years = [(p, y) for p, y in years if abs(y - r.doc_year) <= 1]
    year = max(y for _, y in years[-2:]) if years else r.doc_year
    span = _rx.search(r"((?:19|20)\d\d)\s*年?\s*[至到—\-–~]\s*((?:19|20)\d\d)", text[
        max(text.rfind(c, 0, fig.start) for c in "。！？\n") + 1:fig.start])
    if period == "cumulative" and span:
        return period, int(span.group(2))         # 2017至2019三年来: the span's last year
    if period == "cumulative" and r.doc_year and not _stated_years(text, sent.start, fig.start):
        year = max(year or 0, r.doc_year)
        plan = _rx.search(r"(十[一二三四]五)", para_left) or _rx.search(r"(十[一二三四]五)", r.title)
        if plan:
            # “十三五”期间累计…: a five-year plan's total ends in its last year
            year = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025}[plan.group(1)]
    return period, year


def _cue_program(context: str) -> str:
    cp = _rx.search(lx.COUNTERPART_CUES, context) is not None
    ew = _rx.search(lx.EAST_WEST_CUES, context) is not None
    if _rx.search(lx.DESIGNATED_CUES, context) and not (cp or ew):
        return "designated"
    return "mixed" if cp and ew else "counterpart" if cp else "east_west" if ew else ""


def _program(r: Reading, recipients: list, sent: Span, fig: Figure, section: tuple[Span, str]) -> str:
    """The program a figure belongs to: said in its clause, else its sentence, else its section
    heading; else from where the recipients are (新疆, 西藏 and 青海 receive 对口支援)."""
    text = r.text
    pieces = _split(text, sent.start, sent.end, _CLAUSE_END + "、")
    i = next((k for k, p in enumerate(pieces) if p.start <= fig.start < p.end), None)
    lo = pieces[i].start if i is not None else sent.start
    # 东西部扶贫协作、对口支援专项帮扶财政资金8780万元: a list of names without figures is one phrase
    while i and text[pieces[i - 1].end - 1] == "、" and not any(
            pieces[i - 1].start <= f.start < pieces[i - 1].end for f in r.figures):
        i -= 1
        lo = pieces[i].start
    hi = pieces[next(k for k, p in enumerate(pieces) if p.start <= fig.start < p.end)].end if pieces else sent.end
    for context in (text[lo:hi], text[sent.start:sent.end], section[1], r.doc_cue_program):
        said = context if context is r.doc_cue_program else _cue_program(context)
        if said and said != "mixed":
            return said
        if said == "mixed" and context is not section[1] and not recipients:
            return "mixed"
    if recipients:
        kinds = set()
        for p in recipients:
            if p.province in lx.COUNTERPART_PROVINCES:
                kinds.add("counterpart")
            elif r.donor is not None and p.province == r.donor.province:
                kinds.add("designated")
            else:
                kinds.add("east_west")
        return kinds.pop() if len(kinds) == 1 else "mixed"
    return r.doc_program


def _places_in(r: Reading, start: int, end: int) -> list:
    i = bisect.bisect_left(r.place_starts, start)
    out = []
    while i < len(r.places) and r.places[i][0] < end:
        if r.places[i][1] <= end:
            out.append(r.places[i])
        i += 1
    return out


def _recipients(r: Reading, fig: Figure, sent: Span, section: tuple[Span, str]) -> list:
    found = _named_recipients(r, fig, sent, section)
    if not found and r.subject is not None:
        return list(r.subject_units) or [r.subject]
    if len(found) == 1 and found[0].level == "prefecture" and found[0].adcode in r.enumerated \
            and not _contract_party(r, found[0], sent) and not _own_clause(r, found[0], fig, sent):
        return list(r.enumerated[found[0].adcode])
    return found


_CONTRACT_AFTER = re.compile(lx.CONTRACT_PARTY_AFTER)


def _own_clause(r: Reading, place, fig: Figure, sent: Span) -> bool:
    """帮助普洱市贫困劳动力转移就业1.12万人: a prefecture named in the figure's own clause is meant
    as a whole, not as the counties of it the document pairs with the donor."""
    clause = _clause(r.text, fig, sent)
    return any(p.adcode == place.adcode for _, _, p in _places_in(r, clause.start, clause.end))


def _contract_party(r: Reading, place, sent: Span) -> bool:
    """与赤峰市签订牛羊肉采购协议: the prefecture signs as a whole, so it does not stand for the
    counties of it the document pairs with the donor."""
    return any(p.adcode == place.adcode and r.text[s - 1:s] == "与" and _CONTRACT_AFTER.match(r.text, e)
               for s, e, p in _places_in(r, sent.start, sent.end) if s > 0)


_CN_COUNT = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _expand_generic(r: Reading, places: list, text_after: str) -> list:
    """甘肃受援县: a province or prefecture followed by a generic word stands for the document's
    recipients inside it."""
    out = []
    for p in places:
        after = text_after.get(p.adcode, "")
        if p.level in ("province", "prefecture") and _rx.match(lx.GENERIC_RECIPIENT + "|" + lx.COUNTED_UNITS, after):
            inside = ([q for q in r.frequent if q.adcode != p.adcode and _contains(p, q)]
                      or [q for q in r.doc_recipients if q.adcode != p.adcode and _contains(p, q)])
            # 湘西州8个县市 when only three of its counties are named: the count covers more than
            # the text names, so the prefecture stands for them
            said = _rx.match(r"的?([\d两二三四五六七八九十]+)个?", after)
            if said and inside and _count_word(said.group(1)) not in (0, len(inside)):
                inside = []
            out.extend(inside or [p])
        else:
            out.append(p)
    return _dedupe_places(out)


def _count_word(word: str) -> int:
    """3 for 3 or 三; 0 when the word is not a small count."""
    if word.isdigit():
        return int(word)
    try:
        from .figures import cn_number
        return int(cn_number(word))
    except ValueError:
        return 0


def _group_places(r: Reading, found: list) -> list:
    after = {p.adcode: r.text[e:e + 12] for s, e, p in found}
    return _expand_generic(r, [p for _, _, p in found], after)


def _named_recipients(r: Reading, fig: Figure, sent: Span, section: tuple[Span, str]) -> list:
    text = r.text
    clauses = _split(text, sent.start, sent.end, _CLAUSE_END)
    ci = next(i for i, c in enumerate(clauses) if c.start <= fig.start < c.end)
    # a clause whose place list runs on into the next clause ("赴新疆民丰县,甘肃省武山县、永登县")
    lo, hi = clauses[ci].start, clauses[ci].end
    j = ci
    while j + 1 < len(clauses):
        nxt = clauses[j + 1]
        here = _places_in(r, clauses[j].start, clauses[j].end)
        starts = [s for s, _, _ in _places_in(r, nxt.start, nxt.end)]
        if here and starts and min(starts) - nxt.start <= 2 and here[-1][1] >= clauses[j].end - 2:
            hi = nxt.end
            j += 1
        else:
            break
    # a clause listing several figures, each after its own place (A县资金160万元、B县866万元)
    figs_here = [f for f in r.figures if lo <= f.start < hi]
    if len(figs_here) > 1:
        pieces = _split(text, lo, hi, "、")
        placed = [p for p in pieces if _places_in(r, p.start, p.end)]
        # …and each place comes before its figure (广州市11个区与毕节市、黔南州22个县 is no such list)
        if all(any(p.start <= f.start < p.end and _places_in(r, p.start, f.start) for f in figs_here)
               for p in placed):
            piece = next(p for p in pieces if p.start <= fig.start < p.end)
            own = [x for x in _places_in(r, piece.start, fig.start)]
            if own:
                return _group_places(r, own)
    local = _places_in(r, lo, hi)
    clause_text = text[lo:hi]
    if local:
        return _group_places(r, local)
    back = _rx.search(lx.BACK_REFERENCE, clause_text)
    if back:
        return _back_reference(r, lo + back.start(), _CN_COUNT[back.group(1)], back.group(2))
    sent_places = _places_in(r, sent.start, sent.end)
    # "其中甘肃省永登县、武山县新落地项目8个…；通过…受益达到4206人": the places of the piece before
    # the semicolon still hold
    if not sent_places and sent.start > 0 and text[sent.start - 1] in "；;":
        prev = _find(r.sentences, sent.start - 1)
        prev_places = _places_in(r, prev.start, prev.end)
        if prev_places and (_rx.match(r"\s*其中", text[prev.start:prev.end]) or prev_places[0][0] - prev.start <= 3):
            return _group_places(r, prev_places)
    if _rx.search(lx.GENERIC_RECIPIENT, text[lo:fig.start]):
        return []
    parts = _parts_after(r, fig, sent)
    if parts:
        # 资金1.26亿元,其中A旗5200万元、B旗4800万元: the total goes to the places its parts go to
        return _group_places(r, parts)
    if not sent_places:
        # 引导十二家企业赴四县投资,实际到位资金2.3亿元: the units an earlier clause points back to
        earlier = list(_rx.finditer(lx.BACK_REFERENCE, text[sent.start:lo]))
        if earlier:
            back = earlier[-1]
            return _back_reference(r, sent.start + back.start(), _CN_COUNT[back.group(1)], back.group(2))
        # 拨付帮扶资金1.5亿元,三地各5000万元: the next clause spreads the total over the units it points back to
        if ci + 1 < len(clauses):
            spread = _SPREAD_BACK.match(text, clauses[ci + 1].start, clauses[ci + 1].end)
            if spread:
                return _back_reference(r, spread.start(1), _CN_COUNT[spread.group(1)], spread.group(2))
        # …挂职禄劝县副县长的邢军善,在当地推进就业扶贫。2019年,在其协调下,转移…53人: a sentence that
        # opens by pointing back (其, 该县, 当地) stays in the one place the sentence before is about
        # …带动两地4.3万贫困人口脱贫。仅2020年就投入…1.86亿元: a sentence that singles out a year of
        # what the sentence before told goes where that sentence's last figure went
        if _SINGLED_OUT.match(text, sent.start, sent.end) and sent.start > 0:
            prev = _find(r.sentences, sent.start - 1)
            # the head figure of the same kind told there, not a part of it (…,其中A县…)
            heads = [f for f in r.figures if prev.start <= f.start < prev.end and _group(f.unit) == _group(fig.unit)
                     and not _rx.match(r"\s*其中", text[_clause(text, f, prev).start:f.start])]
            if heads and text.rfind("\n", prev.start, sent.start) < 0:
                return _recipients(r, heads[0], prev, section)
        if _ANAPHORA_OPEN.match(text, sent.start, sent.end) and sent.start > 0:
            prev = _find(r.sentences, sent.start - 1)
            if text.rfind("\n", prev.start, sent.start) < 0:
                held = _group_places(r, _places_in(r, prev.start, prev.end))
                if len(held) == 1:
                    return held
    if sent_places:
        holders = [c for c in clauses if any(c.start <= s < c.end for s, _, _ in sent_places)]
        if len(holders) == 1 and holders[0].start >= hi and _allocates_otherwise(r, fig, holders[0]):
            return []
        split_after = _rx.search(r"其中", text[fig.end:sent.end])
        if split_after and all(s > fig.end + split_after.start() for s, _, _ in sent_places):
            # the places of a part named after the total are not the total's; an earlier clause
            # (引导24家企业到三地投资,实际投资额6.8亿元,其中在A旗…) may still point back to them
            earlier = list(_rx.finditer(lx.BACK_REFERENCE, text[sent.start:lo]))
            if earlier:
                back = earlier[-1]
                return _back_reference(r, sent.start + back.start(), _CN_COUNT[back.group(1)], back.group(2))
            return []
        if len(holders) > 1:
            # places spread over clauses: the nearest clause before the figure that names places
            # and states no figure of its own sets them (协助武山县委组织部…举办…,培训干部人才330人次)
            before = [c for c in holders if c.end <= lo]
            if before and not any(before[-1].start <= f.start < before[-1].end for f in r.figures):
                return _group_places(r, _places_in(r, before[-1].start, before[-1].end))
            return []
        return _group_places(r, sent_places)
    head_places = [p for s, e, p in r.places if section[0].start <= s < section[0].start + len(section[1]) + 2]
    if head_places and section[1]:
        inside = [p for s, e, p in _places_in(r, section[0].start, section[0].end)
                  if any(_contains(h, p) for h in head_places)]
        deep = _dedupe_places(inside)
        return deep if len(deep) == 1 else _dedupe_places(head_places)
    return []


_ANAPHORA_OPEN = re.compile(lx.ANAPHORA_OPEN)
_SINGLED_OUT = re.compile(lx.SINGLED_OUT_OPEN)
_PLACE_COUNTED = re.compile(r"[\u4e00-\u9fff]{0,4}?(县|区|市|州|旗|乡|镇|村)")


def _allocates_otherwise(r: Reading, fig: Figure, clause: Span) -> bool:
    """投入资金2.35亿元,实施项目126个,向A县、B县、C县各拨付七千万元: a later clause that gives each
    place its own amount holds those places; the earlier figures are for them only when they are the
    sum of those amounts."""
    text = r.text
    # 分别在大理州的11个贫困县挂职: a count of places is no amount of their own
    own = [f for f in r.figures if clause.start <= f.start < clause.end
           and not _PLACE_COUNTED.match(text, f.end)]
    if not own or not _rx.search(lx.EACH_CUES, text[clause.start:own[0].start]):
        return False
    n = len(_dedupe_places([p for _, _, p in _places_in(r, clause.start, own[0].start)]))
    total = sum(f.value for f in own) * (n if len(own) == 1 else 1)
    return not (fig.unit == own[0].unit and abs(total - fig.value) <= 0.01 * fig.value)


_SPREAD_BACK = re.compile(r"\s*" + lx.BACK_REFERENCE + r"\s*(?:各|分别|均|每)")


def _parts_after(r: Reading, fig: Figure, sent: Span) -> list:
    """Places of the 其中 breakdown that follows a total, also when the breakdown runs over the
    next lines (…34.15亿元,其中:\n安顺 11.04亿元\n陇南 15.66亿元)."""
    text = r.text
    m = _rx.search(r"其中", text[fig.end:sent.end])
    if not m or _places_in(r, sent.start, fig.start) or _rx.search(r"[。；;]", text[fig.end:fig.end + m.start()]):
        return []
    if any(f.start < fig.end + m.start() for f in r.figures if fig.end <= f.start < sent.end):
        return []                         # another figure comes before the breakdown
    end = sent.end
    if _rx.search(r"其中[:：]?\s*$", text[fig.end:sent.end]):
        pos = sent.end
        while pos < len(text):
            nl = text.find("\n", pos)
            line_end = len(text) if nl < 0 else nl
            line = text[pos:line_end]
            if not line.strip() or not _places_in(r, pos, line_end) or \
                    not any(pos <= f.start < line_end for f in r.figures):
                break
            end = pos = line_end + 1
    # a breakdown gives each place its own figure (A县5200万元、B县4800万元); one figure for two
    # places (其中向东乡县、积石山县投入7.6亿元) is a part, and the total covers more than it
    # …项目1236个,其中向A县、B县两个深度贫困县投入7.6亿元: parts are stated in the total's unit
    parts = [f for f in r.figures if fig.end + m.start() <= f.start < end and f.unit == fig.unit]
    places = _places_in(r, fig.end + m.start(), end)
    if len(parts) < 2 or len(places) < 2:
        return []
    return places


def _breakdowns(r: Reading) -> list:
    """[start, end, indicator, head, recipients] of every table under a head ending in 其中:; a head
    without figures of its own gives pairings when it speaks of twinning, and its places."""
    out = []
    for sent in r.sentences:
        end = _breakdown_end(r, sent)
        if end is None:
            continue
        head = r.text[sent.start:sent.end]
        indicator = "pairings" if _rx.search(r"(结对|结亲|帮扶关系)", head) else ""
        out.append([sent.end, end, indicator, head.strip()[:20], _group_places(r, _places_in(r, sent.start, sent.end))])
    return out


def _breakdown_end(r: Reading, sent: Span) -> int | None:
    """End of the lines listed under a sentence that ends with 其中: (安顺 11.04亿元 / 乡镇 221个),
    each holding a figure; None when the sentence opens no such table."""
    text = r.text
    if not _rx.search(r"其中\s*[:：]\s*$", text[sent.start:sent.end]):
        return None
    pos, end = sent.end, None
    while pos < len(text):
        nl = text.find("\n", pos)
        line_end = len(text) if nl < 0 else nl
        i = bisect.bisect_left(r.fig_starts, pos)
        if not text[pos:line_end].strip() or len(text[pos:line_end]) > 30 or \
                i >= len(r.figures) or r.figures[i].start >= line_end:
            break
        end, pos = line_end, line_end + 1
    return end


def _each(r: Reading, fig: Figure, sent: Span) -> tuple[bool, list[str]]:
    """Whether the figure is stated per unit (各/分别/每个), and the units listed before the cue."""
    text = r.text
    clause_start = max(sent.start, max(text.rfind(c, sent.start, fig.start) for c in _CLAUSE_END) + 1)
    left = text[max(clause_start, fig.start - 30):fig.start]
    m = _rx.search(lx.EACH_CUES, left)
    if not m:
        return False, []
    before = text[max(sent.start, fig.start - 40):fig.start - len(left) + m.start()]
    items = _rx.search(r"([\u4e00-\u9fff]{2,8}(?:[、和与及][\u4e00-\u9fff]{2,8})+)[^、]{0,6}$", before)
    return True, ([x for x in _rx.split(r"[、和与及]", items.group(1)) if x] if items else [])


def _respective_list(r: Reading, fig: Figure, sent: Span) -> tuple[int, list]:
    """(offset of 分别, the figures listed after it with 、) when ``fig`` is one of them, else (-1, [])."""
    text = r.text
    cue = text.rfind("分别", sent.start, fig.start)
    if cue < 0:
        return -1, []
    listed, pos = [], cue + 2
    for f in r.figures:
        if f.start < pos or f.start >= sent.end:
            continue
        gap = text[pos:f.start]
        if listed and not _rx.fullmatch(r"\s*[、和及与]\s*", gap):
            break
        # 分别向碧江区、沿河县投入…4600万元、5200万元: the receivers may be listed before the figures
        if not listed and _rx.search(r"[，,。；;：:]", gap):
            break
        listed.append(f)
        pos = f.end
    return (cue, listed) if fig in listed else (-1, [])


def _respective(r: Reading, fig: Figure, sent: Span, recips: list):
    """向A县、B县、C县分别拨付6500万元、5800万元、6100万元: when 分别 is followed by as many
    figures (a 、 list) as units were named, the k-th figure belongs to the k-th unit."""
    text = r.text
    cue, listed = _respective_list(r, fig, sent)
    if len(listed) != len(recips) or fig not in listed:
        return None
    named = sorted(recips, key=lambda u: min((s for s, _, p in _places_in(r, sent.start, cue) if p.adcode == u.adcode),
                                             default=len(text)))
    return named[listed.index(fig)]


def _staff_detail(word: str) -> str:
    return next((n for n, rx in lx.STAFF_DETAIL if _rx.search(rx, word)), "")


def _listed_after(text: str, fig: Figure, sent: Span) -> list[str]:
    """分别组织10人次以上教师、医生: the nouns listed right after a per-unit figure."""
    m = _rx.match(r"([\u4e00-\u9fff]{1,6}(?:、[\u4e00-\u9fff]{1,6})+)", text[fig.end:sent.end])
    return m.group(1).split("、") if m else []


# ---------------------------------------------------------------------------------------------- API

def extract_document(doc, gazetteer=None) -> tuple[list[dict], list[dict]]:
    """Rows (codebook columns + recipient_adcodes, start, end) and mentions for one document."""
    r = read_document(doc, gazetteer)
    text = r.text
    rows, mentions = [], []
    prev: dict[str, tuple[str, str, Figure]] = {}     # last attributed figure per unit word
    prev_status, prev_end = "", -1
    last_total = None
    last_recips = None
    last_staff = None           # (indicator, end) of the last figure of staff
    blocks = _breakdowns(r)  # [start, end, indicator, head, recipients] of each breakdown table
    for fig in r.figures:
        sent = _find(r.sentences, fig.start)
        sec = next(s for s in r.sections if s[0].start <= fig.start < s[0].end)
        lo = bisect.bisect_left(r.fig_starts, sent.start)
        hi = bisect.bisect_left(r.fig_starts, sent.end)
        fig_spans = [(f.start, f.end) for f in r.figures[lo:hi] if f is not fig and f.end <= sent.end]
        indicator, detail, reason, candidate = _classify(r, fig, sent, fig_spans)
        clause = _clause(text, fig, sent)
        total = last_total if last_total and last_total[1] >= sent.start else None
        rest = _rx.sub(r"[\s，,。；;：:]", "", text[clause.start:clause.end].replace(fig.text, ""))
        if (indicator == "poor_beneficiaries" and total and _rx.fullmatch(lx.POOR_PART, rest)
                and total[0] in ("employment", "trained")):
            # "输转劳动力3000人,其中贫困户2000人": the poor part of a total keeps the total's indicator
            indicator, reason = total[0], f"the poor part of {total[2]}"
            if indicator == "employment":
                detail = total[3]
        if indicator == "employment" and detail not in EMPLOYMENT_DETAILS:
            detail = "total"
        if candidate and fig.unit != "yuan":
            last_total = (candidate, fig.end, fig.text, detail)
        block = next((b for b in blocks if b[0] <= fig.start < b[1]), None)
        in_block = block is not None
        if in_block and (not indicator or reason.startswith("continues")) and block[2]:
            # …实现结对全覆盖,其中:\n乡镇 221个\n学校 597所: a table under a head takes the head's indicator
            label = text[text.rfind("\n", 0, fig.start) + 1:fig.start]
            indicator, reason = block[2], f"line of the breakdown under {block[3]}"
            detail = next((n for n, rx in lx.PAIRING_DETAIL if _rx.search(rx, label)), "") \
                if indicator == "pairings" else detail
        if not indicator and reason.startswith("no indicator cue"):
            # lists such as "其中新疆民丰县1家…；甘肃永登县和武山县4家": the figure before, counted alike
            last = prev.get(_list_key(fig))
            if last and last[2].end >= fig.start - 100:
                indicator, detail, reason = last[0], last[1], f"continues the list of {last[2].text}"
        if indicator.startswith(("cadres", "professionals")):
            head = last_staff if last_staff and last_staff[1] >= sent.start else None
            bracket = _BRACKET_PART.search(text, head[1] if head else fig.start, fig.start) if head else None
            if bracket and ")" not in text[bracket.end():fig.start] and "）" not in text[bracket.end():fig.start]:
                # 选派党政干部31名到昭通挂职(其中第三批挂职干部24名): the part goes the way of its head
                indicator = indicator.split("_")[0] + "_" + head[0].split("_")[1]
            last_staff = (indicator, fig.end)
        if indicator.startswith(("cadres", "professionals")) and _ROLE_AFTER.match(text, fig.end) \
                and _ROLE_BEFORE.search(text, clause.start, fig.start):
            indicator, reason = "", "the post held by staff already counted (其中…任)"
        if indicator and fig.unit == "person" and _DESCRIBED_AFTER.match(text, fig.end):
            indicator, reason = "", "a description of people already counted (…6人全部为…)"
        joint = _joint_donors(r, fig, sent) if indicator else ""
        if joint:
            indicator, reason = "", joint
        central = _central_donor(r, fig, sent) if indicator else None
        if central is not None and central[1] == "soe" and indicator == "fiscal_aid":
            indicator, detail = "social_aid", "soe"     # a state-owned enterprise's money is not the budget
        mention = {"doc_id": r.doc_id, "start": fig.start, "end": fig.end, "text": fig.text,
                   "value": fig.value, "unit": fig.unit, "qualifier": fig.qualifier,
                   "decision": "panel" if indicator else "rejected", "indicator": indicator,
                   "reason": reason}
        mentions.append(mention)
        if not indicator:
            continue
        prev[_list_key(fig)] = (indicator, detail, fig)
        recips = _recipients(r, fig, sent, sec)
        part_of = last_recips if last_recips and last_recips[0] == sent.start and last_recips[1] else None
        if part_of and _rx.match(r"\s*其中", text[clause.start:clause.end]) and not _places_in(r, clause.start, fig.end) \
                and not _rx.search(lx.BACK_REFERENCE + "|" + lx.GENERIC_RECIPIENT, text[clause.start:fig.end]):
            recips = list(part_of[1])          # 赴两地开展帮扶,其中教师312名: the parts go where the total went
        if in_block and block[4] and not _places_in(r, text.rfind("\n", 0, fig.start) + 1, fig.start):
            recips = list(block[4])            # the lines of a breakdown go where its head went
        last_recips = (sent.start, recips)
        for b in blocks:
            if b[0] == sent.end:                 # a figure of the head itself
                b[2:] = [indicator, fig.text, recips]
        if not recips and any(sent.start <= s < sent.end for s, _, _ in r.inside_donor):
            mention["decision"], mention["indicator"] = "rejected", ""
            mention["reason"] = "money or people for a place inside the donor's own area"
            continue
        status = _status(r, fig, sent, indicator, detail, sec,
                         prev_status if prev_end >= sent.start else "")
        prev_status, prev_end = status, fig.end
        period, year = _period_year(r, fig, sent)
        each, units = _each(r, fig, sent)
        groups = [(recips, detail)]
        if each:
            generic = _rx.search(lx.GENERIC_RECIPIENT, text[sent.start:fig.start])
            if _rx.search(r"(其余|其他)" + lx.GENERIC_RECIPIENT, text[sent.start:fig.start]):
                generic = None                    # 其余受援县按每县3900万元: the rest, not named
            nouns = _listed_after(text, fig, sent) if indicator.startswith("professionals") else []
            roles = [_staff_detail(w) for w in units] if indicator.startswith("professionals") else []
            _, listed = _respective_list(r, fig, sent)
            if len(nouns) > 1:
                groups = [(recips, _staff_detail(w) or detail) for w in nouns]
            elif len(roles) > 1 and all(roles):
                # 教师、医生各十名: one row per role; 教师、医生分别为18名、14名: the k-th figure is the k-th role
                groups = ([(recips, roles[listed.index(fig)])] if len(listed) == len(roles)
                          else [(recips, role) for role in roles])
            elif len(recips) > 1:
                paired = _respective(r, fig, sent, recips)
                groups = [([paired], detail)] if paired is not None else [([p], detail) for p in recips]
            elif len(units) > 1:
                groups = [(recips, detail)] * len(units)
            elif not recips and generic and len(r.doc_recipients) > 1:
                groups = [([p], detail) for p in r.doc_recipients]
        if indicator == "poor_beneficiaries" and not any(d for _, d in groups) and _LIFTED_AFTER.match(text, fig.end):
            groups = [(g, "lifted") for g, _ in groups]       # 带动…7200余人脱贫: people lifted out of poverty
        if indicator == "consumption_aid" and not any(d for _, d in groups) and \
                _GOV_PROCUREMENT.search(text, clause.start, fig.start):
            groups = [(g, "gov_procurement") for g, _ in groups]   # 机关食堂采购…农产品420万元
        if indicator == "fiscal_aid" and each and len(groups) > 1 and not any(d for _, d in groups):
            # 各安排医疗卫生帮扶资金200万元: the stated purpose says more than the split
            said = _EACH_CUE.search(text, clause.start, fig.start)
            purpose = next((n for n, rx in _FISCAL_PURPOSE
                            if rx.search(text, said.end() if said else clause.start, fig.start)), "")
            groups = [(g, purpose or "per_county") for g, _ in groups]   # 向A县、B县各拨付七千万元
        if indicator == "social_aid" and _COVID.search(text, clause.start, fig.start):
            groups = [(g, "covid") for g, _ in groups]        # 捐赠防疫物资折合280万元
        donor_name = central[0] if central is not None else _credited_donor(r, fig, sent)
        ev_start, ev_end = _evidence_span(text, fig, sent)
        for g, detail in groups:
            rows.append({
                "doc_id": r.doc_id,
                "donor": donor_name,
                "recipients": ";".join(p.full_name for p in g),
                "program": _program(r, g, sent, fig, sec),
                "year": year,
                "period": period,
                "status": status,
                "indicator": indicator,
                "value": fig.value,
                "unit": "count" if indicator == "pairings" else fig.unit,
                "qualifier": fig.qualifier,
                "detail": detail,
                "evidence": text[ev_start:ev_end],
                "recipient_adcodes": ";".join(p.adcode for p in g),
                "start": ev_start,
                "end": ev_end,
            })
    return _drop_restated_headline(r, rows, mentions), mentions


_LIFTED_AFTER = re.compile(lx.LIFTED_AFTER)
_BRACKET_PART = re.compile(r"[（(]\s*其中")
_FISCAL_PURPOSE = [(n, re.compile(rx)) for n, rx in lx.FISCAL_PURPOSE]
_COVID = re.compile(lx.COVID_CUES)
_EACH_CUE = re.compile(lx.EACH_CUES)
_GOV_PROCUREMENT = re.compile(next(rx for n, rx, _ in lx.MONEY_CUES if n == "consumption_aid:gov_procurement"))
_SENTENCE_STOP = re.compile(r"[。；;！？]")


def _drop_restated_headline(r: Reading, rows: list[dict], mentions: list[dict]) -> list[dict]:
    """苏陕协作惠及陕西省32.2万贫困人口 (headline) … 惠及陕西省贫困人口32.2万人 (body): a figure of the
    title line that the body states again is the same figure, kept once (from the body)."""
    line_end = r.text.find("\n")
    if line_end < 0 or line_end > 60 or _SENTENCE_STOP.search(r.text, 0, line_end):
        return rows                       # the first line is prose, not a headline
    body = {(x["indicator"], x["value"], x["unit"]) for x in rows if x["start"] > line_end}
    keep = [x for x in rows if x["start"] > line_end or (x["indicator"], x["value"], x["unit"]) not in body]
    if len(keep) < len(rows):
        dropped = {(x["start"], x["value"]) for x in rows if x not in keep}
        for m in mentions:
            if m["end"] <= line_end and any(v == m["value"] for _, v in dropped):
                m["decision"], m["indicator"], m["reason"] = "rejected", "", "headline restated in the body"
    return keep


_ROLE_BEFORE = re.compile(lx.ROLE_BREAKDOWN_BEFORE)
_ROLE_AFTER = re.compile(lx.ROLE_BREAKDOWN_AFTER)
_DESCRIBED_AFTER = re.compile(lx.DESCRIBED_AFTER)
_CENTRAL_RE = re.compile("|".join(f"(?P<c{i}>{rx})" for i, (rx, _, _) in enumerate(lx.CENTRAL_DONORS)))


def _central_donor(r: Reading, fig: Figure, sent: Span) -> tuple[str, str] | None:
    """(official name, kind) of a ministry or central SOE that opens the figure's sentence as the
    giver (中石化对口支援泽库县,落实帮扶资金5575万元), else None."""
    head = r.text[sent.start:fig.start]
    lead = _rx.match(r"\s*(其中[,，:：]?)?", head).end()
    m = _CENTRAL_RE.match(head, lead)
    if m and _rx.match(lx.CENTRAL_GIVER_AFTER, head[m.end():]):
        _, name, kind = lx.CENTRAL_DONORS[int(m.lastgroup[1:])]
        return name, kind
    return None


def _joint_donors(r: Reading, fig: Figure, sent: Span) -> str:
    """A figure the text gives for several donors together (对口支援地区和单位累计落实…, 北京和天津
    …帮助承德3.6万贫困劳动力…): no single donor can be credited, so it is not a row."""
    left = r.text[sent.start:fig.start]
    m = _rx.search(lx.MULTI_DONOR, left)
    if m and "其中" not in left[m.end():]:          # …12.3亿元,其中,天津市落实…: a part has its own donor
        return f"a total over several donors ({m.group(0)})"
    pair = _rx.search(lx.EAST_PROVINCE_NAMES + r"[和与、及]" + lx.EAST_PROVINCE_NAMES, left)
    if pair and pair.group(1) != pair.group(3):
        return f"a figure of two donors together ({pair.group(0)})"
    return ""


def _list_key(fig: Figure) -> str:
    """Figures of one list share this: the unit word for counts and people (家 vs 个), the unit for
    money (从2017年的2000万元…到2019年的超过1亿元)."""
    return fig.unit if fig.unit == "yuan" else fig.classifier


def _credited_donor(r: Reading, fig: Figure, sent: Span) -> str:
    """上海方面累计投入…, 落实江苏财政帮扶资金…, 省级对口帮扶资金…: the text credits the unit above
    the donor (its province or city) rather than the donor itself."""
    if r.donor is None:
        return ""
    left = r.text[sent.start:fig.start]
    for s, e, u in r.parents:
        if sent.start <= s and e <= fig.start and _rx.match(lx.PARENT_CREDIT, r.text[e:e + 4]):
            return u.full_name
    # 深圳市龙岗区向乐业县…投入: a unit inside the donor that gives in this clause
    clause_start = max(sent.start, max(r.text.rfind(c, sent.start, fig.start) for c in _CLAUSE_END) + 1)
    givers = []
    for s, e, u in r.east:
        if clause_start <= s and e <= fig.start and u != r.donor and u.level != "township" \
                and _contains(r.donor, u):
            if _rx.match(lx.GIVER_AFTER, r.text[e:e + 3]):
                return u.full_name
            if u not in givers:
                givers.append(u)
    # 昆山市、张家港市分别向…投入4600万元、5200万元: as many givers as figures, in order
    cue, listed = _respective_list(r, fig, sent)
    if cue >= clause_start and len(givers) == len(listed) > 1:
        return givers[listed.index(fig)].full_name
    opener = _opening_subunit(r, fig)
    if opener is not None:
        return opener.full_name
    level_word = _rx.search(r"(省级|市级)", left)
    if level_word:
        want = "province" if level_word.group(1) == "省级" else "prefecture"
        for s, e, u in r.parents:
            if u.level == want:
                return u.full_name
    return r.donor_name


_NON_GOVERNMENT = re.compile(lx.NON_GOVERNMENT_GIVER)
_OPENS_CLAUSE = re.compile(r"(^|[，,。；;：:！？!?\n])\s*(其中|同时|此外|另外)?[,，]?\s*$")


def _opening_subunit(r: Reading, fig: Figure):
    """张家港市今年选派教师…；张家港市善港村与…结对,帮助当地贫困户528户: a unit inside the donor that
    opens a clause of the figure's paragraph is the giver of that paragraph's later figures, until
    another eastern unit is named."""
    text = r.text
    para = text.rfind("\n", 0, fig.start) + 1
    found = None
    for s, e, u in r.east[bisect.bisect_left(r.east_starts, para):]:
        if e > fig.start:
            break
        inside = u != r.donor and u.level != "township" and _contains(r.donor, u)
        if inside and _OPENS_CLAUSE.search(text, max(para - 1, s - 6, 0), s) \
                and not _NON_GOVERNMENT.match(text, e):
            found = u
        elif u != found:
            found = None          # another eastern unit takes over as the subject
    return found


def _evidence_span(text: str, fig: Figure, sent: Span) -> tuple[int, int]:
    """The figure with the words that govern it: back to the start of its phrase (at most 20
    characters) and on to the noun it counts, if one follows before any other number."""
    pieces = _split(text, sent.start, sent.end, _CLAUSE_END + "、")
    c = next((c for c in pieces if c.start <= fig.start < c.end), sent)
    start, end = max(c.start, fig.start - 20), fig.end
    tail = _rx.match(r"[^，,。；;：:、]{0,12}", text[fig.end:c.end]).group(0)
    if not _rx.search(r"\d", tail):
        end = fig.end + len(tail)
    while start < end and (text[start].isspace() or text[start] in "，,。；;：:、"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "，,。；;：:、"):
        end -= 1
    return start, end


def extract_corpus(docs: dict, gazetteer=None, progress=False) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Rows and mentions of every document, sorted so the output is deterministic."""
    gz = _get_gazetteer(gazetteer)
    rows, mentions = [], []
    items = sorted(docs.items())
    if progress:
        try:
            from tqdm import tqdm
            items = tqdm(items, desc="extract")
        except ImportError:
            pass
    for doc_id, doc in items:
        if getattr(doc, "status", "ok") not in ("ok", None):
            continue
        try:
            rr, mm = extract_document(doc, gz)
        except Exception as e:  # name the document in the error
            raise RuntimeError(f"extraction failed for document {doc_id}: {e}") from e
        rows += rr
        mentions += mm
    rdf = pd.DataFrame(rows, columns=list(ROW_COLUMNS))
    mdf = pd.DataFrame(mentions, columns=list(MENTION_COLUMNS))
    if len(rdf):
        rdf["year"] = rdf["year"].astype("Int64")
        rdf = rdf.sort_values(["doc_id", "start", "indicator", "recipients", "value"], kind="mergesort")
    if len(mdf):
        mdf = mdf.sort_values(["doc_id", "start", "end"], kind="mergesort")
    return rdf.reset_index(drop=True), mdf.reset_index(drop=True)
