# Two entry points for a fresh machine with Python 3.11, pip and make:
#   make all   — create .venv, install, run every notebook → data/clean/ + reports/*.html
#   make test  — create .venv, install, run the test suite
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: all install reports test bench clean-reports help

all: reports  ## set up and run the whole collection

help:  ## list targets
	@grep -E '^[a-z-]+:.*## ' Makefile | sed 's/:.*## /\t/'

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) not found (Python 3.11 is required; set PYTHON=/path/to/python3.11)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)  ## create .venv and install the pinned dependencies

reports: $(STAMP)  ## execute notebooks/NN_*.ipynb with papermill, export reports/*.html
	$(PY) -m helpers run

test: $(STAMP)  ## run the tests
	$(PY) -m pytest

bench: $(STAMP)  ## print the benchmark timings (runner, ingest, extraction)
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

clean-reports:  ## remove built reports and executed notebooks
	rm -rf build reports/*.html reports/evidence reports/figures reports/tables
