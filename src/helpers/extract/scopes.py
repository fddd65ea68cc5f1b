"""Status, period and year as scopes.

A cue opens a scope and the sentence closes it:

* status: a plan word (将 + verb, 计划, 拟, 力争, 确保, 争取, 目标, 下一步, 明年, 不少于 …, see
  ``grammar.TARGET_CUES``) makes every later figure of its sentence a target — the 带动…
  beneficiaries of a plan too. The scope closes early only at a done-marker standing between
  the cue and the figure (已, 已经, 实现了, 完成了 …); a bare 完成 governed by the plan word does
  not close it. 预计 opens an ``expected`` scope. A cue at the head of a sentence cut by ；
  covers every piece. A figure for a year after the report's own year is a target; so is every
  figure of a section or page that sets out a plan. An amount set against what has arrived
  (统筹X,已到位Y) is the target of which Y is the actual part.
* period: 累计, 以来, N年来, 十三五 … open a cumulative scope over the sentence (or the paragraph,
  when they open it); 今年以来, 截至目前, 1-6月 mark the year so far (annual).
* year: the year stated in the clause or sentence before the figure; else the nearest stated
  year earlier in its paragraph or section; else the report's own year. A cumulative figure
  takes the end year of its span (2017至2019 → 2019; 十三五 → 2020; else the report's year).

Each function returns the value with a short reason saying which rule gave it.
"""
from __future__ import annotations

import re

from .. import lexicon as lx
from . import grammar as g
from .layout import CLAUSE_END, Layout, Span
from .rx import compile as _compile, memo as _memo, rx as _rx

_TARGET = [(name, _compile(p)) for name, p, _ in g.TARGET_CUES]
# any of the cues: most ranges hold none, found in one search
_ANY_TARGET = _compile("|".join(f"(?:{p})" for _, p, _ in g.TARGET_CUES))
_DONE = _compile(g.DONE_MARKERS)
_DONE_OUTRIGHT = _compile(g.DONE_OUTRIGHT)
_EXPECTED = _compile(g.EXPECTED_CUES)
# 将 meaning 把 (将资金用于…), 计划内/计划的 (a past plan named), 争取到 (secured)
_NOT_TARGET_AFTER = {
    # 将 + a noun phrase + a verb of disposal: 把 (将N万元资金划拨到…, 将N%的资金投入到…)
    "will": _compile(r"^[^，,。；;]{0,40}?(用于|投向|投放|全部|作为|列入|纳入|分配|划拨|拨付到|拨到|下达到|投入到|转入|安排到|落实到|集中)"),
    "plan": _compile(r"^(内|外|的|之内|完成率|总投资)"),
}
_YEAR_RE = _compile(r"(20[0-4]\d|19[89]\d)\s*年(?!代)")
_SINCE_RE = _compile(r"^\s*年?(\d{1,2}月(份)?)?(以来|至今|来|起|—|-|–|~|到|至)")
_PLAN_HEADINGS = _compile(lx.PLAN_HEADINGS)
_PLAN_TITLE = _compile(lx.PLAN_TITLE)
_REPORT_TITLE = _compile(lx.REPORT_TITLE)
_GOAL_AFTER = _compile(r"的?(?:年度|全年)?(?:目标任务|目标|任务)(?![村县户乡镇]|[\u4e00-\u9fff]{0,2}(?:资金|项目|单位|率))")
_GOAL_COLON = _compile(r"(目标|计划|任务|目标任务|工作目标|工作计划|工作打算)\s*[:：]")
# 计划 before a noun (计划援助资金, 计划项目) names a planned amount; it governs that phrase only
_PLAN_NOUN = _compile(r"(援助|帮扶|扶贫|财政|协作|援建|援疆|援藏|援青)?(资金|项目|任务|金额|指标|投资)")
# projects only set for the year (初步安排, 确定实施, 筛选, 储备): not yet carried out
_PROJECTS_SET = _compile(r"(初步安排|确定|筛选|储备|入库)")
_DATED = _compile(r"\s*年\s*\d{1,2}\s*月")
_ALL_UNDER_WAY = _compile(r"(?:已|均已|已经)?全部(?:开工|完工|建成|实施|竣工|落地|投用|完成)")
_THIS_YEAR_WORD = _compile(r"今年|本年(?!度?以前)")
_ARRIVED = _compile(r"(已经|已)?(到位|拨付到位|下达|拨付)")
# a goal named as the base of a rate (是年度目标任务N万元的M%): the cue governs that phrase only
_RATE_OF = _compile(r"[\d.]+\s*[万亿]?[元人个名户家项]的\s*[\d.]+\s*[%％倍]")
_FIVE_YEAR = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025}


def full_sentence(lay: Layout, pos: int) -> Span:
    """The sentence up to 。！？ or a line break (its ；-pieces together)."""
    return lay.full_sentence(pos)


_SIGNED_PROJECTS = _compile(r"(?:签订|签约|签署)了?[^，,。；;\d]{0,12}项目")


def _in_quoted_name(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies inside a short quoted name (“…”) that closes soon after it."""
    before = text[max(0, start - 10):start]
    open_at = before.rfind("“")
    return open_at >= 0 and "”" not in before[open_at:] and "”" in text[end:end + 6]


def _target_cues(text: str, lo: int, hi: int) -> list:
    """Plan cues in text[lo:hi] that are plan words here, as (name, match), last first."""
    if not _ANY_TARGET.search(text, lo, hi):
        return []
    found = []
    for name, p in _TARGET:
        for m in p.finditer(text, lo, hi):
            after = text[m.end():m.end() + 40]
            if name in _NOT_TARGET_AFTER and _NOT_TARGET_AFTER[name].match(after):
                continue
            if _in_quoted_name(text, m.start(), m.end()):
                continue            # “国培计划”, “目标村”: a name in quotes, not a plan
            if name == "agreement" and not _SIGNED_PROJECTS.match(text, m.start(), min(hi, m.end() + 16)):
                continue            # agreements make contracts targets through the indicator,
                                    # projects signed (签订…项目N个) through their scope
            found.append((name, m))
    return sorted(found, key=lambda c: -c[1].start())


def _closed_by(text: str, cue, fig, new_subject) -> bool:
    """A plan word's scope also closes at a bracket it stands in (…(计划N万元)…) and at a clause
    that opens with a new subject (为…,确保…,甲市拨付…: the purpose clause's 确保 does not
    govern the main clause)."""
    before = text[:cue.start()]
    if before.rfind("(") > before.rfind(")") or before.rfind("（") > before.rfind("）"):
        between = text[cue.end():fig.start]
        if ")" in between or "）" in between:
            return True
    return new_subject is not None and cue.end() < new_subject < fig.start


def _goal_closed(text: str, cue_end: int, fig_start: int) -> bool:
    """Whether a done-marker between a goal cue and the figure ends the goal's scope: an outright
    one anywhere (已, 实际完成), another (到位, 完成了) only past a clause end after the cue."""
    if _DONE_OUTRIGHT.search(text, cue_end, fig_start):
        return True
    brk = _rx.search(r"[，,；;]", text, cue_end, fig_start)
    return brk is not None and _DONE.search(text, brk.end(), fig_start) is not None


def status(lay: Layout, fig, sent: Span, indicator: str, detail: str, *, doc_year: int | None,
           fig_year: int | None, year_stated: bool, in_plan: bool, prev: tuple[str, int] | None,
           next_figs=(), new_subject: int | None = None) -> tuple[str, str]:
    """(status, reason) of one figure. ``new_subject``: where the figure's own clause subject
    (a giver) starts, if it has one."""
    text = lay.text
    if indicator == "consumption_aid" and detail == "contract":
        return "target", "contract"
    if indicator in ("social_aid", "fiscal_aid", "investment") and \
            _rx.match(r"的?[^，,。；;\d]{0,8}(协议|合同)", text, fig.end):
        return "target", "agreement"
    if _GOAL_AFTER.match(text, fig.end):
        return "target", "goal_named"        # 完成N人的年度任务, 年初确定的N万元目标: the goal's figure
    whole = full_sentence(lay, fig.start)
    # the scope of a cue: from the start of the 。-sentence when the cue heads it, else the ；-piece
    for lo, how in ((sent.start, "sentence"), (whole.start, "head")):
        if how == "head" and lo == sent.start and not _rx.search(r"[；;]", text, lo, fig.start):
            break       # the same cues as the first pass, none after a ；: the same answer
        e = _EXPECTED.search(text, lo, fig.start)
        if e and not _DONE.search(text, e.end(), fig.start) and not (
                how == "head" and _rx.search(r"[；;]", text[whole.start:e.start()])):
            return "expected", f"scope:{e.group(0)}"
        for name, m in _target_cues(text, lo, fig.start):
            if how == "head" and _rx.search(r"[；;]", text[whole.start:m.start()]):
                continue                        # the cue sits in an earlier piece of its own
            if name == "minimum" and _rx.search(r"\d", text, m.end(), fig.start):
                continue                        # 按每人不少于N元的标准…M万元: the minimum is the standard's
            if how == "head" and _DONE.search(text, whole.start, m.start()):
                continue                        # a piece reporting what was done (已…) names a plan in passing: its scope ends with the piece
            if name == "plan" and _PLAN_NOUN.match(text, m.end()) and (
                    _rx.search(r"[，,、]", text[m.end():fig.start]) or
                    _rx.search(r"(投入|完成|实施|落实|拨付|到位|共|累计)\s*$", text[max(0, m.start() - 4):m.start()])):
                continue                        # 计划资金N万元 / 投入规划资金N万元: a noun phrase
            closed = _goal_closed(text, m.end(), fig.start) or _closed_by(text, m, fig, new_subject) or \
                _RATE_OF.search(text, m.end(), fig.start) is not None
            if not closed:
                return "target", f"scope:{m.group(0)}"
            break
    if _rx.search(g.AGREEMENT_CONTENT, text, whole.start, fig.start) and not _DONE.search(text, lay.clause_start(fig.start), fig.start):
        return "target", "scope:agreement_content"
    if indicator in ("projects", "fiscal_aid") and _PROJECTS_SET.search(text, lay.clause_start(fig.start), fig.start) and \
            not _ALL_UNDER_WAY.search(text, fig.end, whole.end):
        return "target", "scope:projects_set"     # (年初确定项目N个,现已全部开工: carried out)
    if fig.text.startswith(("不少于", "不低于")):
        return "target", "scope:不少于"
    if year_stated and doc_year and fig_year and fig_year > doc_year and \
            not _rx.search(r"已经|已(?!有)", text, lay.clause_start(fig.start), fig.start):
        return "target", "year_after_report"      # (已下达下一年度的资金: given ahead, done)
    # 统筹X万元,已到位Y万元: X is what was set, Y what has arrived
    for f in next_figs:
        if f.unit == fig.unit and f.start > fig.end and f.value < fig.value and \
                _ARRIVED.search(text, max(fig.end, f.start - 12), f.start) and \
                _rx.search(r"已", text[fig.end:f.start]):
            return "target", "set_against_arrived"
    if prev is not None and _rx.match(r"\s*其中", text[lay.clause_start(fig.start):fig.start]):
        return prev[0], "part_of_previous"
    # 工作目标: / 计划: opens a list of targets that runs to the end of its paragraph, until a
    # sentence says what was done (截至…, 已…)
    line = lay.line(fig.start)
    colon = _GOAL_COLON.search(text, line.start, fig.start)
    if colon and not _DONE.search(text, colon.end(), fig.start) and \
            not _rx.search(r"截[至止]", text, colon.end(), fig.start):
        return "target", f"scope:{colon.group(0)}"
    if in_plan and not _DONE.search(text, sent.start, fig.start):
        return "target", "plan_section"
    return "actual", "default"


_TOP_PART = _compile(r"[#\s\*]*[一二三四五六七八九十]+、")
_REVIEW_HEADING = _compile(r"(回顾|总结|完成情况|工作情况|进展情况|主要成效|取得成效|工作成效)")


def plan_spans(lay: Layout, title: str) -> list[Span]:
    """Parts of the text that set out a plan: a page whose title announces one (…工作要点), a
    top-level part (一、二、…) whose opening says it sets out this year's plan (…年实施方案,
    下一步, 今后), and sections under a heading such as 下一步/明年工作打算."""
    text = lay.text
    tops = [ln.start for ln in lay.lines.spans if _TOP_PART.match(text, ln.start, ln.end)] + [len(text)]
    if _PLAN_TITLE.search(title or "") and not _REPORT_TITLE.search(title or ""):
        # a plan page (…工作要点) but for a top-level part looking back (一、上年工作回顾)
        out, at = [], 0
        for a, b in zip(tops, tops[1:]):
            head_end = text.find("\n", a, b)
            if _REVIEW_HEADING.search(text, a, b if head_end < 0 else head_end):
                out.append(Span(at, a))
                at = b
        out.append(Span(at, len(text)))
        return [sp for sp in out if sp.end > sp.start]
    out = []
    for a, b in zip(tops, tops[1:]):
        # the part's opening: its heading and the first sentence under it (a plan word deeper in
        # a part that reports the year, 明年力争…, scopes its own sentence only)
        head_end = text.find("\n", a, b)
        opening_end = b if head_end < 0 else lay.sentence(min(head_end + 1, b - 1)).end
        if _rx.search(lx.PLAN_SECTION, text[a:min(b, opening_end, a + 300)]):
            out.append(Span(a, b))
    heads = [ln for ln in lay.lines.spans if _is_heading(text[ln.start:ln.end])]
    contents = _contents_entries(lay, heads)
    for i, ln in enumerate(heads):
        line = heading_text(text[ln.start:ln.end])
        if (_rx.search(lx.PLAN_SECTION, line) or _PLAN_HEADINGS.search(line)) and \
                not _rx.search(r"(情况|成效|进展|完成|成果|回顾|总结|推进)", line):
            # 重点工作推进情况 reports the year's work; 重点工作 alone, 下一步, 明年 … plan it; a
            # heading of both (成效和下一步安排) reports as well, its plans said by their own cues
            if ln.start in contents:
                # an entry of the page's table of contents: the plan is the part its title opens
                # later, up to the title of the next entry
                at = contents[ln.start]
                end = min((b for b in contents.values() if b > at), default=len(text))
                out.append(Span(at, end))
                continue
            end = next((h.start for h in heads[i + 1:] if _same_rank(text, h, ln)), len(text))
            out.append(Span(ln.start, end))
    return out


def _contents_entries(lay: Layout, heads: list[Span]) -> dict[int, int]:
    """Headings that are entries of a table of contents: a numbered line (3. 甲工作) whose words
    stand again later as a line of their own (the title of that part). Entry start → the start of
    the line that repeats it."""
    text = lay.text
    out = {}
    for ln in heads:
        line = text[ln.start:ln.end]
        m = _HEADING.match(line)          # (^ does not anchor at a start position: match a slice)
        name = line[m.end():].strip() if m else ""
        if len(name) < 4:
            continue
        for later in lay.lines.spans:
            if later.start > ln.end and text[later.start:later.end].strip() == name:
                out[ln.start] = later.start
                break
    return out


_HEADING = _compile(r"^\s*(#+|【[^】]{1,20}】|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[、.．](?!\d))")


def heading_text(line: str) -> str:
    """The heading part of a line: the bracketed words of 【…】, else up to the first clause end."""
    m = _rx.match(r"\s*【([^】]{1,20})】", line)
    if m:
        return m.group(1)
    return _rx.match(r"[^，,。；;：:]{0,40}", line).group(0)


def _is_heading(line: str) -> bool:
    return bool(_HEADING.match(line))


def _same_rank(text: str, a: Span, b: Span) -> bool:
    def rank(s):
        m = _HEADING.match(text[s.start:s.end])
        t = m.group(1) if m else ""
        return "cn" if re.match(r"[一二三四五六七八九十]+、", t) else "paren" if t[:1] in "(（" else "other"
    return rank(a) == rank(b)


# ------------------------------------------------------------------ years and periods

def stated_years(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """(position, year) of years stated as a point in time, not as the start of a span."""
    memo = _memo.of(text)
    k = ("years", start, end)
    if k not in memo:
        memo[k] = _stated_years(text, start, end)
    return memo[k]


def _stated_years(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    out = []
    for m in _YEAR_RE.finditer(text, start, end):
        if _SINCE_RE.match(text[m.end(1):m.end(1) + 8]) or _rx.match(r"[—\-–~至到]", text[m.end():m.end() + 1]):
            continue
        before = text[max(start, m.start() - 40):m.start()]
        if before.rfind("《") > before.rfind("》"):
            continue                      # the name of a plan
        if _BASELINE_BEFORE.search(text, max(start, m.start() - 2), m.start()) and \
                (text[m.start() - 1] in "比较" or _CHANGE_TO.match(text[m.end():m.end() + 30])):
            continue                      # a comparison's base (由2017年底的…降至…, 比2019年增长…)
        if text[max(0, m.start() - 1):m.start()] == "自" or \
                _rx.match(r"(\d{1,2}月(份)?)?[^，,。；;：:\n\d]{0,20}(以来|开始|起步|启动)", text[m.end():m.end() + 26]):
            continue
        out.append((m.start(), int(m.group(1))))
    return tuple(out)


# a year that is the base of a comparison: 比/较 before it, or 由/从 before it and a verb of
# change with its end point (降至, 提高到) later in the clause
_BASELINE_BEFORE = _compile(r"(?:由|从|比|较)\s*$")
_CHANGE_TO = _compile(r"[^，,。；;]{0,24}?(?:下降|降低|减少|上升|提高|提升|增加|增长|扩大|缩小|降|减|增|升)(?:至|到|为)")
# a list of years whose figures follow 分别 in the same order, and the amounts before a figure
_YEARS_RESPECTIVELY = _compile(r"(?:(?:19|20)\d\d\s*年度?[、和及与至]\s*)+(?:19|20)\d\d\s*年度?[^，,。；;\d]{0,4}分别[^，,。；;\d]{0,8}(?=[\d〇一二三四五六七八九十两])")
_AMOUNT_BEFORE = _compile(r"\d+(?:\.\d+)?\s*(?:万|亿)*(?:元|人次|人|名|个|家|户|批|期|所|座)(?=[、和及与，,])")
_CUMULATIVE = _compile(g.CUMULATIVE_CUES)
_TO_DATE = _compile(g.YEAR_TO_DATE)
_SPAN = _compile(r"((?:19|20)\d\d)\s*年?\s*[至到—\-–~]\s*((?:19|20)\d\d)")
_UNTIL = _compile(r"截[至止](?:到)?((?:19|20)\d\d)\s*年")
_CUMULATIVE_AFTER = _compile(r"[^，,。；;：:]{0,24}?(累计)[^，,。；;：:\d]*$")
_OPENS_PARA = _compile(r"^[^，,。；;]{0,30}(" + g.CUMULATIVE_CUES + ")")
_NOW = _compile(r"截[至止](到)?目前")
_TO_DATE_STRONG = _compile(r"今年以来|年初以来|本年度|截至\d{1,2}月|\d{1,2}[-—至到]\d{1,2}月|上半年|前[三四五六七八九十]季度|一季度")
_ONE_YEAR = _compile(r"(?<![比较])(今年|去年|本年|当年|全年)|(?<!自)(?<!从)(19|20)\d\d年(度)?(?!以来|起|至|到|[—\-–~])")


def period_year(lay: Layout, fig, sent: Span, doc_year: int | None, title: str = "",
                section_start: int = 0) -> tuple[str, int | None, str, bool]:
    """(period, year, reason, year stated in the text near the figure)."""
    text = lay.text
    whole = full_sentence(lay, fig.start)
    left = text[sent.start:fig.start]
    head = text[whole.start:fig.start]
    para = lay.line(fig.start)
    para_left = text[para.start:fig.start]
    this_year = rf"({doc_year})\s*年(初)?以来" if doc_year else g.YEAR_TO_DATE
    clause_left = text[lay.clause_start(fig.start):fig.start]
    para_cumulative = _OPENS_PARA.match(para_left) and not stated_years(text, para.start, fig.start)
    if _TO_DATE.search(head) or _rx.search(this_year, head):
        # this year so far; 截至目前 alone is "to now" and follows a span that opens the
        # sentence or paragraph (自2018年…以来,…截至目前,共…)
        weak = _NOW.search(head) and not _TO_DATE_STRONG.search(head) and not _rx.search(this_year, head)
        period = "cumulative" if weak and (para_cumulative or _CUMULATIVE.search(head)) else "annual"
    elif _ONE_YEAR.search(clause_left) and not _rx.search(r"(以来|年来)", clause_left):
        period = "annual"               # 去年累计…, 今年安排…: 累计 inside one year
    elif _CUMULATIVE.search(left) or (_CUMULATIVE.search(head) and not stated_years(text, sent.start, fig.start)):
        period = "cumulative"
    elif _rx.search(r"(19|20)\d\d\s*年[、和及与至到—\-](19|20)\d\d\s*年", left) and not _rx.search(lx.EACH_CUES, left):
        period = "cumulative"
    elif para_cumulative and not _rx.search(r"(今年|本年|全年|年内)", left):
        period = "cumulative"
    elif "累计" in text[fig.end:lay.clause(fig.start).end] and _CUMULATIVE_AFTER.match(
            text[fig.end:lay.clause(fig.start).end].rstrip("，,。；;：:！？!?\n ")):
        period = "cumulative"           # …N个乡镇累计结对: the cue after the numbers of the clause
    else:
        period = "annual"
    clause_start = lay.clause_start(fig.start)
    own = _rx.search(r"(19|20)\d\d\s*年(度)?的?([^，,。；;]*)$", text[clause_start:fig.start])
    if period == "cumulative" and own and not _CUMULATIVE.search(own.group(3)) and \
            stated_years(text, clause_start + own.start(), clause_start + own.start() + 6):
        period = "annual"
    respective = _YEARS_RESPECTIVELY.search(text, whole.start, fig.start + 1)
    if respective:
        # 2018年、2019年分别投入N亿元、M亿元: the k-th amount is the k-th year's
        years = [int(y) for y in _YEAR_RE.findall(respective.group(0))]
        k = len(_AMOUNT_BEFORE.findall(text, respective.end(), fig.start))
        if k < len(years):
            return "annual", years[k], "year:respectively", True
    if _rx.search(r"(今年|本年|年内|当年)", left) and doc_year:
        return period, doc_year, "year:今年", True
    if _rx.search(r"(?<![比较])(去年|上年)(?!同期)", left) and doc_year:
        return period, doc_year - 1, "year:去年", True
    if _rx.search(r"(明年|来年|下一年)", left) and doc_year:
        return period, doc_year + 1, "year:明年", True
    years = stated_years(text, whole.start, fig.start)
    how = "year:sentence"
    if not years:
        years = stated_years(text, para.start, whole.start)
        how = "year:paragraph"
        this = _THIS_YEAR_WORD.search(text, years[-1][0] if years else para.start, whole.start) if doc_year else None
        if this:
            # 今年安排…。年初确定…: the year the paragraph last named, in words
            return period, doc_year, "year:paragraph_今年", True
        if not years and section_start < para.start:
            # (not the dates of events told earlier: 2016年7月,工作队进藏)
            years = tuple((p, y) for p, y in stated_years(text, section_start, para.start)
                          if not _DATED.match(text, p + 4))
            how = "year:section"
        if doc_year:
            years = tuple((p, y) for p, y in years if doc_year - 3 <= y <= doc_year + 1)
    year = years[-1][1] if years else doc_year
    stated = bool(years)
    if not years:
        how = "year:report" if doc_year else "year:none"
    if period == "cumulative":
        span = _SPAN.search(text, whole.start, fig.start)
        until = _UNTIL.search(text, whole.start, fig.start) or _UNTIL.search(text, para.start, fig.start)
        if span:
            return period, int(span.group(2)), "year:span_end", True
        if until:
            return period, int(until.group(1)), "year:until", True
        if not stated_years(text, whole.start, fig.start):
            plan = _rx.search(r"(十[一二三四]五)", para_left) or _rx.search(r"(十[一二三四]五)", title or "")
            if plan:
                end = _FIVE_YEAR[plan.group(1)]
                if doc_year and end > doc_year:
                    return period, doc_year, "year:five_year_plan_to_date", True
                return period, end, "year:five_year_plan", True
            if doc_year:
                return period, max(year or 0, doc_year), "year:report", stated
    return period, year, how, stated
