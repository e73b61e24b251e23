# Two commands do everything on a fresh machine:
#   make run    set up .venv, build the gazetteer cache, open the dashboard on the bundled story
#   make test   set up .venv (and Chromium for the browser tests), run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run places test bench

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/geo places
	$(BIN)/streamlit run app.py

places: $(STAMP)
	$(BIN)/geo places

test: $(STAMP)
	scripts/install-browser
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py
