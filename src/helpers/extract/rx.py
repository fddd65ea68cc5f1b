"""``re``'s functions with each pattern compiled once, and compiled to skip hopeless positions.

The rules call them with the lexicon's pattern strings for every figure; ``re``'s own cache
lookup cost more than many of the matches. A dict with ``__missing__`` makes a hit one lookup.

``compile`` adds a lookahead on the characters a match can start with when ``re`` cannot skip
positions by itself: ``re`` only does so for a pattern opening with a literal or a character
class, and the lexicon's cues open with alternatives and lookbehinds (累计|(?<!今年)以来|…), so a
search tried the whole pattern at every position. The lookahead consumes nothing and only
states what any match starts with, so matches, groups and spans are the same.
"""
from __future__ import annotations

import re
from re import _constants as C, _parser

_CATEGORY = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
             C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W"}


class _Unknown(Exception):
    pass


def _class_item(op, av) -> str:
    if op is C.LITERAL:
        return re.escape(chr(av))
    if op is C.RANGE:
        return re.escape(chr(av[0])) + "-" + re.escape(chr(av[1]))
    if op is C.CATEGORY and av in _CATEGORY:
        return _CATEGORY[av]
    raise _Unknown


def _first(items) -> tuple[list[str], bool]:
    """(class items a match of the sequence ``items`` can start with, whether it can be empty)."""
    out: list[str] = []
    for op, av in items:
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue                                  # zero-width: the next item starts the match
        if op is C.LITERAL:
            return out + [_class_item(op, av)], False
        if op is C.IN:
            if any(o is C.NEGATE for o, _ in av):
                raise _Unknown
            return out + [_class_item(o, a) for o, a in av], False
        if op is C.BRANCH:
            empty = False
            for alt in av[1]:
                first, alt_empty = _first(alt)
                out += first
                empty = empty or alt_empty
            if not empty:
                return out, False
            continue
        if op is C.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                raise _Unknown
            first, empty = _first(sub)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            lo, _, sub = av
            first, empty = _first(sub)
            empty = empty or lo == 0
        else:
            raise _Unknown                            # any character, back-references, …
        out += first
        if not empty:
            return out, False
    return out, True


def _skips_by_itself(items) -> bool:
    """Does ``re`` find the candidate positions itself (a literal or class first)?"""
    while items and items[0][0] is C.SUBPATTERN and not items[0][1][1] and not items[0][1][2]:
        items = items[0][1][3]
    if not items:
        return False
    op, av = items[0]
    return op in (C.LITERAL, C.IN) or op is C.BRANCH and all(
        alt and alt[0][0] is C.LITERAL for alt in av[1])


def compile(pattern: str) -> re.Pattern:
    """``re.compile(pattern)``, with a lookahead on the first character where it pays."""
    try:
        parsed = _parser.parse(pattern)
        if parsed.state.flags & ~C.SRE_FLAG_UNICODE or _skips_by_itself(parsed.data):
            return re.compile(pattern)
        first, empty = _first(parsed.data)
    except (_Unknown, re.error):
        return re.compile(pattern)
    if empty or not first:
        return re.compile(pattern)
    return re.compile(f"(?=[{''.join(first)}])(?:{pattern})")


def _chars(op, av, limit: int = 64) -> frozenset | None:
    """The characters a LITERAL or IN item matches, when they are few and listed."""
    if op is C.LITERAL:
        return frozenset(chr(av))
    if op is not C.IN:
        return None
    out = set()
    for o, a in av:
        if o is C.LITERAL:
            out.add(chr(a))
        elif o is C.RANGE and a[1] - a[0] < limit:
            out.update(map(chr, range(a[0], a[1] + 1)))
        else:
            return None                               # negated, a category, a wide range
    return frozenset(out) if len(out) <= limit else None


def _required(items) -> list[frozenset]:
    """Sets of characters of which any match of the sequence ``items`` holds one each."""
    out: list[frozenset] = []
    for op, av in items:
        chars = _chars(op, av)
        if chars is not None:
            out.append(chars)
        elif op is C.BRANCH:
            # one alternative matches: the union of a set each alternative needs
            needs = [_required(alt) for alt in av[1]]
            if all(needs):
                out.append(frozenset().union(*(min(n, key=len) for n in needs)))
        elif op is C.SUBPATTERN:
            if av[1] or av[2]:
                raise _Unknown                        # flags inside: not worth reading
            out += _required(av[3])
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
            out += _required(av[2])
        # anything else (lookarounds, anchors, any character, optional parts) needs nothing here
    return out


def required_chars(pattern: re.Pattern) -> list[frozenset]:
    """Sets of characters of which every match of ``pattern`` holds one each ([] if unknown):
    a text without one of each cannot match, which one set-disjointness test per set says
    without calling the pattern (what ``could_match`` does for the many cues of a sentence)."""
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        if parsed.state.flags & ~C.SRE_FLAG_UNICODE:
            return []
        return _required(parsed.data)
    except (_Unknown, re.error):
        return []


class CueFilter:
    """Which cues of a table could match a sentence, from the set of the sentence's characters.

    Every match of a cue holds one character of each of its ``rx.required_chars`` sets. Each
    distinct set gets a bit and each character the bits of the sets it belongs to: the
    sentence's characters light their bits, and a cue could match only when every bit it
    needs is lit (a sentence lights them all for about one cue in eight)."""

    def __init__(self, patterns):
        bits: dict[frozenset, int] = {}
        self.needs = []                     # per cue, in order: the bits of the sets it needs
        for p in patterns:
            need = 0
            for chars in required_chars(p):
                need |= 1 << bits.setdefault(chars, len(bits))
            self.needs.append(need)
        self.lights: dict[str, int] = {}    # character -> the bits of the sets holding it
        for chars, bit in bits.items():
            for c in chars:
                self.lights[c] = self.lights.get(c, 0) | 1 << bit
        self.keys = frozenset(self.lights)

    def candidates(self, chars) -> list[int]:
        """Indices (in order) of the cues that could match a text made of ``chars``."""
        lit, lights = 0, self.lights
        for c in self.keys.intersection(chars):
            lit |= lights[c]
        unlit = ~lit
        return [i for i, need in enumerate(self.needs) if not need & unlit]


class CompiledOnce(dict):
    def __missing__(self, pattern):
        rx = self[pattern] = compile(pattern)
        return rx

    def search(self, pattern, string, pos=0, endpos=None):
        return self[pattern].search(string, pos, len(string) if endpos is None else endpos)

    def match(self, pattern, string, pos=0, endpos=None):
        return self[pattern].match(string, pos, len(string) if endpos is None else endpos)

    def fullmatch(self, pattern, string, pos=0, endpos=None):
        return self[pattern].fullmatch(string, pos, len(string) if endpos is None else endpos)

    def finditer(self, pattern, string, pos=0, endpos=None):
        return self[pattern].finditer(string, pos, len(string) if endpos is None else endpos)

    def split(self, pattern, string, maxsplit=0):
        return self[pattern].split(string, maxsplit)

    def sub(self, pattern, repl, string, count=0):
        return self[pattern].sub(repl, string, count)


rx = CompiledOnce()


class DocumentMemo:
    """Results the rules ask for again and again within one document (the cue matches of a
    sentence, the years stated in a range), kept for that document only.

    ``of(text)`` is the memo of the document whose text is ``text`` (the very object: a
    document's memo never serves another document, even one with equal text).
    ``extract_document`` forgets it before and after every document, so a document extracted
    twice pays twice, as it would in a run over new reports."""

    def __init__(self):
        self.text, self.memo = None, {}

    def of(self, text: str) -> dict:
        if text is not self.text:
            self.text, self.memo = text, {}
        return self.memo

    def forget(self) -> None:
        self.text, self.memo = None, {}


memo = DocumentMemo()
