# Two commands do everything on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: site build test check bench docs serve screenshots clean

site: $(STAMP)  ## check the records, build site/ and the offline zip in dist/
	$(PY) build_catalog.py build

build: site

test: $(STAMP)  ## the whole test suite
	$(PY) -m pytest -q tests

check: $(STAMP)  ## only validate the records
	$(PY) build_catalog.py check

bench: $(STAMP)  ## speed and size figures (no pass/fail in tests)
	$(PY) bench/bench.py

serve: $(STAMP)  ## live preview on http://127.0.0.1:8000 that follows edits to records
	$(PY) build_catalog.py serve

screenshots: site  ## README screenshots of the built site (headless Chromium)
	$(PY) scripts/screenshots.py

docs: $(STAMP)  ## regenerate the field reference in CONTRIBUTING.md from the schema
	$(PY) build_catalog.py docs

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

clean:
	rm -rf site dist build
