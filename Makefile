# tsc-hub: `make run` starts the platform with demo data; `make test` runs every check.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
TSC := $(BIN)/tsc-hub
PG_URL ?= postgres://postgres@127.0.0.1:5432/tsc_hub
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test install install-dev lint types imports migrations-check deploy-check unit unit-sqlite unit-postgres browser messages clean

$(BIN)/activate:
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/activate
	$(BIN)/pip install --quiet -e ".[solver]"

install-dev: $(BIN)/activate
	$(BIN)/pip install --quiet -e ".[dev]"

## run: the platform at http://127.0.0.1:8000 on SQLite with demo data and a job worker.
run: install
	TSC_HUB_SETTINGS=config.settings.local $(TSC) migrate --no-input
	TSC_HUB_SETTINGS=config.settings.local $(TSC) seed-demo
	@echo "Starting the job worker and the web server at http://127.0.0.1:8000 (Ctrl-C stops both)"
	@TSC_HUB_SETTINGS=config.settings.local $(TSC) worker & worker=$$!; \
	 trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	 TSC_HUB_SETTINGS=config.settings.local $(TSC) runserver 127.0.0.1:8000

## test: lint, types, import contracts, migrations, deploy check, tests on SQLite and PostgreSQL, browser smoke test.
test: install-dev lint types imports migrations-check deploy-check unit-sqlite unit-postgres browser

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types:
	$(BIN)/mypy tsc_hub config

imports:
	$(BIN)/lint-imports

migrations-check:
	TSC_HUB_SETTINGS=config.settings.test $(TSC) makemigrations --check --dry-run

deploy-check:
	TSC_HUB_SETTINGS=config.settings.production TSC_HUB_SECRET_KEY="check-deploy-$$(date +%s)-a-long-random-looking-secret-value" \
	  TSC_HUB_DEBUG=false TSC_HUB_ALLOWED_HOSTS=tsc-hub.example $(TSC) check --deploy --fail-level WARNING

unit-sqlite:
	$(BIN)/pytest -m "not browser" -q

unit-postgres:
	@pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1 || { echo "PostgreSQL is not reachable at 127.0.0.1:5432"; exit 1; }
	TSC_HUB_DATABASE_URL=$(PG_URL) $(BIN)/pytest -m "not browser" -q

browser:
	$(BIN)/pytest -m browser -q --browser-output=$(CURDIR)/var/test-output

## messages: extract UI strings into the six .po files and compile them.
messages:
	cd tsc_hub && ../$(TSC) makemessages --no-obsolete --no-location -l ar -l en -l es -l fr -l ru -l zh_Hans -i "*/tests/*" -i "demo/data/*"
	$(TSC) compile-translations

clean:
	rm -rf $(VENV) var/test-output
