"""Raw report text → one clean Simplified-Chinese text, with a map back to every raw character.

The clean text is what extraction reads; the offset map is what lets an evidence page show a
figure where it stands in the original. Every step below is therefore written as an *edit* of the
current text (delete a span, or replace a span) so that the map can be carried along: each clean
character remembers the index of the raw character it came from.

Rules, in the order they run (each one is a general rule, never a fix for one document):

1. ``\\r\\n``/``\\r`` → ``\\n``; zero-width characters and BOMs dropped.
2. Width: full-width forms U+FF01–U+FF5E become their ASCII twins (digits, Latin letters *and*
   the punctuation ，：；（）！？％ …), U+3000 becomes a space, U+FF61 ``｡`` becomes ``。``.
   The one punctuation rule is therefore: punctuation that has an ASCII twin is written in ASCII
   (``,`` ``:`` ``;`` ``(`` ``)`` ``!`` ``?`` ``%``), punctuation that exists only in Chinese keeps
   its Chinese form (``。`` ``、`` ``“”`` ``《》`` ``【】`` ``——`` ``…``). Most reports already
   mix the two this way (web pages write ``,`` and ``。``), so this changes the fewest characters.
3. HTML left inside text files: comments and tags dropped (block tags and ``<br>`` become line
   breaks), entities decoded.
4. Inline pinyin glosses that converters insert after characters (``決戰(zhàn)``): parentheses
   holding only Latin letters with at least one tone mark. ``(富坪村)``/``(天津)`` are untouched.
5. OpenCC ``t2s`` (Traditional → Simplified). It maps character for character on these texts;
   if a line ever changes length it is converted character by character to keep the map exact.
6. Markdown: ``**``/``__`` emphasis, ``#`` headings, list bullets, quote marks, table rules,
   ``[text](url)`` links (text kept).
7. Inline watermarks ``(www.example.com)`` and bare URLs.
8. Boilerplate lines (see :func:`line_kind`): web navigation, metadata lines (source, editor,
   publication time — read as metadata by ``helpers.ingest`` before they go), legal/contact
   footers, disclaimers, related-article lists after a "猜你喜欢/推荐阅读" marker, and lines with
   no Chinese character at all. A line is only ever removed by a rule that a report sentence
   cannot meet (short, or a fixed footer phrase, or no Chinese).
9. Spaces: a run of spaces survives (as one space) only between two ASCII letters/digits
   (``2020-11-24 15:11``, ``Post Code``); elsewhere it goes, so ``2018 年`` → ``2018年`` and
   ``5 期`` → ``5期``.
10. Line breaks: blank lines go; a break that cuts a sentence in two (PDF/Word dumps:
    ``为受\\n\\n援县``) is removed when the line before reads as running text (it has a comma
    or is long) and ends mid-word, and the next line starts with a character, not a heading mark.
11. A text that repeats itself (the whole report saved twice) keeps its first copy.

The result: paragraphs separated by single ``\\n``, no blank lines, no trailing newline.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

# --------------------------------------------------------------------------------------------
# Character classes
# --------------------------------------------------------------------------------------------
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{CJK}]")
TONE = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# Gold rule: parentheses holding only Latin letters with at least one tone mark.
# A gloss is one syllable (at most six letters, e.g. zhuàng), or a name's syllables spaced or run
# together (pán zhōu shì, bùtuō): bounded repeats keep this linear.
_SYLLABLES = r"[a-zü%s]{1,7}(?: [a-zü%s]{1,7}){0,5}" % (TONE, TONE)
PINYIN_RE = re.compile(r"\((?=[^()]{0,48}[%s])%s\)" % (TONE, _SYLLABLES))

_WIDTH_TABLE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH_TABLE.update({0x3000: 0x20, 0xFF61: 0x3002, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20,
                     0x2009: 0x20})
_WIDTH_RUN_RE = re.compile("[%s]+" % "".join(re.escape(chr(c)) for c in sorted(_WIDTH_TABLE)))
_ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ZERO_WIDTH_RE = re.compile(f"[{_ZERO_WIDTH_CHARS}]")
_CR_RE = re.compile(r"\r\n?")

_HTML_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_HTML_BLOCK_RE = re.compile(r"<\s*(?:br|/?p|/?div|/?li|/?tr|/?h[1-6]|/?table|/?ul|/?ol)\b[^<>]*>",
                            re.I)
_HTML_TAG_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9]*\b[^<>]*>|<![A-Za-z][^<>]*>")
_HTML_ENTITY_RE = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});")

_MD_EMPH_RE = re.compile(r"\*\*|__")
# Possessive quantifiers (*+) keep these linear on lines made of thousands of spaces.
_MD_LINE_RE = re.compile(r"^[ \t]*+(?:#{1,6}[ \t]*+|>[ \t]?|[-*+][ \t]++(?=\S))", re.M)
_MD_RULE_RE = re.compile(r"^[ \t]*+(?:[-*_][ \t]*+){3,}$|^[ \t]*+\|?[ \t]*+:?-{3,}:?[ \t]*+(?:\|[ \t]*+:?-{3,}:?[ \t]*+)*+\|?[ \t]*+$",
                         re.M)
_MD_TRIGGER_RE = re.compile(r"---|\*\*|__|\]\(|#|>|[-*+_][ \t]|:-")
_MD_LINK_RE = re.compile(r"!?\[([^\[\]\n]*)\]\([^()\s]*\)")

_WATERMARK_RE = re.compile(r"[(][ \t]*(?:https?://)?www\.[A-Za-z0-9.\-]+\.[A-Za-z]{2,}[^()\n]{0,40}[)]")
_URL_RE = re.compile(r"(?:https?://|www\.)[A-Za-z0-9\-._~:/?#@$&+=%]+")

_SPACE_RE = re.compile(r"[ \t\f\v]+")
_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


@dataclass
class Normalized:
    text: str                       # clean Simplified text
    offsets: list[int]              # len(text)+1; offsets[i] = raw index of clean char i; last = len(raw)
    removed: list[tuple[str, str]]  # (kind, sample) per removal, samples capped per kind (see counts)
    counts: dict[str, int] = field(default_factory=dict)  # kind → number of removals (exact)


def to_raw_span(offsets, start: int, end: int) -> tuple[int, int]:
    """Clean span [start, end) → raw span covering the raw characters the clean ones came from."""
    n = len(offsets) - 1
    if not (0 <= start <= end <= n):
        raise ValueError(f"clean span ({start}, {end}) outside text of length {n}")
    if start == end:
        return int(offsets[start]), int(offsets[start])
    return int(offsets[start]), int(offsets[end - 1]) + 1


# --------------------------------------------------------------------------------------------
# Edit machinery: a pass returns non-overlapping (start, end, replacement) edits on the current
# text; applying them rebuilds the text and composes the index map.
# --------------------------------------------------------------------------------------------
class _State:
    __slots__ = ("text", "idx", "removed", "counts", "cap")

    def __init__(self, raw: str, cap: int):
        self.text = raw
        self.idx = np.arange(len(raw), dtype=np.int64)
        self.removed: list[tuple[str, str]] = []
        self.counts: dict[str, int] = {}
        self.cap = cap

    def note(self, kind: str, sample: str) -> None:
        c = self.counts.get(kind, 0)
        self.counts[kind] = c + 1
        if c < self.cap:
            self.removed.append((kind, sample if len(sample) <= 80 else sample[:77] + "…"))

    def apply(self, edits: list[tuple[int, int, str]]) -> None:
        if not edits:
            return
        text, idx = self.text, self.idx
        parts: list[str] = []
        pieces: list[np.ndarray] = []
        pos = 0
        for s, e, r in edits:
            if s < pos:
                raise AssertionError("overlapping edits")
            parts.append(text[pos:s])
            pieces.append(idx[pos:s])
            if r:
                parts.append(r)
                if len(r) == e - s:
                    pieces.append(idx[s:e])
                else:
                    at = idx[s] if s < len(idx) else (idx[-1] + 1 if len(idx) else 0)
                    pieces.append(np.full(len(r), at, dtype=np.int64))
            pos = e
        parts.append(text[pos:])
        pieces.append(idx[pos:])
        self.text = "".join(parts)
        self.idx = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.int64)

    def sub(self, pattern: re.Pattern, kind: str | None, repl=None) -> None:
        """Delete (or replace via ``repl(match)``) every match; note it under ``kind``."""
        edits = []
        for m in pattern.finditer(self.text):
            if m.start() == m.end():
                continue
            r = "" if repl is None else repl(m)
            if r == m.group(0):
                continue
            edits.append((m.start(), m.end(), r))
            if kind:
                self.note(kind, m.group(0))
        self.apply(edits)


@lru_cache(maxsize=None)
def _cc(config: str):
    import opencc
    return opencc.OpenCC(config)


def t2s(s: str) -> str:
    return _cc("t2s").convert(s)


# --------------------------------------------------------------------------------------------
# Line classification (boilerplate)
# --------------------------------------------------------------------------------------------
# Fixed footer / legal phrases: a report sentence does not carry these.
_LEGAL_RE = re.compile(
    r"免责声明|版权(?:所有|声明|归)|Copyright|©|ICP[备证]|公网安备|未经(?:本网)?授权|不得转载|转载请注明|"
    r"违反上述声明|本网注明|转载自其[它他]媒体|并不代表本网|如有侵[权犯]|侵权投诉", re.I)
# Contact labels of a site footer: only on lines that are not running text.
_CONTACT_RE = re.compile(r"联系电话|传真|邮编|Fax|Post Code|地址[(:]|技术支持|网站地图|主办单位|承办单位", re.I)
# Metadata labels opening a line (the value is read by ingest before the line is removed).
_META_START_RE = re.compile(
    r"^(?:[-•·*]\s*)?(?:(?:信息来源|文章来源|新闻来源|来源|稿源|出处|作者|编辑|责任编辑|责编|发布时间|发布日期|"
    r"发表时间|更新时间|日期|时间|浏览|浏览次数|阅读|点击|字体|字号|关键词|标签)\s*[:：]|扫码|分享到|本篇文章\d+字)")
# A label, not the end of a word: 资金来源: is report text, 来源: is a byline.
_META_ANY_RE = re.compile(f"(?<![{CJK}])(?:信息来源|来源|责任编辑|编辑|作者|发布时间|浏览次数|浏览)\\s*[:：]")
_DATE_LINE_RE = re.compile(
    r"^[\[(【]?(?:\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\d{1,2}\.\d{1,2}\.\d{4})"
    r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*(?:星期|周)[一二三四五六日天])?[\])】]?$")
_DATETIME_RE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}\s*\d{1,2}:\d{2}")
# User-interface words of web pages. Strong ones mark a line anywhere; weak ones only outside the
# running text (a short heading in a report may well say 下载 or 热门).
_NAV_STRONG_RE = re.compile(
    r"上一篇|下一篇|上一版|下一版|返回目录|返回顶部|版面导航|标题导航|您的位置|当前位置|更多>>|分享到|打印本页|"
    r"关闭窗口|我来说两句|条评论|发表评论|T小字|扫码阅读|请输入关键词|热门关键词|热搜")
_NAV_RE = re.compile(
    r"首页|电脑版|手机版|投稿|杂志订阅|热门资讯|推荐阅读|相关阅读|相关新闻|相关文章|延伸阅读|猜你喜欢|编辑推荐|"
    r"新闻推荐|热点推荐|二维码|公众号|官方账号|关于我们|联系我们|广告刊例|广告服务|人才招聘|免费下载|VIP|海报|"
    r"PDF原版|阅读器|收藏本站|举报|^\d+\s*页$", re.I)
# A marker after which the rest of the page is a list of other articles.
_TRAILER_RE = re.compile(
    r"^[^\u4e00-\u9fffA-Za-z0-9]{0,3}(?:猜你喜欢|推荐阅读|相关阅读|相关新闻|相关文章|相关链接|延伸阅读|编辑推荐|新闻推荐|热点推荐|热门资讯|"
    r"热门文章|热门推荐|更多阅读|更多>>|精彩推荐|往期回顾|往期推荐|往期精选|往期阅读|往期精彩|精彩回顾|热文推荐|"
    r"最新文章|最新资讯|点击排行|阅读排行|热门排行|排行榜|相关报道|热点新闻)")
_SENT_PUNCT_RE = re.compile(r"[,，。;；!?！？]")
_TICKER_RE = re.compile(f"【[^】]{{1,6}}】\\s*[{CJK}]{{4}}")
_DIGIT_RE = re.compile(r"\d")
_GAP_RE = re.compile(r"[ \t\u3000|｜]+")

BODY_MIN_CJK = 20


@lru_cache(maxsize=None)
def _at_least_cjk_re(n: int) -> re.Pattern:
    return re.compile(f"(?:[^{CJK}]*+[{CJK}]){{{n}}}")


def has_cjk(s: str, n: int) -> bool:
    """At least ``n`` CJK characters (stops reading at the n-th)."""
    return _at_least_cjk_re(n).match(s) is not None


# A newspaper's masthead line: the full date with its page or weekday, or beside the
# paper's name (甲日报　2019年3月5日　第2版　要闻; 2020年1月6日 星期一). It names the paper and its
# city, not what the page is about: never the page's headline.
_MASTHEAD_DATE_RE = re.compile(r"(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
_MASTHEAD_MARK_RE = re.compile(r"第\s*[A-Z]?\d{1,3}\s*版|[A-Z]\d{1,2}\s*版|版次|星期[一二三四五六日天]|"
                               r"[日晚时]报(?:数字报|数字版|电子版)?(?![\u4e00-\u9fff])")


def is_masthead(line: str) -> bool:
    """Whether a short line is a newspaper's masthead (the issue's date with its page, weekday
    or paper's name) rather than a headline or text."""
    s = line.strip()
    return len(s) <= 60 and not _SENT_PUNCT_RE.search(s) and _MASTHEAD_DATE_RE.search(s) is not None \
        and _MASTHEAD_MARK_RE.search(s) is not None


def is_body_line(s: str) -> bool:
    """Running report text: enough Chinese and at least one sentence mark."""
    return bool(_SENT_PUNCT_RE.search(s)) and has_cjk(s, BODY_MIN_CJK)


# A table written as lines: its cell separators, the numbers in its cells and the unit words a
# column name carries in brackets (到位资金(万元)). Declared once here, where cleaning keeps table
# lines; ``extract.tables`` reads the cells with the same vocabulary.
TABLE_BARS = "|｜"
BARE_NUMBER = r"\d+(?:\.\d+)?"
COLUMN_UNIT_WORDS = ("万元", "亿元", "元", "人次", "人", "名", "户", "个", "家", "项", "所", "期", "批")
_TABLE_SPLIT_RE = re.compile("[" + re.escape(TABLE_BARS) + "]")
_BARE_NUMBER_RE = re.compile(BARE_NUMBER)
_YEAR_CELL_RE = re.compile(r"(?:19|20)\d\d")
# the names of a header's columns of aid figures (a menu names sections, not quantities)
_COLUMN_NAME_RE = re.compile(r"(资金|项目|干部|人才|人数|金额|投资|就业|培训|企业|采购|销售|目标|任务|完成|指标|计划|实际)")
_COLUMN_UNIT_RE = re.compile(r"[(（]\s*(?:" + "|".join(COLUMN_UNIT_WORDS + ("%", "％")) + r")\s*[)）]")


def _table_cells(s: str) -> list[str]:
    return [c for c in (c.strip() for c in _TABLE_SPLIT_RE.split(s)) if c]


def is_table_line(s: str) -> bool:
    """A line of a table written with bars: three or more short cells, and a cell that is a bare
    number beside one in Chinese (a data line), or a column name with its unit in brackets (到位资金
    (万元)) or three names of quantities of aid (the header). Menus and spam link rows have neither."""
    cells = _table_cells(s)
    if len(cells) < 3 or any(len(c) > 24 for c in cells):
        return False
    if any(_COLUMN_UNIT_RE.search(c) for c in cells) or sum(bool(_COLUMN_NAME_RE.search(c)) for c in cells) >= 3:
        return True
    # (a year is a label: 网站地图 | 2024 | 版权所有)
    numbers = [c for c in cells if _BARE_NUMBER_RE.fullmatch(c) and not _YEAR_CELL_RE.fullmatch(c)]
    return bool(numbers) and any(_CJK_RE.search(c) for c in cells)


def is_table_header(line: str, below: str) -> bool:
    """A line of names over a table data line with as many cells (指标｜东西部扶贫协作｜对口支援｜合计
    over 财政帮扶资金(亿元)｜62.8｜45.3｜108.1): the table's header, though alone it reads as a menu."""
    cells, under = _table_cells(line), _table_cells(below)
    return len(cells) >= 3 and len(cells) == len(under) and is_table_line(below) and \
        all(len(c) <= 24 and not _BARE_NUMBER_RE.fullmatch(c) for c in cells)


def line_kind(line: str) -> str | None:
    """Boilerplate kind of one (simplified, width-normalised) line, or None for report text.

    Only rules a report sentence cannot meet: fixed footer phrases, metadata labels on short lines,
    navigation words on short lines, token lists without any sentence mark, no Chinese at all.
    """
    s = line.strip()
    if not s:
        return None
    n = len(s)
    if _CJK_RE.search(s) is None:
        return "noncjk"
    if n <= 200 and _LEGAL_RE.search(s):
        return "legal"
    body = is_body_line(s)
    if n <= 200 and _CONTACT_RE.search(s) and (not body or _CONTACT_RE.match(s)):
        return "legal"
    if n <= 120 and _META_START_RE.match(s) and not is_body_line(s[:60] if n > 60 else s):
        return "meta"
    if _DATE_LINE_RE.match(s):
        return "meta"
    label, stamp = _META_ANY_RE.search(s), _DATETIME_RE.search(s)
    if n <= 120 and label and stamp:
        return "meta"
    if n <= 60 and label and not body:
        return "meta"
    if stamp and n <= 40 and not _SENT_PUNCT_RE.search(s):
        return "meta"
    if n <= 60 and _NAV_STRONG_RE.search(s):
        return "nav"
    if n <= 40 and _NAV_RE.search(s):
        return "nav_word"
    # A ticker of other stories (【滚动】…　【财经】…): two tagged headlines and no sentence mark
    if n <= 200 and len(_TICKER_RE.findall(s)) >= 2 and not _SENT_PUNCT_RE.search(s):
        return "nav"
    # …or one tag before headlines of a headline's length set apart by bars (two or more) or by
    # spaces (three or more): a title in two spaced halves, or with a word set apart (调研), is none
    if n <= 200 and _TICKER_RE.match(s) and not _SENT_PUNCT_RE.search(s):
        pieces = [p for p in _GAP_RE.split(s[s.index("】") + 1:]) if p]
        barred = "|" in s or "｜" in s
        if sum(len(p) >= 8 for p in pieces) >= (2 if barred else 3) and all(len(p) >= 3 for p in pieces):
            return "nav"
    if is_table_line(s):
        return None        # a line of a table (甲区｜乙县｜4185｜37), which the extractor reads
    # Pipes: menus and spam link rows. A long line needs them dense (one per 50 characters):
    # a whole report on one line (a page without block tags) may hold a few.
    pipes = s.count("|")
    dense = n <= 500 or pipes * 50 >= n
    if dense and (s.startswith("|") or pipes >= 2 and not _SENT_PUNCT_RE.search(s)):
        return "nav"
    if pipes >= 3 and dense:  # no report sentence holds three pipes; menus and spam link rows do
        return "nav"
    tokens = s.split()
    if len(tokens) >= 4 and max(len(t) for t in tokens) <= 10 and not _DIGIT_RE.search(s) \
            and not _SENT_PUNCT_RE.search(s):
        return "nav_word"  # a menu row in the page head or tail; inside the text, keep it
    return None


# --------------------------------------------------------------------------------------------
# Passes
# --------------------------------------------------------------------------------------------
def _pass_basic(st: _State) -> None:
    if "\r" in st.text:
        st.sub(_CR_RE, None, lambda m: "\n")
    if any(c in st.text for c in _ZERO_WIDTH_CHARS):
        st.sub(_ZERO_WIDTH_RE, "invisible")
    # 1:1 width map: no offsets change. Only runs holding such characters are translated
    # (str.translate over a whole, mostly ASCII or CJK, text is the slow way).
    st.text = _WIDTH_RUN_RE.sub(lambda m: m.group(0).translate(_WIDTH_TABLE), st.text)


def _pass_html(st: _State) -> None:
    if "<" not in st.text and "&" not in st.text:
        return
    st.sub(_HTML_COMMENT_RE, "html")
    st.sub(_HTML_BLOCK_RE, "html", lambda m: "\n")
    st.sub(_HTML_TAG_RE, "html")

    def ent(m):
        r = html.unescape(m.group(0))
        return r.translate(_WIDTH_TABLE) if r != m.group(0) else r
    st.sub(_HTML_ENTITY_RE, "html", ent)


def _pass_t2s(st: _State) -> None:
    conv = t2s(st.text)  # module-level name, so a test can stand in a converter that changes length
    if len(conv) == len(st.text):
        st.text = conv
        return
    # Rare: a phrase rule changed length. Redo line by line; lines that still differ go char by char.
    out_lines, pieces, pos = [], [], 0
    for line in st.text.split("\n"):
        c = t2s(line)
        if len(c) == len(line):
            out_lines.append(c)
            pieces.append(st.idx[pos:pos + len(line)])
        else:
            chars = []
            for k, ch in enumerate(line):
                cc = t2s(ch)
                chars.append(cc)
                pieces.append(np.full(len(cc), st.idx[pos + k], dtype=np.int64))
            out_lines.append("".join(chars))
        pos += len(line)
        if pos < len(st.text):
            pieces.append(st.idx[pos:pos + 1])
        pos += 1
    st.text = "\n".join(out_lines)
    st.idx = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.int64)


def _pass_markdown(st: _State) -> None:
    # Each scan only when its trigger character is there at all (str.find is far cheaper than
    # a regex scan, and most reports have no Markdown).
    t = st.text
    if not _MD_TRIGGER_RE.search(t):
        return
    if "---" in t or "***" in t or "___" in t or "-:" in t or ":-" in t:
        st.sub(_MD_RULE_RE, "markup")
    if "](" in st.text:
        _pass_md_links(st)
    if "**" in st.text or "__" in st.text:
        st.sub(_MD_EMPH_RE, "markup")
    t = st.text
    if "#" in t or ">" in t or "- " in t or "* " in t or "+ " in t or "-\t" in t:
        st.sub(_MD_LINE_RE, "markup")


def _pass_md_links(st: _State) -> None:
    edits = []
    for m in _MD_LINK_RE.finditer(st.text):
        g1s, g1e = m.span(1)
        if m.group(0).startswith("!"):
            edits.append((m.start(), m.end(), ""))
        else:
            edits.append((m.start(), g1s, ""))
            edits.append((g1e, m.end(), ""))
        st.note("markup", m.group(0))
    st.apply(edits)


def _pass_inline_junk(st: _State) -> None:
    if "www." in st.text:
        st.sub(_WATERMARK_RE, "watermark")
    if "www." in st.text or "http" in st.text:
        st.sub(_URL_RE, "url")


def _lines(text: str):
    """(start, end) of every line, end excluding the newline."""
    pos = 0
    n = len(text)
    while pos <= n:
        e = text.find("\n", pos)
        if e < 0:
            e = n
        yield pos, e
        pos = e + 1


# A longer title in a list of other articles: a bullet before it or its date after it.
_LISTED_TITLE_RE = re.compile(r"^[·•●◆■▪\-]|[(（\[]\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[)）\]]\s*$")

# Signature lines closing an official report ("…领导小组办公室", "甲市扶贫开发局") are kept.
ORG_END_RE = re.compile(r"(?:局|办公室|委员会|管委会|政府|领导小组|工作组|中心|办|委|厅|处|园区|开发区|新区|工作队)$")


def classify_lines(lines: list[str]) -> list[str | None]:
    """Boilerplate kind for each line of a page (None = keep).

    Lines before the first and after the last line of running text (the head and tail of a web
    page) get stricter treatment: UI words, 2–3 character crumbs, and, once the page footer has
    started, every further short line (related-article titles), except a signature line.
    """
    kinds: list[str | None] = [line_kind(x) for x in lines]
    for i in range(len(lines) - 1):
        if kinds[i] is not None and kinds[i + 1] is None and is_table_header(lines[i], lines[i + 1]):
            kinds[i] = None
    body = [i for i, x in enumerate(lines) if kinds[i] is None and is_body_line(x)]
    first_body = body[0] if body else len(lines)
    last_body = body[-1] if body else -1
    footer_started = False
    for i, raw_line in enumerate(lines):
        line = raw_line.strip()
        k = kinds[i]
        outside = i < first_body or i > last_body
        if k == "nav_word":
            kinds[i] = "nav" if outside else None
            k = kinds[i]
        if not line or not outside:
            continue
        if i > last_body:
            if k is not None:
                # The page footer starts with a footer line proper, not with a stray date or
                # number line (a flattened table may have those).
                footer_started = footer_started or k in ("legal", "nav", "trailer")
                if _TRAILER_RE.match(line):
                    kinds[i] = "trailer"
                    footer_started = True
                continue
            if _TRAILER_RE.match(line) and len(line) <= 12:
                kinds[i] = "trailer"
                footer_started = True
                continue
            if footer_started and "。" not in line and not ORG_END_RE.search(line) and \
                    (len(line) <= 40 or (len(line) <= 80 and _LISTED_TITLE_RE.search(line))):
                kinds[i] = "trailer"
                continue
        if kinds[i] is None and len(line) <= 3 and (i < first_body or footer_started) \
                and not ORG_END_RE.search(line):
            kinds[i] = "nav"
    return kinds


def _pass_boilerplate(st: _State) -> None:
    text = st.text
    spans = list(_lines(text))
    kinds = classify_lines([text[s:e] for s, e in spans])
    edits = []
    for (s, e), k in zip(spans, kinds):
        if k is None:
            continue
        edits.append((s, min(e + 1, len(text)), ""))  # the line and its newline
        st.note(k, text[s:e].strip())
    st.apply(edits)


def _pass_spaces(st: _State) -> None:
    text = st.text
    n = len(text)
    edits = []
    for m in _SPACE_RE.finditer(text):
        s, e = m.span()
        prev = text[s - 1] if s > 0 else "\n"
        nxt = text[e] if e < n else "\n"
        if prev in _ASCII_ALNUM and nxt in _ASCII_ALNUM:
            if e - s > 1:
                edits.append((s + 1, e, ""))
            continue
        edits.append((s, e, ""))
    st.counts["space"] = st.counts.get("space", 0) + len(edits)
    st.apply(edits)


_TERMINAL = set("。!?;:…”’」』)]】》>!?\"'")
_JOINABLE_END = set(",、“‘(《")
_ENUM_RE = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.]|[(][一二三四五六七八九十\d]+[)]|\d+[、.](?!\d)|"
    r"第[一二三四五六七八九十\d]+[章节条部分篇]|[一二三四五六七八九十]是|其[一二三四五六七八九十]|首先|"
    r"[■●□◆◇★☆▲△►▶•·※【\[<《“])")


_CLAUSE_RE = re.compile(r"[,，、;；]")
_HEADING_RE = re.compile(r"^(?:[一二三四五六七八九十]+、|[(][一二三四五六七八九十\d]+[)]|\d+[、.](?!\d)|"
                         r"第[一二三四五六七八九十\d]+[章节条部分篇])")


def _is_word_char(ch: str) -> bool:
    return bool(_CJK_RE.match(ch)) or ch.isdigit()


def _should_join(a: str, b: str) -> bool:
    """Does the line break between line ``a`` and line ``b`` cut one sentence in two?"""
    if not a or not b:
        return False
    if is_table_line(a) or is_table_line(b):
        return False        # a table's lines are its rows
    end, start = a[-1], b[0]
    if end in _TERMINAL:
        return False
    if not (_is_word_char(end) or end in _JOINABLE_END):
        return False
    if start in ",，。、;:" :
        return True
    if not _is_word_char(start) or _ENUM_RE.match(b):
        return False
    heading = not has_cjk(a, 40) and (bool(_HEADING_RE.match(a))
                                      or not _CLAUSE_RE.search(_HEADING_RE.sub("", a, count=1)))
    if heading:
        # A heading only continues on the next line when it was wrapped at a width: the line is
        # long enough to have been cut and the rest is a short tail without a sentence mark.
        return len(a) >= 20 and len(b) <= 12 and not _SENT_PUNCT_RE.search(b)
    return True


def _pass_lines(st: _State) -> None:
    text = st.text
    edits = []
    # Leading / trailing blank lines.
    m = re.match(r"\n+", text)
    if m:
        edits.append((0, m.end(), ""))
    runs = list(re.finditer(r"\n+", text))
    for k, m in enumerate(runs):
        s, e = m.span()
        if s == 0:
            continue
        if e == len(text):
            edits.append((s, e, ""))
            continue
        a_start = text.rfind("\n", 0, s) + 1
        b_end = text.find("\n", e)
        if b_end < 0:
            b_end = len(text)
        if _should_join(text[a_start:s], text[e:b_end]):
            edits.append((s, e, ""))
            st.note("linebreak", text[max(a_start, s - 8):s] + "⏎" + text[e:e + 8])
        elif e - s > 1:
            edits.append((s + 1, e, ""))
    st.apply(edits)


def _repeat_cut(text: str) -> int | None:
    """Length of the first copy if ``text`` is that copy saved again (once or more; the last copy
    may be cut short but must hold at least half of the first), else None."""
    if len(text) < 100:
        return None
    lines = text.split("\n")
    n = len(lines)
    if n >= 2:
        first = lines[0]
        for j in range(1, n // 2 + 1 + (n % 2)):
            if lines[j] != first:
                continue
            tail = n - j
            if 2 * tail < j:
                break
            if all(lines[p:p + j] == lines[:min(j, n - p)] for p in range(j, n, j)):
                cut = sum(len(x) + 1 for x in lines[:j]) - 1
                return cut if cut >= 50 else None
        return None
    h = len(text) // 2
    if len(text) % 2 == 0 and text[:h] == text[h:]:
        return h
    return None


def _pass_repeat(st: _State) -> None:
    cut = _repeat_cut(st.text)
    if cut is not None:
        # Drop the newline between the copies as well.
        st.note("repeat", f"{len(st.text) - cut} chars repeating the first {cut}: " + st.text[cut + 1:cut + 30])
        st.apply([(cut, len(st.text), "")])


# --------------------------------------------------------------------------------------------
# Public entry points
# --------------------------------------------------------------------------------------------
def normalize(raw: str, *, sample_cap: int = 50, dedupe_repeats: bool = True) -> Normalized:
    """Clean one decoded report text (see the module docstring for the rules, in order)."""
    if not isinstance(raw, str):
        raise TypeError(f"normalize expects str, got {type(raw).__name__}")
    st = _State(raw, sample_cap)
    _pass_basic(st)
    _pass_html(st)
    if "(" in st.text:
        st.sub(PINYIN_RE, "pinyin")
    _pass_t2s(st)
    _pass_markdown(st)
    _pass_inline_junk(st)
    _pass_boilerplate(st)
    _pass_spaces(st)
    _pass_lines(st)
    if dedupe_repeats:
        _pass_repeat(st)
    offsets = st.idx.tolist()
    offsets.append(len(raw))
    return Normalized(text=st.text, offsets=offsets, removed=st.removed, counts=dict(st.counts))


def normalize_fragment(s: str) -> str:
    """Apply the in-line rules (width, HTML, pinyin, t2s, markdown emphasis, spaces) to a short
    string such as a gold evidence quote, so it can be looked up in a clean text. Line-level rules
    (boilerplate, joins, repeats) do not apply to a fragment."""
    st = _State(s, 0)
    _pass_basic(st)
    _pass_html(st)
    st.sub(PINYIN_RE, None)
    _pass_t2s(st)
    st.sub(_MD_EMPH_RE, None)
    _pass_spaces(st)
    return st.text.strip()


def simplify(s: str) -> str:
    """Width + pinyin + t2s only (no offsets): for reading metadata and for script checks."""
    s = _WIDTH_RUN_RE.sub(lambda m: m.group(0).translate(_WIDTH_TABLE), s)
    return t2s(PINYIN_RE.sub("", s))


def _codepoints(s: str) -> np.ndarray:
    return np.frombuffer(s.encode("utf-32-le"), dtype=np.uint32)


def _is_cjk_array(cp: np.ndarray) -> np.ndarray:
    return ((cp >= 0x3400) & (cp <= 0x4DBF)) | ((cp >= 0x4E00) & (cp <= 0x9FFF)) | \
        ((cp >= 0xF900) & (cp <= 0xFAFF))


def script_of(raw: str) -> str:
    """'simplified', 'traditional', 'mixed' or 'none' (no Chinese), from characters that change
    under t2s (Traditional-only) and under s2t (Simplified-only)."""
    s = PINYIN_RE.sub("", raw)
    cp = _codepoints(s)
    cp = cp[_is_cjk_array(cp)]
    if not len(cp):
        return "none"
    text = cp.tobytes().decode("utf-32-le")

    def changed(config: str) -> int:
        conv = _cc(config).convert(text)
        if len(conv) != len(text):  # phrase rule changed length: fall back to a per-char count
            return sum(a != b for a, b in zip(text, conv))
        return int(np.count_nonzero(_codepoints(conv) != cp))
    trad, simp = changed("t2s"), changed("s2t")
    if trad + simp == 0:
        return "simplified"
    share = trad / (trad + simp)
    if share >= 0.9:
        return "traditional"
    if share <= 0.1:
        return "simplified"
    return "mixed"


def cjk_share(s: str) -> float:
    """Share of CJK characters among non-space characters."""
    cp = _codepoints(s)
    cp = cp[(cp > 0x20) & (cp != 0x3000) & (cp != 0xA0)]
    return float(np.count_nonzero(_is_cjk_array(cp)) / len(cp)) if len(cp) else 0.0


def chinese_letter_share(s: str) -> float:
    """Share of CJK characters among letters (CJK + Latin): what says a text is Chinese."""
    cp = _codepoints(s)
    cjk = np.count_nonzero(_is_cjk_array(cp))
    latin = np.count_nonzero(((cp >= 0x41) & (cp <= 0x5A)) | ((cp >= 0x61) & (cp <= 0x7A)))
    return float(cjk / (cjk + latin)) if cjk + latin else 0.0
