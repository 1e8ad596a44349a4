# Concordat: `make run` serves the site from a fresh clone, `make test` runs every check.
# Each install step leaves a stamp file and is repeated only when what it installs from changes.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := run

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
ADDRESS := 127.0.0.1:8000

PYTHON_STAMP := $(VENV)/.concordat-installed
NODE_STAMP := node_modules/.concordat-installed
BUILD_STAMP := static/dist/.concordat-built
# The CSS purge reads the templates and Python code for the classes they use, so they count too.
FRONTEND_SOURCES := $(shell find frontend -type f) package.json \
	$(shell find concordat -name '*.html' -o -name '*.py' -not -path '*/migrations/*')

.PHONY: run test bench bench-pg fuzz load lint format clean install build migrate seeds

run: install build migrate seeds
	@echo "Concordat is running at http://$(ADDRESS)"
	DJANGO_DEBUG=1 $(MANAGE) runserver $(ADDRESS)

test: install build | var/staticfiles
	$(BIN)/pytest
	$(BIN)/lint-imports
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Every benchmark runs and prints its table; the target fails at the end if any was over budget.
# The Lighthouse table runs when Chromium is installed (CONCORDAT_CHROMIUM, /usr/bin/chromium).
bench: install build
	status=0; \
	$(BIN)/python bench/run.py || status=1; \
	$(BIN)/python bench/bench_import.py || status=1; \
	$(BIN)/python bench/bench_open_data.py || status=1; \
	$(BIN)/python bench/throughput.py || status=1; \
	$(BIN)/python bench/import_accuracy.py || status=1; \
	$(BIN)/python bench/bench_lighthouse.py || status=1; \
	exit $$status

# The same tables on a throwaway PostgreSQL cluster loaded with England scale.
bench-pg: install
	bash bench/pg.sh

# 100,000 damaged copies of the site's own downloads through the importer (FUZZ_COUNT=... for fewer).
FUZZ_COUNT ?= 100000
fuzz: install
	$(BIN)/python bench/fuzz.py --count $(FUZZ_COUNT)

# Readers and editors in parallel against gunicorn on the England-scale data (LOAD_SECONDS=...).
LOAD_SECONDS ?= 600
load: install build
	$(BIN)/python bench/load.py --seconds $(LOAD_SECONDS)

lint: $(PYTHON_STAMP)
	$(BIN)/lint-imports
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(PYTHON_STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf var static/dist

install: $(PYTHON_STAMP) $(NODE_STAMP)

build: $(BUILD_STAMP)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(PYTHON_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

$(NODE_STAMP): package.json $(wildcard package-lock.json)
	if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
	touch $@

$(BUILD_STAMP): $(NODE_STAMP) $(FRONTEND_SOURCES)
	npm run build
	touch $@

var/staticfiles:
	mkdir -p $@

migrate: $(PYTHON_STAMP) | var/staticfiles
	DJANGO_DEBUG=1 $(MANAGE) migrate --noinput

# Other parts of the project provide these commands; each runs once it exists.
seeds: migrate
	if $(MANAGE) help load_seeds >/dev/null 2>&1; then DJANGO_DEBUG=1 $(MANAGE) load_seeds; fi
	if $(MANAGE) help create_demo_users >/dev/null 2>&1; then DJANGO_DEBUG=1 $(MANAGE) create_demo_users; fi
