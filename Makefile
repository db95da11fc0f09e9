# Two entry points (see README): `make run` and `make test`. Both set up .venv first.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STORE ?= store

.PHONY: setup run test eval bench clean

$(BIN)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	# torch first, pinned, so nothing pulls a CUDA build
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $@

setup: $(BIN)/.installed

run: setup
	$(BIN)/python app.py --store $(STORE)

test: setup
	$(BIN)/python -m pytest

eval: setup
	$(BIN)/python -m eval --store $(STORE)

clean:
	rm -rf $(VENV) $(STORE)
