"""Zones of a news or government page: headline, byline, digest, lead, body.

Pages state their key figures more than once: in the headline, in a digest of bullet points
(● …) or a 内容提要, in the lead paragraph and again in the body. The zone of a line decides
two things downstream: where the page's own pair is named (headline and lead, see
``frame``), and which statement of a repeated figure is kept (the body's, see ``dedupe``).

* headline: the document title (from metadata or the text) and the short lines at the top
  before the first line of prose; a later line repeating the title;
* byline: short lines of reporter, source, editor, date;
* masthead: a newspaper's name with the issue's date and page;
* digest: lines opening with a bullet (●◆■▲★) or under 内容提要/摘要/导读, before the lead;
* lead: the first line of prose;
* body: every line after it.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..normalize import is_masthead
from .layout import Layout, Span
from .rx import compile as _compile

_BYLINE = _compile(r"(记者|通讯员|作者|来源|编辑|责编|审核|发布|供稿|摄影|日期|时间|浏览|点击|"
                     r"(19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2})")
_BULLET = _compile(r"^\s*[●◆■▲★☆◇□▶►•]")
DIGEST_HEAD = _compile(r"^\s*[【\[]?(内容提要|内容摘要|摘要|导读|提要|核心提示)[】\]]?")
_PROSE = _compile(r"[，,。；;]")
_SPACES = _compile(r"\s+")
# site navigation left in a line (您所在的位置:网站>>新闻>>…, 首页 > 栏目): not a headline
_NAVIGATION = _compile(r"(>>|»|›|>\s*[\u4e00-\u9fff]{2,6}\s*>|所在(的)?位置|当前位置|首页\s*[>/|])")
# a title read from the text that is only the site's name or its navigation
_JUNK_TITLE = _compile(r"^(?:[\u4e00-\u9fffA-Za-z]{0,8}(?:网|新闻|正文|首页|频道)\s*){1,3}$|"
                       # a site's own name, a place's with a site word: 甲县人民政府门户网站, 乙市融媒体中心
                       r"^(?:[\u4e00-\u9fff]{1,6}?(?:自治区|省|市|县|区|州|旗|盟)){1,3}"
                       r"(?:人民政府(?:门户网站|网站|网)?|门户网站|网站|官网|政府网|客户端|融媒体中心|电视台|日报)\s*$")
NAVIGATION = "navigation"

HEADLINE, BYLINE, DIGEST, LEAD, BODY = "headline", "byline", "digest", "lead", "body"
# a newspaper's masthead: the paper (and its city) that wrote the page, a giver's when the paper
# is the giver's; never the page's receivers
MASTHEAD = "masthead"


@dataclass(frozen=True)
class Zone:
    span: Span
    kind: str


@dataclass
class Zones:
    zones: list[Zone]
    title: str

    def kind_at(self, pos: int) -> str:
        if not hasattr(self, "_starts"):
            self._starts = [z.span.start for z in self.zones]
            # past the last zone that is not body, every position is body (most places and figures)
            self._body_from = max((z.span.end for z in self.zones if z.kind != BODY), default=0)
        if pos >= self._body_from:
            return BODY
        i = bisect.bisect_right(self._starts, pos) - 1
        if i >= 0 and self.zones[i].span.start <= pos < self.zones[i].span.end:
            return self.zones[i].kind
        return BODY

    def spans(self, kind: str) -> list[Span]:
        return [z.span for z in self.zones if z.kind == kind]

    def text_of(self, text: str, *kinds: str) -> str:
        return "\n".join(text[z.span.start:z.span.end] for z in self.zones if z.kind in kinds)


def _is_prose(line: str) -> bool:
    """A line of running text: it ends a sentence (。！？) or is long with clause marks."""
    s = line.strip()
    return bool(re.search(r"[。！？!?]", s)) and len(s) >= 8 or len(s) >= 24 and bool(_PROSE.search(s))


def clean_title(title: str) -> str:
    """The title, or '' when it is navigation or the site's name rather than a headline."""
    t = (title or "").strip()
    if not t or _NAVIGATION.search(t) or _JUNK_TITLE.match(t) or is_masthead(t):
        return ""
    return t


# a numbered item (一、 (一) 1.) of a table of contents before the text
_NUMBERED = _compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d))")


def _contents_lines(text: str, lines) -> set[int]:
    """Starts of the head's numbered lines that recur later as lines of the text: a table of
    contents (目录), navigation rather than the page's headline."""
    seen: dict[str, list[int]] = {}
    for ln in lines:
        s = _SPACES.sub("", text[ln.start:min(ln.end, len(text))].strip())
        if s and _NUMBERED.match(s):
            seen.setdefault(s, []).append(ln.start)
    return {starts[0] for starts in seen.values() if len(starts) > 1}


def zones(lay: Layout, title: str = "") -> Zones:
    text = lay.text
    out: list[Zone] = []
    seen_lead = False
    in_digest = False
    title = clean_title(title)
    title_key = re.sub(r"\s+", "", title or "")[:16]
    contents = _contents_lines(text, lay.lines.spans)
    for ln in lay.lines.spans:
        line = text[ln.start:min(ln.end, len(text))]
        s = line.strip()
        if not s:
            continue
        if not seen_lead and (_NAVIGATION.search(s) or ln.start in contents or _JUNK_TITLE.match(s)):
            out.append(Zone(ln, NAVIGATION))
            continue
        if not seen_lead and is_masthead(s):
            out.append(Zone(ln, MASTHEAD))        # (whatever the title says)
            continue
        if DIGEST_HEAD.match(s):
            in_digest = in_digest or not seen_lead     # (its short lines after it are the digest's)
            out.append(Zone(ln, DIGEST))
            continue
        if title_key and len(s) <= 80 and len(key := _SPACES.sub("", s)) >= 6 and key[:16] == title_key:
            out.append(Zone(ln, HEADLINE))
            continue
        if not seen_lead:
            if _BULLET.match(s) or in_digest and not _is_prose(s) and len(s) < 80:
                out.append(Zone(ln, DIGEST))
                continue
            if len(s) <= 60 and _BYLINE.search(s) and not _is_prose(s):
                out.append(Zone(ln, BYLINE))
                continue
            if not _is_prose(s):
                out.append(Zone(ln, HEADLINE))
                continue
            seen_lead = True
            out.append(Zone(ln, LEAD))
            continue
        out.append(Zone(ln, BODY))
    return Zones(out, title or "")
