# Two entry points: `make run` (set up, build, start the app) and `make test` (set up, build, run every check).
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup build run test lint eval bench bench-app clean

$(STAMP): pyproject.toml
	@command -v $(PY) >/dev/null 2>&1 || { echo "Fant ikke $(PY); installer Python 3.11"; exit 1; }
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)

build: setup
	$(BIN)/python -m assistant build

run: build
	$(BIN)/python -m streamlit run app.py --server.headless true

lint: setup
	$(BIN)/python -m ruff check assistant tests app.py

test: build lint
	$(BIN)/python -m pytest
	@echo "Evaluering på utviklingssettet:"
	@if [ -f ../shared/eval/dev.yaml ]; then $(BIN)/python -m assistant eval ../shared/eval/dev.yaml | tail -n 2; fi

eval: build
	$(BIN)/python -m assistant eval ../shared/eval/dev.yaml

bench: build
	$(BIN)/python -m assistant bench

bench-app: build
	$(BIN)/python -m assistant bench --app

clean:
	rm -rf data/build data/build.tmp data/build.old
