"""One row per figure per document: restatements are dropped, the body's statement wins.

A page states its key figures in the headline, a digest (● …) or the lead, and again in the
body; a page saved twice repeats whole sentences. Both are one figure (``conventions.md``):

* a row of the headline, byline, digest or lead whose indicator, value and unit a row of a
  later zone (lead, body) also states is dropped; so is a headline or digest row whose value and
  unit a lead or body row states as another indicator, and one whose value is a later zone's
  value rounded at the precision it is written with (2.1万 for 21036);
* a body row of a heading-like line (short, no clause: 省内协作:五年投入N亿元) whose figure a
  later sentence states again is dropped;
* a row whose sentence repeats, word for word, the sentence of an earlier row with the same
  indicator, value and unit is dropped (the page was saved twice);
* a row stating the same figure, with the same words, as an earlier row with the same donor,
  recipients, status, period, year and detail is dropped (a summary restated).

Rows of one figure that the 各/分别 rule split over several recipients share an offset and are
not restatements of each other.
"""
from __future__ import annotations

from .zones import BODY


def _key(row: dict) -> tuple:
    return row["indicator"], round(float(row["value"]), 2), row["unit"]


# the later a zone, the more a statement there is the page's own: headline < digest < lead < body
_RANK = {"headline": 0, "navigation": 0, "byline": 0, "masthead": 0, "digest": 1, "lead": 2, BODY: 3}


def _step(row: dict) -> float:
    """The rounding step of a figure as written (2.1万 → 1000, 9亿 → 1亿); 0 when the number is not
    in digits."""
    number = str(row.get("_number") or "").replace(",", "")
    try:
        written = float(number)
    except ValueError:
        return 0.0
    if written <= 0:
        return 0.0
    decimals = len(number.partition(".")[2])
    return float(row["value"]) / written * 10 ** -decimals


def rounds(short: dict, full: dict) -> bool:
    """Whether ``short`` states ``full``'s value rounded at its own precision: 2.1万 for 21036,
    突破9亿 (a lower bound) for 9.26亿, 近3万 (approximate) for 2.96万."""
    step = _step(short)
    if not step or step < 1:
        return False
    v, w = float(short["value"]), float(full["value"])
    if not w or abs(w - v) > 0.1 * w:
        return False      # a rounding keeps the figure within a tenth (1亿 is no rounding of 7000万)
    if short.get("qualifier") == "lower_bound":
        return v <= w < v + step
    if short.get("qualifier") == "approx":
        return abs(w - v) <= step
    return abs(w - v) <= step / 2


def _restated_rounded(x: dict, rows: list[dict]) -> bool:
    """A headline or digest figure (key figures, rounded) that a later zone states in full."""
    rank = _RANK.get(x["_zone"], 3)
    return rank <= 1 and any(
        y["indicator"] == x["indicator"] and y["unit"] == x["unit"] and _RANK.get(y["_zone"], 3) > rank
        and y["donor"] == x["donor"] and y["recipients"] == x["recipients"] and rounds(x, y) for y in rows)


def _heading_like(row: dict) -> bool:
    """A short line with no clause of its own (省内协作:五年投入N亿元, 【N万元】): a heading or a
    bold key-figure line that the text under it states in full."""
    sentence = str(row.get("_sentence") or "")
    return len(sentence) <= 30 and not any(c in sentence for c in "，,。；;")


def _restated_below(x: dict, rows: list[dict]) -> bool:
    """A heading-like body row whose figure a later body sentence states again."""
    return x["_zone"] == BODY and _heading_like(x) and any(
        _key(y) == _key(x) and y["_sentence_start"] > x["_sentence_start"] and not _heading_like(y)
        for y in rows)


def _later_rows(mentions: list[dict]) -> dict[tuple, int]:
    """(value, unit) → the last start of a lead or body row stating it: looked up by
    ``_read_later`` for each headline or digest row, built once per document."""
    out: dict[tuple, int] = {}
    for m in mentions:
        if m["decision"] == "panel" and _RANK.get(m["zone"], 3) > 1:
            k = (round(float(m["value"]), 2), m["unit"])
            out[k] = max(out.get(k, -1), m["start"])
    return out


def _read_later(x: dict, later: dict[tuple, int]) -> bool:
    """A headline or digest figure (●挂职干部N名) whose number a row of the lead or body states
    again as another indicator (cadres received, not sent): the later reading, in its sentence,
    is the page's. (A number the body rejects may be another thing of the same size.)"""
    if _RANK.get(x["_zone"], 3) > 1:
        return False
    return later.get((round(float(x["value"]), 2), x["unit"]), -1) > x["_fig_start"]


def one_row_per_figure(rows: list[dict], mentions: list[dict]) -> list[dict]:
    best: dict[tuple, int] = {}
    for x in rows:
        k = _key(x)
        best[k] = max(best.get(k, -1), _RANK.get(x["_zone"], 3))
    keep, dropped = [], {}
    later = _later_rows(mentions)
    seen_sentences: dict[tuple, int] = {}
    seen_facts: dict[tuple, int] = {}
    for x in rows:
        k = _key(x)
        if _RANK.get(x["_zone"], 3) < best[k]:
            dropped[x["_fig_start"]] = f"restated later in the page ({x['_zone']})"
            continue
        if _read_later(x, later):
            dropped[x["_fig_start"]] = f"restated later in the page, read there ({x['_zone']})"
            continue
        if _restated_rounded(x, rows):
            dropped[x["_fig_start"]] = f"restated later in the page, in full ({x['_zone']})"
            continue
        if _restated_below(x, rows):
            dropped[x["_fig_start"]] = "a heading's figure, stated again under it"
            continue
        sk = k + (x["_sentence"], x["recipients"], x["detail"])
        first = seen_sentences.setdefault(sk, (x["_fig_start"], x["_sentence_start"]))
        if first[0] != x["_fig_start"] and first[1] != x["_sentence_start"]:
            dropped[x["_fig_start"]] = "the same sentence stated again (page saved twice)"
            continue
        # the same figure with the same attribution stated again elsewhere in the body
        fk = k + (x["donor"], x["recipients"], x["status"], x["period"], x["year"], x["detail"], x["_cue"])
        first = seen_facts.setdefault(fk, (x["_fig_start"], x["_sentence_start"]))
        # (two equal counts of one sentence are two: the two sides of a twinning, 甲区N所与乙县N所,
        # or two posts of a list, 副县长1名、第一书记1名; an amount of money said twice is one)
        if first[0] != x["_fig_start"] and (first[1] != x["_sentence_start"] or x["unit"] == "yuan"):
            dropped[x["_fig_start"]] = "the same figure stated again"
            continue
        keep.append(x)
    for m in mentions:
        if m["start"] in dropped and m["decision"] == "panel":
            m["decision"], m["reason"] = "restated", dropped[m["start"]]
    return keep
