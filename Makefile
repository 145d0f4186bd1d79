# Grooya: `make run` serves the app on http://127.0.0.1:8000; `make test` runs every check.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PY := .venv/bin/python
UV := $(shell command -v uv 2>/dev/null || echo "python3 -m uv")
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
CHROMIUM := /usr/bin/chromium

.PHONY: help run test install install-dev env chromium pango lint format css css-check bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

uv:
	@$(UV) --version >/dev/null 2>&1 || python3 -m pip install --quiet uv

install: uv ## Create .venv and install the runtime dependencies
	@$(UV) sync --frozen --no-dev --inexact --quiet

install-dev: uv
	@$(UV) sync --frozen --quiet

env: ## Write .env with a fresh SECRET_KEY for local development (once)
	@if [ ! -f .env ]; then \
	  printf 'DEBUG=true\nSECRET_KEY=%s\n' "$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')" > .env; \
	  echo "Wrote .env (DEBUG=true, fresh SECRET_KEY)."; \
	fi

run: install env pango ## Install, migrate, load demo data and serve on http://127.0.0.1:8000
	@$(PY) manage.py migrate --no-input
	@$(PY) manage.py seed_demo
	@$(PY) manage.py runserver 127.0.0.1:8000

chromium: ## Install Chromium for the browser tests when it is missing
	@if [ ! -x $(CHROMIUM) ]; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Chromium with apt…"; \
	    $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium >/dev/null; \
	  else \
	    $(PY) -m playwright install chromium; \
	  fi; \
	fi

# WeasyPrint (resume PDFs) lays text out with Pango, and falls back to DejaVu for characters the
# app's fonts lack. The check is WeasyPrint itself loading: it fails when a library is missing.
pango: ## Install Pango and fonts for WeasyPrint (resume PDFs) when they are missing
	@if ! $(PY) -c 'import weasyprint' >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi dejavu; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Pango and fonts for PDFs with apt…"; \
	    $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 \
	      libharfbuzz-subset0 fontconfig fonts-dejavu-core >/dev/null; \
	  else \
	    echo "Install Pango 1.44 or newer (WeasyPrint needs it for PDFs)."; \
	  fi; \
	fi

lint: install-dev ## ruff check and format check
	@$(PY) -m ruff check .
	@$(PY) -m ruff format --check .

format: install-dev ## Format the code with ruff
	@$(PY) -m ruff format .
	@$(PY) -m ruff check --fix .

css: ## Rebuild static/css/app.css (needs Node)
	@[ -d node_modules ] || npm ci --no-audit --no-fund
	@npm run --silent build:css

css-check: ## Fail when the committed CSS is stale (skipped when Node is missing)
	@if command -v npm >/dev/null 2>&1; then \
	  [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; \
	  tmp=$$(mktemp --suffix=.css); \
	  npx --no-install tailwindcss -i static/src/app.css -o $$tmp --minify 2>/dev/null; \
	  if ! cmp -s $$tmp static/css/app.css; then \
	    echo "static/css/app.css is stale: run 'make css' and commit it."; rm -f $$tmp; exit 1; \
	  fi; rm -f $$tmp; echo "CSS is up to date."; \
	else echo "Node is not installed: skipping the CSS freshness check."; fi

test: install-dev chromium pango ## Lint, Django checks, migrations check, CSS check and the whole pytest suite
	@$(PY) -m ruff check .
	@DEBUG=true $(PY) manage.py check
	@DEBUG=true $(PY) manage.py makemigrations --check --dry-run
	@$(MAKE) --no-print-directory css-check
	@$(PY) -m pytest -n auto --maxprocesses 4 --dist worksteal $(PYTEST_ARGS)

BENCH_ENV := DEBUG=false SECURE_SSL_REDIRECT=false ALLOWED_HOSTS=127.0.0.1,testserver \
	SECRET_KEY=bench-only-not-secret-0123456789abcdefghijklmnopqrstuvwxyz \
	STATIC_ROOT=$(CURDIR)/.bench/static MEDIA_ROOT=$(CURDIR)/.bench/media TASK_BACKEND=immediate \
	LOG_LEVEL=WARNING

bench: install pango ## Benchmark public pages, the editor and resume PDFs (PostgreSQL when DATABASE_URL is set)
	@for want in wrk:wrk nginx:nginx-light nginx:nginx; do \
	  tool=$${want%%:*}; package=$${want#*:}; \
	  command -v $$tool >/dev/null || [ -x /usr/sbin/$$tool ] || [ "$$(id -u)" != 0 ] \
	    || apt-get install -y -qq $$package >/dev/null 2>&1 \
	    || { apt-get update -qq && apt-get install -y -qq $$package >/dev/null 2>&1; } || true; \
	done
	@command -v wrk >/dev/null || echo "wrk is not installed: using the built-in load generator."
	@[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null || echo "nginx is not installed: no nginx rows."
	@$(BENCH_ENV) $(PY) manage.py collectstatic --no-input -v0
	@$(BENCH_ENV) $(PY) manage.py migrate --no-input -v0
	@$(BENCH_ENV) $(PY) manage.py bench $(BENCH_ARGS)
	@$(BENCH_ENV) $(PY) manage.py bench_resumes

clean: ## Remove build and test leftovers
	rm -rf .pytest_cache .ruff_cache staticfiles test-artifacts
