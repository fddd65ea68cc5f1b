"""The whole collection runs end to end on the seeds through the runner, offline."""
import os
import subprocess
import sys

import pandas as pd
import pytest

from helpers.run import copy_project, is_seed_or_table


@pytest.fixture(scope="module")
def seeds_project(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("collection") / "project", is_seed_or_table)
    env = dict(os.environ, HELPERS_PROJECT_ROOT=str(project))
    proc = subprocess.run([sys.executable, "-m", "helpers", "run"], env=env, text=True,
                          capture_output=True, timeout=900)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return project, proc.stdout


def test_every_notebook_runs_and_exports_its_report(seeds_project):
    project, out = seeds_project
    notebooks = sorted(p.stem for p in (project / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    assert len(notebooks) >= 4
    for stem in notebooks:
        page = project / "reports" / f"{stem}.html"
        assert page.exists(), f"{stem}: no report"
        text = page.read_text(encoding="utf-8")
        assert "missing from font" not in text, f"{stem}: a glyph warning (tofu in a figure)"
        assert "Traceback (most recent call last)" not in text, stem
    index = (project / "reports" / "index.html").read_text(encoding="utf-8")
    assert all(f"{stem}.html" in index for stem in notebooks)


def test_the_panel_of_the_seeds_is_written(seeds_project):
    project, _ = seeds_project
    clean = project / "data" / "clean"
    documents = pd.read_csv(clean / "documents.csv")
    assert len(documents) == len(list((project / "data" / "raw").iterdir()))
    panel = pd.read_csv(clean / "panel.csv", dtype=str, keep_default_na=False)
    assert set(panel["doc_id"]) == set(documents.loc[documents.status == "ok", "doc_id"])
    assert (clean / "panel.parquet").exists() and (clean / "codebook.yaml").exists()
    assert list((project / "reports" / "evidence").glob("*.html"))


def test_every_recipient_in_the_seeds_panel_has_an_adcode(seeds_project):
    project, _ = seeds_project
    panel = pd.read_csv(project / "data" / "clean" / "panel.csv", dtype=str, keep_default_na=False)
    named = panel[panel["recipients"] != ""]
    assert len(named) > 100
    for names, codes in zip(named["recipients"], named["recipient_adcodes"]):
        codes = codes.split(";")
        assert len(codes) == len(names.split(";")) and all(len(c) == 6 and c.isdigit() for c in codes), names


def test_reports_need_no_network(seeds_project):
    project, _ = seeds_project
    for page in (project / "reports").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for cdn in ("cdn.plot.ly", "cdn.jsdelivr", "unpkg.com", "cdnjs.cloudflare"):
            assert f'src="https://{cdn}' not in text and f"src='https://{cdn}" not in text, (page.name, cdn)


def test_index_is_rendered_and_summarises_the_collection(seeds_project):
    project, _ = seeds_project
    index = (project / "reports" / "index.html").read_text(encoding="utf-8")
    assert "**Reads**" not in index and "`data/" not in index       # Markdown rendered, not shown
    assert "<strong>Reads</strong>" in index
    for part in ("Documents by status", "Figures by indicator", "donors", "years covered",
                 'href="../data/clean/panel.csv"', 'href="../data/clean/panel.parquet"',
                 'href="../data/clean/codebook.yaml"', 'href="figures/pairing_map.png"'):
        assert part in index, part


def test_a_rerun_with_other_parameters_names_its_outputs_and_warns_when_empty(seeds_project):
    project, _ = seeds_project
    reports = project / "reports"
    defaults = sorted(p for p in reports.rglob("*") if p.is_file() and p.name not in
                      {"index.html", "runs.json"})
    before = {p: p.read_bytes() for p in defaults}
    env = dict(os.environ, HELPERS_PROJECT_ROOT=str(project))
    proc = subprocess.run([sys.executable, "-m", "helpers", "run", "--only", "10", "-p", "years",
                           "2030"], env=env, text=True, capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "WARNING" in proc.stdout and "No figure of the panel matches" in proc.stdout
    assert "Unable to parse" not in proc.stderr and "unknown parameter" not in proc.stderr
    assert {p: p.read_bytes() for p in defaults} == before       # default outputs untouched
    rerun = reports / "10_pairing_maps--years-2030.html"
    assert "No figure of the panel matches the selection" in rerun.read_text(encoding="utf-8")
    assert (reports / "figures" / "pairing_map--years-2030.png").exists()
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert "10_pairing_maps--years-2030.html" in index and "No figure of the panel matches" in index


def test_every_page_carries_its_cjk_font_and_loads_nothing_from_the_network(seeds_project):
    import re

    project, _ = seeds_project
    for page in (project / "reports").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        faces = re.findall(r'@font-face\{font-family:"Report CJK";src:url\("([^"]+)"\)', text)
        assert faces, f"{page.name}: no embedded font"
        src = faces[0]
        if not src.startswith("data:font/woff;base64,"):
            assert (page.parent / src).exists(), (page.name, src)   # the evidence folder's subset
        # a link a reader may follow is fine; nothing the page loads by itself may be remote
        assert not re.search(r"""<(script|img|iframe)[^>]+src=["']?(https?:)?//""", text), page.name
        assert not re.search(r"""<link[^>]+href=["']?(https?:)?//""", text), page.name
        assert "@import" not in text and "url(http" not in text, page.name


def test_the_facts_of_the_seeds_are_written_with_the_panel(seeds_project):
    from helpers.facts import FACT_FILES, read_facts

    project, _ = seeds_project
    clean = project / "data" / "clean"
    assert all((clean / name).exists() for name in FACT_FILES)
    facts = read_facts(clean / "facts.csv")                 # validated by the declared schema
    panel = pd.read_csv(clean / "panel.csv", dtype=str, keep_default_na=False)
    assert 0 < len(facts) <= len(panel)
    dated = panel[panel["year"] != ""]
    assert int(facts["n_statements"].sum()) == len(dated)   # every dated statement is behind one fact
    assert set(facts["doc_ids"].str.split(";").explode()) == set(panel["doc_id"])
