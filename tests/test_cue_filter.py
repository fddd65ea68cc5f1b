"""The cue filter skips only cues that cannot match: on every sentence of the seeds, each cue
that does match is among the filter's candidates, and the filter skips most cues."""
import re

import pytest

from helpers import paths
from helpers.extract.indicator import cues
from helpers.extract.rx import CueFilter
from helpers.normalize import normalize

SENTENCES = [s for p in sorted(paths.RAW.glob("00*_*.txt"))
             for s in re.split(r"[。；\n]", normalize(p.read_text(encoding="utf-8")).text) if s.strip()]


@pytest.mark.parametrize("group", ["money", "people", "count"])
def test_no_matching_cue_is_filtered_out(group):
    table = cues(group)
    f = CueFilter([p for _, p, _ in table])
    kept = total = 0
    for s in SENTENCES:
        got = f.candidates(set(s))
        matching = [i for i, (_, p, _) in enumerate(table) if p.search(s)]
        assert set(matching) <= set(got), (s, [table[i][0] for i in set(matching) - set(got)])
        assert got == sorted(got)
        kept, total = kept + len(got), total + len(table)
    assert kept < total / 2          # the point of it: most cues are not run
