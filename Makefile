# Two commands do everything on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PORT ?= 8000
NODE_STAMP := node_modules/.installed

.PHONY: site build test test-fast check new golden bench docs serve screenshots links links-external clean

site: $(STAMP)  ## check the records, build site/ and, beside it in a second process, the offline zip in dist/
	$(PY) build_catalog.py site

build: site

test: $(STAMP) $(NODE_STAMP)  ## the whole test suite, on every core, with the 15 slowest tests listed
	$(PY) -m pytest -q --strict-markers -n auto --durations=15 tests

test-fast: $(STAMP)  ## the inner loop: every test but the browser tests and the slow ones (bench, serve, hostile input, killed builds)
	$(PY) -m pytest -q --strict-markers -n auto -m "not browser and not slow" tests

check: $(STAMP)  ## only validate the records
	$(PY) build_catalog.py check

new: $(STAMP)  ## a new record from the template: make new TITEL="Naam" (ELEMENT=1 for a werkzaam element)
	@test -n "$$TITEL" || { echo 'Geef een titel mee, zoals: make new TITEL="Repair Café"'; exit 2; }
	$(PY) build_catalog.py new $(if $(ELEMENT),--element) "$$TITEL"

golden: $(STAMP)  ## after a deliberate change to listed records: rewrite tests/catalog_expected.yml (review its diff)
	UPDATE_GOLDEN=1 $(PY) -m pytest -q tests/test_catalog_content.py -k listed

bench: $(STAMP)  ## speed and size figures (no pass/fail in tests)
	$(PY) bench/bench.py

serve: $(STAMP)  ## live preview on http://127.0.0.1:$(PORT) (or the next free port) that follows edits to records
	$(PY) build_catalog.py serve --dev-addr 127.0.0.1:$(PORT)

screenshots: site  ## README screenshots of the built site (headless Chromium)
	$(PY) scripts/screenshots.py

links: site  ## every internal link and asset in site/ and in the unpacked offline zip
	$(PY) build_catalog.py links site
	rm -rf build/offline-check && $(PY) -m zipfile -e dist/catalogus-offline.zip build/offline-check
	$(PY) build_catalog.py links --offline build/offline-check/catalogus-offline

links-external: site  ## external links (needs the network; never part of make test)
	$(PY) build_catalog.py links --external site

docs: $(STAMP)  ## regenerate the field reference in CONTRIBUTING.md from the schema
	$(PY) build_catalog.py docs

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

clean:
	rm -rf site dist build
