# Two commands do everything on a fresh machine:
#   make run    set up .venv (core + dashboard), prepare the caches (gazetteer, basemap frames),
#               read the bundled story, open the dashboard at http://localhost:8501
#   make test   set up .venv (core + every extra) and Chromium where it can, prepare the caches
#               (the dashboard tests time out on a first gazetteer build), run the whole suite
# Installs are pinned by constraints.txt (make lock refreshes it).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# setuptools warns at length about data folders it ships as package data: nothing to act on
PIP := PYTHONWARNINGS=ignore $(BIN)/python -m pip
CONSTRAINTS := constraints.txt
NEEDS := 3.11
RUN_EXTRAS := dashboard
ALL_EXTRAS := dashboard,batch,online,test

.PHONY: run places test bench lock wheel python-version

python-version:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < tuple(map(int, "$(NEEDS)".split("."))))' 2>/dev/null || { \
	  echo "geo needs Python $(NEEDS) or newer; '$(PYTHON)' is $$($(PYTHON) --version 2>&1 || echo missing)." \
	       "Install it, then: make PYTHON=python$(NEEDS) $(MAKECMDGOALS)" >&2; exit 1; }

$(BIN)/python: | python-version
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml setup.py $(CONSTRAINTS) | $(BIN)/python
	@echo "make: installing geo with the [$(RUN_EXTRAS)] extra into $(VENV) (pinned by $(CONSTRAINTS))…"
	$(PIP) install --quiet -c $(CONSTRAINTS) -e ".[$(RUN_EXTRAS)]"
	touch $@

$(VENV)/.installed-all: pyproject.toml setup.py $(CONSTRAINTS) | $(BIN)/python
	@echo "make: installing geo with every extra [$(ALL_EXTRAS)] into $(VENV) (pinned by $(CONSTRAINTS))…"
	$(PIP) install --quiet -c $(CONSTRAINTS) -e ".[$(ALL_EXTRAS)]"
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(BIN)/geo prepare
	$(BIN)/geo places
	$(BIN)/python app.py

places: $(VENV)/.installed-run
	$(BIN)/geo places

test: $(VENV)/.installed-all
	scripts/install-browser
	$(BIN)/geo prepare
	$(BIN)/python -m pytest -q -rs

bench: $(VENV)/.installed-all
	$(BIN)/python benchmarks/run.py

wheel: | python-version
	PYTHONWARNINGS=ignore $(PYTHON) -m pip wheel --no-deps --quiet -w dist .

# Refresh constraints.txt: a clean install of every extra into a throw-away environment,
# frozen. Run it after changing a requirement in pyproject.toml, and commit the result.
lock: | python-version
	@tmp=$$(mktemp -d) && $(PYTHON) -m venv $$tmp/venv \
	  && $$tmp/venv/bin/python -m pip install --quiet --upgrade pip \
	  && PYTHONWARNINGS=ignore $$tmp/venv/bin/python -m pip install --quiet ".[$(ALL_EXTRAS)]" \
	  && { echo "# Versions that make installs (pip install -c constraints.txt); refresh with make lock."; \
	       echo "# Python $$($$tmp/venv/bin/python -c 'import platform; print(platform.python_version())'), $$(date -u +%Y-%m-%d)."; \
	       $$tmp/venv/bin/python -m pip freeze --exclude geo-news-reader; } > $(CONSTRAINTS).new \
	  && mv $(CONSTRAINTS).new $(CONSTRAINTS) && rm -rf $$tmp && echo "make: $(CONSTRAINTS) refreshed"
