# actorgraph task runner. `make demo` and `make test` are the two set-up commands.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out

.PHONY: setup setup-test demo test quality golden bench lint clean

$(VENV)/.base: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.test: $(VENV)/.base pyproject.toml
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $@

setup: $(VENV)/.base            ## create .venv and install actorgraph

setup-test: $(VENV)/.test       ## also install the test tools

demo: setup                     ## set up, then run actorgraph on the bundled sample corpus into out/
	$(BIN)/actorgraph run corpora/sample --out $(OUT)

test: setup-test                ## set up, then run the test suite
	$(BIN)/python -m pytest -q

quality: setup-test             ## regenerate docs/quality.md from ../shared/eval
	$(BIN)/python scripts/quality.py

golden: setup-test            ## regenerate the sample corpus's golden tables (review the diff!)
	$(BIN)/python scripts/update_golden.py

bench: setup-test               ## throughput and memory benchmarks (docs/benchmarks.md)
	$(BIN)/python benchmarks/run.py

lint: setup-test
	$(BIN)/ruff check src tests

clean:
	rm -rf $(OUT) .pytest_cache build *.egg-info
