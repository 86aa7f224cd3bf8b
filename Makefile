# QunDesk — one target per task. `make run` and `make test` work on a fresh Linux machine with python3.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test
STAMP_DIST := $(VENV)/.installed-dist
TS := resources/translations/qundesk_zh_CN.ts resources/translations/qundesk_en.ts
SOURCES := $(shell find desktop ui models -name '*.py' 2>/dev/null)

.PHONY: run test lint format translations lupdate bench screenshots dist clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(PY)
	$(PIP) install --quiet -e '.[postgres]'
	touch $@

$(STAMP_TEST): pyproject.toml | $(PY)
	$(PIP) install --quiet -e '.[test,postgres]'
	touch $@ $(STAMP_RUN)

$(STAMP_DIST): pyproject.toml | $(PY)
	$(PIP) install --quiet -e '.[dist,postgres]'
	touch $@ $(STAMP_RUN)

# Qt's xcb plugin needs system libraries a fresh Debian lacks: tools/check_qt_libs.py prints the apt-get
# command (or installs them when run as root) instead of letting Qt abort.
run: $(STAMP_RUN) translations
	$(PY) tools/check_qt_libs.py
	$(VENV)/bin/qundesk

translations: $(STAMP_RUN)
	$(PY) -m desktop.i18n build

lupdate: $(STAMP_RUN)
	$(VENV)/bin/pyside6-lupdate $(SOURCES) -ts $(TS) -no-obsolete

lint: $(STAMP_TEST)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP_TEST)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

test: $(STAMP_TEST) translations lint
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest $(PYTEST_ARGS)

bench: $(STAMP_TEST)
	$(PY) -m benchmarks.run

screenshots: $(STAMP_RUN) translations
	$(PY) -m ui.screenshots docs/screenshots

# The one-folder application in dist/qundesk/ (PyInstaller, packaging/qundesk.spec), then its smoke test run
# headless (packaging/smoke_test.py). `make test` does not build it.
dist: $(STAMP_DIST) translations
	rm -rf dist/qundesk build/pyinstaller
	$(PY) -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller packaging/qundesk.spec
	$(PY) packaging/smoke_test.py dist/qundesk

clean:
	rm -rf $(VENV) build dist *.egg-info resources/translations/*.qm
