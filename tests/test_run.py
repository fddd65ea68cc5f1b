"""The papermill runner on small notebooks made here: order, parameters, reports, failures."""
import io
import subprocess
import sys

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from helpers import run


def make_notebook(path, *code, params="greeting = 'hello'"):
    nb = new_notebook(cells=[
        new_markdown_cell(f"# {path.stem}\nReads nothing. Writes nothing. Shows a greeting."),
        new_code_cell(params, metadata={"tags": ["parameters"]}),
        *[new_code_cell(c) for c in code],
    ])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, str(path))
    return path


@pytest.fixture
def project(tmp_path):
    nbs = tmp_path / "notebooks"
    nbs.mkdir()
    return nbs, tmp_path / "build", tmp_path / "reports"


def test_runs_in_numbered_order_passes_parameters_and_exports_reader_html(project):
    nbs, build, reports = project
    make_notebook(nbs / "02_second.ipynb", "print('second says', greeting)")
    make_notebook(nbs / "01_first.ipynb",
                  "import matplotlib; matplotlib.use('Agg')\nimport matplotlib.pyplot as plt\n"
                  "plt.plot([1, 2]); plt.show()\nprint('first says', greeting)")
    (nbs / "scratch.ipynb").write_text("not a numbered notebook, ignored")
    out = io.StringIO()

    runs = run.run_collection(parameters={"greeting": "bonjour"}, notebooks_dir=nbs,
                              build_dir=build, reports_dir=reports, out=out)
    assert [r.name for r in runs] == ["01_first", "02_second"]
    text = out.getvalue()
    assert text.index("01_first") < text.index("02_second") and " s " in text
    # other parameters than the defaults: the report is named after them
    assert not (reports / "01_first.html").exists()
    page = (reports / "01_first--greeting-bonjour.html").read_text()
    assert "first says bonjour" in page
    assert "plt.plot" not in page                 # code cells are left out of the reader's version
    assert "data:image/png;base64" in page        # figures embedded: one file is the whole report
    assert "cdnjs" not in page and "require.min.js" not in page  # nothing fetched when opened offline
    index = (reports / "index.html").read_text()
    assert "01_first--greeting-bonjour.html" in index and "02_second--greeting-bonjour.html" in index
    assert "scratch" not in index


def test_only_and_unknown_names(project):
    nbs, build, reports = project
    make_notebook(nbs / "01_a.ipynb", "x = 1")
    make_notebook(nbs / "02_b.ipynb", "x = 2")
    runs = run.run_collection(only=["02"], notebooks_dir=nbs, build_dir=build, reports_dir=reports,
                              out=open("/dev/null", "w"))
    assert [r.name for r in runs] == ["02_b"]
    with pytest.raises(SystemExit, match="no notebook named 03_zzz"):
        run.run_collection(only=["03_zzz"], notebooks_dir=nbs, build_dir=build, reports_dir=reports)


def test_parameter_declared_by_no_notebook_is_an_error(project):
    nbs, build, reports = project
    make_notebook(nbs / "01_a.ipynb", "x = 1")
    with pytest.raises(SystemExit, match="typo"):
        run.run_collection(parameters={"typo": 1}, notebooks_dir=nbs, build_dir=build, reports_dir=reports)


def test_broken_notebook_stops_the_run_naming_notebook_and_cell(project):
    nbs, build, reports = project
    make_notebook(nbs / "01_ok.ipynb", "x = 1")
    make_notebook(nbs / "02_broken.ipynb", "y = 2", "raise ValueError('bad panel row')", "z = 3")
    make_notebook(nbs / "03_after.ipynb", "w = 1")
    with pytest.raises(run.NotebookFailed) as info:
        run.run_collection(notebooks_dir=nbs, build_dir=build, reports_dir=reports,
                           out=open("/dev/null", "w"))
    err = info.value
    assert err.notebook.name == "02_broken.ipynb"
    assert err.cell == 4  # markdown, parameters, y = 2, raise
    assert "ValueError: bad panel row" in str(err) and "cell 4" in str(err)
    assert (build / "02_broken.ipynb").exists()       # partial copy kept for debugging
    assert not (reports / "03_after.html").exists()   # the run stopped


def test_cli_exit_code_and_message_for_a_broken_notebook(tmp_path):
    nbs = tmp_path / "notebooks"
    nbs.mkdir()
    make_notebook(nbs / "01_broken.ipynb", "1 / 0")
    # Drive the real CLI with the tmp project through HELPERS_PROJECT_ROOT.
    (tmp_path / "pyproject.toml").write_text("")
    proc = subprocess.run([sys.executable, "-m", "helpers", "run"], capture_output=True, text=True,
                          env={"HELPERS_PROJECT_ROOT": str(tmp_path), "PATH": "/usr/bin:/bin"},
                          timeout=300)
    assert proc.returncode == 1
    assert "01_broken.ipynb failed in cell 3" in proc.stderr
    assert "ZeroDivisionError" in proc.stderr


def test_only_takes_several_names_after_one_flag():
    args = run.build_parser().parse_args(["--only", "10", "20", "-p", "years", "2030"])
    assert args.only == ["10", "20"] and args.parameter == [["years", "2030"]]
    assert run.build_parser().parse_args(["--only", "10", "--only", "02"]).only == ["10", "02"]


def test_a_notebook_warning_is_printed_by_the_runner_and_kept_for_the_index(project):
    nbs, build, reports = project
    make_notebook(nbs / "01_w.ipynb", "from helpers import params\nparams.warn('the selection <b>is</b> empty')")
    out = io.StringIO()

    run.run_collection(notebooks_dir=nbs, build_dir=build, reports_dir=reports, out=out)
    assert "WARNING (01_w): the selection <b>is</b> empty" in out.getvalue()
    page = (reports / "01_w.html").read_text()
    assert "the selection &lt;b&gt;is&lt;/b&gt; empty" in page and "<b>is</b>" not in page
    assert "the selection &lt;b&gt;is&lt;/b&gt; empty" in (reports / "index.html").read_text()
