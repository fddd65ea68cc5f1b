"""Every rule corpus in tests/corpora (Duckling-style: expected value → sentences that must give
it, negatives → sentences that must not). Sentences are written for the tests."""
from pathlib import Path

import pytest
import yaml

from helpers.evaluate import name_set
from helpers.extract import extract_document
from helpers.extract.places import find_places
from helpers.gazetteer import get_gazetteer
from sentence_doc import Doc

CORPORA = Path(__file__).parent / "corpora"


def _cases():
    for path in sorted(CORPORA.glob("*.yaml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        for polarity in ("examples", "negatives"):
            for value, sentences in (spec.get(polarity) or {}).items():
                for sentence in sentences:
                    yield pytest.param(spec, polarity == "examples", str(value), sentence,
                                       id=f"{path.stem}:{polarity[:3]}:{value}:{sentence[:18]}")


def _unmark(sentence: str) -> tuple[str, int, int]:
    start = sentence.index("【")
    end = sentence.index("】")
    return sentence.replace("【", "").replace("】", ""), start, end - 1


def _got(spec: dict, gz, sentence: str):
    plain, s, e = _unmark(sentence)
    intro = spec.get("intro") or ""
    offset = len(intro) + 1 if intro else 0
    text = (intro + "\n" if intro else "") + plain + "\n"
    field = spec["field"]
    if field == "role":
        hits = [h for h in find_places(gz, text) if h.start <= offset + s < h.end or offset + s <= h.start < offset + e]
        assert hits, f"no place found at 【{plain[s:e]}】"
        return hits[0].role
    _, mentions = extract_document(Doc("t", text, title=spec.get("title")), gz)
    found = [m for m in mentions if m["start"] <= offset + s < m["end"] or offset + s <= m["start"] < offset + e]
    assert found, f"no figure found at 【{plain[s:e]}】"
    m = found[0]
    value = m.get(field)
    if field == "year":
        return "" if value is None else str(int(value))
    return value if value is not None else ""


def _same(field: str, got, want: str) -> bool:
    if field in ("donor", "recipients"):
        return name_set(got) == name_set(want)
    return str(got) == want


@pytest.fixture(scope="module")
def gz():
    return get_gazetteer()


@pytest.mark.parametrize("spec, positive, value, sentence", list(_cases()))
def test_corpus(gz, spec, positive, value, sentence):
    got = _got(spec, gz, sentence)
    if positive:
        assert _same(spec["field"], got, value), f"{spec['module']}: expected {value!r}, got {got!r}"
    else:
        assert not _same(spec["field"], got, value), f"{spec['module']}: must not give {value!r}"


def test_every_corpus_names_its_rule_and_marks_its_figures():
    files = sorted(CORPORA.glob("*.yaml"))
    assert len(files) >= 8
    for path in files:
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert spec["module"].startswith("helpers.") and spec["field"]
        for polarity in ("examples", "negatives"):
            for sentences in (spec.get(polarity) or {}).values():
                assert all(s.count("【") == 1 and s.count("】") == 1 for s in sentences), path.name


class _UniqueKeys(yaml.SafeLoader):
    """A loader that refuses a key given twice in one mapping (YAML keeps the last silently,
    which would drop a corpus's sentences without a word)."""


def _unique_mapping(loader, node, deep=False):
    keys = [loader.construct_object(k, deep=deep) for k, _ in node.value]
    twice = sorted({str(k) for k in keys if keys.count(k) > 1})
    if twice:
        raise yaml.constructor.ConstructorError(None, None, f"keys given twice: {twice}", node.start_mark)
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_UniqueKeys.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)


def test_no_corpus_gives_a_value_twice():
    for path in sorted(CORPORA.glob("*.yaml")):
        yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeys)
