# Two commands for people: `make run` (set up whatever is missing, start the app) and `make test`.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml requirements.lock 2>/dev/null | sha256sum | cut -c1-12)
MIRROR ?= $(or $(LENTERA_MIRROR),$(abspath ../shared/corpus))
PORT ?= 8501

.PHONY: run test setup index sync eval bench clean

$(STAMP): pyproject.toml requirements.lock
	@command -v $(PY) >/dev/null 2>&1 || { echo "Python 3.11 is needed (set PY=/path/to/python3.11)"; exit 1; }
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# torch first, pinned: a plain 'torch' would pull a multi-GB CUDA build
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	@rm -f $(VENV)/.installed-*; touch $@

setup: $(STAMP)

sync: setup
	$(BIN)/lentera sync --mirror $(MIRROR)

index: sync
	$(BIN)/lentera build

run: index
	$(BIN)/streamlit run app.py --server.port $(PORT) --server.headless true --browser.gatherUsageStats false

test: index
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

eval: index
	$(BIN)/lentera eval

bench: index
	$(BIN)/lentera bench

clean:
	rm -rf $(VENV) .lentera
