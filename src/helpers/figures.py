"""The grammar of stated figures: a number, its 万/亿 multiplier, its unit word and its qualifier.

``find_figures(text)`` returns every figure that carries a unit of money, people or counted things,
with its value in base units (1万元 = 10000 yuan) and offsets into ``text``. Dates, percentages,
phone numbers, ordinals (第八届) and slogans (一对一, 四个一百, 1+6, 十四五) have no unit of their own
or are excluded explicitly, so they never come out as figures.

Chinese numerals go through cn2an, except the bare multipliers it rejects (``百`` in 百余个, ``千`` in
千余人), which are read here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import cn2an

# Full-width digits and separators map one-to-one to ASCII so offsets into the text are preserved.
_WIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
# translating costs a look-up per character: done only for a text that has some
_HAS_WIDE = re.compile("[" + "".join(re.escape(chr(c)) for c in _WIDTH) + "]")

UNIT_WORDS: dict[str, str] = {
    # longest first in the regex; money is handled through 元 with the multiplier
    "人次": "person_time",
    "人": "person",
    "名": "person",
    "位": "person",
    "户": "household",
    "个": "count",
    "家": "count",
    "对": "count",
    "所": "count",
    "项": "count",
    "元": "yuan",
}
MULTIPLIERS = {"万": 1e4, "亿": 1e8, "千": 1e3, "百": 1e2, "万亿": 1e12}

APPROX_BEFORE = ("近", "约", "大约", "将近", "接近")
LOWER_BEFORE = ("超过", "突破", "不少于", "不低于", "至少", "逾", "超")
APPROX_AFTER = ("左右",)
# lower bounds after the number: 以上 after the unit; 余/多 sit inside the number (3000余万元, 3600多户)

_CN_DIGITS = "零〇一二两三四五六七八九十百千"
_AR_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# 一亿零三百万, 三亿一千二百万: a Chinese numeral carrying both 亿 and 万 (cn2an reads it whole)
_CN_NUM = rf"[{_CN_DIGITS}]+亿[{_CN_DIGITS}]+万|[{_CN_DIGITS}]+"
_SEP = r"[\s\*]{0,3}"
# N万建档立卡人口: a head count in 万 written straight before the people it counts
_HEAD_NOUN = (r"(?:建档立卡)?(?:贫困|脱贫)?(?:人口|群众)|(?:建档立卡)?(?:贫困|脱贫)劳动力|"
              r"(?:建档立卡)?(?:贫困|脱贫)户")
# …贫困人口N万。: the same head count written after its noun, the number closing the clause
_NOUN_BEFORE = re.compile(r"(?:建档立卡)?(?:贫困|脱贫)(?:人口|群众|户|劳动力)[\s\*]{0,2}$|建档立卡(?:人口|户)[\s\*]{0,2}$")
# 金额N万的…, 资金N亿用于…: an amount in 万/亿 whose 元 is left out right after a money word
_MONEY_BEFORE = re.compile(r"(?:资金|金额|经费|善款|款物)(?:达|约|为|共|共计|合计|总计|累计)?$")
FIGURE_RE = re.compile(
    # the lookahead only says what the number's first character can be: most positions of a
    # text fail on it at once instead of trying each kind of number (近万名: one 万, no digit)
    rf"(?=[\d{_CN_DIGITS}万])(?P<num>{_AR_NUM}|{_CN_NUM}|(?<=[近约逾])(?=万[名人户]))"
    # 8千万元, 3千余人: a digit written with 千/百 before the multiplier or the unit
    rf"(?P<small>(?<=\d)[千百])?"
    rf"{_SEP}(?P<q1>余|多)?"
    rf"(?P<mult>万亿|万|亿)?"
    rf"(?P<q2>余|多)?{_SEP}"
    rf"(?P<unit>人次|元|人|名|位|户|个|家|对|所|项|(?<=[万亿余多])(?={_HEAD_NOUN})|"
    rf"(?<=[万亿余多])(?=[的，,。；;、)）\s]|支持|用于|援建|帮扶|建设))"
)
_HEAD_NOUN_RE = re.compile(_HEAD_NOUN)
_HEAD_NOUN_PREFIXES = ("建档立卡", "贫困", "脱贫", "人口", "群众")
_BEFORE_RE = re.compile(r"(?:" + "|".join(sorted(APPROX_BEFORE + LOWER_BEFORE, key=len, reverse=True)) + r")[\s\*]{0,3}$")
_AFTER_RE = re.compile(r"^(?:以上|左右)")


@dataclass(frozen=True)
class Figure:
    start: int          # offset of the qualifier or number
    end: int            # offset after the unit (and a trailing 以上/左右)
    text: str
    value: float        # base units
    unit: str           # yuan · person · person_time · household · count
    classifier: str     # the unit word as written (名, 家, 万元, ...)
    qualifier: str      # exact · approx · lower_bound
    number: str         # the number as written


class FigureError(ValueError):
    pass


@lru_cache(maxsize=4096)
def cn_number(s: str) -> float:
    """Value of a Chinese numeral, covering forms cn2an rejects (百, 千, 十几 is not a figure).
    Remembered per numeral: reports write the same few (三, 两, 一百) again and again, and cn2an
    takes tens of microseconds to read one."""
    s = s.replace("〇", "零")
    if s in ("百", "千"):
        return float(MULTIPLIERS[s])
    if len(s) > 1 and s[0] in "百千" and all(c in "零" for c in s[1:]):
        return float(MULTIPLIERS[s[0]])
    try:
        return float(cn2an.cn2an(s, "smart"))
    except (ValueError, KeyError) as e:
        raise FigureError(f"not a Chinese numeral: {s!r}") from e


_AR_NUM_RE = re.compile(_AR_NUM)
_LONG_NUMBER = re.compile(r"\d{7,}")
_HIGH_PART = re.compile(r"(?<![\d.])(\d+)亿$")


def parse_number(s: str) -> float:
    s = s.translate(_WIDTH)
    if _AR_NUM_RE.fullmatch(s):
        return float(s.replace(",", ""))
    return cn_number(s)


# a Chinese numeral and 家 before one of these is the name of a township or village
_PLACE_SUFFIX = "镇村屯铺"
# (…but a noun starting with the suffix: 村级, 村集体, 镇办, 村民, 村企 …)
_PLACE_SUFFIX_NOT = ("企", "卫", "医", "干", "党", "级", "集", "办", "属", "民", "委", "组")
_PRONOUN_SUO = "说述讲言在属有以谓得需提指做想见"


def _excluded(text: str, m: re.Match) -> bool:
    num, unit, mult = m.group("num", "unit", "mult")
    before = text[max(0, m.start() - 2):m.start()]
    after = text[m.end():m.end() + 2]
    if before.endswith("第"):                       # ordinals: 第八届, 第3个
        return True
    if before and (before[-1].isdigit() or before[-1] in ".+-/"):   # 1+6, phone/ICP tails
        return True
    if before.endswith(":") and (len(before) < 2 or before[0].isdigit() or not before[0].strip()):
        return True       # 10:30, 1:1 配套 (a label's colon, 财政帮扶资金:1.86亿元, heads a figure)
    if unit == "所" and after[:1] and after[0] in _PRONOUN_SUO:
        return True                                     # 李者三所说, 十所在: 所 as a pronoun, not schools
    if num and num[0] in _CN_DIGITS:
        if num == "一" and unit in "名人位" and re.search(r"各[\u4e00-\u9fff]{0,4}$", text[max(0, m.start() - 6):m.start()]):
            return False                                # 向四县各选派一名挂职副县长: one per unit
        if num in ("零", "〇") or num == "一" and not mult:
            return True                                 # 一个, 一家亲, 一对一: articles (一亿元 is a figure)
        if num in ("百", "千") and not (m.group("q1") or m.group("q2") or mult):   # 百名干部: rhetoric
            return True
        if before.endswith(("每", "各", "这", "那", "哪", "几")) and unit in "个家项":
            return True
        if after[:1] and (after[0] in _CN_DIGITS or after[0] in "“\"「"):   # 四个一百, 五个“一”
            return True
        if not mult and unit == "家" and after[:1] and after[0] in _PLACE_SUFFIX and \
                not text.startswith(_PLACE_SUFFIX_NOT, m.end() + 1):
            return True                                 # N家镇, N家村 (a numeral's name): a place
    if unit == "对" and after.startswith("一"):   # 一对一 with Arabic digits
        return True
    if len(num) >= 7 and _LONG_NUMBER.fullmatch(num.translate(_WIDTH)) and not mult \
            and unit != "元":
        return True                                     # phone, postal and ID numbers
    if after.startswith(("年", "月", "日", "%", "％")):
        # (N万元 followed by 年度: an amount of the year's money; 3个年度 counts years)
        return not (after == "年度" and unit == "元")
    return False


def find_figures(text: str) -> list[Figure]:
    """Every number with a unit in ``text``, in order of position."""
    scan = text.translate(_WIDTH) if _HAS_WIDE.search(text) else text
    out: list[Figure] = []
    for m in FIGURE_RE.finditer(scan):
        num, q1, mult_word, q2, unit_word = m.group("num", "q1", "mult", "q2", "unit")
        if not num and not mult_word:
            continue
        if _excluded(scan, m):
            continue
        if unit_word:
            unit = UNIT_WORDS[unit_word]
        elif scan.startswith(_HEAD_NOUN_PREFIXES, m.end()) and (head := _HEAD_NOUN_RE.match(scan, m.end())):
            # N万贫困人口, N万余贫困户: a head count written without a classifier
            unit = "household" if head.group(0).endswith("户") else "person"
        elif not mult_word:
            continue
        elif (noun := _NOUN_BEFORE.search(scan, max(0, m.start() - 12), m.start())) is not None:
            unit = "household" if noun.group(0).rstrip(" *").endswith("户") else "person"
        elif _MONEY_BEFORE.search(scan, max(0, m.start() - 8), m.start()):
            unit = "yuan"
        else:
            continue
        try:
            base = parse_number(num) if num else 1.0
        except FigureError:
            continue
        mult = MULTIPLIERS.get(mult_word or "", 1.0)
        value = base * mult * MULTIPLIERS.get(m.group("small") or "", 1.0)
        start, end = m.start(), m.end()
        high = _HIGH_PART.search(scan, max(0, start - 12), start) if mult_word == "万" and num else None
        if high is not None and not (out and out[-1].end > high.start()):
            # 2亿3800万元: the 亿 part written before the 万 part is one amount
            value += parse_number(high.group(1)) * MULTIPLIERS["亿"]
            start, num = high.start(), high.group(1) + "亿" + num
        qualifier = "exact"
        if q1 or q2:
            qualifier = "lower_bound"
        bm = _BEFORE_RE.search(scan[max(0, start - 7):start])
        if bm:
            word = bm.group(0).rstrip(" *\t")
            qualifier = "approx" if word in APPROX_BEFORE else "lower_bound"
            start -= len(bm.group(0))
        am = _AFTER_RE.match(scan[end:end + 2])
        if am:
            word = am.group(0)
            qualifier = "approx" if word in APPROX_AFTER else "lower_bound"
            end += len(word)
        classifier = (m.group("small") or "") + (mult_word or "") + unit_word
        out.append(Figure(start, end, text[start:end], round(value, 4), unit, classifier, qualifier,
                          num))
    return out
