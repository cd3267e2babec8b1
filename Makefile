# Open Casus — the two commands a newcomer needs:
#   make demo   create the environment, install, migrate, load the demo data, serve on 127.0.0.1:8000
#   make test   lint (ruff), type check (mypy), API Design Rules lint, test suite (pytest)
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
PYTEST_ARGS ?=
# The package is used from src/ (no editable install), so several checkouts can share one environment.
export PYTHONPATH := $(CURDIR)/src

.PHONY: demo test lint typecheck adr-lint pytest install messages bench check-all browser-setup clean serve bench-data loadtest

# Installs are keyed by the hash of the lock files, so a fresh checkout that shares an environment
# does not reinstall, and a changed lock does.
$(STAMP): FORCE
	@h=$$(sha256sum requirements.lock | cut -c1-16); \
	if [ ! -f $(VENV)/.installed-$$h ]; then \
	  set -e; test -x $(PY) || $(PYTHON) -m venv $(VENV); \
	  $(PY) -m pip install --quiet --upgrade pip; \
	  $(PY) -m pip install --quiet -r requirements.lock; \
	  rm -f $(VENV)/.installed-*; touch $(VENV)/.installed-$$h; \
	fi

$(NODE_STAMP): FORCE
	@h=$$(sha256sum package-lock.json | cut -c1-16); \
	if [ ! -f node_modules/.installed-$$h ]; then \
	  set -e; npm ci --no-audit --no-fund --loglevel=error; touch node_modules/.installed-$$h; \
	fi

install: $(STAMP)

demo: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py runserver 127.0.0.1:8000

serve: $(STAMP)
	$(PY) manage.py runserver 127.0.0.1:8000

lint: $(STAMP)
	$(VENV)/bin/ruff check --output-format concise src scripts

typecheck: $(STAMP)
	$(VENV)/bin/mypy src

var/openapi.json: $(STAMP) FORCE
	mkdir -p var
	DJANGO_SETTINGS_MODULE=opencasus.settings.test $(PY) manage.py spectacular --format openapi-json --file var/openapi.json --validate --fail-on-warn

adr-lint: var/openapi.json $(NODE_STAMP)
	npx --no-install spectral lint --fail-severity error -r docs/api-design-rules/ruleset.yaml var/openapi.json

pytest: $(STAMP)
	$(VENV)/bin/pytest -n 2 $(PYTEST_ARGS)

test: lint typecheck adr-lint pytest

# Debian's Chromium for the real-browser tests (Playwright drives it; no browser download).
browser-setup:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" != 0 ]; then echo "browser-setup: run as root or apt-get install chromium" >&2; exit 1; fi; \
	  echo "Installing Chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

# Everything `make test` does, with the browser tests required (they fail instead of skipping).
check-all: export OPENCASUS_REQUIRE_BROWSER := 1
check-all: browser-setup lint typecheck adr-lint pytest

messages: $(STAMP)
	for app in $$(ls src/opencasus); do test -f src/opencasus/$$app/locale/nl.json && $(PY) scripts/translate.py $$app; done; true

# Benchmarks against a generated national data set in PostgreSQL (docs/performance.md).
#   make bench-data BENCH_SCALE=1.0   generate (1.0 = 1,000,000 cases; 0.01 for CI)
#   make bench                        the table: real code path, database floor, ratio (with the case search);
#                                     then the server time of the main pages on the demo data
#   make loadtest                     gunicorn (production settings) on 127.0.0.1, 100 users for 60 s
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/opencasus_bench
BENCH_FIELD_KEY ?= bench-field-key-0123456789abcdef0123456789
BENCH_SCALE ?= 0.01
BENCH_ITERATIONS ?= 50
BENCH_ARGS ?=
BENCH_ENV = DATABASE_URL=$(BENCH_DATABASE_URL) OPENCASUS_FIELD_KEY=$(BENCH_FIELD_KEY) DEBUG=false
# The page benchmark runs on the demo data, in a database of its own (created and loaded when needed).
BENCH_DEMO_DATABASE_URL ?= $(BENCH_DATABASE_URL)_demo
BENCH_PAGE_ITERATIONS ?= 30

bench-data: $(STAMP)
	$(BENCH_ENV) $(PY) manage.py migrate --noinput -v0
	$(BENCH_ENV) $(PY) manage.py generate_national_data --scale $(BENCH_SCALE) --reset

bench: $(STAMP)
	$(BENCH_ENV) $(PY) manage.py run_benchmarks --iterations $(BENCH_ITERATIONS) $(BENCH_ARGS)
	DATABASE_URL=$(BENCH_DEMO_DATABASE_URL) DEBUG=false $(PY) manage.py run_page_benchmarks \
	  --iterations $(BENCH_PAGE_ITERATIONS)

loadtest: $(STAMP)
	$(BENCH_ENV) bench/run_load_test.sh

FORCE:

clean:
	rm -rf $(VENV) node_modules var
