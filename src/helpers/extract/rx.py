"""``re``'s functions with each pattern compiled once.

The rules call them with the lexicon's pattern strings for every figure; ``re``'s own cache
lookup cost more than many of the matches. A dict with ``__missing__`` makes a hit one lookup.
"""
from __future__ import annotations

import re


class CompiledOnce(dict):
    def __missing__(self, pattern):
        rx = self[pattern] = re.compile(pattern)
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
