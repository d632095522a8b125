# BoardReady: `make demo` serves the site with demo data; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
STAMP := $(VENV)/.installed
# Test processes: one per core (pytest-xdist); `make test PYTEST_WORKERS=0` runs in one process.
PYTEST_WORKERS ?= auto
# Coverage of learning, modules and reflection, failing under [tool.coverage.report] fail_under
# in pyproject.toml; `make test COVERAGE=` runs the suite without it.
COVERAGE ?= --cov --cov-report=term:skip-covered

.PHONY: demo demo-code test bench loadtest serve install lint clean backup restore

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
	$(BIN)/mypy
	DJANGO_SETTINGS_MODULE=learning.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=learning.settings.test $(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest -n $(PYTEST_WORKERS) $(COVERAGE) $(PYTEST_ARGS)

# The performance benchmark: 5 to 7 minutes a run on two cores (README, Performance);
# BENCH_ARGS="--repeat 3" runs it three times (16 to 20 minutes) and checks the spread;
# BENCH_ARGS="--requests 20" is a quick look. Writes var/bench/latest.json and .md and fails if a target is missed.
bench: $(STAMP)
	DJANGO_SETTINGS_MODULE=learning.settings.bench $(MANAGE) bench $(BENCH_ARGS)

# The load test: locust against gunicorn (2 workers) and PostgreSQL on 127.0.0.1, about three
# minutes; needs root for scripts/start-postgres. `make loadtest LOADTEST_ARGS="--load-seconds 30"`
# for a shorter run. Writes var/loadtest/latest.md and fails on any failed request or slow p95.
LOAD_STAMP := $(VENV)/.installed-load
$(LOAD_STAMP): pyproject.toml requirements/constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -c requirements/constraints.txt -e ".[dev,load]"
	touch $(LOAD_STAMP)

loadtest: $(LOAD_STAMP)
	$(BIN)/python -m bench.loadtest.run $(LOADTEST_ARGS)

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
