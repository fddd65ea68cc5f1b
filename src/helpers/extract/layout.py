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
from dataclasses import dataclass, field

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
    return re.compile(rf"(?:[^{cls}]|[?!](?=[A-Za-z\u00c0-\u024f]))*(?:{stop})|(?:[^{cls}]|[?!])+$")


_CUTTERS: dict[str, re.Pattern] = {}


def cut(text: str, start: int, end: int, ends: str) -> list[Span]:
    """Spans of ``text[start:end]`` cut after each character of ``ends`` (kept in the span)."""
    rx = _CUTTERS.get(ends)
    if rx is None:
        rx = _CUTTERS[ends] = _cutter(ends)
    return [Span(m.start(), m.end()) for m in rx.finditer(text, start, end) if m.end() > m.start()]


@dataclass
class SpanIndex:
    """Ordered, non-overlapping spans with a position → span lookup."""
    spans: list[Span]
    starts: list[int] = field(init=False)

    def __post_init__(self):
        self.starts = [s.start for s in self.spans]

    def index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def at(self, pos: int) -> Span:
        return self.spans[self.index(pos)] if self.spans else Span(0, 0)

    def __len__(self) -> int:
        return len(self.spans)

    def __getitem__(self, i: int) -> Span:
        return self.spans[i]


@dataclass
class Layout:
    text: str
    lines: SpanIndex
    sentences: SpanIndex
    clauses: SpanIndex
    full_sentences: SpanIndex = None      # up to 。！？ or a line break (；-pieces together)

    def full_sentence(self, pos: int) -> Span:
        return self.full_sentences.at(pos)

    def sentence(self, pos: int) -> Span:
        return self.sentences.at(pos)

    def clause(self, pos: int) -> Span:
        return self.clauses.at(pos)

    def line(self, pos: int) -> Span:
        return self.lines.at(pos)

    def clause_start(self, pos: int) -> int:
        """Start of the clause holding ``pos`` (never before its sentence)."""
        return max(self.clause(pos).start, self.sentence(pos).start)

    def previous_sentence(self, sent: Span) -> Span | None:
        i = self.sentences.index(sent.start)
        return self.sentences[i - 1] if i > 0 else None

    def pieces(self, span: Span) -> list[Span]:
        return cut(self.text, span.start, span.end, PIECE_END)


def layout(text: str) -> Layout:
    lines, pos = [], 0
    for chunk in text.split("\n"):
        lines.append(Span(pos, pos + len(chunk) + 1))
        pos += len(chunk) + 1
    sentences, clauses, full = [], [], []
    for ln in lines:
        end = min(ln.end, len(text))
        full.extend(cut(text, ln.start, end, FULL_SENTENCE_END))
        for s in cut(text, ln.start, end, SENTENCE_END):
            sentences.append(s)
            clauses.extend(cut(text, s.start, s.end, CLAUSE_END))
    whole = [Span(0, len(text))]
    return Layout(text, SpanIndex(lines), SpanIndex(sentences or whole), SpanIndex(clauses or whole),
                  SpanIndex(full or whole))
