# Quick start: `make demo` builds the example meeting, `make test` runs the tests.
VENV ?= .venv
PYTHON ?= python3
BIN = $(VENV)/bin

.PHONY: demo test test-deps test-snel lint format templates docs golden bench system-deps clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

system-deps:
	@./scripts/system-deps.sh

test-deps:
	@./scripts/system-deps.sh test
	@if [ -f package.json ] && [ ! -d node_modules ]; then npm install --no-audit --no-fund --silent; fi

demo: system-deps $(BIN)/.installed
	$(BIN)/stukken build 2024-01-24
	$(BIN)/stukken publiceer

test: test-deps $(BIN)/.installed
	$(BIN)/python -m pytest -n auto --dist loadscope

# The unit tests of load, schema, gather and the commands, without rendering (seconds).
test-snel: $(BIN)/.installed
	$(BIN)/python -m pytest -m 'not traag'

lint: $(BIN)/.installed
	$(BIN)/ruff check src tests tools benchmarks
	$(BIN)/ruff format --check src tests tools benchmarks
	$(BIN)/mypy

format: $(BIN)/.installed
	$(BIN)/ruff format src tests tools benchmarks
	$(BIN)/ruff check --fix src tests tools benchmarks

# Regenerate the built-in DOCX templates after changing tools/docx_sjablonen.py.
templates: $(BIN)/.installed
	$(BIN)/python tools/docx_sjablonen.py

# Regenerate the format reference docs/format.md after changing the keys in schema/.
docs: $(BIN)/.installed
	$(BIN)/stukken schema --naslag docs/format.md

# Rewrite the golden text files in tests/golden/ after an intended change of output.
golden: $(BIN)/.installed
	STUKKEN_GOLDEN=schrijf $(BIN)/python -m pytest tests/test_golden.py

bench: $(BIN)/.installed
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf output site build dist .pytest_cache
