# The README's two commands are `make run` and `make test`.
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run run-large test test-quick lint format bench bench-national clean

$(BIN)/activate:
	python="$$(bash .ci/python.sh)" && "$$python" -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/activate
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/activate
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

## run: set up, then start the app in demo mode on its own SQLite store with the sample data
## (data/demo.db: demo mode opens only an empty store or one it created itself)
run: $(VENV)/.runtime
	ESKA_DEMO=1 ESKA_DATABASE_URL=sqlite:///$(CURDIR)/data/demo.db $(BIN)/streamlit run app.py

## run-large: demo mode on its own SQLite store with 3,000 synthetic children in 30 districts
run-large: $(VENV)/.runtime
	ESKA_DEMO=1 ESKA_DEMO_DATA=large ESKA_DATABASE_URL=sqlite:///data/demo-large.db $(BIN)/streamlit run app.py

## test: set up (venv, Chromium, PostgreSQL), then run the whole suite on SQLite and PostgreSQL
test: $(VENV)/.dev
	bash .ci/services.sh
	BROWSER_PATH="$$(cat $(VENV)/browser_path)" $(BIN)/python -m pytest -n 2 --dist loadgroup -q

## test-quick: the suite without the browser and PostgreSQL tests (for a fast loop while coding)
test-quick: $(VENV)/.dev
	$(BIN)/python -m pytest -n 2 -q -m "not browser and not postgres"

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(VENV)/.dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## bench: the benchmarks of bench/README.md (not part of the test suite)
bench: $(VENV)/.dev
	bash .ci/services.sh
	$(BIN)/python -m bench

## bench-national: issue 15's table at 400, 100,000 and 1,000,000 children (about an hour; 16 GB)
bench-national: $(VENV)/.dev
	bash .ci/services.sh
	$(BIN)/python -m bench --national

clean:
	rm -rf $(VENV) data
