"""Committed notebooks: stripped of outputs, a describing markdown cell, then a literal parameters cell."""
import ast
import json

import pytest

from helpers import paths, run

NOTEBOOKS = run.list_notebooks(paths.NOTEBOOKS)


def cells(nb):
    return json.loads(nb.read_text(encoding="utf-8"))["cells"]


def test_the_collection_has_its_cleaning_and_analysis_notebooks():
    stems = [nb.stem for nb in NOTEBOOKS]
    assert len(stems) == len(set(s[:2] for s in stems)), "two notebooks share a number"
    assert stems[:2] and stems[0].startswith("01_"), stems


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(nb):
    dirty = [i for i, c in enumerate(cells(nb), 1)
             if c.get("outputs") or c.get("execution_count") is not None]
    assert dirty == [], f"{nb.name}: cells {dirty} carry outputs; strip them before committing"


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: p.name)
def test_starts_with_what_it_reads_writes_and_shows(nb):
    first = cells(nb)[0]
    assert first["cell_type"] == "markdown"
    text = "".join(first["source"]).lower()
    for word in ("read", "write", "show"):
        assert word in text, f"{nb.name}: first cell does not say what it {word}s"


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: p.name)
def test_parameters_cell_holds_only_literal_defaults(nb):
    tagged = [c for c in cells(nb) if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1, f"{nb.name}: needs exactly one cell tagged 'parameters'"
    assert cells(nb).index(tagged[0]) == 1, f"{nb.name}: the parameters cell comes second"
    tree = ast.parse("".join(tagged[0]["source"]))
    for node in tree.body:
        assert isinstance(node, (ast.Assign, ast.AnnAssign)), ast.dump(node)
        ast.literal_eval(node.value)  # raises on anything but a literal


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: p.name)
def test_kernel_is_python3(nb):
    meta = json.loads(nb.read_text(encoding="utf-8"))["metadata"]
    assert meta.get("kernelspec", {}).get("name") == "python3"


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: p.name)
def test_papermill_reads_every_parameter(nb, caplog):
    # papermill parses the parameters cell line by line: a second '=' on a line (in a comment)
    # makes it warn "Unable to parse line" and report the parameter as unknown, although the
    # value is applied. Every declared name must come out of papermill's own parser.
    from papermill.translators import PythonTranslator

    tagged = next(c for c in cells(nb) if "parameters" in c.get("metadata", {}).get("tags", []))
    with caplog.at_level("WARNING", logger="papermill"):
        found = {p.name for p in PythonTranslator.inspect({"source": "".join(tagged["source"])})}
    assert not caplog.records, [r.getMessage() for r in caplog.records]
    assert found == run.declared_parameters(nb)
