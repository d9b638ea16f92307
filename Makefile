# Marsad: `make demo` sets up and analyses the bundled samples; `make test` sets up and runs the tests.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
DB ?= marsad.db

.PHONY: demo test bench evaluate install clean

$(VENV)/.installed: requirements.txt requirements-dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check setuptools==84.2.1 wheel==0.48.0
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/marsad analyze samples/ --db $(DB) --report

test: install
	$(BIN)/python -m pytest

bench: install
	$(BIN)/marsad bench -n 2000

evaluate: install
	for e in ner times places statements events; do $(BIN)/marsad evaluate $$e || exit 1; done

clean:
	rm -rf $(VENV) build *.egg-info
