# BoardReady: `make demo` serves the site with demo data; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
STAMP := $(VENV)/.installed

.PHONY: demo demo-code test serve install lint clean backup restore

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall whenever the declared dependencies or the pinned constraints change.
$(STAMP): pyproject.toml requirements/constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -c requirements/constraints.txt -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(MANAGE) migrate --no-input
	$(MANAGE) seed_demo
	$(MANAGE) runserver 127.0.0.1:8000

# The current second-factor code of a demo chair, facilitator or editor.
demo-code: $(STAMP)
	@$(MANAGE) demo_code $(EMAIL)

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=learning.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=learning.settings.test $(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest $(PYTEST_ARGS)

# Backups: `make backup` writes backups/boardready-<time>.sqlite3 (or .dump on PostgreSQL);
# `make restore FILE=backups/...` puts one back. Both use the settings in DJANGO_SETTINGS_MODULE.
backup: $(STAMP)
	$(MANAGE) backup $(if $(OUT),--output $(OUT))

restore: $(STAMP)
	@test -n "$(FILE)" || (echo "Usage: make restore FILE=backups/boardready-....sqlite3" && exit 2)
	$(MANAGE) restore "$(FILE)" --confirm

lint: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) staticfiles
