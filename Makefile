# Two commands for a new user: `make run` and `make test`. Everything else is set up on the way.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DB     := db/kiosk.sqlite
DB_SOURCES := $(shell find db/sources db/seeds -type f 2>/dev/null) $(shell find kiosk/data -name '*.py' 2>/dev/null)

.PHONY: run test test-quick fit-sweep lint db venv syslibs clean dist package bench selftest translations mutants

run: $(STAMP) $(DB)
	@$(PY) -m kiosk.ui.platform.preflight
	$(VENV)/bin/kiosk --db $(DB) $(ARGS)

test: $(STAMP) $(DB) syslibs lint
	$(PY) -m pytest -q -n 2 --dist loadfile $(PYTEST_ARGS)

# The quick local loop: everything but the tests marked slow (the monkey, the frozen bundle).
test-quick: $(STAMP) $(DB) syslibs lint
	$(PY) -m pytest -q -n 2 --dist loadfile -m "not slow" $(PYTEST_ARGS)

# Lint, format and types, configured in pyproject.toml: an unformatted file fails `make test` (run `ruff format .`).
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

# The fit checker over every screen, five sizes, both languages and text sizes, bundled and stress data (30–50 min on 2 cores).
fit-sweep: $(STAMP) $(DB) syslibs
	FIT_SWEEP=1 $(PY) -m pytest -q tests/ui/test_fit.py $(PYTEST_ARGS)

# Each mutation in docs/mutants.md's table (a sed expression on one file) must fail its killing test; every file
# is restored afterwards, whatever happens. Fails when a mutation survives or its expression no longer applies.
mutants: $(STAMP) $(DB)
	@keep=$$(mktemp -d); trap 'for p in "$$keep"/*.path; do [ -e "$$p" ] && cp "$${p%.path}" "$$(cat "$$p")"; done; rm -rf "$$keep"' EXIT INT TERM; \
	awk -F'|' '/^\| M[0-9]/ { for (i = 2; i <= 6; i++) gsub(/^ +| +$$|`/, "", $$i); if ($$6 ~ /^tests\//) print $$2 "\t" $$3 "\t" $$5 "\t" $$6 }' docs/mutants.md > "$$keep/rows"; \
	bad=0; while IFS="$$(printf '\t')" read -r id file expr test; do \
	  cp "$$file" "$$keep/$$id"; echo "$$file" > "$$keep/$$id.path"; sed -i -e "$$expr" "$$file"; \
	  if cmp -s "$$file" "$$keep/$$id"; then echo "$$id: the expression no longer changes $$file"; bad=1; \
	  elif $(PY) -m pytest -q -n 0 -p no:cacheprovider "$$test" >/dev/null 2>&1; then echo "$$id SURVIVED: $$test"; bad=1; \
	  else echo "$$id killed by $$test"; fi; \
	  cp "$$keep/$$id" "$$file"; rm "$$keep/$$id" "$$keep/$$id.path"; \
	done < "$$keep/rows"; [ $$bad = 0 ]

db: $(DB)

# Interface translations: lupdate over the QML and Python into kiosk/ui/translations/*.ts, then lrelease to the
# .qm files the kiosk loads (both committed; a test fails when a string is unfinished or a .qm is stale).
translations: $(STAMP)
	$(PY) -m devtools.translations_tool update

$(DB): $(STAMP) $(DB_SOURCES)
	$(VENV)/bin/kiosk-db build --out $(DB)

venv: $(STAMP)

# Reinstall only when the declared dependencies change.
$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Python 3.11 or newer is needed (found: $(PYTHON))"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# Qt's offscreen platform still loads libEGL/libGL/fontconfig/xkbcommon; install them where we can.
syslibs:
	@sh packaging/ensure-syslibs.sh test

selftest: $(STAMP) $(DB)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/kiosk --db $(DB) --self-test --screenshots out/screens

bench: $(STAMP) $(DB)
	@for b in benchmarks/*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

# The standalone kiosk, one folder: dist/kiosk/ (what it leaves out: packaging/trim.py).
dist: $(STAMP) $(DB)
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN packaging/kiosk.spec

package: dist

clean:
	rm -rf $(VENV) build dist out $(DB) .pytest_cache
