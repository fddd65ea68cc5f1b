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
