# Two commands for a newcomer: `make demo` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= reconcile.db
STAMP  := $(VENV)/.installed

.PHONY: demo test eval bench lint format clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dist]'
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/reconcile run sources --db $(DB)

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Scores the real-news corpus (benchmarks/real), development and held-out parts, when its
# texts have been rebuilt from the recipes; otherwise says how to rebuild them.
eval: $(STAMP)
	$(BIN)/python benchmarks/real/corpus.py eval

lint: $(STAMP)
	$(BIN)/ruff check reconcile tests benchmarks
	$(BIN)/ruff format --check reconcile tests benchmarks

format: $(STAMP)
	$(BIN)/ruff format reconcile tests benchmarks

BENCH_N ?= 10000
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,dist,bench]'
	$(BIN)/python benchmarks/run.py --articles $(BENCH_N)

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm build *.egg-info
