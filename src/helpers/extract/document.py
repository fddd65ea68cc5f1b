"""One document → its panel rows and its mentions, each decision with its reason.

The steps, in order (each a module of this package):

1. ``layout``: lines, sentences, clauses; ``zones``: headline, byline, digest, lead, body;
2. ``places``: every place with its role; ``frame``: sides, the page's donor, recipients, year;
3. per figure (``helpers.figures``): ``indicator`` (nearest cue), the aid test (a positive
   reason: a giving verb or aid word in the sentence, no statistic of the area's own economy),
   ``givers`` (clause subject → discourse → frame), recipients (clause → sentence → paragraph
   topic → frame), ``scopes`` (status, period, year), program, detail, 各/分别 expansion;
4. ``dedupe``: one row per figure per document, the body's statement winning.

Every mention (also the rejected ones) is returned with ``decision``, ``reason`` and, for
rows, where donor, recipients, status, period and year came from.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from .. import lexicon as lx
from ..codebook import EMPLOYMENT_DETAILS
from ..figures import Figure, cn_number, find_figures
from ..gazetteer import PROVINCE_CUES
from ..normalize import simplify
from . import dedupe, frame as fr, grammar as g, reference, scopes, tables
from .frame import Frame, key
from .givers import (Giver, ancestor, central_giver, clause_givers, role_giver, page_central, common_parent, level_lift,
                     multi_donor_total, parent_credit, section_central)
from .indicator import Choice, Sentence, classify, cues, evidence_span, group_of
from .layout import CLAUSE_END, Layout, Span, layout
from .places import (PlaceHit, Unit, common_word_short_names, dedupe_units, defined_short_names, find_places,
                     role_of, side_short_names, unit_of, zone_short_names)
from .rx import compile as _compile, rx as _rx
from .zones import BODY, DIGEST, DIGEST_HEAD, HEADLINE, LEAD, Zones, clean_title, zones as find_zones

REASON_COLUMNS = ("donor_from", "recipients_from", "status_from", "period_from", "year_from")
_NO_REASONS = dict.fromkeys(REASON_COLUMNS, "")

_AID = _compile(g.AID_NOUNS + "|" + g.GIVING_VERB)
_OWN_ECONOMY = _compile(g.OWN_ECONOMY)
_NATIONAL = _compile(g.NATIONAL_TOTAL)
# verbs that make an outcome the helper's doing; 输出/赴…就业 is labour sent to work with the helper
_HELPING = _compile(r"(带动|帮助|助力|扶持|促进|促使|受益|惠及|资助|吸纳|救助|支持|帮扶|援助|结对|培训|转移|输转|输出|解决)")
_WHOLE_AREA = _compile(r"\s*(?:今年|去年|全年|当年|年内|截[至止](?:目前|年底|年末|(?:\d{4}年)?\d{0,2}月?(?:底|末))|目前|\d{4}年)?[,，]?\s*(全县|全区|全州|全市|全旗|全盟|全乡|全镇)")
# what an area has (全县共有…N人): a stock of its own, not staff sent or received
_HAS = _compile(r"(共有|现有|拥有)")
# money not given or not spent (仍有N万元未拨付, 资金缺口N亿元): a problem an inspection names
# (缺口, 滞留, 闲置 only of money: 利用闲置厂房 is no shortfall)
_MONEY_IDLE = r"(?:资金|款项?)[^，,。；;\d]{0,4}?(?:缺口|滞留|闲置)|(?:缺口|滞留|闲置)(?:的)?资金"
_SHORTFALL_WORDS = r"(?:未|尚未|没有)(?:拨付|到位|下达|使用|支出|落实)|" + _MONEY_IDLE
_SHORTFALL = _compile(_SHORTFALL_WORDS)
_SHORTFALL_AFTER = _compile(r"[^，,。；;\d]{0,5}?(?:" + _SHORTFALL_WORDS + ")")
# a ratio to the population (每千人口…N人): a rate of the area, not a figure given
_PER_POPULATION = _compile(r"每(?:十万|万|千|百)(?:常住)?人(?:口)?")
_UNIT_COST = _compile(r"每(个|所|家|户|人|村|处|座|间)")
# a money figure per person, household or piece (每亩补助N元, 每名教师每月N元): a rate, no amount
# given. Per receiving unit (按每县N万元, for counties the text names) is an allocation to each: a row.
_PER_UNIT = _compile(r"每(?:名|位|户|人|亩|生|头|只|公斤|斤|吨|平方米|套)")
# money per month, day or school term (每月能挣N元, 每学期补助N元): a wage or a rate, never an amount given
_PER_TIME = _compile(r"(?:(?:每|按)(?:月|天|日|人每月|人每天)(?:(?!" + g.GIVING_VERB + r")[^，,。；;\d]){0,4}"
                     r"|每(?:人|生|名学生)?每?学期[^，,。；;\d]{0,6}|每(?:人|生|名学生)每?学年[^，,。；;\d]{0,6})$")
# the upper end of a range (20—30万元, 20万元至30万元): the number before the dash shares the unit
# (到 between two figures with units is mostly a preposition: 选派干部4名到4个县)
_RANGE_BEFORE = _compile(r"(?:\d\s*[—–\-~～至到]|[\d.]+\s*(?:万|亿)?(?:元|个|家|人|名|户|所|项)\s*[—–\-~～至])\s*$")
# the lower end of a range whose both ends carry the unit (50万元至80万元): so is the figure after
_RANGE_AFTER = _compile(r"\s*[—–\-~～至]\s*[\d.]+\s*(?:万|亿)?(?:元|个|家|人|名|户|所|项)")
_FALL_AFTER = _compile(r"\s*(减少到|下降到|降至|降到|减少至|下降至)")
# a park as the subject of its tenants (产业园已入驻企业N家, 园区通过招商已吸引N家企业入驻): the
# park's stock, whoever brought them; a giver's guiding verb (新引进N家企业入驻) makes it a flow
_PARK_STOCK = _compile(r"(?:园区|产业园|工业园|飞地)[”\"」]?(?:内|里)?[^。；;\d]{0,20}?(?:入驻|吸引)(?:[^。；;\d]{0,8})$")
_GUIDED_IN = _compile(r"引导|引进|招引|牵线|组织|招商推介|协调")
# a count per head or per unit (人均…N名, 村均N户): an average (money has its own cue, reject:average)
_AVERAGE_BEFORE = _compile(r"(?:人均|户均|村均|县均|校均|平均每?)(?!\s*(?:已|有|为|是|达|在|" + g.GIVING_VERB + r"))"
                           r"(?=[^，,。；;\d]{0,8}$)")
_ACTING_ON_PARK = _compile(g.GIVING_VERB + r"|依托|通过|借助|利用|在|建设|共建")


def _park_heads(r: Reading, park_at: int) -> bool:
    """Whether the park named at ``park_at`` heads its clause: a giver before it only as a
    modifier (甲区援建的产业园…) or part of its name (甲乙协作产业园), not doing something with it
    (甲区依托产业园…, 甲区在乙县建设产业园,…)."""
    lo = r.lay.clause_start(park_at)
    givers = [h for h in r.hits_in(lo, park_at) if r.frame.side.get(key(h.giver_unit)) == "donor"]
    if not givers:
        return True
    between = r.text[givers[-1].end:park_at]
    return "的" in between or not _ACTING_ON_PARK.search(between)


# a difference from a plan (比计划多N, 较目标超出N): no amount of its own
_OVER_PLAN = _compile(r"(?:比|较)(?:年初|原|全年)?(?:计划|目标|任务)(?:数)?(?:多出|超出|多|超)[^，,。；;\d]{0,4}$")
_NON_GOV = _compile(g.NON_GOVERNMENT_BODIES)
_NON_GOV_SUBJECT = _compile(r"\s*(?:其中[,，]?|同时[,，]?)?[\u4e00-\u9fff]{0,12}?" + g.NON_GOVERNMENT_BODIES +
                              r"[^，,。；;\d]{0,8}?(?:向|为|给|捐|募|筹)")
# a charity heading its sentence as the subject: after an opener (据了解, 今年以来, …后, a purpose
# 为…,), its own place name or a level word (市慈协), and not as the source or the speaker
# (…了解到, 会长…表示)
_CHARITY_HEAD = _compile(r"\s*(?:(?:据(?:了解|介绍|悉|统计)|其中|同时|此外|另外|[^，,。；;\d]{0,14}?(?:以来|之后|后|期间)"
                         r"|为[^，,。；;\d]{2,14})[,，]\s*)?"
                         r"(?:(?![在从经据向与和对给跟同到通有])[\u4e00-\u9fff]){0,12}?" + g.CHARITY_BODIES +
                         r"(?!会长|副会长|理事长|秘书长|负责人|工作人员)(?![^，,。；;]{0,16}?(?:了解到|介绍|表示|获悉|指出|透露))")
_CHARITY = _compile(g.CHARITY_BODIES)
_BACK = _compile(g.BACK_REFERENCE)
_GENERIC = _compile(g.GENERIC_RECIPIENT)
_CN_COUNT = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
             **{str(i): i for i in range(2, 10)}}
_EACH = _compile(lx.EACH_CUES)
_ANAPHORA = _compile(lx.ANAPHORA_OPEN)
_SINGLED_OUT = _compile(lx.SINGLED_OUT_OPEN)
_COUNTED = _compile(lx.COUNTED_UNITS)
_INCOMPLETE_LIST = _compile(r"(?:[、和及与][\u4e00-\u9fff]{1,6}?)*?(?:县|区|市)?等([\d一两二三四五六七八九十]+)个?"
                            r"(?:深度)?(?:贫困)?(?:区县|县区|县市|市县|县|区|市)")
_LIFTED_AFTER = _compile(lx.LIFTED_AFTER)
_COVID = _compile(lx.COVID_CUES)
_GOV_PROCUREMENT = _compile(next(p for n, p, _ in lx.MONEY_CUES if n == "consumption_aid:gov_procurement"))
_FISCAL_PURPOSE = [(n, _compile(p)) for n, p in lx.FISCAL_PURPOSE]
_ROLE_BEFORE = _compile(lx.ROLE_BREAKDOWN_BEFORE)
_ROLE_AFTER = _compile(lx.ROLE_BREAKDOWN_AFTER)
_DESCRIBED_AFTER = _compile(lx.DESCRIBED_AFTER)
_BRACKET_PART = _compile(r"[（(]\s*其中")
# a verb that moves staff one way or the other (sending, receiving, going to serve)
_STAFF_MOVE = _compile(lx.SENT_VERBS + "|" + lx.RECEIVED_VERBS + r"|到|来|去|挂职|交流|轮岗")
_POOR_PART = _compile(lx.POOR_PART)
_CONTRACT = _compile(lx.CONTRACT_PARTY_AFTER)
_HELPING_AFTER = _compile(r"(对口帮扶|结对帮扶|对口支援|帮扶|援助|支援|援建|援疆|援藏|援青)")
# a receiver seeking, winning or taking in a giver's help (争取甲市…项目, 获得甲区…资金, 到位甲市…
# 资金): the giver is named
_SOUGHT_FROM = _compile(r"(?:争取|争取到|获得|得到|赢得|到位)了?$")


def _credited_units(r: "Reading", lo: int, hi: int) -> set:
    """Donor-side units mentioned in text[lo:hi] that the text credits with the help (_credited),
    but for one a different donor-side unit follows before hi: the nearer one owns what comes
    (到位甲省资金M万元、乙区资金N万元)."""
    side_hits = [h for h in r.hits_in(lo, hi) if r.frame.side.get(key(h.giver_unit)) == "donor"]
    return {h.giver_unit for h in side_hits
            if h.role == "mention" and not h.township and _credited(r.text, h)
            and not any(o.start >= h.end and o.giver_unit != h.giver_unit for o in side_hits)}


def _last_donor_side(r: "Reading", lo: int, hi: int) -> Unit | None:
    """The donor-side unit named last in text[lo:hi] (a giver credited earlier in the sentence
    does not go on past another: 到位甲省资金M万元、乙区资金N万元，实施项目K个), but for the
    parts of a whole seen from outside them (其中甲市M万元、乙区N万元，实施…: the whole's giver goes
    on) and a list of givers together (甲市、乙县两级资金)."""
    units, prev = [], None
    in_part = _rx.match(r"\s*其中", r.text, r.lay.clause_start(hi), hi) is not None
    side = [h for h in r.hits_in(lo, hi) if r.frame.side.get(key(h.giver_unit)) == "donor"]
    def among_parts(h) -> bool:
        # (a breakdown over two owners or more; one part with a verb of its own goes on: 其中乙市
        # 承担的N万元全部拨付到位，实施项目K个)
        c = r.lay.clause_start(h.start)
        return _rx.match(r"\s*其中", r.text, c, h.start) is not None and \
            len({o.giver_unit for o in side if r.lay.clause_start(o.start) == c}) > 1
    for h in side:
        if not in_part and among_parts(h):
            continue
        if prev is not None and units and _rx.fullmatch(r"\s*[、和与及]\s*", r.text, prev.end, h.start):
            prev = h
            continue        # 甲市、乙县两级: a list of givers together, its first one standing for it
        units.append(h.giver_unit)
        prev = h
    return units[-1] if units else None


def _credited(text: str, h: PlaceHit) -> bool:
    """Whether a place mentioned in passing is credited with the help: a helping word follows it
    (通过甲省帮扶…) or a word of seeking help precedes it (争取甲市慈善项目)."""
    return _HELPING_AFTER.match(text, h.end) is not None or \
        _SOUGHT_FROM.search(text, max(0, h.start - 4), h.start) is not None


_HEADING = _compile(r"^\s*(#+|【[^】]{1,20}】|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[、.．](?!\d))")


# ------------------------------------------------------------------ the reading of one document

@dataclass
class Reading:
    doc_id: str
    lay: Layout
    zones: Zones
    hits: list[PlaceHit]
    hit_starts: list[int]
    frame: Frame
    figures: list[Figure]
    fig_starts: list[int]
    plans: list[Span]
    sections: list[tuple[int, str]]       # (start, heading line) of each section
    gz: object
    donor_short: str = ""
    has_charity: bool = False             # the page names a charity or people's body (rules look for it then only)
    tables: list = field(default_factory=list)   # the tables written as lines (``tables.find_tables``)
    stated_pairs: dict = field(default_factory=dict)   # giver adcode → the set the page says it pairs with
    program_sets: dict = field(default_factory=dict)   # program → the donor's receivers under it (several only)
    _sentence_heads: dict | None = field(default=None, repr=False)   # sentence → who heads it (charity or giver)
    _hits_in: dict = field(default_factory=dict, repr=False)
    _receivers_in: dict = field(default_factory=dict, repr=False)
    _section_starts: list | None = field(default=None, repr=False)
    _sets_by_sentence: dict = field(default_factory=dict, repr=False)   # (area, levels) → sentence → adcodes

    @property
    def text(self) -> str:
        return self.lay.text

    def hits_in(self, lo: int, hi: int) -> list[PlaceHit]:
        # the rules of one figure ask about the same ranges many times: answered once
        found = self._hits_in.get((lo, hi))
        if found is None:
            i = bisect.bisect_left(self.hit_starts, lo)
            j = bisect.bisect_left(self.hit_starts, hi, i)
            found = self._hits_in[lo, hi] = [h for h in self.hits[i:j] if h.end <= hi]
        return list(found)

    def figures_in(self, lo: int, hi: int) -> list[Figure]:
        i = bisect.bisect_left(self.fig_starts, lo)
        j = bisect.bisect_left(self.fig_starts, hi)
        return self.figures[i:j]

    def receivers_in(self, lo: int, hi: int, strict: bool = False) -> list[PlaceHit]:
        """Recipient-side places in text[lo:hi]; ``strict``: only those in a receiver role (a
        place merely mentioned in another clause is not the figure's receiver)."""
        # asked many times per range too; the frame's sides are settled once the reading is made
        found = self._receivers_in.get((lo, hi, strict))
        if found is None:
            found = self._receivers_in[lo, hi, strict] = [
                h for h in self.hits_in(lo, hi)
                if (self.frame.side.get(key(h.unit)) == "recipient" or fr.writer_helped_here(self.frame, h)) and h.role != "venue"
                and (not strict or h.role in ("receiver", "giver") and h.marker != "from")]
        return list(found)

    def side_in(self, lo: int, hi: int) -> str:
        hs = self.hits_in(lo, hi)
        west = any(self.frame.side.get(key(h.unit)) == "recipient" for h in hs)
        east = any(self.frame.side.get(key(h.giver_unit)) == "donor" for h in hs) or bool(
            self.donor_short and _rx.search(self.donor_short, self.text[lo:hi]))
        return "recipient" if west and not east else "donor" if east and not west else ""

    def section_of(self, pos: int) -> tuple[int, str]:
        if self._section_starts is None:
            self._section_starts = [s for s, _ in self.sections]
        i = bisect.bisect_right(self._section_starts, pos) - 1
        return self.sections[i] if i >= 0 else (0, "")


_SENTENCE_MARK = _compile(r"[。，,；;！？]")


def raw_head_lines(doc) -> list[str]:
    """The raw page's header lines (simplified), which cleaning drops: its first lines that are
    short and hold no sentence (a page saved without its site header starts with its body, whose
    places say nothing of who wrote it)."""
    raw = getattr(doc, "raw_text", None)
    if not isinstance(raw, str) or not raw:
        return []
    lines = [ln for ln in raw[:600].split("\n")[:6] if len(ln.strip()) <= 60 and not _SENTENCE_MARK.search(ln)]
    return simplify("\n".join(lines)).split("\n") if lines else []


def _header_units(gz, doc, head_lines: list[str]) -> list[Unit]:
    """Units named in full in the raw page's first lines (``raw_head_lines``: a site header, a
    source line such as 来源：甲县融媒体中心, which cleaning drops) and in the publishing unit
    ingest read from the page's signature or 来源 line, wherever it stands (a footer 来源：甲县乡村振兴局 too)."""
    head = "\n".join(head_lines)
    if not head:
        return []
    publisher = getattr(doc, "unit", None)
    if isinstance(publisher, str) and publisher:
        head += "\n" + simplify(publisher)
    return [unit_of(m.place) for m in gz.find(head)
            if m.place is not None and re.search(r"(省|市|县|区|州|旗|盟|自治区)$", m.surface)]


def _sections(lay: Layout) -> list[tuple[int, str]]:
    text = lay.text
    out = [(0, "")]
    for ln in lay.lines.spans:
        line = text[ln.start:min(ln.end, len(text))]
        # (a digest, 【内容提要】…, is the page's summary, not the heading of what follows)
        if _HEADING.match(line) and (len(line) < 40 or _HEADING.match(line).group(1).startswith("【")) and \
                not DIGEST_HEAD.match(line):
            out.append((ln.start, line.strip()[:40]))
    return out


def _place_the_writer(frame: Frame, side: dict, hits: list[PlaceHit], header: list[Unit],
                      helped_n: int, giving_n: int) -> None:
    """The side of the page's writer (我县, 我市: ``frame.self_unit``), helped ``helped_n`` times and
    giving ``giving_n`` times in its own words; the page's donor when the writer is the giver."""
    u = frame.self_unit
    if side.get(key(u)) == "donor" and u in header and frame.donor is not None and \
            frame.donor.adcode[:2] == u.adcode[:2] and not frame.donor.nests(u) and not fr.gives_itself(u, hits) and \
            helped_n > giving_n:
        # the site's own unit helped by a giver of its own province (山海协作, 南北挂钩)
        side[key(u)] = "recipient"
    if frame.donor is not None and frame.donor != u and frame.donor.contains(u) and \
            side.get(key(u)) == "donor" and u in header and giving_n > helped_n:
        # the site's own unit (甲市人民政府门户网站) gives as 我市, on a page naming its province
        # more: the writer is the giver
        frame.donor, frame.donor_from = u, "frame_self_giving"
    if side.get(key(u)) is None:
        if frame.donor is None and giving_n > helped_n:
            # a giver's own page with no pairing reference for it (an in-province pairing):
            # 我市 gives more often than it is helped
            side[key(u)] = "donor"
            frame.donor, frame.donor_from = u, "frame_self_giving"
        else:
            side[key(u)] = "recipient" if frame.donor is None or not frame.donor.nests(u) else "donor"


def _pair_at_self_level(pair: tuple[Unit, Unit], word: str, gz) -> tuple[Unit, Unit]:
    """甲乙协作 on a page that says 我州 (or 我市) where 乙 stands for a county-level unit: the
    receiving unit of the writer's level that holds it and shares its first character (a
    prefecture named like its seat: 乙州 and 乙市) is the one the pair names."""
    u = pair[1]
    if u.level != "county" or word not in ("州", "市", "盟"):
        return pair
    parent = ancestor(u, "prefecture", gz)
    if parent is not None and parent.level == "prefecture" and parent.full_name.endswith(word) and \
            parent.name[:1] == u.name[:1]:
        return pair[0], parent
    return pair


def _writer_aiding_an_area(frame: Frame, side: dict, hits: list[PlaceHit], head: str) -> None:
    """A writer helped by its own partner that gives to another area (a central-western city
    both receiving east-west help and doing counterpart support): where the headline or lead
    names the aid by its area (援藏资金, 援疆干部) and the writer lies outside that area, while the
    page names units inside it, the writer is the page's giver; a clause naming the writer's own
    helper still credits that helper."""
    u = frame.self_unit
    if u is None or side.get(key(u)) != "recipient" or u.level == "central":
        return
    areas = {PROVINCE_CUES[c][:2] for c in _AREA_OF_AID.findall(head)}
    if len(areas) != 1:
        return
    area = areas.pop()
    if u.adcode.startswith(area) or not any(h.unit.adcode.startswith(area) for h in hits):
        return
    side[key(u)] = "donor"
    frame.donor, frame.donor_from = u, fr.SELF_AIDING_AREA


# the programme words that name the area helped (援藏, 援疆 …), giving words only (进藏 is going there)
_AREA_OF_AID = re.compile("|".join(re.escape(c) for c in PROVINCE_CUES if c.startswith("援")))


def _paired_inner_donor(donor: Unit | None, recipients: list[Unit], receiving: list[Unit],
                        donor_units: list[Unit]) -> Unit | None:
    """The one donor-side unit inside ``donor`` that the pairing reference pairs with every
    one of the page's counties: its frame's ``recipients`` when they are counties, or else the
    county-level ``receiving`` units it names; only on a page whose ``receiving`` units are those
    counties and their provinces."""
    framed = bool(recipients) and all(u.level == "county" for u in recipients)
    counties = [u for u in (recipients if framed else receiving) if u.level == "county"]
    # (a page whose frame is its counties may name their prefecture too: 甲市向乙州投入… beside
    # the county's own figures; one without such a frame that names a prefecture is about more)
    wider = ("province", "prefecture") if framed else ("province",)
    if donor is None or donor.level == "central" or not counties or not all(
            u in counties or u.level in wider and any(u.contains(c) for c in counties) for u in receiving):
        return None      # (the page also names other receiving units: a prefecture, other counties)
    found = {u for u in donor_units if u.adcode != donor.adcode and donor.contains(u)
             and all(r.adcode in reference.county_partners(u.adcode) for r in counties)}
    return found.pop() if len(found) == 1 else None


def read(doc, gz, page: Frame | None = None) -> Reading:
    """The reading of one document. ``page``: the frame of the whole page when ``doc`` is one
    section of it (a very long report read piece by piece): its donor, recipients, year and
    sides hold in every section."""
    text = doc.text
    if not isinstance(text, str):
        raise ValueError(f"document {doc.doc_id!r} has no text (got {type(text).__name__})")
    title = clean_title(str(getattr(doc, "title", "") or ""))
    lay = layout(text)
    zs = find_zones(lay, title)
    # a page that says 我县/我市: the units its header names stand for it and support their
    # short forms in the text (甲 for the 甲县 whose media centre wrote the page)
    head_lines = raw_head_lines(doc)
    header = _header_units(gz, doc, head_lines) if fr._SELF.search(text) else []
    hits = zone_short_names(text, common_word_short_names(text, defined_short_names(text, find_places(gz, text, header))))
    title_hits = find_places(gz, title) if title else []
    side = fr.assign_sides(hits + title_hits, text)
    frame = Frame(side=side)
    frame.year, frame.year_from = fr.reporting_year(title, text, str(getattr(doc, "date", "") or ""))
    # (a transcript's turns of a speaker for a unit inside the page's giver are that unit's)
    page_hits = fr.page_level_hits(text, hits, side, zs, title_hits)
    frame.donor, frame.donor_from = fr.choose_donor(page_hits, side, zs, title_hits, text)
    # (the raw page's header too: the site's own name, which cleaning drops with its menu)
    central = page_central(title, [text[z.span.start:z.span.end] for z in zs.zones
                                   if z.kind in _HEAD_KINDS] + head_lines[:1],
                           zs.text_of(text, LEAD))
    if central is not None:
        # a ministry's or central SOE's page: the unit gives whatever no clause credits elsewhere
        frame.donor = Unit("000000", central[0], central[0], "", "central")
        frame.donor_from, frame.donor_kind = "frame_central", central[1]
        for h in hits + title_hits:
            if h.role != "giver" and not _destination(text, h):
                side[key(h.unit)] = side[key(h.giver_unit)] = "recipient"   # the places it helps
    head_end = max([z.span.end for z in zs.zones if z.kind in _HEAD_KINDS] + [0])
    lead_start = min([z.span.start for z in zs.zones if z.kind == "lead"] + [len(text)])
    frame.self_unit, frame.self_word = fr.self_reference(text, hits, header, side, min(head_end, lead_start))
    if frame.self_unit is not None:
        _place_the_writer(frame, side, hits, header, *fr.self_roles(text, list(fr._SELF.finditer(text)), frame.self_word))
        _writer_aiding_an_area(frame, side, hits, title + "\n" + zs.text_of(text, HEADLINE, LEAD, DIGEST))
    if frame.donor is not None and frame.donor_from.endswith("+inner") and frame.self_unit is not None and \
            frame.self_unit != frame.donor and frame.self_unit.contains(frame.donor) and \
            side.get(key(frame.self_unit)) == "donor" and frame.donor.level == "county" and \
            frame.self_unit.level in ("prefecture", "province"):
        # the page speaks as the giver above the county it keeps naming (我市…,其中乙县向丙县…): the
        # writer is the page's giver, the county gives where a clause names it (a zone is no such
        # unit: 我区 on a zone's page is the zone)
        frame.donor, frame.donor_from = frame.self_unit, frame.donor_from + "+self_writer"
    # in order of first mention (a set's order would change with the hash seed between runs)
    units = list(dict.fromkeys(u for h in hits + title_hits for u in (h.unit, h.giver_unit)))
    frame.short_names = fr.short_names(units)
    hits = side_short_names(text, hits, frame.short_names, frame.donor)
    pair = fr.short_pair(title + "\n" + zs.text_of(text, HEADLINE, "lead", "digest"), frame.short_names, side, gz,
                         headline=title + "\n" + zs.text_of(text, HEADLINE))
    if frame.donor is None and pair is not None:
        frame.donor, frame.donor_from = pair[0], "frame_short_pair"
    if frame.self_unit is None and frame.self_word and pair is not None and \
            not pair[1].full_name.endswith(frame.self_word):
        pair = _pair_at_self_level(pair, frame.self_word, gz)
    if frame.self_unit is None and frame.self_word and pair is not None and \
            pair[1].full_name.endswith(frame.self_word):
        frame.self_unit = pair[1]          # 我省 on a page about 甲乙协作 written by the receiver
    frame.recipients, frame.recipients_from = fr.page_recipients(
        text, zs, page_hits, title_hits, side, frame.donor, frame.self_unit, pair, _county_counter(gz),
        frame.short_names, title)
    lead = [h for h in hits if zs.kind_at(h.start) in (HEADLINE, LEAD, DIGEST)]
    frame.recipients, frame.recipients_from = _every_county_named(
        frame.recipients, frame.recipients_from, lead, side, _county_counter(gz))
    if frame.donor is None and frame.recipients:
        # a receiver's page naming no giver: the pairing reference's donor for its recipients
        frame.donor, frame.donor_from = _reference_donor(frame.recipients, frame.year, gz)
    elif frame.self_unit is None and frame.self_word in ("区", "县", "市") and frame.donor is not None \
            and frame.recipients and side.get(key(frame.donor)) == "donor":
        # a giver's own page (我区, 全区 …) naming only its city in passing (到甲市就业): the unit of
        # that level inside the city the pairing reference pairs with the page's recipients
        own, _ = _reference_donor(frame.recipients, frame.year, gz, inside=frame.donor)
        if own is not None and own != frame.donor and frame.donor.contains(own) and \
                own.full_name.endswith(frame.self_word):
            frame.donor, frame.donor_from, frame.self_unit = own, "frame_reference_self", own
    if frame.self_unit is None and frame.self_word in ("区", "县", "市"):
        own = _self_of_its_prefecture(gz, frame.recipients, frame.self_word,
                                      fr.self_roles(text, list(fr._SELF.finditer(text)), frame.self_word))
        if own is not None:
            frame.self_unit = own
            frame.recipients, frame.recipients_from = [own], frame.recipients_from + "+self_level"
    frame.donor_units = [u for u in units if side.get(key(u)) == "donor"]
    frame.recipient_units = [u for u in units if side.get(key(u)) == "recipient"]
    inner = _paired_inner_donor(frame.donor, frame.recipients, frame.recipient_units, frame.donor_units)
    if inner is not None:
        # the page names its broad giver most (上海) and, once, the unit inside it that the
        # pairing reference pairs with the page's county (甲区): that unit is the page's giver
        frame.donor, frame.donor_from = inner, frame.donor_from + "+paired_inner"
    paired = _lead_pair_giver(text, zs, hits, frame)
    if paired is not None:
        frame.donor, frame.donor_from = paired, frame.donor_from + "+lead_pair"
    if frame.self_unit is not None:
        # 我县 wherever it stands is the unit the page's writer is
        own = [_self_hit(text, m, frame.self_unit) for m in fr._SELF.finditer(text) if m.group(1) == frame.self_word]
        hits = sorted(hits + own, key=lambda h: (h.start, h.end))
    hits = _speakers_selves(text, hits, fr.turn_units(text, hits))
    hits = _as_the_donor_is_named(hits, frame.donor)
    if frame.donor is not None and frame.donor.level != "central" and _page_of_a_body(text, title, zs, hits, frame.donor):
        frame.donor_kind = "association"
    frame.program = fr.cue_program(text)
    if page is not None:
        _inherit(frame, page)
        zs = Zones([], zs.title)          # a section of a page is all body
    # a number inside a place's name (五家渠市, 八所镇) is no figure
    figures = [f for f in find_figures(text) if not any(h.start <= f.start < h.end for h in hits)]
    r = Reading(doc.doc_id, lay, zs, hits, [h.start for h in hits], frame, figures,
                [f.start for f in figures], scopes.plan_spans(lay, title), _sections(lay), gz)
    if "|" in text or "｜" in text:
        r.tables = tables.find_tables(text)
    r.stated_pairs = fr.stated_pairs(text, hits, frame.side)
    sets = fr.program_sets(text, hits, frame.side, frame.donor)
    if len(sets) >= 2:
        r.program_sets = sets            # a page of one program: its frame's recipients already are its set
    if frame.donor is not None and frame.donor.level != "central":
        names = {re.sub(r"(省|市|区|县|自治区)$", "", n) for n in (frame.donor.name, frame.donor.province)}
        names = {n for n in names if len(n) >= 2}
        if frame.donor.level != "zone":
            names |= {c for c, prefix in fr.ABBREVIATION_PREFIXES if frame.donor.adcode.startswith(prefix)}
        r.donor_short = "|".join(sorted(re.escape(n) for n in names))
    r.has_charity = _CHARITY.search(text) is not None
    return r


# the zones above a page's text: its headline and the lines about the page (who wrote it, where)
_HEAD_KINDS = (HEADLINE, "byline", "masthead", "navigation")


def _self_hit(text: str, m: re.Match, unit: Unit) -> PlaceHit:
    """我县/我市 (a match of frame._SELF) read as ``unit``, with the role its words give it."""
    role, marker = role_of(text, m.start(), m.end())
    return PlaceHit(m.start(), m.end(), m.group(0), unit, unit, role, False, marker, False)


def _speakers_selves(text: str, hits: list[PlaceHit], turns) -> list[PlaceHit]:
    """In a transcript, 我市/我县 in a speaker's turn is the unit the speaker speaks for (a
    发布会 of a receiving province where a giver city's official says 我市), when the word fits
    that unit's level."""
    if not turns:
        return hits
    own = [_self_hit(text, m, unit) for start, end, unit in turns if unit.level != "central"
           for m in fr._SELF.finditer(text, start, end) if unit.name.endswith(m.group(1))]
    if not own:
        return hits
    taken = {(h.start, h.end) for h in own}
    return sorted([h for h in hits if (h.start, h.end) not in taken] + own, key=lambda h: (h.start, h.end))


_COUNTIES_OF: dict[int, dict] = {}
_LEVEL_SUFFIX = _compile(r"(市|区|县)$")


_GOING_BEFORE = _compile(r"(?:转移|输送|输出)?" + g.GOING_TO + r"(?:[\u4e00-\u9fff]{2,8}[、和及与])*$")
_WORK_AFTER = _compile(r"(?:[、和及与][\u4e00-\u9fff]{2,8}?)*等?(?:省外|省内|地区|城市|地)?(?:就业|务工|学习|考察|参观|进修)")


def _destination(text: str, h: PlaceHit) -> bool:
    """A place people go to work or study in (组织转移到甲省、乙省等省外就业, 赴甲市学习考察):
    where they went, not a place a central unit helps."""
    return _GOING_BEFORE.search(text, max(0, h.start - 30), h.start) is not None and \
        _WORK_AFTER.match(text, h.end) is not None


def _as_the_donor_is_named(hits: list[PlaceHit], donor: Unit | None) -> list[PlaceHit]:
    """A county-level donor renamed since (甲市 became 甲区): its short name (甲) reads as today's
    unit, the page's full name as the one of its year. Mentions of the same name in the same city
    are the page's donor as the page names it."""
    if donor is None or donor.level != "county":
        return hits
    base = _LEVEL_SUFFIX.sub("", donor.name)
    def same(u: Unit) -> bool:
        return u != donor and u.level == "county" and u.adcode[:4] == donor.adcode[:4] and (
            u.adcode == donor.adcode or len(base) >= 2 and _LEVEL_SUFFIX.sub("", u.name) == base)
    if not any(same(h.unit) or same(h.giver_unit) for h in hits):
        return hits
    return [replace(h, unit=donor if same(h.unit) else h.unit,
                    giver_unit=donor if same(h.giver_unit) else h.giver_unit) for h in hits]


def _inherit(frame: Frame, page: Frame) -> None:
    """A section takes the page's frame; its own readings fill only what the page lacks."""
    for k, v in page.side.items():
        frame.side[k] = v
    for name in ("donor", "recipients", "year", "self_unit", "self_word", "program", "donor_kind"):
        value = getattr(page, name)
        if value:
            setattr(frame, name, value)
            if name in ("donor", "recipients", "year"):
                setattr(frame, name + "_from", "page_" + (getattr(page, name + "_from") or "frame"))


def page_frame(doc, gz) -> Frame:
    """The frame of a page read from its head (the first section of a long report)."""
    return read(doc, gz).frame


def _counties_of(gz) -> dict[str, list]:
    """The county-level places of each prefecture, by the prefecture's first four adcode digits
    (built once per gazetteer)."""
    counties = _COUNTIES_OF.get(id(gz))
    if counties is None:
        counties = _COUNTIES_OF[id(gz)] = {}
        for p in gz.places("county"):
            counties.setdefault(p.adcode[:4], []).append(p)
    return counties


def _county_counter(gz):
    """How many counties each prefecture has."""
    counties = _counties_of(gz)
    return lambda u: len(counties.get(u.adcode[:4], ())) if u.level == "prefecture" else 0


# 甲区结对帮扶我县 / 甲区对口支援我市: the lead names who helps the page's writer
_HELPS_SELF = _compile(r"(?:结对|对口)(?:帮扶|支援|协作)(?:我[县区市旗州])")


def _lead_pair_giver(text: str, zs: Zones, hits: list[PlaceHit], frame: Frame) -> Unit | None:
    """A receiver's page whose headline or lead names the unit that pairs with it (…是甲市乙区结对
    帮扶我县的第四年): that unit, when it lies inside the page's broader giver, is the page's giver
    (the broad giver named more often is the scene: its city, its province)."""
    d = frame.donor
    if d is None or d.level == "central" or frame.self_unit is None:
        return None
    found = {h.giver_unit for h in hits if zs.kind_at(h.start) in (HEADLINE, LEAD)
             and frame.side.get(key(h.giver_unit)) == "donor" and not h.township
             and _HELPS_SELF.match(text, h.end)}
    if len(found) != 1:
        return None
    u = found.pop()
    return u if u != d and d.contains(u) else None


def _self_of_its_prefecture(gz, recipients: list[Unit], word: str, roles: tuple[int, int]) -> Unit | None:
    """A receiver's page that calls itself 我区/我县 while its headline names only the short form
    its prefecture shares with one of the prefecture's own districts or county-level cities
    (甲 for 甲市 and its 甲区; 乙 for 乙州 and its 乙市): 我区 is that district, not the
    prefecture. (我市 of a prefecture named 甲市 is that prefecture: only a 州/地区/盟 has a 甲市.)"""
    helped, giving = roles
    if len(recipients) != 1 or recipients[0].level != "prefecture" or not helped or giving > helped:
        return None
    pref = recipients[0]
    if word == "市" and pref.name.endswith("市"):
        return None
    same = [p for p in _counties_of(gz).get(pref.adcode[:4], [])
            if p.name.endswith(word) and len(p.name) >= 3 and pref.name.startswith(p.name[:-1])]
    return unit_of(same[0]) if len(same) == 1 else None


def _every_county_named(units: list[Unit], how: str, hits: list[PlaceHit], side: dict,
                        county_count) -> tuple[list[Unit], str]:
    """A page's one prefecture whose every county the page's head (headline, lead) names as a
    receiver: the counties (county level where the text allows). Counties named together deeper
    in the body say where one figure went, not what the page is about."""
    if len(units) != 1 or units[0].level != "prefecture":
        return units, how
    area = units[0]
    inside = dedupe_units(h.unit for h in hits if h.unit.level == "county" and area.contains(h.unit)
                          and h.role != "venue" and side.get(key(h.unit)) == "recipient")
    if len(inside) >= 2 and len(inside) == county_count(area):
        return sorted(inside, key=lambda u: u.adcode), how + "+every_county_named"
    return units, how


def _page_of_a_body(text: str, title: str, zs: Zones, hits: list[PlaceHit], donor: Unit) -> bool:
    """A page about a non-government body of the donor (甲市慈善协会助力…): its headline names the
    donor with the body."""
    head = title + "\n" + zs.text_of(text, HEADLINE)
    if donor.name not in head:
        return False
    for m in re.finditer(re.escape(donor.name) + r"(?:市|省|区)?" + g.NON_GOVERNMENT_BODIES, head):
        return True
    return False


def _reference_donor(recipients: list[Unit], year, gz, inside: Unit | None = None) -> tuple[Unit | None, str]:
    """The one donor the pairing reference gives the recipients (``inside``: among the units of
    that area only)."""
    prefix = {"province": 2, "prefecture": 4}.get(inside.level, 6) if inside is not None else 0
    found = set()
    for u in recipients:
        for p in reference.partners(u.adcode, "recipient", year):
            if inside is None or p.donor_adcode[:prefix] == inside.adcode[:prefix]:
                found.add(p.donor_adcode)
    if len(found) != 1:
        return None, ""
    try:
        place = gz.by_adcode(found.pop())
    except (KeyError, ValueError):
        return None, ""
    return (unit_of(place, as_giver=True), "frame_reference") if place is not None else (None, "")


# ------------------------------------------------------------------ recipients of one figure

# the words of a back reference (三县, 两旗县) that count county-level units
_COUNTY_WORDS = ("县", "区县", "县市", "县区", "旗", "旗县", "县旗")


def _back_reference(r: Reading, pos: int, n: int, word: str) -> list[Unit]:
    """The units 两地/三县 at ``pos`` point back to: the latest list of that many units."""
    runs = fr._runs(r.text, [h for h in r.hits if h.end <= pos
                             and r.frame.side.get(key(h.unit)) == "recipient"])
    for run in reversed(runs):
        units = dedupe_units([h.unit for h in run])
        if word in ("省", "省区"):
            units = dedupe_units([u for u in units if u.level == "province"])
            if len(units) == n:
                return units
            continue
        if word in ("地", "市", "州", "盟") and len({u.adcode[:4] for u in units}) == n:
            return units
        if word in _COUNTY_WORDS:
            units = [u for u in units if u.level == "county"]
        if len(units) == n:
            return units
    # that many named in the sentence before it, in more than one list (甲省乙县、丙县和丁省戊县…,
    # 向三县…)
    sent = r.lay.full_sentence(pos)
    named = dedupe_units([h.unit for h in r.hits if sent.start <= h.start and h.end <= pos
                          and r.frame.side.get(key(h.unit)) == "recipient"
                          and (word not in _COUNTY_WORDS or h.unit.level == "county")])
    if n >= 2 and len(named) == n and word not in ("省", "省区", "地", "市", "州", "盟"):
        return named
    kind = [u for u in r.frame.recipients if word not in _COUNTY_WORDS or u.level == "county"]
    if word in ("省", "省区"):
        kind = [u for u in r.frame.recipients if u.level == "province"]
    if len(kind) == n:
        return kind
    # a list of that many named after it in the page (甲省、乙省、丙省) when none came before
    for run in fr._runs(r.text, [h for h in r.hits if r.frame.side.get(key(h.unit)) == "recipient"]):
        units = dedupe_units([h.unit for h in run])
        if len(units) == n and (word not in ("省", "省区") or all(u.level == "province" for u in units)):
            return units
    return []


def _adds_up(r: Reading, fig: Figure, c: Span, places: list[PlaceHit]) -> bool:
    own = [f for f in r.figures_in(c.start, c.end) if f.unit == fig.unit]
    if not own:
        return False
    n = len(dedupe_units(h.unit for h in places if c.start <= h.start < c.end))
    each = _EACH.search(r.text, c.start, own[0].start) is not None
    total = own[0].value * n if each and len(own) == 1 else sum(f.value for f in own)
    return abs(total - fig.value) <= 0.01 * fig.value


def _quoted(text: str, h: PlaceHit, sent: Span) -> bool:
    """A place inside a quoted slogan (以“甲地所能”服务“乙地所需”) names no receiver."""
    before = text[sent.start:h.start]
    if not (before.count("“") > before.count("”") and "”" in text[h.end:h.end + 12]):
        return False
    # a count of units spelt out inside the quotes (“一区两县(甲区、乙县、丙县)”) names them
    return not _rx.search(r"[一两二三四五六七八九十\d]+个?[区县市旗][（(][^“]*$", before[before.rfind("“"):])


def _refines(r: Reading, u: Unit) -> bool:
    """A place merely mentioned near a figure counts as its receiver only when it narrows the
    page's recipients (a county of the page's prefecture), never when it widens them."""
    rec = r.frame.recipients
    return not rec or any(f.contains(u) and f != u for f in rec) or u in rec


def _expand(r: Reading, hs: list[PlaceHit]) -> list[Unit]:
    """Units of a list of receiver places; a province or prefecture followed by a generic word
    (甲省受援县, 乙州8县) stands for the page's recipients inside it."""
    out = []
    for h in hs:
        after = r.text[h.end:h.end + 12]
        u = h.unit
        if u.level in ("province", "prefecture") and (_GENERIC.match(after) or _COUNTED.match(after)):
            inside = [q for q in r.frame.recipients if q != u and u.contains(q)]
            said = _rx.match(r"的?([\d两二三四五六七八九十]+)个?", after)
            if said and inside and _count(said.group(1)) not in (0, len(inside)):
                inside = []
            out.extend(inside or [u])
        else:
            out.append(u)
    out = dedupe_units(out)
    if out and all(u.level == "county" for u in out):
        # 甲州乙县、丙县等8个县: a list the text says is longer than it names does not name the
        # set, so the figure is the area's that holds them
        tail = _INCOMPLETE_LIST.match(r.text, max(h.end for h in hs))
        if tail and _count(tail.group(1)) > len(out):
            # (unless the page stated one giver's set of that many holding them: 甲县等四县 is it)
            codes = {u.adcode for u in out}
            stated = [units for units in r.stated_pairs.values()
                      if len(units) == _count(tail.group(1)) and codes <= {u.adcode for u in units}]
            if len(stated) == 1:
                return list(stated[0])
            parent = common_parent(out, r.gz)
            if parent is not None:
                return [parent]
    return out


def _partners_named(r: Reading, giver: Giver, units: list[Unit], how: str, fig_start: int) -> list[Unit] | None:
    """The giver's own partners inside the one area a figure was given to, when the page names
    every one of them: the text allows county level (甲省 or the page's 乙州 stands for the
    giver's counties in it that the page lists). An area the figure's own clause names keeps its
    level (向乙省拨付…, 到乙州投资), and so does a prefecture its sentence names."""
    if len(units) != 1 or giver.unit is None or giver.unit.level == "central":
        return None
    area = units[0]
    if how.startswith("clause") or (area.level == "prefecture" and how.startswith("sentence")):
        return None       # the figure's own clause gives to the area by name (向乙省拨付…)
    if area.level not in ("province", "prefecture"):
        return None
    # (a table's lines list the areas of its own figures, maybe a selection (其余略): the prose
    # naming every partner is what lets the area stand for them)
    prose = {h.unit.adcode for h in r.hits if not _in_table(r, h.start)} if r.tables else None
    named = {u.adcode: u for u in r.frame.recipient_units if u != area and area.contains(u)
             and (prose is None or u.adcode in prose)}
    codes = _partner_codes(r, giver.unit)
    keep = 2 if area.level == "province" else 4
    inside = sorted(c for c in codes if c[:keep] == area.adcode[:keep] and c != area.adcode)
    if not inside or not all(c in named for c in inside):
        return None
    if giver.unit.level == "province" and r.frame.self_unit == area and _set_beyond_reference(r, area, [named[c] for c in inside]):
        # the receiving province's own page (我省) listing its partners with one more than the
        # reference holds: the page knows a set the reference lacks (a giver's page, or a city's
        # list of counties, names its peers' partners too)
        return None
    if _set_beyond_reference(r, area, [named[c] for c in inside], giver.unit):
        return None       # the giver itself gives to more units there than the reference holds
    para = r.lay.line(fig_start)
    others = [h.unit for h in r.receivers_in(para.start, para.end)
              if area.contains(h.unit) and h.unit != area and r.frame.side.get(key(h.unit)) == "recipient"
              and not any(h.unit.nests(named[c]) for c in inside)]
    if others:
        return None       # the paragraph is about another unit of the area (its 丙市 …)
    return [named[c] for c in inside]


def _share_giver(r: Reading, fig: Figure) -> Unit | None:
    """The donor-side unit named right before a figure in a 其中 list (其中甲市N亿元、乙方M亿元)."""
    clause_lo = r.lay.clause_start(fig.start)
    if not _rx.match(r"\s*其中", r.text, clause_lo, fig.start):
        return None
    named = [h for h in r.hits_in(clause_lo, fig.start) if r.frame.side.get(key(h.giver_unit)) == "donor"]
    if not named or not _rx.fullmatch(r"[\s为:：]{0,2}", r.text, named[-1].end, fig.start):
        return None
    return named[-1].giver_unit


def _stated_set_inside(r: Reading, giver: Giver, recips: list[Unit]) -> list[Unit]:
    """The set the page states the giver pairs with (``fr.stated_pairs``), when the figure's
    receivers are the page's one area holding it (its headline's 甲省); not when the set is all
    of a prefecture's counties (then the prefecture is what the page means)."""
    stated = r.stated_pairs.get(giver.unit.adcode) if giver.unit is not None else None
    if not stated or giver.kind in g.CENTRAL_KINDS or len(recips) != 1:
        return []
    area = recips[0]
    if not all(area.contains(u) and u != area for u in stated):
        return []
    if area.level == "prefecture" and len(stated) >= _county_counter(r.gz)(area):
        return []
    return list(stated)


def _program_recipients(r: Reading, fig: Figure, giver: Giver, recips: list[Unit], how: str) -> list[Unit]:
    """On a page of several programs, a figure whose own clause names no receiver takes the set of
    the program its clause, its ；-piece or its section heading names (援疆资金N亿元 under the
    page's Xinjiang partner; 二、对口支援 … N名 for the counterpart set), not the page's first set."""
    if not r.program_sets or giver.unit is None or r.frame.donor is None or not giver.unit.nests(r.frame.donor):
        return []
    clause = r.lay.clause(fig.start)
    if r.receivers_in(clause.start, clause.end):
        return []
    text = r.text
    sent = r.lay.sentence(fig.start)
    piece = max(sent.start, max(text.rfind(c, sent.start, fig.start) for c in "；;") + 1)
    # (receivers that came from the sentence or the paragraph give way only to a program the
    # figure's own clause names, and only one they are none of: 甲省…；援疆资金N亿元)
    contexts = (text[clause.start:fig.end], text[piece:fig.end], r.section_of(fig.start)[1])
    for context in contexts if how.startswith("frame") else contexts[:1]:
        said = fr.program_said(context, r.program_sets, r.frame.recipients, r.frame.donor)
        if not said:
            continue
        if not how.startswith("frame") and any(u.nests(v) for u in said for v in recips):
            return []
        return said if {u.adcode for u in said} != {u.adcode for u in recips} else []
    return []


def _page_set_inside(r: Reading, giver: Giver, units: list[Unit]) -> bool:
    """Is ``units`` the one province holding the page's own named set of receivers, for the page's
    giver?"""
    page = r.frame.recipients
    return len(units) == 1 and units[0].level == "province" and len(page) >= 2 and \
        r.frame.recipients_from.endswith("named_set") and all(units[0].contains(u) for u in page) and \
        giver.unit is not None and r.frame.donor is not None and giver.unit == r.frame.donor and \
        fr.covers_all_named(page, units[0], [h.unit for h in r.hits if r.frame.side.get(key(h.unit)) == "recipient"
                                             and not fr.event_place(r.text, h)])


def _set_beyond_reference(r: Reading, area: Unit, partners: list[Unit], giver: Unit | None = None) -> bool:
    """A sentence of the page listing all the reference's partners of the giver in ``area`` with a
    further unit of their level there (甲市、乙市、丙州、丁州等市州结对 where the reference has three):
    the page knows a set the reference lacks. ``giver``: only a sentence whose subject is that
    giver (甲区分别向乙县、丙县、丁县各安排…), or that names none on the giver's own page."""
    levels = frozenset(u.level for u in partners)
    codes = {u.adcode for u in partners}
    by_sentence = r._sets_by_sentence.get((area.adcode, levels))
    if by_sentence is None:          # once per page and area, not once per figure
        by_sentence = {}
        for h in r.hits:
            if area.contains(h.unit) and h.unit != area and h.unit.level in levels and \
                    r.frame.side.get(key(h.unit)) == "recipient":
                by_sentence.setdefault(r.lay.sentence(h.start).start, set()).add(h.unit.adcode)
        r._sets_by_sentence[(area.adcode, levels)] = by_sentence
    wider = [at for at, found in by_sentence.items() if codes < found]    # adcodes: one unit, however written
    if giver is None:
        return bool(wider)
    for at in wider:
        sent = r.lay.sentence(at)
        # (every donor-side unit the sentence names: 甲区对口乙县、丙区对口丁县 lists peers' partners)
        subjects = {h.giver_unit for h in r.hits_in(sent.start, sent.end)
                    if r.frame.side.get(key(h.giver_unit)) == "donor" and not h.township}
        if subjects == {giver} or not subjects and giver == r.frame.donor:
            return True
    return False


def _count(word: str) -> int:
    if word.isdigit():
        return int(word)
    try:
        return int(cn_number(word))
    except ValueError:
        return 0


def _parts_after(r: Reading, fig: Figure, sent: Span) -> list[PlaceHit]:
    """Places of the 其中 breakdown that follows a total (其中甲县…、乙县…)."""
    text = r.text
    m = _rx.search(r"其中", text, fig.end, sent.end)
    if not m or r.receivers_in(sent.start, fig.start) or _rx.search(r"[。；;]", text, fig.end, m.start()):
        return []
    if any(f.start < m.start() for f in r.figures_in(fig.end, sent.end)):
        return []
    parts = [f for f in r.figures_in(m.start(), sent.end) if f.unit == fig.unit]
    places = r.receivers_in(m.start(), sent.end)
    if len(parts) < 2 or len(places) < 2:
        return []
    return places


@dataclass
class Topic:
    """What the discourse carries from clause to clause within a paragraph."""
    giver: Giver | None = None
    giver_para: int = -1
    recips: list[Unit] = field(default_factory=list)
    recips_sentence: int = -1
    recips_para: int = -1
    para_topic: list[Unit] = field(default_factory=list)
    para_topic_at: int = -1
    heads: dict = field(default_factory=dict)    # sentence start → {unit group: recipients of its head figure}
    named: Unit | None = None                    # a giver a clause credited (通过甲省帮扶…), in the sentence at
    named_at: int = -1
    foreign: str = ""                            # a subject that is nobody's donor (中央, 全国), while it holds
    foreign_at: int = -1                         # … in the sentence (to 。) starting here


# a paragraph headed by a giver standing alone ((一)甲市。 / 1.甲市: …), its number optional
# (a yearbook's or a digest's entry opens with its heading in lenticular brackets: 【甲市援疆】甲市…)
_HEAD_NUMBER = _compile(r"\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十\d]{1,3}[、.．]|[●◆■▲]|【(?=[^】\n]{2,16}】))?\s*")
# (its receivers may follow in brackets: (二)甲省(乙州丙县、丁县)。)
_HEAD_END = _compile(r"\s*(?:[（(]([^（）()。]{2,40})[)）]|[—–－\-]{1,2}([^。：:，,（）()]{2,20}))?\s*[。：:]")
_HEAD_BRACKET_GIVER = _compile(r"\s*[（(]([^（）()]{2,24}?)(?:结对帮扶|对口帮扶|对口支援|帮扶|支援|结对)[)）]\s*[。：:]?")


def _paragraph_head_giver(r: Reading, para: Span, topic: Topic) -> None:
    """A paragraph whose first words are a donor-side unit alone ((一)甲市。结对帮扶乙县。…) is
    that unit's: it gives the paragraph's figures that no clause credits elsewhere, to the
    receivers the next sentence pairs it with when that sentence states no figure. A receiver
    heading its paragraph with its giver in brackets ((二)乙县(甲市结对帮扶)。) is the same."""
    text = r.text
    at = _HEAD_NUMBER.match(text, para.start, para.end).end()
    hit = next((h for h in r.hits_in(at, min(para.end, at + 16)) if h.start == at), None)
    if hit is not None and r.frame.side.get(key(hit.unit)) == "recipient":
        # (一)乙县(甲市结对帮扶)。: a receiver heading its paragraph with its giver in brackets
        helper = _HEAD_BRACKET_GIVER.match(text, hit.end, para.end)
        givers = [h for h in r.hits_in(*helper.span(1)) if r.frame.side.get(key(h.giver_unit)) == "donor"] \
            if helper else []
        if len(givers) == 1:
            u = givers[0].giver_unit
            topic.giver, topic.giver_para = Giver(u, u.full_name, "paragraph_head"), para.start
        return
    if hit is None or r.frame.side.get(key(hit.giver_unit)) != "donor":
        return
    end = _HEAD_END.match(text, hit.end, para.end)
    if end is None:
        donor = r.frame.donor
        above_page = donor is not None and hit.giver_unit != donor and hit.giver_unit.contains(donor)
        if hit.role in ("mention", "giver", "head") and not hit.township and not above_page and \
                _rx.match(r"[\u4e00-\u9fff]", text, hit.end) and not _rx.match(r"[的之]|[\u4e00-\u9fff]{0,6}?(?:企业|公司)", text, hit.end):
            # a paragraph opening with a giver as its subject (甲市得分N分,…; 甲市立足…): the
            # giver of the paragraph's figures no clause credits (not a unit above the page's
            # donor: 甲市… opening a district's paragraph sets the scene)
            u = hit.giver_unit
            topic.giver, topic.giver_para = Giver(u, u.full_name, "paragraph_subject"), para.start
        return
    u = hit.giver_unit
    topic.giver, topic.giver_para = Giver(u, u.full_name, "paragraph_head"), para.start
    named = 1 if end.group(1) else 2 if end.group(2) else 0
    if named:
        # (一)甲省(乙州丙县、丁县)。 / (一)甲区—乙县。: the receivers in its brackets or after its
        # dash are the paragraph's topic
        paired = [h for h in r.receivers_in(end.start(named), end.end(named)) if r.frame.side.get(key(h.unit)) != "donor"]
        if paired:
            topic.para_topic = _expand(r, paired)
        return
    nxt = r.lay.sentence(end.end())
    if nxt.start >= end.end() - 1 and not r.figures_in(nxt.start, nxt.end):
        paired = [h for h in r.receivers_in(nxt.start, nxt.end) if r.frame.side.get(key(h.unit)) == "recipient"]
        if paired:
            topic.para_topic = _expand(r, paired)


# a time phrase opening a paragraph before its topic (今年以来,甲县…)
# what a sentence may open with before its subject: a time, or a connective (下一步, 同时)
_TIME_LEAD = _compile(r"\s*(?:今年以来|去年以来|近年来|多年来|(?:19|20)\d\d年(?:以来)?|截至目前|目前|今年|去年|明年|"
                      r"全年|下一步|同时|此外|另外|与此同时)[,，]\s*")


def _receivers_listed_before(r: Reading, lo: int, hi: int) -> list[Unit]:
    """The receivers named together as a list (甲省、乙市和丙市, at least two) in text[lo:hi], in a
    receiver's role (向/为 …), when no receiver is named after the list: the set the paragraph's
    later words for the receivers (协作地区, 受援地) stand for; else []."""
    hs = r.receivers_in(lo, hi, strict=True)
    if not hs:
        return []
    after = r.receivers_in(hs[-1].end, hi)
    if after:
        return []
    run = [hs[-1]]
    for h in reversed(r.receivers_in(lo, hs[-1].start)):
        if _rx.fullmatch(r"[、和及与]", r.text, h.end, run[0].start):
            run.insert(0, h)
        else:
            break
    return _expand(r, run) if len({h.unit for h in run}) >= 2 and any(h.role == "receiver" for h in run) else []


def _sentence_topic(r: Reading, fig: Figure) -> list[Unit]:
    """The receivers a sentence (to 。) opens with (其中甲县、乙县…, 在甲县…): its topic."""
    whole = scopes.full_sentence(r.lay, fig.start)
    hits = [h for h in r.receivers_in(whole.start, fig.start) if r.frame.side.get(key(h.unit)) == "recipient"]
    if not hits or not _rx.fullmatch(r"\s*(其中|在|对|另外|此外|同时)?[，,：:]?\s*", r.text, whole.start, hits[0].start):
        return []
    run = [hits[0]]
    for h in hits[1:]:
        if _rx.fullmatch(r"[、和与及]", r.text, run[-1].end, h.start):
            run.append(h)
        else:
            break
    return _expand(r, run)


# where the money and projects of a sentence went, said in a clause after them
_WENT_TO = _compile(r"(?:资金|项目)[^，,。；;]{0,8}?(?:投向|投放|用于|安排到|安排在|落实到|集中投向|集中用于|覆盖)")


def recipients_for(r: Reading, fig: Figure, sent: Span, topic: Topic) -> tuple[list[Unit], str]:
    text = r.text
    clause = r.lay.clause(fig.start)
    lo, hi = max(clause.start, sent.start), min(clause.end, sent.end)
    # a place list running on into the next clause (赴甲县,乙县、丙县)
    while hi < sent.end:
        nxt = r.lay.clause(hi)
        here = r.receivers_in(lo, hi)
        starts = [h.start for h in r.receivers_in(nxt.start, nxt.end)]
        if here and starts and min(starts) - nxt.start <= 2 and here[-1].end >= hi - 2 and \
                not r.figures_in(nxt.start, min(starts)):
            hi = min(nxt.end, sent.end)
        else:
            break
    figs_here = r.figures_in(lo, hi)
    if len(figs_here) > 1:
        # a list of figures each after its own place (甲县N万元、乙县M万元)
        pieces = r.lay.pieces(Span(lo, hi))
        placed = [p for p in pieces if r.receivers_in(p.start, p.end)]
        if placed and all(any(p.start <= f.start < p.end and r.receivers_in(p.start, f.start) for f in figs_here)
                          for p in placed):
            piece = next(p for p in pieces if p.start <= fig.start < p.end)
            own = r.receivers_in(piece.start, fig.start)
            if own:
                return _expand(r, own), "clause_piece"
            if _rx.match(r"\s*其中", text, piece.start, fig.start) is None and placed and piece.start < placed[0].start:
                pass
    local = [h for h in r.receivers_in(lo, hi)]
    if local:
        party = [h for h in local if text[h.start - 1:h.start] == "与" and _CONTRACT.match(text, h.end)]
        if party:
            return dedupe_units([h.unit for h in party]), "clause_contract_party"
        return _expand(r, local), "clause"
    pair_word = _rx.search(r"[\u4e00-\u9fff]{2}两地", text, lo, fig.start)
    if pair_word:
        # 甲乙两地 in the figure's clause: the pair's receiving side
        pair = fr.short_pair(pair_word.group(0), r.frame.short_names, r.frame.side, r.gz)
        if pair is not None:
            return [pair[1]], "clause_short_pair"
    back = _BACK.search(text, lo, hi)
    if back:
        units = _back_reference(r, back.start(), _CN_COUNT.get(back.group(1), 0), back.group(2))
        if units:
            return units, f"back_reference:{back.group(0)}"
    if _rx.search(r"(其余|其他|剩余)" + g.GENERIC_RECIPIENT, text[lo:fig.start]):
        return [], "generic_word:the_rest"
    if _GENERIC.search(text, lo, fig.start):
        opening = _sentence_topic(r, fig)
        if opening:
            # 其中甲县、乙县…；…帮扶地区…: the receiving area of a sentence about named places
            return opening, "generic_word+sentence_topic"
        if topic.para_topic and topic.para_topic_at == r.lay.line(fig.start).start:
            # 为受援地培训… in a paragraph about named receivers (its head's brackets): those
            return list(topic.para_topic), "generic_word+paragraph_topic"
        named = _receivers_listed_before(r, r.lay.line(fig.start).start, r.lay.clause_start(fig.start))
        if named:
            # 向甲省、乙市和丙市投入…。…在协作地区…: the receivers the paragraph listed last
            return named, "generic_word+paragraph_list"
        if r.frame.recipients and (r.frame.recipients_from in ("frame_named_set", "frame_headline", "frame_self",
                                                               "frame_short_pair", "frame_lead",
                                                               "frame_headline+named_set") or
                                   r.frame.recipients_from.endswith("+every_county_named")):
            # (the page's lead names every county the giver helps: 受援县 are those)
            return list(r.frame.recipients), "generic_word+" + r.frame.recipients_from
        return [], "generic_word"
    parts = _parts_after(r, fig, sent)
    if parts:
        return _expand(r, parts), "parts_after"
    party = [h for h in r.receivers_in(sent.start, sent.end)
             if text[h.start - 1:h.start] == "与" and _CONTRACT.match(text, h.end)]
    if party and _rx.search(r"(协议|合同|订单|签约|约定)", text, sent.start, fig.end):
        return dedupe_units([h.unit for h in party]), "sentence_contract_party"
    part = _rx.search(r"其中", text, fig.end, sent.end)
    sent_places = [h for h in r.receivers_in(sent.start, part.start() if part else sent.end)
                   if (h.role in ("receiver", "giver") and h.marker != "from" or _refines(r, h.unit))
                   and not _quoted(text, h, sent)]
    if sent_places:
        holders = sorted({r.lay.clauses.index(h.start) for h in sent_places})
        if len(holders) == 1:
            c = r.lay.clauses[holders[0]]
            # places named after the figure in a clause giving amounts of their own are not its
            # own, unless those amounts add up to it (投入1亿元,向甲县、乙县各拨付五千万元)
            if c.start >= hi and r.figures_in(c.start, c.end):
                if _adds_up(r, fig, c, sent_places):
                    return _expand(r, sent_places), "sentence_parts_add_up"
            elif c.start >= hi and _rx.search(r"其中", text, fig.end, c.start):
                pass
            else:
                return _expand(r, sent_places), "sentence"
        elif any(h.role == "receiver" for h in sent_places):
            # places merely mentioned in several clauses (甲县实现摘帽, 甲城创建景区) say nothing of
            # this figure: only receivers choose among the clauses
            def of(c):
                return _expand(r, [h for h in sent_places if c.start <= h.start < c.end])
            sets = {frozenset(u.adcode for u in of(r.lay.clauses[i])) for i in holders}
            if len(sets) == 1:
                return of(r.lay.clauses[holders[0]]), "sentence_same_set"
            # a later clause saying where the money and projects went (资金和项目全部投向甲县和乙县)
            # names the receivers of the figures before it
            later = [r.lay.clauses[i] for i in holders if r.lay.clauses[i].start >= hi
                     and not r.figures_in(r.lay.clauses[i].start, r.lay.clauses[i].end)
                     and _WENT_TO.search(text, r.lay.clauses[i].start,
                                         min(h.start for h in sent_places if h.start >= r.lay.clauses[i].start))]
            if later:
                return of(later[0]), "sentence_later_destination"
            before = [r.lay.clauses[i] for i in holders if r.lay.clauses[i].end <= lo]
            if before and not r.figures_in(before[-1].start, before[-1].end):
                return of(before[-1]), "sentence_earlier_clause"
    earlier = list(_BACK.finditer(text, sent.start, lo))
    if earlier:
        b = earlier[-1]
        units = _back_reference(r, b.start(), _CN_COUNT.get(b.group(1), 0), b.group(2))
        if units:
            return units, f"back_reference:{b.group(0)}"
    # the discourse: the sentence before in the same paragraph, when this one points back or
    # continues it (其中, 其, 该县, 当地), or the paragraph's topic
    para = r.lay.line(fig.start)
    if _SINGLED_OUT.match(text, sent.start, sent.end):
        prev = r.lay.previous_sentence(sent)
        head = topic.heads.get(prev.start, {}).get(group_of(fig.unit)) if prev is not None else None
        if head is not None and r.lay.line(prev.start) == para:
            return list(head), "discourse_singled_out_year"
    prev = r.lay.previous_sentence(sent)
    if prev is not None and r.lay.line(prev.start) == para and _ANAPHORA.match(text, sent.start, sent.end) \
            and not r.figures_in(prev.start, prev.end):
        # 甲县的某某推进…。在其协调下,…N人: it points back to the sentence before, which names
        # the place but states no figure of its own
        named = [h for h in r.receivers_in(prev.start, prev.end) if r.frame.side.get(key(h.unit)) == "recipient"]
        if named:
            return _expand(r, named), "discourse_previous_sentence_places"
    if topic.recips and topic.recips_para == para.start and (
            _ANAPHORA.match(text, sent.start, sent.end) or _rx.match(r"\s*其中", text, sent.start, sent.end)):
        return list(topic.recips), "discourse_previous_sentence"
    if topic.para_topic and topic.para_topic_at == para.start:
        return list(topic.para_topic), "discourse_paragraph_topic"
    sec_start, heading = r.section_of(fig.start)
    if heading:
        head_places = [h for h in r.receivers_in(sec_start, sec_start + len(heading) + 2)]
        if head_places:
            # the section is about the heading's place; a single unit inside it that the section
            # names is the one meant (甲市 in the heading, its 乙县 in the text)
            sec_end = next((s0 for s0, _ in r.sections if s0 > sec_start), len(text))
            inside = dedupe_units([h.unit for h in r.receivers_in(sec_start, sec_end)
                                   if any(p.unit.contains(h.unit) and p.unit != h.unit for p in head_places)])
            if len(inside) == 1:
                return inside, "section_heading_inner"
            return _expand(r, head_places), "section_heading"
    if r.frame.recipients:
        return list(r.frame.recipients), r.frame.recipients_from
    return [], "none"


# ------------------------------------------------------------------ givers of one figure

def _side_firms(r: Reading, fig: Figure, clause_lo: int) -> Giver | None:
    """The enterprises of one side named by its one-character name (N家粤企, 沪企…投资): that
    province or city, when it is on the donor side of the page."""
    m = _rx.match(r"[\u4e00-\u9fff]{0,2}?([\u4e00-\u9fff])企(?!业)", r.text, fig.end, fig.end + 4) or \
        _rx.search(r"([\u4e00-\u9fff])企(?!业)[^，,。；;\d]{0,12}$", r.text, clause_lo, fig.start)
    if m is None:
        return None
    if _names_a_giver(r, clause_lo, fig.start):
        return None       # a giver named in the clause (甲市引导N家粤企…) is the subject
    code = fr.PROVINCE_ABBREVIATIONS.get(m.group(1)) or fr.CITY_ABBREVIATIONS.get(m.group(1))
    if code is None:
        return None
    try:
        place = r.gz.by_adcode(code)
    except (KeyError, ValueError):
        return None
    if place is None:
        return None
    u = unit_of(place, as_giver=True)
    if r.frame.side.get(key(u)) == "recipient":
        return None
    if r.frame.donor is not None and not u.nests(r.frame.donor):
        return None
    return Giver(u, u.full_name, "clause_named")



def _names_a_giver(r: Reading, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] names a donor-side unit or a giver by its role (帮扶方引导…)."""
    return any(r.frame.side.get(key(h.giver_unit)) == "donor" for h in r.hits_in(lo, hi)) or \
        _rx.search(lx.GIVER_ROLE, r.text, lo, hi) is not None


_FROM_ORIGIN = _compile(r"来自([^，,。；;、\d]{1,12}?)的")


def _staff_origin(r: Reading, fig: Figure, lo: int) -> Giver | None:
    """来自甲省的专家N名: people counted with the place they come from; the giver side's unit
    there sent them (its own piece of the clause: 来自甲市的N名、来自乙省的M名)."""
    if fig.unit not in ("person", "person_time"):
        return None
    piece = max(lo, r.text.rfind("、", lo, fig.start) + 1)
    m = None
    for m in _FROM_ORIGIN.finditer(r.text, piece, fig.start):
        pass
    if m is None:
        return None
    hits = [h for h in r.hits_in(m.start(1), m.end(1)) if r.frame.side.get(key(h.giver_unit)) == "donor"]
    return Giver(hits[-1].giver_unit, hits[-1].giver_unit.full_name, "origin_named") if len(hits) == 1 else None


def giver_for(r: Reading, fig: Figure, sent: Span, topic: Topic) -> Giver:
    text, frame = r.text, r.frame
    clause_lo = r.lay.clause_start(fig.start)
    whole = scopes.full_sentence(r.lay, fig.start)
    central = central_giver(text, clause_lo, fig.start) or (
        central_giver(text, sent.start, fig.start) if sent.start != clause_lo else None)
    if central is not None:
        return central
    para = r.lay.line(fig.start)
    joint = _joint_back_reference(r, clause_lo, fig.start)
    if joint is not None:
        return joint
    owner = _part_owner(r, clause_lo, fig.start)
    if owner is not None:
        # the sentence's parts that follow are its own; the sentences after go on with the whole's
        # giver (a part singles one giver out for itself), unless the part is the page's own
        # unit (其中我区…: the page speaking of itself, the subject from here)
        if owner.how == "part_owner":     # (an item of a list of parts speaks for itself only)
            topic.named, topic.named_at = owner.unit, sent.start
        if owner.unit is not None and owner.unit == r.frame.self_unit:
            topic.giver, topic.giver_para = owner, para.start
        return owner
    origin = _staff_origin(r, fig, clause_lo)
    if origin is not None:
        return origin
    firms = _side_firms(r, fig, clause_lo)
    if firms is not None:
        topic.giver, topic.giver_para = firms, para.start     # the subject of the clauses that follow
        return firms
    # the subject of the figure's clause, a unit credited with a helping verb in it (通过甲省帮扶
    # 销售…), else the subject of its sentence (the sentence's first clause)
    named_here = _credited_units(r, clause_lo, fig.start)
    tried = set()
    # a clause with a verb of its own after a list of parts (…共投入N,其中甲区x、乙区y,实施项目M个)
    # goes back to the whole's subject: the parts' owners stop at the parts
    parts = _parts_before(r, whole.start, clause_lo, fig.start)
    for lo, how in ((clause_lo, "clause_subject"), (sent.start, "sentence_subject"),
                    (whole.start, "sentence_subject")):
        if how == "sentence_subject" and len(named_here) == 1:
            u = next(iter(named_here))
            if frame.donor is None or u.nests(frame.donor):
                topic.named, topic.named_at = u, sent.start
                return Giver(u, u.full_name, "clause_named")
        if how == "sentence_subject" and topic.named is not None and topic.named_at == sent.start and parts is None \
                and _last_donor_side(r, sent.start, fig.start) in (None, topic.named):
            # 通过甲省帮扶销售…,带动…: a clause with no subject of its own goes on with the giver
            # the clause before it credited
            return Giver(topic.named, topic.named.full_name, "previous_clause_named")
        if lo in tried:
            continue        # a start tried already gives the same answer again
        tried.add(lo)
        if lo == whole.start and lo < sent.start:
            # a ；-piece opened by a peer giver is that giver's (甲区…；乙区在丙县落地企业N家), not
            # the subject of the sentence's first piece
            piece = _sentence_opener(r, sent, fig.start)
            if piece is not None:
                return piece
        hi = parts if parts is not None and lo < parts else fig.start
        gs = clause_givers(r.hits_in(lo, hi), frame, lo, hi)
        role = role_giver(text, lo, hi, frame, r.gz)
        if role is not None and (not gs or role[0] > gs[-1].end):
            # a giver named by its role (对口帮扶城市另安排…) nearer the figure than any named place
            topic.giver, topic.giver_para = role[1], para.start
            return role[1]
        caused = _caused_giver(r, gs[-1], fig.start) if gs else None
        if caused is not None:
            topic.giver, topic.giver_para = caused, para.start     # the subject of the clauses that follow
            return caused
        if gs:
            g0 = _joint_or_single(r, gs, fig, sent)
            if g0 is not None:
                kind = "association" if _NON_GOV.match(text, gs[-1].end) else "place"
                g0 = Giver(g0.unit, g0.name, g0.how, kind)
                topic.giver, topic.giver_para = g0, para.start
                lifted = level_lift(text, clause_lo, fig.start, g0.unit, r.gz, frame.donor, r.hits_in(clause_lo, fig.start),
                                    _receiving_writer(frame))
                return lifted or Giver(g0.unit, g0.name, how, kind)
    pc = parent_credit(text, r.hits_in(sent.start, fig.start), frame, sent.start, fig.start)
    if pc is not None:
        return pc
    body = _NON_GOV_SUBJECT.match(text, clause_lo, fig.start) or _NON_GOV_SUBJECT.match(text, sent.start, fig.start) \
        or fig.unit == "yuan" and _charity_subject(r, para, fig.start)     # (its money is social aid)
    if body:
        # 区慈善协会向…捐赠, 某公司为…捐资: a body of the donor's area gives (credited to the area)
        base = topic.giver if topic.giver is not None and topic.giver_para == para.start else None
        unit = base.unit if base is not None else frame.donor
        if unit is not None:
            return Giver(unit, unit.full_name, "body_subject", "association")
    # a donor-side unit followed by a verb of helping inside the sentence (通过甲省帮扶销售…,
    # 《…甲市对口帮扶…项目》…共计N个项目): the sentence credits it
    named = _credited_units(r, sent.start, fig.start)
    if len(named) == 1:
        u = next(iter(named))
        if frame.donor is None or u.nests(frame.donor):
            return Giver(u, u.full_name, "sentence_named")
    opener = _sentence_opener(r, whole, fig.start)
    if opener is not None:
        return opener
    base = topic.giver if topic.giver is not None and topic.giver_para == para.start else None
    under = base.unit if base else frame.donor
    lifted = level_lift(text, clause_lo, fig.start, under, r.gz, frame.donor, r.hits_in(clause_lo, fig.start),
                        _receiving_writer(frame)) or (
        level_lift(text, sent.start, fig.start, under, r.gz, frame.donor, r.hits_in(sent.start, fig.start),
                   _receiving_writer(frame))
        if sent.start != clause_lo else None)
    if lifted is not None:
        return lifted
    if base is not None:
        return Giver(base.unit, base.name, "discourse", base.kind)
    heading = r.section_of(fig.start)[1]
    head = section_central(heading[_HEAD_NUMBER.match(heading).end():])
    if head is not None and (frame.donor is None or frame.donor.level != "central"):
        return head       # 一、某集团定点帮扶 on a page whose giver is a place: the section is the unit's
    if frame.donor is not None:
        return Giver(frame.donor, frame.donor.full_name, frame.donor_from or "frame", frame.donor_kind)
    return Giver(None, "", "none")


def _receiving_writer(frame: Frame) -> Unit | None:
    """The page's writer (我县, 我市) when it is on the receiving side."""
    u = frame.self_unit
    return u if u is not None and frame.side.get(key(u)) == "recipient" else None


# 甲省安排乙市结对帮扶…, 甲市组织乙区对口支援…: the unit set to the work does it
_CAUSING = _compile(r"[^，,。；;\d]{0,4}?(?:安排|组织|动员|部署|确定|明确|指定)(?:由)?")
_SET_TO_HELP = _compile(r"(?:对口帮扶|结对帮扶|对口支援|对口协作|扶贫协作|东西部扶贫协作|帮扶|支援)")


def _caused_giver(r: Reading, subject: PlaceHit, hi: int) -> Giver | None:
    """The donor-side unit inside ``subject`` that the subject sets to help (甲省安排乙市结对帮扶丙州):
    the figures after it are that unit's."""
    m = _CAUSING.match(r.text, subject.end, hi)
    if m is None:
        return None
    h = next(iter(r.hits_in(m.end(), hi)), None)      # the unit named right after the verb
    if h is None or h.start != m.end():
        return None
    u = h.giver_unit
    if u != subject.giver_unit and subject.giver_unit.contains(u) and r.frame.side.get(key(u)) == "donor" and \
            _SET_TO_HELP.match(r.text, h.end):
        return Giver(u, u.full_name, "caused_giver")
    return None


def _charity_subject(r: Reading, para: Span, pos: int) -> bool:
    """A charity heading a sentence of the paragraph before ``pos`` (甲市慈协把…作为重点。在乙省开展…,援助资金N万元)
    is the subject of the sentences after it, until a sentence opens with a donor-side giver."""
    if not r.has_charity:
        return False
    if r._sentence_heads is None:
        r._sentence_heads = _sentence_heads(r)
    subject, sentences = False, r.lay.full_sentences
    for i in range(sentences.index(para.start), sentences.index(pos) + 1):
        head = r._sentence_heads.get(sentences[i].start)
        if head is not None and head[1] <= pos:     # (in the figure's own sentence, before it)
            subject = head[0]
    return subject


def _sentence_heads(r: Reading) -> dict[int, tuple[bool, int]]:
    """Sentence start → (True: a charity heads it, False: a donor-side giver does; where the head
    ends), for the sentences that have either: read once per page."""
    heads = {}
    for s in r.lay.full_sentences.spans:
        m = _CHARITY_HEAD.match(r.text, s.start, s.end)
        if m is not None:
            heads[s.start] = (True, m.end())
            continue
        first = r.lay.clause(s.start)
        givers = clause_givers(r.hits_in(s.start, first.end), r.frame, s.start, first.end)
        if givers:
            heads[s.start] = (False, givers[0].end)
    return heads


def _own_money_subject(r: Reading, fig: Figure, topic: Topic) -> None:
    """A sentence opening with the receiving area's own money (全年统筹整合涉农资金N亿元,实施项目M个…)
    is about the area's own work: its clauses with no giver of their own are not aid."""
    whole = scopes.full_sentence(r.lay, fig.start)
    if r.figures_in(whole.start, fig.start) or any(
            r.frame.side.get(key(h.giver_unit)) == "donor" for h in r.hits_in(whole.start, fig.start)):
        return
    topic.foreign, topic.foreign_at = "the receiving side's own money", whole.start


# a count of givers of mixed kinds (甲市农业局和乙区、丙县三家帮扶单位): any donor-side unit
_UNITS_WORD = r"[家个](?:帮扶|结对|对口)?单位"
_JOINT_BACK = _compile(r"(?:^|(?<=[^\u4e00-\u9fff])|(?<=[\u4e00-\u9fff]{2}))(?:今年|去年|全年|当年|年内)?"
                       r"(两|三|四)(区|市|县|" + _UNITS_WORD + r")(?:今年|去年|全年|当年)?(?:共同|合计|累计|联合|共)")
# 两区帮助…, 两市引导…: the count word opening its clause as the subject of a giving verb
_JOINT_SUBJECT = _compile(r"\s*(?:今年|去年|全年|当年|年内)?[,，]?\s*(两|三|四)(区|市|县|" + _UNITS_WORD + r")(?:今年|去年|全年|当年)?(?:共同|合计|累计|联合|共)?"
                          r"(?=[^，,。；;\d]{0,2}(?:" + g.GIVING_VERB + r"|向|为|对|采购|购买))")


def _joint_back_reference(r: Reading, clause_lo: int, fig_start: int) -> Giver | None:
    """(甲、乙)两区共…, 两市共向…: the donor-side units of that kind the clause lists, or named last
    before it, as one giver (their common parent)."""
    m = _JOINT_BACK.search(r.text, clause_lo, fig_start)
    if m is None or not _rx.fullmatch(r"[\u4e00-\u9fff、和与及\s]*", r.text, clause_lo, m.start()):
        m = _JOINT_SUBJECT.match(r.text, clause_lo, fig_start)
        if m is None:
            return None
    # (the subject of a giving verb may point back past its paragraph; 两市共接收… does not give)
    page_wide = _JOINT_SUBJECT.match(r.text, m.start(), fig_start) is not None
    n, word = _count(m.group(1)), m.group(2)
    para = r.lay.line(clause_lo)
    named = _donor_units_before(r, para.start, m.start(), word)
    if len(named) != n and page_wide:
        # the subject of a giving verb, with none in the paragraph: the page's own (甲、乙两区携手…
        # in the headline or lead)
        named = _donor_units_before(r, 0, m.start(), word)
    return _joint_giver(r, named) if len(named) == n else None


def _donor_units_before(r: Reading, lo: int, hi: int, word: str) -> list[Unit]:
    named: list[Unit] = []
    for h in reversed(r.hits_in(lo, hi)):
        u = h.giver_unit
        if r.frame.side.get(key(u)) == "donor" and not h.township and u not in named and \
                (u.name.endswith(word) or word.endswith("单位")):
            named.append(u)
    return named


def _joint_giver(r: Reading, units: list[Unit]) -> Giver | None:
    """Several givers of one figure as one: the unit holding the others (甲市、甲市乙区共…), else
    their common parent (甲区、乙区 → 甲市; cities of one province → the province); none across
    provinces."""
    outer = [a for a in units if all(a == b or a.contains(b) for b in units)]
    parent = outer[0] if outer else common_parent(units, r.gz)
    return Giver(parent, parent.full_name, "joint_givers_parent") if parent is not None else None


_PART_OPEN = _compile(r"\s*其中\s*[,，:：]?\s*")
_ITEM_OPEN = _compile(r"[、，,；;]\s*$")
_PARTS_WORD = _compile(r"其中")
_GIVING = _compile(g.GIVING_VERB)
_DEPARTMENT_ITEM = _compile(r"[、，,；;]\s*(市|省)(?!场|内|外|直属)(?:[\u4e00-\u9fff]{1,8}?(?:局|委|办|厅|委员会))\s*$")
_LEVEL_OF_WORD = {"市": "prefecture", "省": "province"}


_NEW_PREDICATE = _compile(r"\s*(?:" + g.GIVER_TAIL_RE + r")(?:" + g.GIVING_VERB + r")")


def _parts_before(r: Reading, lo: int, clause_lo: int, fig_start: int) -> int | None:
    """Where a list of parts (其中甲区x、乙区y) opens earlier in the sentence, when the figure's clause
    after it is no part but a predicate of its own (实施项目M个): the start of 其中, else None."""
    if clause_lo <= lo or _PART_OPEN.match(r.text, clause_lo, fig_start) or \
            not _NEW_PREDICATE.match(r.text, clause_lo, fig_start):
        return None
    m = None
    for m in _PARTS_WORD.finditer(r.text, lo, clause_lo):
        pass
    # (only a list of verbless items, 其中甲区x、乙区y: a part with a verb of its own, 其中甲区投入x,
    # is a clause whose subject goes on)
    if m is None or "、" not in r.text[m.end():clause_lo] or _GIVING.search(r.text, m.end(), clause_lo):
        return None
    return m.start()


def _part_owner(r: Reading, clause_lo: int, fig_start: int) -> Giver | None:
    """A part that names its donor-side owner first (…共投入N万元,其中甲区区级资金M万元, 其中甲区
    企业3家): that unit's, whoever gave the whole."""
    m = _PART_OPEN.match(r.text, clause_lo, fig_start)
    first = _donor_place_at(r, m.end(), fig_start) if m else None
    if m is not None and first is None and _LEVEL_PART.match(r.text, m.end(), fig_start):
        # 其中省级x、甲市y: a list opened by the giver's own level; a later item opened by a
        # donor-side place is that place's
        item = _item_owner(r, m.end(), fig_start)
        if item is None:
            return None
        before = r.hits_in(m.end(), item.start)
        if before and item.giver_unit in _listed_donors(r, before[-1], fig_start)[1:]:
            return None     # (…、甲区、乙区两区N: the last of givers listed together, no owner alone)
        return Giver(item.giver_unit, item.giver_unit.full_name, "part_owner:item")
    if first is None or first.role == "venue":
        return None
    listed = _listed_donors(r, first, fig_start)
    if len(listed) > 1:
        # 其中甲区、乙区分别向…N名、M名 (each its own), 其中甲区、乙区共N万元 (together)
        several = _several_givers(r, listed, first.end, fig_start, "part_owner")
        if several is not None:
            return several
    # a list of parts (其中甲区N名、乙区M名): each item's owner is the place that opens it
    item = _item_owner(r, first.end, fig_start, m.end())
    if item is not None:
        return Giver(item.giver_unit, item.giver_unit.full_name, "part_owner:item")
    dept = _DEPARTMENT_ITEM.search(r.text, m.end(), fig_start)
    if dept is not None and first.start < dept.start():
        # 其中甲区N万元、市农业局M万元: a department of the bare level above the listed units
        # (市, 省) is that level's, the unit holding them
        up = ancestor(first.giver_unit, _LEVEL_OF_WORD[dept.group(1)], r.gz)
        if up is not None and up != first.giver_unit:
            return Giver(up, up.full_name, "part_owner:department")
    u = first.giver_unit
    return Giver(u, u.full_name, "part_owner")


def _item_owner(r: Reading, lo: int, fig_start: int, list_start: int | None = None) -> PlaceHit | None:
    """The donor-side place (not a township) opening the item of a list of parts the figure ends
    (…、甲区N名): the nearest place in text[lo:fig_start] after an item separator, with no number
    between it and the figure. ``list_start``: where the list opens (after 其中)."""
    start = lo if list_start is None else list_start
    item = next((h for h in reversed(r.hits_in(lo, fig_start))
                 if _ITEM_OPEN.search(r.text, max(start, h.start - 2), h.start)
                 and not _rx.search(r"\d", r.text, h.end, fig_start) and h.start >= fig_start - 14), None)
    if item is None or item.township or r.frame.side.get(key(item.giver_unit)) != "donor":
        return None
    return item


# a list of parts opened by the giver's own level (其中省级…, 其中市本级…)
_LEVEL_PART = _compile(r"\s*(?:省|市|区|县|州)(?:级|本级)")


def _donor_place_at(r: Reading, pos: int, hi: int) -> PlaceHit | None:
    """The donor-side place (not a township) that text[pos:hi] opens with."""
    first = next(iter(r.hits_in(pos, hi)), None)
    if first is None or first.start != pos or first.township or r.frame.side.get(key(first.giver_unit)) != "donor":
        return None
    return first


def _sentence_opener(r: Reading, whole: Span, fig_start: int) -> Giver | None:
    """A donor-side unit the sentence (to 。) opens with, whatever verb follows (甲县立足…,
    向乙县拨付…): the sentence's subject, when no clause names a giver."""
    at = _TIME_LEAD.match(r.text, whole.start, fig_start)
    lo = at.end() if at else whole.start
    lo += len(r.text[lo:fig_start]) - len(r.text[lo:fig_start].lstrip())
    first = _donor_place_at(r, lo, fig_start)
    if first is None or first.role not in ("mention", "giver", "head"):
        return None
    if _rx.match(r"[的之（(]|驻|[\u4e00-\u9fff]{0,4}?(?:籍|公司)|[\u4e00-\u9fff]{0,6}?(?:网|报|台)(?:讯|电)", r.text, first.end):
        return None       # 甲县的…, 甲县籍…, 甲市(乙区)驻…队长, 甲北方网讯: not the unit itself
                          # (甲区爱心企业…捐赠 is: an area's firms are credited to the area)
    u = first.giver_unit
    listed = _listed_donors(r, first, fig_start)
    if len(listed) > 1:
        # 甲区、乙区两区共同结对丙县，投入…: the listed givers together
        return _several_givers(r, listed, first.end, fig_start, "sentence_opener")
    d = r.frame.donor
    if d is not None and d != u and d.adcode == u.adcode:
        u = d             # 我区 on a zone's page: the zone, which bears its district's code
    return Giver(u, u.full_name, "sentence_opener")


_AND_NEXT = _compile(r"\s*(?:、|和|与|及|同)\s*")


def _several_givers(r: Reading, listed: list[Unit], lo: int, fig_start: int, how: str) -> Giver | None:
    """The giver of a figure after a list of givers: each its own in order when the sentence
    says so (甲区、乙区分别向…选派N名、M名), else all of them together (their common parent).
    Each its own with figures that do not line up with the names (甲、乙两市各选派N名): the
    first named, as a single subject."""
    if _EACH.search(r.text, lo, fig_start):
        fig = next((f for f in r.figures_in(fig_start, fig_start + 1) if f.start == fig_start), None)
        _, figs = _respective_list(r, fig, r.lay.sentence(fig_start)) if fig is not None else (-1, [])
        respective = len(figs) == len(listed) and fig in figs
        u = listed[figs.index(fig)] if respective else listed[0]
        return Giver(u, u.full_name, how + ":respective" if respective else how)
    joint = _joint_giver(r, listed)
    return replace(joint, how=how + ":joint") if joint is not None else None


def _listed_donors(r: Reading, first: PlaceHit, hi: int) -> list[Unit]:
    """The donor-side units listed from ``first`` on (甲区、乙区和丙区), in order."""
    units, h = [first.giver_unit], first
    while True:
        joined = _AND_NEXT.match(r.text, h.end, hi)
        nxt = _donor_place_at(r, joined.end(), hi) if joined else None
        if nxt is None:
            return dedupe_units(units)
        units.append(nxt.giver_unit)
        h = nxt


# a level word heading a clause (全县, 县本级, 县财政 …) and what the level gets rather than gives
_LEVEL_SUBJECT = _compile(r"(?:^|(?<=[，,。；;：:\n]))\s*(?:[\d年月底以来今去当上半]{0,8}[，,]?)?"
                          r"(全(县|州|旗|区)(?:上下)?|(县|州|旗)本级|(县|州|旗)级?财政)")
_RECEIVING = _compile(r"获得|争取|接受|接收|收到|受益|落实[^，,。；;]{0,6}(?:帮扶|协作|援助)|(?:帮扶|协作|援助)[^，,。；;]{0,4}到位")


def _own_level_subject(r: Reading, fig: Figure, whole: Span) -> str:
    """On a receiver's page (我县 is the receiver), a clause headed by the receiver's own level
    (全县…, 县本级投入…, 县财政安排…配套资金) states the receiver's own work, not aid, unless a
    giver is named in it or it says the level received (获得, 争取, 到位)."""
    u = r.frame.self_unit
    if u is None or r.frame.side.get(key(u)) != "recipient":
        return ""
    lo = r.lay.clause_start(fig.start)
    m = _LEVEL_SUBJECT.search(r.text, whole.start, fig.start)
    if m is None or not u.full_name.endswith((m.group(2) or m.group(3) or m.group(4) or "")):
        return ""
    if m.start() < lo and _rx.search(r"[，,；;]", r.text, m.end(), lo) and \
            r.hits_in(m.end(), fig.start):
        return ""        # the level heads an earlier clause; this one names places of its own
    span = (whole.start, fig.end)
    if any(r.frame.side.get(key(h.giver_unit)) == "donor" for h in r.hits_in(*span)) or \
            _RECEIVING.search(r.text, *span) or (r.donor_short and _rx.search(r.donor_short, r.text[span[0]:span[1]])):
        return ""
    if _rx.search(r"东西部|协作|帮扶|援助|援建|对口", r.text, m.end(), fig.end) and \
            not _rx.search(r"配套|本级|自筹|整合", r.text, m.start(), fig.end):
        return ""        # the level using or carrying out the aid it got (全县实施协作项目N个)
    return m.group(1)


# the whole eastern side as the subject of a sentence (东部地区今年共引导…): a total over all donors
_ALL_EAST_SUBJECT = _compile(r"\s*(?:[\d年月底以来今去当全]{0,8}[，,]?)?"
                             r"(东部地区|东部省市|东部各省市|东部各省|东部协作省市)(?![\u4e00-\u9fff]{0,4}(?:资金|帮扶资金|协作资金))")
_TO_SERVE = _compile(g.GOING_TO)


def _host(r: Reading, fig: Figure, clause: Span) -> Giver | None:
    """The donor-side unit staff go to (乙县选派N名干部到甲市挂职): for staff the giver
    receives, the host is the giver."""
    hosts = [h for h in r.hits_in(fig.end, clause.end) if r.frame.side.get(key(h.giver_unit)) == "donor"
             and _TO_SERVE.search(r.text, max(fig.end, h.start - 3), h.start)]
    if len({h.giver_unit for h in hosts}) != 1:
        return None
    u = hosts[0].giver_unit
    return Giver(u, u.full_name, "host_of_staff")


def _joint_or_single(r: Reading, gs: list[PlaceHit], fig: Figure, sent: Span) -> Giver | None:
    text = r.text
    last = gs[-1]
    # 甲区、乙区分别向…投入N万元、M万元: as many givers as figures, in order
    cue = text.rfind("分别", last.end, fig.start)
    if cue >= 0 and len(gs) > 1:
        listed = [f for f in r.figures_in(cue, sent.end)]
        run = [f for f in listed if f.unit == fig.unit][:len(gs)]
        if fig in run and len(run) == len(gs):
            u = gs[run.index(fig)].giver_unit
            return Giver(u, u.full_name, "respective_givers")
    # a list of givers joined by 、/和 right before the verb: their common parent
    group = [last]
    for h in reversed(gs[:-1]):
        if _rx.fullmatch(r"[、和与及\s]{1,3}", text[h.end:group[0].start]):
            group.insert(0, h)
        else:
            break
    units = []
    for h in group:
        if h.giver_unit not in units:
            units.append(h.giver_unit)
    if len(units) > 1:
        return _joint_giver(r, units)
    u = units[0]
    return Giver(u, u.full_name, "clause_subject")


# ------------------------------------------------------------------ the aid test

# a sentence stating what an area has (年末全县共有…), and the words that make staff sent or trained
_STOCK = _compile(r"(?:共有|现有|拥有)")
_SENT_WORD = _compile(r"援|帮扶|挂职|选派|派出|派驻|选调|支教|支医|交流|培训|协作|对口|结对|柔性|引进")
_PEOPLE_SENT = ("cadres_sent", "professionals_sent", "cadres_received", "professionals_received", "trained")


def _owned(r: Reading, pos: int) -> bool:
    """A donor-side place before a collective word in its clause (甲市各级财政, 甲市向乙州投入
    各级财政资金) owns it: the donor's own levels, not everybody's."""
    return any(r.frame.side.get(key(h.giver_unit)) == "donor" for h in r.hits_in(r.lay.clause_start(pos), pos))


_JOINT_PAIR = _compile(g.JOINT_PAIR_SUBJECT.format(
    short="".join(sorted(set(fr.PROVINCE_ABBREVIATIONS) | set(fr.CITY_ABBREVIATIONS)))))


def _joint_pair_subject(r: Reading, fig: Figure, sent: Span) -> str:
    """The pair as the subject of the figure's sentence (两地共…), with no giver of the page
    taking the subject back before the figure and no later clause giving to a named receiver. On a page with several recipients 两地 are
    those recipients, not the pair."""
    clause_lo = max(sent.start, r.lay.clause_start(fig.start))
    for m in _JOINT_PAIR.finditer(r.text, sent.start, fig.start):
        if m.start() < clause_lo and (r.receivers_in(clause_lo, fig.start) or
                                      _rx.search(g.DIRECTED_TRANSFER, r.text, clause_lo, fig.start)):
            continue          # a later clause giving to a named receiver, or one side getting, is one side's help
        if m.group(0).endswith("两地") and len(r.frame.recipients) > 1:
            continue
        if _rx.search(r"约定|" + g.AGREEMENT_CONTENT, r.text, m.end(), fig.start):
            continue          # what their agreement commits one side to is that side's (a target)
        if not any(r.frame.side.get(key(h.giver_unit)) == "donor" and h.start >= m.end()
                   for h in r.hits_in(m.end(), fig.start)):
            return m.group(0)
    return ""


def aid_test(r: Reading, fig: Figure, sent: Span, choice: Choice, giver: Giver, inherited: bool = False) -> str:
    """'' when the figure is aid, else the reason it is not. Staff and trainees are aid by what
    they are; money, counts and outcomes need a giving verb or an aid word in their sentence."""
    text = r.text
    if fig.unit != "yuan" and fig.value != int(fig.value):
        return "a fractional count (an average or a ratio, not a number given)"
    clause = r.lay.clause(fig.start)
    lo, hi = max(clause.start, sent.start), min(clause.end, sent.end)
    mean = _AVERAGE_BEFORE.search(text, lo, fig.start) if fig.unit != "yuan" else None
    if mean:
        return f"an average ({mean.group(0)}…), not a number given"
    # a statistic of the area itself governs the figure: it stands before it in the clause
    # (地区生产总值N亿元, 贫困人口由N人减少到M人) or the figure runs on into a fall (N人减少到…)
    own = _OWN_ECONOMY.search(text, lo, fig.start) or _FALL_AFTER.match(text, fig.end)
    if own:
        return f"the area's own statistics ({own.group(0)})"
    # 他的新房获得补贴N万元, 她家…: an anecdote about one household, not a programme's figure
    person = _rx.search(r"(?<![\u4e00-\u9fff])(?:他|她)(?!们)(?:的|家)?", text, lo, fig.start)
    if person:
        return f"one person's story ({person.group(0)})"
    if fig.unit == "yuan" and _PER_TIME.search(text, max(lo, fig.start - 10), fig.start):
        return "money per month, day or term: a wage or a rate, not an amount given"
    national = _NATIONAL.search(text, lo, fig.start) or _NATIONAL.search(text, sent.start, fig.start)
    if national and _INSTRUMENT.search(text, r.lay.clause_start(national.start()), national.start()):
        national = None   # 通过…各地机关食堂采购: the collective word is in the means, not the subject
    if national and not _owned(r, national.start()) and not any(
            r.frame.side.get(key(h.giver_unit)) != "recipient" for h in r.hits_in(national.end(), fig.start)):
        # a place after the collective word narrows it to that place's own figure (全国…其中甲市),
        # unless it is a receiver (中央投入乙省的资金)
        return f"a national or many-donor total ({national.group(0)})"
    joint = _joint_pair_subject(r, fig, sent)
    if joint:
        return f"credited to the two sides jointly ({joint})"
    whole = scopes.full_sentence(r.lay, fig.start)
    east = _ALL_EAST_SUBJECT.match(text, whole.start, fig.start)
    if east and not any(r.frame.side.get(key(h.giver_unit)) == "donor" and h.role == "giver"
                        for h in r.hits_in(east.end(), fig.start)):
        return f"a many-donor total ({east.group(1)})"
    if inherited:
        return ""
    over = _OVER_PLAN.search(text, lo, fig.start)
    if over:
        return f"a difference from the plan ({over.group(0)})"
    if choice.indicator == "enterprises":
        park = _PARK_STOCK.search(text, sent.start, fig.start)
        if park and not _GUIDED_IN.search(text, park.start(), fig.start) and _park_heads(r, park.start()):
            return "a park's tenants (its stock, not firms a giver brought in)"
    if choice.indicator in ("poor_beneficiaries", "employment") and not _HELPING.search(text, lo, fig.start):
        # 甲州共有N人脱贫: the receiving area's own outcome, with no helping giver in the clause
        subj = [h for h in r.hits_in(lo, fig.start) if r.frame.side.get(key(h.unit)) == "recipient"]
        # (a giver named before the receiver is the clause's subject: 甲区协助组织乙县劳动力…)
        before = [h for h in r.hits_in(lo, subj[0].start) if r.frame.side.get(key(h.giver_unit)) == "donor"] \
            if subj else []
        if subj and not before and not clause_givers(r.hits_in(lo, fig.start), r.frame, lo, fig.start) and \
                not _rx.search(r"(向|为|帮|助|援|协作|对口)", text, subj[0].end, fig.start) and \
                not _subject_carried(r, whole.start, lo, subj) and not _to_donor_side(r, subj[0].end, fig.start) \
                and not _to_donor_side(r, fig.end, r.lay.clause(fig.start).end) and not _donor_means(r, whole.start, lo):
            # (the going may follow the count: 乙县有N名劳动力到甲省就业)
            return "the receiving area's own outcome (no helping verb)"
    whole_area = _whole_area_own(r, fig, choice, lo)
    if whole_area:
        return whole_area
    line = r.lay.line(fig.start)
    if line.end - line.start <= 18 and not _rx.search(r"[，,。；;：:]", text, line.start, line.end - 1) \
            and r.zones.kind_at(fig.start) == BODY and not _rx.match(r"\s*[●◆■▲★•·\-\d一二三四五六七八九十]", text, line.start) \
            and not _rx.search(g.GIVING_VERB, text, line.start, line.end):
        return "a section heading (the figure is stated in the section)"
    if _UNIT_COST.search(text, max(lo, fig.start - 12), fig.start) and _rx.search(r"(共计|合计|总计)", text, fig.end, sent.end):
        return "a unit cost (每个…N万元, 共计…): the total is the figure"
    if _RANGE_BEFORE.search(text, max(lo, fig.start - 12), fig.start) or _RANGE_AFTER.match(text, fig.end):
        return "a range (N—M万元, 1至2个): a rate or an estimate, not a figure given"
    short = fig.unit == "yuan" and (_SHORTFALL.search(text, lo, fig.start) or _SHORTFALL_AFTER.match(text, fig.end, hi))
    if short:
        return "money not given or not spent (a shortfall)"
    per_head = _PER_POPULATION.search(text, lo, fig.start)
    if per_head:
        return f"a ratio to the population ({per_head.group(0)}…)"
    rate = _PER_UNIT.search(text, lo, fig.start)
    if fig.unit == "yuan" and rate and not r.receivers_in(lo, rate.start()):
        return f"an amount per unit ({rate.group(0)}…): a rate, not an amount given"
    hi = max(hi, choice.cue_end)          # the cue may follow the figure (N个…建立了结对关系)
    # (a twinning is aid by what it is: its cue, 结对/结成对子/手拉手, is the relation)
    if choice.indicator not in _PEOPLE_SENT + ("pairings",) and \
            not (_AID.search(text, whole.start, hi) or _AID.search(text, lo, hi)):
        return "no giving verb or aid word in the sentence"
    if choice.indicator in _PEOPLE_SENT and _STOCK.search(text, whole.start, fig.start) and \
            not _SENT_WORD.search(text, whole.start, whole.end):
        return "a stock of the area's own staff (共有…专任教师N人), no one sent"
    own = _own_level_subject(r, fig, whole)
    if own:
        return f"the receiving side's own ({own})"
    # the receiving side's own money: a recipient-side unit as the giver of money, no donor word
    if choice.indicator in ("fiscal_aid", "investment", "social_aid"):
        subj = [h for h in r.hits_in(lo, fig.start) if h.role == "giver"]
        if not subj and _receivers_counted_at_head(r, lo, fig.start):
            subj = [None]        # 三县统筹…: the receiving counties just named, as the subject
        if subj and all(h is None or r.frame.side.get(key(h.unit)) == "recipient" for h in subj) and \
                not _rx.search(r"(援|帮扶|协作|对口|捐|社会)", text[lo:hi]) and \
                not _SHARE_OF_AID.search(text, whole.start, lo) and \
                not _share_of_paragraph_aid(r, lo, fig.start, whole.start) and \
                not clause_givers(r.hits_in(whole.start, fig.start), r.frame, whole.start, fig.start):
            return "the receiving side's own money"
    return ""


# 甲、乙分别派出N名、M名 after a head count of the sentence (共派出专家K名): the shares need no noun
_BARE_LIST_GAP = _compile(r"\s*、\s*")
_RESPECTIVELY_BEFORE = _compile(r"(?:分别|各)[\u4e00-\u9fff]{0,4}$")

# an earlier clause naming the aid money the sentence divides (援疆资金中，甲县安排N亿元): the
# receiving units that "allocate" after it get their shares of that money, not their own
_AID_MONEY_NAME = r"(?:援[疆藏青]?|帮扶|协作|对口支援|援助)资金"
_SHARE_OF_AID = _compile(_AID_MONEY_NAME + r"(?:中|里|当中)[，,]")

_COUNTIES_COUNTED_AT_HEAD = _compile(r"\s*(?:此外|另外|同时|其中)?[，,]?\s*(?:[两二三四五六七八九十]|[2-9])个?(?:县|县市|县区|区县|旗)"
                                     r"(?=[^，,。；;\d]{0,4}(?:统筹|整合|自筹|安排|投入|筹措|落实))")


# aid money as the topic of a sentence before, in the same paragraph (援疆资金向基层倾斜。…)
_AID_MONEY = _compile(_AID_MONEY_NAME)
_MONEY_NAMED = _compile(r"资金|经费|款|财政|投资")


def _share_of_paragraph_aid(r: Reading, lo: int, fig_start: int, sent_start: int) -> bool:
    """甲县安排N亿元 with its money left unnamed, after the paragraph has made aid money its
    topic: the unit's share of that money, not its own."""
    if _MONEY_NAMED.search(r.text, lo, fig_start):
        return False
    para = r.lay.line(lo)
    return para.start < sent_start and _AID_MONEY.search(r.text, para.start, sent_start) is not None


def _receivers_counted_at_head(r: Reading, lo: int, hi: int) -> bool:
    """A clause headed by a count of the receiving counties (三县统筹…), on a page whose giver
    is no county: those counties are the clause's subject."""
    donor = r.frame.donor
    if donor is None or donor.full_name.endswith(("县", "旗")) or not _COUNTIES_COUNTED_AT_HEAD.match(r.text, lo, hi):
        return False
    # (the counties named last before it are receiving ones, and as many giving counties are not
    # named: 甲县、乙县分别结对丙县、丁县。两县安排… may count either side)
    m = _COUNTIES_COUNTED_AT_HEAD.match(r.text, lo, hi)
    n = _count(_rx.search(r"[两二三四五六七八九十2-9]", m.group(0)).group(0))
    before = [h for h in r.hits_in(0, lo) if h.unit.level == "county"]
    givers = {h.giver_unit for h in before if r.frame.side.get(key(h.giver_unit)) == "donor"}
    return bool(before) and r.frame.side.get(key(before[-1].unit)) == "recipient" and len(givers) != n


# a phrase of means (通过…, 依托…, 在…帮扶下): what the sentence states was done with it
_INSTRUMENT = _compile(r"(?:通过|依托|借助|利用|经由)")
_MEANS = _compile(r"\s*(?:通过|依托|借助|利用|在)[^，,。；;]{0,30}?(?:援建|帮扶|援助|支持|推动|协作|支援)")
_GOING_TO = _compile(g.GOING_TO + "$")


def _to_donor_side(r: Reading, lo: int, hi: int) -> bool:
    """Labour sent to the donor's side to work (乙县劳动力到甲省就业, 赴甲就业 by the giver's short
    name): aid, not the area's own."""
    if any(r.frame.side.get(key(h.giver_unit)) == "donor" and _GOING_TO.search(r.text, max(lo, h.start - 1), h.start)
           for h in r.hits_in(lo, hi)):
        return True
    return bool(r.donor_short) and _rx.search(g.GOING_TO + r"(?:" + r.donor_short + r")[\u4e00-\u9fff]{0,2}?(就业|务工)",
                                              r.text, lo, hi) is not None


def _donor_means(r: Reading, sent_start: int, lo: int) -> bool:
    """An earlier clause of the sentence names a donor-side unit's aid as the means (依托甲区援建的
    车间，乙县…; 在甲市的帮扶下，…): the outcome is the giver's doing."""
    if lo <= sent_start or not _MEANS.match(r.text, sent_start, lo):
        return False
    return any(r.frame.side.get(key(h.giver_unit)) == "donor" for h in r.hits_in(sent_start, lo))


_SUBJECT_LEAD = _compile(r"\s*(?:(?:今年|去年|全年|当年|年内|目前|同时|此外|另外|其中)[,，]?\s*)?$")


def _subject_carried(r: Reading, sent_start: int, lo: int, places: list) -> bool:
    """A clause with no subject of its own (组织乙县劳动力…, 在乙省内…: its places stand after a
    verb or a preposition) goes on with the sentence's subject: when an earlier clause has a
    helping verb or a giver of the donor side, its figure is that giver's doing."""
    if lo <= sent_start or any(_SUBJECT_LEAD.match(r.text, lo, h.start) for h in places):
        return False
    return bool(_HELPING.search(r.text, sent_start, lo)) or any(
        h.role == "giver" and r.frame.side.get(key(h.giver_unit)) == "donor" for h in r.hits_in(sent_start, lo))


# ------------------------------------------------------------------ each / respectively

def _whole_area_own(r: Reading, fig: Figure, choice: Choice, lo: int) -> str:
    """A clause headed by a whole area (全县, 全区 …) with no helping verb and no giver in it: its
    poverty reduction (全县年内N人脱贫; the givers' areas count no poor people of their own), its
    investment (全县招商引资到位资金N亿元) and its labour placed in all (全州转移就业总数) are the
    area's own."""
    staff = choice.indicator in _PEOPLE_SENT
    # (and the whole area's labour placed anywhere, as its total: 全州转移就业总数达N人)
    labour_total = choice.indicator == "employment" and _rx.search(r"总数|总量|总人数", r.text, lo, fig.start)
    if choice.indicator not in ("poor_beneficiaries", "investment") and not staff and not labour_total:
        return ""
    # (转移就业 names the labour's move, not a helper's act)
    moves = ("转移", "输转", "输出") if labour_total else ()
    if any(h.group(0) not in moves for h in _HELPING.finditer(r.text, lo, fig.start)):
        return ""
    # the area may be named before its whole (乙县今年全县…)
    named = [h for h in r.hits_in(lo, fig.start) if r.frame.side.get(key(h.unit)) == "recipient"]
    at = named[0].end if named and not r.text[lo:named[0].start].strip() else lo
    m = _WHOLE_AREA.match(r.text, at, fig.start)
    if m is None or any(r.frame.side.get(key(h.giver_unit)) == "donor" for h in r.hits_in(lo, fig.start)):
        return ""
    if staff:
        has = _HAS.search(r.text, m.end(), fig.start)
        if has is None or _STAFF_MOVE.search(r.text, m.end(), fig.end):
            return ""
        return f"the receiving area's own staff ({m.group(1)}…{has.group(0)})"
    what = {"poor_beneficiaries": "outcome", "employment": "labour placed"}.get(choice.indicator, "investment")
    return f"the receiving area's own {what} ({m.group(1)})"


def _each(r: Reading, fig: Figure, sent: Span) -> tuple[bool, list[str]]:
    text = r.text
    clause_start = r.lay.clause_start(fig.start)
    # the cue stands before the run of figures the figure is in (分别安排甲、乙、丙、丁N亿元、M亿元…)
    first = fig
    for f in reversed(r.figures_in(clause_start, fig.start)):
        if f.end <= first.start and _rx.fullmatch(r"\s*[、和及与]\s*", text, f.end, first.start):
            first = f
        else:
            break
    left_start = max(clause_start, first.start - 30)
    m = None
    for m in _EACH.finditer(text, left_start, fig.start):
        pass
    if m is None:
        return False, []
    before = text[max(sent.start, m.start() - 40):m.start()]     # the names the cue distributes over
    items = _rx.search(r"([\u4e00-\u9fff]{2,8}(?:[、和与及][\u4e00-\u9fff]{2,8})+)[^、]{0,6}$", before)
    return True, ([x for x in _rx.split(r"[、和与及]", items.group(1)) if x] if items else [])


def _each_givers_share(r: Reading, sent: Span, fig: Figure, n: int, detail: str) -> list[tuple]:
    """甲区、乙区、丙区分别安排N万元 with no receivers in the sentence: the n names before the
    figure are donor-side givers, each giving N to the receivers the page pairs it with; one
    (receivers, detail, giver name) per giver, or [] when any of them has no partner on the page."""
    if r.receivers_in(sent.start, sent.end, strict=True):
        return []
    givers = dedupe_units(h.giver_unit for h in r.hits_in(sent.start, fig.start)
                          if r.frame.side.get(key(h.giver_unit)) == "donor" and h.role != "venue" and h.marker != "from")
    if len(givers) != n:
        return []
    out = []
    for u in givers:
        partners = _partners_on_page(r, u)
        if not partners:
            return []
        out.append((partners, detail, u.full_name))
    return out


def _respective_list(r: Reading, fig: Figure, sent: Span) -> tuple[int, list[Figure]]:
    text = r.text
    cue = text.rfind("分别", sent.start, fig.start)
    if cue < 0:
        return -1, []
    listed, pos = [], cue + 2
    for f in r.figures_in(pos, sent.end):
        gap = text[pos:f.start]
        if listed and not _rx.fullmatch(r"\s*[、和及与]\s*", gap):
            break
        if not listed and _rx.search(r"[，,。；;：:]", gap):
            break
        listed.append(f)
        pos = f.end
    return (cue, listed) if fig in listed else (-1, [])


def _respective(r: Reading, fig: Figure, sent: Span, recips: list[Unit]) -> Unit | None:
    cue, listed = _respective_list(r, fig, sent)
    if len(listed) != len(recips) or fig not in listed:
        return None
    order = {}
    for h in r.hits_in(sent.start, cue):
        order.setdefault(h.unit.adcode, h.start)
    named = sorted(recips, key=lambda u: order.get(u.adcode, len(r.text)))
    return named[listed.index(fig)]


def _givers_listed(r: Reading, sent: Span, cue: int, listed: list[Figure], recips: list[Unit], n: int) -> bool:
    """The names before 分别 are n givers of the donor side, and the receivers are not listed in
    the sentence as well (甲、乙分别向丙、丁拨付N、M zips both)."""
    givers = [h for h in r.hits_in(sent.start, cue) if r.frame.side.get(key(h.giver_unit)) == "donor"]
    named = {h.unit.adcode for h in r.hits_in(sent.start, listed[0].start)}
    return len(givers) == n and not (len(recips) == n and all(u.adcode in named for u in recips))


def _own_partners(r: Reading, giver: Giver, units: list[Unit]) -> list[Unit]:
    """Those of ``units`` the pairing reference pairs with the giver in the page's year."""
    if giver.unit is None or len(units) < 2:
        return []
    codes = _partner_codes(r, giver.unit)
    return [u for u in units if u.adcode in codes]


def _partners_on_page(r: Reading, giver: Unit) -> list[Unit]:
    """The receiving units the page names that the pairing reference pairs the giver with."""
    codes = _partner_codes(r, giver)
    return [u for u in r.frame.recipient_units if u.adcode in codes]


def _partner_codes(r: Reading, giver: Unit) -> set[str]:
    """Adcodes of the units the pairing reference pairs the giver itself with in the page's year."""
    return {p.recipient_adcode for p in reference.partners(giver.adcode, "donor", r.frame.year)
            if p.donor_adcode == giver.adcode}


def _counties(r: Reading) -> list[Unit]:
    """The page's receiving units to spread an 各 figure over: its recipients when they are
    several, else every receiving county the page names."""
    if len(r.frame.recipients) > 1:
        return list(r.frame.recipients)
    named = dedupe_units(h.unit for h in r.hits if r.frame.side.get(key(h.unit)) == "recipient"
                         and h.unit.level == "county" and h.role != "venue")
    inside = [u for u in named if not r.frame.recipients or any(f.contains(u) for f in r.frame.recipients)]
    return inside


@dataclass
class Breakdown:
    """Short lines listed under a sentence that ends with 其中: (甲地 N亿元 / 乡镇 N个), each holding a
    figure: they take the head's indicator (or pairings when the head speaks of twinning)."""
    start: int
    end: int
    indicator: str
    head: str
    recipients: list


def _listed_sibling(r: Reading, prev: Figure, fig: Figure) -> bool:
    """甲县N万元、乙县M万元: a place and its amount listed right after a pair whose amount made a
    row, in the same sentence, is an item of the same list (the list's verb is before its first item)."""
    if prev.end > fig.start or scopes.full_sentence(r.lay, fig.start).start > prev.start:
        return False
    hits = r.receivers_in(prev.end, fig.start)
    return len(hits) == 1 and _rx.fullmatch(r"[、，,；;\s和及]{1,2}", r.text, prev.end, hits[0].start) is not None \
        and _rx.fullmatch(r"[为:：\s]{0,2}", r.text, hits[0].end, fig.start) is not None


def breakdowns(r: Reading) -> list[Breakdown]:
    out = []
    text = r.text
    if "其中" not in text:
        return out
    for sent in r.lay.sentences.spans:
        if text.find("其中", sent.start, sent.end) < 0 or \
                not _rx.search(r"其中\s*[:：]\s*$", text, sent.start, sent.end):
            continue
        pos, end = sent.end, None
        while pos < len(text):
            nl = text.find("\n", pos)
            line_end = len(text) if nl < 0 else nl
            if not text[pos:line_end].strip() or line_end - pos > 30 or not r.figures_in(pos, line_end):
                break
            end, pos = line_end, line_end + 1
        if end is None:
            continue
        head = text[sent.start:sent.end]
        indicator = "pairings" if _rx.search(r"(结对|结亲|帮扶关系)", head) else ""
        out.append(Breakdown(sent.end, end, indicator, head.strip()[:20],
                             _expand(r, r.receivers_in(sent.start, sent.end))))
    return out


def _breakdown_head_cue(r: Reading, fig: Figure, sent: Span) -> str | None:
    """In a breakdown (a head clause, then 其中 and place–amount pairs), an amount listed after
    its place takes the indicator the words before 其中 give (the head may state no figure)."""
    text = r.text
    m = None
    for m in _rx.finditer(r"其中\s*[:：]?", text, sent.start, fig.start):
        pass
    if m is None or not r.receivers_in(m.end(), fig.start):
        return None
    best = None
    for name, p, _ in cues(group_of(fig.unit)):
        if name.startswith("reject:"):
            continue
        for c in p.finditer(text, sent.start, m.start()):
            if best is None or c.end() > best[1]:
                best = (name.rstrip("+<").partition(":")[0], c.end())
    return best[0] if best and best[0] in ("fiscal_aid", "social_aid", "investment", "consumption_aid",
                                           "projects", "enterprises") else None


def _staff_detail(word: str) -> str:
    return next((n for n, p in lx.STAFF_DETAIL if _rx.search(p, word)), "")


def _listed_after(text: str, fig: Figure, sent: Span) -> list[str]:
    m = _rx.match(r"([\u4e00-\u9fff]{1,6}(?:、[\u4e00-\u9fff]{1,6})+)", text, fig.end, sent.end)
    return m.group(1).split("、") if m else []


def _program(r: Reading, recips: list[Unit], giver: Giver, sent: Span, fig: Figure) -> str:
    text = r.text
    clause = r.lay.clause(fig.start)
    for context in (text[clause.start:clause.end], text[sent.start:sent.end], r.section_of(fig.start)[1]):
        said = fr.cue_program(context)
        if said and said != "mixed":
            return said
    if giver.kind in g.CENTRAL_KINDS:
        # a central unit pairs by 对口支援 or 定点帮扶; east–west cooperation is between local governments
        said = fr.program_of(recips, None, "")
        return said if said and said != "east_west" else "designated"
    said = fr.program_of(recips, giver.unit if giver.unit is not None else r.frame.donor)
    if said:
        if said == "designated" and r.frame.program in ("east_west", "counterpart"):
            return r.frame.program
        return said
    return r.frame.program if r.frame.program and r.frame.program != "mixed" else (r.frame.program or "east_west")


# ------------------------------------------------------------------ the document

def _mention(r: Reading, fig: Figure, decision: str, indicator: str, reason: str) -> dict:
    return {"doc_id": r.doc_id, "start": fig.start, "end": fig.end, "text": fig.text,
            "value": fig.value, "unit": fig.unit, "qualifier": fig.qualifier,
            "decision": decision, "indicator": indicator, "reason": reason,
            "donor": "", "recipients": "", "status": "", "period": "", "year": None,
            "zone": r.zones.kind_at(fig.start), **_NO_REASONS}


# the fields a row carries only until dedupe has chosen among restatements
_DEDUPE_FIELDS = ("_fig_start", "_zone", "_sentence", "_sentence_start", "_cue", "_number")


def _panel_row(r: Reading, fig: Figure, donor: str, recips: list[Unit], program: str, year, period: str,
               status: str, indicator: str, detail: str, evidence: Span, sent: Span, cue: str,
               evidence_text: str | None = None) -> dict:
    """One panel row for ``fig``, with the fields dedupe needs (its zone, sentence, cue, number)."""
    text = r.text
    return {
        "doc_id": r.doc_id, "donor": donor, "recipients": ";".join(u.full_name for u in recips),
        "program": program, "year": year, "period": period, "status": status, "indicator": indicator,
        "value": fig.value, "unit": "count" if indicator == "pairings" else fig.unit,
        "qualifier": fig.qualifier, "detail": detail,
        "evidence": text[evidence.start:evidence.end] if evidence_text is None else evidence_text,
        "recipient_adcodes": ";".join(u.adcode for u in recips),
        "start": evidence.start, "end": evidence.end, "_fig_start": fig.start,
        "_zone": r.zones.kind_at(fig.start), "_sentence": text[sent.start:sent.end].strip(),
        "_sentence_start": sent.start, "_cue": cue, "_number": fig.number,
    }


def _table_line_at(r: Reading, pos: int):
    """(table, line) a table line holding ``pos``, or None."""
    for t in r.tables:
        for line in (t.header,) + t.lines:
            if line.start <= pos < line.end:
                return t, line
    return None


def _in_table(r: Reading, pos: int) -> bool:
    return _table_line_at(r, pos) is not None


def _column_status(r: Reading, fig: Figure) -> str:
    """target or actual when the figure stands in a table column named for it (目标任务 |
    完成情况), else ''."""
    found = _table_line_at(r, fig.start) if r.tables else None
    if found is None:
        return ""
    table, line = found
    for i, cell in enumerate(line.cells):
        if cell.start <= fig.start < cell.end and i < len(table.header.cells):
            return tables.head_status(table.header.cells[i].text)
    return ""


def _line_parties(r: Reading, line: "tables.Line") -> tuple[list[Unit], list[Unit]]:
    """(givers, receivers) the name cells of a table line hold."""
    givers_, receivers = [], []
    for cell in line.cells:
        if tables.bare_number(cell) is not None:
            continue
        for h in r.hits_in(cell.start, cell.end):
            side = r.frame.side.get(key(h.giver_unit))
            if side == "donor":
                givers_.append(h.giver_unit)
            elif r.frame.side.get(key(h.unit)) == "recipient":
                receivers.append(h.unit)
    return dedupe_units(givers_), dedupe_units(receivers)


def _column_parties(r: Reading, heads: list) -> list[tuple[list[Unit], str, int | None, str] | None]:
    """For a table whose lines name the indicators (财政帮扶资金(亿元)｜62.8｜45.3): what each
    column heading says of its figures, as (receivers, program, year, status): a receiver named
    (甲县), a program (东西部扶贫协作 | 对口支援: its set of the page's receivers), a year, a plan
    or a result (目标任务 | 完成); a total (合计) holds every other column's receivers."""
    out: list = []
    for cell in heads:
        text = cell.text
        year = _rx.search(r"((?:19|20)\d\d)\s*年?", text)
        status = "target" if tables.head_status(text) == "target" else "actual"
        named = [h.unit for h in r.receivers_in(cell.start, cell.end)]
        said = fr.cue_program(text)
        recips = dedupe_units(named) if named else fr.program_said(text, r.program_sets, r.frame.recipients, r.frame.donor)
        out.append(None if tables.is_total_name(text) else (recips, said, int(year.group(1)) if year else None, status))
    parts = [p for p in out if p is not None]
    total = (dedupe_units(u for p in parts for u in p[0]),
             "mixed" if len({p[1] for p in parts if p[1]}) > 1 else "", None, "actual")
    return [total if p is None else p for p in out]


def _transposed_rows(r: Reading, table) -> tuple[list[dict], list[dict]]:
    """Rows of a table whose first cell of each line names an indicator and its unit and whose
    columns are programs, receivers or years (``_column_parties``): each bare number is a row
    for the page's giver, with the whole line as its evidence (a cell alone says nothing)."""
    rows, mentions = [], []
    giver = r.frame.donor
    if giver is None or len(table.header.cells) < 2:
        return rows, mentions
    parties = _column_parties(r, list(table.header.cells[1:]))
    since = _rx.search(r"(累计|以来)", table.caption) is not None
    for line in table.lines:
        col = tables.column(line.cells[0].text, table.caption) if line.cells else None
        if col is None:
            continue
        for cell, party, head in zip(line.cells[1:], parties, table.header.cells[1:]):
            number = tables.bare_number(cell)
            if number is None or number <= 0:
                continue
            recips, said, year, status = party
            recips = recips or list(r.frame.recipients)
            year = year or r.frame.year
            if status == "actual" and year is not None and r.frame.year is not None and year > r.frame.year:
                status = "target"
            program = said if said else fr.program_of(recips, giver) or r.frame.program or "east_west"
            period = "cumulative" if col.cumulative or since else "annual"
            fig = Figure(cell.start, cell.end, cell.text, number * col.multiplier, col.unit, "", "exact", cell.text)
            m = _mention(r, fig, "panel", col.indicator, f"table cell under {head.text}")
            m.update(donor=giver.full_name, recipients=";".join(u.full_name for u in recips), status=status,
                     period=period, year=year, donor_from="frame", recipients_from="table_column",
                     status_from="table_column", period_from=period, year_from="table_column")
            mentions.append(m)
            rows.append(_panel_row(r, fig, giver.full_name, recips, program, year, period, status,
                                   col.indicator, "", Span(line.start, line.end), Span(line.start, line.end),
                                   head.text, evidence_text=r.text[line.start:line.end].strip()))
    return rows, mentions


def table_rows(r: Reading) -> tuple[list[dict], list[dict]]:
    """Rows of the tables written as lines (see ``tables``): each bare number under a column that
    names an aid indicator and its unit, for the givers and receivers its line names (the page's
    when it names none); a total line (合计) for the givers and receivers of the lines above it."""
    rows, mentions = [], []
    text = r.text
    for table in r.tables:
        columns = [tables.column(c.text, table.caption) for c in table.header.cells]
        if not any(columns):
            got_rows, got_mentions = _transposed_rows(r, table)
            rows += got_rows
            mentions += got_mentions
            continue
        year_said = _rx.search(r"((?:19|20)\d\d)\s*年", table.caption)
        year = int(year_said.group(1)) if year_said else r.frame.year
        planned = _rx.search(r"(计划|目标|任务|预计)", table.caption) is not None
        status = "target" if planned or year is not None and r.frame.year is not None and year > r.frame.year \
            else "actual"
        since = _rx.search(r"(累计|以来)", table.caption) is not None
        said_program = fr.cue_program(table.caption)
        seen_givers, seen_receivers = [], []
        for line in table.lines:
            givers_, receivers = _line_parties(r, line)
            if line.is_total:
                distinct = dedupe_units(seen_givers)
                if not givers_ and len(distinct) == 1:
                    givers_ = distinct
                elif not givers_ and distinct:
                    parent = common_parent(distinct, r.gz)      # 甲区、乙区 → 甲市
                    givers_ = [parent] if parent is not None else []
                receivers = receivers or dedupe_units(seen_receivers)
            elif not (givers_ or receivers):
                continue                    # a line of no place (a year, a kind of help): not read
            else:
                seen_givers += givers_
                seen_receivers += receivers
            giver = givers_[0] if len(givers_) == 1 else r.frame.donor
            if giver is None:
                continue
            recips = receivers or list(r.frame.recipients)
            program = said_program if said_program and said_program != "mixed" else (
                fr.program_of(recips, giver) or r.frame.program or "east_west")
            for cell, col, head in zip(line.cells, columns, table.header.cells):
                number = tables.bare_number(cell)
                if col is None or number is None or number <= 0:
                    continue
                period = "cumulative" if col.cumulative or since else "annual"
                fig = Figure(cell.start, cell.end, cell.text, number * col.multiplier, col.unit, "", "exact", cell.text)
                m = _mention(r, fig, "panel", col.indicator, f"table cell under {head.text}")
                m.update(donor=giver.full_name, recipients=";".join(u.full_name for u in recips), status=status,
                         period=period, year=year, donor_from="table_line" if len(givers_) == 1 else "frame",
                         recipients_from="table_line" if receivers else "frame", status_from="table_caption"
                         if planned else "default", period_from=period, year_from="table_caption" if year_said else "frame")
                mentions.append(m)
                rows.append(_panel_row(r, fig, giver.full_name, recips, program, year, period, status,
                                       col.indicator, "", Span(line.start, line.end), Span(line.start, line.end),
                                       head.text, evidence_text=text[line.start:line.end].strip()))
    return rows, mentions


def extract(doc, gz, page: Frame | None = None) -> tuple[list[dict], list[dict]]:
    r = read(doc, gz, page)
    text = r.text
    rows, mentions = [], []
    prev_list: dict[str, tuple[str, str, Figure]] = {}
    # (sentence, classifier) → the indicator of its first count, whether or not it made a row
    sentence_heads: dict[tuple[int, str], tuple[str, str, str]] = {}
    prev_status: tuple[str, int] | None = None
    last_total = None
    not_aid_whole = None    # (end, sentence start, reason) of money just rejected as not aid
    last_staff = None
    many_total = None       # (sentence, indicator, detail) of a total of several givers just rejected
    last_recips: tuple[int, list[Unit], str] | None = None   # sentence, recipients, unit of the last row
    peer_recips: dict[str, tuple[int, list[Unit]]] = {}        # a peer giver → (paragraph, its last recipients)
    topic = Topic()
    blocks = breakdowns(r)
    for fig in r.figures:
        sent = r.lay.sentence(fig.start)
        para = r.lay.line(fig.start)
        if topic.para_topic_at != para.start:
            # a paragraph opening with a receiver (在甲县, 甲县:) has it as its topic
            first = r.lay.clause(para.start)
            lead_in = _TIME_LEAD.match(text, para.start, para.end)
            at = lead_in.end() if lead_in else para.start
            if lead_in and at >= first.end - 1 and at < para.end:
                first = r.lay.clause(at)        # the time phrase is a clause of its own
            opening = [h for h in r.receivers_in(first.start, first.end) if h.start - at <= 4 and h.start >= para.start]
            topic.para_topic = _expand(r, opening) if opening and not r.figures_in(first.start, first.end) else []
            topic.para_topic_at = para.start
            _paragraph_head_giver(r, para, topic)
        fig_spans = [(f.start, f.end) for f in r.figures_in(sent.start, sent.end) if f is not fig]
        s = Sentence(r.lay, sent, fig_spans, r.side_in, r.donor_short)
        choice = classify(s, fig)
        indicator, detail, reason = choice.indicator, choice.detail, choice.reason
        if fig.unit == "yuan" and not indicator and reason.startswith(("state_subsidy", "recipient_own_money")):
            at = r.lay.full_sentence(fig.start).start
            if not_aid_whole is None or not_aid_whole[1] != at:
                not_aid_whole = (fig.end, at, reason)
        elif fig.unit == "yuan" and indicator and not_aid_whole and \
                not_aid_whole[1] == r.lay.full_sentence(fig.start).start and \
                _rx.search(r"其中", text, not_aid_whole[0], fig.start) and \
                not _rx.search(r"(援|帮扶|协作|对口|捐)", text, not_aid_whole[0], fig.start):
            # 投入财政专项扶贫资金N亿元,其中中央资金…、省级资金M亿元: the parts of money that is
            # not aid are not aid either
            indicator, reason = "", f"a part of money that is not aid ({not_aid_whole[2]})"
        clause = r.lay.clause(fig.start)
        total = last_total if last_total and last_total[1] >= sent.start else None
        if indicator == "poor_beneficiaries" and total and _POOR_PART.fullmatch(
                _rx.sub(r"[\s，,。；;：:]", "", text[clause.start:clause.end].replace(fig.text, ""))) and \
                total[0] in ("employment", "trained"):
            indicator, reason = total[0], f"the poor part of {total[2]}"
            if indicator == "employment":
                detail = total[3]
        if indicator == "employment" and detail not in EMPLOYMENT_DETAILS:
            detail = "total"
        if choice.candidate and fig.unit != "yuan":
            last_total = (choice.candidate, fig.end, fig.text, detail)
        block = next((b for b in blocks if b.start <= fig.start < b.end), None)
        if block is not None and block.indicator and (not indicator or reason.startswith("continues")):
            label = text[text.rfind("\n", 0, fig.start) + 1:fig.start]
            indicator, reason = block.indicator, f"line of the breakdown under {block.head}"
            if indicator == "pairings":
                detail = next((n for n, p in lx.PAIRING_DETAIL if _rx.search(p, label)), "")
        if not indicator and reason.startswith("no indicator cue"):
            head = _breakdown_head_cue(r, fig, sent)
            if head is not None:
                indicator, detail, reason = head, "", "an item of the breakdown after 其中"
        if not indicator and reason.startswith("no indicator cue"):
            head = sentence_heads.get((sent.start, fig.classifier))
            if head is not None and fig.unit != "yuan" and \
                    _RESPECTIVELY_BEFORE.search(text, r.lay.clause_start(fig.start), fig.start):
                indicator, detail, reason = head[0], head[1], f"one share of {head[2]}, divided by 分别/各"
            elif head is not None and fig.unit != "yuan" and _rx.search(r"其中", text, sent.start, fig.start) and \
                    not _rx.search(r"[\u4e00-\u9fff]", text, fig.end, fig.end + 1):
                # 共N名…,其中甲市派出M名、乙省派出K名: a part counted with no noun of its own is of
                # the whole's kind
                indicator, detail, reason = head[0], head[1], f"a part (其中) of {head[2]}"
        bare = prev_list.get(fig.unit if fig.unit == "yuan" else fig.classifier)
        if bare is not None and bare[2].end < fig.start and _BARE_LIST_GAP.fullmatch(text, bare[2].end, fig.start) and \
                _rx.search(r"分别|各", text, r.lay.clause_start(bare[2].start), bare[2].start):
            # 分别选派干部N名、M名、K名: bare numbers listed after the first are of its kind, whatever
            # noun the next clause counts
            indicator, detail, reason = bare[0], bare[1], f"continues the list of {bare[2].text}"
        if indicator and fig.unit != "yuan":
            sentence_heads.setdefault((sent.start, fig.classifier), (indicator, detail, fig.text))
        if not indicator and reason.startswith("no indicator cue"):
            last = prev_list.get(fig.unit if fig.unit == "yuan" else fig.classifier)
            # an item of the same list: nothing counted after it, or the noun the head counted
            own_noun = _rx.match(r"[\u4e00-\u9fff]{1,2}", text, fig.end)
            head_noun = _rx.match(r"[\u4e00-\u9fff]{1,2}", text, last[2].end) if last else None
            same_kind = own_noun is None or (head_noun is not None and own_noun.group(0) == head_noun.group(0))
            if last and same_kind and last[2].end >= fig.start - 100 and r.lay.line(last[2].start) == para:
                indicator, detail, reason = last[0], last[1], f"continues the list of {last[2].text}"
        if indicator.startswith(("cadres", "professionals")):
            head = last_staff if last_staff and last_staff[1] >= sent.start else None
            bracket = _BRACKET_PART.search(text, head[1], fig.start) if head else None
            if bracket and ")" not in text[bracket.end():fig.start] and "）" not in text[bracket.end():fig.start]:
                indicator = indicator.split("_")[0] + "_" + head[0].split("_")[1]
            elif head and not _STAFF_MOVE.search(text, r.lay.clause_start(fig.start), clause.end):
                # a clause that only distributes staff counted before (两县各N名, 其中干部N名): no
                # verb of its own, so the direction is that of the count it distributes
                indicator = indicator.split("_")[0] + "_" + head[0].split("_")[1]
            last_staff = (indicator, fig.end)
            if _ROLE_AFTER.match(text, fig.end) and _ROLE_BEFORE.search(text, clause.start, fig.start):
                indicator, reason = "", "the post held by staff already counted (其中…任)"
        if indicator and fig.unit == "person" and _DESCRIBED_AFTER.match(text, fig.end):
            indicator, reason = "", "a description of people already counted"
        if not indicator:
            mentions.append(_mention(r, fig, "rejected", "", reason))
            if reason.startswith("recipient_own_money"):
                _own_money_subject(r, fig, topic)
            continue
        choice = Choice(indicator, detail, reason, choice.candidate, choice.cue_start, choice.cue_end)
        joint = multi_donor_total(text, sent.start, fig.start, r.hits_in(sent.start, fig.start), r.frame)
        giver = giver_for(r, fig, sent, topic)
        if indicator.endswith("_received") and not giver.own_subject:
            giver = _host(r, fig, clause) or giver
        # a part (其中…) of a figure that made a row earlier in the sentence is aid as that figure is
        part = last_recips is not None and last_recips[0] == sent.start and last_recips[2] == fig.unit and \
            _rx.match(r"\s*其中", text, r.lay.clause_start(fig.start), fig.start) is not None
        inherited = part or reason.startswith(("continues the list", "the poor part of", "line of the breakdown"))
        sibling = prev_list.get(fig.unit if fig.unit == "yuan" else fig.classifier)
        if not inherited and sibling is not None and sibling[0] == indicator and _listed_sibling(r, sibling[2], fig):
            inherited = True
        whole_start = scopes.full_sentence(r.lay, fig.start).start
        sharer = _share_giver(r, fig) if many_total and many_total[0] == whole_start else None
        if sharer is not None:
            # 东部三省市共…N亿元，其中甲市M亿元、乙方K亿元: each giver's share of the total is its own
            indicator, detail, reason = many_total[1], many_total[2], "a giver's share of a total of several"
            giver, inherited = Giver(sharer, sharer.full_name, "clause_named"), True
        why_not = joint or aid_test(r, fig, sent, choice, giver, inherited)
        if giver.own_subject or _rx.search(g.DIRECTED_TRANSFER, text, clause.start, fig.start):
            topic.foreign = ""           # a peer giver, or one side getting or giving, takes the subject back
        elif not why_not and topic.foreign and topic.foreign_at == whole_start:
            why_not = f"continues the subject of an earlier clause ({topic.foreign})"
        if why_not.startswith("a national or many-donor total") and indicator:
            many_total = (whole_start, indicator, detail)
        if why_not.startswith("a national or many-donor total") and not giver.own_subject:
            national = _NATIONAL.search(text, clause.start, fig.start) or _NATIONAL.search(text, sent.start, fig.start)
            if national:
                topic.foreign, topic.foreign_at = national.group(0), whole_start
        if giver.kind == "soe" and indicator == "fiscal_aid":
            indicator, detail = "social_aid", "soe"
        elif giver.kind == "national_body" and indicator == "fiscal_aid":
            indicator = "social_aid"     # a national foundation's or people's organisation's money
        if giver.kind == "association" and indicator == "fiscal_aid" and \
                not _rx.search(r"财政", text, r.lay.clause_start(fig.start), fig.end):
            indicator = "social_aid"     # a charity's or a firm's money is a social donation
        if why_not:
            mentions.append(_mention(r, fig, "rejected", "", why_not))
            continue
        prev_list[fig.unit if fig.unit == "yuan" else fig.classifier] = (indicator, detail, fig)
        recips, recips_from = recipients_for(r, fig, sent, topic)
        partners = _partners_named(r, giver, recips, recips_from, fig.start)
        if partners:
            recips, recips_from = partners, recips_from + "+giver_partners_named"
        elif _page_set_inside(r, giver, recips):
            # 赴乙省挂职N名 on a page that named the giver's set in 乙省 (对口帮扶乙省丙州、丁州…):
            # the province stands for that set
            recips, recips_from = list(r.frame.recipients), recips_from + "+page_set"
        if giver.kind in g.CENTRAL_KINDS and recips_from.startswith("frame") and \
                r.frame.donor is not None and r.frame.self_unit is not None and \
                r.frame.side.get(key(r.frame.self_unit)) == "recipient":
            # the page's pair is its eastern donor's: a central unit's figure on a receiving
            # area's own page (我州) with no receiver named is for that area
            recips, recips_from = [r.frame.self_unit], "central_giver_page_area"
        stated = _stated_set_inside(r, giver, recips) if recips_from.startswith("frame") else []
        if stated:
            recips, recips_from = stated, "frame+stated_pair"
        peer = giver.unit is not None and r.frame.donor is not None and giver.kind not in g.CENTRAL_KINDS and \
            not giver.unit.nests(r.frame.donor)
        if peer and recips_from.startswith("frame"):
            # a peer giver's passage on a page about several pairs: the page's recipients are its
            # donor's; the peer's are those it gave to earlier in the paragraph, else its own
            # partners as the page states them, else by the pairing reference, that the page names
            earlier = peer_recips.get(giver.unit.adcode)
            own = list(earlier[1]) if earlier and earlier[0] == para.start else \
                r.stated_pairs.get(giver.unit.adcode) or _partners_on_page(r, giver.unit)
            if own:
                recips, recips_from = own, "peer_giver_own"
        if peer and recips and not recips_from.startswith("frame"):
            peer_recips[giver.unit.adcode] = (para.start, list(recips))
        if last_recips and last_recips[0] == sent.start and last_recips[1] and \
                _rx.match(r"\s*其中", text, clause.start, clause.end) and not r.receivers_in(clause.start, fig.end) \
                and not _BACK.search(text, clause.start, fig.end):
            recips, recips_from = list(last_recips[1]), "part_of_previous"
        if block is not None and block.recipients and \
                not r.receivers_in(text.rfind("\n", 0, fig.start) + 1, fig.start):
            recips, recips_from = list(block.recipients), "breakdown_head"
        if sharer is not None:
            # (the share's receivers: the set the page states for its giver, inside the area the
            # total went to, 我省)
            stated = _stated_set_inside(r, giver, recips)
            if stated:
                recips, recips_from = stated, recips_from + "+stated_pair"
        scoped = _program_recipients(r, fig, giver, recips, recips_from)
        if scoped:
            recips, recips_from = scoped, recips_from + "+program_set"
        whole_recips = recips
        own = _own_partners(r, giver, recips) if giver.how.startswith("part_owner") else []
        if own:
            # a part's owner among the whole's receivers gives to those it is paired with
            recips, recips_from = own, recips_from + "+part_owner_partners"
        for b in blocks:
            if b.start == sent.end and not b.indicator:
                b.indicator, b.head, b.recipients = indicator, fig.text, b.recipients or recips
        last_recips = (sent.start, whole_recips, fig.unit)
        topic.recips, topic.recips_para = recips, para.start
        if not _rx.match(r"\s*其中", text, r.lay.clause_start(fig.start), fig.start):
            topic.heads.setdefault(sent.start, {}).setdefault(group_of(fig.unit), recips)
        sec_start, _ = r.section_of(fig.start)
        period, year, year_how, year_stated = scopes.period_year(
            r.lay, fig, sent, r.frame.year, r.zones.title, sec_start)
        in_plan = any(p.start <= fig.start < p.end for p in r.plans)
        status, status_how = scopes.status(
            r.lay, fig, sent, indicator, detail, doc_year=r.frame.year, fig_year=year,
            year_stated=year_stated and year_how in ("year:sentence",) and
            r.frame.year_from in ("title", "date", "opening"), in_plan=in_plan,
            prev=prev_status if prev_status and (prev_status[1] >= sent.start or
                                                 r.lay.line(prev_status[1] - 1) == para) else None,
            next_figs=r.figures_in(fig.end, sent.end),
            new_subject=next((h.start for h in r.hits_in(sent.start, fig.start) if h.role == "giver"
                              and r.frame.side.get(key(h.giver_unit)) == "donor"), None))
        column_status = _column_status(r, fig)
        if column_status:
            status, status_how = column_status, "table_column"
        prev_status = (status, fig.end)
        each, units = _each(r, fig, sent)
        groups = [(recips, detail)]
        if each:
            generic = _GENERIC.search(text, sent.start, fig.start)
            nouns = _listed_after(text, fig, sent) if indicator.startswith("professionals") else []
            roles = [_staff_detail(w) for w in units] if indicator.startswith("professionals") else []
            cue, listed = _respective_list(r, fig, sent)
            if len(listed) > 1 and len(units) == len(listed) and _givers_listed(r, sent, cue, listed, recips, len(units)):
                # 甲区、乙区分别N、M: the names are the givers, each figure is one giver's, for
                # the receivers the giver is paired with among those of the figure
                groups = [(_own_partners(r, giver, recips) or recips, detail)]
            elif len(nouns) > 1:
                groups = [(recips, _staff_detail(w) or detail) for w in nouns]
            elif len(roles) > 1 and all(roles):
                groups = ([(recips, roles[listed.index(fig)])] if len(listed) == len(roles)
                          else [(recips, role) for role in roles])
            elif len(units) > 1 and len(listed) <= 1 and (shares := _each_givers_share(r, sent, fig, len(units), detail)):
                # 甲区、乙区分别安排N万元 (甲区和乙区各…): each giver's N, for its own partners
                groups = shares
            elif len(recips) > 1:
                paired = _respective(r, fig, sent, recips)
                if paired is not None:
                    groups = [([paired], detail)]
                elif len(listed) > 1 and len(listed) == len(units):
                    groups = [(recips, detail)]     # each figure is one of the names', not each receiver's
                else:
                    groups = [([p], detail) for p in recips]
            elif len(units) > 1:
                # as many figures after 分别 as names: each name has one of them; one figure
                # (甲、乙各N名) is each name's
                groups = [(recips, detail)] * (1 if len(listed) == len(units) else len(units))
            elif not recips and (generic or recips_from.startswith("frame")) and len(_counties(r)) > 1 \
                    and not _rx.search(r"(其余|其他|剩余)", text, sent.start, fig.start):
                # 各选派1名 with no list: each of the page's receiving counties
                groups = [([p], detail) for p in _counties(r)]
        if indicator == "poor_beneficiaries" and not any(g_[1] for g_ in groups) and _LIFTED_AFTER.match(text, fig.end):
            groups = [(g_[0], "lifted", *g_[2:]) for g_ in groups]
        if indicator == "consumption_aid" and not any(g_[1] for g_ in groups) and \
                _GOV_PROCUREMENT.search(text, clause.start, fig.start):
            groups = [(g_[0], "gov_procurement", *g_[2:]) for g_ in groups]
        if indicator == "fiscal_aid" and each and len(groups) > 1 and not any(g_[1] for g_ in groups):
            said = _EACH.search(text, clause.start, fig.start)
            purpose = next((n for n, p in _FISCAL_PURPOSE
                            if p.search(text, said.end() if said else clause.start, fig.start)), "")
            groups = [(g_[0], purpose or "per_county", *g_[2:]) for g_ in groups]
        if indicator == "social_aid" and _COVID.search(text, clause.start, fig.start):
            groups = [(g_[0], "covid", *g_[2:]) for g_ in groups]
        ev_start, ev_end = evidence_span(text, fig, sent,
                                         [(h.start, h.end) for h in r.hits_in(max(sent.start, fig.start - 30), fig.start)])
        m = _mention(r, fig, "panel", indicator, reason)
        m.update(donor=giver.name, recipients=";".join(u.full_name for u in recips), status=status,
                 period=period, year=year, donor_from=giver.how, recipients_from=recips_from,
                 status_from=status_how, period_from=period, year_from=year_how)
        mentions.append(m)
        for gg, det, *own in groups:
            rows.append(_panel_row(r, fig, own[0] if own else giver.name, gg, _program(r, gg, giver, sent, fig), year, period,
                                   status, indicator, det, Span(ev_start, ev_end), sent,
                                   text[choice.cue_start:choice.cue_end] if choice.cue_start >= 0 else ""))
    table_found = table_rows(r)
    rows += table_found[0]
    mentions += table_found[1]
    rows = dedupe.one_row_per_figure(rows, mentions)
    for row in rows:
        for k in _DEDUPE_FIELDS:
            row.pop(k, None)
    return rows, mentions
