"""Which codebook indicator a figure states: the nearest governing cue of its kind.

Cues come from ``helpers.lexicon`` grouped by the figure's unit (money, people, counted
things). For each cue found in the figure's sentence the distance in characters is measured,
penalised for every clause boundary and every other figure in between; the nearest wins.
``reject:`` cues (registered capital, jobs offered, facilities, averages, …) compete with the
indicator cues, so a figure nearer to a rejection is not a row.

After the cue: staff figures go the way of their destination or sender (到乙县挂职 → sent;
乙县派出…到甲市 → received); staff hosted by the donor are received; training decides trained;
employment gets its kind (to_donor, local, elsewhere, total); pairings the party they count.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from .. import lexicon as lx
from ..codebook import INDICATOR_BY_NAME
from ..figures import Figure
from . import grammar as g
from .layout import CLAUSE_END, Layout, Span, piece_at
from .rx import CueFilter, compile as _compile, memo as _memo, required_chars, rx as _rx

_COMPILED: dict[str, list] = {}


def cues(group: str):
    if group not in _COMPILED:
        table = {"money": lx.MONEY_CUES, "people": lx.PEOPLE_CUES, "count": lx.COUNT_CUES}[group]
        _COMPILED[group] = [(name, _compile(p), pen) for name, p, pen in table]
    return _COMPILED[group]


def group_of(unit: str) -> str:
    return {"yuan": "money", "count": "count"}.get(unit, "people")


@dataclass
class Sentence:
    """A figure's sentence with the other figures in it (their spans weigh distances)."""
    lay: Layout
    span: Span
    fig_spans: list[tuple[int, int]]
    side_in: Callable[[int, int], str]      # 'recipient' | 'donor' | '' for the places in a range
    donor_short: str = ""                   # regex of the donor side's short names

    @property
    def text(self) -> str:
        return self.lay.text


@dataclass(frozen=True)
class Choice:
    indicator: str        # '' when rejected
    detail: str
    reason: str
    candidate: str        # the indicator the words point to, even when rejected
    cue_start: int = -1
    cue_end: int = -1


def distance(text: str, fig: Figure, ms: int, me: int, fig_spans, reach: bool = False) -> int | None:
    # never less than the characters between cue and figure (a reach cue: min(that, 22)), which
    # ``nearest`` relies on to skip cues without measuring them
    if ms <= fig.start and me >= fig.end:      # the cue wraps the figure
        return 0
    if me <= fig.start:
        between = text[me:fig.start]
        d = len(between)
        lo, hi = me, fig.start
        if "、" in between:
            # 帮助N名群众就业、M名群众脱贫: the cue closes the phrase of the figure before it
            piece_start = max(text.rfind(c, 0, ms) for c in "、，,；;。") + 1
            if any(piece_start <= s < ms for s, _ in fig_spans):
                d += 10
    elif ms >= fig.end:
        between = text[fig.end:ms]
        d = len(between) + 1
        lo, hi = fig.end, ms
    else:
        return None
    boundaries = sum(map(between.count, CLAUSE_END))
    if reach:
        # a list cue governs every figure of its list (甲县N个村、乙县M个村…结对)
        return None if boundaries > 1 else min(d, 22) + 6 * boundaries
    d += 6 * boundaries
    if fig_spans:
        d += 8 * sum(1 for s, e in fig_spans if s >= lo and e <= hi)
    return d


_FILTERS: dict = {}


def _filter(patterns) -> CueFilter:
    """The filter of a cue table (the tables live as long as the module)."""
    hit = _FILTERS.get(id(patterns))
    if hit is None or hit[0] is not patterns:
        hit = _FILTERS[id(patterns)] = (patterns, CueFilter([p for _, p, _ in patterns]))
    return hit[1]


def sentence_chars(text: str, sent: Span) -> frozenset:
    """The set of the characters of a sentence, made once for all its figures and cue tables."""
    memo = _memo.of(text)
    k = ("chars", sent.start, sent.end)
    chars = memo.get(k)
    if chars is None:
        chars = memo[k] = frozenset(text[sent.start:sent.end])
    return chars


_NEEDS = {}


def may_match(pattern: str, chars) -> bool:
    """Could ``pattern`` match inside a text made of ``chars``? Not when the text lacks every
    character of one of its ``rx.required_chars`` sets (其 基础上 needs 基, 础 and 上): one set
    test each instead of running it."""
    needs = _NEEDS.get(pattern)
    if needs is None:
        needs = _NEEDS[pattern] = required_chars(_rx[pattern])
    return all(not chars.isdisjoint(n) for n in needs)


def _matches(text: str, sent: Span, patterns) -> list:
    """Every match of every pattern in the sentence, found once for all its figures. Most cues
    cannot match a given sentence, which lacks a character each of their matches holds: the
    set of the sentence's characters says so without running them."""
    memo = _memo.of(text)
    k = ("cues", sent.start, sent.end, id(patterns))
    found = memo.get(k)
    if found is None:
        found = memo[k] = []
        candidates = _filter(patterns).candidates(sentence_chars(text, sent))
        if candidates:
            seg, at = text[sent.start:sent.end], sent.start
            for order in candidates:
                name, p, pen = patterns[order]
                found += [(order, name, pen, m.start() + at, m.end() + at) for m in p.finditer(seg)]
    return found


def _bracketed(text: str, sent: Span) -> list[tuple[int, int]]:
    """Spans of (…) asides in a sentence."""
    out, stack = [], []
    # only the brackets are visited (a loop over every character cost more than the cues)
    for m in _BRACKET.finditer(text, sent.start, sent.end):
        i = m.start()
        if text[i] in "(（":
            stack.append(i)
        elif stack:
            out.append((stack.pop(), i + 1))
    return out


_BRACKET = _compile(r"[()（）]")


def nearest(text: str, fig: Figure, sent: Span, patterns, fig_spans, max_d: int = 30,
            right_penalty: int = 0, exclude: tuple = ()):
    """(distance, -length, order, name, (start, end)) of the nearest cue in the sentence, or None.
    A cue inside a bracketed aside that does not hold the figure does not govern it."""
    best = None
    bracketed = _bracketed(text, sent) \
        if text.find("(", sent.start, sent.end) >= 0 or text.find("（", sent.start, sent.end) >= 0 else []
    asides = [b for b in bracketed if not b[0] <= fig.start < b[1]]
    # a figure inside an aside (甲资金N万元(2019年为M万元)) comments on what stands before it:
    # a cue past a clause end after the aside is another phrase's ((22位)援青干部 is not)
    holder = next((b for b in bracketed if b[0] <= fig.start < b[1]), None)
    for order, name, pen, ms, me in _matches(text, sent, patterns):
        if name in exclude:
            continue
        if asides and any(a <= ms and me <= b for a, b in asides):
            continue
        if holder is not None and ms >= holder[1] and _rx.search(r"[，,；;。]", text, holder[1], ms):
            continue
        if ms < fig.start and fig.end < me and not any(c.isdigit() for c in fig.number):
            continue      # a cue read across a figure written in words (帮助近千名贫困…) as across digits: not at all
        # the characters between cue and figure are a lower bound of the distance (a list cue's
        # is capped at 22): a cue that far away cannot be within max_d, nor nearer than the best
        gap = fig.start - me if me <= fig.start else ms - fig.end + 1
        if name.endswith("+"):
            gap = min(gap, 22)
        low = gap + pen + (right_penalty if ms >= fig.end else 0)
        if (low > max_d or best is not None and low > best[0]) and not (ms <= fig.start and me >= fig.end):
            continue
        if name.endswith("<") and (me > fig.start or any(c in text[me:fig.start] for c in CLAUSE_END)):
            continue                     # a cue that only governs what follows it in its clause
        if name.startswith("reject:") and name.endswith("+") and ms >= fig.end and \
                any(c in text[fig.end:ms] for c in CLAUSE_END):
            continue                     # (培训N人次,两地互派…: a rejecting list cue stays in its own clause)
        d = distance(text, fig, ms, me, fig_spans, name.endswith("+"))
        if d is None:
            continue
        d += pen + (right_penalty if ms >= fig.end else 0)
        if d > max_d:
            continue
        k = (d, -(me - ms), order, name.rstrip("+<"), (ms, me))
        if best is None or k < best:
            best = k
    return best


_STAFF_NOUNS = [("professionals", _compile(lx.PROFESSIONAL_NOUNS), 0), ("cadres", _compile(lx.CADRE_NOUNS), 0)]
_STAFF_VERBS = [("received", _compile(lx.RECEIVED_VERBS), 0), ("sent", _compile(lx.SENT_VERBS), 1)]
_GOING = _compile(r"(到|赴|来|去|在|奔赴|前往)([^，,。；;：:\d]{1,12}?)(挂职|跟岗|学习|进修|培训|锻炼|支援|支教|支医|工作|开展|帮扶|服务|任职)")
_SENDING = _compile(r"(选派|派出|派遣|输送|推荐|组织)")
_HOSTING = _compile(r"(接收|接纳|接受)")
_BACK_OR_GENERIC = _compile(lx.BACK_REFERENCE + "|" + lx.GENERIC_RECIPIENT)
# 31个旗县, 5个村: a count of places (never enterprises or projects)
# N个贫困县, N个乡镇: the figure counts places (a firm or a destination in between is not: N家企业到甲县)
_PLACES_COUNTED = _compile(r"(?:(?!企|公司|到|赴)[\u4e00-\u9fff]){0,4}?(县|旗|区县|县区|县市|乡镇|乡|镇|村|地区|地州|省|省市|省区|地市|市州)(?![\u4e00-\u9fff]{0,2}(企业|公司|项目))")
# a preposition of the receiver opening the phrase a count stands in (向乙市N个…), and the places
# it counts followed by the transfer's verb
_COUNTED_GIVERS = _compile(r"[\u4e00-\u9fff]{0,3}?(?:设区市|地市|省市|市|区|县|省)(?:累计|共|先后|已|分别|每年|都)?(?:向|为|给)")
_RECEIVER_OPEN = _compile(r"(?:向|为|给)[^，,。；;：:\d、]{0,10}$")
_COUNTED_RECEIVERS = _compile(r"[\u4e00-\u9fff]{0,4}?(?:区县|县区|县市|县|旗|村|乡镇|地区|地州|市州)"
                              r"[\u4e00-\u9fff]{0,3}?(?:" + g.GIVING_VERB + ")")
_TRAINED_DETAIL = [(n, _compile(p), 0) for n, p in lx.TRAINED_DETAIL]
_EMPLOYMENT_DETAIL = [(n, _compile(p), 0) for n, p in lx.EMPLOYMENT_DETAIL]


def _clause_start(text: str, sent: Span, pos: int) -> int:
    return max(sent.start, max(text.rfind(c, sent.start, pos) for c in CLAUSE_END) + 1)


def _destination_side(s: Sentence, going: re.Match) -> str:
    """The side of the place staff go to (到乙县挂职, 赴沪跟岗, 到东部帮扶城区学校): a named place,
    a back reference or generic receiver, the giver's short name, or the giver's side unnamed."""
    text, lo, hi = s.text, going.start(2), going.end(2)
    side = s.side_in(lo, hi)
    if not side and _BACK_OR_GENERIC.fullmatch(text, lo, hi):
        side = "recipient"
    if not side and s.donor_short and _rx.search(s.donor_short, text[lo:hi]):
        side = "donor"
    if not side and (_rx.search(lx.GENERIC_DONOR_AREA, text[lo:hi]) or _rx.match(lx.GENERIC_DONOR_AREA, text, lo)):
        side = "donor"        # 到东部帮扶城区学校跟岗: the giver's side, unnamed
    return side


def staff_direction(s: Sentence, fig: Figure) -> str:
    """Where the staff go decides (到乙县挂职 → sent), else who sends them."""
    text, sent = s.text, s.span
    going = _GOING.search(text, fig.end, min(sent.end, fig.end + 40))
    if going and not _rx.search(r"[，,。；;]", text[fig.end:going.start()]):
        side = _destination_side(s, going)
        if side:
            return "sent" if side == "recipient" else "received"
    clause_start = _clause_start(text, sent, fig.start)
    # 在乙县开展帮扶的甲区干部有N名: where they serve, said before them in a relative clause
    before = None
    for before in _GOING.finditer(text, clause_start, fig.start):
        pass
    # (or right before the count: 党政干部到乙县挂职N人, 赴甲市挂职锻炼N名)
    if before is not None and (_rx.match(r"[\u4e00-\u9fff]{0,2}的", text, before.end()) or
                               _rx.fullmatch(r"(锻炼|学习|交流|工作)?[\s共计达有]{0,3}", text, before.end(), fig.start)):
        side = _destination_side(s, before)
        if side:
            return "sent" if side == "recipient" else "received"
    verb = None
    for m in _SENDING.finditer(text, clause_start, fig.start):
        verb = m
    if verb is not None:
        subject = text[clause_start:verb.start()]
        if not _rx.search(r"(向|为|到|赴|在|给|对)", subject):
            side = s.side_in(clause_start, verb.start())
            if side:
                return "received" if side == "recipient" else "sent"
    # who receives the staff: a receiving area taking in the giver's staff (乙县接收的甲市人才N名,
    # 三县接收…) has them sent; the giver taking in the area's staff has them received
    host = None
    for host in _HOSTING.finditer(text, clause_start, fig.start):
        pass
    if host is not None:
        subject = text[clause_start:host.start()]
        if not _rx.search(r"(向|为|到|赴|在|给|对)", subject):
            side = s.side_in(clause_start, host.start()) or (
                "recipient" if _BACK_OR_GENERIC.search(subject) else "")
            if side:
                return "sent" if side == "recipient" else "received"
    return ""


_STUDY_TRIP = _compile(r"(到|赴|来|去|前往)([^，,。；;：:\d]{1,12}?)(学习考察|考察学习|观摩学习|参观学习|学习交流|交流学习|学习|进修|研修)")
_NOT_STUDY = _compile(r"挂职|跟岗|开展|支教|支医|工作|帮扶|服务")


def _study_trip(s: Sentence, fig: Figure):
    """People going to the giver's side to study (组织N名带头人赴甲市学习考察): trained, as the
    conventions have it, where a visit anywhere else (赴乙县考察) is no figure."""
    m = _STUDY_TRIP.search(s.text, fig.end, min(s.span.end, fig.end + 30))
    if m is None or _rx.search(r"[，,。；;]", s.text[fig.end:m.start()]) or _NOT_STUDY.search(m.group(2)):
        return None
    return m if _destination_side(s, m) == "donor" else None


def _mixed_staff(text: str, fig: Figure, noun: tuple[int, int], clause_start: int) -> bool:
    """Is the count of staff of both kinds (干部人才N名)? A heading of both kinds before the count's
    own noun of one kind (援派干部人才中有党政干部N名) leaves the count to that noun."""
    lo, hi = max(clause_start, fig.start - 30), max(noun[1] + 4, fig.end + 8)
    for m in _rx.finditer(lx.MIXED_STAFF, text, lo, hi):
        if m.end() <= noun[0] and noun[1] <= fig.start and not _rx.search(lx.MIXED_STAFF, text, noun[0], noun[1] + 4):
            continue           # a heading over the noun that counts, said between them
        return True
    return False


def staff_indicator(s: Sentence, fig: Figure) -> tuple[str, str]:
    """cadres/professionals × sent/received for a figure governed by a staff noun."""
    text, sent, fig_spans = s.text, s.span, s.fig_spans
    who = nearest(text, fig, sent, _STAFF_NOUNS, fig_spans, max_d=40)
    # the noun counted right after the classifier decides (N名专技人才), before one nearby
    own = _rx.match(r"[\u4e00-\u9fff]{0,4}?(" + lx.PROFESSIONAL_NOUNS + "|" + lx.CADRE_NOUNS + ")", text, fig.end, sent.end)
    if own:
        kind = "professionals" if _rx.match(lx.PROFESSIONAL_NOUNS, own.group(1)) else "cadres"
        who = (0, 0, 0, kind, (own.start(1), own.end(1)))
    kind = who[3] if who else "cadres"
    listed = _rx.match(r"[^，,。；;\d]{0,12}", text[fig.end:sent.end]).group(0)
    joined = _rx.search(r"、|和|及|与", listed)
    if joined and _rx.search(lx.CADRE_NOUNS, listed) and _rx.search(lx.PROFESSIONAL_NOUNS, listed) \
            and not _rx.search(lx.PROFESSIONAL_NOUNS, listed[:joined.start()]):
        return "", "mixes cadres and professionals"
    clause_start = _clause_start(text, sent, fig.start)
    if who and _mixed_staff(text, fig, who[4], clause_start):
        return "", "mixes cadres and professionals (干部人才)"
    if _rx.search(lx.TAUGHT_BEFORE, text, clause_start, fig.start):
        return "trained", _nearest_detail(s, fig, _TRAINED_DETAIL)
    direction = staff_direction(s, fig)
    if not direction:
        way = nearest(text, fig, sent, _STAFF_VERBS, fig_spans, max_d=60, right_penalty=8)
        direction = way[3] if way else "sent"
    clause_end = min([e for e in (text.find(c, fig.end, sent.end) for c in CLAUSE_END) if e >= 0] + [sent.end])
    if direction == "received" and _rx.search(lx.STUDY_AFTER, text[fig.end:clause_end]) and \
            not _rx.search(lx.HOSTED_AFTER, text[fig.end:clause_end]):
        return "trained", _nearest_detail(s, fig, _TRAINED_DETAIL)
    detail = ""
    if kind == "professionals" and who:
        noun = text[who[4][0]:who[4][1]]
        detail = next((name for name, p in lx.STAFF_DETAIL if _rx.search(p, noun)), "")
    return f"{kind}_{direction}", detail


def _nearest_detail(s: Sentence, fig: Figure, table) -> str:
    best = nearest(s.text, fig, s.span, table, s.fig_spans, max_d=40)
    return best[3] if best else ""


def level_growth(text: str, fig: Figure, sent: Span) -> str:
    """Where a figure stands in a level that grew (grammar.LEVEL_GROWTH): 'reached', 'dated_origin'
    (a figure of its own year), 'origin' (the earlier level, not a row), or ''."""
    if not may_match(g.LEVEL_GROWTH, sentence_chars(text, sent)):
        return ""           # (the window lies in the sentence)
    for m in _rx.finditer(g.LEVEL_GROWTH, text, max(sent.start, fig.start - 40), min(sent.end, fig.end + 40)):
        if m.start("reached") <= fig.start < m.end("reached"):
            return "reached"
        if m.start("origin") <= fig.start < m.end("origin"):
            dated = _rx.search(g.DATED_ORIGIN, text, m.start("origin"), fig.start)
            return "dated_origin" if dated else "origin"
    return ""


def baseline_part(text: str, fig: Figure, sent: Span) -> str:
    """Why a figure of an increment on a baseline (grammar.BASELINE) is not a row, or ''."""
    if not may_match(g.BASELINE, sentence_chars(text, sent)):
        return ""           # (the window lies in the sentence)
    for m in _rx.finditer(g.BASELINE, text, max(sent.start, fig.start - 40), min(sent.end, fig.end + 30)):
        if m.start("base") <= fig.start < m.end("base"):
            return "the baseline of an increment (在N的基础上新增M)"
        if m.start("incr") <= fig.start < m.end("incr") and _rx.search(r"\d", text, m.start("base"), m.end("base")):
            # the base holds a figure: base and increment make a total stated on its own
            return "an increment on a baseline (在N的基础上新增M)"
    return ""


def classify(s: Sentence, fig: Figure) -> Choice:
    """The indicator a figure states, or a rejection with its reason."""
    text, sent, fig_spans = s.text, s.span, s.fig_spans
    group = group_of(fig.unit)
    growth = level_growth(text, fig, sent)
    if growth == "origin":
        return Choice("", "", "the level before a growth (从A增加到B)", "")
    on_baseline = baseline_part(text, fig, sent)
    if on_baseline:
        return Choice("", "", on_baseline, "")
    if fig.unit == "count" and _rx.match(g.CONTAINERS_OF_COUNT, text, fig.end):
        return Choice("", "", "counts where the counted units are (N个市的M个县)", "")
    # the words of the growth itself say nothing of what is counted: the subject's noun does
    best = nearest(text, fig, sent, cues(group), fig_spans,
                   exclude=("reject:change", "reject:stock") if growth else ())
    if best is not None and best[3] == "pairings" and group == "people" and (
            fig.unit != "household" or best[4][0] < fig.end):
        # only households named before 结对 are twinned (与乙县N户贫困户结对)
        best = nearest(text, fig, sent, cues(group), fig_spans, exclude=("pairings+",))
    if best is not None and best[3] == "reject:change" and best[4][1] <= fig.start and \
            _rx.search(r"其中", text, best[4][1], fig.start):
        # 较上年增加N万元,其中甲县M万元: the part is of the total before, not of the change
        best = nearest(text, fig, sent, cues(group), fig_spans, exclude=("reject:change",))
    if group == "people" and (best is None or best[3] == "reject:visits"):
        trip = _study_trip(s, fig)
        if trip is not None:
            return Choice("trained", _nearest_detail(s, fig, _TRAINED_DETAIL) or "", f"cue {trip.group(0)}",
                          "trained", trip.start(), trip.end())
    if best is None:
        return Choice("", "", "no indicator cue near the figure", "")
    name, (ms, me) = best[3], best[4]
    if name == "enterprises" and _rx.match(r"[\u4e00-\u9fff]{0,2}?项目", text, fig.end):
        # N个项目: the noun the figure counts decides over an enterprise cue around it
        name, ms, me = "projects", fig.end, text.index("项目", fig.end) + 2
    cue = text[ms:me]
    if name.startswith("reject:"):
        # labour not said to be poor still heads a total whose poor part (其中脱贫人口N人) is a row
        candidate = ""
        if name == "reject:non_poor":
            candidate = "employment" if _rx.search(r"(就业|务工)", text, ms, min(sent.end, me + 12)) else ""
        return Choice("", "", f"{name[7:]} ({cue})", candidate, ms, me)
    indicator, _, detail = name.partition(":")
    if indicator == "poor_beneficiaries" and fig.unit == "person" and \
            _rx.search(r"(带动|帮助|吸纳|促进|实现)[^，,。；;\d]{0,4}$", text[_clause_start(text, sent, fig.start):fig.start]) and \
            _rx.match(r"[^，,。；;\d]{0,12}?(就业|务工|上岗)", text, fig.end, sent.end):
        indicator, detail = "employment", ""      # 带动N名脱贫人口…就业: jobs of the poor counted
    if fig.unit == "count" and _RECEIVER_OPEN.search(text, max(sent.start, fig.start - 12), fig.start) \
            and _COUNTED_RECEIVERS.match(text, fig.end):
        # 向乙市N个结对区县拨付…: the count describes who gets the transfer; it is not a figure given
        return Choice("", "", f"counts the receivers of a transfer ({cue})", "", ms, me)
    clause = s.lay.clause(fig.start)
    clause = Span(max(clause.start, sent.start), min(clause.end, sent.end))
    clause_text = text[clause.start:clause.end]
    if indicator == "social_aid" and _rx.search(r"政府[^，,。；;]{0,12}$", text[clause.start:ms]):
        indicator, detail = "fiscal_aid", ""          # a government donating: public money
    if indicator == "staff":
        cue_clause = _clause_start(text, sent, ms)
        hosted = _rx.search(lx.HOSTED_STAFF, text[cue_clause:fig.start]) or \
            _rx.search(r"(赴|来|到)[\u4e00-\u9fff]{0,4}挂职", text[fig.end:clause.end])
        going = _rx.search(r"(赴|来|到|进|参加)([\u4e00-\u9fff]{0,6})(培训|跟岗培训|学习培训)|参加[^，,。；;]{0,20}?(培训|研修|进修)",
                           text, fig.end, clause.end)
        if going and going.group(2) and _rx.search(lx.DELIVERING_VERBS, going.group(2)) and \
                _destination_side(s, going) != "donor":
            going = None        # 赴乙县开展技能培训: the staff go to give the training, not to take it
        if _rx.search(r"(培训|参训|受训)[^，,。；;：:]*$", text[cue_clause:ms]) or (not hosted and going):
            indicator = "trained"
        else:
            indicator, detail = staff_indicator(s, fig)
            if not indicator:
                return Choice("", "", detail, "", ms, me)
    if indicator == "trained":
        detail = _nearest_detail(s, fig, _TRAINED_DETAIL) or ""
    elif indicator == "employment":
        lo = max([e for a, e in fig_spans if e <= fig.start] + [clause.start])
        comma = text.find("、", fig.end, clause.end)
        hi = min([a for a, e in fig_spans if a >= fig.end] + [clause.end] + ([comma] if comma >= 0 else []))
        local = {n for n, p in lx.EMPLOYMENT_DETAIL if _rx.search(p, text[lo:hi])}
        if s.donor_short and _rx.search(rf"(赴|到|来|去)({s.donor_short})[^，,。；;]{{0,4}}(就业|务工)", text[lo:hi]):
            local = (local - {"elsewhere"}) | {"to_donor"}
        if len(local) == 1:
            detail = local.pop()
        elif local:
            detail = "total"
        elif _rx.search(r"其中", text[fig.end:sent.end]):
            detail = "total"
        else:
            detail = _nearest_detail(s, fig, _EMPLOYMENT_DETAIL) or "total"
    elif indicator in ("projects", "enterprises") and fig.classifier != "家" and _PLACES_COUNTED.match(text, fig.end):
        # (N家 counts firms or bodies, never places: 引进企业9家落户乙县)
        return Choice("", "", f"counts places ({cue})", "", ms, me)
    elif indicator == "projects":
        if _rx.match(r"[\u4e00-\u9fff]{0,4}(企业|公司)", text[fig.end:fig.end + 6]):
            return Choice("", "", f"enterprises not said to invest or land ({cue})", "", ms, me)
        if not text.startswith("项目", fig.end) and \
                _rx.match(r"[\u4e00-\u9fff]{0,3}(村|乡|镇|县|户|学校|医院|基地)", text[fig.end:fig.end + 5]):
            return Choice("", "", f"counts places, not projects ({cue})", "", ms, me)
        ctx = text[max(sent.start, fig.start - 10):fig.start]
        detail = next((n for n, p in lx.PROJECT_DETAIL if _rx.search(p, ctx)), "")
    elif indicator == "pairings" and _COUNTED_GIVERS.match(text, fig.end):
        # 甲省9个设区市累计向乙区投入…: the count is of the givers of a transfer, not of twinnings
        return Choice("", "", f"counts the givers of a transfer ({cue})", "", ms, me)
    elif indicator == "pairings":
        noun = _rx.match(r"[\u4e00-\u9fff()（）]{0,6}", text[fig.end:sent.end]).group(0)
        # (up to four words before the party's noun: 深度贫困村, 经济薄弱村)
        detail = next((n for n, p in lx.PAIRING_DETAIL if _rx.match(r"[\u4e00-\u9fff]{0,4}?" + p, noun)), "")
        if not detail:
            before = text[max(sent.start, fig.start - 8):fig.start]
            detail = next((n for n, p in lx.PAIRING_DETAIL
                           if _rx.search(p + r"(结对|之间结对|之间)?\s*$", before)), "")
            # no party named: still a count of twinning when the cue governs it (甲甲结对N个, a
            # list …结对子), or it counts pairs (N对)
            if not detail and not fig.classifier.endswith("对") and not _rx.search(r"对子\s*$", before) \
                    and (ms < fig.end and not _rx.search(r"(([\u4e00-\u9fff])\2|[县乡镇村企校医]{2}|组织)结对\s*$", before)
                         or _rx.match(r"[^，,。；;]{0,2}结对(县|村|乡镇|地区|市|省|州)", text, fig.end)):
                return Choice("", "", f"counts no twinned party ({cue})", "", ms, me)
        if detail == "counties":
            if "与" in text[clause.start:fig.start]:
                detail = "recipient_counties"
            elif "与" in text[fig.end:clause.end]:
                detail = "donor_counties"
        return Choice(indicator, detail, f"cue {cue}", indicator, ms, me)
    if indicator == "poor_beneficiaries" and not _rx.search(
            lx.POVERTY_WORDS, text[max(sent.start, clause.start - 40):clause.end]):
        return Choice("", "", f"beneficiaries not said to be poor ({cue})", "", ms, me)
    if indicator == "employment" and not _rx.search(lx.POVERTY_WORDS, clause_text) and \
            _rx.search(lx.NON_POOR_LABOUR, clause_text):
        return Choice("", "", f"labour not said to be poor ({cue})", indicator, ms, me)
    if indicator == "employment" and not _rx.search(lx.POVERTY_WORDS, text[sent.start:clause.end]) and (
            _rx.match(r"[，,]\s*" + lx.POOR_PART, text[clause.end - 1:sent.end])):
        return Choice("", "", f"labour not said to be poor ({cue})", indicator, ms, me)
    if indicator == "employment" and not _rx.search(lx.POVERTY_WORDS, text, sent.start, sent.end) and \
            _rx.search(lx.JOBS_CREATED, clause_text):
        return Choice("", "", f"jobs created, not said to be for the poor ({cue})", "", ms, me)
    if fig.unit not in INDICATOR_BY_NAME[indicator].units:
        return Choice("", "", f"unit {fig.unit} does not fit {indicator} ({cue})", "", ms, me)
    return Choice(indicator, detail, f"cue {cue}", indicator, ms, me)


# words after which a phrase may start (a cut there never lands inside a name or a word)
_WORD_BREAK = _compile(r"(的|在|向|为|和|与|将|对|共|已|并|从|把|给|及|等|了|是|由|于|按|被|以)")


def evidence_span(text: str, fig: Figure, sent: Span, names=()) -> tuple[int, int]:
    """The figure with the words that govern it: back to the start of its phrase (at most 20
    characters, never inside a bracket or a name) and on to the noun it counts. ``names``:
    (start, end) of the places and bodies named before it, which a start never cuts."""
    c = piece_at(text, sent.start, sent.end, fig.start, CLAUSE_END + "、") if fig.start in sent else sent
    start, end = max(c.start, fig.start - 20), fig.end
    if start > c.start:
        # cut inside the phrase: move forward to the next word break or name start (a cut
        # that would split a name or a company starts after it instead)
        inside = [(a, b) for a, b in names if a < start < b]
        if inside:
            start = inside[0][1]
        else:
            brk = _WORD_BREAK.search(text, start, min(fig.start, start + 10))
            name_start = min([a for a, _ in names if start <= a < fig.start], default=None)
            options = [p for p in ((brk.end() if brk else None), name_start) if p is not None]
            if options:
                start = min(options)
    tail = _rx.match(r"[^，,。；;：:、()（）]{0,12}", text[fig.end:c.end]).group(0)
    if not _rx.search(r"\d", tail):
        end = fig.end + len(tail)
    # a bracket opened before the start and closed inside the span: start after it
    close = max(text.rfind(")", start, fig.start), text.rfind("）", start, fig.start))
    opened = max(text.rfind("(", start, close), text.rfind("（", start, close)) if close >= 0 else -1
    if close >= 0 and opened < 0:
        start = close + 1
    while start < end and (text[start].isspace() or text[start] in "，,。；;：:、)）"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "，,。；;：:、(（"):
        end -= 1
    return start, end
