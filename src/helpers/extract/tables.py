"""Tables written as lines: a header of column names, then one line per giver or receiver, cells
split by ``|`` or ``｜`` (an HTML table as the page extractor writes it, a 表1 pasted into a
notice). A cell that is a bare number takes its indicator and unit from its column's name
(到位资金(万元), 实施项目(个)); the row's own cells name who gave and who received; a 合计 line
is the total of the lines above it.

Pure functions over the text; ``document.table_rows`` turns them into panel rows.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..normalize import BARE_NUMBER, COLUMN_UNIT_WORDS, TABLE_BARS
from . import grammar as g
from .rx import compile as _compile

_UNIT_WORD = "(" + "|".join(COLUMN_UNIT_WORDS) + ")"
_RULE_LINE = _compile(r"^[\s|｜:：\-—–]+$")           # |---|---| under a header
_BARE_NUMBER = _compile(r"^\s*(" + BARE_NUMBER + r")\s*$")
_COLUMN_UNIT = _compile(r"[（(]\s*" + _UNIT_WORD + r"\s*[)）]")
_SHARE = _compile(r"[（(]\s*[%％‰]\s*[)）]|比重|比例|占比|增长|增幅|率")
_TOTAL_LABEL = _compile(r"^\s*(合计|总计|小计|共计|总数|两项(工作)?合计|全市|全省|全区|总体)\s*$")
_PLANNED_HEAD = _compile(r"(目标|计划|任务)")
_DONE_HEAD = _compile(r"(完成|实际|到位)")
_COLUMNS = [(name, _compile(p)) for name, p, _ in g.TABLE_COLUMNS]

# a column's unit word → (unit, multiplier)
UNIT_OF = {"万元": ("yuan", 1e4), "亿元": ("yuan", 1e8), "元": ("yuan", 1.0), "人次": ("person_time", 1.0),
           "人": ("person", 1.0), "名": ("person", 1.0), "户": ("household", 1.0), "个": ("count", 1.0),
           "家": ("count", 1.0), "项": ("count", 1.0), "所": ("count", 1.0), "期": ("count", 1.0),
           "批": ("count", 1.0)}
assert set(UNIT_OF) == set(COLUMN_UNIT_WORDS)
_PEOPLE = ("cadres_sent", "professionals_sent", "cadres_received", "professionals_received", "trained",
           "poor_beneficiaries", "employment")
_MONEY = ("fiscal_aid", "social_aid", "investment", "consumption_aid")


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    cells: tuple[Cell, ...]

    @property
    def is_total(self) -> bool:
        return any(is_total_name(c.text) for c in self.cells[:1])


def is_total_name(text: str) -> bool:
    """A cell naming a total (合计, 总计, 全市…): a line's label or a column's heading."""
    return _TOTAL_LABEL.match(text) is not None


def head_status(head: str) -> str:
    """target for a column heading of goals (目标任务, 计划), actual for one of results (完成情况,
    实际到位), else ''."""
    return "target" if _PLANNED_HEAD.search(head) else "actual" if _DONE_HEAD.search(head) else ""


@dataclass(frozen=True)
class Column:
    """What a column's numbers are: an indicator in a unit (× ``multiplier`` to base units)."""
    indicator: str
    unit: str
    multiplier: float
    cumulative: bool


@dataclass(frozen=True)
class Table:
    caption: str                 # the short line before the header (表1 2020年…情况), if any
    header: Line
    lines: tuple[Line, ...]      # the data lines, in order


def _cells(text: str, start: int, end: int) -> tuple[Cell, ...]:
    """The cells of one line, with their offsets (outer separators dropped, cells stripped)."""
    out, pos = [], start
    for i in range(start, end + 1):
        if i == end or text[i] in TABLE_BARS:
            raw = text[pos:i]
            lead = len(raw) - len(raw.lstrip())
            cell = raw.strip()
            out.append(Cell(pos + lead, pos + lead + len(cell), cell))
            pos = i + 1
    if out and not out[0].text:
        out = out[1:]
    if out and not out[-1].text:
        out = out[:-1]
    return tuple(out)


def _lines(text: str):
    pos = 0
    for raw in text.split("\n"):
        yield pos, pos + len(raw), raw
        pos += len(raw) + 1


def find_tables(text: str) -> list[Table]:
    """Runs of at least two lines with the same number (3 or more) of separated cells, the first
    of them a header (no cell a bare number)."""
    tables: list[Table] = []
    run: list[Line] = []
    before: list[str] = []      # the short non-empty lines before the run (a title, a note of units)
    prev: list[str] = []

    def close():
        if len(run) >= 2 and not any(_BARE_NUMBER.match(c.text) for c in run[0].cells):
            tables.append(Table("\n".join(before), run[0], tuple(run[1:])))

    for start, end, raw in _lines(text):
        if sum(raw.count(s) for s in TABLE_BARS) >= 2 and not _RULE_LINE.match(raw):
            line = Line(start, end, _cells(text, start, end))
            if len(line.cells) >= 3 and (not run or len(line.cells) == len(run[0].cells)):
                if not run:
                    before = list(prev)
                run.append(line)
                continue
        if run and _RULE_LINE.match(raw) and raw.strip():
            continue                                   # the header's rule line
        close()
        run = []
        if raw.strip():
            # (a long line keeps only its end, where a note of units stands: …如下(单位:万元))
            prev = (prev + [raw.strip()[-30:]])[-2:]
    close()
    return tables


_NOTE_UNIT = _compile(r"([\u4e00-\u9fff、]*?)单位\s*[:：]\s*" + _UNIT_WORD)


def _noted_unit(label: str, caption: str) -> str:
    """The unit a note above the table gives a column (单位:万元; 资金单位:万元;项目单位:个)."""
    for m in _NOTE_UNIT.finditer(caption):
        words = [w for w in m.group(1).split("、") if w]
        if not words or any(w in label for w in words):
            return m.group(2)
    return ""


def column(name: str, caption: str = "") -> Column | None:
    """The indicator and unit of a column named ``name`` (到位资金(万元) → fiscal_aid in 万元; the
    unit may stand in a note above the table), or None for a column of names or of things that
    are no aid."""
    if _SHARE.search(name):
        return None                                    # a share or a rate (比重(%), 增长率)
    unit = _COLUMN_UNIT.search(name)
    word = unit.group(1) if unit else _noted_unit(name, caption)
    if not word:
        return None
    base, mult = UNIT_OF[word]
    label = name[:unit.start()] + name[unit.end():] if unit else name
    indicator = next((n for n, p in _COLUMNS if p.search(label)), "")
    if not indicator:
        return None
    if indicator in _MONEY and base != "yuan" or indicator in _PEOPLE and base not in ("person", "person_time", "household") \
            or indicator not in _MONEY + _PEOPLE and base != "count":
        return None                                    # a column whose unit does not fit its name
    return Column(indicator, base, mult, "累计" in label)


def bare_number(cell: Cell) -> float | None:
    m = _BARE_NUMBER.match(cell.text)
    return float(m.group(1)) if m else None
