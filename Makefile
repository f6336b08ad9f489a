# The two commands of the README:  make run  (set up and start the app)  ·  make test  (set up and test)
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test setup system-deps lint bench constraints clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -c constraints.txt -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

system-deps:
	@bash scripts/install-system-deps.sh

run: setup system-deps
	$(BIN)/streamlit run app.py --server.headless true --browser.gatherUsageStats false

# The registry tests also run against PostgreSQL and the browser test drives Chromium: both are set up by
# scripts/install-test-deps.sh, whose last line is the test database URL.
test: setup system-deps
	$(BIN)/ruff check .
	@pg_url=$$(bash scripts/install-test-deps.sh | tail -1) || exit 1; \
	  export $${pg_url:-KENESSHI_TEST_PG_URL=}; \
	  $(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check .

bench: setup
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/classify.py
	$(BIN)/python bench/privacy.py
	$(BIN)/python bench/card.py
	$(BIN)/python bench/distribution.py
	$(BIN)/python bench/registry.py
	$(BIN)/python bench/documents.py
	$(BIN)/python bench/app.py

# Re-pin every transitive dependency after changing pyproject.toml.
constraints:
	$(BIN)/pip freeze --exclude-editable --exclude kenesshi > constraints.txt

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
