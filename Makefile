# The two commands a newcomer needs: `make serve` and `make test`. Both set everything up.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve test test-fast build zensical check handouts bench schema clean system-deps system-deps-test

# The venv is rebuilt whenever pyproject.toml changes.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

# axe-core for the browser tests, pinned in package.json/package-lock.json (node_modules/ is
# git-ignored). `npm ci` installs exactly the locked version; no install scripts run.
AXE := node_modules/axe-core/axe.min.js
$(AXE): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	@touch $(AXE)

system-deps:
	@scripts/system-deps.sh build

system-deps-test:
	@scripts/system-deps.sh test

serve: system-deps $(STAMP)
	$(BIN)/mkdocs serve --livereload -a 127.0.0.1:8000

# Built next to site/ and swapped in only when the strict build passed: MkDocs writes
# every page before it counts its warnings, so a failed build must not leave its pages in
# site/ (which would then look like a good build).
build: system-deps $(STAMP)
	@rm -rf site.new
	$(BIN)/mkdocs build --strict --site-dir site.new || { rm -rf site.new; exit 1; }
	@rm -rf site && mv site.new site

# The same site built with Zensical, Material's successor, into site-zensical/ (MkDocs stays
# the default): generate --out build/zensical-docs, docs/ beside it, `zensical build`.
# See scripts/zensical_build.py and README, "Zensical".
zensical: system-deps $(STAMP)
	$(BIN)/python scripts/zensical_build.py

check: $(STAMP)
	$(BIN)/python -m generator check --strict
	$(BIN)/ruff check generator tests bench scripts
	$(BIN)/mypy generator

test: system-deps system-deps-test $(STAMP) $(AXE) check
	$(BIN)/python -m pytest

# The loop while coding: no browser, no full build (markers in pyproject.toml), and no
# system packages, npm, ruff or mypy; only the venv. Under a minute; `make test` before a PR.
# (tests/browser/ is not even collected: importing Playwright costs seconds.)
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not browser and not build" --ignore=tests/browser -q

handouts: system-deps $(STAMP)
	$(BIN)/python -m generator.handouts --out build/handouts

# Corpus sizes for `make bench`; the 5,000-entity full build takes minutes:
# make bench BENCH_SIZES=100,1000,5000
BENCH_SIZES ?= 100,1000
bench: system-deps $(STAMP)
	$(BIN)/python -m bench --sizes $(BENCH_SIZES)

schema: $(STAMP)
	$(BIN)/python -m generator schema --out schema

clean:
	rm -rf site site.new site-zensical build .cache .pytest_cache .mypy_cache .ruff_cache
