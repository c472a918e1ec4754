# Everything a fresh machine needs: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint venv dev clean bench docs

$(BIN)/wirecheck: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.dev: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

venv: $(BIN)/wirecheck
dev: $(VENV)/.dev

demo: $(BIN)/wirecheck
	rm -f demo.db
	$(BIN)/wirecheck run examples/ --db demo.db

test: $(VENV)/.dev
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/python -m pytest -q

lint: $(VENV)/.dev
	$(BIN)/ruff check src tests bench scripts

docs: $(VENV)/.dev
	$(BIN)/wirecheck eval --all $(or $(DATASETS),../shared/datasets) --markdown --out docs/benchmarks.md

bench: $(VENV)/.dev
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) *.db test-artifacts
