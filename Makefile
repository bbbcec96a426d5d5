# The two set-up commands of the README are `make run` and `make test`; both work on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.run-installed
DEV_STAMP := $(VENV)/.dev-installed
DEMO_SCALE ?= 1
PYTEST_ARGS ?=

.PHONY: run install install-dev test test-unit test-integration test-e2e lint format bench browser clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(RUN_STAMP): pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install -q -e .
	touch $@

$(DEV_STAMP): pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install -q -e '.[dev]'
	touch $@ $(RUN_STAMP)

install: $(RUN_STAMP)
install-dev: $(DEV_STAMP)

## make run: install, create ./var/loggutdrag.db, load the demo municipality once, serve on :8000
run: $(RUN_STAMP)
	$(BIN)/loggutdrag init
	$(BIN)/loggutdrag demo-data --scale $(DEMO_SCALE) --if-empty
	$(BIN)/loggutdrag serve --show-demo-logins

## make test: install what the tests need (incl. Debian's chromium) and run the whole suite
test: $(DEV_STAMP) browser
	$(BIN)/pytest $(PYTEST_ARGS)

test-unit: $(DEV_STAMP)
	$(BIN)/pytest tests/unit $(PYTEST_ARGS)

test-integration: $(DEV_STAMP)
	$(BIN)/pytest tests/integration $(PYTEST_ARGS)

test-e2e: $(DEV_STAMP) browser
	$(BIN)/pytest tests/e2e $(PYTEST_ARGS)

browser:
	@bash scripts/ensure-chromium.sh

lint: $(DEV_STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

format: $(DEV_STAMP)
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

bench: $(DEV_STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
