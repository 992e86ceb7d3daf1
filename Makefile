# Two commands do all the set-up on a fresh Debian machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip
STAMP  := $(VENV)/.installed
PO     := $(wildcard translations/*/LC_MESSAGES/zorgkoppel.po)
# Compiled into the package (as the wheel's build step does), for a checkout's editable install.
MO     := $(patsubst translations/%/LC_MESSAGES/zorgkoppel.po,src/zorgkoppel/locale/%/LC_MESSAGES/zorgkoppel.mo,$(PO))

# Debian packages that Qt (offscreen and on a real screen), the fonts and the PDF checks need,
# and the PostgreSQL server the tests start a throwaway copy of (tests/postgres_server.py).
DEBS := libglib2.0-0 libegl1 libgl1 libfontconfig1 libxkbcommon0 libdbus-1-3 fonts-dejavu-core \
        poppler-utils xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
        libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 \
        desktop-file-utils postgresql

.PHONY: run test lint catalogs extract system-packages bench clean dist dist-test

run: $(STAMP) catalogs
	$(VENV)/bin/zorgkoppel gui

test: system-packages $(STAMP) catalogs
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest
	$(VENV)/bin/ruff check src tests benchmarks

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || { \
	  rm -rf $(VENV); \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null \
	    && $(PYTHON) -m venv $(VENV); \
	  else echo "Please install python3-venv (sudo apt-get install python3-venv)"; exit 1; fi; }
	$(PIP) install --quiet --upgrade pip
	@# sqlcipher3-wheels replaced sqlcipher3-binary: both install the module sqlcipher3.
	$(PIP) uninstall --quiet -y sqlcipher3-binary 2>/dev/null || true
	$(PIP) install --quiet -e '.[test]'
	touch $(STAMP)

# Installs the system libraries only when run as root and something is missing.
system-packages:
	@if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	  missing=""; for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	  if [ -n "$$missing" ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  fi; \
	fi

catalogs: $(STAMP) $(MO)

src/zorgkoppel/locale/%/LC_MESSAGES/zorgkoppel.mo: translations/%/LC_MESSAGES/zorgkoppel.po
	@mkdir -p $(dir $@)
	$(VENV)/bin/pybabel compile --statistics -D zorgkoppel -i $< -o $@ -l $*

# Developers: refresh the template and the catalogs after changing user-visible strings.
extract: $(STAMP)
	$(VENV)/bin/pybabel extract -F babel.cfg -k _ -k N_ -k NP_:1,2 -k ngettext:1,2 --no-location --sort-output \
	  --project zorgkoppel --msgid-bugs-address none -o translations/zorgkoppel.pot src
	$(VENV)/bin/pybabel update -D zorgkoppel -i translations/zorgkoppel.pot -d translations --no-fuzzy-matching --ignore-obsolete

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks

bench: $(STAMP) catalogs
	$(PY) benchmarks/startup.py
	$(PY) benchmarks/import_notes.py

# The desktop bundle (PyInstaller onedir, installer/zorgkoppel.spec) and its smoke test.
dist: $(STAMP) catalogs
	$(PIP) install --quiet 'pyinstaller>=6.10'
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN installer/zorgkoppel.spec

dist-test: dist
	installer/dist_test.sh dist/zorgkoppel/zorgkoppel

clean:
	rm -rf $(VENV) build dist src/*.egg-info
