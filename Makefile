# ruhr-kg: `make run` builds, validates and serves; `make test` runs every test.
# Both set everything up on a fresh machine (Python venv from pyproject.toml).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install browser build validate stats run test bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# Debian's Chromium for the browser tests (Playwright drives it; no browser download).
browser:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update && $$SUDO apt-get install -y --no-install-recommends chromium; }

build: install
	$(BIN)/rk build

validate: install
	$(BIN)/rk validate

stats: install
	$(BIN)/rk stats

run: build
	$(BIN)/rk serve --host $(HOST) --port $(PORT)

test: install browser
	$(BIN)/python -m pytest

bench: build
	$(BIN)/python bench/engines.py

clean:
	rm -rf build $(VENV) .pytest_cache test-artifacts
