"""The layout of one clean text: lines, sentences and clauses as spans, computed once.

Every rule downstream asks "which sentence/clause holds this offset?" for many figures; the
spans are cut once per document and looked up by bisection, so the cost of a lookup does not
grow with the document (work per figure is bounded by its sentence).

* a *line* ends at ``\\n`` (reports put one paragraph per line after normalisation);
* a *sentence* ends at 。！？；;, an ellipsis or a line break. An ASCII ``?``/``!`` followed by Latin
  letters is mojibake (当?shù), not the end of a sentence;
* a *clause* ends at ，,：: inside a sentence;
* a *piece* ends at 、 inside a clause (the items of a list).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from itertools import accumulate

SENTENCE_END = "。！？；;!?\n…"
CLAUSE_END = "，,：:"
FULL_SENTENCE_END = "。！？!?\n"
PIECE_END = "、"


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def __contains__(self, pos: int) -> bool:
        return self.start <= pos < self.end


def _cutter(ends: str) -> re.Pattern:
    plain = "".join(c for c in ends if c not in "?!")
    if plain == ends:
        cls = re.escape(ends)
        return re.compile(rf"[^{cls}]*[{cls}]|[^{cls}]+$")
    cls = re.escape(ends)
    stop = rf"[{re.escape(plain)}]|[?!](?![A-Za-z\u00c0-\u024f])"
    # (?:[^cls]|[?!](?=letter))* unrolled, so that runs of ordinary characters go in one step
    run = rf"[^{cls}]*(?:[?!](?=[A-Za-z\u00c0-\u024f])[^{cls}]*)*"
    return re.compile(rf"{run}(?:{stop})|(?:[^{cls}]|[?!])+$")


_CUTTERS: dict[str, re.Pattern] = {}


def bounds(text: str, start: int, end: int, ends: str) -> list[tuple[int, int]]:
    """(start, end) of the pieces of ``text[start:end]`` cut after each character of ``ends``."""
    rx = _CUTTERS.get(ends)
    if rx is None:
        rx = _CUTTERS[ends] = _cutter(ends)
    pieces = rx.findall(text, start, end)
    if sum(map(len, pieces)) != end - start:      # never for these cutters; kept exact all the same
        return [sp for sp in map(re.Match.span, rx.finditer(text, start, end)) if sp[1] > sp[0]]
    # the pieces tile the range, so their lengths give the offsets: no match object per piece
    offsets = list(accumulate(map(len, pieces), initial=start))
    return [sp for sp in zip(offsets, offsets[1:]) if sp[1] > sp[0]]


def cut(text: str, start: int, end: int, ends: str) -> list[Span]:
    """Spans of ``text[start:end]`` cut after each character of ``ends`` (kept in the span)."""
    return [Span(a, b) for a, b in bounds(text, start, end, ends)]


def piece_at(text: str, start: int, end: int, pos: int, ends: str) -> Span:
    """The span of ``cut(text, start, end, ends)`` holding ``pos`` (start <= pos < end), found
    from the nearest cuts around ``pos`` without cutting the whole range. Not for ends holding
    ? or ! (which ``cut`` keeps before Latin letters)."""
    assert "?" not in ends and "!" not in ends
    a = max(text.rfind(c, start, pos) for c in ends) + 1
    b = min([i for i in (text.find(c, pos, end) for c in ends) if i >= 0] or [end - 1]) + 1
    return Span(max(a, start), b)


class _SpansAt(dict):
    """position → span holding it, filled on first ask: the rules ask again and again about the
    same offsets, and a dict answers a repeated question without a Python call."""

    def __init__(self, pairs: list[tuple[int, int]], starts: list[int], made: list):
        super().__init__()
        self.pairs, self.starts, self.made = pairs, starts, made

    def __missing__(self, pos: int) -> Span:
        if not self.pairs:
            span = Span(0, 0)
        else:
            i = bisect.bisect_right(self.starts, pos) - 1
            i = i if i > 0 else 0
            span = self.made[i]
            if span is None:
                span = self.made[i] = Span(*self.pairs[i])
        self[pos] = span
        return span


class _ClauseStarts(dict):
    """position → start of the clause holding it (never before its sentence), filled on first ask."""

    def __init__(self, clause, sentence):
        super().__init__()
        self.clause, self.sentence = clause, sentence

    def __missing__(self, pos: int) -> int:
        start = self[pos] = max(self.clause(pos).start, self.sentence(pos).start)
        return start


class SpanIndex:
    """Ordered, non-overlapping spans with a position → span lookup. A span object is made
    when first asked for: most clauses of a page hold no figure and are never looked at."""

    def __init__(self, pairs: list[tuple[int, int]]):
        self.pairs = pairs
        self.starts = [a for a, _ in pairs]
        self._made: list[Span | None] = [None] * len(pairs)
        self._all_made = False
        # at(pos): the span holding pos (the first span for a position before it, Span(0, 0)
        # when there are none)
        self.at = _SpansAt(self.pairs, self.starts, self._made).__getitem__

    @property
    def spans(self) -> list[Span]:
        if not self._all_made:
            # filled in place: the lookup table shares the list
            self._made[:] = [Span(*p) if s is None else s for s, p in zip(self._made, self.pairs)]
            self._all_made = True
        return list(self._made)

    def index(self, pos: int) -> int:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i if i > 0 else 0

    def __len__(self) -> int:
        return len(self.pairs)

    def __getitem__(self, i: int) -> Span:
        made = self._made[i]
        if made is None:
            made = self._made[i] = Span(*self.pairs[i])
        return made


@dataclass
class Layout:
    text: str
    lines: SpanIndex
    sentences: SpanIndex
    clauses: SpanIndex
    full_sentences: SpanIndex = None      # up to 。！？ or a line break (；-pieces together)

    def __post_init__(self):
        # full_sentence(pos), sentence(pos), clause(pos), line(pos): the span holding pos. The
        # rules ask them tens of thousands of times per corpus: they are the indexes' own
        # lookups, not methods that would add a call to each question
        self.sentence = self.sentences.at
        self.clause = self.clauses.at
        self.line = self.lines.at
        if self.full_sentences is not None:
            self.full_sentence = self.full_sentences.at
        # clause_start(pos): start of the clause holding pos (never before its sentence)
        self.clause_start = _ClauseStarts(self.clause, self.sentence).__getitem__

    def previous_sentence(self, sent: Span) -> Span | None:
        i = self.sentences.index(sent.start)
        return self.sentences[i - 1] if i > 0 else None

    def pieces(self, span: Span) -> list[Span]:
        return cut(self.text, span.start, span.end, PIECE_END)


# layout() cuts the whole text at once, which equals cutting it line by line only when a line
# break ends every sentence
assert "\n" in SENTENCE_END and "\n" in FULL_SENTENCE_END


def layout(text: str) -> Layout:
    lines, pos = [], 0
    for chunk in text.split("\n"):
        lines.append((pos, pos + len(chunk) + 1))
        pos += len(chunk) + 1
    # every sentence and full-sentence end set includes the line break, and a clause ends where
    # its sentence does: one pass over the whole text cuts each (the same spans as cutting line
    # by line and sentence by sentence)
    n = len(text)
    full = bounds(text, 0, n, FULL_SENTENCE_END)
    sentences = bounds(text, 0, n, SENTENCE_END)
    clauses = bounds(text, 0, n, SENTENCE_END + CLAUSE_END)
    whole = [(0, n)]
    return Layout(text, SpanIndex(lines), SpanIndex(sentences or whole), SpanIndex(clauses or whole),
                  SpanIndex(full or whole))
